"""The result of checking an answer, and safe ways to quote what a student gave."""

from __future__ import annotations

import html
from dataclasses import dataclass

_PREFIX = {True: "✔ Right. ", False: "✘ Not quite: ", None: "… Not answered yet: "}
_CLASS = {True: "right", False: "wrong", None: "unanswered"}
NOT_ANSWERED = "choose or type your answer and press Check, or in code replace ... with your answer."


def cite(lines: tuple[int, ...]) -> str:
    """``"article line 65"`` or ``"article lines 65, 66"`` ("" for no lines)."""
    if not lines:
        return ""
    word = "line" if len(lines) == 1 else "lines"
    return f"article {word} " + ", ".join(str(line) for line in lines)


@dataclass(frozen=True)
class Feedback:
    """What a checker says about one answer.

    ``correct`` is True, False, or None when nothing was answered yet;
    ``lines`` are the seed lines the expected answer comes from.
    """

    correct: bool | None
    message: str
    lines: tuple[int, ...] = ()

    def __str__(self) -> str:
        text = _PREFIX[self.correct] + self.message
        source = cite(self.lines)
        return f"{text} ({source})" if source else text

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        return (
            f'<div class="warcourse-feedback warcourse-{_CLASS[self.correct]}" role="status">'
            f"{html.escape(str(self))}</div>"
        )

    def bundle(self) -> dict[str, str]:
        """The MIME bundle shown in a notebook or a widget's Output area."""
        return {"text/plain": str(self), "text/html": self._repr_html_()}


def shown(value: object, limit: int = 60) -> str:
    """A short one-line ``repr`` of anything, even objects whose ``repr`` raises."""
    try:
        text = repr(value)
    except Exception:
        text = f"<{type_name(value)} that cannot be printed>"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def type_name(value: object) -> str:
    """How a student would call the type of ``value``: "a list", "a DataFrame"."""
    name = type(value).__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name}"


def plural(count: int, noun: str) -> str:
    """``"1 value"``, ``"3 values"``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def listing(items, limit: int = 8) -> str:
    """Quote up to ``limit`` items, comma-separated, saying how many more there are."""
    items = list(items)
    text = ", ".join(shown(item) for item in items[:limit])
    more = len(items) - limit
    return f"{text} and {more} more" if more > 0 else text
