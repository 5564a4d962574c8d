"""A question and its verdict as both study screens show them (the learner's, and the student's
homework screen), on the widgets `question_layout` composes for each under the same ids:
#question-box, #question-text, #answer-box with #options, #typed and #marked-options, #typed-note,
and a FeedbackPanel."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from rich.text import Text
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.study.items import Feedback, StudyItem
from quiz.tui.format import mode_line
from quiz.tui.screens.study_options import marked_options, numbered
from quiz.tui.widgets.answer_input import AnswerInput, AnswerTarget
from quiz.tui.widgets.feedback import FeedbackPanel
from quiz.tui.widgets.session_bar import SessionBar

TYPED_MODES = ("typed", "cloze")


def question_layout(target: AnswerTarget, *more_answers: Widget) -> Iterator[Widget]:
    """A study screen's body, for its `compose`: the session bar, the question, the answer box
    (choices, a typed answer, and `more_answers`: the learner's flip card and rating buttons) and
    the feedback, which scrolls inside the room left with its border whole."""
    with Vertical(id="study"):
        yield SessionBar(id="session-bar")
        with Vertical(id="question-box"):
            yield Static(id="question-text")
        with Vertical(id="answer-box"):
            yield OptionList(id="options")
            yield Static(id="marked-options")
            yield AnswerInput(target, id="typed", placeholder="Type your answer and press Enter")
            yield Static(id="typed-note")
            yield from more_answers
        with Vertical(id="feedback-area"):
            yield FeedbackPanel(id="feedback")


def show_question(screen: DOMNode, item: StudyItem, hints: Mapping[str, str]) -> None:
    """The prompt under its mode line and key hint, then the choices or the answer box, focused;
    the last verdict hidden. A flip card gets neither: the screen shows its own."""
    q = item.question
    box = screen.query_one("#question-box")
    box.border_title = mode_line(q.kind, q.mode, item.state)
    box.border_subtitle = hints.get(str(q.mode), "").format(n=len(q.options))
    screen.query_one("#question-text", Static).update(Text(q.prompt))
    options = screen.query_one("#options", OptionList)
    typed = screen.query_one("#typed", Input)
    options.display = q.mode == "mc"
    typed.display = q.mode in TYPED_MODES
    for hidden in ("#marked-options", "#typed-note", "#feedback"):
        screen.query_one(hidden).display = False
    screen.query_one("#answer-box").display = True
    if q.mode == "mc":
        options.clear_options()
        options.add_options(Option(numbered(i, opt), id=str(i)) for i, opt in enumerate(q.options, 1))
        options.highlighted = 0
        options.focus()
    elif q.mode in TYPED_MODES:
        typed.value = ""
        typed.placeholder = "Fill the gap and press Enter" if q.mode == "cloze" else "Type your answer and press Enter"
        typed.focus()


def show_verdict(screen: DOMNode, item: StudyItem | None, fb: Feedback) -> None:
    """The verdict under the question; a multiple-choice question keeps its options, marked."""
    screen.query_one("#typed-note").display = False  # a refusal before this try is old news
    if item is not None and item.question.mode == "mc":
        q = item.question
        screen.query_one("#options").display = False
        marked = screen.query_one("#marked-options", Static)
        marked.update(marked_options(q.options, q.answer, fb.given))
        marked.display = True
        multiple_choice = True
    else:
        screen.query_one("#answer-box").display = False
        multiple_choice = False
    panel = screen.query_one(FeedbackPanel)
    panel.display = True
    panel.show(fb, with_answer=not multiple_choice)
    panel.focus()
