"""What the lagerhuis shows, one projection per view: the public one (projector, every phone), one participant's
(their side, their place in the queue, their side's notes, what they may answer) and the facilitator's (the set-up,
who is on which side, both sides' notes, the turns), with the insight into how the floor was shared.

Each takes the session's minimum group size, as every werkvorm's projections do; nothing here waits for one."""

from __future__ import annotations

from dataclasses import dataclass

from ..handcount import Channels
from .model import Note, Side, Stage, State

__all__ = [
    'ArgumentView',
    'ConsoleView',
    'Insight',
    'ParticipantView',
    'PublicView',
    'Speaking',
    'TurnView',
    'answerable',
    'console_view',
    'insight',
    'labels',
    'participant_view',
    'public_view',
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
    answerable: bool  # whether the other side may answer it (decide refuses an answer to a struck argument)


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


def public_view(state: State, minimum: int) -> PublicView:
    names = labels(state)
    arguments = tuple(
        ArgumentView(
            a.id, names[a.id], a.side, a.text, names.get(a.reply_to, ''), a.struck, a.reason, a.speaker, not a.struck
        )
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


def answerable(arguments: tuple[ArgumentView, ...], side: Side) -> tuple[ArgumentView, ...]:
    """The arguments an argument for `side` may answer: the other side's that may be answered (as decide has it)."""
    return tuple(a for a in arguments if a.side is not side and a.answerable)


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    side: Side | None
    position: int  # place in the queue, 1-based (0: not waiting)
    speaking: bool
    notes: tuple[str, ...]  # my side's preparation notes (never the other side's)
    can_choose_side: bool
    can_request: bool
    answerable: tuple[ArgumentView, ...]  # what an argument of mine may answer (none without a side)


def participant_view(
    state: State, participant_id: str, minimum: int, public: PublicView | None = None
) -> ParticipantView:
    public = public if public is not None else public_view(state, minimum)
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
        answerable(public.arguments, side) if side else (),
    )


@dataclass(frozen=True)
class TurnView:
    speaker: str  # participant id, or the queue entry of someone in the room
    side: Side
    start: float
    end: float | None  # None: still speaking


@dataclass(frozen=True)
class ConsoleView:
    """What the facilitator's console shows beside the public projection."""

    suggestions: tuple[str, ...]  # stellingen to pick from in the set-up
    prep_seconds: int
    turn_seconds: int
    members: tuple[tuple[str, Side], ...]  # (participant id, side), in the order they were placed
    places_newcomers: bool  # whether who joined since the sides were divided can be placed on a side now
    notes: tuple[Note, ...]  # both sides' preparation notes
    turns: tuple[TurnView, ...]
    offers_preparation: bool  # *Start voorbereiding*: in the set-up
    offers_debate: bool  # *Start het debat*: in the set-up or the preparation
    has_clock: bool  # a clock runs for the preparation or the speaker (decide gives time to nobody else)


def console_view(state: State, minimum: int) -> ConsoleView:
    return ConsoleView(
        state.suggestions,
        state.prep_seconds,
        state.turn_seconds,
        tuple(state.members.items()),
        bool(state.members) and state.stage is not Stage.DISCUSSION,
        tuple(state.notes),
        tuple(TurnView(turn.speaker, turn.side, turn.start, turn.end) for turn in state.turns),
        state.stage is Stage.SETUP,
        state.stage in (Stage.SETUP, Stage.PREPARATION),
        state.stage is Stage.PREPARATION or bool(state.speaker),
    )


@dataclass(frozen=True)
class Speaking:
    turns: int
    seconds: float


@dataclass(frozen=True)
class Insight:
    """For the facilitator only: how the floor was shared, per side and per person (names only if chosen)."""

    sides: dict[Side, Speaking]
    people: tuple[tuple[str, Side, Speaking], ...]  # (participant id, side, speaking), most speaking time first


def insight(view: ConsoleView, now: float) -> Insight:
    """The turns and speaking time per side and per person at `now` (a turn still going counts up to it); a person
    is shown on their side now (someone in the room: the side they stood up for)."""
    per_side: dict[Side, list[float]] = {Side.VOOR: [], Side.TEGEN: []}
    per_person: dict[str, list[float]] = {}
    spoke_for: dict[str, Side] = {}
    for turn in view.turns:
        seconds = (turn.end if turn.end is not None else now) - turn.start
        per_side[turn.side].append(seconds)
        per_person.setdefault(turn.speaker, []).append(seconds)
        spoke_for[turn.speaker] = turn.side
    sides = {side: Speaking(len(times), sum(times)) for side, times in per_side.items()}
    members = dict(view.members)
    people = tuple(
        sorted(
            (
                (pid, members.get(pid, spoke_for[pid]), Speaking(len(times), sum(times)))
                for pid, times in per_person.items()
            ),
            key=lambda row: -row[2].seconds,
        )
    )
    return Insight(sides, people)
