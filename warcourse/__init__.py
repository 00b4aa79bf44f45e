"""Counting a war: the helper package behind the course's notebooks.

Import what you need from the submodules, for example ``from warcourse import data``.
Nothing heavy is imported here, so ``import warcourse`` stays fast.
"""

__version__ = "0.1.0"
