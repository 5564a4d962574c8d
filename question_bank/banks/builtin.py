"""The banks and the entity catalog that ship inside the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from question_bank.banks.catalog import builtin_catalog
from question_bank.banks.loader import load_bank_bytes
from question_bank.facts.model import Bank

BANKS_DIR = Path(__file__).parent / "data" / "banks"


def builtin_bank_names() -> list[str]:
    return sorted(path.stem for path in BANKS_DIR.glob("*.toml"))


def builtin_bank_path(name: str) -> Path:
    return BANKS_DIR / f"{name}.toml"


@cache
def load_builtin_bank(name: str) -> Bank:
    path = builtin_bank_path(name)
    if not path.is_file():
        raise KeyError(name)
    return load_bank_bytes(path.read_bytes(), str(path), "toml", name=name, catalog=builtin_catalog())
