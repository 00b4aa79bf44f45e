"""In the graded kernel: question banks that record answers and know nothing about them.

Inside the sandbox the folder ``warcourse/questions/`` is replaced by ``stub/questions`` (see
``sandbox``), so ``questions.<bank>(...)`` returns a ``RecordingBank`` here, whatever the notebook
does: reloading the package, clearing a switch or starting a fresh ``python`` finds no bank that
can compute an answer. ``q.<name>.check(answer)`` writes the answer as one line of JSON to the file
descriptor the runner gave the kernel (``WARCOURSE_RECORD_FD``) and says nothing about it;
``hint()`` and ``solution()`` are recorded and give nothing. ``install_draft`` makes lesson 05's
``Draft.write(section, text)`` record the text too. The grader judges every record itself.
"""

from __future__ import annotations

import json
import os

from .answers import encode_safely

FD = "WARCOURSE_RECORD_FD"
SAID = "Recorded for grading: this notebook is being graded, nothing is checked here."


def record(event: str, **fields) -> None:
    """Write one record (``event`` plus plain data) to the runner, if there is one."""
    fd = os.environ.get(FD, "")
    if not fd.isdigit():
        return
    line = (json.dumps({"event": event, **fields}) + "\n").encode("utf-8")
    try:
        os.write(int(fd), line)
    except OSError:  # the notebook closed the descriptor: nothing more is recorded
        pass


class Recorded:
    """What ``check``, ``hint`` and ``solution`` return in a graded kernel: no verdict, no help
    (shaped like a ``Feedback``, so a lesson cell that reads one runs on)."""

    correct = None
    message = SAID
    lines: tuple[int, ...] = ()

    def __repr__(self) -> str:
        return SAID


class RecordingQuestion:
    """``q.<name>`` in a graded kernel: records each answer checked in code."""

    def __init__(self, bank: str, name: str):
        self.id = f"{bank}.{name}"
        self.name = name
        self.question = f"q.{name}"
        self.tries = 0

    def check(self, answer: object = None, via: str = "code") -> Recorded:
        self.tries += 1
        record("check", question=self.id, answer=encode_safely(answer), via="code" if via == "code" else "widget")
        return Recorded()

    def hint(self) -> Recorded:
        record("hint", question=self.id)
        return Recorded()

    def solution(self) -> Recorded:
        record("solution", question=self.id)
        return Recorded()

    def __repr__(self) -> str:
        return f"{self.question} (this notebook is being graded)"


class RecordingBank:
    """What ``questions.<bank>(...)`` returns in a graded kernel: any ``q.<name>`` records."""

    def __init__(self, bank: str, *args, **parameters):
        self.bank = bank
        self.parameters = parameters
        self.summative: list[str] = []
        self._asked: dict[str, RecordingQuestion] = {}
        record("bank", bank=bank, args=[encode_safely(a) for a in args],
               parameters={str(k): encode_safely(v) for k, v in parameters.items()})

    def __getattr__(self, name: str) -> RecordingQuestion:
        if name.startswith("_"):
            raise AttributeError(name)
        asked = self.__dict__.setdefault("_asked", {})
        return asked.setdefault(name, RecordingQuestion(self.__dict__.get("bank", "?"), name))

    __getitem__ = __getattr__

    def __iter__(self):
        return iter(self._asked)

    def __len__(self) -> int:
        return len(self._asked)

    def lesson(self) -> list[str]:
        return list(self._asked)

    def __repr__(self) -> str:
        return f"Questions of {self.bank} (this notebook is being graded)"


def bank(name: str):
    """The function that stands for ``questions.<name>`` in a graded kernel."""
    if name.startswith("_"):
        raise AttributeError(name)

    def build(*args, **parameters) -> RecordingBank:
        return RecordingBank(name, *args, **parameters)

    build.__name__ = build.__qualname__ = name
    return build


def install_draft() -> None:
    """Make lesson 05's ``Draft.write(section, text)`` record what the student wrote (as text)."""
    from warcourse.draft import Draft

    write = Draft.write

    def recording_write(self, section, text, *args, **kwargs):
        record("draft", section=str(section), text=text if isinstance(text, str) else None,
               theater=str(getattr(self, "theater", "")))
        return write(self, section, text, *args, **kwargs)

    Draft.write = recording_write


def install_questions() -> None:
    """Without a sandbox (``grade --no-sandbox``): put the recording banks in place of the real ones.

    A notebook can undo this; that is why ``grade`` uses the sandbox unless told otherwise.
    """
    import sys

    from .stub import questions

    sys.modules["warcourse.questions"] = questions
    import warcourse

    warcourse.questions = questions
