"""Question banks: one per lesson and practice set, built from freshly loaded tables.

A notebook calls one function once and shows questions by name::

    q = questions.air_campaigns(theater)   # nothing to read here: the answers stay in the package
    q.between                              # shows the question and its widget
    q.between.check(my_answer)             # feedback; q.between.hint(), q.between.solution()

Expected answers are computed here from ``warcourse.data`` (each call loads
fresh copies), never from the student's variables. Each bank also holds the
questions of the lesson's summative check (``q.summative``).

A question shows a student only what they use (``check``, ``hint``, ``solution``,
the question, the tries). Tests and ``grade`` reach the answer key through
``key(q.between)``: the expected answer, its text, explanation, worked code,
every hint and the known mistakes.
"""

from __future__ import annotations

import importlib

from ..exercises import Key, key
from .bank import QuestionBank, Registry, Tables

_BANKS = {  # function name -> module that defines it (modules end in _bank, so no name is both)
    "start_here": "start_here_bank",
    "article_as_data": "article_as_data_bank",
    "article_practice": "article_as_data_bank",
    "coalition_formation": "coalition_formation_bank",
    "coalition_practice": "coalition_formation_bank",
    "air_campaigns": "air_campaigns_bank",
    "air_practice": "air_campaigns_bank",
    "casualty_accounting": "casualty_accounting_bank",
    "casualty_practice": "casualty_accounting_bank",
    "putting_it_together": "putting_it_together_bank",
}

BANKS = tuple(_BANKS)
"""The names of every bank function, in course order."""

__all__ = ["BANKS", "Key", "QuestionBank", "Registry", "Tables", "key", *_BANKS]


def __getattr__(name: str):
    """Load a bank's module only when a notebook asks for it (lessons import little)."""
    if name not in _BANKS:
        raise AttributeError(f"no question bank called {name!r}; the banks are {', '.join(_BANKS)}")
    bank = getattr(importlib.import_module(f"{__name__}.{_BANKS[name]}"), name)
    globals()[name] = bank
    return bank
