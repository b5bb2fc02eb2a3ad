"""Which stored survey answers count for the SKM figures, as SQL conditions.

One definition for the IKM report, the dashboard rows and the raw-answer export.
The aliases are code constants (never user input).
"""

from .statistics import SKM_MAX_SCORE
from .statistics import SKM_MIN_SCORE


def counted_inputs_where(user_input="ui"):
    """Submitted answers (``survey_user_input`` alias ``user_input``), test entries left out."""
    return f"{user_input}.state = 'done' AND {user_input}.test_entry IS NOT TRUE"


def scored_lines_where(line="l", question="q"):
    """Answered lines of a scored SKM element (alias ``line`` / ``question``) with a valid score."""
    return (
        f"{question}.skm_element IS NOT NULL AND {line}.skipped IS NOT TRUE "
        f"AND {line}.answer_score BETWEEN {SKM_MIN_SCORE} AND {SKM_MAX_SCORE}"
    )
