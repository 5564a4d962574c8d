"""Question templates: every wording a fact supports for each kind, before a mode is applied.

Templates work on the structure of a fact (subject, verb, rest and their entity slots), never by
formatting bank text as a template: bank text is only ever concatenated, so `{0.__class__}` in a
bank stays literal.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Entity, Place, Unit
from question_bank.facts.model import Clause, Fact
from question_bank.facts.text import Slot, capitalize_first, mentions
from question_bank.questions.wording import (
    attributive,
    based,
    common_word,
    mid_sentence,
    with_clause,
    without_appositive,
)

BLANK = "_____"
PREPOSITIONS = frozenset(
    "near at in into to from across over by towards toward around outside on through along "
    "against past beyond behind under within onto".split()
)
# A slot after one of these sits in an embedded clause: fronting it would change the meaning.
CLAUSE_WORDS = frozenset("to after before while when that which who whose until".split())
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())
_THE = re.compile(r"(?:^|\s)(?:the|an|a)\s*$", re.IGNORECASE)
_COORDINATED = re.compile(r"^\s*(?:,|and|or|–|-|/)?\s*(?:and\s+)?(?:the\s+)?$", re.IGNORECASE)


class Ask(NamedTuple):
    """One way to ask a fact: the prompt, its key and what else counts as right.

    `target` is what distractors are matched to: an Entity, a FactDate, or the fact id for
    reverse questions (whose answer is an event). A NamedTuple, not a dataclass: a bank makes
    about ten per fact, and a frozen dataclass costs ten times as much to build.
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
    fact = mid_sentence(fact)
    if kind == "date":
        return _trimmed(date_asks(fact), fact)
    return entity_asks(fact, Unit if kind == "unit" else Place)


LONG = 120  # characters: a date stem past this is trimmed of its side phrases where it can be


def _trimmed(asks: list[Ask], fact: Fact) -> list[Ask]:
    """The date wordings, each past LONG characters taken from the fact with the fewest side
    phrases cut that brings it within LONG ("When did Elcano bring the Victoria back … with
    eighteen men?" without ", the first ship to sail round the world", which read as if it were the
    men): the date is the answer, so the event's asides and purposes only weigh the stem down.
    'What happened …?' keeps the whole event (it is the answer); a wording nothing brings within
    LONG stays as it is."""
    long = [i for i, a in enumerate(asks) if len(a.prompt) > LONG and a.wording_id != "date.what_happened"]
    if not long:
        return asks
    from question_bank.questions.trim import variants  # lemminflect, loaded on first need

    asks = list(asks)
    for lost, variant in variants(fact, second_verbs=False):
        if not lost:
            continue
        shorter = {a.wording_id: a for a in date_asks(variant)}
        for i in list(long):
            ask = shorter.get(asks[i].wording_id)
            if ask is not None and len(ask.prompt) <= LONG:
                asks[i] = ask
                long.remove(i)
        if not long:
            break
    return asks


# Capitalised words that stay so inside a sentence though the lexicon knows them in lower case.
# --- dates ----------------------------------------------------------------------------------


_DOUBLED = re.compile(r"\b(the|a|an) \1\b", re.IGNORECASE)


# "the 23rd Serbian Division and the 25th Serbian Division": two units of one name, said once.
_PAIR = re.compile(r"\bthe (\d+(?:st|nd|rd|th)) ((?:[A-Z][\w'-]* )*)(Division|Brigade|Regiment|Battalion)"
                   r" and the (\d+(?:st|nd|rd|th)) \2\3\b")


def _clean(text: str) -> str:
    text = " ".join(text.split())
    if " the the " in text.lower() or " a a " in text or " an an " in text:
        text = _DOUBLED.sub(r"\1", text)  # "crossed the [the Donets|…]"
    if " and the " in text:
        text = _PAIR.sub(r"the \1 and \4 \2\3s", text)  # "the 23rd and 25th Serbian Divisions"
    if "," not in text and " ." not in text and " ?" not in text:
        return text  # nothing to replace (the usual case): skip four scans
    return text.replace(" ,", ",").replace(",,", ",").replace(" .", ".").replace(" ?", "?")


# Verbs of an action that goes on for days: "On what date did the 9th Army attack …?" is also
# true of the days after it began, so a date question asks when it first did.
DURATIVE = frozenset({
    "attack", "counterattack", "bomb", "bombard", "shell", "besiege", "blockade", "fight", "battle",
    "defend", "advance", "pursue", "occupy", "resist", "search", "patrol", "guard", "shield",
    "retreat", "orbit", "rule", "reign", "govern",
})


# Verbs that open something lasting: the units of "opened an offensive towards Belgorod" on 3 August
# may be the ones that took Belgorod on the 5th.
INCEPTIVE = frozenset({"open", "begin", "launch", "start", "mount", "resume"})
LASTING_DAYS = 31  # how long an action dated by its first day may still be going on


def still_going(fact: Fact) -> date:
    """The last day the fact's action may still be going on: its end, or for a lasting action
    dated by its first day (durative or opened) a month after it began."""
    when = fact.date
    if when.precision in (Precision.DAY, Precision.MONTH) and not fact.is_passive and \
            (fact.verb_base in DURATIVE or fact.verb_base in INCEPTIVE):
        return max(when.end, when.start + timedelta(days=LASTING_DAYS))
    return when.end


# A clause that already says which moment of a lasting action is meant ("shelled the assembly
# areas shortly before the attack began"): no "first" beside it.
_PINNED = re.compile(r"\b(?:before|after|until)\b")


def is_durative(fact: Fact) -> bool:
    """A day or month (not a span) for an action that lasts: the date is when it began."""
    return (not fact.is_passive and fact.verb_base in DURATIVE
            and fact.date.precision in (Precision.DAY, Precision.MONTH))


def _event_tail(fact: Fact) -> str:
    """'did {subject} {verb_base} {rest}?' (or '{was} {subject} {rest}?'), cleaned: what follows
    the question word of every 'When …?' wording ('did … first attack' for a lasting action)."""
    if fact.is_passive:
        body = f"{fact.verb} {fact.subject.text} {fact.rest.text}"
    else:
        first = "first " if is_durative(fact) and not _PINNED.search(fact.rest.text) else ""
        body = f"did {fact.subject.text} {first}{fact.verb_base} {based(fact.rest.text)}"
    return _clean(body).rstrip(",") + "?"


def event_question(fact: Fact, wh: str) -> str:
    """'{wh} did {subject} {verb_base} {rest}?' or, with was/were, '{wh} was {subject} {rest}?'."""
    return _ask_event(wh, _event_tail(fact))


def _ask_event(wh: str, tail: str) -> str:
    # The tail starts with did/was/were, so cleaning "{wh} {tail}" as a whole changes nothing
    # more than cleaning the tail alone: the tail is cleaned once per fact.
    return f"{wh} {tail}"


def month_of(when: FactDate) -> FactDate:
    start = when.start
    return _month(start.year, start.month)[0]


@lru_cache(maxsize=1024)
def _month(year: int, month: int) -> tuple[FactDate, str]:
    """A month as a FactDate and its text (a few dozen months serve a whole bank)."""
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    when = FactDate(date(year, month, 1), last, Precision.MONTH, Precision.MONTH)
    return when, when.human()


def date_asks(fact: Fact) -> list[Ask]:
    when = fact.date
    key = when.human()
    keys = (key,)
    tail = _event_tail(fact)
    # "When did Dias drown when his ship sank …?" reads badly: a when-clause keeps the other wordings.
    asks = [] if " when " in tail else [Ask("date", "date.when", _ask_event("When", tail), key, keys, when)]
    if when.precision is Precision.DAY:
        asks.append(Ask("date", "date.on_what_date", _ask_event("On what date", tail), key, keys, when))
        month, month_key = _month(when.start.year, when.start.month)
        asks.append(
            Ask("date", "date.which_month", _ask_event(f"In which month of {when.year}", tail),
                month_key, (month_key,), month)
        )
    elif when.precision is Precision.MONTH and not when.qualifier:
        asks.append(Ask("date", "date.which_month", _ask_event(f"In which month of {when.year}", tail),
                        key, keys, when))
    elif when.precision is Precision.YEAR:
        asks.append(Ask("date", "date.which_year", _ask_event("In which year", tail), key, keys, when))
    statement = fact.statement(with_date=False).rstrip(".")
    phrase = fact.date_phrase
    asks.append(
        Ask("date", "date.what_happened", f"What happened {phrase}?", statement, (statement,),
            fact.id, False, False, True)
    )
    first, last = _date_clozes(fact, phrase)
    asks.append(Ask("date", "date.cloze", first, key, keys, when, True))
    asks.append(Ask("date", "date.cloze_end", last, key, keys, when, True))
    return asks


def _date_clozes(fact: Fact, phrase: str) -> tuple[str, str]:
    """The statement with its date as the gap, the date first and the date last."""
    lead = phrase.split(" ", 1)[0]
    if lead == "between":
        lead = "in the period"
    body = _clean(f"{fact.subject.text} {fact.verb} {fact.rest.text}").rstrip(",")
    return f"{capitalize_first(lead)} {BLANK}, {body}.", f"{capitalize_first(body)} {lead} {BLANK}."


# --- units and places -----------------------------------------------------------------------


def noun_for(entity: Entity) -> str:
    return entity.noun if isinstance(entity, Unit) else entity.type


def descriptors(entity: Entity, fact: Fact) -> list[tuple[str, str, tuple[Entity, ...]]]:
    """Ways to name what is asked for ('Soviet corps', 'corps'; 'American astronaut', 'astronaut'),
    each with the fact's entities it would also fit (those answers count too)."""
    found: list[tuple[str, str, tuple[Entity, ...]]]
    if isinstance(entity, Unit):
        side, noun = entity.side, entity.noun
        units = fact.units
        found = []
        if side:
            found.append(("side_echelon", f"{side} {noun}",
                          tuple(e for e in units if e.side == side and e.noun == noun and e.category == entity.category)))
        found.append(("echelon", noun, tuple(e for e in units if e.noun == noun and e.category == entity.category)))
        # Never "which unit" for a front, "which organisation" for an assembly or "which person"
        # for an astronaut: a teacher names what it is (readers found "Which unit took up
        # positions …?" vague, and every option a front beside "Which unit").
        if len(units) == 1:  # the entity itself: every descriptor fits it alone
            return found
    else:
        found = [("type", entity.type, tuple(e for e in fact.places if e.type == entity.type))]
    # Keep the plain descriptors, and the broader ones only where they stay unambiguous.
    return [d for i, d in enumerate(found) if i == 0 or len(d[2]) == 1]


def _slots(fact: Fact, cls: type[Unit] | type[Place]) -> list[tuple[str, Clause, int]]:
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


_SUBJECT_GOES_ON = re.compile(r"^\s*(,|and\b|with\b|together\b|\()")
_SUBJECT_LEADS = PREPOSITIONS | {"of", "with"}


def _wh_frame(
    fact: Fact, part: str, clause: Clause, slot: Slot, when: str, modifies: bool,
) -> tuple[str, str] | None:
    """The 'which …?' question around a slot as (head, tail): the prompt is the cleaned
    head + descriptor + tail; None where fronting the slot would not read well (`modifies`: the
    slot is `attributive`)."""
    before, after = clause.text[: slot.start], clause.text[slot.end :]
    if after.startswith(("'", "’", "-")) or modifies:
        return None
    before = _THE.sub("", before) if _THE.search(before) else before
    if part == "subject":
        if after.strip() and not _SUBJECT_GOES_ON.match(after):
            return None
        if before.strip() and before.split()[-1].lower() not in _SUBJECT_LEADS:
            return None
        # Leading space is dropped and the first letter capitalised, as for the whole subject.
        head = capitalize_first((before + (" " if before and not before.endswith(" ") else "") + "which ").lstrip())
        return head, f"{after} {fact.verb} {fact.rest.text} {when}"
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
            entity = clause.entities[clause.slots.index(slot)]
            if last == "at" and isinstance(entity, Place) and entity.type in ("city", "town"):
                lead = "in"  # "In which city did …", not "At which city"
        else:
            return None  # inside a noun phrase: only a cloze reads well
    if not lead and words_before:
        return None
    rest = " ".join(words_before) + " " + after
    head = capitalize_first(f"{lead} which ".lstrip())
    subject = fact.subject.text
    verb = f"{fact.verb} {subject}" if fact.is_passive else f"did {subject} {fact.verb_base}"
    return head, f" {verb} {rest if fact.is_passive else based(rest)} {when}"


def _accepted(fitting: tuple[Entity, ...], also: tuple[str, ...] = ()) -> tuple[str, ...]:
    if len(fitting) == 1 and not fitting[0].aliases and not also:
        return (fitting[0].name,)
    return tuple(dict.fromkeys((*(n for e in fitting for n in e.names), *also)))


def entity_asks(fact: Fact, cls: type[Unit] | type[Place]) -> list[Ask]:
    kind = "unit" if cls is Unit else "place"
    asks: list[Ask] = []
    when = fact.date_phrase
    dated = capitalize_first(when)
    also = fact.also_accept
    asked = fact
    for part, whole, index in _slots(asked, cls):
        fact = asked
        entity = whole.entities[index]
        if fact.asks and not fact.offers(kind, entity):
            continue
        clause = without_appositive(whole, index)  # "[Novi Sad], the main city of Vojvodina," defines it
        if clause is not whole:
            fact = with_clause(fact, part, clause)
        slot = clause.slots[index]
        names = _accepted((entity,), also) if also else entity.names
        first_of_slot = len(asks)
        described = descriptors(entity, fact)
        coordinated = _coordinated(clause, index)
        modifies = not coordinated and attributive(clause, slot)
        frame = None if coordinated else _wh_frame(fact, part, clause, slot, when, modifies)
        # A subject slot is fronted already by its wh-question; "which town and Niš" and "which city
        # salient" read badly.
        if (part == "rest" or frame is None) and not coordinated and not modifies:
            first = described[0]
            in_situ = _in_situ(fact, part, clause, slot, first[1], dated)
            asks.append(Ask(kind, f"{kind}.in_situ", in_situ, entity.name, _unnamed(first[2], in_situ, also), entity))
        if not coordinated:
            if frame is not None:
                head, tail = frame
                fitted: tuple[Entity, ...] | None = None
                answers: tuple[str, ...] = ()
                for name, words, fitting in described:
                    prompt = _frame_prompt(head, words, tail, when, dated)
                    if fitting is not fitted:  # descriptors fitting the same entities share a tuple
                        fitted, answers = fitting, _unnamed(fitting, prompt, also)
                    asks.append(Ask(kind, f"{kind}.{name}", prompt, entity.name, answers, entity))
            where = _where_question(fact, part, clause, slot, when) if cls is Place and len(fact.places) == 1 else None
            if where:
                asks.append(Ask(kind, "place.where", where, entity.name, names, entity))
        cloze, cloze_end = _entity_clozes(fact, part, slot, dated, when)
        if clause is not whole:
            # Without its appositive the sentence may fit other answers too: only the options
            # (none of them also right) make it determined, so it is asked as multiple choice only.
            asks[first_of_slot:] = [a._replace(choice_only=True) for a in asks[first_of_slot:]]
        else:
            asks.append(Ask(kind, f"{kind}.cloze", cloze, entity.name, names, entity, True))
            asks.append(Ask(kind, f"{kind}.cloze_end", cloze_end, entity.name, names, entity, True))
        # The same gap as multiple choice: the options say what kind of answer goes in.
        gap = f"Which {described[0][1]} fills the gap? {cloze}"
        asks.append(Ask(kind, f"{kind}.gap", gap, entity.name, _unnamed(described[0][2], gap, also), entity,
                        False, False, True))
    return asks


_MAY_FOLLOW_A_DATE = PREPOSITIONS | DIRECTIONS | {"which", "who"}


def _frame_prompt(head: str, words: str, tail: str, when: str, dated: str) -> str:
    """The wh-question; a long one gets its date first ("On 6 September 1522, which ship returned
    … as the first ship to sail round the world?"), where the date at the end would hang on the
    last phrase; "Which person" is "Who"."""
    if head == "Which " and words == "person":
        head, words = "Who", ""
    body = head + words + tail
    if body.endswith(when) and len(body.split()) > 14:
        first = head.split(" ", 1)[0]
        second = head.split(" ", 2)[1:2] or words.split(" ", 1)[:1]
        lowered = first.lower() in _MAY_FOLLOW_A_DATE or first.lower() in ("the", "a", "an") or (
            common_word(first.lower()) and not (second and second[0][:1].isupper())
        )
        head = f"{head[0].lower()}{head[1:]}" if lowered else head
        body = f"{dated}, {head}{words}{tail[: -len(when)]}"
    return _clean(body).rstrip(",") + "?"


def _unnamed(fitting: tuple[Entity, ...], prompt: str, also: tuple[str, ...]) -> tuple[str, ...]:
    """The answers that count: the fitting entities the prompt does not name itself ("which
    Yugoslav division and the 25th Serbian Division" asks for the other one)."""
    if len(fitting) > 1:
        lowered = prompt.lower()
        kept = tuple(e for e in fitting if not any(mentions(lowered, n.lower()) for n in e.names))
        fitting = kept or fitting[:1]
    return _accepted(fitting, also)


def _in_situ(fact: Fact, part: str, clause: Clause, slot: Slot, noun: str, dated: str) -> str:
    """The statement asked where the slot stands: 'On 7 October 1944, the 64th Rifle Corps … took
    which town after …?'."""
    before, after = clause.text[: slot.start], clause.text[slot.end :]
    before = _THE.sub(" ", before) if _THE.search(before) else before
    asked = f"{before}which {noun}{after}"
    subject, rest = (asked, fact.rest.text) if part == "subject" else (fact.subject.text, asked)
    body = _clean(f"{subject} {fact.verb} {rest}").rstrip(",.")
    return f"{dated}, {body}?"


def _where_question(fact: Fact, part: str, clause: Clause, slot: Slot, when: str) -> str | None:
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
    return _clean(f"Where {verb} {rest} {when}").rstrip(",") + "?"


def _entity_clozes(fact: Fact, part: str, slot: Slot, dated: str, when: str) -> tuple[str, str]:
    """The statement with the slot as the gap, dated first and dated last."""
    clause = fact.subject if part == "subject" else fact.rest
    start = slot.start
    if slot.display[:4].lower() == "the " and slot.start > 0:
        start += 4  # "the valley of the _____": the gap takes the name, the sentence keeps its article
    blanked = clause.text[:start] + BLANK + clause.text[slot.end :]
    subject = blanked if part == "subject" else fact.subject.text
    rest = blanked if part == "rest" else fact.rest.text
    body = _clean(f"{subject} {fact.verb} {rest}").rstrip(",")
    return f"{dated}, {body}.", f"{capitalize_first(body)} {when}."
