"""The draft bank: one [[fact]] a sentence that names a unit or place and has a past-tense verb,
each under its sentence as a comment, then the units and places the catalog lacks, marked review."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from question_bank.banks.builtin import builtin_bank_names
from question_bank.banks.loader import load_bank_file
from question_bank.banks.problems import BankError
from question_bank.banks.records import NAME_MAX, check_bank_name, check_type_word, slugify
from question_bank.collector import collector_paused
from question_bank.extract.actors import ActorMention
from question_bank.extract.article import Extraction, SentenceFinds
from question_bank.extract.events import Event, Slot, build_event, date_phrase
from question_bank.extract.places import PlaceMention
from question_bank.extract.sentences import without_controls
from question_bank.extract.sides import known
from question_bank.extract.units import UnitMention
from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import ECHELONS, PLACE_TYPES
from question_bank.facts.text import fold

_SLUG_BAD = re.compile(r"[^a-z0-9]+")
_FIRST_SLOT = re.compile(r"\[([^\]|]+)(?:\|([^\]]+))?\]")


@dataclass
class Draft:
    """The TOML text of a draft bank and what went into it."""

    text: str
    sentences: int
    facts: int
    dates: int
    units: int
    places: int
    nothing_to_ask: int
    new_units: int
    new_places: int
    remarks: list[str] = field(default_factory=list)
    actors: int = 0  # people, organisations, ships and craft
    new_actors: int = 0

    def summary(self) -> str:
        return (
            f"sentences read: {self.sentences}\nfacts drafted: {self.facts}\n"
            f"dates found: {self.dates}\nunits found: {self.units} ({self.new_units} not in the catalog, marked # review)\n"
            f"people, organisations, ships and craft found: {self.actors} ({self.new_actors} declared, marked # review)\n"
            f"places found: {self.places} ({self.new_places} not in the catalog, marked # review)\n"
            f"sentences with nothing to ask: {self.nothing_to_ask}"
        )


def draft_problems(path: str | Path) -> str | None:
    """Every problem the bank loader finds in a written draft, one a line; None if it loads."""
    try:
        load_bank_file(path)
    except BankError as error:
        return str(error)
    return None


DRAFT_SUFFIX = "-draft"


def name_problem(name: str) -> str | None:
    """Why `name` cannot name the drafted bank, or None: the loader's own rule, and not a built-in
    bank's name (its import would be refused)."""
    problem = check_bank_name(name)
    if problem is None and name in builtin_bank_names():
        return f"'{name}' is a built-in bank's name; choose another (such as {name}{DRAFT_SUFFIX})"
    return problem


def free_name(title: str) -> str:
    """A bank name made from `title` that can be imported: a built-in bank's name gets '-draft'."""
    made = slugify(title, NAME_MAX - len(DRAFT_SUFFIX)) or "draft"
    return f"{made}{DRAFT_SUFFIX}" if made in builtin_bank_names() else made


def slug(text: str) -> str:
    return _SLUG_BAD.sub("-", fold(text)).strip("-")


_PLAIN = re.compile(r'[^"\\\x00-\x1f\x7f-\x9f]*')


def toml_string(text: str) -> str:
    """A TOML basic string; control characters are escaped."""
    if _PLAIN.fullmatch(text):
        return f'"{text}"'
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def comment(text: str) -> str:
    return "# " + without_controls(text).strip()


class _Entities:
    """The units and places a draft declares itself, one entry a folded name."""

    def __init__(self, extraction: Extraction):
        self.catalog = extraction.catalog
        self.units: dict[str, UnitMention] = {}
        self.places: dict[str, PlaceMention] = {}
        self.actors: dict[str, ActorMention] = {}
        sides = Counter(u.side for u in extraction.units if known(u.side))
        self.usual_side = sides.most_common(1)[0][0] if sides else None
        self.unmarked: dict[str, str] = {}

    def unit_slot(self, unit: UnitMention) -> Slot | None:
        if unit.entity is not None:
            return Slot(unit.start, unit.end, unit.text, unit.entity.name)
        key = fold(unit.text)
        if key in self.places or self.catalog.find(unit.text):
            return None
        if not known(unit.side) and self.usual_side is None:
            self.unmarked[unit.text] = "no side could be told"
            return None
        self.units.setdefault(key, unit)
        return Slot(unit.start, unit.end, unit.text, self.units[key].text)

    def actor_slot(self, actor: ActorMention, text: str, others: list[tuple[int, int]]) -> Slot | None:
        key = fold(actor.full_name)
        if key in self.places or key in self.units or self.catalog.find(actor.full_name):
            return None
        first = self.actors.setdefault(key, actor)
        if not first.role and actor.role or not first.side and actor.side:
            self.actors[key] = ActorMention(first.start, first.end, first.text, first.kind, first.role or actor.role,
                                            first.side or actor.side, first.rule, first.name)
        start = actor.slot_start
        if any(start < b and a < actor.start for a, b in others):
            start = actor.start  # its role words hold another name: keep them out of its slot
        return Slot(start, actor.end, text[start : actor.end], self.actors[key].full_name)

    def place_slot(self, place: PlaceMention) -> Slot | None:
        if place.entity is not None:
            return Slot(place.start, place.end, place.text, place.entity.name)
        key = fold(place.text)
        if key in self.units or key in self.actors or self.catalog.find(place.text):
            return None
        self.places.setdefault(key, place)
        return Slot(place.start, place.end, place.text, self.places[key].text)

    def tables(self) -> list[str]:
        lines: list[str] = []
        for unit in self.units.values():
            side = unit.side if known(unit.side) else self.usual_side
            notes = []
            if unit.side_from in ("sentence", "article") or not known(unit.side):
                notes.append("side " + ("from the words around it" if known(unit.side) else "guessed"))
            if unit.echelon_guessed:
                notes.append("echelon guessed")
            echelon = unit.echelon if unit.echelon in ECHELONS else "division"
            lines += ["", "[[unit]]  # review" + (": " + ", ".join(notes) if notes else ""),
                      f"name = {toml_string(unit.text)}", f"side = {toml_string(side or '')}",
                      f"echelon = {toml_string(echelon)}"]
            if unit.branch:
                lines.append(f"branch = {toml_string(unit.branch)}")
        for actor in self.actors.values():
            article = "an" if actor.kind[0] in "aeiou" else "a"
            lines += ["", f"[[unit]]  # review: {article} {actor.kind}" + ("" if actor.role else ", no role word found"),
                      f"name = {toml_string(actor.full_name)}", f"category = {toml_string(actor.kind)}",
                      f"role = {toml_string(actor.role or _DEFAULT_ROLES[actor.kind])}"]
            if known(actor.side):
                lines.append(f"side = {toml_string(actor.side or '')}")
        for place in self.places.values():
            kind = place.type if check_type_word(place.type, PLACE_TYPES) is None else "town"
            guessed = "" if place.rule == "head" else ": type guessed"
            lines += ["", f"[[place]]  # review{guessed}", f"name = {toml_string(place.text)}",
                      f"type = {toml_string(kind)}"]
        return lines


_DEFAULT_ROLES = {"person": "person", "organisation": "organisation", "ship": "ship", "craft": "craft"}


def _fact_date(finds: SentenceFinds) -> tuple[FactDate | None, str]:
    if finds.dates:
        note = ""
        if len(finds.dates) > 1:
            others = ", ".join(d.text for d in finds.dates[1:])
            note = f"the sentence also names {others}"
        return finds.dates[0].date, note
    if finds.year is None:
        return None, ""
    year = finds.year
    return FactDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, Precision.YEAR), (
        f"the sentence gives no date: {year} is the year the article was at"
    )


def _precision(when: FactDate) -> str:
    return f"{when.qualifier}-month" if when.qualifier else when.precision.value


def draft_bank(extraction: Extraction, filename: str, name: str | None = None) -> Draft:
    """The draft bank of an extraction, as TOML the bank loader accepts."""
    with collector_paused():
        return _draft(extraction, filename, name)


def _draft(extraction: Extraction, filename: str, name: str | None) -> Draft:
    entities = _Entities(extraction)
    filename = " ".join(without_controls(filename).split())  # shown in the title, source and comments
    title = extraction.title or filename.rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("_", " ")
    bank_name = name or free_name(title)
    body: list[str] = []
    ids: Counter[str] = Counter()
    facts = nothing = 0
    for finds in extraction.sentences:
        fact = _fact(finds, entities)
        if fact is None:
            nothing += 1
            continue
        event, when, note, asks = fact
        facts += 1
        first_ref = _FIRST_SLOT.search(event.subject + " " + event.rest)
        ref = (first_ref.group(2) or first_ref.group(1)) if first_ref else "fact"
        base_id = (slug(ref) + "-" + slug(event.verb_base))[:60].strip("-") or "fact"
        ids[base_id] += 1
        fact_id = base_id if ids[base_id] == 1 else f"{base_id}-{ids[base_id]}"
        body += ["", comment(finds.sentence.raw), "[[fact]]", f"id = {toml_string(fact_id)}",
                 f"date = {toml_string(when.iso())}", f"precision = {toml_string(_precision(when))}",
                 f"subject = {toml_string(event.subject)}", f"verb = {toml_string(event.verb)}",
                 f"verb_base = {toml_string(event.verb_base)}", f"rest = {toml_string(event.rest)}",
                 f"note = {toml_string(finds.sentence.text)}"]
        if asks:  # not asked on an entity it names twice: the question would show the answer
            body.append(f"asks = [{', '.join(toml_string(item) for item in asks)}]")
        if note:
            body.append(comment("review: " + note))
    header = [
        comment(f"A draft bank made by `quiz bank extract` from {filename}: review every fact before importing it."),
        comment("Each fact keeps the sentence it was drafted from as a comment above it; units and places"),
        comment("the catalog lacks are declared at the end, marked '# review'."),
    ]
    if entities.unmarked:
        header.append(comment("Units left as plain text, not slots:"))
        header += [comment(f"  {unit}: {why}") for unit, why in entities.unmarked.items()]
    header += ["", "[bank]", f"name = {toml_string(bank_name)}", f"title = {toml_string(title)}",
               f"source = {toml_string('the article ' + filename.rsplit('/', 1)[-1])}"]
    tables = entities.tables()
    text = "\n".join([*header, *body, *tables]) + "\n"
    return Draft(
        text, len(extraction.sentences), facts, len(extraction.dates), len(extraction.units),
        len(extraction.places), nothing, len(entities.units), len(entities.places),
        actors=sum(len(s.actors) for s in extraction.sentences), new_actors=len(entities.actors),
    )


def _fact(finds: SentenceFinds, entities: _Entities) -> tuple[Event, FactDate, str, list[str]] | None:
    if finds.sentence.is_heading or not (finds.units or finds.places or finds.actors):
        return None
    when, note = _fact_date(finds)
    if when is None:
        return None
    removed = [date_phrase(finds.sentence.text, finds.dates[0].start, finds.dates[0].end)] if finds.dates else []
    slots = [s for s in (
        *(entities.unit_slot(u) for u in finds.units), *(entities.actor_slot(a, finds.sentence.text, finds.spans()) for a in finds.actors),
        *(entities.place_slot(p) for p in finds.places),
    ) if s is not None]
    slots = [s for s in slots if not any(s.start < b and a < s.end for a, b in removed)]
    slots, twice = _merge_repeats(finds.sentence.text, slots)
    if twice:
        named = ", ".join(twice)
        note = "; ".join(part for part in (note, f"names {named} twice: not asked on it (a question would show the answer)") if part)
    event = build_event(finds.sentence.text, slots, removed)
    if event is None or not event.slots() or len(event.verb.split()) > 3:
        return None
    asks: list[str] = []
    if twice:
        refs = [m.group(2) or m.group(1) for m in _FIRST_SLOT.finditer(event.subject + " " + event.rest)]
        asks = ["date", *dict.fromkeys(ref for ref in refs if fold(ref) not in {fold(t) for t in twice})]
    return event, when, note, asks


_JOINS = re.compile(r"[\s,/(\-–—]*(?:(?:and|or|aka|also)\s+)?[\s(]*", re.IGNORECASE)


def _merge_repeats(text: str, slots: list[Slot]) -> tuple[list[Slot], list[str]]:
    """One slot per entity: a second name of the same one right after it ("[Ниш] and [Niš]",
    "[Niš] (Ниш)") joins its slot, so a question never shows the answer beside the blank; a
    repeat further away loses its slot and is named (for a review note)."""
    kept: list[Slot] = []
    kept_refs: list[str] = []  # each kept slot's ref, folded
    twice: list[str] = []
    for slot in sorted(slots, key=lambda s: s.start):
        ref = fold(slot.ref)
        index = kept_refs.index(ref) if ref in kept_refs else None
        if index is None:
            kept.append(slot)
            kept_refs.append(ref)
            continue
        first = kept[index]
        if index == len(kept) - 1 and _JOINS.fullmatch(text[first.end : slot.start]):
            end = slot.end
            if text.count("(", first.end, end) > text.count(")", first.end, end) and text[end : end + 1] == ")":
                end += 1
            display = text[first.start : end].replace("[", "(").replace("]", ")").replace("|", "/")
            kept[index] = Slot(first.start, end, display, first.ref)
        elif slot.ref not in twice:
            twice.append(slot.ref)
    return kept, twice
