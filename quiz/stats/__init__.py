"""Progress over time (issue #13): a learner's or a class's statistics, computed without Textual.

`Statistics` is the service (`desk.statistics`); the reports are frozen dataclasses whose `to_dict`
is the `quiz stats --json` schema and `to_csv` the per-day series for a spreadsheet.
"""

from quiz.stats.model import CSV_COLUMNS, ClassReport, LearnerReport, Period, StudentRow
from quiz.stats.service import PaperSource, Statistics

__all__ = ["CSV_COLUMNS", "ClassReport", "LearnerReport", "PaperSource", "Period", "Statistics", "StudentRow",
]
