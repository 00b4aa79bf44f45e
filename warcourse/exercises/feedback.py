"""The result of checking an answer, and safe ways to quote what a student gave."""

from __future__ import annotations

import html
from dataclasses import dataclass

_PREFIX = {True: "✔ Right. ", False: "✘ Not quite. ", None: "… "}
_CLASS = {True: "right", False: "wrong", None: "unanswered"}
NOT_ANSWERED = {
    "widget": "Not answered yet: choose or type your answer and press Check.",
    "code": "Not answered yet: replace ... with your answer and run the cell again.",
}


LISTED = 4  # more lines than this are cited as a span, so the count of lines never tells a count asked for


def line_reference(lines, listed: int = LISTED) -> str:
    """``"line 65"``, ``"lines 65, 66"`` or, for more than ``listed`` lines, ``"lines 491–547"`` ("" for no
    lines); the course's one way to write seed lines (``tracing.line_refs`` reads them back)."""
    lines = sorted({int(line) for line in lines})
    if len(lines) > listed:
        return f"lines {lines[0]}–{lines[-1]}"
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines)) if lines else ""


def cite(lines: tuple[int, ...]) -> str:
    """``"article line 65"``, ``"article lines 65, 66"`` or ``"article lines 491–547"`` ("" for no lines)."""
    return f"article {line_reference(lines)}" if lines else ""


@dataclass(frozen=True)
class Feedback:
    """What a checker says about one answer.

    ``correct`` is True, False, or None when there is nothing to grade yet (not
    answered, or an answer that can be read two ways); ``lines`` are the seed
    lines where the evidence is (cited once the answer is right), ``where`` the
    part of the article or the table to reread (for a wrong answer).
    """

    correct: bool | None
    message: str
    lines: tuple[int, ...] = ()
    where: str = ""

    def __post_init__(self):
        object.__setattr__(self, "message", sentence(self.message))

    def __str__(self) -> str:
        text = _PREFIX[self.correct] + self.message
        source = cite(self.lines) or self.where
        return f"{text} (Where to look: {source}.)" if source else text

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        return (
            f'<div class="warcourse-feedback warcourse-{_CLASS[self.correct]} tex2jax_ignore mathjax_ignore" '
            f'role="status">{html.escape(str(self))}</div>'
        )

    def bundle(self) -> dict[str, str]:
        """The MIME bundle shown in a notebook or a widget's Output area."""
        return {"text/plain": str(self), "text/html": self._repr_html_()}


@dataclass(frozen=True)
class Note:
    """A plain message from an exercise (a hint, a solution, a refusal) that shows as text and HTML."""

    title: str
    text: str

    def __str__(self) -> str:
        return f"{self.title}: {self.text}" if "\n" not in self.text else f"{self.title}:\n{self.text}"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        return (f'<div class="warcourse-note tex2jax_ignore mathjax_ignore" role="status" '
                f'style="white-space: pre-wrap"><strong>{html.escape(self.title)}:</strong> '
                f"{html.escape(self.text)}</div>")

    def bundle(self) -> dict[str, str]:
        return {"text/plain": str(self), "text/html": self._repr_html_()}


def shown(value: object, limit: int = 60) -> str:
    """A short one-line ``repr`` of anything, even objects whose ``repr`` raises."""
    try:
        text = repr(value)
    except Exception:
        text = f"<{type_name(value)} that cannot be printed>"
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if isinstance(value, str) and text[:1] in "'\"":
        return text[: limit - 2] + "…" + text[0]  # a cut text keeps its closing quote
    return text[: limit - 1] + "…"


def type_name(value: object) -> str:
    """How a student would call the type of ``value``: "a list", "a DataFrame"."""
    name = type(value).__name__
    if name == "ndarray":
        return "a NumPy array"
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name}"


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a final full stop (or other end mark)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?)”\"'" else text + "."


def plural(count: int, noun: str) -> str:
    """``"1 value"``, ``"1,128 values"``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def joined(items, conjunction: str = "and") -> str:
    """"A", "A and B", "A, B and C" (or "or"); "" for no items."""
    items = [str(item) for item in items]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}" if len(items) > 1 else "".join(items)


def listing(items, limit: int = 8) -> str:
    """Quote up to ``limit`` items, comma-separated, saying how many more there are."""
    items = list(items)
    text = ", ".join(shown(item) for item in items[:limit])
    more = len(items) - limit
    return f"{text} and {more} more" if more > 0 else text
