"""The small banks the tests study: `sample` (engine tests) and `tui-sample` (app tests)."""

from __future__ import annotations

from pathlib import Path

from question_bank.banks.loader import load_bank_bytes
from question_bank.facts.entities import Catalog
from question_bank.facts.model import Bank

DATA = Path(__file__).with_name("data")
SAMPLE = DATA / "sample_bank.toml"
TUI_BANK_FILE = DATA / "tui_bank.toml"
TUI_BANK = "tui-sample"


def load_sample() -> Bank:
    return load_bank_bytes(SAMPLE.read_bytes(), str(SAMPLE), "toml", name="sample", catalog=Catalog())
