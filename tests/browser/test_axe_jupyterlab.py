"""axe-core over every lesson and practice set in JupyterLab, as committed: tables, figures, ``where_from`` lists.

Each student copy is opened with its stored outputs and saved widget state, and nothing is run:
nbval (strict) keeps those outputs equal to a fresh run, so this is what a student sees after
running it, without running every notebook a second time in a browser kernel. The pages run in
JupyterLab with solutions shown, whose feedback and solution blocks the stored notebooks do not
have, are audited in ``test_jupyterlab.py``. WCAG 2.0/2.1 level A and AA, restricted to the
output areas (``.jp-OutputArea``); requests leaving the machine are blocked while the audit runs.
A violation fails naming the rule, the element and the notebook.

Nothing is let through. Two library weaknesses are avoided in the lessons instead: an ipywidgets
slider's handle has no accessible name (lesson 00 uses a labelled number box), and JupyterLab's
scrolling output element around a too-wide pandas table cannot take the keyboard focus (lessons keep
tables narrow).
"""

from __future__ import annotations

import pytest
from audit import audit

from warcourse.paths import EXERCISES, NOTEBOOKS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AUDITED = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted(EXERCISES.glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("source", AUDITED, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_lesson_and_practice_set_as_stored_has_no_wcag_violation(stored, source):
    audit(stored.open(source), within=stored.ACTIVE)
