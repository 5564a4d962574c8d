"""Side phrases a question can do without: an aside between commas (", from the 46th Army of the
2nd Ukrainian Front,"), a trailing clause ("… when the Red Army's awaited crossing did not come", "…
that was signing a petition …") or a second verb ("… to reach the Spice Islands"), never the phrase
holding a slot it does not take whole. `variants` gives the fact with them taken out, fewest
characters lost first: for a length limit (Kahoot's 120 characters) and for date questions whose
stem a teacher would trim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from question_bank.facts.model import Clause, Fact
from question_bank.facts.text import Slot

MAX_CUTS = 3  # side phrases taken out at most at once (a fact has few; subsets stay cheap)

# An aside: ", the words between," with no further comma inside (and not "70,000").
_ASIDE = re.compile(r",\s+[^,]+,(?=\s)")
# Where a trailing phrase may start: a comma, or a word that opens a subordinate clause.
_TAIL = re.compile(
    r",\s|(?<!shortly)(?<!soon)(?<!just)(?<!long)(?<!well)(?<!right)(?<!immediately)"
    r"\s(?=(?:(?:shortly|soon|just|long|well|right|immediately) )?"
    r"(?:when|while|after|before|until|because|since|as soon as|so that|in order to)\s)"
    r"|\s(?=(?:that|which|who) (?:was|were|had|has|is|are) )"
)  # "shortly before the attack began" goes whole: "shell … shortly?" would be left; "a crowd
# … that was signing a petition": a relative clause, not "announced that the war was over"
# "… and set up a liberated zone there", "… to reach the 74th Rifle Division": a second verb.
_VERB_TAIL = re.compile(r"\s(?:and|to)\s([a-z]+)\b")
# Verbs whose "to …" is what they say, not why ("forced Army Group F to mass troops"): kept.
_NEEDS_TO = frozenset(
    "force order ask allow tell urge persuade cause help enable permit compel want try attempt decide plan "
    "agree refuse fail manage need begin start continue seem appear prepare promise expect mean be have "
    "go come use choose hope intend wish oblige require instruct command invite advise encourage".split()
)
# Words before a "to …" that belongs to them ("the first person to orbit the Earth", "the right to vote").
_OWNS_TO = frozenset(
    "first second third last only next chance right attempt effort decision permission ability way order "
    "plan promise time power means courage".split()
)


def variants(fact: Fact, second_verbs: bool = True) -> Iterator[tuple[int, Fact]]:
    """The fact as it is, then with side phrases taken out, fewest characters lost first.
    `second_verbs`: "… and set up a liberated zone there" may go too (not for a date: "… and
    guillotined" may be the event the date is of)."""
    yield 0, fact
    spans = [("subject", s) for s in _side_phrases(fact.subject, "", second_verbs)]
    spans += [("rest", s) for s in _side_phrases(fact.rest, fact.verb_base, second_verbs)]
    choices = []
    for size in range(1, min(MAX_CUTS, len(spans)) + 1):
        for chosen in combinations(spans, size):
            lost = sum(end - start for _, (start, end) in chosen)
            choices.append((lost, chosen))
    choices.sort(key=lambda c: c[0])
    for lost, chosen in choices:
        variant = _without(fact, chosen)
        if variant is not None:
            yield lost, variant


def _side_phrases(clause: Clause, verb: str, second_verbs: bool = True) -> list[tuple[int, int]]:
    """Spans of `clause.text` that can go without changing what the rest says: asides between
    commas and trailing clauses. Each keeps clear of any slot it does not hold whole. `verb` is
    the fact's verb before the clause (the rest's), which may need its "to …"."""
    text = clause.text
    starts = {slot.start for slot in clause.slots}  # ", [Jajce], [Livno]": a list goes on, no aside
    # A clause ending in a comma closes an aside ("the corps, with elements of …, took"): a tail
    # that starts at a comma takes the closing one with it; one that starts at a word keeps it.
    end = len(text.rstrip().rstrip(","))
    found = [(m.start(), m.end()) for m in _ASIDE.finditer(text)
             if not _has_finite_verb(m.group()) and m.start() + len(m.group()) - len(m.group().lstrip(", ")) not in starts]
    for m in _TAIL.finditer(text):
        comma = m.group().startswith(",")
        if 0 < m.start() < end and m.end() not in starts and not (comma and _has_finite_verb(text[m.end():])):
            found.append((m.start(), len(text) if comma else end))
    found += [(m.start(), end) for m in _VERB_TAIL.finditer(text) if m.start() < end and _verb_after(m, verb, second_verbs)]
    return [(a, b) for a, b in dict.fromkeys(found) if not _splits_slot(clause.slots, a, b) and text[:a].strip()]


def _has_finite_verb(phrase: str) -> bool:
    """True if the phrase holds a verb only a sentence can have (', took Frank Borman,'), not
    just a participle (', backed by the 5th Air Army,'): then it is no aside, nor a tail to drop."""
    from lemminflect import getAllLemmas, getInflection

    for word in re.findall(r"[a-z]+", phrase):
        for lemma in getAllLemmas(word).get("VERB", ()):
            if word in getInflection(lemma, tag="VBD") and word not in getInflection(lemma, tag="VBN"):
                return True
    return False


def _verb_after(match: re.Match[str], verb: str, second_verbs: bool = True) -> bool:
    """'and' before a verb in the past ('and set up'; only with `second_verbs`), 'to' before one in
    its base form ('to reach')."""
    from lemminflect import getAllLemmas

    from question_bank.banks.statements import past_form_base  # lemminflect, loaded on first need

    word = match.group(1)
    if match.group(0).strip().startswith("and"):
        return second_verbs and past_form_base(word) is not None
    if word not in getAllLemmas(word).get("VERB", ()):
        return False  # "to the front": a place, not a purpose
    before = [verb, *match.string[: match.start()].lower().split()]
    if any(w in _OWNS_TO or (w.endswith("est") and len(w) > 5) for w in before[-3:]):
        return False
    return not any(_NEEDS_TO.intersection(getAllLemmas(w).get("VERB", ())) for w in before)


def _splits_slot(slots: tuple[Slot, ...], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end and not (start <= s.start and s.end <= end) for s in slots)


def _without(fact: Fact, spans: tuple[tuple[str, tuple[int, int]], ...]) -> Fact | None:
    """The fact with `spans` taken out of its clauses; None if two spans overlap."""
    for part in ("subject", "rest"):
        mine = sorted(span for where, span in spans if where == part)
        if any(a[1] > b[0] for a, b in zip(mine, mine[1:], strict=False)):
            return None
        clause = getattr(fact, part)
        for start, end in reversed(mine):
            clause = _cut(clause, start, end)
        fact = replace(fact, **{part: clause})
    return fact


def _cut(clause: Clause, start: int, end: int) -> Clause:
    """The clause without text[start:end]: slots inside go with it, later slots move up."""
    kept = [(s, e) for s, e in zip(clause.slots, clause.entities, strict=True) if not start <= s.start < end]
    width = end - start
    slots = tuple(s if s.end <= start else Slot(s.display, s.ref, s.start - width, s.end - width) for s, _ in kept)
    text = clause.text[:start] + clause.text[end:]
    return Clause(clause.marked, text, slots, tuple(e for _, e in kept))
