"""The commands of a leerdoelwijzer or ontwikkelmatrix round, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import FACILITATOR, PARTICIPANT, Command


class LeerdoelenCommand(Command):
    """A command of the individual instruments."""


@dataclass(frozen=True)
class ChooseForm(LeerdoelenCommand):
    """The participant's function group, where the facilitator let each choose their own leerdoelwijzer."""

    roles = PARTICIPANT
    form: str


@dataclass(frozen=True)
class Answer(LeerdoelenCommand):
    """One item answered (an index on the scale), or its answer taken back (None)."""

    roles = PARTICIPANT
    item: str
    answer: int | None


@dataclass(frozen=True)
class Finish(LeerdoelenCommand):
    """The participant says they are done (answers stay changeable until the round closes)."""

    roles = PARTICIPANT


@dataclass(frozen=True)
class SetGoal(LeerdoelenCommand):
    """The participant's own learning goal, and the kind of offer they would like for it ('' : none chosen)."""

    roles = PARTICIPANT
    text: str
    offer: str = ''


@dataclass(frozen=True)
class SetOwnTopic(LeerdoelenCommand):
    """The matrix's own topic and the level the participant puts themselves at (None: no level yet)."""

    roles = PARTICIPANT
    text: str
    level: int | None = None


@dataclass(frozen=True)
class OfferHelp(LeerdoelenCommand):
    """A named participant offers (or no longer offers) to teach colleagues a topic they can teach others."""

    roles = PARTICIPANT
    item: str
    offered: bool = True


@dataclass(frozen=True)
class CloseRound(LeerdoelenCommand):
    """The facilitator closes filling in: answers are final and the team picture is shown."""

    roles = FACILITATOR
