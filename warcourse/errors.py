"""The one exception a user mistake raises: the CLI prints it as one line, no traceback."""


class CourseError(Exception):
    """A problem with the course's inputs that the user can fix; the message says where and how."""

    def _render_traceback_(self) -> list[str]:
        """In a notebook, IPython shows this single line instead of a traceback."""
        return [f"{type(self).__name__}: {self}"]


class UsageError(CourseError):
    """A bad command-line argument or lesson parameter (exit status 2)."""
