"""What a question can ask of a fact: its date, one of its units, or one of its places."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    DATE = "date"
    UNIT = "unit"
    PLACE = "place"
