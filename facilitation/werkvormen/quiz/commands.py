"""The commands of the Kennisquiz, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..base import BOTH, FACILITATOR, PARTICIPANT, Command


class QuizCommand(Command):
    """A command of the Kennisquiz (besides the clock's: base.TimerCommand)."""


@dataclass(frozen=True)
class AddCard(QuizCommand):
    roles = FACILITATOR
    kind: str
    question: str
    points: int = 10
    answer: str = ''
    options: tuple[str, ...] = ()
    correct: int = -1
    note: str = ''
    time_limit: int = 0


@dataclass(frozen=True)
class EditCard(QuizCommand):
    roles = FACILITATOR
    card_id: str
    kind: str
    question: str
    points: int = 10
    answer: str = ''
    options: tuple[str, ...] = ()
    correct: int = -1
    note: str = ''
    time_limit: int = 0


@dataclass(frozen=True)
class RemoveCard(QuizCommand):
    roles = FACILITATOR
    card_id: str


@dataclass(frozen=True)
class ImportCards(QuizCommand):
    """A deck's cards (as card fields) in one step; with `replace`, the cards not asked yet make way for them."""

    roles = FACILITATOR
    cards: tuple[dict[str, Any], ...]
    replace: bool = True


@dataclass(frozen=True)
class DivideGroups(QuizCommand):
    """Everyone who has joined, balanced over `count` groups (before the first question)."""

    roles = FACILITATOR
    count: int


@dataclass(frozen=True)
class PlaceNewcomers(QuizCommand):
    """Whoever joined later goes to the smallest group."""

    roles = FACILITATOR


@dataclass(frozen=True)
class MoveParticipant(QuizCommand):
    roles = FACILITATOR
    participant_id: str
    group_id: str


@dataclass(frozen=True)
class RenameGroup(QuizCommand):
    roles = FACILITATOR
    group_id: str
    name: str


@dataclass(frozen=True)
class AllowGroupChoice(QuizCommand):
    roles = FACILITATOR
    allowed: bool


@dataclass(frozen=True)
class SetRoomMembers(QuizCommand):
    """How many of a group's members take part without a phone."""

    roles = FACILITATOR
    group_id: str
    count: int


@dataclass(frozen=True)
class CountAgreement(QuizCommand):
    """The raised hands of the group's members without a phone: agreeing with the spokesperson, or not."""

    roles = FACILITATOR
    agree: int
    disagree: int


@dataclass(frozen=True)
class SetStealPercent(QuizCommand):
    roles = FACILITATOR
    percent: int


@dataclass(frozen=True)
class StartQuiz(QuizCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class AskCard(QuizCommand):
    roles = FACILITATOR
    card_id: str = ''  # '' : the next card not asked yet


@dataclass(frozen=True)
class PickSpokesperson(QuizCommand):
    roles = FACILITATOR
    participant_id: str


@dataclass(frozen=True)
class Judge(QuizCommand):
    """The facilitator's verdict on the answer given (aloud, or typed as an open answer)."""

    roles = FACILITATOR
    correct: bool


@dataclass(frozen=True)
class Pass(QuizCommand):
    """The answering group does not know."""

    roles = BOTH  # the facilitator (an answer given aloud) or the answering group's spokesperson


@dataclass(frozen=True)
class CloseSteal(QuizCommand):
    """Nobody claimed the card: it ends without points."""

    roles = FACILITATOR


@dataclass(frozen=True)
class CloseAgreement(QuizCommand):
    """Score the opinion card with the responses so far (a member who did not respond has not agreed)."""

    roles = FACILITATOR


@dataclass(frozen=True)
class SetAside(QuizCommand):
    roles = FACILITATOR
    card_id: str
    aside: bool = True


@dataclass(frozen=True)
class UndoScore(QuizCommand):
    """Undo the last scoring decision of the current card: the card goes back to where it was."""

    roles = FACILITATOR


@dataclass(frozen=True)
class EndQuiz(QuizCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class ChooseGroup(QuizCommand):
    roles = PARTICIPANT
    group_id: str


@dataclass(frozen=True)
class ClaimSpokesperson(QuizCommand):
    roles = PARTICIPANT
    card_id: str  # the card the phone showed: a claim for an earlier card is refused


@dataclass(frozen=True)
class SubmitAnswer(QuizCommand):
    roles = BOTH  # the spokesperson on a phone, or the facilitator typing what was said
    card_id: str
    option: int = -1
    text: str = ''


@dataclass(frozen=True)
class Agree(QuizCommand):
    roles = PARTICIPANT
    card_id: str
    agree: bool


@dataclass(frozen=True)
class ClaimSteal(QuizCommand):
    roles = PARTICIPANT
    card_id: str
