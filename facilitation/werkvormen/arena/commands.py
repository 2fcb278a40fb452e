"""The commands of the Arenagesprek, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import FACILITATOR, PARTICIPANT, Command

DEFAULT_QUESTION_SECONDS = 240


class ArenaCommand(Command):
    """A command of the Arenagesprek (besides the clock's, base.TimerCommand, and the verdicts' Approve, Reject)."""


@dataclass(frozen=True)
class AssignRing(ArenaCommand):
    roles = FACILITATOR
    participant_id: str
    ring: str


@dataclass(frozen=True)
class PlaceNewcomers(ArenaCommand):
    roles = FACILITATOR
    ring: str = 'buiten'  # Ring.BUITEN


@dataclass(frozen=True)
class AllowRingChoice(ArenaCommand):
    roles = FACILITATOR
    allowed: bool


@dataclass(frozen=True)
class AllowSwitch(ArenaCommand):
    roles = FACILITATOR
    allowed: bool


@dataclass(frozen=True)
class AcceptSwitch(ArenaCommand):
    roles = FACILITATOR
    participant_id: str


@dataclass(frozen=True)
class DeclineSwitch(ArenaCommand):
    roles = FACILITATOR
    participant_id: str


@dataclass(frozen=True)
class AddQuestion(ArenaCommand):
    roles = FACILITATOR
    text: str
    seconds: int = DEFAULT_QUESTION_SECONDS
    tag: str = ''


@dataclass(frozen=True)
class RemoveQuestion(ArenaCommand):
    roles = FACILITATOR
    question_id: str


@dataclass(frozen=True)
class SetRoundSeconds(ArenaCommand):
    roles = FACILITATOR
    round_id: str
    seconds: int


@dataclass(frozen=True)
class StartRound(ArenaCommand):
    roles = FACILITATOR
    round_id: str = ''  # '' : the next round


@dataclass(frozen=True)
class EndRound(ArenaCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class AskQuestion(ArenaCommand):
    roles = FACILITATOR
    question_id: str = ''  # '' : the next planned question not asked yet
    text: str = ''  # a question typed on the spot instead


@dataclass(frozen=True)
class PickQuestion(ArenaCommand):
    roles = FACILITATOR
    question_id: str  # an approved question of the outer ring


@dataclass(frozen=True)
class EndQuestion(ArenaCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class RecordPoint(ArenaCommand):
    roles = FACILITATOR
    tag: str
    text: str


@dataclass(frozen=True)
class RemovePoint(ArenaCommand):
    roles = FACILITATOR
    point_id: str


@dataclass(frozen=True)
class EndArena(ArenaCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class ChooseRing(ArenaCommand):
    roles = PARTICIPANT
    ring: str


@dataclass(frozen=True)
class RequestSwitch(ArenaCommand):
    roles = PARTICIPANT


@dataclass(frozen=True)
class SubmitQuestion(ArenaCommand):
    roles = PARTICIPANT
    text: str
    show_name: bool = False


@dataclass(frozen=True)
class Support(ArenaCommand):
    roles = PARTICIPANT
    question_id: str  # '' : take the support back
