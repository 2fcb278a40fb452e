"""The lagerhuis's state and vocabulary: its sides and stages, its limits, its refusals, the state that decide and
evolve work on (rules.py) and the projections show (projections.py), made from an activity's config and back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..base import DomainError, UnknownItem, WrongPhase, clean_text

__all__ = [
    'KIND',
    'MAX_ARGUMENT',
    'MAX_ARGUMENTS',
    'MAX_CONCLUSIONS',
    'MAX_IN_ROOM',
    'MAX_NAME',
    'MAX_NOTE',
    'MAX_NOTES',
    'MAX_REASON',
    'MAX_SECONDS',
    'MAX_STATEMENT',
    'ROOM_PREFIX',
    'TURN_SECONDS_DEFAULT',
    'AlreadyQueued',
    'AlreadySpeaking',
    'Argument',
    'ArgumentStruck',
    'InRoom',
    'NoSide',
    'NotQueued',
    'NotSpeaking',
    'Note',
    'Side',
    'Stage',
    'State',
    'Timer',
    'Turn',
    'checked_seconds',
    'checked_side',
    'config_of',
    'new_state',
]

KIND = 'lagerhuis'
MAX_STATEMENT = 300
MAX_ARGUMENT = 280
MAX_NOTE = 280
MAX_REASON = 200
MAX_CONCLUSIONS = 4000
MAX_ARGUMENTS = 500
MAX_NOTES = 300
MAX_SECONDS = 3600
MAX_NAME = 40  # a name typed for someone standing up without a phone (as a participant's own name)
MAX_IN_ROOM = 500
ROOM_PREFIX = 'z'  # queue entries of people without a phone: 'z1', 'z2' (participant ids are never this short)
TURN_SECONDS_DEFAULT = 60


class Side(StrEnum):
    VOOR = 'voor'
    TEGEN = 'tegen'


class Stage(StrEnum):
    SETUP = 'setup'  # the stelling and the two sides
    PREPARATION = 'preparation'  # each side collects arguments (optional, timed)
    DEBATE = 'debate'
    DISCUSSION = 'discussion'  # nabespreking: the winner is known, conclusions are recorded


class AlreadySpeaking(DomainError):
    key = 'error.lh.already_speaking'


class AlreadyQueued(DomainError):
    key = 'error.lh.already_queued'


class NotQueued(DomainError):
    key = 'error.lh.not_queued'


class NoSide(DomainError):
    key = 'error.lh.no_side'


class NotSpeaking(DomainError):
    key = 'error.lh.not_speaking'


class ArgumentStruck(DomainError):
    """A struck argument is not one (a repeat, off topic): it is not answered."""

    key = 'error.lh.argument_struck'


# --- state -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    id: str
    side: Side
    author: str
    text: str


@dataclass
class Argument:
    id: str
    side: Side
    text: str
    speaker: str  # participant id of whoever brought it in ('' : typed by the facilitator for the side)
    reply_to: str = ''  # an argument of the other side that this one answers
    struck: bool = False
    reason: str = ''  # why it was struck


@dataclass
class Turn:
    speaker: str
    side: Side
    start: float
    end: float | None = None


@dataclass
class InRoom:
    """Someone who stood up without a phone, put in the queue by the facilitator."""

    side: Side
    name: str  # '' : "someone of VOOR"


@dataclass
class Timer:
    deadline: float | None = None  # running
    left: float | None = None  # paused

    @property
    def active(self) -> bool:
        return self.deadline is not None or self.left is not None


@dataclass
class State:
    statement: str = ''
    suggestions: tuple[str, ...] = ()
    members: dict[str, Side] = field(default_factory=dict)
    side_choice: bool = False
    stage: Stage = Stage.SETUP
    prep_seconds: int = 0
    turn_seconds: int = TURN_SECONDS_DEFAULT
    timer: Timer = field(default_factory=Timer)  # preparation, or the current turn
    notes: list[Note] = field(default_factory=list)
    queue: list[str] = field(default_factory=list)  # participant ids, in order of arrival
    speaker: str = ''
    auto_floor: bool = False
    turns: list[Turn] = field(default_factory=list)
    arguments: dict[str, Argument] = field(default_factory=dict)
    conclusions: str = ''
    in_room: dict[str, InRoom] = field(default_factory=dict)  # queue entries without a phone, by entry id

    def side_of(self, entry: str) -> Side | None:
        """The side of a participant or of someone queued from the room."""
        side = self.members.get(entry)
        if side is None and entry in self.in_room:
            return self.in_room[entry].side
        return side

    def count(self, side: Side) -> int:
        return sum(1 for a in self.arguments.values() if a.side is side and not a.struck)


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The debate from its config ({'statement', 'suggestions', 'prep_seconds', 'turn_seconds'})."""
    state = State()
    statement = config.get('statement', '')
    suggestions = config.get('suggestions', [])
    if check:
        statement = clean_text(statement, 'statement', MAX_STATEMENT, required=False)
        if not isinstance(suggestions, list | tuple):
            raise WrongPhase(phase='suggestions')
        suggestions = [clean_text(s, 'statement', MAX_STATEMENT) for s in suggestions[:200]]
    state.statement = statement
    state.suggestions = tuple(suggestions)
    state.prep_seconds = checked_seconds(config.get('prep_seconds', 0)) if check else config.get('prep_seconds', 0)
    turn = config.get('turn_seconds', TURN_SECONDS_DEFAULT)
    state.turn_seconds = checked_seconds(turn) if check else turn
    return state


def config_of(state: State) -> dict[str, Any]:
    return {
        'statement': state.statement,
        'suggestions': list(state.suggestions),
        'prep_seconds': state.prep_seconds,
        'turn_seconds': state.turn_seconds,
    }


def checked_seconds(value: object) -> int:
    """A number of seconds as a command or a config gives it: a whole number from 0 to MAX_SECONDS."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SECONDS:
        raise WrongPhase(phase='seconds')
    return value


def checked_side(value: object) -> Side:
    """A side as a command gives it (its value); anything else is an unknown item."""
    try:
        return Side(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None
