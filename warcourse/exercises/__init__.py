"""Exercises: pure checkers (``check(answer) -> Feedback``) with thin ipywidgets views.

Graded kinds: MultipleChoice, Numeric, SetAnswer, Ordering, PandasAnswer;
Explore is an ungraded interactive figure. ``configure(show_solutions=...)``
is the instructor switch.
"""

from .base import configure
from .choice import MultipleChoice
from .explore import Explore
from .feedback import Feedback
from .frames import PandasAnswer
from .numeric import Numeric
from .ordering import Ordering
from .sets import SetAnswer

__all__ = ["Explore", "Feedback", "MultipleChoice", "Numeric", "Ordering", "PandasAnswer",
           "SetAnswer", "configure"]
