"""Synthetic banks made with Faker, for benchmarks and property tests (never for distractors)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Catalog, Place, Unit
from question_bank.facts.model import Bank, Clause, Fact

ECHELONS = ("division", "corps", "army", "brigade")
SIDES = ("Soviet", "Bulgarian", "Yugoslav", "German")
VERBS = (("took", "take"), ("attacked", "attack"), ("defended", "defend"), ("reached", "reach"))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def synthetic_bank(facts: int, seed: int = 0) -> Bank:
    """A bank of `facts` facts over a catalog of invented units and towns."""
    fake = Faker()
    fake.seed_instance(seed)
    rng = random.Random(seed)
    units = [
        Unit(f"{_ordinal(n)} {side} {echelon.capitalize()}", side, echelon, "infantry")
        for n in range(1, max(20, facts // 20) + 1)
        for side, echelon in [(rng.choice(SIDES), rng.choice(ECHELONS))]
    ]
    regions = [f"{fake.unique.last_name()} Region" for _ in range(12)]
    towns: list[Place] = []
    names: set[str] = set()  # lower-cased: no two towns differ only by case
    while len(towns) < max(40, facts // 10):
        name = fake.city()
        if name.lower() in names:
            continue
        names.add(name.lower())
        towns.append(Place(name, "town", rng.choice(regions), "Testland"))
    catalog = Catalog(tuple(units), tuple(towns))
    made = []
    start = date(1944, 1, 1)
    for index in range(facts):
        unit, town = rng.choice(units), rng.choice(towns)
        past, base = rng.choice(VERBS)
        day = start + timedelta(days=rng.randrange(365))
        precision = rng.choice((Precision.DAY, Precision.DAY, Precision.MONTH))
        when = (
            FactDate(day, day, Precision.DAY, Precision.DAY)
            if precision is Precision.DAY
            else FactDate(day.replace(day=1), day.replace(day=28), Precision.MONTH, Precision.MONTH)
        )
        made.append(
            Fact(
                id=f"fact-{index}",
                subject=Clause.parse(f"the [{unit.name}]", catalog),
                verb=past,
                verb_base=base,
                rest=Clause.parse(f"[{town.name}] after {fake.word()} fighting", catalog),
                date=when,
                note=fake.sentence(),
                source="synthetic",
            )
        )
    return Bank("synthetic", "Synthetic bank", tuple(made), catalog, source="synthetic")
