"""Writing a file a person asked for (`-o PATH`): never onto the database, never half-written.

`-o` can name the database itself, or its `-wal`/`-shm`/`-journal` file, through a relative path,
a symlink or a hard link: `refuse_database` resolves all of them. A write goes to a temporary file
beside the target that replaces it only once complete, so a full disk or a failing renderer
leaves the previous file as it was and no temporary file behind. (The stdlib does this in a few
lines; `atomicwrites` is archived, so no dependency.)
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from quiz.errors import FAULT, QuizError

DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")
_CANNOT_OPEN = (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError)


class OutputRefused(QuizError, ValueError):
    """An output path that may not be written: the database, a folder, a missing folder."""


class WriteFailed(QuizError):
    """Writing failed part way (a full disk, a quota): the target is as it was before."""

    exit_code = FAULT


def refuse_database(target: Path, database: Path | str) -> None:
    """Raise `OutputRefused` if `target` is the database or one of the files SQLite keeps beside it
    (a database on a server, given as text, has no file here)."""
    if str(target) == "-" or not isinstance(database, Path):
        return
    real_target = Path(os.path.realpath(target))
    for base in {Path(os.path.abspath(database)), Path(os.path.realpath(database))}:
        for suffix in DATABASE_COMPANIONS:
            companion = base.with_name(base.name + suffix)
            if real_target == Path(os.path.realpath(companion)) or _same_file(real_target, companion):
                what = f"the database's {suffix} file" if suffix else "the database"
                raise OutputRefused(f"{target}: is {what} ({database}); choose another file to write")


def _same_file(a: Path, b: Path) -> bool:
    """True for two names of one file (a hard link, another case on a case-insensitive disk)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file beside it; returns `path`."""
    with replacing(path) as temporary, open(temporary, "wb") as out:
        out.write(data)
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A new empty file beside `path` to write; when the block ends it is synced and renamed onto
    `path` (a symlink's target, so the link stays). On any error it is removed, `path` untouched."""
    final = _real_target(path)
    temporary = _create_beside(path, final)
    try:
        yield temporary
        _sync(temporary)
        os.replace(temporary, final)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and not isinstance(error, _CANNOT_OPEN):
            before = "the file there before is unchanged" if final.exists() else "nothing was written"
            raise WriteFailed(f"{path}: could not be written ({error.strerror or error}); {before}") from None
        raise
    _sync_folder(final.parent)


def write_set(folder: Path, make: Callable[[Path], list[Path]], database: Path | str | None = None) -> list[Path]:
    """For a writer that makes several files by name (a CSV and its entities CSV): `make` writes
    them in a temporary folder inside `folder`; all are checked against `database`, then each is
    renamed into place whole. On an error no file is half-written and the temporary folder is gone."""
    try:
        stage = Path(tempfile.mkdtemp(prefix=".quiz-", suffix=".tmp", dir=folder))
    except _CANNOT_OPEN as error:
        raise OutputRefused(f"{folder}: cannot write there: {error.strerror or error}") from None
    try:
        made = make(stage)
        targets = [folder / path.name for path in made]
        for target in targets:
            if database is not None:
                refuse_database(target, database)
            _real_target(target)
        for path, target in zip(made, targets, strict=True):
            _sync(path)
            os.replace(path, target)
    except OSError as error:
        if isinstance(error, _CANNOT_OPEN):
            raise
        raise WriteFailed(f"{folder}: could not write ({error.strerror or error}); no file there is half-written") \
            from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    _sync_folder(folder)
    return targets


def _real_target(path: Path) -> Path:
    final = Path(os.path.realpath(path))
    if final.is_dir():
        raise OutputRefused(f"{path}: is a folder; name a file to write")
    return final


def _create_beside(path: Path, final: Path) -> Path:
    """The temporary file, created exclusively with the target's permissions (or the umask's)."""
    temporary = final.with_name(f".{final.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except _CANNOT_OPEN as error:
        raise OutputRefused(f"{path}: cannot write there: {error.strerror or error}") from None
    try:
        with contextlib.suppress(FileNotFoundError):
            os.fchmod(fd, stat.S_IMODE(os.stat(final).st_mode))
    finally:
        os.close(fd)
    return temporary


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """So the rename survives a power cut too (best effort: not every system can open a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
