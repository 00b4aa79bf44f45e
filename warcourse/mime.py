"""The MIME types under which a notebook stores widgets: the views write them, the notebook tools read them.

Kept free of imports so that a lesson's kernel, which shows widgets, loads nothing more for them.
"""

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
