"""What every kind of answer shares: the verdict, and cleaning and folding what was typed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from question_bank.facts.entities import Catalog, Entity
from question_bank.facts.text import fold

_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“", "`": "`"}
# anyascii reads Serbian Cyrillic the Russian way (Ниш → "nish", Ужице → "uzhitse"); go via Latin.
SERBIAN = str.maketrans(
    dict(zip("жцчћђшхЖЦЧЋЂШХ", "žcčćđšhŽCČĆĐŠH", strict=False)) | {"џ": "dž", "Џ": "Dž"}
)
_DIGRAPHS = str.maketrans(
    {c: lat for lat_c, lat in (("šŠ", "sh"), ("čČćĆ", "ch"), ("žŽ", "zh"), ("đĐ", "dj")) for c in lat_c}
)

class Outcome(StrEnum):
    """How an answer fared, the one name for it from the checker to the store and the screens.
    The checker gives the first three; UNANSWERED is a question on a paper left blank."""

    CORRECT = "correct"
    NEAR_MISS = "near_miss"
    WRONG = "wrong"
    UNANSWERED = "unanswered"


_RANK = {Outcome.CORRECT: 0, Outcome.NEAR_MISS: 1, Outcome.WRONG: 2, Outcome.UNANSWERED: 3}


@dataclass(frozen=True)
class Verdict:
    """How an answer fared, with one short sentence saying why."""

    outcome: Outcome
    reason: str
    unreadable: bool = False  # a date answer in no form we can read: a session asks again

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT


def right(reason: str = "Correct") -> Verdict:
    return Verdict(Outcome.CORRECT, reason)


def near(reason: str) -> Verdict:
    return Verdict(Outcome.NEAR_MISS, reason)


def wrong(reason: str) -> Verdict:
    return Verdict(Outcome.WRONG, reason)


def best(verdicts: Iterable[Verdict]) -> Verdict:
    """The best verdict; among equals the first (the one about the bank's own answer)."""
    return min(verdicts, key=lambda v: _RANK[v.outcome])


def clean(text: str) -> str:
    """Strip spaces, surrounding quotes, a trailing period and a leading 'the '."""
    text = text.strip()
    while len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    if text.endswith("."):
        text = text[:-1].rstrip()
    if text[:4].lower() == "the ":
        text = text[4:].lstrip()
    return text


@lru_cache(maxsize=8192)
def fold_name(text: str) -> str:
    """`fold`, reading Serbian Cyrillic as Serbian Latin first (Ниш → nis, like Niš)."""
    return fold(text.translate(SERBIAN))


@lru_cache(maxsize=8192)
def name_forms(name: str) -> tuple[str, ...]:
    """A name folded plainly (Niš → nis) and with English digraphs (Niš → nish, Đerdap → djerdap)."""
    plain = fold_name(name)
    digraphs = fold_name(name.translate(SERBIAN).translate(_DIGRAPHS))
    return (plain,) if digraphs == plain else (plain, digraphs)


def show(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def other_entity(
    given: str, entities: tuple[Entity, ...], catalog: Catalog | None, kind: type
) -> Entity | None:
    """A catalog entity other than the expected one that `given` names exactly."""
    if catalog is None:
        return None
    found = catalog.find(given.translate(SERBIAN))
    return next((e for e in found if e not in entities and isinstance(e, kind)), None)
