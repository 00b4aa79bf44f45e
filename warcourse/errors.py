"""The one exception a user mistake raises: the CLI prints it as one line, no traceback."""


class CourseError(Exception):
    """A problem with the course's inputs that the user can fix; the message says where and how."""


class UsageError(CourseError):
    """A bad command-line argument or lesson parameter (exit status 2)."""
