"""In a graded kernel, ``warcourse.questions`` is this: banks that record answers and hold no key.

The sandbox binds this folder over the package's ``questions`` folder, so the banks' code is not
there to import, reload or run from a fresh process. See ``warcourse.grading.recorder``.
"""

from warcourse.grading.recorder import RecordingBank as QuestionBank
from warcourse.grading.recorder import bank as __getattr__

__all__ = ["QuestionBank", "__getattr__"]
