"""A session room as a pure state machine: participants, a programme of activities, settings.

Session-level commands are decided here; a command for an activity is authorised at session level (joined, the
activity is the current one, the session is open) and then handed to its werkvorm module's own decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .i18n import LANGUAGES
from .werkvormen.base import (
    BOTH,
    FACILITATOR,
    PARTICIPANT,
    Actor,
    Command,
    Context,
    DomainError,
    Event,
    NotJoined,
    Role,
    SessionClosed,
    UnknownItem,
    WrongPhase,
    clean_text,
    require_role,
    roles_of,
)
from .werkvormen.registry import WERKVORMEN

MAX_NAME = 40
MAX_TITLE = 120
MAX_SESSION_NAME = 100
MAX_ACTIVITIES = 50
MIN_REVEAL_DEFAULT = 3
MAX_CHECKLIST = 20  # outcomes on a meeting's checklist
MAX_OUTCOME = 200
MAX_MINUTES = 600
MAX_PARTICIPANTS = 5000  # far above a meeting (the benchmark holds 2,000), low enough that a flood cannot fill memory


class ActivityNotActive(DomainError):
    key = 'error.activity_not_active'


class SessionFull(DomainError):
    key = 'error.session_full'


@dataclass
class Participant:
    id: str
    name: str  # empty: anonymous
    joined_at: float


@dataclass
class Activity:
    id: str
    kind: str
    title: str
    state: Any
    minutes: int = 0  # planned on the agenda (0: not planned)


@dataclass
class Outcome:
    """One line of the meeting's checklist (the werkoverleg's intended outcomes), ticked off as it happens."""

    text: str
    done: bool = False


@dataclass
class SessionState:
    id: str
    code: str = ''
    name: str = ''
    team: str = ''
    created_at: float = 0.0
    min_reveal: int = MIN_REVEAL_DEFAULT
    closed: bool = False
    participants: dict[str, Participant] = field(default_factory=dict)
    activities: dict[str, Activity] = field(default_factory=dict)
    current_activity: str | None = None
    timeline: list[tuple[str, float]] = field(default_factory=list)  # (activity, when it was started), in order
    closed_at: float = 0.0
    closed_spans: list[tuple[float, float]] = field(default_factory=list)  # (closed, reopened): not on the agenda
    checklist: list[Outcome] = field(default_factory=list)
    way_in: bool | None = None  # the projector's large QR: shown, hidden, or None (as the programme goes)
    projector_language: str | None = None  # set by the console; None: the projector's own browser decides

    @property
    def activity(self) -> Activity | None:
        return self.activities.get(self.current_activity) if self.current_activity else None


# --- commands --------------------------------------------------------------------------------------------------------


class SessionCommand(Command):
    """A command to the session itself (ForActivity carries one of an activity's werkvorm)."""


@dataclass(frozen=True)
class CreateSession(SessionCommand):
    roles = FACILITATOR
    name: str
    team: str
    code: str
    min_reveal: int = MIN_REVEAL_DEFAULT


@dataclass(frozen=True)
class Join(SessionCommand):
    roles = PARTICIPANT
    name: str = ''


@dataclass(frozen=True)
class Rename(SessionCommand):
    roles = PARTICIPANT
    name: str


@dataclass(frozen=True)
class AddActivity(SessionCommand):
    roles = FACILITATOR
    kind: str
    title: str
    config: dict[str, Any] = field(default_factory=dict)
    minutes: int = 0  # planned time on the agenda


@dataclass(frozen=True)
class PlanMinutes(SessionCommand):
    """Plan (or re-plan) an activity's time on the agenda (0: not planned)."""

    roles = FACILITATOR
    activity_id: str
    minutes: int


@dataclass(frozen=True)
class StartActivity(SessionCommand):
    roles = FACILITATOR
    activity_id: str


@dataclass(frozen=True)
class ChangeSettings(SessionCommand):
    roles = FACILITATOR
    min_reveal: int


@dataclass(frozen=True)
class CloseSession(SessionCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class ChangeTeam(SessionCommand):
    """The team this session belongs to (its plan is reviewed and filled from here)."""

    roles = FACILITATOR
    team: str


@dataclass(frozen=True)
class SetChecklist(SessionCommand):
    """The outcomes this meeting means to reach (from its session plan, or typed)."""

    roles = FACILITATOR
    outcomes: tuple[str, ...]


@dataclass(frozen=True)
class TickOutcome(SessionCommand):
    roles = FACILITATOR
    index: int
    done: bool = True


@dataclass(frozen=True)
class ReopenSession(SessionCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class ShowWayIn(SessionCommand):
    """Show the way in (large QR, code, address) on the projector for latecomers, or hide it."""

    roles = FACILITATOR
    shown: bool


@dataclass(frozen=True)
class SetProjectorLanguage(SessionCommand):
    """The language the projector speaks (the console decides: nobody walks to the beamer to switch it)."""

    roles = FACILITATOR
    language: str


@dataclass(frozen=True)
class ForActivity(SessionCommand):
    """A werkvorm command addressed to one activity (explicit, so a stale click never hits the next activity)."""

    roles = BOTH  # and then those its werkvorm gives the command it carries
    activity_id: str
    command: Any


# --- decide ----------------------------------------------------------------------------------------------------------


# Who may give which session command, as each declares (an activity command is then checked again by its werkvorm).
ROLES = roles_of(SessionCommand)


def decide(state: SessionState, command: SessionCommand, ctx: Context) -> list[Event]:
    """Return the events `command` causes in this session; raise a DomainError (nothing changes) when refused."""
    require_role(ctx, *ROLES[type(command)])
    role = ctx.actor.role
    if isinstance(command, CreateSession):
        if state.created_at:
            raise WrongPhase(phase='created')
        return [
            ctx.event(
                'session.created',
                name=clean_text(command.name, 'name', MAX_SESSION_NAME),
                team=clean_text(command.team, 'team', MAX_SESSION_NAME, required=False),
                code=command.code,
                min_reveal=_checked_min_reveal(command.min_reveal),
            )
        ]
    if isinstance(command, ReopenSession):
        return [ctx.event('session.reopened')] if state.closed else []
    if state.closed:
        raise SessionClosed()
    if role is Role.PARTICIPANT:
        return _decide_participant(state, command, ctx)
    match command:
        case AddActivity(kind, title, config, minutes):
            if kind not in WERKVORMEN:
                raise UnknownItem(item=kind)
            if len(state.activities) >= MAX_ACTIVITIES:
                raise WrongPhase(phase='full')
            _checked_minutes(minutes)
            checked = WERKVORMEN[kind].rules.new_state(config)  # validated and normalised before it enters the log
            return [
                ctx.event(
                    'activity.added',
                    activity=f'a{len(state.activities) + 1}',
                    kind=kind,
                    title=clean_text(title, 'title', MAX_TITLE),
                    config=WERKVORMEN[kind].rules.config_of(checked),
                    minutes=minutes,
                )
            ]
        case PlanMinutes(activity_id, minutes):
            activity = state.activities.get(activity_id) if isinstance(activity_id, str) else None
            if activity is None:
                raise UnknownItem(item=str(activity_id)[:10])
            _checked_minutes(minutes)
            return (
                []
                if minutes == activity.minutes
                else [ctx.event('activity.minutes', activity=activity_id, minutes=minutes)]
            )
        case StartActivity(activity_id):
            if activity_id not in state.activities:
                raise UnknownItem(item=activity_id)
            return (
                [] if activity_id == state.current_activity else [ctx.event('activity.started', activity=activity_id)]
            )
        case ChangeSettings(min_reveal):
            return [ctx.event('settings.changed', min_reveal=_checked_min_reveal(min_reveal))]
        case CloseSession():
            return [ctx.event('session.closed')]
        case ChangeTeam(team):
            clean = clean_text(team, 'team', MAX_SESSION_NAME, required=False)
            return [] if clean == state.team else [ctx.event('session.team', team=clean)]
        case SetChecklist(outcomes):
            if not isinstance(outcomes, list | tuple) or len(outcomes) > MAX_CHECKLIST:
                raise WrongPhase(phase='checklist')
            texts = [clean_text(text, 'outcome', MAX_OUTCOME) for text in outcomes]
            return [ctx.event('checklist.set', outcomes=texts)]
        case TickOutcome(index, done):
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(state.checklist):
                raise UnknownItem(item=str(index)[:10])
            if state.checklist[index].done == bool(done):
                return []
            return [ctx.event('checklist.ticked', index=index, done=bool(done))]
        case ShowWayIn(shown):
            if not isinstance(shown, bool):
                raise WrongPhase(phase='way-in')
            return [] if state.way_in is shown else [ctx.event('session.way_in', shown=shown)]
        case SetProjectorLanguage(language):
            if language not in LANGUAGES:
                raise WrongPhase(phase='language')
            same = state.projector_language == language
            return [] if same else [ctx.event('session.projector_language', language=language)]
        case ForActivity(activity_id, inner):
            return _delegate(state, activity_id, inner, ctx)
    raise WrongPhase(phase='unknown-command')


def _decide_participant(state: SessionState, command: SessionCommand, ctx: Context) -> list[Event]:
    pid = ctx.actor.id
    match command:
        case Join(name):
            if pid in state.participants:
                return []
            if len(state.participants) >= MAX_PARTICIPANTS:
                raise SessionFull(max=MAX_PARTICIPANTS)
            return [ctx.event('participant.joined', name=clean_text(name, 'name', MAX_NAME, required=False))]
        case Rename(name):
            if pid not in state.participants:
                raise NotJoined()
            clean = clean_text(name, 'name', MAX_NAME, required=False)
            return [] if clean == state.participants[pid].name else [ctx.event('participant.renamed', name=clean)]
        case ForActivity(activity_id, inner):
            if pid not in state.participants:
                raise NotJoined()
            if activity_id != state.current_activity:
                raise ActivityNotActive()
            return _delegate(state, activity_id, inner, ctx)
    raise WrongPhase(phase='unknown-command')


def _delegate(state: SessionState, activity_id: str, command: Any, ctx: Context) -> list[Event]:
    activity = state.activities.get(activity_id)
    if activity is None:
        raise UnknownItem(item=activity_id)
    # a view, not a copy: votes stay O(1); the minimum is passed so a werkvorm records it with what it reveals
    people = state.participants
    inner = Context(
        ctx.actor, ctx.now, people.keys(), state.min_reveal, lambda pid: bool((p := people.get(pid)) and p.name)
    )
    events = WERKVORMEN[activity.kind].rules.decide(activity.state, command, inner)
    return [Event(e.type, {'activity': activity_id, **e.data}, e.actor, e.at) for e in events]


def _checked_minutes(minutes: object) -> None:
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= MAX_MINUTES:
        raise WrongPhase(phase='minutes')


def _checked_min_reveal(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 50:
        raise WrongPhase(phase='min-reveal')
    return value


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: SessionState, event: Event) -> SessionState:
    """Apply one event to the session (and to its activity when the event carries one)."""
    data = event.data
    match event.type:
        case 'session.created':
            state.name, state.team, state.code = data['name'], data['team'], data['code']
            state.min_reveal, state.created_at = data['min_reveal'], event.at
        case 'participant.joined':
            state.participants[event.actor.id] = Participant(event.actor.id, data['name'], event.at)
        case 'participant.renamed':
            state.participants[event.actor.id].name = data['name']
        case 'activity.added':
            kind = data['kind']
            state.activities[data['activity']] = Activity(
                data['activity'],
                kind,
                data['title'],
                WERKVORMEN[kind].rules.new_state(data['config'], check=False),
                data.get('minutes', 0),  # logs from before the agenda have none
            )
            _tell_planned(state.activities[data['activity']])
        case 'activity.minutes':
            state.activities[data['activity']].minutes = data['minutes']
            _tell_planned(state.activities[data['activity']])
        case 'activity.started':
            state.current_activity = data['activity']
            state.timeline.append((data['activity'], event.at))
        case 'settings.changed':
            state.min_reveal = data['min_reveal']
        case 'session.closed':
            state.closed = True
            state.closed_at = event.at
        case 'session.reopened':
            state.closed = False
            state.closed_spans.append((state.closed_at, event.at))
        case 'session.team':
            state.team = data['team']
        case 'checklist.set':
            state.checklist = [Outcome(text) for text in data['outcomes']]
        case 'checklist.ticked':
            state.checklist[data['index']].done = data['done']
        case 'session.way_in':
            state.way_in = data['shown']
        case 'session.projector_language':
            state.projector_language = data['language']
        case _ if 'activity' in data:
            activity = state.activities[data['activity']]
            activity.state = WERKVORMEN[activity.kind].rules.evolve(activity.state, event)
    return state


def _tell_planned(activity: Activity) -> None:
    """A werkvorm that divides its planned minutes over its parts (`plan_minutes`: the dilemma's steps) hears them."""
    plan = getattr(WERKVORMEN[activity.kind].rules, 'plan_minutes', None)
    if plan is not None:
        activity.state = plan(activity.state, activity.minutes)


def time_used(state: SessionState, now: float) -> dict[str, float]:
    """Seconds each activity has been the current one (the agenda's time used), up to `now` or the session's close;
    the time the session was closed (and then reopened) counts for none."""
    used = dict.fromkeys(state.activities, 0.0)
    end = state.closed_at if state.closed else now
    for (activity, began), following in zip(state.timeline, [*state.timeline[1:], None], strict=False):
        until = following[1] if following is not None else end
        closed = sum(max(0.0, min(until, reopened) - max(began, shut)) for shut, reopened in state.closed_spans)
        used[activity] = used.get(activity, 0.0) + max(0.0, until - began - closed)
    return used


def replay(session_id: str, events: list[Event]) -> SessionState:
    """The state of a session is the fold of its events."""
    state = SessionState(session_id)
    for event in events:
        evolve(state, event)
    return state


def facilitator(now: float) -> Context:
    return Context(Actor(Role.FACILITATOR, 'facilitator'), now)
