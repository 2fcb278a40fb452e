"""The commands of Stellingen, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import FACILITATOR, PARTICIPANT, Command


class StatementsCommand(Command):
    """A command of Stellingen."""


@dataclass(frozen=True)
class AddStatement(StatementsCommand):
    roles = FACILITATOR
    text: str
    clip: str = ''
    note: str = ''


@dataclass(frozen=True)
class ShowStatement(StatementsCommand):
    roles = FACILITATOR
    statement_id: str


@dataclass(frozen=True)
class OpenVoting(StatementsCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class CastVote(StatementsCommand):
    roles = PARTICIPANT
    choice: str
    statement_id: str = ''  # what the phone showed: a tap meant for an earlier statement or round is refused
    round: int = 0  # 1-based; 0 (with no statement): whatever is open now


@dataclass(frozen=True)
class CloseVoting(StatementsCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class Reveal(StatementsCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class CountHands(StatementsCommand):
    """The facilitator's count of the room's cards or corners for the current round (replaces an earlier count)."""

    roles = FACILITATOR
    eens: int
    oneens: int


@dataclass(frozen=True)
class SaveDiscussion(StatementsCommand):
    roles = FACILITATOR
    statement_id: str
    known: str = ''
    practice: str = ''
    policy: str = ''
