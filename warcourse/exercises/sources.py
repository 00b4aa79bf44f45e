"""Where to look, without saying what is there: the sections of the article that hold an exercise's lines."""

from __future__ import annotations

from functools import cache

from .feedback import joined

TOO_MANY = 3  # more sections than this read as "the article": the question then names its table


@cache
def _sections() -> dict[int, str]:
    from .. import data

    passages = data.passages()
    heading = passages["section"].astype(str).where(passages["subsection"].isna(),
                                                     passages["section"].astype(str) + " › "
                                                     + passages["subsection"].astype(str))
    return dict(zip(passages["line"].astype(int), heading))


def sections(lines: tuple[int, ...]) -> list[str]:
    """The distinct section headings ("Iraq › Military aid") of ``lines``, in article order."""
    found = []
    for line in lines:
        name = _sections().get(line)
        if name and name not in found:
            found.append(name)
    return found


def where(lines: tuple[int, ...]) -> str:
    """A pointer to reread for a wrong answer: the article's section(s) of ``lines``, never the lines."""
    found = sections(lines)
    if not found or len(found) > TOO_MANY:
        return "the passages and the table the question names"
    listed = joined(f"“{name}”" for name in found)
    return f"the article's section{'s' if len(found) > 1 else ''} {listed}"
