"""One sentence with [slots] split into the parts a fact is made of: subject, verb (past form), the
verb's base form, and the rest. "The [64th Rifle Corps] took [Zaječar]." → "the [64th Rifle
Corps]" / "took" / "take" / "[Zaječar]".

The verb is the first word outside the slots that is a past form in lemminflect's English lexicon,
skipping the participles of "the combined forces" and "troops led by …". A sentence that cannot be
split raises ValueError saying what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from question_bank.facts.text import parse_slots

BE_PAST = ("was", "were")
_SLOT = re.compile(r"\[[^\[\]]*\]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ARTICLES = ("the", "a", "an")
# A past form right after these is an adjective ("the combined forces"), not the sentence's verb.
_BEFORE_ADJECTIVE = frozenset({
    *_ARTICLES, "its", "their", "his", "her", "our", "all", "both", "two", "three", "first", "last", "second",
    "only", "newly",
})
_LEADING_DATE = re.compile(r"(?i)(?:on|in|by|between|during|from)\b[^,\[\]]*\b\d{3,4}\b[^,\[\]]*,")
EXAMPLE = "The [64th Rifle Corps] took [Zaječar]."


@dataclass(frozen=True)
class Parts:
    subject: str
    verb: str
    verb_base: str
    rest: str


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def split_statement(statement: str) -> Parts:
    """The parts of `statement`; raises ValueError with the change to make."""
    text = " ".join(statement.split())
    if text.endswith("."):
        text = text[:-1].rstrip()
    if not text:
        raise ValueError(f"is empty: write one sentence such as '{EXAMPLE}'")
    parse_slots(text)  # an unbalanced bracket is reported as it is in any other column
    leading = _LEADING_DATE.match(text)
    if leading:
        raise ValueError(
            f"starts with a date ('{leading.group()}'): leave the date to the date column and start "
            "with who or what"
        )
    words = _words(text)
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        before = words[index - 1] if index else None
        if word.lower in ("is", "are"):
            raise ValueError(f"'{word.text}' is in the present tense: write the past ('{_past_be(word.lower)}')")
        if word.lower in ("had", "has", "have") and following and _participle_past(following.lower):
            raise ValueError(
                f"'{word.text} {following.text}': write the simple past ('{_participle_past(following.lower)}')"
            )
        if word.lower == "did" and following and following.lower in ("not", "n't"):
            raise ValueError("'did not': say what happened instead")
        if word.lower in BE_PAST:
            return _parts(text, word, word.text)
        base = past_form_base(word.lower)
        if base is None:
            continue
        if (before and before.lower in _BEFORE_ADJECTIVE and not _slot_between(text, before, word)) or (
            following and following.lower == "by"
        ):
            continue
        return _parts(text, word, base)
    present = next((w for w in words if _present_past(w.lower)), None)
    if present is not None:
        raise ValueError(
            f"found no verb in the past tense: if '{present.text}' is the verb, write "
            f"'{_present_past(present.lower)}'"
        )
    raise ValueError(f"found no verb in the past tense outside the [slots]: write it as '{EXAMPLE}'")


def base_form(verb: str) -> str | None:
    """The base form of a past verb ("took" → "take", "broke through" → "break through"); was and
    were stay as they are. None when the first word is not a past form."""
    first, _, more = verb.strip().partition(" ")
    if first.lower() in BE_PAST:
        return verb.strip()
    base = past_form_base(first.lower())
    if base is None:
        return None
    return f"{base} {more}".strip()


def _parts(text: str, verb: _Word, base: str) -> Parts:
    subject, rest = text[: verb.start].strip(), text[verb.end :].strip()
    if not subject or subject in (",", ";"):
        raise ValueError(f"'{verb.text}' has nothing before it: start with who or what ('{EXAMPLE}')")
    if not rest:
        raise ValueError(
            f"nothing follows the verb '{verb.text}': say what, where or whom after it, so there is "
            "something to ask about"
        )
    first = _WORD.match(subject)
    if first and first.group().lower() in _ARTICLES:  # "The [64th Rifle Corps]" starts mid-question too
        subject = subject[0].lower() + subject[1:]
    return Parts(subject, verb.text, base if verb.lower not in BE_PAST else verb.text, rest)


def _words(text: str) -> list[_Word]:
    slots = [m.span() for m in _SLOT.finditer(text)]
    words = []
    for match in _WORD.finditer(text):
        if not any(start <= match.start() < end for start, end in slots):
            words.append(_Word(match.start(), match.end(), match.group()))
    return words


def _slot_between(text: str, before: _Word, word: _Word) -> bool:
    return "[" in text[before.end : word.start]


@lru_cache(maxsize=4096)
def past_form_base(word: str) -> str | None:
    """The base form of which `word` is the simple past ("took" → "take"), or None."""
    lemmas = _lemmas(word)
    from lemminflect import getInflection

    for lemma in lemmas:
        if word in getInflection(lemma, tag="VBD"):
            return lemma
    return None


def _lemmas(word: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas  # loaded only for sheets that need it

    return tuple(getAllLemmas(word).get("VERB", ()))


def _participle_past(word: str) -> str | None:
    from lemminflect import getInflection

    for lemma in _lemmas(word):
        if word in getInflection(lemma, tag="VBN"):
            return getInflection(lemma, tag="VBD")[0]
    return None


def _present_past(word: str) -> str | None:
    from lemminflect import getInflection

    if word in ("is", "are"):
        return _past_be(word)
    for lemma in _lemmas(word):
        if word in getInflection(lemma, tag="VBZ") or (word == lemma and len(word) > 2):
            return getInflection(lemma, tag="VBD")[0]
    return None


def _past_be(word: str) -> str:
    return "was" if word == "is" else "were"
