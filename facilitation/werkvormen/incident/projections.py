"""The incidentevaluatie's projections: what the projector and every phone may see (public_view), what one phone
shows of its own (participant_view) and what the console needs besides (console_view). Nothing held reaches anyone
but the console, and no view says who sent a cause."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import (
    DESCRIPTION,
    FACTOR_GROUP,
    MAX_OWN,
    ORDER,
    Assessment,
    Cause,
    Group,
    Needed,
    Origin,
    Stage,
    State,
    Status,
    Step,
    step_seconds,
)


@dataclass(frozen=True)
class CauseView:
    id: str
    text: str
    origin: Origin
    factor: str  # '' : not classified
    outside: bool

    @property
    def group(self) -> Group | None:
        return FACTOR_GROUP.get(self.factor)


@dataclass(frozen=True)
class PublicView:
    stage: Stage
    title: str
    step: Step | None
    deadline: float | None
    left: float | None
    description: tuple[tuple[str, str], ...]  # (field, text) for DESCRIPTION
    channel: str
    causes: tuple[CauseView, ...]  # shown, in the order sent
    assessments: tuple[tuple[str, Assessment], ...]  # (cause id, its assessment) of shown causes
    held: int  # how many causes wait for the facilitator (a count: never what, nor whose)

    @property
    def position(self) -> int:
        return ORDER.index(self.step) + 1 if self.step is not None else 0

    def field(self, name: str) -> str:
        return dict(self.description)[name]

    def by_group(self) -> tuple[tuple[Group, tuple[CauseView, ...]], ...]:
        """The classified causes per group, in the picture's order (every group, empty or not)."""
        return tuple((group, tuple(c for c in self.causes if c.group is group)) for group in Group)

    def unclassified(self) -> tuple[CauseView, ...]:
        return tuple(c for c in self.causes if c.group is None)

    def assessment(self, cause_id: str) -> Assessment | None:
        return dict(self.assessments).get(cause_id)

    def measures(self) -> tuple[tuple[CauseView, Assessment], ...]:
        """The causes that need action, with their measure."""
        return tuple(
            (cause, found)
            for cause in self.causes
            if (found := self.assessment(cause.id)) is not None and found.needed is Needed.JA
        )


def _view(cause: Cause) -> CauseView:
    return CauseView(cause.id, cause.text, cause.origin, cause.factor, cause.outside)


def public_view(state: State, minimum: int) -> PublicView:
    """What the projector and every phone may see (`minimum` is the common signature's: nothing here is a figure
    of people's answers; a cause is shown by the facilitator, never by its sender)."""
    shown = state.shown()
    ids = {c.id for c in shown}
    return PublicView(
        state.stage,
        state.title,
        state.step,
        state.deadline,
        state.left,
        tuple((name, state.description[name]) for name in DESCRIPTION),
        state.channel,
        tuple(_view(c) for c in shown),
        tuple((cause_id, a) for cause_id, a in state.assessments.items() if cause_id in ids),
        len(state.held()),
    )


@dataclass(frozen=True)
class Mine:
    text: str
    status: Status


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    mine: tuple[Mine, ...]  # what I sent, with whether it is shown
    can_send: bool
    sent_all: bool


def participant_view(
    state: State, participant_id: str, minimum: int, public: PublicView | None = None
) -> ParticipantView:
    """What one phone shows: the public view (`public`, when already made for this change) and what it sent."""
    public = public if public is not None else public_view(state, minimum)
    mine = tuple(Mine(c.text, c.status) for c in state.causes.values() if c.author == participant_id)
    return ParticipantView(
        public,
        mine,
        state.stage is Stage.RUNNING and state.step is Step.OORZAKEN,
        state.sent.get(participant_id, 0) >= MAX_OWN,
    )


class Forward(StrEnum):
    """What the console's one obvious next button does."""

    START = 'start'
    NEXT = 'next'
    END = 'end'
    NONE = ''


@dataclass(frozen=True)
class ConsoleView:
    """What the console needs besides the public view: what waits to be shown (never whose), the way back and on,
    and each step's clock."""

    held: tuple[CauseView, ...]  # what the phones sent and waits to be shown or refused, oldest first
    back: bool
    forward: Forward
    next_step: Step | None
    minutes: tuple[tuple[Step, int], ...]  # each step's clock in minutes


def console_view(state: State, minimum: int) -> ConsoleView:
    """The console's own projection (`minimum`: the common signature's; nothing here waits for it)."""
    forward, following = Forward.NONE, None
    if state.stage is Stage.SETUP:
        forward = Forward.START
    elif state.stage is Stage.RUNNING and state.step is not None:
        position = ORDER.index(state.step)
        following = ORDER[position + 1] if position + 1 < len(ORDER) else None
        forward = Forward.NEXT if following is not None else Forward.END
    back = state.stage is Stage.DONE or (state.stage is Stage.RUNNING and state.step is not ORDER[0])
    seconds = step_seconds(state)
    return ConsoleView(
        tuple(_view(c) for c in state.held()),
        back,
        forward,
        following,
        tuple((step, secs // 60) for step, secs in seconds.items()),
    )
