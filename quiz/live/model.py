"""Live review's value types: what the host (the teacher's screen) and a player (a student's screen)
are shown of a game. A game is a few questions asked to a whole class at once, each open for a
countdown, then revealed (the right answer and how the class answered), then a leaderboard.

The host's view and a player's view are different types: a player's never holds the key, another
player's answer or the distribution before the question is revealed.

A question's `index` is its place in the game (0-based); `state` is one of the `State` values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from quiz.model import Outcome

SOURCES = ("weak", "due", "paper")  # where a game's questions come from (`quiz live --from`)
DEFAULT_QUESTIONS = 10
DEFAULT_SECONDS = 20
MIN_SECONDS, MAX_SECONDS = 5, 300
MAX_QUESTIONS = 50
FULL_POINTS = 1000  # a right answer at once; a right answer at the last moment gets half
CODE_LENGTH = 6  # a game's join code, as a paper's


class State(StrEnum):
    LOBBY = "lobby"  # players join; no question yet
    OPEN = "open"  # a question is asked: answers are taken until its countdown ends
    REVEALED = "revealed"  # the question's key and the class's answers are shown
    ENDED = "ended"  # the leaderboard is final


@dataclass(frozen=True)
class GameSettings:
    """What the teacher asked for (`quiz live --class 7b --bank NAME --questions 10 --from weak --seconds 20`)."""

    class_name: str
    bank: str | None = None  # None: the class's active homework's bank, else the only bank
    questions: int = DEFAULT_QUESTIONS
    source: str = "weak"  # one of SOURCES
    paper: str | None = None  # a paper's code when source == "paper"
    seconds: int = DEFAULT_SECONDS
    points: bool = True  # False: no points and no leaderboard, only right answers counted


@dataclass(frozen=True)
class AskedQuestion:
    """A question as the players see it: never its key."""

    index: int
    kind: str  # "date", "unit", "place"
    mode: str  # "mc" or "typed" (a paper's typed questions)
    prompt: str
    options: tuple[str, ...]  # () for a typed question


@dataclass(frozen=True)
class Standing:
    name: str
    points: int
    right: int  # questions answered right
    answered: int  # questions answered at all
    rank: int  # 1 for the first; equal points share a rank


@dataclass(frozen=True)
class Reveal:
    """A question after its countdown: the key and how the class answered."""

    answer: str  # the key as shown
    counts: dict[str, int]  # option (or typed answer, as given) -> how many gave it
    right: int  # how many answered right
    answered: int  # how many answered at all
    players: int  # how many were in the game


@dataclass(frozen=True)
class HostView:
    """The teacher's screen: the join code, who joined, the question with its countdown and the
    live count of answers; after the reveal, the reveal; at the end, the leaderboard."""

    code: str
    class_name: str
    bank: str
    state: State
    index: int | None  # the current question's index (None in the lobby)
    total: int  # questions in the game
    players: tuple[str, ...]  # who joined, in the order they joined
    question: AskedQuestion | None
    closes: datetime | None  # when the current question's countdown ends (timezone-aware UTC)
    seconds_left: float | None  # None unless OPEN
    answers: int  # answers to the current question so far
    reveal: Reveal | None  # only when REVEALED
    leaderboard: tuple[Standing, ...] = field(default=())  # every player, best first (points off: by right)
    points: bool = True


@dataclass(frozen=True)
class PlayerView:
    """One student's screen: the question without its key while it is open, whether they have
    answered; after the reveal, the key, their own verdict and score; at the end, their place."""

    code: str
    state: State
    index: int | None
    total: int
    question: AskedQuestion | None
    seconds_left: float | None
    answered: bool  # this player has answered the current question
    given: str | None  # what this player answered to the current question
    verdict: Outcome | None  # only when REVEALED (None if they did not answer)
    answer: str | None  # the key: only when REVEALED
    points_won: int | None  # for the current question: only when REVEALED
    score: int  # this player's points so far (right answers when points are off)
    rank: int | None  # only when REVEALED or ENDED
    players: int
    points: bool = True


@dataclass(frozen=True)
class ReportRow:
    """One question of a finished game, as `quiz paper results` reports a paper's."""

    index: int
    prompt: str
    answer: str
    right: int
    answered: int
    players: int
    counts: dict[str, int]
    fact_id: str
    kind: str


@dataclass(frozen=True)
class GameReport:
    code: str
    class_name: str
    bank: str
    source: str
    started: datetime
    ended: datetime | None
    leaderboard: tuple[Standing, ...]
    questions: tuple[ReportRow, ...]
    reviews: int  # answers that were counted as reviews of the students' cards
    points: bool = True  # False: a game without points, its leaderboard by right answers
