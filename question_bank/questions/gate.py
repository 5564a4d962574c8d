"""The gate a multiple-choice question passes before it is published: checks for the cues a
test-wise student uses and for options that are also right. A question that fails is not offered
as multiple choice (the generator draws other options or another wording, else the slot is asked
typed or as a cloze).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import lru_cache

from question_bank.facts.text import fold, mentions


class Flaw(StrEnum):
    """Why a multiple-choice question was withheld."""

    FEW_OPTIONS = "few-options"  # too few wrong options from the bank's own world
    LONE_ECHO = "lone-echo"  # only the key shares a word with the stem
    STEM_NAMES_KEY = "stem-names-key"  # the stem names the key, or a word made from its name
    ALSO_RIGHT = "also-right"  # an option is one of the answers that count
    LONG_KEY = "long-key"  # the key is far longer than every other option
    ODD_ONE_OUT = "odd-one-out"  # every wrong option shares a word the key lacks
    AWKWARD = "awkward"  # the question word stands in a list, or waits through a clause for its verb
    ODD_SHAPE = "odd-shape"  # the key alone has a title or a name word, or alone lacks what all the others have

    @property
    def explanation(self) -> str:
        return _EXPLANATIONS[self]


_EXPLANATIONS = {
    Flaw.FEW_OPTIONS: "too few plausible wrong options of its kind in the bank's own world",
    Flaw.LONE_ECHO: "only the right option (or it and one other) shares a word with the question",
    Flaw.STEM_NAMES_KEY: "the question names the answer, or a word made from it",
    Flaw.ALSO_RIGHT: "a wrong option is also an accepted answer",
    Flaw.LONG_KEY: "the right option is far longer than the others",
    Flaw.ODD_ONE_OUT: "every wrong option shares a word the right one lacks",
    Flaw.AWKWARD: "the question word stands in a list, or a clause parts it from its verb",
    Flaw.ODD_SHAPE: "the right option alone has a title or a name word, or alone lacks one the others have",
}

# "Banja Luka, Tešanj, Travnik, which town and other towns …": a question word inside a list.
# "… gave up which town, with Banja Luka, Tešanj and other towns, …": a list after it.
_WH_IN_LIST = re.compile(r"\w, which \w+(?: \w+)? (?:and|or) |\bwhich \w+(?: \w+)?, (?:with|and|or|beside) [A-Z]")
# "Which town fills the gap? … attacked into the area of _____ and Niš": as a question, the gap
# reads as the rubric's "which town and Niš" (a cloze may keep it: there it is a sentence).
_GAP_BEFORE_NAME = re.compile(r"_____ (?:and|or) [A-Z]")
# "… which river did the first echelons of Army Group E, which had lost …, reach?" and "When did
# …, which had lost …, reach the Drava?": a relative clause between the subject and its verb.
_WH_WAITS = re.compile(
    r"(?:\bwhich [^?]*?\b(?:did|was|were|had)\b|^(?:When|On what date|In which month|In which year|Where)\b)"
    r"[^?]*?, (?:which|who|whose|[a-z]+ing) [^?]*?, [a-z]+\b[^?]*\?$"
)  # and "When did John Cabot, sailing from Bristol in the Matthew for Henry VII, reach …?"
# "… the 13th Corps, with which army and part of the 17th Air Army, freed Niš?" (or "with the 2nd
# Bulgarian Army and part of which air army"): the question word inside an aside before the verb.
_WH_ASIDE = re.compile(r", (?:(?:together |along )?with|beside|alongside) [^,?]*?\bwhich [^,?]+, [a-z]+\b[^?]*\?$")

# Words too common to be a cue when an option shares them with the stem.
_COMMON = frozenset(
    "the and with from into near over onto upon that this which what when where whose were was "
    "their there them then than they have been after before during under about across along".split()
)
_WORD = re.compile(r"[^\W\d_]+")


_fold = lru_cache(maxsize=131072)(fold)  # option texts and names recur across a bank


def _cue_words(folded: str) -> frozenset[str]:
    """The words of a folded text that can be a cue, by their first five letters ("Serbian"
    echoes "Serbia")."""
    return frozenset([w[:5] for w in _WORD.findall(folded) if len(w) >= 4 and w not in _COMMON])


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return _cue_words(_fold(text))


def flaws(prompt: str, answer: str, accepted: Sequence[str], options: Sequence[str]) -> list[Flaw]:
    """The flaws of one multiple-choice question (none: it may be published)."""
    found: list[Flaw] = []
    folded = fold(prompt)
    wrong = [o for o in options if o != answer]
    answer_words = _words(answer)
    # A cue word of the stem is a piece of its folded text: the key's few words are looked for
    # there first, and the stem's own words worked out only when one is found.
    echoed = {word for word in answer_words if word in folded}
    if echoed:
        echoed &= _cue_words(folded)
    if echoed:
        wrong_words = [_words(option) for option in wrong]
        for word in echoed:
            echoes = sum(word in words for words in wrong_words)
            # A word of the stem that only the key repeats ("Serbian" beside "Serbia"), or that the
            # key and one wrong option repeat while two or more do not: "the 23rd Serbian Division
            # and which division" among two Serbian, a Vojvodina and a Slavonian one leaves two;
            # nor one that all but one option repeat: the one (a Vojvodina division among three
            # Serbian beside "the 25th Serbian Division") is set aside (the twenty-second reading).
            if echoes < len(wrong_words):
                found.append(Flaw.LONE_ECHO)
                break
    if _names_key(prompt, folded, accepted or (answer,)):
        found.append(Flaw.STEM_NAMES_KEY)
    right = {_fold(a) for a in accepted}
    right.add(_fold(answer))
    for option in wrong:
        if _fold(option) in right:
            found.append(Flaw.ALSO_RIGHT)
            break
    if len(wrong) >= 2:
        shared = _words(wrong[0])
        for option in wrong[1:]:
            shared = shared & _words(option)
        if shared - answer_words:  # "Serbian" on every wrong division, "June" on every wrong day
            found.append(Flaw.ODD_ONE_OUT)
    if odd_shape(answer, wrong):
        found.append(Flaw.ODD_SHAPE)
    if reads_awkwardly(prompt) or ("_____ " in prompt and _GAP_BEFORE_NAME.search(prompt)):
        found.append(Flaw.AWKWARD)
    longest = max(map(len, wrong), default=0)
    if len(answer) > 25 and len(answer) > (1.3 if len(answer) > 60 else 1.6) * longest:
        found.append(Flaw.LONG_KEY)
    return found


# "7th SS Mountain Division \"Prinz Eugen\"": an ordinal, the words of its name, its kind word last,
# then an honour title in quotes.
_UNIT_SHAPE = re.compile(r"^\d+(?:st|nd|rd|th) (?:(?P<middle>.+) )?\S+$")
_TITLE = re.compile(r"\s*[\"“«„][^\"”»“]*[\"”»“]\s*$")


def odd_shape(answer: str, wrong: Sequence[str]) -> bool:
    """The key stands apart by its shape: the only option with an honour title in quotes (or the
    only one without, every wrong option having one); or, among numbered units, its words between
    ordinal and kind ("1st Proletarian Corps" among "12th Corps" and "13th Corps") are in no wrong
    option while some wrong option has no such word or two share one, or it alone has one more
    ("Guards" among plain rifle corps), or it alone has none of them."""
    if not wrong:
        return False
    key_titled, key_words = _shape(answer)
    shapes = [_shape(option) for option in wrong]
    if (key_titled and not any(t for t, _ in shapes)) or (not key_titled and all(t for t, _ in shapes)):
        return True
    middles = [words for _, words in shapes]
    if key_words is None or any(m is None for m in middles):
        return False  # not every option is a numbered unit: no shape to compare
    if key_words:
        if any(key_words & m for m in middles if m):
            # Or a word of its own beside the words every wrong option has: "10th Guards Rifle
            # Corps" among the 64th, 68th and 75th Rifle Corps (the twenty-seventh reading).
            return all(m and m < key_words for m in middles)
        # Alone without a name word, or alone in its name while two wrong options share one:
        # "51st Vojvodina Division" for Baranja among the 45th and 23rd Serbian (the twenty-fourth
        # reading: "the only division whose region name fits the place").
        named = [m for m in middles if m]
        return len(named) < len(middles) or any(sum(word in m for m in named) >= 2 for m in named for word in m)
    return all(middles)


@lru_cache(maxsize=65536)
def _shape(option: str) -> tuple[bool, frozenset[str] | None]:
    """Whether an option ends in an honour title in quotes, and the words of a numbered unit's
    name between its ordinal and its kind word ("SS Mountain" of the 7th SS Mountain Division
    "Prinz Eugen"; None if the option is no numbered unit)."""
    titled = _TITLE.search(option)
    match = _UNIT_SHAPE.match(option[: titled.start()] if titled else option)
    return bool(titled), frozenset(_fold(match["middle"] or "").split()) if match else None


def reads_awkwardly(prompt: str) -> bool:
    """The question word stands in a list, or waits through a clause or an aside for its verb."""
    # Quick looks first (most prompts have one ", ", after their date, and ask "which" after it):
    # every pattern needs a ", "; the list a ", which " or a ", " after a "which "; the clause two
    # ", "; the aside two and a "which ".
    commas = prompt.count(", ")
    if not commas:
        return False
    which = prompt.find("which ")
    if which >= 0 and (", which " in prompt or prompt.find(", ", which) >= 0) and _WH_IN_LIST.search(prompt):
        return True
    return commas >= 2 and bool(_WH_WAITS.search(prompt) or (which >= 0 and _WH_ASIDE.search(prompt)))


def names_key(prompt: str, names: Iterable[str]) -> bool:
    """True if the stem holds one of the key's names whole, or a longer capitalised word made
    from one of its words ("Syrmian" for Syrmia, "Belgrader" for Belgrade)."""
    return _names_key(prompt, fold(prompt), names)


def _names_key(prompt: str, lowered: str, names: Iterable[str]) -> bool:
    proper: set[str] | None = None
    ascii_prompt = prompt.isascii()
    for name in names:
        folded = _fold(name)
        if not folded:
            continue
        if folded in lowered and mentions(lowered, folded):
            return True
        for word in _name_words(folded):
            stem = word[: max(5, len(word) - 2)]
            if ascii_prompt and stem not in lowered:
                continue  # an ASCII word folds in place: a word of the stem made from this one shows there
            if proper is None:  # an ASCII word of letters folds to itself in lower case
                fold_word = str.lower if ascii_prompt else _fold
                proper = {fold_word(w) for w in _WORD.findall(prompt) if w[:1].isupper()}
            if any(len(p) > len(word) and p.startswith(stem) for p in proper):
                return True
    return False


@lru_cache(maxsize=65536)
def _name_words(folded: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(folded) if len(w) >= 5 and w not in _COMMON)
