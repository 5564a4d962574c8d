"""Papers: questions drawn from a bank and frozen as JSON when the paper is made, with the rules
for taking it. Later edits to the bank never change a paper."""

from __future__ import annotations

import json
import random
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from question_bank.facts.entities import Place
from question_bank.facts.kinds import Kind
from question_bank.facts.model import Bank
from question_bank.facts.text import fold, mentions
from question_bank.questions import Mode, Question, generate_all, spread_keys
from question_bank.questions.date_pools import date_pools_for
from question_bank.questions.generate import MAX_OPTIONS, MIN_OPTIONS
from question_bank.questions.geography import country_adjectives
from quiz.classroom.classes import need_class
from quiz.classroom.codes import PAPER_LENGTH, new_code, normal
from quiz.classroom.frozen import freeze, thaw
from quiz.classroom.types import Paper
from quiz.clock import Clock, utc_iso
from quiz.errors import ClassroomError, mention
from quiz.library.banks import get_bank
from quiz.store import Database
from quiz.store import classroom as rows

PAPER_MODES = (Mode.MC, Mode.TYPED, Mode.CLOZE)  # flip cards are graded by the learner: not on a paper
MAX_TITLE = 200
MAX_QUESTIONS = 500
MAX_DURATION = timedelta(days=7)
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class PaperRequest:
    """What `new_paper` was asked, checked against the classroom's rules."""

    kinds: tuple[Kind, ...] | None
    modes: tuple[Mode, ...]
    count: int | None
    options: int
    seed: int
    time_limit: timedelta | None
    attempts: int
    opens: datetime | None
    closes: datetime | None
    draw: int | None


def read_request(
    *, count: int | None, kinds: Iterable[Kind] | None, modes: Iterable[Mode], options: int, seed: int | None,
    time_limit: timedelta | None, attempts: int, opens: datetime | None, closes: datetime | None,
    draw: int | None, now: datetime,
) -> PaperRequest:
    """The checked request; `now` is when the paper is made (a closing time before it is refused).
    Each broken rule is a `ClassroomError` naming its field."""
    chosen_modes = _distinct(modes, "modes")
    for mode in chosen_modes:
        if mode not in PAPER_MODES:
            raise ClassroomError(f"'{mode.value}' cannot be on a paper (use mc, typed or cloze)", "modes")
    _at_least(1, count=count, attempts=attempts, draw=draw)
    _at_least(MIN_OPTIONS, options=options)
    if options > MAX_OPTIONS:
        raise ClassroomError(f"at most {MAX_OPTIONS}", "options")
    if time_limit is not None and not timedelta(0) < time_limit <= MAX_DURATION:
        raise ClassroomError("a time limit is between 1 second and 7 days", "time_limit")
    opening, closing = _utc(opens), _utc(closes)
    if opening and closing and closing <= opening:
        raise ClassroomError(f"must come after {mention('opens')}", "closes")
    if closing and closing <= now:
        raise ClassroomError(f"{closing:%Y-%m-%d %H:%M} UTC is already past: the paper would be closed", "closes")
    return PaperRequest(
        kinds=_distinct(kinds, "kinds") if kinds is not None else None, modes=chosen_modes,
        count=count, options=options, seed=seed if seed is not None else secrets.randbelow(2**31),
        time_limit=time_limit, attempts=attempts, opens=opening, closes=closing, draw=draw,
    )


def _distinct(values: Iterable[E], field: str) -> tuple[E, ...]:
    """The values in order, each once; at least one."""
    chosen = tuple(dict.fromkeys(values))
    if not chosen:
        raise ClassroomError("give at least one", field)
    return chosen


def _at_least(least: int, **values: int | None) -> None:
    """Each value given is at least `least`: `_at_least(1, count=count)`."""
    for field, value in values.items():
        if value is not None and value < least:
            raise ClassroomError(f"must be at least {least}", field)


def _utc(moment: datetime | None) -> datetime | None:
    """A moment in UTC; one without a zone is this machine's local time."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(UTC)


def clean_title(title: str) -> str:
    cleaned = " ".join(str(title).split())
    if not cleaned:
        raise ClassroomError("a paper needs a title", "title")
    if len(cleaned) > MAX_TITLE:
        raise ClassroomError(f"at most {MAX_TITLE} characters", "title")
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise ClassroomError("no control characters", "title")
    return cleaned


def choose(questions: list[Question], count: int | None, rng: random.Random) -> list[Question]:
    """One question per fact and kind (the mode drawn), taken in turn by kind so no kind crowds
    out the others; `count` of them, or without a count all that tell no other its answer."""
    rng.shuffle(questions)
    by_kind: dict[Kind, list[Question]] = {}
    seen: set[tuple[str, Kind]] = set()
    for question in questions:
        key = (question.fact_id, question.kind)
        if key not in seen:
            seen.add(key)
            by_kind.setdefault(question.kind, []).append(question)
    picked = _apart(list(by_kind.values()), count)
    if count is not None and len(picked) < count:
        raise ClassroomError(f"the bank has only {len(picked)} question{'' if len(picked) == 1 else 's'} of those "
                             "kinds and modes", "count")
    return picked


def _apart(groups: list[list[Question]], count: int | None) -> list[Question]:
    """`count` of the questions (or all), taken in turn from each group (a kind), leaving out at
    first any whose text tells another's answer or whose answer another's text tells ("On 5 August
    1943, which front liberated Belgorod?" beside "When did the Steppe Front liberate Belgorod?");
    those left out fill a paper of `count`, in turn too, only if it is short without them. Without a
    count the paper is every question that stands apart: a fact's date question and its unit
    question name each other's answers, so a whole-bank paper asks one of them."""
    told = _Told()
    queues = [list(group) for group in groups]
    left_out: list[list[Question]] = [[] for _ in groups]
    picked: list[Question] = []
    while any(queues):
        for queue, later in zip(queues, left_out, strict=True):
            while queue:
                question = queue.pop(0)
                if not told.take(question):
                    later.append(question)
                    continue
                picked.append(question)
                break
            if count is not None and len(picked) == count:
                return picked
    if count is None:
        return picked
    # Short: first those left out only for sharing wrong options with a paper-mate, then the rest.
    for later in left_out:
        for question in list(later):
            if len(picked) < count and told.take(question, echoes=False):
                later.remove(question)
                picked.append(question)
    return picked + interleave(left_out, count - len(picked))


class _Told:
    """What the questions picked so far show and answer, indexed by word, so a bank of thousands
    of questions is not compared pair by pair."""

    def __init__(self) -> None:
        self.texts: dict[str, list[str]] = {}  # a word -> the telling texts holding it
        self.keys: dict[str, list[str]] = {}  # a first word -> the answers starting with it
        self.stems: dict[str, list[str]] = {}  # a word -> the stems holding it
        self.wrong: dict[str, list[str]] = {}  # a first word -> the wrong options offered
        self.offered: dict[str, list[Question]] = {}  # an option -> the unit and place questions offering it

    def take(self, question: Question, echoes: bool = True) -> bool:
        """Record the question and say True, or say False when it and those taken tell each
        other's answers, or one's stem places what the other offers as wrong, or (`echoes`) they
        share wrong options (then it is not recorded)."""
        text, keys = _telling(question), _keys(question)
        stem, wrong = fold(question.prompt), _wrong(question)
        named = question.kind is not Kind.DATE and bool(question.options)
        if _said(self.texts, self.keys, text, keys) or _said(self.stems, self.wrong, stem, wrong) or \
                (named and echoes and self._echoes(question)):
            return False
        _index(self.texts, self.keys, text, keys)
        _index(self.stems, self.wrong, stem, wrong)
        if named:
            for option in question.options:
                self.offered.setdefault(option, []).append(question)
        return True

    def _echoes(self, question: Question) -> bool:
        """Whether a unit or place question taken offers two or more of this one's wrong options,
        or this one two of its: the option seen once is then the key (Šumadija, Kosovo and Western
        Serbia in two questions), and four "which assembly" questions with the same four names
        are a matching exercise; nor may a place question offer another's key (Smederevo and
        Topola in both, each the key of one, left two options to each: the nineteenth reading;
        Western Serbia offered for Rübezahl beside the question it answers: the twenty-fourth);
        nor two unit questions each other's key (the 64th and the 10th Guards Rifle Corps, each
        the other's wrong option: the twentieth, twenty-fourth and twenty-sixth). One unit
        question may offer another's key: a bank's fronts or armies are few."""
        options = set(question.options)
        crossed = question.kind is Kind.PLACE
        mates = {id(q): q for option in question.options for q in self.offered.get(option, ())}
        return any(_shared_wrong(question, mate.options) >= 2 or _shared_wrong(mate, options) >= 2
                   or (crossed and mate.kind is Kind.PLACE and (mate.answer in options
                       or question.answer in mate.options))
                   or (mate.kind is Kind.UNIT and question.kind is Kind.UNIT and mate.answer in options
                       and question.answer in mate.options)
                   for mate in mates.values())


def _shared_wrong(question: Question, options: Iterable[str]) -> int:
    """How many of `question`'s wrong options are among `options`."""
    return len(set(options) & set(question.options) - {question.answer})


def _said(texts: dict[str, list[str]], names: dict[str, list[str]], text: str, named: list[str]) -> bool:
    """Whether a text taken names one of `named`, or `text` names a name taken."""
    return any(mentions(known, name) for name in named for known in texts.get(name.split()[0], ())) or \
        any(mentions(text, name) for word in set(text.split()) for name in names.get(word, ()))


def _index(texts: dict[str, list[str]], names: dict[str, list[str]], text: str, named: list[str]) -> None:
    for word in set(text.split()):
        texts.setdefault(word, []).append(text)
    for name in named:
        names.setdefault(name.split()[0], []).append(name)


def _wrong(question: Question) -> list[str]:
    """The wrong options a question offers: another stem of the paper that dates an event on one of
    them, places a unit elsewhere or names a place for another event rules it out (the tenth and
    eleventh readings: "the key is the only date not used elsewhere in the paper"; "broke into
    Western Serbia" beside Western Serbia offered for another operation)."""
    return [folded for option in question.options if option != question.answer and (folded := fold(option))]


def _telling(question: Question) -> str:
    """What a question shows or asks that another must not: its stem, its answer (no two
    questions of a paper share one: "which river" twice with the Sava for key), and for a date its
    options (a date that stands in several questions' options is the one a test-wise student
    picks, and "16 October 2014" among the options tells "In which month …" its October 2014)."""
    shown = f"{question.prompt} {question.answer}"
    if question.kind is Kind.DATE:
        shown += " " + " ".join(question.options)
    return fold(shown)


# A date key within one month ("11–29 November 1944", "late August 1944"), and that month.
_WITHIN_MONTH = re.compile(r"^(?:\d{1,2}–\d{1,2} |early |mid-|late )([A-Z][a-z]+ \d{4})$")


def _keys(question: Question) -> list[str]:
    """The answers that count, folded; for a date within one month, its month too: "In November
    1944, … took a bridgehead" on the paper answers "When was Batina fought?" (11–29 November
    1944) beside three ranges of other months (thirteenth reading); for a country, its adjectives
    ("on the Romanian bank" beside "events in which country …": the twenty-first reading)."""
    keys = [folded for key in (question.answer, *question.accepted) if (folded := fold(key))]
    if question.kind is Kind.DATE and (month := _WITHIN_MONTH.match(question.answer)):
        keys.append(fold(month.group(1)))
    if question.kind is Kind.PLACE and question.catalog is not None:
        found = question.catalog.find(question.answer)
        if len(found) == 1 and isinstance(found[0], Place) and found[0].type == "country":
            keys += country_adjectives(fold(found[0].name))  # "the Romanian bank" answers "which country"
    return keys


def interleave(groups: list[list[Question]], count: int | None) -> list[Question]:
    """Round robin over the groups until `count` (or all) are taken."""
    picked: list[Question] = []
    index = 0
    while any(index < len(group) for group in groups):
        for group in groups:
            if count is not None and len(picked) >= count:
                return picked  # also when nothing was wanted: a paper one short filled by the rest
            if index < len(group):
                picked.append(group[index])
        index += 1
    return picked


def compose(
    bank: Bank, *, kinds: Iterable[Kind] | None, modes: Iterable[Mode], seed: int, options: int, count: int | None,
) -> list[Question]:
    """The questions of a paper on `bank`: its own choice of the generated ones (see `choose`),
    their keys dealt again so that they spread over the paper too. A paper asks no "What happened
    on …?": its wrong options are events that the paper's other questions date (a reader struck
    out all three options of "What happened on 6 April 1793?" from three date questions' options),
    nor the date of a fact a teacher marked well known (`Fact.on_papers`: a free mark for every student)."""
    every = [q for q in generate_all(bank, kinds=kinds, modes=modes, seed=seed, n_options=options, events=False)
             if bank.fact(q.fact_id).on_papers(q.kind)]
    # Nor, typed, a year most of the bank's events share or its title names ("1944" in "The
    # Belgrade offensive, 1944"): trivial, as multiple choice already withholds it, and every stem
    # dated in it would name its answer, leaving a paper of five questions.
    busy = {str(year) for year in date_pools_for(bank).busy_years}
    every = [q for q in every if q.kind is not Kind.DATE or q.answer not in busy]
    return spread_keys(choose(every, count, random.Random(seed)), random.Random(seed))


def make_paper(
    db: Database, clock: Clock, bank_name: str, title: str, *, class_name: str | None,
    request: PaperRequest, practice: bool, show_key: bool, owner: int | None = None,
) -> Paper:
    if show_key and request.attempts > 1 and not practice:  # practice: seeing the key and retrying is the point
        raise ClassroomError(
            f"{mention('show_key')} with {mention('attempts')} {request.attempts}: the key shown after one attempt "
            f"would give full marks on the next; give one or the other, or make it a {mention('practice')} paper",
        )
    cleaned_title = clean_title(title)
    class_id = need_class(db, class_name, owner) if class_name is not None else None
    bank = get_bank(db, bank_name)
    questions = compose(bank, kinds=request.kinds, modes=request.modes, seed=request.seed, options=request.options,
                        count=request.count)
    if not questions:
        raise ClassroomError(f"bank '{bank_name}' has no questions of those kinds and modes")
    if len(questions) > MAX_QUESTIONS:
        questions = questions[:MAX_QUESTIONS]
    if request.draw is not None and request.draw > len(questions):
        raise ClassroomError(f"the paper has only {len(questions)} question{'' if len(questions) == 1 else 's'}", "draw")
    settings = {
        "time_limit_s": int(request.time_limit.total_seconds()) if request.time_limit else None,
        "attempts": request.attempts, "opens": utc_iso(request.opens) if request.opens else None,
        "closes": utc_iso(request.closes) if request.closes else None, "practice": practice,
        "draw": request.draw, "show_key": show_key, "seed": request.seed, "options": request.options,
        "kinds": [k.value for k in request.kinds] if request.kinds else None,
        "modes": [m.value for m in request.modes], "count": request.count,
    }
    frozen = json.dumps([freeze(q) for q in questions], ensure_ascii=False)
    created = utc_iso(clock())
    for _ in range(20):
        code = new_code(PAPER_LENGTH)
        if rows.insert_paper(db, code, cleaned_title, bank.name, class_id, json.dumps(settings), frozen, created, owner):
            break
    else:  # pragma: no cover - 31**6 codes
        raise ClassroomError("could not find a free paper code")
    row = rows.paper_row(db, code)
    assert row is not None
    return thaw(row, bank.catalog)


def list_papers(db: Database, owner: int | None = None) -> list[Paper]:
    return [thaw(row, None) for row in rows.all_papers(db, owner)]


def remove_paper(db: Database, code: str, owner: int | None = None) -> None:
    if not rows.delete_paper(db, normal(code), owner):
        raise ClassroomError(f"no paper '{code.strip()}' (see `quiz paper list`)")

