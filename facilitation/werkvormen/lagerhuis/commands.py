"""The commands of the Lagerhuisdiscussie, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import BOTH, FACILITATOR, PARTICIPANT, Command


class LagerhuisCommand(Command):
    """A command of the Lagerhuisdiscussie (besides the clock's: base.TimerCommand)."""


@dataclass(frozen=True)
class SetStatement(LagerhuisCommand):
    roles = FACILITATOR
    text: str


@dataclass(frozen=True)
class SetTimes(LagerhuisCommand):
    roles = FACILITATOR
    prep_seconds: int
    turn_seconds: int


@dataclass(frozen=True)
class DivideSides(LagerhuisCommand):
    """Everyone who has joined, over voor and tegen: balanced, in an order nobody can steer."""

    roles = FACILITATOR


@dataclass(frozen=True)
class PlaceNewcomers(LagerhuisCommand):
    """Whoever joined later goes to the smaller side."""

    roles = FACILITATOR


@dataclass(frozen=True)
class MoveParticipant(LagerhuisCommand):
    roles = FACILITATOR
    participant_id: str
    side: str


@dataclass(frozen=True)
class AllowSideChoice(LagerhuisCommand):
    roles = FACILITATOR
    allowed: bool


@dataclass(frozen=True)
class StartPreparation(LagerhuisCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class StartDebate(LagerhuisCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class GiveFloor(LagerhuisCommand):
    roles = FACILITATOR
    participant_id: str = ''  # '' : the first in the queue


@dataclass(frozen=True)
class EndTurn(LagerhuisCommand):
    roles = BOTH  # the facilitator, or the speaker who is done


@dataclass(frozen=True)
class SetAutoFloor(LagerhuisCommand):
    roles = FACILITATOR
    auto: bool


@dataclass(frozen=True)
class QueueInRoom(LagerhuisCommand):
    """Someone stands up without a phone: the facilitator puts them in the queue (by name, or as someone of a side)."""

    roles = FACILITATOR
    side: str
    name: str = ''


@dataclass(frozen=True)
class RemoveFromQueue(LagerhuisCommand):
    """The facilitator takes an entry off the queue: someone in the room sat down again (no phone to withdraw with)."""

    roles = FACILITATOR
    entry: str


@dataclass(frozen=True)
class RecordArgument(LagerhuisCommand):
    """The facilitator (or notulist) types an argument for a side, e.g. as the speaker says it."""

    roles = FACILITATOR
    side: str
    text: str
    reply_to: str = ''


@dataclass(frozen=True)
class StrikeArgument(LagerhuisCommand):
    roles = FACILITATOR
    argument_id: str
    reason: str


@dataclass(frozen=True)
class RestoreArgument(LagerhuisCommand):
    roles = FACILITATOR
    argument_id: str


@dataclass(frozen=True)
class EndDebate(LagerhuisCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class SaveConclusions(LagerhuisCommand):
    roles = FACILITATOR
    text: str


@dataclass(frozen=True)
class ChooseSide(LagerhuisCommand):
    roles = PARTICIPANT
    side: str


@dataclass(frozen=True)
class AddNote(LagerhuisCommand):
    roles = PARTICIPANT
    text: str


@dataclass(frozen=True)
class RequestFloor(LagerhuisCommand):
    roles = PARTICIPANT


@dataclass(frozen=True)
class WithdrawRequest(LagerhuisCommand):
    roles = PARTICIPANT


@dataclass(frozen=True)
class SubmitArgument(LagerhuisCommand):
    roles = PARTICIPANT
    text: str
    reply_to: str = ''
