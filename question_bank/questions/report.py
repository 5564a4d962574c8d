"""What the gate lets through for a bank: per fact, kind and slot, whether it is published as
multiple choice, as typed or cloze only, or not at all, and why; and the coverage, published slots
over slots (`quiz bank questions NAME --report`); and which published slots papers leave out."""

from __future__ import annotations

import random
import zlib
from collections import Counter
from dataclasses import dataclass, field

from question_bank.facts.entities import Entity
from question_bank.facts.kinds import Kind
from question_bank.facts.model import Bank, Fact
from question_bank.questions.gate import Flaw, flaws
from question_bank.questions.generate import GATE_DRAWS, MIN_OPTIONS, Mode, _choice_prompt, _draw_options, asks
from question_bank.questions.templates import Ask

WELL_KNOWN = "well_known"  # the reason code of a slot papers leave out: a teacher marked its date well known


@dataclass(frozen=True)
class SlotReport:
    """One thing a fact can be asked on: its date, or one unit or place slot."""

    fact_id: str
    kind: Kind
    slot: str  # the entity's name, or "date"
    multiple_choice: bool
    typed: bool
    withheld: tuple[Flaw, ...]  # why multiple choice was withheld (every flaw seen, once)
    asked: bool = True  # False when the fact's `asks` leaves this slot out
    left_out_of_papers: str | None = None  # why papers (and live games) skip it: "well_known"

    @property
    def published(self) -> bool:
        return self.asked and (self.multiple_choice or self.typed)

    def to_json(self) -> dict:
        return {
            "fact_id": self.fact_id, "kind": self.kind.value, "slot": self.slot, "asked": self.asked,
            "multiple_choice": self.multiple_choice, "typed": self.typed, "published": self.published,
            "withheld": [flaw.value for flaw in self.withheld], "left_out_of_papers": self.left_out_of_papers,
        }


@dataclass(frozen=True)
class BankReport:
    bank: str
    slots: tuple[SlotReport, ...]
    flaw_counts: Counter[Flaw] = field(default_factory=Counter)

    @property
    def coverage(self) -> float:
        """Published slots over the slots the bank asks (1.0 for a bank with none)."""
        asked = [s for s in self.slots if s.asked]
        return sum(s.published for s in asked) / len(asked) if asked else 1.0

    def by_kind(self) -> dict[str, dict[str, int]]:
        """Per kind: slots, published, as multiple choice, typed or cloze only, withheld altogether."""
        table: dict[str, dict[str, int]] = {}
        for slot in self.slots:
            if not slot.asked:
                continue
            row = table.setdefault(slot.kind.value, dict.fromkeys(
                ("slots", "published", "multiple_choice", "typed_only", "not_asked"), 0))
            row["slots"] += 1
            row["published"] += slot.published
            row["multiple_choice"] += slot.multiple_choice
            row["typed_only"] += slot.typed and not slot.multiple_choice
            row["not_asked"] += not slot.published
        return table

    def to_json(self) -> dict:
        return {
            "bank": self.bank, "coverage": round(self.coverage, 4), "by_kind": self.by_kind(),
            "withheld_reasons": {flaw.value: count for flaw, count in self.flaw_counts.items()},
            "slots": [s.to_json() for s in self.slots],
        }


def publication_report(bank: Bank, seed: int = 0, n_options: int = MIN_OPTIONS) -> BankReport:
    """Try every multiple-choice wording of every slot as generation does, and say what passed."""
    slots: list[SlotReport] = []
    counts: Counter[Flaw] = Counter()
    for fact in bank.facts:
        rng = random.Random(zlib.crc32(f"{seed}/{fact.id}/report".encode()))
        for kind, entity in _targets(fact):
            slot = entity.name if entity is not None else "date"
            if not fact.offers(kind.value, entity):
                slots.append(SlotReport(fact.id, kind, slot, False, False, (), asked=False))
                continue
            mc = [a for a in asks(bank, fact, kind, Mode.MC) if entity is None or a.target is entity]
            typed = [a for a in (*asks(bank, fact, kind, Mode.TYPED), *asks(bank, fact, kind, Mode.CLOZE))
                     if entity is None or a.target is entity]
            passed, seen = _try(bank, fact, mc, rng, n_options)
            counts.update(seen if not passed else ())
            slots.append(SlotReport(fact.id, kind, slot, passed, bool(typed), tuple(seen) if not passed else (),
                                    left_out_of_papers=None if fact.on_papers(kind) else WELL_KNOWN))
    return BankReport(bank.name, tuple(slots), counts)


def _targets(fact: Fact) -> list[tuple[Kind, Entity | None]]:
    """(kind, slot entity) for every slot, with None for the date."""
    found: list[tuple[Kind, Entity | None]] = [(Kind.DATE, None)]
    found += [(Kind.UNIT, unit) for unit in fact.units]
    found += [(Kind.PLACE, place) for place in fact.places]
    return found


def _try(bank: Bank, fact: Fact, candidates: list[Ask], rng: random.Random, n_options: int) -> tuple[bool, list[Flaw]]:
    """Whether any wording passes the gate within its draws, and the flaws seen on the way."""
    seen: list[Flaw] = []
    for ask in candidates:
        for _ in range(GATE_DRAWS):
            options = _draw_options(bank, fact, ask, n_options, rng)
            found = flaws(_choice_prompt(ask), ask.answer, ask.accepted, options) if options else [Flaw.FEW_OPTIONS]
            if not found:
                return True, []
            seen += [f for f in found if f not in seen]
            if not options:
                break  # another draw finds no more options
    if not candidates:
        seen.append(Flaw.FEW_OPTIONS)
    return False, seen
