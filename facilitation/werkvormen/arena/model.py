"""The arena's state and vocabulary: rings, rounds, tags, stages and statuses, its limits and refusals, the state that
decide and evolve work on (rules.py) and the projections show (projections.py), made from a plan and back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..base import HELD, DomainError, UnknownItem, WrongPhase, clean_text

__all__ = [
    'DEFAULT_ROUNDS',
    'KIND',
    'MAX_OUTER_QUESTIONS',
    'MAX_POINT',
    'MAX_POINTS',
    'MAX_QUESTION',
    'MAX_QUESTIONS',
    'MAX_SECONDS',
    'MAX_TITLE',
    'Current',
    'KeyPoint',
    'ListeningRound',
    'NotInRing',
    'OuterQuestion',
    'PlannedQuestion',
    'Ring',
    'Round',
    'RoundKind',
    'Stage',
    'State',
    'Status',
    'Tag',
    'WrongRing',
    'checked_ring',
    'checked_seconds',
    'checked_tag',
    'config_of',
    'new_state',
    'outer_may_ask',
]

KIND = 'arena'
MAX_QUESTION = 300
MAX_TITLE = 120
MAX_POINT = 500
MAX_QUESTIONS = 100
MAX_OUTER_QUESTIONS = 500
MAX_POINTS = 500
MAX_SECONDS = 4 * 3600


class Ring(StrEnum):
    BINNEN = 'binnen'
    BUITEN = 'buiten'


class RoundKind(StrEnum):
    LEADER = 'gespreksleider'  # round 1: the gespreksleider asks the inner ring
    OUTER = 'buitenring'  # round 2: the outer ring asks the inner ring


class Tag(StrEnum):
    ERVARING = 'ervaring'
    IMPACT = 'impact'
    VERWACHTING = 'verwachting'
    SUCCESFACTOR = 'succesfactor'
    VERBETERPUNT = 'verbeterpunt'
    DILEMMA = 'dilemma'


class Stage(StrEnum):
    SETUP = 'setup'
    RUNNING = 'running'
    DONE = 'done'


class Status(StrEnum):
    PENDING = HELD  # held for the gespreksleider: nobody else sees it
    APPROVED = 'approved'  # in the queue: the outer ring may support it
    REJECTED = 'rejected'
    ASKED = 'asked'


class NotInRing(DomainError):
    key = 'error.arena.not_in_ring'


class WrongRing(DomainError):
    key = 'error.arena.wrong_ring'


class ListeningRound(DomainError):
    """The outer ring asks in its own round (the seed's second); before that it listens."""

    key = 'error.arena.listening_round'


# --- state -----------------------------------------------------------------------------------------------------------


@dataclass
class Round:
    id: str
    kind: RoundKind
    title: str
    seconds: int


@dataclass(frozen=True)
class PlannedQuestion:
    id: str
    text: str
    seconds: int
    tag: str = ''  # the theme it asks about ('' : none)


@dataclass
class OuterQuestion:
    id: str
    author: str
    text: str
    show_name: bool
    status: Status = Status.PENDING


@dataclass(frozen=True)
class KeyPoint:
    id: str
    tag: Tag
    text: str


@dataclass
class Current:
    """The question being talked about: planned, typed by the gespreksleider, or from the outer ring."""

    source: str  # 'planned' | 'typed' | 'outer'
    ref: str  # planned or outer question id ('' when typed)
    text: str
    seconds: int
    deadline: float | None = None
    left: float | None = None


@dataclass
class State:
    title: str = ''
    rounds: list[Round] = field(default_factory=list)
    questions: list[PlannedQuestion] = field(default_factory=list)
    members: dict[str, Ring] = field(default_factory=dict)
    ring_choice: bool = False
    switch_allowed: bool = False
    switch_requests: list[str] = field(default_factory=list)  # outer ring members asking to step in
    stage: Stage = Stage.SETUP
    round: str = ''  # current round id
    round_deadline: float | None = None
    round_left: float | None = None
    current: Current | None = None
    asked: list[str] = field(default_factory=list)  # planned question ids asked so far
    history: list[tuple[str, str]] = field(default_factory=list)  # (round id, question text) in order asked
    outer: dict[str, OuterQuestion] = field(default_factory=dict)
    sent_by: dict[str, list[str]] = field(default_factory=dict)  # sender -> their questions (each phone, quickly)
    support: dict[str, str] = field(default_factory=dict)  # supporter -> outer question id (one each)
    points: list[KeyPoint] = field(default_factory=list)
    counter: int = 0  # planned questions made so far (their ids)
    point_counter: int = 0  # key points made so far (their ids)

    @property
    def current_round(self) -> Round | None:
        return next((r for r in self.rounds if r.id == self.round), None)

    def supporters(self, question_id: str) -> int:
        return sum(1 for q in self.support.values() if q == question_id)


def outer_may_ask(state: State) -> bool:
    """The outer ring sends questions only during a round of its own (seed 5.1: in the first round the
    gespreksleider asks and the outer ring listens; between rounds nobody asks)."""
    current = state.current_round
    return state.stage is Stage.RUNNING and current is not None and current.kind is RoundKind.OUTER


DEFAULT_ROUNDS = (
    {'kind': RoundKind.LEADER.value, 'title': 'Ronde 1: de binnenring vertelt', 'seconds': 20 * 60},
    {'kind': RoundKind.OUTER.value, 'title': 'Ronde 2: de buitenring vraagt door', 'seconds': 25 * 60},
)


def checked_seconds(value: object) -> int:
    """A number of seconds as a command or a plan gives it: a whole number from 0 to MAX_SECONDS."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SECONDS:
        raise WrongPhase(phase='seconds')
    return value


def checked_tag(value: object, *, required: bool) -> str:
    """A tag as a command or a plan gives it (its value; '' for none where none is allowed)."""
    if value in ('', None) and not required:
        return ''
    try:
        return Tag(str(value)).value
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The arena from its plan ({'title', 'rounds': [{kind, title, seconds}], 'questions': [{text, seconds, tag}]})."""
    state = State()
    state.title = (
        clean_text(config.get('title', ''), 'title', MAX_TITLE, required=False) if check else config.get('title', '')
    )
    rounds = config.get('rounds') or list(DEFAULT_ROUNDS)
    for i, item in enumerate(rounds[:10], start=1):
        if check:
            kind = RoundKind(str(item.get('kind')))
            title = clean_text(item.get('title', ''), 'title', MAX_TITLE)
            seconds = checked_seconds(item.get('seconds', 0))
        else:
            kind, title, seconds = RoundKind(item['kind']), item['title'], item['seconds']
        state.rounds.append(Round(f'r{i}', kind, title, seconds))
    for item in config.get('questions', [])[:MAX_QUESTIONS]:
        state.counter += 1
        if check:
            text = clean_text(item.get('text'), 'question', MAX_QUESTION)
            question = PlannedQuestion(
                f'q{state.counter}',
                text,
                checked_seconds(item.get('seconds', 0)),
                checked_tag(item.get('tag'), required=False),
            )
        else:
            question = PlannedQuestion(f'q{state.counter}', item['text'], item['seconds'], item.get('tag', ''))
        state.questions.append(question)
    return state


def config_of(state: State) -> dict[str, Any]:
    return {
        'title': state.title,
        'rounds': [{'kind': r.kind.value, 'title': r.title, 'seconds': r.seconds} for r in state.rounds],
        'questions': [{'text': q.text, 'seconds': q.seconds, 'tag': q.tag} for q in state.questions],
    }


def checked_ring(value: object) -> str:
    """A ring as a command gives it (its value); anything else is an unknown item."""
    try:
        return Ring(str(value)).value
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None
