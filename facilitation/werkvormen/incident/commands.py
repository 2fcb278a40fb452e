"""The commands of the incidentevaluatie, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import BOTH, FACILITATOR, Command


class IncidentCommand(Command):
    """A command of the incidentevaluatie (besides the clock's, base.TimerCommand, and the verdicts' Approve,
    Reject on a held cause)."""


@dataclass(frozen=True)
class SetStepSeconds(IncidentCommand):
    roles = FACILITATOR
    step: str
    seconds: int


@dataclass(frozen=True)
class NextStep(IncidentCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class PreviousStep(IncidentCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class GoToStep(IncidentCommand):
    roles = FACILITATOR
    step: str


@dataclass(frozen=True)
class EndEvaluation(IncidentCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class Describe(IncidentCommand):
    """Step 1: what happened, where, when, through which channel, and along the interaction. `confirmed`: the
    facilitator says what looked identifying is not (else such text is refused, naming the part)."""

    roles = FACILITATOR
    wat: str = ''
    waar: str = ''
    wanneer: str = ''
    kanaal: str = ''
    medewerker_burger: str = ''
    spanning: str = ''
    incident: str = ''
    nazorg: str = ''
    confirmed: bool = False


@dataclass(frozen=True)
class AddCause(IncidentCommand):
    """A direct or indirect cause: from a phone held for the facilitator (in step 2 only), from the console shown
    at once."""

    roles = BOTH
    text: str
    origin: str = 'direct'
    confirmed: bool = False


@dataclass(frozen=True)
class ApproveAll(IncidentCommand):
    """Show every cause held (base.Approve and Reject act on one)."""

    roles = FACILITATOR


@dataclass(frozen=True)
class EditCause(IncidentCommand):
    roles = FACILITATOR
    cause_id: str
    text: str
    origin: str = ''  # '' : as it was
    confirmed: bool = False


@dataclass(frozen=True)
class MergeCause(IncidentCommand):
    """Take a shown cause up in another (the same cause said twice): it leaves the room's list."""

    roles = FACILITATOR
    cause_id: str
    into: str


@dataclass(frozen=True)
class Classify(IncidentCommand):
    """A cause's factor (its group follows; '' : not classified) and whether it lies outside the organisation."""

    roles = FACILITATOR
    cause_id: str
    factor: str
    outside: bool = False


@dataclass(frozen=True)
class Assess(IncidentCommand):
    """Step 4 for one cause (see model.Assessment)."""

    roles = FACILITATOR
    cause_id: str
    needed: str = ''
    measure: str = ''
    owner: str = ''
    term: str = ''
    reason: str = ''
    plan_kind: str = 'werkafspraak'
    influence: str = ''
    action: str = ''
    follow_up: str = ''
    helped: str = ''
    hindered: str = ''
    recurrence: str = ''
    recurrence_why: str = ''
    confirmed: bool = False
