"""A shorter wording of a question already made, for a format with a length limit (Kahoot's 120
characters). Nothing here runs when questions are generated: `generate_all` is unchanged.

The question keeps its fact, kind, key and options where they fit; only its prompt changes. The
candidates are, in order of what they lose: the fact's other wordings (the gap sentence among
them), then the same wordings with side phrases taken out: an aside between commas (", from the
46th Army of the 2nd Ukrainian Front,") or a trailing clause ("… when the Red Army's awaited
crossing did not come"), never the phrase holding the answer. A wording must pass the gate with
the options it is shown with, so a cut that makes a wrong option right is never used.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from question_bank.facts.kinds import Kind
from question_bank.facts.model import Bank, Clause, Fact
from question_bank.facts.text import Slot
from question_bank.questions.gate import flaws
from question_bank.questions.generate import Question, _choice_prompt, _options
from question_bank.questions.templates import Ask, asks_for

SHORT = ".short"  # appended to the wording id of a wording with a phrase taken out
MAX_CUTS = 3  # side phrases taken out at most at once (a fact has few; subsets stay cheap)

# An aside: ", the words between," with no further comma inside (and not "70,000").
_ASIDE = re.compile(r",\s+[^,]+,(?=\s)")
# Where a trailing phrase may start: a comma, or a word that opens a subordinate clause.
_TAIL = re.compile(
    r",\s|(?<!shortly)(?<!soon)(?<!just)(?<!long)(?<!well)(?<!right)(?<!immediately)"
    r"\s(?=(?:(?:shortly|soon|just|long|well|right|immediately) )?"
    r"(?:when|while|after|before|until|because|since|as soon as|so that|in order to)\s)"
)  # "shortly before the attack began" goes whole: "shell … shortly?" would be left
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


def shorter_question(bank: Bank, question: Question, limit: int, answer_limit: int | None = None) -> Question | None:
    """`question` asked in at most `limit` characters, or None when no wording of its fact fits (or
    the bank's fact is no longer the one the question was made from).

    The key and options stay when they are within `answer_limit`; when they are not (a 'What
    happened …?' question's options are whole events), another wording of the same fact and kind
    gets options drawn as the generator draws them, seeded by the question."""
    try:
        fact = bank.fact(question.fact_id)
    except KeyError:
        return None
    if fact.statement() != question.statement:
        return None  # the bank was edited since: a new wording would ask another sentence
    keep = answer_limit is None or all(len(o) <= answer_limit for o in question.options)
    rng = random.Random(zlib.crc32(f"short/{question.fact_id}/{question.wording_id}".encode()))
    for cut, variant in _variants(fact):
        fitting = [a for a in _asks(variant, question.kind) if len(_choice_prompt(a)) <= limit]
        fitting.sort(key=lambda a: (a.wording_id != question.wording_id, a.cloze, -len(a.prompt)))
        for ask in fitting:
            if keep:
                options = question.options if _keeps(ask, question) else ()
            elif answer_limit is not None and len(ask.answer) <= answer_limit:
                options = _options(bank, fact, ask, len(question.options), rng)
                options = options if all(len(o) <= answer_limit for o in options) else ()
            else:
                continue
            if options:
                wording = ask.wording_id + (SHORT if cut else "")
                return Question(question.fact_id, question.kind, question.mode, wording, _choice_prompt(ask), ask.answer,
                                ask.accepted, options, question.note, question.source, question.statement,
                                question.catalog)
    return None


def _asks(fact: Fact, kind: Kind) -> list[Ask]:
    """Every wording of the fact in `kind` with a single key: the gap sentences too (the options
    say what goes in the gap), not 'What happened …?' (its options are whole events)."""
    return [a for a in asks_for(fact, kind.value) if a.wording_id != "date.what_happened"]


def _keeps(ask: Ask, question: Question) -> bool:
    """The wording asks for the question's key, and its options pass the gate under it."""
    return ask.answer == question.answer and not flaws(_choice_prompt(ask), ask.answer, ask.accepted, question.options)


def _variants(fact: Fact) -> Iterator[tuple[int, Fact]]:
    """The fact as it is, then with side phrases taken out, fewest characters lost first."""
    yield 0, fact
    spans = [("subject", s) for s in _side_phrases(fact.subject, "")]
    spans += [("rest", s) for s in _side_phrases(fact.rest, fact.verb_base)]
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


def _side_phrases(clause: Clause, verb: str) -> list[tuple[int, int]]:
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
    found += [(m.start(), end) for m in _VERB_TAIL.finditer(text) if m.start() < end and _verb_after(m, verb)]
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


def _verb_after(match: re.Match[str], verb: str) -> bool:
    """'and' before a verb in the past ('and set up'), 'to' before one in its base form ('to reach')."""
    from lemminflect import getAllLemmas

    from question_bank.banks.statements import past_form_base  # lemminflect, loaded on first need

    word = match.group(1)
    if match.group(0).strip().startswith("and"):
        return past_form_base(word) is not None
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
