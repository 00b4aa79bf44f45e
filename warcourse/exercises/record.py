"""Every answer checked in this kernel, in order: what the ``grade`` command reads back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attempt:
    """One check: which question, how it went, the answer as given, and from where."""

    question_id: str
    correct: bool | None
    answer: object
    via: str  # "code" or "widget"


_ATTEMPTS: list[Attempt] = []


def note(question_id: str, correct: bool | None, answer: object, via: str) -> None:
    """Remember one check."""
    _ATTEMPTS.append(Attempt(question_id, correct, answer, via))


def attempts() -> list[Attempt]:
    """Every check made so far in this kernel (a copy)."""
    return list(_ATTEMPTS)
