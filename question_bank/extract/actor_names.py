"""What every actor rule shares: the ActorMention found, the pattern of a capitalised name word,
the words that end a name or are none (months, sides, units' and places' heads, sentence words)
and whether a word is a name's word, a known place or a noun."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from question_bank.extract import gazetteer
from question_bank.extract.sides import SIDE_WORDS

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЀ-ЏΑ-Ω"  # capitals of Latin, Cyrillic and Greek (Latin Extended-A whole)
CAP = rf"[{UPPER}][\w’'.-]*"
# a name's later word: a capital first, or an Arabic article and a capital ('al-Din' of 'Salah al-Din'); never
# a pattern's first item (a pattern that starts with a class of capitals is searched much faster)
# (or an elided particle and a capital: 'd'Arrest' of 'Heinrich Louis d'Arrest')
LATER_CAP = rf"(?:(?:al|el|ad|ud|ul|ash|as|az|ar|an|at)-|d[’'])?{CAP}"
_ARTICLED = re.compile(rf"(?:(?:al|el|ad|ud|ul|ash|as|az|ar|an|at)-|d[’'])[{UPPER}]")
# a surname's particles written with a capital ('Urbain Le Verrier', 'Vincent Van Gogh'): a name's word
# that never ends it
NAME_PARTICLES = frozenset("le la de du des da di del della dos das van von der den ten ter bin ibn".split())


# Words that end a name or are none: units' and places' heads, months, sides, sentence words.
NOT_NAME = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday the a an its his her their this that these those on in at by to "
    "from with and or but of for after before during under when while as both each some two three meanwhile "
    "then later army armies corps division brigade regiment battalion front group fleet flotilla squadron "
    "operation operations battle siege war offensive campaign treaty conference day navy force forces air "
    "river hill ridge island sea bay lake mount mountains cape valley street square station oblast province "
    "region district county state republic empire kingdom union cosmodrome airfield airport harbor harbour "
    "strait gulf ocean coast peninsula canal bridge line pocket raid crisis plan project programme program "
    "mission flight award prize medal day i we he she it they".split()
)


@dataclass(frozen=True)
class ActorMention:
    """A person, organisation, ship or craft named in a sentence: `text` as written (without a
    title or 'the'), `name` the actor's full name (a surname alone stands for it), `kind` its
    category and `role` the word a question asks for it by ('' for the kind's own word)."""

    start: int
    end: int
    text: str
    kind: str
    role: str = ""
    side: str | None = None
    rule: str = ""
    name: str = ""
    lead: int = -1  # where the words that name its role before it start ('the [Soviet cosmonaut] Yuri …')

    @property
    def slot_start(self) -> int:
        """Where a slot for it starts: with its title or role words, so 'the cosmonaut Yuri Gagarin'
        is asked as 'which cosmonaut', never 'the cosmonaut which cosmonaut'."""
        return self.lead if self.lead >= 0 else self.start

    @property
    def full_name(self) -> str:
        return self.name or self.text


def capital(word: str) -> bool:
    return word[:1].isupper()


def name_capital(word: str) -> bool:
    """True if `word` starts like a name's word: a capital, or an Arabic article and a capital ('al-Adil')."""
    return word[:1].isupper() or _ARTICLED.match(word) is not None


def name_word_ok(word: str) -> bool:
    bare = word.strip("’'.").lower()
    return name_capital(word) and bare not in NOT_NAME and bare not in SIDE_WORDS and bare.rstrip("s") not in SIDE_WORDS


def is_known_place(name: str) -> bool:
    return gazetteer.is_place(name)


POSSESSIVE = re.compile(r"[’']s?$")


@lru_cache(maxsize=65536)
def noun_lemmas(word: str) -> tuple[str, ...]:
    """The noun lemmas of `word` ('cosmonauts' → ('cosmonaut',)), none if it is no noun."""
    return tuple(getAllLemmas(word).get("NOUN", ()))


_NEXT_WORD = re.compile(r"\s*(?P<word>[a-z]+)?")
_FUNCTION = frozenset("was were had has and or which that with in at to from of off under as but while".split())


def stands_alone(text: str, end: int) -> bool:
    """True if the name ending at `end` stands as a noun of its own: punctuation, a function word
    or a verb follows, never a noun it qualifies ('the American Jupiter missiles', 'Alexander German
    forces')."""
    after = _NEXT_WORD.match(text, end)
    word = after.group("word") if after else None
    if word is None or word in _FUNCTION:
        return True
    lemmas = getAllLemmas(word)
    return bool(lemmas.get("VERB")) and not lemmas.get("NOUN")
