"""Papers: questions drawn from a bank and frozen as JSON when the paper is made, with the rules
for taking it. Later edits to the bank never change a paper."""

from __future__ import annotations

import json
import random
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from question_bank.facts.kinds import Kind
from question_bank.questions import Mode, Question, generate_all
from question_bank.questions.generate import MAX_OPTIONS, MIN_OPTIONS
from quiz.classroom.classes import need_class
from quiz.classroom.codes import PAPER_LENGTH, new_code, normal
from quiz.classroom.frozen import freeze, thaw
from quiz.classroom.parsing import parse_choices, parse_duration, parse_when, parse_whole
from quiz.classroom.types import Paper
from quiz.clock import Clock, utc_iso
from quiz.errors import ClassroomError
from quiz.library.banks import get_bank
from quiz.store import Database
from quiz.store import classroom as rows

PAPER_MODES = (Mode.MC, Mode.TYPED, Mode.CLOZE)  # flip cards are graded by the learner: not on a paper
MAX_TITLE = 200
MAX_QUESTIONS = 500


@dataclass(frozen=True)
class PaperRequest:
    """What `new_paper` was asked, read and checked (strings from the CLI or typed values)."""

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
    *, count: int | str | None, kinds: str | Iterable[str] | None, modes: str | Iterable[str] | None,
    options: int | str, seed: int | str | None, time_limit: timedelta | str | None, attempts: int | str,
    opens: datetime | str | None, closes: datetime | str | None, draw: int | str | None, now: datetime,
) -> PaperRequest:
    """The checked request; `now` is when the paper is made (a closing time before it is refused)."""
    chosen_modes = parse_choices(modes if modes is not None else ("mc",), Mode, "--modes") or (Mode.MC,)
    for mode in chosen_modes:
        if mode not in PAPER_MODES:
            raise ClassroomError(f"--modes: '{mode.value}' cannot be on a paper (use mc, typed or cloze)")
    n_options = parse_whole(options, "--options", MIN_OPTIONS)
    assert n_options is not None
    if n_options > MAX_OPTIONS:
        raise ClassroomError(f"--options: at most {MAX_OPTIONS}")
    tries = parse_whole(attempts, "--attempts", 1)
    assert tries is not None
    opening, closing = parse_when(opens, "--opens"), parse_when(closes, "--closes")
    if opening and closing and closing <= opening:
        raise ClassroomError("--closes must come after --opens")
    if closing and closing <= now:
        raise ClassroomError(f"--closes: {closing:%Y-%m-%d %H:%M} UTC is already past: the paper would be closed")
    chosen_seed = parse_whole(seed, "--seed")
    return PaperRequest(
        kinds=parse_choices(kinds, Kind, "--kinds"), modes=chosen_modes,
        count=parse_whole(count, "--count", 1), options=n_options,
        seed=chosen_seed if chosen_seed is not None else secrets.randbelow(2**31),
        time_limit=parse_duration(time_limit), attempts=tries, opens=opening, closes=closing,
        draw=parse_whole(draw, "--draw", 1),
    )


def clean_title(title: str) -> str:
    cleaned = " ".join(str(title).split())
    if not cleaned:
        raise ClassroomError("--title: a paper needs a title")
    if len(cleaned) > MAX_TITLE:
        raise ClassroomError(f"--title: at most {MAX_TITLE} characters")
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise ClassroomError("--title: no control characters")
    return cleaned


def choose(questions: list[Question], count: int | None, rng: random.Random) -> list[Question]:
    """One question per fact and kind (the mode drawn), taken in turn by kind so no kind crowds
    out the others; `count` of them, or all."""
    rng.shuffle(questions)
    by_kind: dict[Kind, list[Question]] = {}
    seen: set[tuple[str, Kind]] = set()
    for question in questions:
        key = (question.fact_id, question.kind)
        if key not in seen:
            seen.add(key)
            by_kind.setdefault(question.kind, []).append(question)
    picked = interleave(list(by_kind.values()), count)
    if count is not None and len(picked) < count:
        raise ClassroomError(f"--count: the bank has only {len(picked)} question{'' if len(picked) == 1 else 's'} of those kinds and modes")
    return picked


def interleave(groups: list[list[Question]], count: int | None) -> list[Question]:
    """Round robin over the groups until `count` (or all) are taken."""
    picked: list[Question] = []
    index = 0
    while any(index < len(group) for group in groups):
        for group in groups:
            if index < len(group):
                picked.append(group[index])
                if count is not None and len(picked) == count:
                    return picked
        index += 1
    return picked


def make_paper(
    db: Database, clock: Clock, bank_name: str, title: str, *, class_name: str | None,
    request: PaperRequest, practice: bool, show_key: bool,
) -> Paper:
    if show_key and request.attempts > 1 and not practice:  # practice: seeing the key and retrying is the point
        raise ClassroomError(
            f"--show-key with --attempts {request.attempts}: the key shown after one attempt would give full marks "
            "on the next; give one or the other, or make it a --practice paper"
        )
    cleaned_title = clean_title(title)
    class_id = need_class(db, class_name) if class_name is not None else None
    bank = get_bank(db, bank_name)
    every = generate_all(bank, kinds=request.kinds, modes=request.modes, seed=request.seed, n_options=request.options)
    questions = choose(every, request.count, random.Random(request.seed))
    if not questions:
        raise ClassroomError(f"bank '{bank_name}' has no questions of those kinds and modes")
    if len(questions) > MAX_QUESTIONS:
        questions = questions[:MAX_QUESTIONS]
    if request.draw is not None and request.draw > len(questions):
        raise ClassroomError(f"--draw: the paper has only {len(questions)} question{'' if len(questions) == 1 else 's'}")
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
        if rows.insert_paper(db, code, cleaned_title, bank.name, class_id, json.dumps(settings), frozen, created):
            break
    else:  # pragma: no cover - 31**6 codes
        raise ClassroomError("could not find a free paper code")
    row = rows.paper_row(db, code)
    assert row is not None
    return thaw(row, bank.catalog)


def list_papers(db: Database) -> list[Paper]:
    return [thaw(row, None) for row in rows.all_papers(db)]


def remove_paper(db: Database, code: str) -> None:
    if not rows.delete_paper(db, normal(code)):
        raise ClassroomError(f"no paper '{code.strip()}' (see `quiz paper list`)")

