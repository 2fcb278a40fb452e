"""The commands of the Dilemmamethodiek, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import BOTH, FACILITATOR, PARTICIPANT, Command


class DilemmaCommand(Command):
    """A command of the Dilemmamethodiek (besides the clock's, base.TimerCommand, and the verdicts' Approve, Reject)."""


@dataclass(frozen=True)
class SetSteps(DilemmaCommand):
    roles = FACILITATOR
    steps: tuple[str, ...]


@dataclass(frozen=True)
class SetStepSeconds(DilemmaCommand):
    roles = FACILITATOR
    step: str
    seconds: int


@dataclass(frozen=True)
class NextStep(DilemmaCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class PreviousStep(DilemmaCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class GoToStep(DilemmaCommand):
    roles = FACILITATOR
    step: str


@dataclass(frozen=True)
class EndDilemma(DilemmaCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class CloseRatings(DilemmaCommand):
    """No more ratings: the ranking is shown (leaving the choosing step does the same)."""

    roles = FACILITATOR


@dataclass(frozen=True)
class AddDilemma(DilemmaCommand):
    """A dilemma told in the room, typed by the facilitator (shown at once)."""

    roles = FACILITATOR
    text: str
    category: str


@dataclass(frozen=True)
class ApproveAll(DilemmaCommand):
    """Show everything held in the current step (see held_now); base.Approve and Reject act on one dilemma (d#) or
    entry (e#)."""

    roles = FACILITATOR


@dataclass(frozen=True)
class ChooseDilemma(DilemmaCommand):
    roles = FACILITATOR
    submission_id: str


@dataclass(frozen=True)
class Formulate(DilemmaCommand):
    roles = FACILITATOR
    feiten: str = ''
    handelingen: str = ''
    gevoelens: str = ''
    kant_a: str = ''
    kant_b: str = ''


@dataclass(frozen=True)
class AddEntry(DilemmaCommand):
    """A question, a table entry, an alternative or a point of agreement or difference: from a phone it is held for
    the facilitator and only into a column of the current step; from the console it is shown at once."""

    roles = BOTH
    column: str
    text: str
    of: str = ''  # the betrokkene (an entry id) a right, interest, value or norm belongs to


@dataclass(frozen=True)
class Assign(DilemmaCommand):
    """Link a right, interest, value or norm to a betrokkene ('' : to none)."""

    roles = FACILITATOR
    entry_id: str
    of: str


@dataclass(frozen=True)
class SetInbrenger(DilemmaCommand):
    """The facilitator marks who brought the dilemma in ('' : nobody)."""

    roles = FACILITATOR
    participant_id: str


@dataclass(frozen=True)
class Volunteer(DilemmaCommand):
    """A participant says they are the inbrenger (while nobody is), or no longer (`on` False)."""

    roles = PARTICIPANT
    on: bool = True


@dataclass(frozen=True)
class MoveEntry(DilemmaCommand):
    roles = FACILITATOR
    entry_id: str
    column: str


@dataclass(frozen=True)
class Mark(DilemmaCommand):
    roles = FACILITATOR
    alternative_id: str
    entry_id: str  # a value or a norm
    on: bool = True
    verdict: str = 'recht'  # Verdict.RECHT: it does justice to it (or 'tegen': goes against it)


@dataclass(frozen=True)
class Deliberate(DilemmaCommand):
    roles = BOTH  # a participant only when they are the inbrenger
    field: str
    text: str


@dataclass(frozen=True)
class AddAgreement(DilemmaCommand):
    roles = FACILITATOR
    kind: str
    text: str
    owner: str
    term: str = ''
    basis: str = ''


@dataclass(frozen=True)
class RemoveAgreement(DilemmaCommand):
    roles = FACILITATOR
    agreement_id: str


@dataclass(frozen=True)
class SubmitDilemma(DilemmaCommand):
    roles = PARTICIPANT
    text: str
    category: str
    show_name: bool = False


@dataclass(frozen=True)
class Rate(DilemmaCommand):
    roles = PARTICIPANT
    submission_id: str
    urgentie: int
    belang: int
    herkenbaarheid: int


@dataclass(frozen=True)
class Judge(DilemmaCommand):
    roles = PARTICIPANT
    choice: str
    sentence: str = ''


@dataclass(frozen=True)
class Evaluate(DilemmaCommand):
    roles = PARTICIPANT
    score: int
    sentence: str = ''
