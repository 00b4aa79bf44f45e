"""The one exception a user mistake raises (the CLI prints it as one line, no traceback),
and how to say any exception in one line."""


class CourseError(Exception):
    """A problem with the course's inputs that the user can fix; the message says where and how."""

    def _render_traceback_(self) -> list[str]:
        """In a notebook, IPython shows this single line instead of a traceback."""
        return [f"{type(self).__name__}: {self}"]


class UsageError(CourseError):
    """A bad command-line argument or lesson parameter (exit status 2)."""


def first_line(exc: BaseException) -> str:
    """``Type: the first line of its message``, or the type's name alone when the message is empty."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__
