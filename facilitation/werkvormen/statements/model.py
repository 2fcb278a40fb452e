"""Stellingen's model: its limits, choices and phases, and the state the rules fold the events into."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..base import DomainError

KIND = 'statements'
MAX_STATEMENT = 300
MAX_NOTE = 500
MAX_CLIP = 500
MAX_DISCUSSION = 2000
MAX_STATEMENTS = 200


class Choice(StrEnum):
    EENS = 'eens'
    ONEENS = 'oneens'


class Phase(StrEnum):
    IDLE = 'idle'  # no statement shown yet
    SHOWN = 'shown'  # statement on screen, voting not yet opened
    VOTING = 'voting'
    CLOSED = 'closed'  # voting closed, result not yet revealed
    REVEALED = 'revealed'


class InvalidClip(DomainError):
    key = 'error.invalid_clip'


# --- state -----------------------------------------------------------------------------------------------------------


@dataclass
class Round:
    votes: dict[str, Choice] = field(default_factory=dict)
    open: bool = True
    revealed: bool = False
    min_reveal: int | None = None  # in force when voting closed, then when revealed (None: a log without it)
    room_eens: int = 0  # counted in the room (cards or corners), for people without a phone
    room_oneens: int = 0


@dataclass(frozen=True)
class Discussion:
    """The nabespreking of one statement: what is known, what works in practice, what policy should change."""

    known: str = ''
    practice: str = ''
    policy: str = ''


@dataclass
class Statement:
    id: str
    position: int  # 1-based, in the order statements were added
    text: str
    clip: str = ''
    note: str = ''
    rounds: list[Round] = field(default_factory=list)
    discussion: Discussion = field(default_factory=Discussion)

    @property
    def phase(self) -> Phase:
        if not self.rounds:
            return Phase.SHOWN
        last = self.rounds[-1]
        if last.open:
            return Phase.VOTING
        return Phase.REVEALED if last.revealed else Phase.CLOSED


@dataclass
class State:
    statements: dict[str, Statement] = field(default_factory=dict)
    current: str | None = None

    @property
    def current_statement(self) -> Statement | None:
        return self.statements.get(self.current) if self.current else None

    @property
    def phase(self) -> Phase:
        statement = self.current_statement
        return statement.phase if statement else Phase.IDLE

    def next_id(self) -> str | None:
        """The statement after the current one (or the first one), None at the end."""
        ids = list(self.statements)
        if self.current is None:
            return ids[0] if ids else None
        position = ids.index(self.current) + 1
        return ids[position] if position < len(ids) else None
