"""One migration runner for both engines, with a version table (`quiz_migrations`).

Each migration has a name and a step per engine. The steps for PostgreSQL written before it was
supported build today's shape at once (so some are empty); after that, both engines move
together. Never edit a released step: add the next migration at the end of `MIGRATIONS`.

A database that names a migration this version does not know came from a newer `quiz`: it is
refused before anything is written. SQLite also keeps the count in `PRAGMA user_version`, so an
up-to-date file costs one pragma read, and files made before this runner (by sqlite-utils'
migrations, table `_sqlite_migrations`) carry their history over on first open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quiz.clock import utc_iso, utc_now
from quiz.errors import NewerDatabase
from quiz.store.engine import Database
from quiz.store.postgres import schema as pg
from quiz.store.schema import v1, v2
from quiz.store.schema_classroom import classroom_v1
from quiz.store.schema_fsrs import fsrs_v1
from quiz.store.schema_homework import homework_1
from quiz.store.schema_live import live_1
from quiz.store.schema_sign_in import sign_in_1
from quiz.store.schema_stats import stats_v1, stats_v2
from quiz.store.schema_teachers import teachers_1
from quiz.store.schema_trust import trust_1

TABLE = "quiz_migrations"
LEGACY_TABLE = "_sqlite_migrations"  # sqlite-utils' table, in files made before this runner
Step = Callable[[Database], None]


def _nothing(db: Database) -> None:
    """This step's tables came with an earlier step on this engine."""


@dataclass(frozen=True)
class Migration:
    name: str
    sqlite: Step
    postgresql: Step

    def step(self, engine: str) -> Step:
        return self.sqlite if engine == "sqlite" else self.postgresql


# The order a new database is made in. Never reorder: add at the end.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("v1", v1, pg.study_tables),  # learners, banks, facts, cards, reviews, settings
    Migration("v2", v2, pg.study_indexes),
    Migration("classroom_v1", classroom_v1, pg.classroom_tables),  # classes, papers, attempts (#11)
    Migration("fsrs_v1", fsrs_v1, pg.fsrs_tables),  # fitted FSRS parameters (#15)
    Migration("stats_v1", stats_v1, pg.stats_rollup),  # the review roll-up for statistics (#13)
    Migration("stats_v2", stats_v2, pg.stats_index),
    Migration("trust-1", trust_1, pg.trust_tables),  # app state, extra new cards, folded facts (#9)
    Migration("one-runner", _nothing, _nothing),  # this runner's version table on both engines (#20)
    Migration("homework-1", homework_1, pg.homework_tables),  # a bank set to a class, with an exam date (#21)
    Migration("sign-in-1", sign_in_1, pg.sign_in_tables),  # wrong personal codes and sign-in locks (#21)
    Migration("teachers-1", teachers_1, pg.teachers_tables),  # teachers on one server, owners of classes and papers (#21)
    Migration("pg-parallel-1", _nothing, pg.parallel_julianday),  # statistics scanned by parallel workers (#20)
    Migration("pg-julian-1", _nothing, pg.julian_columns),  # cards' times kept as day numbers too (#20)
    Migration("live-1", live_1, pg.live_tables),  # live review: games, players, answers (#22)
)
SCHEMA_VERSION = len(MIGRATIONS)


def known_migrations() -> list[str]:
    return [m.name for m in MIGRATIONS]


def migrate(db: Database, stop_before: str | None = None) -> None:
    """Apply pending migrations in one write transaction, so processes opening at once don't race."""
    known = known_migrations()
    if db.engine == "sqlite" and stop_before is None and schema_version(db) == len(known):
        return
    _refuse_newer(db, applied_names(db), known)
    if db.engine == "sqlite":  # SQLite's procedure for rebuilding a table (teachers-1): set outside a transaction
        db.execute("PRAGMA foreign_keys=OFF")
    try:
        _apply(db, known, stop_before)
    finally:
        if db.engine == "sqlite":
            db.execute("PRAGMA foreign_keys=ON")


def _apply(db: Database, known: list[str], stop_before: str | None) -> None:
    with db.write():
        applied = _version_table(db)
        _refuse_newer(db, applied, known)
        for migration in MIGRATIONS:
            if migration.name == stop_before:
                break
            if migration.name in applied:
                continue
            migration.step(db.engine)(db)
            db.execute(f"INSERT INTO {TABLE} (name, applied_at) VALUES (?, ?)", [migration.name, utc_iso(utc_now())])
            applied.add(migration.name)
        if db.engine == "sqlite":
            db.execute(f"PRAGMA user_version={sum(1 for name in known if name in applied)}")


def _refuse_newer(db: Database, applied: set[str], known: list[str]) -> None:
    unknown = applied - set(known)
    if unknown or (db.engine == "sqlite" and schema_version(db) > len(known)):
        raise NewerDatabase(f"{db.location} was made by a newer version of quiz; upgrade quiz to open it")


def applied_names(db: Database) -> set[str]:
    """The migrations this database has had (read without writing)."""
    names: set[str] = set()
    if has_table(db, TABLE):
        names |= {name for (name,) in db.execute(f"SELECT name FROM {TABLE}")}
    if db.engine == "sqlite" and has_table(db, LEGACY_TABLE):
        names |= {name for (name,) in db.execute(f"SELECT name FROM {LEGACY_TABLE} WHERE migration_set = 'quiz'")}
    return names


def _version_table(db: Database) -> set[str]:
    """Make the version table if missing (moving sqlite-utils' history into it); the names in it."""
    if not has_table(db, TABLE):
        db.execute(f"CREATE TABLE {TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        if db.engine == "sqlite" and has_table(db, LEGACY_TABLE):
            db.execute(
                f"INSERT INTO {TABLE} (name, applied_at) SELECT name, applied_at FROM {LEGACY_TABLE} "
                "WHERE migration_set = 'quiz'"
            )
            db.execute(f"DROP TABLE {LEGACY_TABLE}")
    return {name for (name,) in db.execute(f"SELECT name FROM {TABLE}")}


def has_table(db: Database, name: str) -> bool:
    if db.engine == "sqlite":
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    else:
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
    return db.execute(sql, [name]).fetchone() is not None


def schema_version(db: Database) -> int:
    """How many migrations the database has had."""
    if db.engine == "sqlite":
        version: int = db.execute("PRAGMA user_version").fetchone()[0]
        return version
    return len(applied_names(db))
