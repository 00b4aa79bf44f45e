"""What the sandbox puts in place of the course's answer-holding modules (see ``warcourse.grading.sandbox``)."""
