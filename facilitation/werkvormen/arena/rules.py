"""Arenagesprek: the seed's section 5.1 as a pure werkvorm.

Participants sit in an inner ring (binnenring) or an outer ring (buitenring), for example leidinggevenden inside
and medewerkers outside. In the first round the gespreksleider asks the inner ring questions (about experiences
with aggression, the impact of incidents, expectations of the organisation, success factors and points to
improve, dilemmas); in the second round the outer ring asks the inner ring questions to understand their story
better, and a dialogue begins. Rules kept here:

- questions from phones are held for the gespreksleider (moderation) before anything is shown; an approved
  question can be supported by the outer ring, one support per person; the gespreksleider picks the next one;
- rounds and questions have a planned duration; the clock is derived from events (a deadline, or the time left
  when paused), so it is right after a restart or a reload; it can be paused, extended or skipped;
- key points are recorded with a tag, for the summary that the team uses in its werkoverleg (no recordings).
"""

from __future__ import annotations

from ..base import (
    Approve,
    Context,
    Event,
    ExtendTimer,
    ModerationCommand,
    PauseTimer,
    Reject,
    ResumeTimer,
    Role,
    StopTimer,
    TimerCommand,
    UnknownItem,
    WrongPhase,
    clean_text,
    moderation,
    require_role,
    roles_of,
    timer_change,
)
from . import model, projections
from .commands import (
    DEFAULT_QUESTION_SECONDS,
    AcceptSwitch,
    AddQuestion,
    AllowRingChoice,
    AllowSwitch,
    ArenaCommand,
    AskQuestion,
    AssignRing,
    ChooseRing,
    DeclineSwitch,
    EndArena,
    EndQuestion,
    EndRound,
    PickQuestion,
    PlaceNewcomers,
    RecordPoint,
    RemovePoint,
    RemoveQuestion,
    RequestSwitch,
    SetRoundSeconds,
    StartRound,
    SubmitQuestion,
    Support,
)
from .model import *  # noqa: F403  (re-exported, see __all__)
from .model import (
    MAX_OUTER_QUESTIONS,
    MAX_POINT,
    MAX_POINTS,
    MAX_QUESTION,
    MAX_QUESTIONS,
    Current,
    KeyPoint,
    ListeningRound,
    NotInRing,
    OuterQuestion,
    PlannedQuestion,
    Ring,
    Stage,
    State,
    Status,
    Tag,
    WrongRing,
    checked_ring,
    checked_seconds,
    checked_tag,
    outer_may_ask,
)
from .projections import *  # noqa: F403  (re-exported, see __all__)

# The rules are the werkvorm's one module to the rest of Samenspel (the registry, the views, the exports, the tests):
# its state and its projections are re-exported here, beside decide, evolve and the commands they take.
__all__ = [*model.__all__, *projections.__all__, 'Command', 'ROLES', 'decide', 'evolve']

# --- commands --------------------------------------------------------------------------------------------------------

# The commands are in commands.py, each declaring who may give it: decide enforces that, and
# tests/test_authorisation.py checks every pair against it.
Command = ArenaCommand | TimerCommand | ModerationCommand
ROLES = roles_of(ArenaCommand, TimerCommand, ModerationCommand)


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none)."""
    require_role(ctx, *ROLES[type(command)])
    if ctx.actor.role is Role.PARTICIPANT:
        return _decide_participant(state, command, ctx)
    if state.stage is Stage.DONE and not isinstance(command, RecordPoint | RemovePoint):
        raise WrongPhase(phase=state.stage.value)  # after the arena only the summary's key points can change
    match command:
        case AssignRing(participant_id, ring):
            chosen = Ring(checked_ring(ring))
            if participant_id not in ctx.participants:
                raise UnknownItem(item=participant_id)
            if state.members.get(participant_id) is chosen:
                return []
            return [ctx.event('arena.placed', members={participant_id: chosen.value})]
        case PlaceNewcomers(ring):
            target = checked_ring(ring)
            newcomers = sorted(p for p in ctx.participants if p not in state.members)
            return [ctx.event('arena.placed', members=dict.fromkeys(newcomers, target))] if newcomers else []
        case AllowRingChoice(allowed):
            return [] if bool(allowed) == state.ring_choice else [ctx.event('arena.ring_choice', allowed=bool(allowed))]
        case AllowSwitch(allowed):
            return [] if bool(allowed) == state.switch_allowed else [ctx.event('arena.switch', allowed=bool(allowed))]
        case AcceptSwitch(participant_id) | DeclineSwitch(participant_id):
            if participant_id not in state.switch_requests:
                raise UnknownItem(item=participant_id)
            return [
                ctx.event(
                    'arena.switch.answered', participant=participant_id, accepted=isinstance(command, AcceptSwitch)
                )
            ]
        case AddQuestion(text, seconds, tag):
            if len(state.questions) >= MAX_QUESTIONS:
                raise WrongPhase(phase='full')
            clean = clean_text(text, 'question', MAX_QUESTION)
            return [
                ctx.event(
                    'arena.question.added',
                    question=f'q{state.counter + 1}',
                    text=clean,
                    seconds=checked_seconds(seconds),
                    tag=checked_tag(tag, required=False),
                )
            ]
        case RemoveQuestion(question_id):
            if question_id not in {q.id for q in state.questions}:
                raise UnknownItem(item=question_id)
            if question_id in state.asked:
                raise WrongPhase(phase='asked')
            return [ctx.event('arena.question.removed', question=question_id)]
        case SetRoundSeconds(round_id, seconds):
            if round_id not in {r.id for r in state.rounds}:
                raise UnknownItem(item=round_id)
            return [ctx.event('arena.round.planned', round=round_id, seconds=checked_seconds(seconds))]
        case StartRound(round_id):
            return _start_round(state, round_id, ctx)
        case EndRound():
            if not state.round:
                raise WrongPhase(phase='no-round')
            return [*_end_question(state, ctx), ctx.event('arena.round.ended', round=state.round)]
        case AskQuestion(question_id, text):
            return _ask(state, question_id, text, ctx)
        case PickQuestion(question_id):
            question = state.outer.get(question_id)
            if question is None:
                raise UnknownItem(item=question_id)
            if question.status is not Status.APPROVED:
                raise WrongPhase(phase=question.status.value)
            if not state.round:
                raise WrongPhase(phase='no-round')
            return [
                *_end_question(state, ctx),
                _asked(state, 'outer', question_id, question.text, DEFAULT_QUESTION_SECONDS, ctx),
            ]
        case EndQuestion():
            if state.current is None:
                raise WrongPhase(phase='no-question')
            return _end_question(state, ctx)
        case Approve(question_id) | Reject(question_id):
            status = moderation(state.outer.get(question_id), command, Status.APPROVED, Status.REJECTED)
            if status is None:
                return []
            if state.outer[question_id].status is Status.ASKED:
                raise WrongPhase(phase='asked')
            return [ctx.event('arena.moderated', question=question_id, status=status.value)]
        case RecordPoint(tag, text):
            if len(state.points) >= MAX_POINTS:
                raise WrongPhase(phase='full')
            clean = clean_text(text, 'point', MAX_POINT, multiline=True)
            point = f'k{state.point_counter + 1}'
            return [ctx.event('arena.point', point=point, tag=checked_tag(tag, required=True), text=clean)]
        case RemovePoint(point_id):
            if point_id not in {p.id for p in state.points}:
                raise UnknownItem(item=point_id)
            return [ctx.event('arena.point.removed', point=point_id)]
        case PauseTimer() | ResumeTimer() | ExtendTimer() | StopTimer():
            return _clock(state, command, ctx)
        case EndArena():
            ended = [ctx.event('arena.round.ended', round=state.round)] if state.round else []
            return [*_end_question(state, ctx), *ended, ctx.event('arena.ended')]
    raise WrongPhase(phase='unknown-command')


def _start_round(state: State, round_id: str, ctx: Context) -> list[Event]:
    ids = [r.id for r in state.rounds]
    if round_id:
        if round_id not in ids:
            raise UnknownItem(item=round_id)
        chosen = round_id
    else:
        position = ids.index(state.round) + 1 if state.round in ids else 0
        if position >= len(ids):
            raise WrongPhase(phase='no-rounds')
        chosen = ids[position]
    if not any(r is Ring.BINNEN for r in state.members.values()):
        raise WrongPhase(phase='empty-inner-ring')
    seconds = next(r.seconds for r in state.rounds if r.id == chosen)
    events = [*_end_question(state, ctx)]
    if state.round:
        events.append(ctx.event('arena.round.ended', round=state.round))
    events.append(ctx.event('arena.round.started', round=chosen, deadline=ctx.now + seconds if seconds else None))
    return events


def _ask(state: State, question_id: str, text: str, ctx: Context) -> list[Event]:
    if not state.round:
        raise WrongPhase(phase='no-round')
    if text:
        clean = clean_text(text, 'question', MAX_QUESTION)
        return [*_end_question(state, ctx), _asked(state, 'typed', '', clean, DEFAULT_QUESTION_SECONDS, ctx)]
    if question_id:
        question = next((q for q in state.questions if q.id == question_id), None)
        if question is None:
            raise UnknownItem(item=question_id)
    else:
        question = next((q for q in state.questions if q.id not in state.asked), None)
        if question is None:
            raise WrongPhase(phase='no-questions')
    return [*_end_question(state, ctx), _asked(state, 'planned', question.id, question.text, question.seconds, ctx)]


def _asked(state: State, source: str, ref: str, text: str, seconds: int, ctx: Context) -> Event:
    deadline = ctx.now + seconds if seconds else None
    return ctx.event(
        'arena.asked', source=source, ref=ref, text=text, seconds=seconds, deadline=deadline, round=state.round
    )


def _end_question(state: State, ctx: Context) -> list[Event]:
    return [ctx.event('arena.question.ended')] if state.current is not None else []


def _clock(state: State, command: PauseTimer | ResumeTimer | ExtendTimer | StopTimer, ctx: Context) -> list[Event]:
    """Pausing and resuming stop and start the whole conversation (question and round); extending and skipping the
    clock act on the question when one is being talked about, else on the round."""
    if not state.round:
        raise WrongPhase(phase='no-round')
    current = state.current
    events: list[Event] = []
    if isinstance(command, PauseTimer | ResumeTimer):
        for scope, deadline, left in (
            ('round', state.round_deadline, state.round_left),
            ('question', current.deadline if current else None, current.left if current else None),
        ):
            if (deadline if isinstance(command, PauseTimer) else left) is not None:
                change = timer_change(deadline, left, command, ctx.now)
                if change is not None:
                    events.append(ctx.event('arena.timer', scope=scope, deadline=change[0], left=change[1]))
        if not events:
            raise WrongPhase(phase='timer')
        return events
    scope, deadline, left = (
        ('question', current.deadline, current.left)
        if current is not None
        else ('round', state.round_deadline, state.round_left)
    )
    change = timer_change(deadline, left, command, ctx.now)
    return [] if change is None else [ctx.event('arena.timer', scope=scope, deadline=change[0], left=change[1])]


def _decide_participant(state: State, command: Command, ctx: Context) -> list[Event]:
    pid = ctx.actor.id
    ring = state.members.get(pid)
    match command:
        case ChooseRing(chosen):
            if not state.ring_choice or state.stage is Stage.DONE:
                raise WrongPhase(phase='ring-choice')
            value = checked_ring(chosen)
            return [] if ring is not None and ring.value == value else [ctx.event('arena.placed', members={pid: value})]
    if ring is None:
        raise NotInRing()
    match command:
        case RequestSwitch():
            if not state.switch_allowed or state.stage is Stage.DONE:
                raise WrongPhase(phase='switch')
            if ring is not Ring.BUITEN:
                raise WrongRing()
            return [] if pid in state.switch_requests else [ctx.event('arena.switch.requested')]
        case SubmitQuestion(text, show_name):
            if ring is not Ring.BUITEN:
                raise WrongRing()
            if state.stage is not Stage.RUNNING:
                raise WrongPhase(phase=state.stage.value)
            if not outer_may_ask(state):
                raise ListeningRound()
            if len(state.outer) >= MAX_OUTER_QUESTIONS:
                raise WrongPhase(phase='full')
            clean = clean_text(text, 'question', MAX_QUESTION)
            question_id = f'o{len(state.outer) + 1}'  # outer questions are never removed: ids stay unique
            return [ctx.event('arena.submitted', question=question_id, text=clean, show_name=bool(show_name))]
        case Support(question_id):
            if ring is not Ring.BUITEN:
                raise WrongRing()
            if not question_id:
                return [ctx.event('arena.supported', question='')] if pid in state.support else []
            question = state.outer.get(question_id)
            if question is None or question.status is not Status.APPROVED:
                raise UnknownItem(item=question_id)  # pending, rejected or asked questions are not in the queue
            if state.support.get(pid) == question_id:
                return []
            return [ctx.event('arena.supported', question=question_id)]
    raise WrongPhase(phase='unknown-command')


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    match event.type:
        case 'arena.placed':
            for pid, ring in data['members'].items():
                state.members[pid] = Ring(ring)
                if pid in state.switch_requests:
                    state.switch_requests.remove(pid)
                if state.members[pid] is Ring.BINNEN:
                    state.support.pop(pid, None)  # supports belong to the outer ring
        case 'arena.ring_choice':
            state.ring_choice = data['allowed']
        case 'arena.switch':
            state.switch_allowed = data['allowed']
        case 'arena.switch.requested':
            state.switch_requests.append(event.actor.id)
        case 'arena.switch.answered':
            pid = data['participant']
            if pid in state.switch_requests:
                state.switch_requests.remove(pid)
            if data['accepted']:
                state.members[pid] = Ring.BINNEN
                state.support.pop(pid, None)  # supports belong to the outer ring
        case 'arena.question.added':
            state.counter += 1
            state.questions.append(PlannedQuestion(data['question'], data['text'], data['seconds'], data['tag']))
        case 'arena.question.removed':
            state.questions = [q for q in state.questions if q.id != data['question']]
        case 'arena.round.planned':
            for r in state.rounds:
                if r.id == data['round']:
                    r.seconds = data['seconds']
        case 'arena.round.started':
            state.stage = Stage.RUNNING
            state.round = data['round']
            state.round_deadline, state.round_left = data['deadline'], None
        case 'arena.round.ended':
            state.round = ''
            state.round_deadline = state.round_left = None
        case 'arena.asked':
            state.current = Current(data['source'], data['ref'], data['text'], data['seconds'], data['deadline'])
            state.history.append((data['round'], data['text']))
            if data['source'] == 'planned':
                state.asked.append(data['ref'])
            elif data['source'] == 'outer':
                state.outer[data['ref']].status = Status.ASKED
                for supporter, question in list(state.support.items()):
                    if question == data['ref']:
                        del state.support[supporter]  # asked: the supporters are free to support another
        case 'arena.question.ended':
            state.current = None
        case 'arena.timer':
            if data['scope'] == 'round':
                state.round_deadline, state.round_left = data['deadline'], data['left']
            elif state.current is not None:
                state.current.deadline, state.current.left = data['deadline'], data['left']
        case 'arena.submitted':
            state.sent_by.setdefault(event.actor.id, []).append(data['question'])
            state.outer[data['question']] = OuterQuestion(
                data['question'], event.actor.id, data['text'], data['show_name']
            )
        case 'arena.moderated':
            state.outer[data['question']].status = Status(data['status'])
            if data['status'] == Status.REJECTED.value:
                for supporter, question in list(state.support.items()):
                    if question == data['question']:
                        del state.support[supporter]
        case 'arena.supported':
            if data['question']:
                state.support[event.actor.id] = data['question']
            else:
                state.support.pop(event.actor.id, None)
        case 'arena.point':
            state.point_counter += 1
            state.points.append(KeyPoint(data['point'], Tag(data['tag']), data['text']))
        case 'arena.point.removed':
            state.points = [p for p in state.points if p.id != data['point']]
        case 'arena.ended':
            state.stage = Stage.DONE
            state.current = None
            state.round = ''
    return state
