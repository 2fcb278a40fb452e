"""What the lagerhuis shows: the public projection (projector, every phone), one participant's projection (their
side, their place in the queue, their side's notes) and the facilitator's insight into how the floor was shared."""

from __future__ import annotations

from dataclasses import dataclass

from ..handcount import Channels
from .model import Note, Side, Stage, State

__all__ = [
    'ArgumentView',
    'Insight',
    'ParticipantView',
    'PublicView',
    'Speaking',
    'insight',
    'labels',
    'participant_view',
    'public_view',
    'side_notes',
    'winner',
    'winner_of',
]


@dataclass(frozen=True)
class ArgumentView:
    id: str
    label: str  # 'V1', 'T3': the side's letter and the argument's number on that side
    side: Side
    text: str
    reply_to: str  # label of the answered argument ('' : none)
    struck: bool
    reason: str
    speaker: str  # participant id ('' : recorded by the facilitator); views show a name only if one was chosen


@dataclass(frozen=True)
class PublicView:
    stage: Stage
    statement: str
    sizes: tuple[int, int]  # voor, tegen
    queue: tuple[tuple[str, Side], ...]  # (participant id, side), in order of arrival
    speaker: str
    speaker_side: Side | None
    timer_deadline: float | None
    timer_left: float | None
    arguments: tuple[ArgumentView, ...]
    tally: tuple[int, int]  # arguments that count: voor, tegen
    winner: Side | None  # only in the nabespreking; None there means a tie
    conclusions: str
    auto_floor: bool
    side_choice: bool
    in_room: tuple[tuple[str, str], ...]  # (queue entry, name or '') of people without a phone
    turns: Channels  # turns taken via a phone and from the room


def labels(state: State) -> dict[str, str]:
    counters = {Side.VOOR: 0, Side.TEGEN: 0}
    result = {}
    for argument in state.arguments.values():
        counters[argument.side] += 1
        result[argument.id] = f'{"V" if argument.side is Side.VOOR else "T"}{counters[argument.side]}'
    return result


def winner_of(tally: tuple[int, int]) -> Side | None:
    """The side with the most arguments that count; None for a tie."""
    voor, tegen = tally
    return None if voor == tegen else Side.VOOR if voor > tegen else Side.TEGEN


def winner(state: State) -> Side | None:
    return winner_of((state.count(Side.VOOR), state.count(Side.TEGEN)))


def public_view(state: State) -> PublicView:
    names = labels(state)
    arguments = tuple(
        ArgumentView(a.id, names[a.id], a.side, a.text, names.get(a.reply_to, ''), a.struck, a.reason, a.speaker)
        for a in state.arguments.values()
    )
    sizes = (
        sum(1 for s in state.members.values() if s is Side.VOOR),
        sum(1 for s in state.members.values() if s is Side.TEGEN),
    )
    return PublicView(
        state.stage,
        state.statement,
        sizes,
        tuple((pid, side) for pid in state.queue if (side := state.side_of(pid)) is not None),
        state.speaker,
        state.side_of(state.speaker) if state.speaker else None,
        state.timer.deadline,
        state.timer.left,
        arguments,
        (state.count(Side.VOOR), state.count(Side.TEGEN)),
        winner(state) if state.stage is Stage.DISCUSSION else None,
        state.conclusions,
        state.auto_floor,
        state.side_choice,
        tuple((entry, person.name) for entry, person in state.in_room.items()),
        Channels(
            sum(1 for turn in state.turns if turn.speaker not in state.in_room),
            sum(1 for turn in state.turns if turn.speaker in state.in_room),
        ),
    )


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    side: Side | None
    position: int  # place in the queue, 1-based (0: not waiting)
    speaking: bool
    notes: tuple[str, ...]  # my side's preparation notes (never the other side's)
    can_choose_side: bool
    can_request: bool


def participant_view(state: State, participant_id: str, public: PublicView | None = None) -> ParticipantView:
    public = public if public is not None else public_view(state)
    side = state.members.get(participant_id)
    position = state.queue.index(participant_id) + 1 if participant_id in state.queue else 0
    speaking = state.speaker == participant_id
    notes = tuple(n.text for n in state.notes if n.side is side) if side else ()
    return ParticipantView(
        public,
        side,
        position,
        speaking,
        notes,
        state.side_choice and state.stage is not Stage.DISCUSSION and (side is None or state.stage is Stage.SETUP),
        side is not None and state.stage is Stage.DEBATE and not speaking and not position,
    )


def side_notes(state: State, side: Side) -> tuple[Note, ...]:
    """One side's preparation notes (for the facilitator, and for that side's phones)."""
    return tuple(n for n in state.notes if n.side is side)


@dataclass(frozen=True)
class Speaking:
    turns: int
    seconds: float


@dataclass(frozen=True)
class Insight:
    """For the facilitator only: how the floor was shared, per side and per person (names only if chosen)."""

    sides: dict[Side, Speaking]
    people: tuple[tuple[str, Side, Speaking], ...]  # (participant id, side, speaking), most speaking time first


def insight(state: State, now: float) -> Insight:
    per_side: dict[Side, list[float]] = {Side.VOOR: [], Side.TEGEN: []}
    per_person: dict[str, list[float]] = {}
    for turn in state.turns:
        seconds = (turn.end if turn.end is not None else now) - turn.start
        per_side[turn.side].append(seconds)
        per_person.setdefault(turn.speaker, []).append(seconds)
    sides = {side: Speaking(len(times), sum(times)) for side, times in per_side.items()}
    people = tuple(
        sorted(
            (
                (pid, state.side_of(pid) or Side.VOOR, Speaking(len(times), sum(times)))
                for pid, times in per_person.items()
            ),
            key=lambda row: -row[2].seconds,
        )
    )
    return Insight(sides, people)
