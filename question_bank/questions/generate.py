"""Questions: a fact asked one way (a wording) in one answer mode, with its options and key.

    bank = load_builtin_bank("belgrade-offensive")
    question = make_question(bank, bank.facts[0], Kind.DATE, Mode.MC, random.Random(1))
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterable
from datetime import timedelta

from question_bank.collector import collector_paused
from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Entity, Place, Unit
from question_bank.facts.kinds import Kind
from question_bank.facts.model import Bank, Fact
from question_bank.questions.date_options import date_options, has_room
from question_bank.questions.date_pools import date_pools_for, unique_date_phrase
from question_bank.questions.distractors import entity_distractors, event_distractors
from question_bank.questions.eras import eras_for, within_era
from question_bank.questions.gate import flaws, reads_awkwardly
from question_bank.questions.geography import names_a_country_s_bank
from question_bank.questions.pools import pools_for
from question_bank.questions.question import Mode, Question
from question_bank.questions.templates import Ask, asks_for, month_of

MIN_OPTIONS, MAX_OPTIONS = 3, 5


def kinds_for(fact: Fact) -> tuple[Kind, ...]:
    """The kinds of question a fact can be asked as."""
    kinds = [Kind.DATE] if fact.offers("date") else []
    if fact.units and (not fact.asks or any(fact.offers("unit", u) for u in fact.units)):
        kinds.append(Kind.UNIT)
    if fact.places and (not fact.asks or any(fact.offers("place", p) for p in fact.places)):
        kinds.append(Kind.PLACE)
    return tuple(kinds)


class _Balance:
    """What a paper has asked so far: prompts (none twice) and how often each wording of a kind
    came up (the least used goes first, so no wording takes over a kind)."""

    def __init__(self) -> None:
        self.prompts: set[str] = set()
        self.counts: dict[str, int] = {}  # by wording id, which names its kind ("date.when")
        self.places = [0] * MAX_OPTIONS  # how often a date key stood first, second, … so far

    def deal(self, size: int, rng: random.Random) -> int:
        """The place for the next date key, drawn from the places used least so far or once more
        than that: a paper's keys are not mostly in the middle (as a uniform draw that falls back
        on what fits leaves them), and one fact's key does not land in the same place in every
        paper (as always taking the least used one did: the same facts come first each time)."""
        places = self.places[:size]
        most = min(places) + 1
        free = [p for p, used in enumerate(places) if used <= most]
        return free[int(rng.random() * len(free))]

    def placed(self, place: int) -> None:
        self.places[place] += 1

    def order(self, kind: Kind, candidates: list[Ask], rng: random.Random) -> list[Ask]:
        size = len(candidates)
        if size == 1:
            return candidates
        counts, prompts = self.counts, self.prompts
        turn = int(rng.random() * size)  # ties go round from a random start
        keyed = sorted([
            (a.prompt in prompts, counts.get(a.wording_id, 0), (i - turn) % size)
            for i, a in enumerate(candidates)
        ])
        return [candidates[(k[2] + turn) % size] for k in keyed]

    def record(self, kind: Kind, ask: Ask) -> None:
        self.prompts.add(ask.prompt)
        counts = self.counts
        counts[ask.wording_id] = counts.get(ask.wording_id, 0) + 1


def asks(bank: Bank, fact: Fact, kind: Kind, mode: Mode) -> list[Ask]:
    """The wordings of `kind` that can be asked in `mode` (cached on the bank)."""
    cache = bank._cache.setdefault("asks", {})
    key = (fact.id, kind)
    by_mode = cache.get(key)
    if by_mode is None:
        by_mode = cache[key] = _by_mode(asks_for(fact, kind.value))
    return by_mode[mode]


def _by_mode(every: list[Ask]) -> dict[Mode, list[Ask]]:
    """The wordings that fit each mode, in template order (one pass instead of one per mode)."""
    mc: list[Ask] = []
    typed: list[Ask] = []
    cloze: list[Ask] = []
    flip: list[Ask] = []
    for ask in every:
        if ask.cloze:
            cloze.append(ask)
        elif ask.choice_only:
            mc.append(ask)
        else:
            mc.append(ask)
            flip.append(ask)
            if ask.typable:
                typed.append(ask)
    # The modes without a gate take the wordings that read well, where the fact has one (the gate
    # keeps multiple choice from the others); each wording is read once.
    awkward = {id(ask) for ask in flip if reads_awkwardly(ask.prompt)}
    awkward.update(id(ask) for ask in cloze if reads_awkwardly(ask.prompt))
    return {Mode.MC: mc, Mode.TYPED: _fluent(typed, awkward), Mode.CLOZE: _fluent(cloze, awkward),
            Mode.FLIP: _fluent(flip, awkward)}


def _fluent(asks: list[Ask], awkward: set[int]) -> list[Ask]:
    if not awkward:  # the usual case: nothing to leave out
        return asks
    return [a for a in asks if id(a) not in awkward] or asks


def make_question(
    bank: Bank, fact: Fact, kind: Kind, mode: Mode, rng: random.Random, n_options: int = MIN_OPTIONS
) -> Question | None:
    """One question of `kind` in `mode`, its wording chosen by `rng`; None if the fact can't be
    asked that way (no such slot, or too few distractors for multiple choice)."""
    kind, mode = Kind(kind), Mode(mode)
    if not MIN_OPTIONS <= n_options <= MAX_OPTIONS:
        raise ValueError(f"options must be between {MIN_OPTIONS} and {MAX_OPTIONS}")
    return _pick(bank, fact, kind, mode, asks(bank, fact, kind, mode), rng, n_options, fact.statement())


def _pick(
    bank: Bank, fact: Fact, kind: Kind, mode: Mode, candidates: list[Ask], rng: random.Random, n_options: int,
    statement: str, balance: _Balance | None = None,
) -> Question | None:
    """A wording drawn from `candidates`; for multiple choice, the next one round if the drawn
    one has too few distractors. With `balance`, the least used wording of a paper goes first."""
    count = len(candidates)
    if not count:
        return None
    if balance is not None and mode is Mode.MC:
        for ask in balance.order(kind, candidates, rng):
            place = balance.deal(n_options, rng) if isinstance(ask.target, FactDate) else None
            prompt, options = _asked(bank, fact, ask, n_options, rng, place)
            if options:
                balance.record(kind, ask)
                if place is not None:
                    balance.placed(options.index(ask.answer))
                return Question(fact.id, kind, mode, ask.wording_id, prompt, ask.answer, ask.accepted,
                                options, fact.note, fact.source, statement, bank.catalog)
        return None
    first = rng.randrange(count)
    if mode is not Mode.MC:
        ask = candidates[first]
        return Question(fact.id, kind, mode, ask.wording_id, ask.prompt, ask.answer, ask.accepted, (),
                        fact.note, fact.source, statement, bank.catalog)
    for step in range(count):
        ask = candidates[(first + step) % count]
        prompt, options = _asked(bank, fact, ask, n_options, rng)
        if options:
            return Question(fact.id, kind, mode, ask.wording_id, prompt, ask.answer, ask.accepted, options,
                            fact.note, fact.source, statement, bank.catalog)
    return None


def typed_questions(bank: Bank, fact: Fact, kind: Kind) -> list[Question]:
    """Every typed question a session can ask of `fact` in `kind` (each slot, each wording)."""
    statement = fact.statement()
    return [
        Question(fact.id, kind, Mode.TYPED, ask.wording_id, ask.prompt, ask.answer, ask.accepted, (),
                 fact.note, fact.source, statement, bank.catalog)
        for ask in asks(bank, fact, Kind(kind), Mode.TYPED)
    ]


GATE_DRAWS = 3  # draws of options a wording gets before the gate moves on to the next wording


def _options(bank: Bank, fact: Fact, ask: Ask, n: int, rng: random.Random) -> tuple[str, ...]:
    """Options that pass the gate (see gate.py), drawn up to GATE_DRAWS times; () if none do."""
    return _asked(bank, fact, ask, n, rng)[1]


def _asked(
    bank: Bank, fact: Fact, ask: Ask, n: int, rng: random.Random, place: int | None = None,
) -> tuple[str, tuple[str, ...]]:
    """The prompt as asked with its options (see `_options`); `place`: where a date key goes."""
    prompt = _choice_prompt(ask)
    for _ in range(GATE_DRAWS):
        options = _draw_options(bank, fact, ask, n, rng, place)
        if not options or not flaws(prompt, ask.answer, ask.accepted, options):
            return prompt, options
    return prompt, ()


def _choice_prompt(ask: Ask) -> str:
    """A month asked as multiple choice names no year: its options carry theirs and may run into
    the next or last year, so a December key is not always the latest option ("In which month of
    1944 …" stays for a typed answer)."""
    target = ask.target
    if ask.wording_id != "date.which_month" or not isinstance(target, FactDate):
        return ask.prompt
    return ask.prompt.replace(f"In which month of {target.start.year} ", "In which month ", 1)


def _draw_options(
    bank: Bank, fact: Fact, ask: Ask, n: int, rng: random.Random, place: int | None = None,
) -> tuple[str, ...]:
    target = ask.target
    if isinstance(target, FactDate):
        dates = date_pools_for(bank)
        if ask.wording_id == "date.which_month" and (target.start.year, target.start.month) in dates.busy_months:
            return ()  # "In which month of 1943 …" in a bank of July 1943: trivial
        if target.start.year in dates.busy_years and (
                ask.wording_id == "date.which_year" or target.precision is Precision.YEAR):
            return ()  # "In which year …" (or a year's "When …?") in "The Belgrade offensive, 1944": trivial
        eras = eras_for(bank)
        if target.precision is not Precision.YEAR and fact.id in eras.anniversaries:
            return ()  # "In which month was the March of the Victor held?": Belgrade's liberation's October
        between = within_era(eras, fact, target, dates.between(fact))
        if place is not None and not has_room(target, between, n - 1):
            return ()  # what date_options finds first, before it draws anything (the place is dealt)
        return date_options(bank, target, n - 1, rng, pools_for(bank).fact_names(fact),
                            across_years=ask.wording_id == "date.which_month", place=place,
                            arguable=_month_across_midnight(fact.date, target), between=between)
    if isinstance(target, str):  # an event, for "What happened on …?"
        if not unique_date_phrase(bank, fact):
            return ()  # "What happened in October 1944?" has many right answers in this bank
        events = event_distractors(bank, fact, n - 1, rng)
        if len(events) < n - 1:
            return ()
        texts = [ask.answer, *(e.statement(with_date=False).rstrip(".") for e in events)]
    else:
        wording = ask.wording_id
        # Units of the key's side first; only the wording that names no side ("Which army …")
        # falls back on other sides when the key's side has too few.
        same_side = not wording.endswith("unit.echelon") or _names_its_side(fact, target, ask.prompt)
        exact_type = wording in ("place.type", "place.in_situ", "place.gap")  # the stem says "which town"
        if not _may_offer(bank, fact, target):
            return ()
        if isinstance(target, Place) and target.type == "river" and names_a_country_s_bank(ask.prompt):
            return ()  # "crossed which river near Negotin to reach … the Romanian bank?": the Danube
        others = entity_distractors(bank, fact, target, n - 1, rng, same_side, ask.prompt, exact_type)
        if len(others) < n - 1:
            return ()
        texts = [ask.answer, *(e.name for e in others)]
    rng.shuffle(texts)
    return tuple(texts)


def _names_its_side(fact: Fact, key: Entity, prompt: str) -> bool:
    """Whether the stem names another actor of the fact on the key's side ("which corps, from the
    46th Army of the 2nd Ukrainian Front, …"): then a unit of another side is ruled out by it (the
    seventeenth reading: the Yugoslav 13th Corps offered as a corps of a Soviet army)."""
    if not isinstance(key, Unit) or not key.side:
        return False
    return any(other is not key and isinstance(other, Unit) and other.side == key.side and other.name in prompt
               for other in fact.units)


def _month_across_midnight(when: FactDate, target: FactDate) -> frozenset[str]:
    """For a month asked of a day at a month's edge, the neighbouring month: Explorer 1 went up on
    31 January 1958 in Florida and on 1 February by the clock of most of the world."""
    if target.precision is not Precision.MONTH or when.precision is not Precision.DAY:
        return frozenset()
    day = when.start
    if day.day == 1:
        return frozenset({month_of(FactDate(day - timedelta(days=1), day - timedelta(days=1), Precision.DAY)).human()})
    after = day + timedelta(days=1)
    if after.day == 1:
        return frozenset({month_of(FactDate(after, after, Precision.DAY)).human()})
    return frozenset()


def _may_offer(bank: Bank, fact: Fact, key: Entity) -> bool:
    """False where options cannot help: the key is the bank's title ("Kursk" in a Kursk bank,
    trivial), or the stem names a place inside the key ("which country … from Baikonur")."""
    pools = pools_for(bank)
    if key.name in pools.title_entities:
        return False
    if isinstance(key, Place):
        ancestors = pools.catalog.ancestors
        return not any(key.name in ancestors(other) for other in fact.places if other is not key)
    return True


def generate_all(
    bank: Bank,
    kinds: Iterable[Kind] | None = None,
    modes: Iterable[Mode] | None = None,
    seed: int = 0,
    n_options: int = MIN_OPTIONS,
    events: bool = True,
) -> list[Question]:
    """Every question of the bank, one per fact × kind × mode; deterministic for a seed.
    `events=False`: no "What happened on …?" (a paper's other questions date its wrong options)."""
    kinds = tuple(Kind(k) for k in kinds) if kinds else tuple(Kind)
    modes = tuple(Mode(m) for m in modes) if modes else tuple(Mode)
    if not MIN_OPTIONS <= n_options <= MAX_OPTIONS:
        raise ValueError(f"options must be between {MIN_OPTIONS} and {MAX_OPTIONS}")
    questions: list[Question] = []
    with collector_paused():
        _generate_into(questions, bank, kinds, modes, seed, n_options, events)
        # A paper reads mode by mode and kind by kind, so a question never sits next to another
        # about the same fact (whose text would hold its answer).
        buckets: dict[tuple[Mode, Kind], list[Question]] = {(m, k): [] for m in modes for k in Kind}
        for question in questions:
            buckets[(question.mode, question.kind)].append(question)
        ordered = [q for bucket in buckets.values() for q in bucket]
        # Inside the block too: with a whole bank's questions alive, each collection the moved
        # keys' new questions would set off walks all of them.
        return spread_keys(ordered, random.Random(zlib.crc32(f"keys/{seed}".encode())))


def spread_keys(questions: list[Question], rng: random.Random) -> list[Question]:
    """The questions with the key of every multiple-choice question whose options have no order
    of their own (units, places, events) moved to a place dealt in turn from shuffled rounds, so
    that over a paper the key is first, second, third and last about as often (one seed's draw
    put six keys of seven first). Dates keep their time order."""
    rounds: dict[int, list[int]] = {}
    found = []
    for question in questions:
        options = question.options
        if not options or _sorted_by_time(question):
            found.append(question)
            continue
        size = len(options)
        dealt = rounds.get(size)
        if not dealt:
            dealt = rounds[size] = rng.sample(range(size), size)
        place = dealt.pop()
        now = options.index(question.answer)
        if now != place:
            moved = list(options)
            moved[now], moved[place] = moved[place], moved[now]
            question = Question(question.fact_id, question.kind, question.mode, question.wording_id, question.prompt,
                                question.answer, question.accepted, tuple(moved), question.note, question.source,
                                question.statement, question.catalog)
        found.append(question)
    return found


def _sorted_by_time(question: Question) -> bool:
    return question.kind is Kind.DATE and question.wording_id != "date.what_happened"


def _generate_into(
    questions: list[Question], bank: Bank, kinds: tuple[Kind, ...], modes: tuple[Mode, ...], seed: int,
    n_options: int, events: bool = True,
) -> None:
    """What make_question does for every fact × kind × mode, with each fact's wordings built
    once and the per-question work written out (this loop runs 120,000 times for a large bank)."""
    append = questions.append
    mc = Mode.MC
    date_kind = Kind.DATE
    balance = _Balance()
    for fact in bank.facts:
        rng = random.Random(zlib.crc32(f"{seed}/{fact.id}".encode()))
        draw = rng.random
        fact_id, note, source, statement = fact.id, fact.note, fact.source, fact.statement()
        catalog = bank.catalog
        for kind in kinds_for(fact):
            if kind not in kinds:
                continue
            by_mode = _by_mode(asks_for(fact, kind.value))
            for mode in modes:
                candidates = by_mode[mode]
                if not candidates:
                    continue
                if mode is mc:
                    if kind is date_kind and (not events or not unique_date_phrase(bank, fact)):
                        candidates = [a for a in candidates if a.wording_id != "date.what_happened"]
                    question = _pick(bank, fact, kind, mode, candidates, rng, n_options, statement, balance)
                    if question is not None:
                        append(question)
                    continue
                ask = candidates[int(draw() * len(candidates))]
                append(Question(fact_id, kind, mode, ask.wording_id, ask.prompt, ask.answer, ask.accepted, (),
                                note, source, statement, catalog))
