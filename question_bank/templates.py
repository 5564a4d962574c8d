"""Question templates: every wording a fact supports for each kind, before a mode is applied.

Templates work on the structure of a fact (subject, verb, rest and their entity slots), never by
formatting bank text as a template: bank text is only ever concatenated, so `{0.__class__}` in a
bank stays literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from question_bank.dates import FactDate, Precision
from question_bank.entities import Entity, Place, Unit
from question_bank.model import Clause, Fact
from question_bank.text import Slot, capitalize_first

BLANK = "_____"
PREPOSITIONS = frozenset(
    "near at in into to from across over by towards toward around outside on through along "
    "against past beyond behind under within onto".split()
)
# A slot after one of these sits in an embedded clause: fronting it would change the meaning.
CLAUSE_WORDS = frozenset("to after before while when that which who whose until".split())
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())
_THE = re.compile(r"(?:^|\s)the\s*$", re.IGNORECASE)
_COORDINATED = re.compile(r"^\s*(?:,|and|or|–|-|/)?\s*(?:and\s+)?(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Ask:
    """One way to ask a fact: the prompt, its key and what else counts as right.

    `target` is what distractors are matched to: an Entity, a FactDate, or the fact id for
    reverse questions (whose answer is an event).
    """

    kind: str
    wording_id: str
    prompt: str
    answer: str
    accepted: tuple[str, ...]
    target: Entity | FactDate | str
    cloze: bool = False
    typable: bool = True
    choice_only: bool = False  # only as multiple choice: the options make it unambiguous


def asks_for(fact: Fact, kind: str) -> list[Ask]:
    if kind == "date":
        return date_asks(fact)
    return entity_asks(fact, Unit if kind == "unit" else Place)


# --- dates ----------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = " ".join(text.split())
    return text.replace(" ,", ",").replace(",,", ",").replace(" .", ".").replace(" ?", "?")


def event_question(fact: Fact, wh: str) -> str:
    """'{wh} did {subject} {verb_base} {rest}?' or, with was/were, '{wh} was {subject} {rest}?'."""
    subject = fact.subject.text
    if fact.is_passive:
        body = f"{wh} {fact.verb} {subject} {fact.rest.text}"
    else:
        body = f"{wh} did {subject} {fact.verb_base} {fact.rest.text}"
    return _clean(body).rstrip(",") + "?"


def month_of(when: FactDate) -> FactDate:
    start = when.start
    last = (date(start.year + (start.month == 12), start.month % 12 + 1, 1) - start.resolution)
    return FactDate(date(start.year, start.month, 1), last, Precision.MONTH, Precision.MONTH)


def date_asks(fact: Fact) -> list[Ask]:
    when = fact.date
    key = when.human()
    asks = [Ask("date", "date.when", event_question(fact, "When"), key, (key,), when)]
    if when.precision is Precision.DAY:
        asks.append(Ask("date", "date.on_what_date", event_question(fact, "On what date"), key, (key,), when))
        month = month_of(when)
        asks.append(
            Ask("date", "date.which_month", event_question(fact, f"In which month of {when.year}"),
                month.human(), (month.human(),), month)
        )
    elif when.precision is Precision.MONTH and not when.qualifier:
        asks.append(Ask("date", "date.which_month", event_question(fact, f"In which month of {when.year}"),
                        key, (key,), when))
    elif when.precision is Precision.YEAR:
        asks.append(Ask("date", "date.which_year", event_question(fact, "In which year"), key, (key,), when))
    statement = fact.statement(with_date=False).rstrip(".")
    asks.append(
        Ask("date", "date.what_happened", f"What happened {when.phrase()}?", statement, (statement,),
            fact.id, typable=False, choice_only=True)
    )
    asks.append(Ask("date", "date.cloze", _date_cloze(fact), key, (key,), when, cloze=True))
    return asks


def _date_cloze(fact: Fact) -> str:
    phrase = fact.date.phrase()
    lead = phrase.split(" ", 1)[0]
    if lead == "between":
        lead = "in the period"
    body = _clean(f"{fact.subject.text} {fact.verb} {fact.rest.text}")
    return f"{capitalize_first(lead)} {BLANK}, {body}."


# --- units and places -----------------------------------------------------------------------


def noun_for(entity: Entity) -> str:
    return entity.echelon if isinstance(entity, Unit) else entity.type


def descriptors(entity: Entity, fact: Fact) -> list[tuple[str, str, tuple[Entity, ...]]]:
    """Ways to name what is asked for ('Soviet corps', 'corps', 'unit'), each with the fact's
    entities it would also fit (those answers count too)."""
    same_kind = fact.units if isinstance(entity, Unit) else fact.places
    if isinstance(entity, Unit):
        options = [
            ("side_echelon", f"{entity.side} {entity.echelon}",
             lambda e: e.side == entity.side and e.echelon == entity.echelon),
            ("echelon", entity.echelon, lambda e: e.echelon == entity.echelon),
            ("generic", "unit", lambda e: True),
        ]
    else:
        options = [("type", entity.type, lambda e: e.type == entity.type)]
    found = []
    for name, words, fits in options:
        matching = tuple(e for e in same_kind if fits(e))
        found.append((name, words, matching))
    # Keep the plain descriptors, and the broader ones only where they stay unambiguous.
    return [d for i, d in enumerate(found) if i == 0 or len(d[2]) == 1]


def _slots(fact: Fact, cls) -> list[tuple[str, Clause, int]]:
    found = []
    for part, clause in (("subject", fact.subject), ("rest", fact.rest)):
        for index, entity in enumerate(clause.entities):
            if isinstance(entity, cls):
                found.append((part, clause, index))
    return found


def _coordinated(clause: Clause, index: int) -> bool:
    """True if the slot stands in a list with another slot of the same kind ('[Tamiš] and [Tisa]')."""
    slot, kind = clause.slots[index], type(clause.entities[index])
    for other in (index - 1, index + 1):
        if 0 <= other < len(clause.slots) and type(clause.entities[other]) is kind:
            neighbour = clause.slots[other]
            gap = clause.text[neighbour.end : slot.start] if other < index else clause.text[slot.end : neighbour.start]
            if _COORDINATED.match(gap):
                return True
    return False


def _wh_question(fact: Fact, part: str, clause: Clause, slot: Slot, words: str) -> str | None:
    before, after = clause.text[: slot.start], clause.text[slot.end :]
    if after.startswith(("'", "’", "-")):
        return None
    before = _THE.sub("", before) if _THE.search(before) else before
    when = fact.date.phrase()
    if part == "subject":
        if after.strip() and not re.match(r"^\s*(,|and\b|with\b|together\b|\()", after):
            return None
        if before.strip() and before.split()[-1].lower() not in PREPOSITIONS | {"of", "with"}:
            return None
        wh = f"which {words}"
        subject = (before + (" " if before and not before.endswith(" ") else "") + wh + after).strip()
        body = f"{capitalize_first(subject)} {fact.verb} {fact.rest.text} {when}"
        return _clean(body).rstrip(",") + "?"
    words_before = before.split()
    if CLAUSE_WORDS.intersection(w.lower().strip(",") for w in words_before[:-1]):
        return None
    lead = ""
    if words_before:
        last = words_before[-1].lower()
        if last == "of" and len(words_before) > 1 and words_before[-2].lower() in DIRECTIONS:
            lead = " ".join(words_before[-2:])
            words_before = words_before[:-2]
        elif last in PREPOSITIONS:
            lead = words_before[-1]
            words_before = words_before[:-1]
        else:
            return None  # inside a noun phrase: only a cloze reads well
    if not lead and words_before:
        return None
    rest = " ".join(words_before) + " " + after
    wh = capitalize_first(f"{lead} which {words}".strip())
    subject = fact.subject.text
    verb = f"{fact.verb} {subject}" if fact.is_passive else f"did {subject} {fact.verb_base}"
    return _clean(f"{wh} {verb} {rest} {when}").rstrip(",") + "?"


def entity_asks(fact: Fact, cls) -> list[Ask]:
    kind = "unit" if cls is Unit else "place"
    asks: list[Ask] = []
    for part, clause, index in _slots(fact, cls):
        entity, slot = clause.entities[index], clause.slots[index]
        if not _coordinated(clause, index):
            for name, words, fitting in descriptors(entity, fact):
                prompt = _wh_question(fact, part, clause, slot, words)
                if prompt:
                    accepted = tuple(dict.fromkeys(n for e in fitting for n in e.names))
                    asks.append(Ask(kind, f"{kind}.{name}", prompt, entity.name, accepted, entity))
            where = _where_question(fact, part, clause, slot) if cls is Place and len(fact.places) == 1 else None
            if where:
                asks.append(Ask(kind, "place.where", where, entity.name, entity.names, entity))
        asks.append(
            Ask(kind, f"{kind}.cloze", _entity_cloze(fact, part, slot), entity.name, entity.names, entity,
                cloze=True)
        )
    return asks


def _where_question(fact: Fact, part: str, clause: Clause, slot: Slot) -> str | None:
    """'Where did … ?' for a town reached by near/at/in, when the fact names no other place."""
    if part != "rest" or not isinstance(clause.entities[clause.slots.index(slot)], Place):
        return None
    words = clause.text[: slot.start].split()
    if not words or words[-1].lower() not in ("near", "at", "in", "outside", "around"):
        return None
    if CLAUSE_WORDS.intersection(w.lower().strip(",") for w in words[:-1]):
        return None
    rest = " ".join(words[:-1]) + " " + clause.text[slot.end :]
    verb = f"{fact.verb} {fact.subject.text}" if fact.is_passive else f"did {fact.subject.text} {fact.verb_base}"
    return _clean(f"Where {verb} {rest} {fact.date.phrase()}").rstrip(",") + "?"


def _entity_cloze(fact: Fact, part: str, slot: Slot) -> str:
    clause = fact.subject if part == "subject" else fact.rest
    blanked = clause.text[: slot.start] + BLANK + clause.text[slot.end :]
    subject = blanked if part == "subject" else fact.subject.text
    rest = blanked if part == "rest" else fact.rest.text
    body = _clean(f"{subject} {fact.verb} {rest}")
    return f"{capitalize_first(fact.date.phrase())}, {body}."
