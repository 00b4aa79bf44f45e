"""The per-question test cases of every bank, registered by the ``cases_<bank>.py`` modules beside this one.

Each question of each bank has one ``Case``: its canonical answer computed here in plain
pandas from fresh tables (never by calling the package function that computes the expected
answer, never by reading the question text), other right forms a student writes, and at least
three typical mistakes with words that its diagnosis must contain::

    @case("air_campaigns.between",
          mistakes=lambda t, theater: [(later_total, "running total"), ...])
    def _(t, theater):
        us = t.strike_counts[...]
        return int(us["value"].iloc[1] - us["value"].iloc[0])

The functions take a ``warcourse.questions.Tables`` and, by name, the bank parameters they need.
``tests/banks/test_questions.py`` runs every case once per distinct question and parameter value.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    """How to test one question: its canonical answer, other right forms, typical mistakes."""

    qid: str
    canonical: Callable
    mistakes: Callable
    forms: Callable | None = None

    @staticmethod
    def call(function: Callable, tables, parameters: dict):
        names = list(inspect.signature(function).parameters)[1:]
        return function(tables, **{name: parameters[name] for name in names})


CASES: dict[str, Case] = {}


@functools.cache
def shown_questions(source: str) -> tuple[str, ...]:
    """The names of the questions a cell shows (a statement that is just ``q.NAME``)."""
    return tuple(node.value.attr for node in ast.parse(source).body
                 if isinstance(node, ast.Expr) and isinstance(node.value, ast.Attribute)
                 and isinstance(node.value.value, ast.Name) and node.value.value.id == "q")


@functools.cache
def built_bank(bank: str, *args):
    """``questions.<bank>(*args)``, built once a session: a case reads only what a question shows (its labels,
    options or choices), which building the bank again gives the same (it was built again for every call)."""
    from warcourse import questions

    return getattr(questions, bank)(*args)


def case(qid: str, *, mistakes: Callable, forms: Callable | None = None) -> Callable:
    """Register the decorated function as the canonical answer of question ``qid`` ("bank.name")."""
    def register(canonical: Callable) -> Callable:
        if qid in CASES:
            raise ValueError(f"{qid} has two cases")
        CASES[qid] = Case(qid, canonical, mistakes, forms)
        return canonical

    return register


def ten_times(count: int) -> tuple[int, str]:
    """A count typed ten times too big, with the words its feedback should say: "about 10 times" fits
    the answers within a quarter of a tenth of what was typed, so for a count under 4, where that band
    would hold one whole number and tell the answer, the feedback says only "too high"."""
    return count * 10, "10 times" if count >= 4 else "too high"


def load_cases() -> dict[str, Case]:
    """Import every ``cases_*.py`` module beside this one and return the registered cases."""
    folder = Path(__file__).parent
    for module in pkgutil.iter_modules([str(folder)]):
        if module.name.startswith("cases_"):
            importlib.import_module(f"banks.{module.name}")
    return CASES


@functools.cache
def bank_calls() -> tuple[tuple[str, dict], ...]:
    """(bank function, parameters by name) for every notebook and every allowed value of its parameters
    (read once a session: several test modules parametrise with it)."""
    from warcourse.catalogue import discover

    found = {}
    for notebook in discover():
        if notebook.kind != "exercises":  # a student copy builds the bank its solution builds
            bank = notebook.bank_call().bank
            for parameters in notebook.bank_parameters():
                found[(bank, tuple(parameters.values()))] = (bank, parameters)
    return tuple(found[k] for k in sorted(found, key=repr))
