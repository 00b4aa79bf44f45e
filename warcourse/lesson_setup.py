"""What every lesson does first: check its parameters, switch solutions on or off, set display options.

A lesson's first code cell is tagged ``parameters`` and declares each parameter
with its allowed values in a comment (the render command reads that comment):

    show_solutions = False  # allowed: True, False
    theater = "all"  # allowed: "all", "Iraq", "Syria", "Libya", "Afghanistan"

The next cell calls ``setup(...)`` with the same values, so a lesson run with a
value that is not allowed (by papermill, or by editing the cell) stops at once
with a message that lists the allowed ones.
"""

from __future__ import annotations

from .errors import UsageError


def require(name: str, value, allowed) -> None:
    """Raise a one-line error unless ``value`` is one of ``allowed``."""
    allowed = tuple(allowed)
    if not any(type(value) is type(a) and value == a for a in allowed):  # 1 does not pass for True
        shown = ", ".join(repr(a) for a in allowed)
        raise UsageError(f"parameter {name} = {value!r} is not allowed; choose one of {shown}")


def setup(show_solutions: bool = False, **choices: tuple) -> None:
    """Check parameters, set the exercises' solution switch and the course's pandas display options.

    A summative check calls it without ``show_solutions``: its solutions stay off.

    ``choices`` maps each other parameter to ``(value, allowed_values)``.
    """
    import pandas as pd

    from .exercises import configure

    require("show_solutions", show_solutions, (True, False))
    for name, (value, allowed) in choices.items():
        require(name, value, allowed)
    configure(show_solutions=show_solutions)
    pd.set_option("display.max_rows", 30)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.html.use_mathjax", False)  # "$1.7 million to $5.1 million" is text, not maths
