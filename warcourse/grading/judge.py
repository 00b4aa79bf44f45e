"""Verdicts, in the grader's own process: every question of the notebook judged by the course's checker.

The bank is built here from the course's tables (``getattr(warcourse.questions, bank)(*args)``),
once per bank and arguments for the whole class, and each recorded answer is decoded
(``answers.decode``) and given to ``exercise.check``. Nothing the kernel said about an answer
counts, only the answer. A question is named by its bank id and a version (``version``: its kind
and form with the numbers left out, so a data fix does not change it).

Per question: ``right`` when the last answer in code or the answer left in its widget is right,
``wrong``, ``unanswered`` (asked, no answer to judge), ``missing`` (its cells are not in the file);
the tries (answers judged), hints asked, and whether the solution was shown before the right answer
(asked for with ``show_solutions`` on, or after two tries).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import threading

from ..errors import CourseError
from .answers import Unreadable, decode
from .notebook import NotGradable

TRIES_BEFORE_SOLUTION = 2  # as warcourse.exercises: solution() shows the solution after two tries


class Banks:
    """The course's question banks, built once per bank and arguments; checks run one at a time."""

    def __init__(self):
        self.lock = threading.RLock()
        self.built: dict[tuple, object] = {}

    def names(self) -> tuple[str, ...]:
        from .. import questions

        return tuple(getattr(questions, "BANKS", None) or [n for n in questions.__all__ if n[:1].islower()])

    def get(self, bank: str, args: list):
        key = (bank, json.dumps(args, sort_keys=True, default=repr))
        with self.lock:
            if key not in self.built:
                from .. import questions

                try:
                    self.built[key] = getattr(questions, bank)(*args)
                except (CourseError, TypeError, ValueError) as exc:
                    raise NotGradable("damaged", f"questions.{bank}{tuple(args)!r} cannot be built: {exc}") from None
            return self.built[key]

    def check(self, exercise, answer, via: str) -> tuple[bool | None, str]:
        """Whether ``answer`` is right (None: not graded, blank or unclear), and the feedback's message."""
        with self.lock:
            try:
                feedback = exercise.check(answer, via=via)
                return feedback.correct, feedback.message
            except Exception:  # the contract says check never raises; if it does, the answer is not right
                return False, ""


def version(exercise) -> str:
    """A short fingerprint of a question's kind and form, without its numbers."""
    try:
        form = [type(exercise).__name__, *exercise.describe()]
    except Exception:
        form = [type(exercise).__name__]
    text = re.sub(r"\d[\d,.]*", "#", json.dumps(form, default=str))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def shown_answer(answer: object) -> str:
    """An answer as a short line of text for the gradebook."""
    name = type(answer).__name__
    if name == "DataFrame":
        return f"(a table of {len(answer)} rows: {', '.join(map(str, answer.columns))})"[:120]
    if name in ("Series", "Index", "ndarray") or name.endswith("Array"):
        return f"({name} of {len(answer)} values: " + "; ".join(map(str, list(answer)[:10]))[:90] + ")"
    if isinstance(answer, (set, frozenset)) or name in ("dict_keys", "dict_values"):
        answer = sorted(answer, key=str)
    if isinstance(answer, (list, tuple)):
        return "; ".join(map(str, answer))[:120]
    if isinstance(answer, float) and math.isfinite(answer) and answer == int(answer):
        answer = int(answer)
    return " ".join(str(answer).split())[:120]


def verdict(banks: Banks, exercise, events: list[dict], widget: tuple | None, show_solutions: bool) -> dict:
    """One gradebook row for ``exercise`` from its recorded events (check, hint, solution) and widget answer."""
    tries = hints = 0
    right_seen = early_solution = False
    code, notes, unclear = [], [], ""
    for event in events:
        kind = event.get("event")
        if kind == "check":
            try:
                answer = decode(event.get("answer"))
            except Unreadable as problem:
                notes.append(f"an answer could not be read back ({problem})")
                continue
            correct, message = banks.check(exercise, answer, "code")
            unclear = unclear_note(answer, message) if correct is None else unclear
            if correct is not None:
                tries += 1
                code.append((answer, correct))
                right_seen |= bool(correct)
        elif kind == "hint":
            hints += 1
        elif kind == "solution" and not right_seen and (show_solutions or tries >= TRIES_BEFORE_SOLUTION):
            early_solution = True
    last = code[-1:]
    via = ["code"] * len(last)
    if widget is not None:
        answer, checked = widget
        correct, message = banks.check(exercise, answer, "widget")
        unclear = unclear_note(answer, message) if correct is None else unclear
        if correct is not None:
            last.append((answer, correct))
            via.append("widget")
            tries += bool(checked)
    if not last:
        return {"result": "unanswered", "tries": tries, "hints": hints,
                "solution first": "yes" if early_solution else "", "answer": "", "via": "",
                "note": "; ".join(notes + [unclear] if unclear else notes)}
    pick = next((n for n, (_, correct) in enumerate(last) if correct), len(last) - 1)
    answer, correct = last[pick]
    return {"result": "right" if correct else "wrong", "tries": tries, "hints": hints,
            "solution first": "yes" if early_solution else "", "answer": shown_answer(answer), "via": via[pick],
            "note": "; ".join(notes)}


def unclear_note(answer, message: str) -> str:
    """For the gradebook: an answer the checker could not grade (read two ways), with what it told the student;
    "" for a blank one (``...``, None, empty text)."""
    if answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip()):
        return ""
    return f"the last answer, {shown_answer(answer)}, was not graded: {message}"
