"""Exercises: pure checkers (``check(answer) -> Feedback``) with thin ipywidgets views.

Graded kinds: MultipleChoice, Numeric, SetAnswer, Ordering, PandasAnswer;
Explore is an ungraded interactive figure. Every graded exercise has
``check``, ``hint`` (a ladder), ``solution`` (after two tries, or with
``configure(show_solutions=True)``, the instructor switch); ``key(exercise)``
reads the answer key, which the exercise keeps off its own surface. Lessons
never build exercises themselves: ``warcourse.questions`` does. Bank authors
pass ``normalise=country`` to match country names as students write them.
"""

from . import record
from .base import Exercise, Key, configure, key
from .choice import MultipleChoice
from .explore import Explore
from .feedback import Feedback, Note
from .frames import PandasAnswer
from .names import country
from .numeric import Numeric
from .ordering import Ordering
from .sets import SetAnswer
from .views import ExerciseView, display_exercise

Exercise.displayer = display_exercise

__all__ = ["Exercise", "ExerciseView", "Explore", "Feedback", "Key", "key", "MultipleChoice", "Note", "Numeric",
           "Ordering",
           "PandasAnswer", "SetAnswer", "configure", "country", "record"]
