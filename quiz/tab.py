"""A served tab's process: `python -m quiz.tab [--db PATH] student | paper take [CODE] | teacher-tab`.

`quiz serve` runs it for every browser tab (quiz.cli.serve.take_command), and `quiz student`,
`quiz paper take` and `quiz teacher-tab` run the same functions from the CLI. Started this way a
tab's process has no click (1.7 MB of each tab with the CLI's own modules) and, on a SQLite
database, no OpenSSL: no `ssl` (`without_tls`) and no libcrypto behind `hashlib` (3.5 MB; SHA-256
is Python's own, and a personal code's or password's scrypt runs in a short-lived child process,
quiz.classroom.codes). Its errors are the CLI's: one line, `quiz: …`, exit 2 for bad input, 1 for
a fault.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from quiz.locations import db_location, is_url

# Set by `quiz serve` for each tab's process (quiz.cli.served): the browser's network address, which
# wrong personal codes are also counted against. A terminal take has none: only the student's count.
CLIENT_ADDRESS = "QUIZ_CLIENT_ADDRESS"
USAGE = "usage: python -m quiz.tab [--db PATH] student | paper take [CODE] | teacher-tab"


def without_tls(db_path: Path | str) -> None:
    """Keep Python's `ssl` out of a student's app on a SQLite file: nothing in it speaks TLS, and
    asyncio imports ssl only to offer it (1.3 MB of each served tab's memory). Call it before the
    app's first Textual import. On PostgreSQL ssl stays importable: psycopg's pure-Python
    fallback imports it (the binary one, a dependency, does not)."""
    if not is_url(db_path) and "asyncio" not in sys.modules and "ssl" not in sys.modules:
        sys.modules["ssl"] = None  # type: ignore[assignment]  # makes `import ssl` fail: asyncio offers no TLS


def without_openssl(db_path: Path | str) -> None:
    """`without_tls`, and hashlib without OpenSSL's libcrypto (its `_hashlib`): for a tab's process,
    before anything imports hashlib. On PostgreSQL both stay: libpq loads libcrypto anyway."""
    without_tls(db_path)
    if not is_url(db_path) and "hashlib" not in sys.modules and "_hashlib" not in sys.modules:
        sys.modules["_hashlib"] = None  # type: ignore[assignment]  # hashlib falls back on Python's own digests


def _address() -> str | None:
    return os.environ.get(CLIENT_ADDRESS) or None


def take(db_path: Path | str, code: str | None, student: str | None, *, create_folder: bool) -> int:
    """The take app on paper `code` (None: the screen asks for it); its exit code. An unknown code
    is a `ClassroomError` here, before the screen opens; only the student's door is loaded."""
    from quiz.doors.student import StudentDoor

    door = StudentDoor(db_path, create_folder=create_folder, address=_address())
    try:
        door.open()
        if code is not None:
            door.paper_title(code)
    finally:
        door.close()  # the app opens its own connection on its own thread
    without_tls(db_path)
    from quiz.tui.take_app import TakeApp

    app = TakeApp(door, paper_code=code, student=student)
    app.run()
    return app.return_code or 0


def student(db_path: Path | str, *, create_folder: bool) -> int:
    """A student's home app (sign in, homework, open papers, own progress); its exit code."""
    from quiz.doors.student import StudentDoor

    door = StudentDoor(db_path, create_folder=create_folder, address=_address())
    try:
        door.open()
    finally:
        door.close()  # the app opens its own connection on its own thread
    without_tls(db_path)
    from quiz.tui.student_app import StudentApp

    app = StudentApp(door)
    app.run()
    return app.return_code or 0


def live_join(db_path: Path | str, code: str, *, create_folder: bool) -> int:
    """A student's terminal in live game `code` (`quiz live join CODE`): name and personal code,
    then the game; its exit code. An unknown or ended game is a `LiveError` here, before the
    screen opens; only the student's door is loaded."""
    from quiz.doors.student import StudentDoor

    door = StudentDoor(db_path, create_folder=create_folder, address=_address())
    try:
        door.open()
        class_name = door.live_class(code)
    finally:
        door.close()  # the app opens its own connection on its own thread
    without_tls(db_path)
    from quiz.tui.live_join_app import LiveJoinApp

    app = LiveJoinApp(door, code, class_name)
    app.run()
    return app.return_code or 0


def teacher_tab(db_path: Path | str) -> int:
    """A teacher's sign-in, then their classes' homework view; its exit code. The door is signed
    in to no one (`--teacher` and $QUIZ_TEACHER do not count here): a password is asked."""
    from quiz.doors.teacher import TeacherDoor

    door = TeacherDoor(db_path, None, create_folder=False, address=_address()).open()
    from quiz.tui.teacher_app import TeacherApp

    app = TeacherApp(door)
    app.run()
    return app.return_code or 0


def _where(args: list[str]) -> tuple[Path | str, bool, list[str]]:
    """(database, whether its folder may be made, the command's words): `--db PATH` first, else
    $QUIZ_DB (how a tab is given a URL), else the user's default database, as `quiz --db` reads them."""
    if args[:1] == ["--db"] and len(args) > 1 and args[1]:
        return db_location(args[1]), False, args[2:]  # a typed --db's folder must exist, as in the CLI
    if os.environ.get("QUIZ_DB"):
        return db_location(os.environ["QUIZ_DB"]), True, args
    from quiz.paths import default_db_path

    return default_db_path(), True, args


def main(argv: list[str] | None = None) -> None:
    """Run one tab's app and exit with its code; a caught error is the CLI's one line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--help"], ["-h"]):
        print(USAGE)
        sys.exit(0)
    db_path, create_folder, words = _where(args)
    if not (words == ["student"] or words == ["teacher-tab"] or words[:2] == ["paper", "take"] and len(words) <= 3):
        print(f"quiz: {USAGE}", file=sys.stderr)
        sys.exit(2)
    without_openssl(db_path)
    from quiz.console import described, shown
    from quiz.errors import QuizError

    try:
        if words == ["student"]:
            code = student(db_path, create_folder=create_folder)
        elif words == ["teacher-tab"]:
            code = teacher_tab(db_path)
        else:
            code = take(db_path, words[2] if len(words) == 3 else None, None, create_folder=create_folder)
    except (QuizError, OSError) as error:
        message, code, prefix = described(error)
        print(shown(message, prefix), file=sys.stderr)
    except (EOFError, KeyboardInterrupt):
        print("\nAborted.", file=sys.stderr)
        code = 1
    sys.exit(code)


if __name__ == "__main__":
    main()
