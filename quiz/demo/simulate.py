"""`quiz demo`: a class whose study histories are simulated, answered through the real session code.

Each student has an ability (how much of what FSRS expects them to recall they do recall) and a
habit: most study most days, some drop out, some cram before a paper. A day's session runs at the
student's usual hour on an injected clock; whether an answer is right is drawn from the card's
forgetting curve. Two papers are sat and submitted along the way, answered as a class answers a
test: the chance of a right answer rises with the student's ability above the question's
difficulty (a logistic item-response model), so the item analysis finds what a real paper's would.
Deterministic for a seed.
"""

from __future__ import annotations

import math
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from faker import Faker

from question_bank.facts.model import Bank
from quiz.classroom import Classroom
from quiz.errors import ClassroomError, UnreadableAnswer, mention
from quiz.library.banks import bank_names, get_bank, sync_builtin_banks
from quiz.library.learners import ensure_learner
from quiz.library.preferences import save_settings
from quiz.locations import is_url
from quiz.model import Mode
from quiz.scheduling.fsrs import Scheduler
from quiz.store.cards import load_card
from quiz.store.copying import copy_database, first_table_with_rows
from quiz.store.demo import flush, foreign_data
from quiz.store.opening import open_db
from quiz.study.session import StudySession

HABITS = ("steady", "steady", "steady", "steady", "crammer", "dropout")
ABILITIES = (0.55, 1.0)  # the range students' study abilities are drawn from, evenly
SLOPE = 2.5  # how steeply the chance of a right answer rises with ability above a question's difficulty
SPREAD = 1.3  # the class's spread of ability on that scale (its standard deviation)
GUESS = 0.1  # the chance of a right answer however far the question is beyond the student
EASIEST, HARDEST = -0.7, 1.0  # the range of a paper's question difficulties on that scale


@dataclass(frozen=True)
class Student:
    name: str
    ability: float  # within ABILITIES: recall probability is R ** (1 / ability)
    habit: str
    hour: int  # usual hour of study, UTC
    drop_day: int | None  # a dropout's last day


@dataclass(frozen=True)
class DemoResult:
    db_path: Path | str
    class_name: str
    students: int
    reviews: int
    papers: tuple[str, ...]


class _Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Progress:
    """Told (done, total) after each simulated day of each student."""

    def __call__(self, done: int, total: int) -> None: ...


def make_students(count: int, days: int, rng: random.Random, seed: int) -> list[Student]:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    names: list[str] = []
    while len(names) < count:
        name = fake.name()
        if name not in names:
            names.append(name)
    students = []
    for name in names:
        habit = rng.choice(HABITS)
        drop = rng.randint(max(1, days // 4), max(1, days * 2 // 3)) if habit == "dropout" else None
        students.append(Student(name, round(rng.uniform(*ABILITIES), 3), habit, rng.choice((15, 16, 17, 18, 19, 20)), drop))
    return students


def run_demo(
    db_path: Path | str,
    *,
    students: int = 25,
    days: int = 60,
    seed: int = 0,
    class_name: str = "demo",
    end: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Simulate `days` days ending the day before `end` (default: now) into `db_path`.

    ClassroomError if the database holds anything but demo data (learners outside any class,
    imported banks) or already has the class. A PostgreSQL URL must name an empty database: the
    demo is simulated into a scratch SQLite file and copied there whole.
    """
    if is_url(db_path):
        return _run_demo_into_server(str(db_path), students, days, seed, class_name, end, progress)
    db = open_db(db_path)
    try:
        problem = foreign_data(db)
        if problem:
            raise ClassroomError(f"{db_path} holds {problem}: the demo writes only to a database of its own")
        if class_name in {c.name for c in Classroom(db).classes()}:
            raise ClassroomError(f"{db_path} has a class '{class_name}' already: give another {mention('class_name')}")
        flush(db)
    finally:
        db.close()
    # Thousands of sittings each end with a checkpoint: simulate on a memory-backed copy, then
    # write the result back once.
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(prefix="quiz-demo-", dir=shm if shm.is_dir() else None) as work:
        scratch = Path(work) / "demo.db"
        shutil.copyfile(db_path, scratch)
        result = _simulate(scratch, students, days, seed, class_name, end, progress)
        copy = open_db(scratch)
        try:
            flush(copy)
        finally:
            copy.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(scratch, db_path)
    return DemoResult(db_path, *result)


def _run_demo_into_server(
    url: str, students: int, days: int, seed: int, class_name: str, end: datetime | None,
    progress: Callable[[int, int], None] | None,
) -> DemoResult:
    """Simulate into a fresh scratch SQLite file (thousands of short sittings are cheapest there),
    then copy it into the server's empty database in one transaction."""
    db = open_db(url)
    try:
        table = first_table_with_rows(db)
        location = db.location
    finally:
        db.close()
    if table is not None:
        raise ClassroomError(f"{location} is not empty (the table {table} has rows): "
                             "the demo goes only into an empty PostgreSQL database")
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(prefix="quiz-demo-", dir=shm if shm.is_dir() else None) as work:
        scratch = Path(work) / "demo.db"
        result = _simulate(scratch, students, days, seed, class_name, end, progress)
        copy_database(scratch, url)
    return DemoResult(url, *result)


def _simulate(
    db_path: Path, students: int, days: int, seed: int, class_name: str, end: datetime | None,
    progress: Callable[[int, int], None] | None,
) -> tuple[str, int, int, tuple[str, ...]]:
    rng = random.Random(seed)
    end = (end or datetime.now(UTC)).replace(minute=0, second=0, microsecond=0)
    start = (end - timedelta(days=days)).replace(hour=0)
    clock = _Clock(start)
    db = open_db(db_path)
    try:
        sync_builtin_banks(db)
        bank = bank_names(db)[0]
        parsed = get_bank(db, bank)
        classroom = Classroom(db, clock)
        classroom.new_class(class_name)
        cast = make_students(students, days, rng, seed)
        codes = dict(classroom.add_students(class_name, [s.name for s in cast]))
        for student in cast:
            learner = ensure_learner(db, student.name, clock)
            save_settings(db, learner.id, timezone="UTC", new_per_day=rng.choice((5, 8, 10)),
                          mode_review=rng.choice(("flip", "flip", "mc")))
        paper_days = (days // 2, days - 2)
        papers: list[str] = []
        total = students * days
        reviews = 0
        for day in range(days):
            for i, student in enumerate(cast):
                if _studies(student, day, paper_days, rng):
                    clock.now = start + timedelta(days=day, hours=student.hour, minutes=rng.randint(0, 50))
                    reviews += _study_day(db_path, parsed, student, clock, rng, seed * 1000 + day)
                if progress is not None:
                    progress(day * students + i + 1, total)
            if day in paper_days:
                clock.now = start + timedelta(days=day, hours=12)
                papers.append(_sit_paper(classroom, bank, class_name, cast, codes, clock, rng, len(papers) + 1, day))
        return class_name, students, reviews, tuple(papers)
    finally:
        db.close()


def _studies(student: Student, day: int, paper_days: tuple[int, ...], rng: random.Random) -> bool:
    if student.drop_day is not None and day > student.drop_day:
        return False
    if student.habit == "crammer":
        cramming = any(0 <= paper - day < 3 for paper in paper_days)
        return cramming or rng.random() < 0.25
    return rng.random() < 0.85


def _study_day(db_path: Path, bank: Bank, student: Student, clock: _Clock, rng: random.Random, seed: int) -> int:
    """One sitting: up to a day's worth of cards, each right with the probability the curve gives."""
    answered = 0
    wanted = rng.randint(6, 20) if student.habit != "crammer" else rng.randint(20, 35)
    with StudySession(db_path, student.name, bank.name, clock=clock, seed=seed,
                      bank_loader=lambda _db, _name: bank) as session:
        scheduler = Scheduler(session.settings)
        while answered < wanted and session.current is not None:
            item = session.current
            card = load_card(session.db, item.card_id)
            recall = scheduler.retrievability(card.sched, clock.now) if card else None
            chance = (recall ** (1 / student.ability)) if recall is not None else 0.35 + 0.4 * student.ability
            right = rng.random() < chance
            question = item.question
            duration = int(rng.uniform(2500, 12000) / student.ability)
            if question.mode == Mode.FLIP:
                session.rate(3 if right else 1, duration)
            elif right:
                session.answer(question.answer, duration)
            else:
                _answer_wrong(session, question.options, question.answer, duration)
            session.advance()
            answered += 1
            clock.now += timedelta(milliseconds=duration + rng.randint(1000, 4000))
    return answered


def _answer_wrong(session: StudySession, options: tuple[str, ...], answer: str, duration: int) -> None:
    """A wrong answer the checker can read: another option, else a date, else words."""
    others = [o for o in options if o != answer]
    for given in (*others[:1], "1900", "no idea"):
        try:
            session.answer(given, duration)
            return
        except UnreadableAnswer:
            continue


def paper_ability(student: Student) -> float:
    """The student's ability on the papers' logistic scale, 0 the middle of the class: their study
    ability (uniform over ABILITIES) stretched to a standard deviation of SPREAD."""
    low, high = ABILITIES
    return (student.ability - (low + high) / 2) / ((high - low) / math.sqrt(12)) * SPREAD


def chance_right(ability: float, difficulty: float) -> float:
    """The logistic item-response curve with a floor for lucky guesses: halfway between the floor
    and certainty where ability meets difficulty."""
    return GUESS + (1 - GUESS) / (1 + math.exp(-SLOPE * (ability - difficulty)))


class _Distractors:
    """The wrong options of one question, each with its own pull; wrong answers are shared out in
    proportion to the pulls (the highest pull per pick so far goes next), so every distractor draws
    someone once as many students are wrong, as in a class, rather than by the luck of the draw."""

    def __init__(self, options: tuple[str, ...], answer: str, rng: random.Random) -> None:
        self.pulls = {option: rng.uniform(1.0, 1.9) for option in options if option != answer}
        self.picked = dict.fromkeys(self.pulls, 0)

    def pick(self) -> str:
        if not self.pulls:  # a typed question: a wrong answer the checker can read as wrong
            return "I do not know"
        option = max(self.pulls, key=lambda o: self.pulls[o] / (1 + self.picked[o]))
        self.picked[option] += 1
        return option


def _sit_paper(
    classroom: Classroom, bank: str, class_name: str, cast: list[Student], codes: dict[str, str],
    clock: _Clock, rng: random.Random, number: int, day: int,
) -> str:
    """A paper for the class, sat together by every student still studying: each starts within a
    few minutes of the opening, spends real seconds on each question and submits."""
    paper = classroom.new_paper(bank, f"Test {number}", class_name=class_name, count=10, seed=number)
    opened = clock.now
    difficulty = [rng.uniform(EASIEST, HARDEST) for _ in paper.questions]
    wrong = [_Distractors(q.options, q.answer, rng) for q in paper.questions]
    for student in cast:
        if student.drop_day is not None and day > student.drop_day:
            continue
        ability = paper_ability(student) + rng.gauss(0, 0.3)  # a good or a bad day
        clock.now = opened + timedelta(seconds=rng.randint(0, 240))
        # Drawn in the paper's order: a student's order of questions follows the paper's random
        # code, which must not change who gets what right (the demo is the same for a seed).
        draws = [(rng.random(), rng.uniform(15, 50)) for _ in paper.questions]
        view = classroom.start_attempt(paper.code, student.name, codes[student.name])
        for question, item in zip(classroom.version(paper, student.name), view.items, strict=True):
            luck, seconds = draws[item.position]
            hard = difficulty[item.position]
            clock.now += timedelta(seconds=seconds * (1 + 0.2 * max(0.0, hard - ability)))
            right = luck < chance_right(ability, hard)
            classroom.answer(view.attempt_id, item.position, question.answer if right else wrong[item.position].pick())
        clock.now += timedelta(seconds=rng.randint(5, 40))  # a last look before submitting
        classroom.submit(view.attempt_id)
    return paper.code
