"""Features name fields, not flags: `str(error)` spells them for a person, the CLI as its flags."""

from __future__ import annotations

import pickle

from quiz.cli.errors import as_user_error
from quiz.console import flag
from quiz.errors import ClassroomError, QuizError, SettingsError, Wording, mention


def test_a_field_is_a_human_name_or_a_flag() -> None:
    error = ClassroomError("a time limit is between 1 second and 7 days", "time_limit")
    assert str(error) == "time limit: a time limit is between 1 second and 7 days"
    assert error.field == "time_limit"
    assert as_user_error(error).message == "--time-limit: a time limit is between 1 second and 7 days"
    assert flag("class_name") == "--class" and flag("skip_too_long") == "--skip-too-long"


def test_mentions_are_spelled_and_user_text_is_left_as_it_is() -> None:
    title = "{attempts} and {braces}"  # a user's text that looks like a mention is not one
    error = QuizError(f"{mention('show_key')} with {mention('attempts')} 2 in '{title}'")
    assert str(error) == "show key with attempts 2 in '{attempts} and {braces}'"
    assert error.render(flag) == "--show-key with --attempts 2 in '{attempts} and {braces}'"
    advice = Wording(f"leave them out with {mention('skip_too_long')}")
    assert str(advice) == "leave them out with skip too long"
    assert advice.render(flag) == "leave them out with --skip-too-long"


def test_a_settings_error_keeps_its_label_and_errors_still_pickle() -> None:
    error = SettingsError("Reviews a day: a whole number", field="reviews_per_day")
    assert str(error) == error.render(flag) == "Reviews a day: a whole number"
    assert str(pickle.loads(pickle.dumps(ClassroomError("at most 5", "options")))) == "options: at most 5"
