"""Countries, continents, states and capitals of the gazetteer in a sentence, where they stand as a
name of their own: not inside a longer capitalised name ('Victoria Cross', 'Tower of London') nor
used as an adjective ('the New Zealand attack', 'the American Jupiter missiles')."""

from __future__ import annotations

from lemminflect import getAllLemmas

from question_bank.extract import gazetteer
from question_bank.extract.lexicon import Word
from question_bank.extract.place_heads import FUNCTION_AFTER, OF_HEADS
from question_bank.extract.place_names import compass_before, type_said
from question_bank.extract.sides import SIDE_WORDS
from question_bank.facts.entities import Place

STOP_FIRST = frozenset({"The", "A", "An", "Its", "His", "Her", "Their", "This", "That"})


def known_places(text: str, tokens: list[Word], free: list[bool]) -> list[tuple[int, int, str]]:
    """Countries, continents, states and capitals of the gazetteer, where they stand as a name of
    their own: not inside a longer capitalised name ('Victoria Cross') nor used as an adjective
    ('the New Zealand attack'), as (start, end, type). Marks their words taken in `free`."""
    found: list[tuple[int, int, str]] = []
    starts = gazetteer.first_words()
    if not any(free[i] and w.folded in starts and w.text[:1].isupper() for i, w in enumerate(tokens)):
        return found  # most sentences: no word starts a gazetteer name
    for first, last, place in gazetteer.index().scan(text, tokens):
        if not all(free[first:last]) or not isinstance(place, Place):
            continue
        if first > 1 and tokens[first - 1].text == "of" and tokens[first - 2].capitalised and \
                tokens[first - 2].folded in OF_HEADS:
            continue  # 'Tower of London', 'Gulf of Mexico': the place is the whole name
        first = compass_before(text, tokens, free, first)  # 'West Berlin', 'Northern California'
        if _joined(text, tokens, free, first - 1, first) or _joined(text, tokens, free, last, last - 1) or \
                _adjective(text, tokens, first, last):
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        said = type_said(text, tokens, first, end)  # 'the island of Tarawa', a capital of Kiribati
        found.append((start, end, place.type if said == "town" else said))
        for k in range(first, last):
            free[k] = False
    return found


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})


def _adjective(text: str, tokens: list[Word], first: int, last: int) -> bool:
    """'the New Zealand attack', 'a Florida company': a place's name between a determiner and a
    noun stands for an adjective ('the United States answered' is the country), also after a
    nationality ('the American Jupiter missiles')."""
    if first > 1 and (tokens[first - 1].folded in SIDE_WORDS or tokens[first - 1].folded in gazetteer.demonyms()):
        first -= 1
    if first == 0 or tokens[first - 1].text.lower() not in _DETERMINERS or last >= len(tokens):
        return False
    after = tokens[last]
    if not after.text.islower() or after.text in FUNCTION_AFTER or text[tokens[last - 1].end : after.start] != " ":
        return False
    lemmas = getAllLemmas(after.text)
    return bool(lemmas.get("NOUN")) and all(lemma == after.text for lemma in lemmas.get("VERB", ()))


def _joined(text: str, tokens: list[Word], free: list[bool], k: int, inner: int) -> bool:
    """True if word `k`, next to word `inner`, is a free capitalised word of the same name."""
    if not 0 <= k < len(tokens) or not free[k] or not tokens[k].capitalised:
        return False
    a, b = sorted((k, inner))
    folded = tokens[k].folded
    return text[tokens[a].end : tokens[b].start] == " " and folded not in SIDE_WORDS and \
        folded.rstrip("s") not in SIDE_WORDS and tokens[k].text not in STOP_FIRST
