"""Lagerhuisdiscussie: the seed's section 5.3 as a pure werkvorm.

The facilitator poses a stelling; the group is split in two, voor and tegen, and each side defends its position
with arguments, answering the other side's with counter-arguments. Whoever wants to bring in an argument stands
up (on the phone: "Ik wil het woord"); the first to stand gets the turn. The side with the most arguments wins; a
nabespreking sums up the conclusions. Rules kept here:

- requests for the floor are served in order of arrival (the order in which the server received them);
  a request from the speaker, or a second one while one is pending, is refused with a clear message;
- an argument counts for the side of whoever brought it in; an argument may answer one of the other side;
- the facilitator may strike an argument that is not one (a repeat, off topic); the reason stays in the log and
  a struck argument does not count. The side with the most arguments wins; equal is a tie;
- a side's preparation notes are seen by that side only;
- whoever stands up without a phone is put in the queue by the facilitator, by name or as "someone of VOOR", in the
  order of arrival with the phones; the outcome says how many turns came via a phone and how many from the room;
- the facilitator may take any entry off the queue (someone in the room sat down again: they have no phone to
  withdraw with; someone with a phone left); only a waiting entry, and the others keep their order.

Time is injected (ctx.now): speaking times and countdowns are facts of the log, not of a clock read here.
"""

from __future__ import annotations

from ..base import (
    Context,
    Event,
    ExtendTimer,
    PauseTimer,
    ResumeTimer,
    Role,
    StopTimer,
    TimerCommand,
    UnknownItem,
    WrongPhase,
    clean_text,
    require_role,
    roles_of,
    timer_change,
)
from . import model, projections
from .commands import (
    AddNote,
    AllowSideChoice,
    ChooseSide,
    DivideSides,
    EndDebate,
    EndTurn,
    GiveFloor,
    LagerhuisCommand,
    MoveParticipant,
    PlaceNewcomers,
    QueueInRoom,
    RecordArgument,
    RemoveFromQueue,
    RequestFloor,
    RestoreArgument,
    SaveConclusions,
    SetAutoFloor,
    SetStatement,
    SetTimes,
    StartDebate,
    StartPreparation,
    StrikeArgument,
    SubmitArgument,
    WithdrawRequest,
)
from .model import *  # noqa: F403  (re-exported, see __all__)
from .model import (
    MAX_ARGUMENT,
    MAX_ARGUMENTS,
    MAX_CONCLUSIONS,
    MAX_IN_ROOM,
    MAX_NAME,
    MAX_NOTE,
    MAX_NOTES,
    MAX_REASON,
    MAX_STATEMENT,
    ROOM_PREFIX,
    AlreadyQueued,
    AlreadySpeaking,
    Argument,
    ArgumentStruck,
    InRoom,
    NoSide,
    Note,
    NotQueued,
    NotSpeaking,
    Side,
    Stage,
    State,
    Timer,
    Turn,
    checked_seconds,
    checked_side,
)
from .projections import *  # noqa: F403  (re-exported, see __all__)

# The rules are the werkvorm's one module to the rest of Samenspel (the registry, the views, the exports, the tests):
# its state and its projections are re-exported here, beside decide, evolve and the commands they take.
__all__ = [*model.__all__, *projections.__all__, 'Command', 'ROLES', 'decide', 'evolve']

# --- commands --------------------------------------------------------------------------------------------------------

# The commands are in commands.py, each declaring who may give it: decide enforces that, and
# tests/test_authorisation.py checks every pair against it.
Command = LagerhuisCommand | TimerCommand
ROLES = roles_of(LagerhuisCommand, TimerCommand)


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none)."""
    require_role(ctx, *ROLES[type(command)])
    if ctx.actor.role is Role.PARTICIPANT:
        return _decide_participant(state, command, ctx)
    match command:
        case SetStatement(text):
            if state.stage is not Stage.SETUP:
                raise WrongPhase(phase=state.stage.value)
            return [ctx.event('lh.statement', text=clean_text(text, 'statement', MAX_STATEMENT))]
        case SetTimes(prep, turn):
            return [ctx.event('lh.times', prep_seconds=checked_seconds(prep), turn_seconds=checked_seconds(turn))]
        case DivideSides():
            if state.stage is not Stage.SETUP:
                raise WrongPhase(phase=state.stage.value)
            # participant ids are keyed hashes: sorted, they are an order nobody can steer, and the same on replay
            placed = {
                pid: (Side.VOOR if i % 2 == 0 else Side.TEGEN).value for i, pid in enumerate(sorted(ctx.participants))
            }
            return [ctx.event('lh.sides.divided', members=placed)]
        case PlaceNewcomers():
            newcomers = sorted(p for p in ctx.participants if p not in state.members)
            if not newcomers:
                return []
            return [ctx.event('lh.members.placed', members=_balanced(state, newcomers))]
        case MoveParticipant(participant_id, side):
            chosen = checked_side(side)
            if participant_id not in ctx.participants:
                raise UnknownItem(item=participant_id)
            if state.members.get(participant_id) is chosen:
                return []
            return [ctx.event('lh.members.placed', members={participant_id: chosen.value})]
        case AllowSideChoice(allowed):
            if bool(allowed) == state.side_choice:
                return []
            return [ctx.event('lh.side_choice', allowed=bool(allowed))]
        case StartPreparation():
            if state.stage is not Stage.SETUP or not state.statement:
                raise WrongPhase(phase=state.stage.value if state.statement else 'no-statement')
            deadline = ctx.now + state.prep_seconds if state.prep_seconds else None
            return [ctx.event('lh.preparation', deadline=deadline)]
        case StartDebate():
            if state.stage not in (Stage.SETUP, Stage.PREPARATION) or not state.statement:
                raise WrongPhase(phase=state.stage.value if state.statement else 'no-statement')
            if not any(s is Side.VOOR for s in state.members.values()) or not any(
                s is Side.TEGEN for s in state.members.values()
            ):
                raise WrongPhase(phase='two-sides')
            return [ctx.event('lh.debate')]
        case GiveFloor(participant_id):
            if state.stage is not Stage.DEBATE:
                raise WrongPhase(phase=state.stage.value)
            target = participant_id or (state.queue[0] if state.queue else '')
            if target not in state.queue:
                raise NotQueued()
            return [*_end_turn(state, ctx), _floor(state, target, ctx)]
        case EndTurn():
            if not state.speaker:
                raise NotSpeaking()
            return _end_turn_and_next(state, ctx)
        case SetAutoFloor(auto):
            if bool(auto) == state.auto_floor:
                return []
            events = [ctx.event('lh.auto_floor', auto=bool(auto))]
            if auto and state.stage is Stage.DEBATE and not state.speaker and state.queue:
                events.append(_floor(state, state.queue[0], ctx))
            return events
        case QueueInRoom(side, name):
            chosen = checked_side(side)
            if state.stage is not Stage.DEBATE:
                raise WrongPhase(phase=state.stage.value)
            if len(state.in_room) >= MAX_IN_ROOM:
                raise WrongPhase(phase='full')
            entry = f'{ROOM_PREFIX}{len(state.in_room) + 1}'
            clean = clean_text(name, 'name', MAX_NAME, required=False)
            events = [ctx.event('lh.room.queued', entry=entry, side=chosen.value, name=clean)]
            if state.auto_floor and not state.speaker and not state.queue:
                events.append(
                    ctx.event('lh.floor', participant=entry, side=chosen.value, deadline=_deadline(state, ctx))
                )
            return events
        case RemoveFromQueue(entry):
            if state.stage is not Stage.DEBATE:
                raise WrongPhase(phase=state.stage.value)
            if not isinstance(entry, str) or entry not in state.queue:
                raise NotQueued()
            return [ctx.event('lh.dequeued', entry=entry)]
        case PauseTimer() | ResumeTimer() | ExtendTimer() | StopTimer():
            if isinstance(command, ExtendTimer) and not (state.stage is Stage.PREPARATION or state.speaker):
                raise WrongPhase(phase='timer')  # time is given to a preparation or a speaker, not to nobody
            change = timer_change(state.timer.deadline, state.timer.left, command, ctx.now)
            return [] if change is None else [ctx.event('lh.timer', deadline=change[0], left=change[1])]
        case RecordArgument(side, text, reply_to):
            chosen = checked_side(side)
            speaker = state.speaker if state.speaker and state.side_of(state.speaker) is chosen else ''
            return _argument(state, chosen, text, reply_to, speaker, ctx)
        case StrikeArgument(argument_id, reason):
            argument = state.arguments.get(argument_id)
            if argument is None:
                raise UnknownItem(item=argument_id)
            why = clean_text(reason, 'reason', MAX_REASON)
            if argument.struck and argument.reason == why:
                return []
            return [ctx.event('lh.argument.struck', argument=argument_id, reason=why)]
        case RestoreArgument(argument_id):
            argument = state.arguments.get(argument_id)
            if argument is None:
                raise UnknownItem(item=argument_id)
            return [ctx.event('lh.argument.restored', argument=argument_id)] if argument.struck else []
        case EndDebate():
            if state.stage is not Stage.DEBATE:
                raise WrongPhase(phase=state.stage.value)
            return [*_end_turn(state, ctx), ctx.event('lh.debate.ended')]
        case SaveConclusions(text):
            if state.stage is not Stage.DISCUSSION:
                raise WrongPhase(phase=state.stage.value)
            clean = clean_text(text, 'conclusions', MAX_CONCLUSIONS, required=False, multiline=True)
            return [] if clean == state.conclusions else [ctx.event('lh.conclusions', text=clean)]
    raise WrongPhase(phase='unknown-command')


def _balanced(state: State, newcomers: list[str]) -> dict[str, str]:
    sizes = {side: sum(1 for s in state.members.values() if s is side) for side in Side}
    placed = {}
    for pid in newcomers:
        side = Side.VOOR if sizes[Side.VOOR] <= sizes[Side.TEGEN] else Side.TEGEN
        placed[pid] = side.value
        sizes[side] += 1
    return placed


def _floor(state: State, participant_id: str, ctx: Context) -> Event:
    deadline = ctx.now + state.turn_seconds if state.turn_seconds else None
    side = state.side_of(participant_id)
    assert side is not None  # only the queued get the floor, and each has a side
    return ctx.event('lh.floor', participant=participant_id, side=side.value, deadline=deadline)


def _end_turn(state: State, ctx: Context) -> list[Event]:
    return [ctx.event('lh.turn.ended', participant=state.speaker)] if state.speaker else []


def _end_turn_and_next(state: State, ctx: Context) -> list[Event]:
    """The speaker is done; with the queue running on its own, the next in line gets the floor at once."""
    events = _end_turn(state, ctx)
    waiting = [p for p in state.queue if p != state.speaker]
    if state.auto_floor and waiting:
        events.append(_floor(state, waiting[0], ctx))
    return events


def _argument(state: State, side: Side, text: object, reply_to: object, speaker: str, ctx: Context) -> list[Event]:
    if state.stage is not Stage.DEBATE:
        raise WrongPhase(phase=state.stage.value)
    if len(state.arguments) >= MAX_ARGUMENTS:
        raise WrongPhase(phase='full')
    clean = clean_text(text, 'argument', MAX_ARGUMENT)
    answer = reply_to if isinstance(reply_to, str) else ''
    if answer:
        answered = state.arguments.get(answer)
        if answered is None:
            raise UnknownItem(item=answer)
        if answered.side is side:
            raise WrongPhase(phase='reply-to-own-side')  # a counter-argument answers the other side
        if answered.struck:
            raise ArgumentStruck()
    argument_id = f'a{len(state.arguments) + 1}'
    return [
        ctx.event('lh.argument', argument=argument_id, side=side.value, text=clean, reply_to=answer, speaker=speaker)
    ]


def _decide_participant(state: State, command: Command, ctx: Context) -> list[Event]:
    pid = ctx.actor.id
    side = state.members.get(pid)
    match command:
        case ChooseSide(chosen_side):
            chosen = checked_side(chosen_side)
            if not state.side_choice or state.stage is Stage.DISCUSSION:
                raise WrongPhase(phase='side-choice')
            if side is not None and state.stage is not Stage.SETUP:
                raise WrongPhase(phase='side-chosen')  # once the debate is prepared, sides stay put
            return [] if side is chosen else [ctx.event('lh.members.placed', members={pid: chosen.value})]
    if side is None:
        raise NoSide()
    match command:
        case AddNote(text):
            if state.stage is not Stage.PREPARATION:
                raise WrongPhase(phase=state.stage.value)
            if len(state.notes) >= MAX_NOTES:
                raise WrongPhase(phase='full')
            clean = clean_text(text, 'note', MAX_NOTE)
            return [ctx.event('lh.note', note=f'n{len(state.notes) + 1}', side=side.value, text=clean)]
        case RequestFloor():
            if state.stage is not Stage.DEBATE:
                raise WrongPhase(phase=state.stage.value)
            if state.speaker == pid:
                raise AlreadySpeaking()
            if pid in state.queue:
                raise AlreadyQueued(position=state.queue.index(pid) + 1)
            events = [ctx.event('lh.requested', side=side.value)]
            if state.auto_floor and not state.speaker and not state.queue:
                events.append(ctx.event('lh.floor', participant=pid, side=side.value, deadline=_deadline(state, ctx)))
            return events
        case WithdrawRequest():
            if pid not in state.queue:
                raise NotQueued()
            return [ctx.event('lh.withdrawn')]
        case SubmitArgument(text, reply_to):
            if state.speaker != pid:
                raise NotSpeaking()
            return _argument(state, side, text, reply_to, pid, ctx)
        case EndTurn():
            if state.speaker != pid:
                raise NotSpeaking()
            return _end_turn_and_next(state, ctx)
    raise WrongPhase(phase='unknown-command')


def _deadline(state: State, ctx: Context) -> float | None:
    return ctx.now + state.turn_seconds if state.turn_seconds else None


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    match event.type:
        case 'lh.statement':
            state.statement = data['text']
        case 'lh.times':
            state.prep_seconds, state.turn_seconds = data['prep_seconds'], data['turn_seconds']
        case 'lh.sides.divided':
            state.members = {pid: Side(side) for pid, side in data['members'].items()}
        case 'lh.members.placed':
            state.members.update({pid: Side(side) for pid, side in data['members'].items()})
        case 'lh.side_choice':
            state.side_choice = data['allowed']
        case 'lh.preparation':
            state.stage = Stage.PREPARATION
            state.timer = Timer(data['deadline'])
        case 'lh.debate':
            state.stage = Stage.DEBATE
            state.timer = Timer()
        case 'lh.note':
            state.notes.append(Note(data['note'], Side(data['side']), event.actor.id, data['text']))
        case 'lh.requested':
            state.queue.append(event.actor.id)
        case 'lh.room.queued':
            state.in_room[data['entry']] = InRoom(Side(data['side']), data['name'])
            state.queue.append(data['entry'])
        case 'lh.withdrawn':
            if event.actor.id in state.queue:
                state.queue.remove(event.actor.id)
        case 'lh.dequeued':
            if data['entry'] in state.queue:
                state.queue.remove(data['entry'])
        case 'lh.floor':
            pid = data['participant']
            if pid in state.queue:
                state.queue.remove(pid)
            state.speaker = pid
            state.turns.append(Turn(pid, Side(data['side']), event.at))
            state.timer = Timer(data['deadline'])
        case 'lh.turn.ended':
            if state.turns and state.turns[-1].end is None:
                state.turns[-1].end = event.at
            state.speaker = ''
            state.timer = Timer()
        case 'lh.auto_floor':
            state.auto_floor = data['auto']
        case 'lh.timer':
            state.timer = Timer(data['deadline'], data['left'])
        case 'lh.argument':
            state.arguments[data['argument']] = Argument(
                data['argument'], Side(data['side']), data['text'], data['speaker'], data['reply_to']
            )
        case 'lh.argument.struck':
            argument = state.arguments[data['argument']]
            argument.struck, argument.reason = True, data['reason']
        case 'lh.argument.restored':
            argument = state.arguments[data['argument']]
            argument.struck, argument.reason = False, ''
        case 'lh.debate.ended':
            state.stage = Stage.DISCUSSION
            state.queue.clear()
            state.timer = Timer()
        case 'lh.conclusions':
            state.conclusions = data['text']
    return state
