"""Sentence surgery on a bank's own text before it becomes a question: a second past verb in
its base form, a sentence-initial capital dropped, an appositive that defines the answer taken
out, and the slots that only read well as a gap (a modifier, a name after a title)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from question_bank.facts.entities import Unit
from question_bank.facts.model import Clause, Fact
from question_bank.facts.text import Slot

_TITLE_BEFORE = re.compile(r"(?:^|\s)[A-Z][a-z]+\s*$")  # "President [John F. Kennedy]": a title, not a phrase


PROPER_ADJECTIVES = frozenset(
    "confederate union partisan partisans allied allies axis federal royal imperial republican royalist "
    "loyalist patriot patriots national soviet".split()
)


def mid_sentence(fact: Fact) -> Fact:
    """The fact with its subject's first word in lower case where the bank's sentence capitalised
    it only to start the sentence ("Deputies of the National Assembly" → "did deputies of …");
    a name ("Red Army", "President Kennedy") keeps its capital. A hyphenated word goes by its last
    part ("Sans-culottes and volunteers …" → "did sans-culottes and …"; "Jean-Paul" stays)."""
    text = fact.subject.text
    words = text.split(maxsplit=2)
    if not words or not words[0][:1].isupper() or (fact.subject.slots and fact.subject.slots[0].start == 0):
        return fact
    first = words[0]
    if len(words) > 1 and words[1][:1].isupper():
        return fact  # part of a name
    if not common_word(first.lower().rsplit("-", 1)[-1] if "-" in first else first.lower()):
        return fact
    lowered = Clause(fact.subject.marked, first[0].lower() + text[1:], fact.subject.slots, fact.subject.entities)
    return replace(fact, subject=lowered)


@lru_cache(maxsize=4096)
def common_word(word: str) -> bool:
    """True for a word the English lexicon knows in lower case ("deputies", not "Louis")."""
    if word in PROPER_ADJECTIVES or not word.isalpha():
        return False
    from lemminflect import getAllLemmas  # loaded on first need

    return bool(getAllLemmas(word))


_AND_VERB = re.compile(r"\b(and|then)\s+([a-z]+)\b")
_BUT_BE = re.compile(r",?\s+but\s+(?:was|were)\s+")


def based(rest: str) -> str:
    """`rest` for a did-question: a second verb in the past after 'and' takes its base form too
    ("did Gagarin lift off … and become", not "and became"); "but were stopped" becomes ", only
    to be stopped"."""
    if " but " in rest:
        rest = _BUT_BE.sub(", only to be ", rest)
    if " and " not in rest and " then " not in rest:
        return rest
    return _AND_VERB.sub(lambda m: f"{m.group(1)} {_base_of(m.group(2))}", rest)


@lru_cache(maxsize=4096)
def _base_of(word: str) -> str:
    from question_bank.banks.statements import past_form_base  # lemminflect, loaded on first need

    if word in ("the", "a", "an", "its", "their", "his", "her", "was", "were"):
        return word
    if word.endswith("ing") and word != "joyriding":
        return word  # never a simple past (of lemminflect's 7,198 words in -ing, only "joyriding"): no need to load it
    return past_form_base(word) or word


# A slot followed by one of these names something else ("the [Kursk] salient"): "which city
# salient" reads badly, so such a slot is asked only as a gap.
ATTRIBUTIVE = frozenset(
    "salient front bridgehead pocket line sector offensive operation campaign road railway bend valley "
    "basin region area gap pass crossing corridor landing beachhead group".split()
)


def attributive(clause: Clause, slot: Slot) -> bool:
    """True if the slot is used as a modifier of the noun after it ("the [Kursk] salient", "an
    [R-7] rocket"), or follows a title ("President [John F. Kennedy]")."""
    if _TITLE_BEFORE.search(clause.text[: slot.start]):
        return True
    words = clause.text[slot.end :].split(maxsplit=1)
    if not words or words[0][-1] in ",.;:":
        return False
    word = words[0].lower()
    entity = clause.entities[clause.slots.index(slot)]
    noun = entity.noun if isinstance(entity, Unit) else entity.type
    return word in ATTRIBUTIVE or word == noun


APPOSITIVE = re.compile(r",\s+(?:the|a|an|its|their|his|her)\s[^,\[\]]*,")


def without_appositive(clause: Clause, index: int) -> Clause:
    """The clause without an appositive right after slot `index` (", the main city of Vojvodina,"),
    which would define the answer; later slots move up. The clause itself when there is none."""
    slot = clause.slots[index]
    found = APPOSITIVE.match(clause.text, slot.end)
    if found is None:
        return clause
    cut = found.end() - found.start()
    text = clause.text[: found.start()] + clause.text[found.end():]
    slots = tuple(s if s.start < found.start() else Slot(s.display, s.ref, s.start - cut, s.end - cut)
                  for s in clause.slots)
    return Clause(clause.marked, text, slots, clause.entities)


def with_clause(fact: Fact, part: str, clause: Clause) -> Fact:
    """The fact with `clause` as its subject or rest (asked about one slot only)."""
    return replace(fact, subject=clause) if part == "subject" else replace(fact, rest=clause)
