"""A sentence as one event: subject, past verb and rest, with its units and places as [slots].

The date phrase the fact is dated by is taken out (templates add it back); a clause that leads
the sentence ("After the failure of …,") moves to the end of the rest; the main verb is the first
past-tense verb outside names, participles ('led by') and relative clauses.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

from question_bank.facts.text import fold

_LEAD_WORDS = frozenset(
    "after before when as because since while although though if once upon with following during in on at by "
    "despite having supported faced beginning behind between for from under until to through throughout early "
    "late meanwhile later then thus however afterwards near north south east west within without against "
    "among amid along across around over unlike like whereas together".split()
)
_SUBORDINATORS = frozenset("when as because since while although though if once whereas after before until".split())
_DETERMINERS = frozenset("the a an its his her their this that these those our my your whose".split())
_RELATIVE = frozenset({"who", "which", "that", "whom", "where", "when"})
_LOWER_FIRST = frozenset(
    "the a an its his her their this these those some two three many most all both each several "
    "it they he she we there that one such another every no any other either neither few".split()
)  # sentence-initial words never a name: lower-cased when moved into a question ("when was it …")
_MODALS = frozenset("could would should might must can will shall may".split())
_ADVERB = re.compile(r"^[a-z]+ly$|^(?:already|also|then|soon|still|never|not|just|again|finally|once)$")
_WORD = re.compile(r"[A-Za-zÀ-ž’'-]+")
_DATE_LEAD = re.compile(
    r"(?:(?:[Ee]arly|[Ll]ate)\s+)?(?:\b(?:[Oo]n|[Ii]n|[Bb]y|[Uu]ntil|[Tt]ill|[Dd]uring|[Ss]ince|[Aa]t|[Oo]f|[Tt]hroughout|"
    r"[Ff]rom|[Bb]etween)\s+)?(?:the\s+(?:morning|evening|afternoon|night|nights|day|days|spring|summer|autumn|"
    r"fall|winter|end|beginning|middle|start)\s+of\s+)?$"
)


_SPACES = re.compile(r"[^\S ]\s*| \s+")  # runs of white space but a plain space alone (which stays as it is)
_LEADING_AND = re.compile(r"^(?:and|but)\s+")
_SPACE_BEFORE = re.compile(r" ([,;:.)])")  # (white space is one plain space by then)
_DOUBLE_COMMA = re.compile(r",\s*,")
_EMPTY_PARENS = re.compile(r"\(\s*\)")


@dataclass(frozen=True)
class Slot:
    start: int
    end: int
    display: str
    ref: str


@dataclass(frozen=True)
class Event:
    subject: str
    verb: str
    verb_base: str
    rest: str

    def slots(self) -> int:
        return (self.subject + self.rest).count("[")


@lru_cache(maxsize=65536)
def past_form(word: str) -> str | None:
    """The base form if `word` is the past tense of a verb ('took' → 'take'), else None."""
    lemmas = getAllLemmas(word).get("VERB", ())
    for lemma in lemmas:
        if word in getInflection(lemma, "VBD") or word in getInflection(lemma, "VBN"):
            return lemma
    return None


@lru_cache(maxsize=65536)
def simple_past(word: str) -> str | None:
    """The base form if `word` is a simple past ('took', not 'taken' or 'take'), else None."""
    lemma = past_form(word)
    return lemma if lemma and word != lemma and word in getInflection(lemma, "VBD") else None


def _past_tense(lemma: str) -> str:
    forms = getInflection(lemma, "VBD")
    return forms[0] if forms else lemma


def date_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a date with the preposition that introduces it ('On 7 October', 'in late August')."""
    match = _DATE_LEAD.search(text[:start])
    if match:
        start = match.start()
    return start, end


def build_event(text: str, slots: list[Slot], removed: list[tuple[int, int]]) -> Event | None:
    """The sentence as subject/verb/rest with slots; None if it has no past-tense main verb."""
    text = text.replace("[", "(").replace("]", ")").replace("|", "/")
    end = len(text.rstrip(" .!?"))
    blocked = [(s.start, s.end) for s in slots] + removed
    tokens = _outside(list(_WORD.finditer(text)), blocked)
    start, leads = _leading_clauses(text, tokens, removed)
    verb = _main_verb(text, [t for t in tokens if t.start() >= start], end)
    if verb is None:
        return None
    v_start, v_end, past, base = verb
    subject = _render(text, start, v_start, slots, removed)
    subject, lead = _split_lead(subject.strip(" ,;"))
    rest_parts = [_render(text, v_end, end, slots, removed)]
    rest_parts += [_lower_first(_render(text, a, b, slots, removed)) for a, b in leads]
    rest_parts += [_lower_first(lead)] if lead else []
    rest = ", ".join(p for p in (r.strip(" ,;") for r in rest_parts) if p)
    rest = _LEADING_AND.sub("", rest)  # 'began on 6 June, and …' without its date
    subject = _lower_first(subject.strip(" ,;"))
    if not subject or not rest:
        return None
    past, base, adverbs = _be_agreeing(past, base, subject)
    return Event(subject, past, base, f"{adverbs} {rest}" if adverbs else rest)


_SLOT_TEXT = re.compile(r"\[([^\]|]*)(?:\|[^\]]*)?\]")
_HEAD_END = re.compile(r"\s(?:of|with|from|in|at|on|under|near)\s|[,(;:]")
_PLURAL_PRONOUNS = frozenset({"they", "we", "both", "these", "those", "many", "several", "others"})


def _be_agreeing(past: str, base: str, subject: str) -> tuple[str, str, str]:
    """(verb, verb_base, adverbs for the rest): a form of 'be' ('had been', 'finally was') becomes
    'was' or 'were' alone, which a bank's passive needs as both verb and verb_base, with its
    adverbs moved to the rest; any other verb is kept as it is."""
    words_ = past.split()
    if words_[-1] not in ("was", "were") and base.split()[-1] != "be":
        return past, base, ""
    written = words_[-1] in ("was", "were") and base.split()[-1] != "be"  # 'had been' says neither
    be = words_[-1] if written else "were" if _plural(subject) else "was"
    return be, be, " ".join(words_[:-1])


def _plural(subject: str) -> bool:
    """True if the subject's head is plural: 'the towns', 'Niš and Pirot', 'they'."""
    head = _HEAD_END.split(_SLOT_TEXT.sub(lambda m: m.group(1), subject), maxsplit=1)[0].strip()
    words_ = head.lower().split()
    if not words_:
        return False
    if " and " in f" {head} " or words_[0] in _PLURAL_PRONOUNS:
        return True
    last = words_[-1]
    nouns = getAllLemmas(last).get("NOUN", ())
    return bool(nouns) and last not in nouns and last.endswith("s")


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _outside(tokens: list[re.Match[str]], spans: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The tokens (in text order, none overlapping) that overlap none of `spans`."""
    if not spans or not tokens:
        return tokens
    dropped: set[int] = set()
    for s, e in spans:  # the tokens that end after s and start before e
        dropped.update(range(bisect_right(tokens, s, key=re.Match.end), bisect_left(tokens, e, key=re.Match.start)))
    return [t for i, t in enumerate(tokens) if i not in dropped] if dropped else tokens


def _leading_clauses(text: str, tokens: list[re.Match[str]], removed: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """Where the main clause starts, and the leading clauses before it (moved to the rest)."""
    start, leads = 0, []
    for _ in range(3):
        while start < len(text) and (text[start] in " ,;" or _inside(start, start + 1, removed)):
            start += 1
        first = next((t for t in tokens if t.start() >= start), None)
        if first is None:
            break
        word = first.group(0)
        lowered = word.lower()
        leads_clause = lowered in _LEAD_WORDS or (word[0].isupper() and (
            lowered.endswith("ing") or (past_form(lowered) is not None and lowered.endswith("ed"))
        ))
        if not leads_clause:
            break
        comma = _comma_after(text, first.start(), removed)
        if comma is None:
            break
        clause = [t for t in tokens if first.start() < t.start() < comma]
        if lowered not in _SUBORDINATORS and _main_verb(text, clause, comma) is not None:
            break  # 'In the afternoon the corps was routed, and …' is a clause of its own
        if _main_verb(text, [t for t in tokens if t.start() > comma], len(text)) is None:
            break
        leads.append((first.start(), comma))
        start = comma + 1
    return start, leads


def _comma_after(text: str, start: int, removed: list[tuple[int, int]]) -> int | None:
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth <= 0 and not _inside(index, index + 1, removed):
            return index
    return None


def _main_verb(text: str, tokens: list[re.Match[str]], end: int) -> tuple[int, int, str, str] | None:
    """(start, end, past form, base form) of the main verb among `tokens`, with any adverbs just
    before it ('finally managed'); None if the sentence is in the present or has no verb."""
    in_relative = False
    for index, token in enumerate(tokens):
        word = token.group(0)
        if token.start() >= end:
            break
        gap = text[tokens[index - 1].end() : token.start()] if index else ""
        if "," in gap:
            in_relative = False
        # the word before, unless a name (a slot) stands between them
        previous = tokens[index - 1].group(0).lower() if index and not gap.strip(" -") else ""
        lowered = word.lower()
        if lowered in _RELATIVE:
            in_relative = True
            continue
        if word[0].isupper() or previous in _DETERMINERS or previous in _BEFORE_NOUN or in_relative \
                or lowered in _MODALS:
            continue
        if lowered in _PRESENT:
            return None
        if _non_finite(tokens, index):
            continue  # 'the first antibiotic to be widely used', 'could be seen': no main verb
        found = _verb_at(tokens, index, lowered)
        if found is not None:
            v_start, v_end, past, base = found
            adverbs = _adverbs_before(text, tokens, index)
            if adverbs and len(past.split()) + len(adverbs) <= 3:
                v_start = tokens[index - len(adverbs)].start()
                past, base = " ".join([*adverbs, past]), " ".join([*adverbs, base])
            return v_start, v_end, past, base
    return None


_PRESENT = frozenset({"is", "are", "has", "have", "takes", "remains", "contains"})
_NON_FINITE_BEFORE = frozenset({"to", "be", "being"})


def _non_finite(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the word at `index` follows 'to', 'be' or 'being' (adverbs aside): an infinitive or
    a participle ('to be widely used', 'might be taken'), never the sentence's past tense."""
    k = index - 1
    while k >= 0 and _ADVERB.match(tokens[k].group(0).lower()) and tokens[k].group(0).lower() != "not":
        k -= 1
    return k >= 0 and tokens[k].group(0).lower() in _NON_FINITE_BEFORE
_BEFORE_NOUN = frozenset({"and", "or", "in", "of", "with", "for", "to", "at", "newly", "recently", "well"})


def _verb_at(tokens: list[re.Match[str]], index: int, lowered: str) -> tuple[int, int, str, str] | None:
    token = tokens[index]
    if lowered in ("was", "were"):
        return token.start(), token.end(), lowered, lowered
    if lowered == "did" and (nxt := _next_words(tokens, index))[:1] == ["not"] and len(nxt) > 1:
        return token.start(), tokens[index + 2].end(), f"did not {nxt[1]}", f"not {nxt[1]}"
    if lowered == "had":
        adverbs = []
        for later in tokens[index + 1 : index + 4]:
            word = later.group(0).lower()
            if _ADVERB.match(word) and word != "not":
                adverbs.append(word)
                continue
            lemma = past_form(word)
            if lemma:
                return token.start(), later.end(), " ".join([*adverbs, _past_tense(lemma)]), " ".join([*adverbs, lemma])
            break
        return None
    lemma = simple_past(lowered)
    if lemma and not ((nxt := _next_words(tokens, index))[:1] == ["by"] or nxt[:2] == ["up", "of"]):
        return token.start(), token.end(), lowered, lemma
    return None


def _next_words(tokens: list[re.Match[str]], index: int) -> list[str]:
    """The (up to three) words after token `index`, in lower case."""
    return [t.group(0).lower() for t in tokens[index + 1 : index + 4]]


def _adverbs_before(text: str, tokens: list[re.Match[str]], index: int) -> list[str]:
    adverbs: list[str] = []
    k = index - 1
    while k >= 0 and len(adverbs) < 2:
        word = tokens[k].group(0)
        if not (word.islower() and _ADVERB.match(word)) or text[tokens[k].end() : tokens[k + 1].start()].strip():
            break
        adverbs.insert(0, word)
        k -= 1
    return adverbs


def _render(text: str, start: int, end: int, slots: list[Slot], removed: list[tuple[int, int]]) -> str:
    """text[start:end] without the removed spans, each slot inside written as [display|ref]."""
    out, pos = [], start
    events = sorted(
        [(s.start, s.end, s) for s in slots if start <= s.start and s.end <= end]
        + [(a, b, None) for a, b in removed if start <= b and a <= end],
        key=lambda e: e[0],
    )
    for a, b, slot in events:
        if a < pos:
            continue
        out.append(text[pos:a])
        if slot is not None:
            same = slot.display == slot.ref or fold(slot.display) == fold(slot.ref)
            out.append(f"[{slot.display}]" if same else f"[{slot.display}|{slot.ref}]")
        pos = max(pos, min(b, end))
    out.append(text[pos:end])
    rendered = "".join(out)
    rendered = _SPACES.sub(" ", rendered)
    rendered = _SPACE_BEFORE.sub(r"\1", rendered)
    rendered = _DOUBLE_COMMA.sub(",", rendered)
    rendered = _EMPTY_PARENS.sub("", rendered)
    return rendered.strip()


_PHRASE_LEADS = frozenset("in during on at by after before within behind for from throughout".split())
_NOT_BEFORE_SUBJECT = frozenset("of and or the a an its his her their to with by in on at for from".split())


def _split_lead(subject: str) -> tuple[str, str]:
    """'In twenty-four hours the brigade' → ('the brigade', 'In twenty-four hours'): a leading phrase
    written without a comma moves to the rest, as one with a comma does."""
    words_ = subject.split(" ")
    if len(words_) < 3 or words_[0].lower() not in _PHRASE_LEADS:
        return subject, ""
    depth = 0
    for index, word in enumerate(words_):
        starts_slot = word.startswith("[")
        if index >= 2 and depth == 0 and (word.lower() in ("the", "a", "an", "its", "his", "her", "their")
                                          or starts_slot) and words_[index - 1].lower() not in _NOT_BEFORE_SUBJECT:
            return " ".join(words_[index:]), " ".join(words_[:index])
        depth += word.count("[") - word.count("]")
    return subject, ""


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.lower() in _LOWER_FIRST or first.lower() in _LEAD_WORDS or (
        first[:1].isupper() and first.lower().endswith("ing")
    ) or (first[:1].isupper() and past_form(first.lower()) is not None and first.lower().endswith("ed")):
        return text[:1].lower() + text[1:]
    return text
