"""The banks and the entity catalog that ship inside the package."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from question_bank.entities import Catalog
from question_bank.loader import LazyLineMap, decode, load_bank_bytes
from question_bank.model import Bank
from question_bank.problems import BankError, Problem
from question_bank.records import build_place, build_unit

PACKAGE_DIR = Path(__file__).parent
BANKS_DIR = PACKAGE_DIR / "banks"
CATALOG_PATH = PACKAGE_DIR / "data" / "catalog.toml"


def builtin_bank_names() -> list[str]:
    return sorted(path.stem for path in BANKS_DIR.glob("*.toml"))


def builtin_bank_path(name: str) -> Path:
    return BANKS_DIR / f"{name}.toml"


@lru_cache(maxsize=None)
def load_builtin_bank(name: str) -> Bank:
    path = builtin_bank_path(name)
    if not path.is_file():
        raise KeyError(name)
    return load_bank_bytes(path.read_bytes(), str(path), "toml", name=name, catalog=builtin_catalog())


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    """Every unit and place the built-in banks and distractors draw on."""
    return load_catalog(CATALOG_PATH)


def load_catalog(path: Path) -> Catalog:
    text = decode(path.read_bytes(), str(path))
    data = tomllib.loads(text)
    lines = LazyLineMap(text)  # line numbers only once a problem needs one
    problems: list[Problem] = []
    units, places = [], []
    for table, build, out in (("unit", build_unit, units), ("place", build_place, places)):
        for index, record in enumerate(data.get(table, [])):
            def report(field: str, reason: str, key: tuple[str, int] = (table, index)) -> None:
                where = lines.get(key, {"": 0})
                problems.append(Problem(str(path), where.get(field, where[""]), field, reason))
            item = build(record, report)
            if item is not None:
                out.append(item)
    if problems:
        raise BankError(problems)
    return Catalog(tuple(units), tuple(places))
