"""Places in a sentence: catalog names, then capitalised names where only a place can stand.

A name the catalog lacks is taken as a place when it ends in a geographic word ("Psel River",
"Culp's Hill", "Lake Balaton"), follows a place preposition or verb ("near Ponyri", "took Oboyan",
"north of Topola", "the siege of Budapest"), or is listed with a place ("Orel and Belgorod").
Names of people, months, peoples, units and events are never places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from question_bank.extract import gazetteer
from question_bank.extract.known_places import STOP_FIRST, known_places
from question_bank.extract.lexicon import PLACE_ABBREVIATIONS, Word, adjacent, free_words, is_common_word
from question_bank.extract.place_heads import (
    ABSTRACT_NAMES,
    ARABIC_ARTICLES,
    FOREIGN_PREFIXES,
    FUNCTION_AFTER,
    HEADS_AFTER,
    HEADS_BEFORE,
    LANDMARK_HEADS,
    LOWER_AFTER,
    MONTHS_DAYS,
    NAMED_AFTER_PLACES,
    NOT_PLACE,
    OF_HEADS,
    OF_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_TYPES,
    SITE_ENDINGS,
    TITLE_WORDS,
    TYPE_BEFORE,
    WEAK_HEADS,
    WEAK_PREPOSITIONS,
)
from question_bank.extract.place_names import (
    adjective_like,
    adjective_use,
    adjectives_before_head,
    compass_before,
    ends_an_and_list,
    foreign_streets,
    glossed,
    listed_before,
    placed_after,
    titled_or_field,
    type_said,
    weak_head_ok,
    without_glosses,
)
from question_bank.extract.sides import SIDE_WORDS
from question_bank.facts.entities import Place

_CODE = re.compile(r"\d{1,4}[A-Z]?")  # 'Hill 112', 'Point 593', 'Launch Complex 39A'
_AFTER_PLACE = re.compile(
    r"\s+(?:was|were|had been)\s+(?:\w+ly\s+)?(?:liberated|taken|captured|occupied|evacuated|abandoned|besieged|"
    r"encircled|surrounded|bombed|recaptured|retaken|relieved|stormed|shelled|defended|reached|entered)\b|\s+fell\b"
)
# 'the middle Don', 'the upper Volga': a position word may stand between 'the' and a river's name
_POSITION = frozenset({"middle", "upper", "lower", "northern", "southern", "eastern", "western", "central", "great"})
_TYPE_DETERMINERS = frozenset({"a", "an", "the", "new", "small", "large", "young", "old", "great"})
_SPACE_LINKS = frozenset({"du", "de", "des", "la", "le", "di", "da", "del", "della", "sur", "en"})
_PLACE_VERBS = frozenset({
    "take", "capture", "seize", "reach", "enter", "cross", "hold", "defend", "occupy", "liberate", "recapture",
    "retake", "besiege", "encircle", "surround", "evacuate", "abandon", "bomb", "shell", "storm", "bypass",
    "approach", "regain", "lose", "leave", "relieve", "attack", "threaten", "invest",
})
_MOTION_VERBS = frozenset({"leave", "sail", "head", "steer", "depart", "embark", "flee", "make", "set", "start", "run"})
_LINKS = frozenset({"na", "on", "upon", "sur", "de", "le", "la", "les", "am", "an", "im", "en", "under", "by"})


def _leading(run: list[Word]) -> int:
    """How many words at the start of a run are a sentence's first word, not a name ('At Thiepval')."""
    count = 0
    for word in run[:2]:
        lowered = word.text.lower()
        if word.text in STOP_FIRST or lowered in PLACE_PREPOSITIONS or lowered in WEAK_PREPOSITIONS:
            count += 1
        else:
            break
    return count


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence, as written, with its catalog place if it has one."""

    start: int
    end: int
    text: str
    entity: Place | None = None
    rule: str = "catalog"  # catalog, head, preposition, list, article
    type: str = "town"

    @property
    def name(self) -> str:
        return self.entity.name if self.entity else self.text


def _excluded(word: Word) -> bool:
    folded = word.text.lower().strip("’'")
    return folded in NOT_PLACE or folded in MONTHS_DAYS or folded in SIDE_WORDS or folded.rstrip("s") in SIDE_WORDS


def runs(text: str, tokens: list[Word], free: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised, adjacent, free words, as (first, last + 1) word indexes."""
    found, i = [], 0
    while i < len(tokens):
        if not (free[i] and tokens[i].capitalised):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and free[j] and adjacent(text, tokens[j - 1 : j + 1]) \
                and not (tokens[j - 1].text.endswith(("'s", "’s")) and tokens[j].folded not in HEADS_AFTER
                         and tokens[j].folded != "republic"):  # "the People's Republic"
            # a possessive ends a name ('Amundsen's South Pole expedition') unless a head follows ('Hangman's Hill')
            gap = text[tokens[j - 1].end : tokens[j].start]
            if tokens[j].capitalised and (gap in (" ", "-") or gap == "–" and not _names_event(text, tokens, j)
                                          or gap == ". " and tokens[j - 1].text in PLACE_ABBREVIATIONS):
                j += 1
            elif ((gap == "-" and tokens[j].text in _LINKS) or (gap == " " and tokens[j].text in _SPACE_LINKS)) \
                    and j + 1 < len(tokens) and free[j + 1] and tokens[j + 1].capitalised \
                    and text[tokens[j].end : tokens[j + 1].start] == gap:
                j += 2  # Kalach-na-Donu, Rostov-on-Don, Pointe du Hoc
            elif gap == " " and tokens[j].text in ARABIC_ARTICLES and j + 1 < len(tokens) and free[j + 1] \
                    and tokens[j + 1].capitalised and text[tokens[j].end : tokens[j + 1].start] == "-":
                j += 2  # Sharm el-Sheikh, Tell al-Amarna
            elif gap == " " and _CODE.fullmatch(tokens[j].text) and tokens[j - 1].text.lower() in HEADS_BEFORE:
                j += 1  # Hill 112
            elif gap == " " and tokens[j].text == "of" and j - i == 1 and tokens[i].folded in OF_HEADS \
                    and j + 1 < len(tokens) and free[j + 1] and tokens[j + 1].capitalised \
                    and text[tokens[j].end : tokens[j + 1].start] == " ":
                j += 2  # Bay of Whales
            else:
                break
        found.append((i, j))
        i = j
    return found


def _names_event(text: str, tokens: list[Word], j: int) -> bool:
    """True if the capitalised words from `j` on end in an event's word: 'Leningrad–Novgorod Offensive'
    names two places, where 'Flers–Courcelette' is one."""
    while j + 1 < len(tokens) and tokens[j + 1].capitalised and text[tokens[j].end : tokens[j + 1].start] == " ":
        j += 1
    return tokens[j].folded in _EVENT_TAIL


def find_places(
    text: str, tokens: list[Word], catalog_hits: list[tuple[int, int, Place]], taken: list[tuple[int, int]],
) -> list[PlaceMention]:
    """Every place in `text` not inside a `taken` span (units, dates), in order."""
    free = free_words(tokens, taken)
    mentions: list[PlaceMention] = []
    for first, last, place in catalog_hits:
        if not all(free[first:last]):
            continue
        first = compass_before(text, tokens, free, first)  # 'East Germany'
        start, end = tokens[first].start, tokens[last - 1].end
        if first == 0 and last == 1 and is_common_word(tokens[0].text):
            continue  # 'Split by the attack, …' at the start of a sentence
        if last < len(tokens) and free[last] and tokens[last].folded in HEADS_AFTER and tokens[last].folded not in WEAK_HEADS \
                and tokens[last].capitalised and adjacent(text, tokens[last - 1 : last + 1]):
            end = tokens[last].end  # 'the Sava River' shows the river Sava
            last += 1
        mentions.append(PlaceMention(start, end, text[start:end], place, "catalog", place.type))
        for k in range(first, last):
            free[k] = False
    mentions += [PlaceMention(start, end, text[start:end], None, "gazetteer", kind)
                 for start, end, kind in known_places(text, tokens, free)]
    mentions += [PlaceMention(a, b, text[a:b], None, "head", "landmark") for a, b in foreign_streets(text, tokens, free)]
    accepted_ends: set[int] = {m.end for m in mentions}
    left: list[tuple[int, int]] = []
    for first, last in runs(text, tokens, free):
        mention = _judge(text, tokens, first, last, accepted_ends)
        if mention is not None:
            mentions.append(mention)
            accepted_ends.add(mention.end)
        else:
            left.append((first, last))
    starts = {m.start for m in mentions}
    for first, last in reversed(left):  # 'Scania, Halland and Blekinge': listed before a place
        first += first == 0 and last > 1 and is_common_word(tokens[0].text)  # 'Leaving McNish, …'
        if listed_before(text, tokens[first:last], starts):
            mentions.append(PlaceMention(tokens[first].start, tokens[last - 1].end,
                                         text[tokens[first].start : tokens[last - 1].end], None, "list"))
            starts.add(tokens[first].start)
    return without_glosses(text, sorted(mentions, key=lambda m: m.start))


def _judge(text: str, tokens: list[Word], first: int, last: int, accepted_ends: set[int]) -> PlaceMention | None:
    if first > 0 and tokens[first].text == "The" and last - first > 1 and text[tokens[first - 1].end : tokens[first].start] == " ":
        return None  # 'published in The Lancet': a capital 'The' inside a sentence starts a title
    if titled_or_field(tokens, first):
        return None
    first += _leading(tokens[first:last])
    first += adjectives_before_head(tokens[first:last])  # 'the British Mount Everest expedition'
    event = last
    while last - first > 1 and tokens[last - 1].folded in _EVENT_TAIL:
        last -= 1  # 'the Leningrad–Novgorod Offensive': the place named in an offensive's name
    named = last - first == 2 and tokens[last - 1].folded in NAMED_AFTER_PLACES and not adjective_like(tokens[first].text)
    if named:  # 'the Suez Crisis', 'the Gettysburg Address': the one word before is a place
        last -= 1
    run = tokens[first:last]
    if len(run) > 1 and run[-1].folded == "republic" and not any(w.folded in MONTHS_DAYS for w in run):
        return PlaceMention(run[0].start, run[-1].end, text[run[0].start : run[-1].end], None, "head", "country")
    titled = int(len(run) > 2 and run[0].folded in TITLE_WORDS and run[-1].folded in HEADS_AFTER)  # 'King Olaf Bay'
    if len(run) > 1 and run[-1].folded in LANDMARK_HEADS and not any(w.folded in MONTHS_DAYS for w in run):
        titled = len(run) - 1 if all(_abstract(w) for w in run[:-1]) else titled  # 'Republic Square', 'Fleet Street'
    elif len(run) == 2 and run[0].folded in HEADS_BEFORE and _abstract(run[1]):
        titled = 2  # 'River Fleet', 'Fort Command''
    if not run or any(_excluded(w) for w in run[titled:]) or run[0].text[0].isdigit() or run[0].folded == "col":
        return None
    start, end = run[0].start, run[-1].end - (2 if run[-1].text.endswith(("'s", "’s")) else 0)  # 'Britain's'
    if len(run) == 1 and run[0].text.isupper() and text[end : end + 2][:1] == " " and text[end + 1 : end + 2].isdigit():
        return None  # 'DEFCON 2', 'SALT 1': a level or a code
    name = text[start:end]
    lowered = [w.text.lower().strip("’'") for w in run]
    head = lowered[-1] if lowered[-1] in HEADS_AFTER and weak_head_ok(run, lowered[-1]) else (
        lowered[0] if lowered[0] in HEADS_BEFORE or lowered[0] in FOREIGN_PREFIXES else "")
    if len(run) > 2 and lowered[1] == "of" and lowered[0] in OF_HEADS:
        head = lowered[0]  # 'Bay of Islands' is a bay
    if not head and len(run) > 2 and _CODE.fullmatch(run[-1].text) and lowered[-2] in HEADS_BEFORE:
        head = lowered[-2]  # 'Launch Complex 39A'
    if head and len(run) > 1:
        return PlaceMention(start, end, name, None, "head", PLACE_TYPES.get(head, "region"))
    if lowered[-1] in WEAK_HEADS and len(run) > 1 and gazetteer.is_place(text[start : run[-2].end]):
        return PlaceMention(start, run[-2].end, text[start : run[-2].end], None, "gazetteer")  # 'the Lisbon Summit'
    if len(run) > 2 and tuple(lowered[-2:]) in SITE_ENDINGS:
        return PlaceMention(start, end, name, None, "head", "launch site" if lowered[-2] == "space" else "landmark")
    if run[-1].folded in gazetteer.demonyms() or len(run) == 1 and run[0].folded in _LANGUAGES:
        return None  # 'the Polynesian islands', 'the South African ship': a people's adjective; 'from the Latin'
    if len(run) == 1 and run[0].text.isupper():
        return None  # 'DNA', 'NATO': an acronym the catalog and the gazetteer lack is no place
    context = _context(text, tokens, first)
    all_common = all(is_common_word(w.text) for w in run)
    after = text[end:].lstrip()
    followed_by_noun = bool(after) and after[0].islower() and after.split()[0].strip(",.;") not in FUNCTION_AFTER
    if not all_common and placed_after(text, end):
        return PlaceMention(start, end, name, None, "preposition", type_said(text, tokens, first, end))  # 'X, in Y'
    if _RENAMED_AFTER.match(text, end) and not all_common and first > 0:
        return PlaceMention(start, end, name, None, "preposition", type_said(text, tokens, first, end))  # 'X (now Y)'
    if _LOCATION_LINE.match(text) and first > 0 and not followed_by_noun:
        return PlaceMention(start, end, name, None, "infobox", type_said(text, tokens, first, end))
    said = type_said(text, tokens, first, end)
    if context == "list":
        if (_list_like(after) or event > last or not all_common and ends_an_and_list(tokens, first, after)) and \
                not (all_common and followed_by_noun) and \
                _list_follows(text, tokens, first, accepted_ends):
            return PlaceMention(start, end, name, None, "list")
        if all_common or after.split(" ", 1)[0].strip(",.;") not in LOWER_AFTER:
            return None  # 'and the Haemus range' is judged by its feature word below
    if context == "strong" and first > 0:
        if all_common and followed_by_noun or len(run) == 1 and adjective_use(name, after):
            return None  # 'to the Norman conquest', 'passed to Norman lords'

        return PlaceMention(start, end, name, None, "preposition", said)
    if context == "weak" and not all_common and not followed_by_noun:
        return PlaceMention(start, end, name, None, "preposition", said)
    if not all_common and (_AFTER_PLACE.match(text[end:]) or after.split(" ", 1)[0].strip(",.;") in LOWER_AFTER
                           and not adjective_like(name)  # 'the Plinian eruption' is a kind
                           or named and not run[0].text.isupper()):
        return PlaceMention(start, end, name, None, "verb", said)
    return None


# an infobox line whose field names where something is: every name in it is a place
_LOCATION_LINE = re.compile(
    r"(?:Location|Place|Site|Launch site|Landing site|Landing|Venue|Region|Country|Headquarters|Place of birth|"
    r"Birthplace|Born|Died|Theatre|Theater|Area|Landmark|Memorial|Monument|Building)s?(?: destroyed| damaged)?:\s",
    re.IGNORECASE)
_RENAMED = frozenset({"now", "formerly", "today", "later"})
_EVENT_TAIL = frozenset({"offensive", "offensives", "operation", "campaign", "landings", "uprising", "raid"})
_LANGUAGES = frozenset({"latin", "greek", "sanskrit", "hebrew", "arabic", "esperanto", "gaelic", "yiddish", "aramaic"})
_RENAMED_AFTER = re.compile(r" \((?:now|formerly|today) [A-Z]")


def _abstract(word: Word) -> bool:
    """True if `word` names no place alone but may stand beside a place's head word ('Republic
    Square', 'Fleet Street', 'River Fleet'): an abstract name or a unit's word, never a title."""
    return word.folded in ABSTRACT_NAMES or word.folded in NOT_PLACE and word.folded not in TITLE_WORDS


def _context(text: str, tokens: list[Word], first: int) -> str:
    """'strong' after a place preposition or 'the X of', 'weak' after on/over/between, 'list' after a
    comma or 'and', else ''."""
    k = first - 1
    if k >= 1 and tokens[k].folded in _RENAMED and any(c in text[tokens[k - 1].end : tokens[k].start] for c in ",("):
        return "list"  # 'Kuibyshev (now Samara)', 'Leningrad, now Saint Petersburg,'
    if k >= 1 and tokens[k].text.lower() in _POSITION and tokens[k - 1].text.lower() == "the":
        k -= 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    if k < 0:
        return ""
    gap = text[tokens[k].end : tokens[first].start]
    if gap == ", " and tokens[k].folded in TYPE_BEFORE and k > 0 and tokens[k - 1].folded in _TYPE_DETERMINERS:
        return "strong"  # 'a volcano, Anak Krakatau'
    if k > 0 and tokens[k].folded == "as" and tokens[k - 1].folded in ("far", "away"):
        return "strong"  # 'as far away as Perth'
    if "," in gap or tokens[k].text.lower() in ("and", "or") or gap in ("–", "—"):
        return "list"
    if any(c in gap for c in ".;:()\"“”"):
        return ""
    word = tokens[k].text.lower()
    if word in WEAK_PREPOSITIONS or word in ("up", "down") and tokens[k + 1].folded == "the":  # 'sailed up the Humber'

        return "weak"
    if word in PLACE_PREPOSITIONS or _is_place_verb(word) or word in TYPE_BEFORE and k > 0 and tokens[k - 1].folded == "the":
        return "strong"  # 'near Ponyri', 'took Oboyan', 'the volcano Anak Krakatau'
    verb = k - 1 - (k > 1 and tokens[k - 1].folded in ("out", "off", "away"))  # 'set out for'
    if word == "for" and k > 0 and _is_motion_verb(tokens[verb].folded):
        return "strong"  # 'left for Geneva', 'sailed for Libau', 'bound for Dakar'
    if word == "of" and k > 0 and text[tokens[k - 1].end : tokens[k].start] == ", " and tokens[first - 1].folded == "of":
        return "strong"  # 'Octave Chanute, of Chicago, …': where a person comes from
    if word == "of" and k > 0:
        noun = tokens[k - 1].text.lower()
        if noun == "the" and k > 1:
            noun = tokens[k - 2].text.lower()
        if noun in OF_NOUNS and (noun != "front" or tokens[k - 2].text.lower() == "in"):
            return "strong"
    return ""


@lru_cache(maxsize=4096)
def _is_motion_verb(word: str) -> bool:
    """'left', 'sailed', 'headed', 'bound': a verb of going that 'for' and a place follow."""
    return word == "bound" or any(lemma in _MOTION_VERBS for lemma in getAllLemmas(word).get("VERB", ()))


@lru_cache(maxsize=65536)
def _is_place_verb(word: str) -> bool:
    """'take', 'takes', 'took', 'taking': a verb whose object is often a place."""
    return any(lemma in _PLACE_VERBS for lemma in getAllLemmas(word).get("VERB", ()))


def _list_like(after: str) -> bool:
    return not after or after[0] in ",.;:()" or after.startswith(("and ", "or "))


def _list_follows(text: str, tokens: list[Word], first: int, accepted_ends: set[int]) -> bool:
    """True if the word before the comma or 'and' ends a place already found ('the Humber and the Ouse')."""
    k = first - 1
    if k > 0 and tokens[k].folded == "the" and tokens[k - 1].folded in ("and", "or"):
        k -= 1
    if k >= 0 and tokens[k].text.lower() in ("and", "or") or tokens[k].folded in _RENAMED:
        k -= 1
    return k >= 0 and tokens[k].end in accepted_ends


def by_article(
    text: str, tokens: list[Word], taken: list[tuple[int, int]], known: dict[str, str], found_ends: set[int],
) -> list[PlaceMention]:
    """Names found as places elsewhere in the article (`known`: folded name → type), wherever they
    stand alone as a capitalised name here, and names listed with them ('Montauban and Serre').
    `found_ends` are where the sentence's places already found end."""
    free = free_words(tokens, taken)
    found = []
    for first, last in runs(text, tokens, free):
        run = tokens[first + _leading(tokens[first:last]) : last]
        if not run:
            continue
        key = " ".join(w.folded for w in run)
        if key in OF_HEADS and not text.endswith("the ", 0, run[0].start):
            continue  # 'the Tower' once 'Tower of London' is known, never 'Tower cranes'
        if key in known and key not in gazetteer.index().by_key and not glossed(text, found_ends, run[0].start):
            found.append(PlaceMention(run[0].start, run[-1].end, text[run[0].start : run[-1].end], None, "article",
                                      known[key]))
            for k in range(first, last):
                free[k] = False
    if not found:
        return found
    ends = found_ends | {m.end for m in found}
    for first, last in runs(text, tokens, free):
        mention = _judge(text, tokens, first, last, ends)
        if mention is not None and mention.rule == "list":
            found.append(mention)
            ends.add(mention.end)
    return found
