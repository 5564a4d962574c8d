"""Turn one record of a bank file (a TOML table or a CSV row) into a Fact, Unit or Place.

Each builder reports every problem it finds through `report(field, reason)` and returns None
when the record cannot be used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

from question_bank.banks.relations import FACT_RELATION_FIELDS, build_fact_relations
from question_bank.facts import edits
from question_bank.facts.dates import FactDate, parse_fact_date
from question_bank.facts.entities import (
    CATEGORIES,
    CATEGORY_SPELLINGS,
    ECHELONS,
    PLACE_TYPES,
    SIDES,
    Catalog,
    Place,
    Unit,
)
from question_bank.facts.model import BE_VERBS, Clause, Fact
from question_bank.facts.text import fold, parse_slots

Report = Callable[[str, str], None]
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")  # always with fullmatch: `$` would let a final "\n" in
NAME_MAX = 64
SLUG_RULE = "lowercase letters, digits and '-'"
# C0 and C1 control characters (ESC sequences would reach the terminal raw); newline and tab stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SIDE_NAME = re.compile(r"[^\W\d_][\w'’. -]{0,39}")


def is_slug(text: str) -> bool:
    return SLUG.fullmatch(text) is not None


def slugify(text: str, limit: int = NAME_MAX) -> str:
    """A slug made from any text ('Teacher Bank.csv' stem → 'teacher-bank'), cut at a word."""
    words = fold(text).split()
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > limit:
            break
        slug = longer
    return slug or (words[0][:limit] if words else "")


def check_bank_name(name: object) -> str | None:
    """Why `name` cannot name a bank (empty, too long, not a slug), or None when it can."""
    if not isinstance(name, str) or not name:
        return "bank name is empty"
    if len(name) > NAME_MAX:
        return f"bank name is longer than {NAME_MAX} characters"
    if not is_slug(name):
        suggestion = slugify(name)
        hint = f"; use --name {suggestion}" if suggestion else ""
        return f"bank name '{name}' is not a slug ({SLUG_RULE}){hint}"
    return None


def control_character(text: str) -> str | None:
    """The reason a text holds a control character other than newline and tab, or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return f"contains the control character U+{ord(found.group()):04X}; remove it"

FACT_REQUIRED = ("id", "date", "subject", "verb", "verb_base", "rest", "note")
FACT_OPTIONAL = ("precision", "source", "tags", *FACT_RELATION_FIELDS, "well_known")
CSV_REQUIRED = (*FACT_REQUIRED, "source")  # a CSV has no [bank] table to take a source from
UNIT_FIELDS = {
    "name": True, "side": False, "echelon": False, "branch": False, "aliases": False, "parent": False,
    "category": False, "role": False,
}
# A free type or role word: "launch site", "astronaut", "design bureau" (lower case, a few words).
_TYPE_WORD = re.compile(r"[a-z][a-z' -]{0,29}")
TYPE_WORD_RULE = "a lower-case word or two, such as launch site, island, astronaut or agency"


def category_of(text: str) -> str | None:
    """The actor category a cell names (organization → organisation), or None."""
    word = text.strip().lower()
    word = CATEGORY_SPELLINGS.get(word, word)
    return word if word in CATEGORIES else None


def check_type_word(word: str, known: Sequence[str]) -> str | None:
    """Why `word` cannot be a place type or a role, or None."""
    if word in known or _TYPE_WORD.fullmatch(word):
        return None
    return f"'{word}' is not one of {', '.join(known)}, nor {TYPE_WORD_RULE}"
PLACE_FIELDS = {
    "name": True, "type": True, "region": False, "country": False, "aliases": False,
    "lat": False, "lon": False,
}


def check_fields(record: dict[str, Any], required: Sequence[str], optional: Sequence[str], report: Report) -> bool:
    """Report missing and unknown fields; True if every required field is present."""
    ok = True
    for name in required:
        if name not in record or record[name] in ("", None):
            report(name, "missing")
            ok = False
    for name in record:
        if name not in required and name not in optional:
            report(name, f"unknown field (expected: {', '.join((*required, *optional))})")
    return ok


def _text(record: dict[str, Any], name: str, report: Report, default: str = "") -> str | None:
    value = record.get(name, default)
    if not isinstance(value, str):
        report(name, f"must be text, not {type(value).__name__}")
        return None
    control = control_character(value)
    if control:
        report(name, control)
        return None
    return value.strip()


def _text_list(record: dict[str, Any], name: str, report: Report) -> tuple[str, ...] | None:
    value = record.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report(name, "must be a list of text")
        return None
    for item in value:
        control = control_character(item)
        if control:
            report(name, control)
            return None
    return tuple(v.strip() for v in value if v.strip())


def build_fact(
    record: dict[str, Any], catalog: Catalog, default_source: str, report: Report, *, unknown_hint: str = "",
) -> Fact | None:
    """Check every field of a fact record, reporting each problem; None if any was found.
    `unknown_hint` follows each "unknown unit or place" (where such an entity can be declared)."""
    problems_before = _Counter(report)
    report = problems_before
    complete = check_fields(record, FACT_REQUIRED, FACT_OPTIONAL, report)
    values = {name: _text(record, name, report) for name in (*FACT_REQUIRED, "precision", "source")}
    tags = _text_list(record, "tags", report)
    if values["id"] and not is_slug(values["id"]):
        report("id", f"'{values['id']}' is not a slug ({SLUG_RULE})")
    when: FactDate | None = None
    if values["date"]:
        try:
            when = parse_fact_date(values["date"], values["precision"] or None)
        except ValueError as error:
            report("precision" if "precision" in str(error) else "date", str(error))
    clauses: dict[str, Clause] = {}
    for name in ("subject", "rest"):
        marked = values[name]
        if marked is not None:
            clause = _clause(marked, catalog, name, report, unknown_hint)
            if clause is not None:
                clauses[name] = clause
    verb, base = values["verb"], values["verb_base"]
    if verb and base is not None and verb.lower() in BE_VERBS and base.lower() != verb.lower():
        report("verb_base", f"with '{verb}' as the verb, verb_base must repeat it")
    for name in ("verb", "verb_base"):
        word = values[name]
        if word and len(word.split()) > 3:
            report(name, f"'{word}' should be a verb of at most three words")
    source = values["source"] or default_source
    if not source and values["source"] is not None:
        report("source", "missing: say where the fact comes from (here, or as [bank] source)")
    if values["subject"] and len(clauses) == 2 and not (clauses["subject"].slots or clauses["rest"].slots):
        report("subject", "names no unit or place: mark at least one with [brackets]")
    fact_id, note = values["id"], values["note"]
    extras = build_fact_relations(record, catalog, report)  # exclude, also_accept, asks
    well_known = record.get("well_known", False)
    if not isinstance(well_known, bool):
        report("well_known", f"must be true or false, not {_shown(well_known)}")
    if problems_before.count or not complete or tags is None:
        return None
    if fact_id is None or verb is None or base is None or note is None or when is None:
        return None  # unreachable: each was reported as missing or wrong above
    return Fact(
        id=fact_id, subject=clauses["subject"], verb=verb, verb_base=base,
        rest=clauses["rest"], date=when, note=note, source=source, tags=tags, well_known=well_known, **extras,
    )


def _shown(value: object) -> str:
    """A TOML value as a reader would recognise it: 'yes' quoted, a number or list as written."""
    return f"'{value}'" if isinstance(value, str) else repr(value)


def _clause(marked: str, catalog: Catalog, name: str, report: Report, hint: str) -> Clause | None:
    """The clause of `marked`, or None after reporting every slot that names no entity, or more
    than one (all of them, not only the first)."""
    try:
        slots = parse_slots(marked)[1]
    except ValueError as error:
        report(name, str(error))
        return None
    bad = False
    for slot in slots:
        if not any(char.isalnum() for char in slot.ref):
            bad = True
            report(name, f"'[{slot.ref}]' names no unit or place: square brackets always mark one; write "
                   "other text in round brackets")
            continue
        found = catalog.find(slot.ref)
        if len(found) != 1:
            bad = True
            report(name, f"unknown unit or place '{slot.ref}'{hint}" if not found
                   else f"'{slot.ref}' names more than one entity; use its full name")
    if bad:
        return None
    try:
        return Clause.parse(marked, catalog)
    except ValueError as error:  # unreachable: every slot was checked above
        report(name, str(error))
        return None


class _Counter:
    """Wraps a reporter to count what it was told."""

    def __init__(self, report: Report):
        self.report = report
        self.count = 0

    def __call__(self, field: str, reason: str) -> None:
        self.count += 1
        self.report(field, reason)


def check_side(side: str, sides: Collection[str] | None) -> str | None:
    """Why `side` cannot be a unit's side, or None. With `sides` None (a bank's own units, any war)
    any name is allowed except a near miss of a known side ('Sovet')."""
    if side in SIDES or (sides is not None and side in sides):
        return None
    if sides is not None:
        return f"'{side}' is not one of {', '.join(sides)}"
    if not _SIDE_NAME.fullmatch(side) or not side[0].isupper():
        return f"'{side}' should be a side's name, such as Soviet or Union"
    near = [known for known in SIDES if edits.levenshtein(fold(known), fold(side)) <= 2]
    if near:
        return f"'{side}' is not a known side: did you mean '{near[0]}'?"
    return None


def build_unit(record: dict[str, Any], report: Report, sides: Collection[str] | None = SIDES) -> Unit | None:
    """An actor from its record: a military unit (side and echelon needed), or with `category`
    a person, organisation, ship or craft (side optional, `role` the word a question uses);
    `sides` None accepts the side of any war (see check_side)."""
    required = [k for k, needed in UNIT_FIELDS.items() if needed]
    optional = [k for k, needed in UNIT_FIELDS.items() if not needed]
    counted = _Counter(report)
    complete = check_fields(record, required, optional, counted)
    values = {k: _text(record, k, counted) for k in ("name", "side", "echelon", "branch", "parent", "category", "role")}
    aliases = _text_list(record, "aliases", counted)
    category = category_of(values["category"] or "unit")
    if category is None:
        counted("category", f"'{values['category']}' is not one of {', '.join(CATEGORIES)}")
    military = category == "unit"
    # A military unit needs its side; the catalog's also an echelon (a teacher's may leave it out).
    for key in ("side", "echelon") if military and sides is not None else ("side",) if military else ():
        if values[key] == "":  # None was reported as not text
            counted(key, "missing")
    side_problem = check_side(values["side"], sides if military else None) if values["side"] else None
    if side_problem:
        counted("side", side_problem)
    if values["echelon"] and values["echelon"] not in ECHELONS:
        counted("echelon", f"'{values['echelon']}' is not one of {', '.join(ECHELONS)}")
    if values["echelon"] and not military:
        counted("echelon", f"a {category} has no echelon (use role: {TYPE_WORD_RULE})")
    role = (values["role"] or "").lower()
    if role and not _TYPE_WORD.fullmatch(role):
        counted("role", f"'{values['role']}' should be {TYPE_WORD_RULE}")
    name = values["name"]
    if counted.count or not complete or aliases is None or not name or category is None:
        return None
    return Unit(name, values["side"] or "", values["echelon"] or "", values["branch"] or "", aliases,
                values["parent"] or "", category, role)


def build_place(record: dict[str, Any], report: Report) -> Place | None:
    required = [k for k, needed in PLACE_FIELDS.items() if needed]
    optional = [k for k, needed in PLACE_FIELDS.items() if not needed]
    counted = _Counter(report)
    complete = check_fields(record, required, optional, counted)
    values = {k: _text(record, k, counted) for k in ("name", "type", "region", "country")}
    aliases = _text_list(record, "aliases", counted)
    coords: dict[str, float | None] = {}
    for key, limit in (("lat", 90), ("lon", 180)):
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or abs(value) > limit):
            counted(key, f"must be a number between -{limit} and {limit}")
            continue
        coords[key] = float(value) if value is not None else None
    kind = (values["type"] or "").lower()
    type_problem = check_type_word(kind, PLACE_TYPES) if kind else None
    if type_problem:
        counted("type", type_problem)
    name = values["name"]
    if counted.count or not complete or aliases is None or not name or not kind:
        return None
    return Place(
        name, kind, values["region"] or "", values["country"] or "", aliases, coords.get("lat"), coords.get("lon"),
    )
