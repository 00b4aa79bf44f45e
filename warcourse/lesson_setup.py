"""What every lesson does first: switch solutions on or off, set display options; ``require`` for parameters.

A lesson's first code cell is tagged ``parameters``; its comments show the allowed values:

    show_solutions = False  # allowed: True, False
    theater = "all"  # allowed: "all", "Iraq", "Syria", "Libya", "Afghanistan"

The next cell calls ``setup(show_solutions)`` and, right after it, builds the
lesson's questions (``q = questions.air_campaigns(theater)``): the bank checks
the parameters it declares, so a lesson run with a value that is not allowed (by
papermill, or by editing the cell) stops at once with a message that lists the
allowed ones.
"""

from __future__ import annotations

from .errors import UsageError


def require(name: str, value, allowed) -> None:
    """Raise a one-line error unless ``value`` is one of ``allowed``."""
    allowed = tuple(allowed)
    if not any(type(value) is type(a) and value == a for a in allowed):  # 1 does not pass for True
        shown = ", ".join(repr(a) for a in allowed)
        raise UsageError(f"parameter {name} = {value!r} is not allowed; choose one of {shown}")


def setup(show_solutions: bool = False) -> None:
    """Set the exercises' solution switch and the course's pandas display options.

    A summative check calls it without ``show_solutions``: its solutions stay off.
    """
    import pandas as pd

    from .exercises import configure

    require("show_solutions", show_solutions, (True, False))
    configure(show_solutions=show_solutions)
    pd.set_option("display.max_rows", 30)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.html.use_mathjax", False)  # "$1.7 million to $5.1 million" is text, not maths
