"""Options named by letter: how a set's options or an ordering's items are shown and answered in one box.

The widget lists the options as A, B, C, … and reads the letters typed in one text box
("B, D" or "c a b"); an answer given in code may be the same text. One box keeps a
question's widget to a fixed dozen models, whatever its number of options, and it is
answered with the keyboard alone.
"""

from __future__ import annotations

import re
import string

from .matching import NotACollection

LETTERS = string.ascii_uppercase
_BETWEEN = re.compile(r"(?:[\s,;/&+>→–—-]|\b(?:and|then)\b)+", re.IGNORECASE)  # "B, D", "c a b", "C -> A -> B",
# "B/D", "B & D", "B and D", "C then A then B"
_LETTER = re.compile(r"([A-Za-z])[.)]?")  # a letter, perhaps as written in a list: "A." or "a)"


class NotALetter(NotACollection):
    """Letters typed past the last one shown."""


def lettered(labels) -> list[tuple[str, str]]:
    """(letter, label) for each label, A first; at most 26."""
    labels = list(labels)
    if len(labels) > len(LETTERS):
        raise ValueError(f"at most {len(LETTERS)} options can be named by letter, got {len(labels)}")
    return list(zip(LETTERS, labels))


def read(text: str, count: int) -> list[int] | None:
    """The positions (0 for A) of the letters ``text`` names, in its order; None if ``text`` is not just letters.

    Raises ``NotALetter`` for a letter past the ``count`` options shown.
    """
    found = [_LETTER.fullmatch(token) for token in _BETWEEN.split(text.strip()) if token]
    if not found or not all(found):
        return None
    positions = [LETTERS.index(letter.group(1).upper()) for letter in found]
    beyond = [LETTERS[position] for position in positions if position >= count]
    if beyond:
        raise NotALetter(f"“{beyond[0]}” is not one of the letters shown (A to {LETTERS[count - 1]})")
    return positions


def read_list(items, count: int) -> list[int] | None:
    """The positions named by a list of letters given in code (``["A", "C"]``), in its order; None unless
    every item is one letter as text. Raises ``NotALetter`` like ``read``."""
    items = list(items)
    if not items or not all(isinstance(item, str) and _LETTER.fullmatch(item.strip()) for item in items):
        return None
    return read(" ".join(item.strip() for item in items), count)
