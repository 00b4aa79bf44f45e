"""``python -m warcourse grade``: grading handed-in notebooks, split by job.

- ``recorder`` (in the graded kernel) and ``stub``: question banks that record answers and hold no key;
- ``runner`` (in the sandbox): runs the notebook and reports what happened as JSON lines;
- ``sandbox``: the bubblewrap sandbox around the runner, its limits and environment;
- ``notebook`` and ``widgets``: what a handed-in file is, and the answers saved in its widgets;
- ``answers``: answers as plain JSON, both ways;
- ``judge``: verdicts from the course's own banks, in the grader's process;
- ``report``: the gradebook (long, wide, per question; CSV and HTML);
- ``grader``: a class graded with ``--jobs``, rows written as each file is graded.

Nothing is imported here: the runner and the recorder import this package inside the sandbox.
"""
