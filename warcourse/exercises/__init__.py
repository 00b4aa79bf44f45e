"""Exercises: pure checkers (``check(answer) -> Feedback``) with thin ipywidgets views.

Graded kinds: MultipleChoice, Numeric, SetAnswer, Ordering, PandasAnswer;
Explore is an ungraded interactive figure. Every graded exercise has
``check``, ``hint`` (a ladder), ``solution`` (after two tries, or with
``configure(show_solutions=True)``, the instructor switch) and ``answer_text``.
Lessons never build exercises themselves: ``warcourse.questions`` does.
"""

from . import record
from .base import Exercise, Key, configure, key
from .choice import MultipleChoice
from .explore import Explore
from .feedback import Feedback, Note
from .frames import PandasAnswer
from .numeric import Numeric
from .ordering import Ordering
from .sets import SetAnswer
from .views import ExerciseView, display_exercise

Exercise.displayer = display_exercise

__all__ = ["Exercise", "ExerciseView", "Explore", "Feedback", "Key", "key", "MultipleChoice", "Note", "Numeric", "Ordering",
           "PandasAnswer", "SetAnswer", "configure", "record"]
