"""What the arena shows, one projection per view: the public one (projector, every phone), one participant's (their
ring, their questions held for the gespreksleider, the questions they may support, what they may do now) and the
facilitator's (the plan, what comes next, who sits where, what waits for moderation, the key points).

Each takes the session's minimum group size, as every werkvorm's projections do; nothing here waits for one."""

from __future__ import annotations

from dataclasses import dataclass

from .model import KeyPoint, PlannedQuestion, Ring, RoundKind, Stage, State, Status, Tag, outer_may_ask

__all__ = [
    'ConsoleView',
    'HeldQuestion',
    'ParticipantView',
    'PublicView',
    'QueuedQuestion',
    'RoundView',
    'console_view',
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


def public_view(state: State, minimum: int) -> PublicView:
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
    supportable: tuple[QueuedQuestion, ...]  # the queue in the order sent (a row stays put), for the outer ring


def participant_view(
    state: State, participant_id: str, minimum: int, public: PublicView | None = None
) -> ParticipantView:
    public = public if public is not None else public_view(state, minimum)
    ring = state.members.get(participant_id)
    mine = (state.outer[q] for q in state.sent_by.get(participant_id, ()))
    pending = tuple(q.text for q in mine if q.status is Status.PENDING)
    asked = participant_id in state.switch_requests
    order = {question_id: i for i, question_id in enumerate(state.outer)}  # the order sent
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
        tuple(sorted(public.queue, key=lambda q: order[q.id])) if ring is Ring.BUITEN else (),
    )


def points_by_tag(state: State) -> dict[Tag, tuple[str, ...]]:
    """The key points grouped by tag, in the order of the tags (for the summary)."""
    return {tag: tuple(p.text for p in state.points if p.tag is tag) for tag in Tag}


@dataclass(frozen=True)
class RoundView:
    id: str
    kind: RoundKind
    title: str
    seconds: int


@dataclass(frozen=True)
class HeldQuestion:
    id: str
    text: str
    author: str  # participant id when the sender chose to show their name, else ''


@dataclass(frozen=True)
class ConsoleView:
    """What the facilitator's console shows beside the public projection."""

    title: str
    rounds: tuple[RoundView, ...]
    questions: tuple[PlannedQuestion, ...]  # the plan's questions, in order
    remaining: tuple[PlannedQuestion, ...]  # those not asked yet
    next_question: str  # the planned question *Volgende vraag* asks: the first remaining, in the gespreksleider's round
    next_round: int  # the number of the round *Start ronde n* starts (0: none to offer)
    members: tuple[tuple[str, Ring], ...]  # (participant id, ring), in the order they were placed
    switch_requests: tuple[str, ...]  # the outer ring's members asking for the empty chair, in order
    pending: tuple[HeldQuestion, ...]  # the outer ring's questions held for moderation, oldest first
    points: tuple[KeyPoint, ...]


def console_view(state: State, minimum: int) -> ConsoleView:
    remaining = tuple(q for q in state.questions if q.id not in state.asked)
    current = state.current_round
    leading = current is not None and current.kind is RoundKind.LEADER
    return ConsoleView(
        state.title,
        tuple(RoundView(r.id, r.kind, r.title, r.seconds) for r in state.rounds),
        tuple(state.questions),
        remaining,
        remaining[0].id if leading and remaining else '',
        _next_round(state),
        tuple(state.members.items()),
        tuple(state.switch_requests),
        tuple(
            HeldQuestion(q.id, q.text, q.author if q.show_name else '')
            for q in state.outer.values()
            if q.status is Status.PENDING
        ),
        tuple(state.points),
    )


def _next_round(state: State) -> int:
    """The round the console offers to start: the first in the set-up, the one after the current one while it runs.
    Between rounds and after the last none (StartRound would begin again at the first)."""
    ids = [r.id for r in state.rounds]
    if state.stage is Stage.SETUP:
        return 1 if ids else 0
    following = ids.index(state.round) + 1 if state.round in ids else len(ids)
    return following + 1 if following < len(ids) else 0
