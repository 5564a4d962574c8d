"""Sanity checks on the built-in bank and the entity catalog: they load, every slot resolves, and
there are enough units and places of each kind for distractors."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from question_bank.banks.builtin import builtin_bank_path, load_builtin_bank
from question_bank.banks.catalog import builtin_catalog
from question_bank.facts.entities import Place, Unit
from question_bank.facts.text import fold

BANK = "belgrade-offensive"
REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO.parent / "shared" / "reference" / "belgrade_offensive_article.txt"
SHARED_RUN = 8  # words in a row that a note may not share with the article


@pytest.fixture(scope="module")
def bank():
    return load_builtin_bank(BANK)


@pytest.fixture(scope="module")
def catalog():
    return builtin_catalog()


def test_bank_loads_with_enough_facts(bank):
    assert bank.name == BANK
    assert len(bank.facts) >= 42  # 46 until four facts that had no fair question went (see the file)
    assert bank.source == 'Wikipedia, "Belgrade offensive", CC BY-SA 4.0'


def test_fact_ids_are_unique():
    raw = tomllib.loads(builtin_bank_path(BANK).read_text(encoding="utf-8"))
    ids = [fact["id"] for fact in raw["fact"]]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_every_fact_names_a_unit_or_place(bank):
    bare = [f.id for f in bank.facts if not (f.subject.slots or f.rest.slots)]
    assert bare == []


def test_every_slot_resolves_to_one_catalog_entity(bank, catalog):
    for fact in bank.facts:
        for clause in (fact.subject, fact.rest):
            assert len(clause.slots) == len(clause.entities)
            for slot, entity in zip(clause.slots, clause.entities, strict=False):
                assert catalog.find(slot.ref) == (entity,), f"{fact.id}: [{slot.ref}]"


def test_every_fact_has_a_note_and_no_date_in_its_text(bank):
    for fact in bank.facts:
        assert fact.note.strip(), fact.id
        text = f"{fact.subject.text} {fact.rest.text}"
        assert not re.search(r"\b19[34]\d\b", text), f"{fact.id} writes a year into its text"


def test_catalog_is_large_enough(catalog):
    assert len(catalog.units) >= 50
    assert len(catalog.places) >= 70


def test_catalog_names_and_aliases_are_unique_after_folding(catalog):
    owner: dict[str, str] = {}
    clashes = []
    for entity in (*catalog.units, *catalog.places):
        for key in {fold(name) for name in entity.names}:
            if key in owner and owner[key] != entity.name:
                clashes.append((key, owner[key], entity.name))
            owner.setdefault(key, entity.name)
    assert clashes == []


def test_units_in_the_bank_have_distractors(bank, catalog):
    used = {u for fact in bank.facts for u in fact.units}
    for unit in used:
        others = [
            u for u in catalog.units if u != unit and u.side == unit.side and u.echelon == unit.echelon
        ]
        assert len(others) >= 3, f"{unit.name}: only {len(others)} other {unit.side} {unit.echelon}s"


def test_places_in_the_bank_have_distractors(bank, catalog):
    used = {p for fact in bank.facts for p in fact.places}
    for place in used:
        same_family = [p for p in catalog.places if p != place and p.family == place.family]
        assert len(same_family) >= 3, f"{place.name}: only {len(same_family)} other {place.family}s"
        if place.region:
            same_region = [p for p in catalog.places if p != place and p.region == place.region]
            assert same_region, f"{place.name}: nothing else in {place.region}"


def test_catalog_entries_are_well_formed(catalog):
    for unit in catalog.units:
        assert isinstance(unit, Unit) and unit.name.strip()
        if unit.parent:
            assert catalog.unit(unit.parent) is not None, f"{unit.name}: unknown parent {unit.parent}"
    for place in catalog.places:
        assert isinstance(place, Place) and place.name.strip()
        if place.lat is not None:
            assert place.lon is not None, place.name


def _words(text: str) -> list[str]:
    return fold(text).split()


def _runs(words: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.skipif(not ARTICLE.is_file(), reason="shared/reference is not beside the repo")
def test_no_text_copies_the_article(bank):
    article = _runs(_words(ARTICLE.read_text(encoding="utf-8")), SHARED_RUN)
    copied = []
    for fact in bank.facts:
        for field, text in (("note", fact.note), ("statement", fact.statement(with_date=False))):
            shared = _runs(_words(text), SHARED_RUN) & article
            if shared:
                copied.append((fact.id, field, " ".join(sorted(shared)[0])))
    assert copied == []
