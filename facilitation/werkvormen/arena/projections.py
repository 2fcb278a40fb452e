"""What the arena shows: the public projection (projector, every phone) and one participant's (their ring, their
questions held for the gespreksleider, their support, what they may do now)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Ring, RoundKind, Stage, State, Status, Tag, outer_may_ask

__all__ = [
    'ParticipantView',
    'PublicView',
    'QueuedQuestion',
    'participant_view',
    'points_by_tag',
    'public_view',
    'queue',
]


@dataclass(frozen=True)
class QueuedQuestion:
    id: str
    text: str
    author: str  # participant id when the sender chose to show their name, else ''
    support: int


@dataclass(frozen=True)
class PublicView:
    stage: Stage
    title: str
    sizes: tuple[int, int]  # binnen, buiten
    round_title: str
    round_kind: RoundKind | None
    round_number: int
    round_deadline: float | None
    round_left: float | None
    question: str  # '' : none
    question_source: str
    question_author: str  # participant id if an outer-ring question whose sender chose to show a name
    question_deadline: float | None
    question_left: float | None
    queue: tuple[QueuedQuestion, ...]  # approved questions, most supported first (then oldest)
    ring_choice: bool
    switch_allowed: bool


def queue(state: State) -> tuple[QueuedQuestion, ...]:
    approved = [q for q in state.outer.values() if q.status is Status.APPROVED]
    order = {q.id: i for i, q in enumerate(state.outer.values())}
    approved.sort(key=lambda q: (-state.supporters(q.id), order[q.id]))
    return tuple(
        QueuedQuestion(q.id, q.text, q.author if q.show_name else '', state.supporters(q.id)) for q in approved
    )


def public_view(state: State) -> PublicView:
    current_round = state.current_round
    number = [r.id for r in state.rounds].index(state.round) + 1 if current_round else 0
    current = state.current
    author = ''
    if current is not None and current.source == 'outer':
        asked = state.outer.get(current.ref)
        author = asked.author if asked is not None and asked.show_name else ''
    return PublicView(
        state.stage,
        state.title,
        (
            sum(1 for r in state.members.values() if r is Ring.BINNEN),
            sum(1 for r in state.members.values() if r is Ring.BUITEN),
        ),
        current_round.title if current_round else '',
        current_round.kind if current_round else None,
        number,
        state.round_deadline,
        state.round_left,
        current.text if current else '',
        current.source if current else '',
        author,
        current.deadline if current else None,
        current.left if current else None,
        queue(state),
        state.ring_choice,
        state.switch_allowed,
    )


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    ring: Ring | None
    my_pending: tuple[str, ...]  # my own questions still held for the gespreksleider
    my_support: str  # the question I support ('' : none)
    asked_to_switch: bool
    can_choose_ring: bool
    can_ask: bool  # outer ring, during a round of the outer ring
    listening: bool  # outer ring while the conversation runs but it is not its round to ask
    can_switch: bool


def participant_view(state: State, participant_id: str, public: PublicView | None = None) -> ParticipantView:
    public = public if public is not None else public_view(state)
    ring = state.members.get(participant_id)
    mine = (state.outer[q] for q in state.sent_by.get(participant_id, ()))
    pending = tuple(q.text for q in mine if q.status is Status.PENDING)
    asked = participant_id in state.switch_requests
    return ParticipantView(
        public,
        ring,
        pending,
        state.support.get(participant_id, ''),
        asked,
        state.ring_choice and state.stage is not Stage.DONE,
        ring is Ring.BUITEN and outer_may_ask(state),
        ring is Ring.BUITEN and state.stage is Stage.RUNNING and not outer_may_ask(state),
        ring is Ring.BUITEN and state.switch_allowed and state.stage is not Stage.DONE and not asked,
    )


def points_by_tag(state: State) -> dict[Tag, tuple[str, ...]]:
    """The key points grouped by tag, in the order of the tags (for the summary)."""
    return {tag: tuple(p.text for p in state.points if p.tag is tag) for tag in Tag}
