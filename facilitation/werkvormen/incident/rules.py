"""Gestructureerde incidentevaluatie: the seed's section 6 as a pure werkvorm, for the leidinggevende, the employee(s)
involved and the coördinator agressie en geweld, or the whole team in a werkoverleg.

1. beschrijven: what happened, where, when, through which channel, along the seed's picture of the interaction
   (medewerker–burger, spanning, incident, nazorg). Nothing that identifies the citizen: the fields ask for none,
   and text that looks like a name, an address, a BSN, a phone number, a postcode or an e-mail address is refused
   naming that part (pii.py), until rephrased or confirmed as identifying no one;
2. oorzaken: direct and indirect causes, from the phones held until the facilitator shows them (as the dilemma's
   contributions), curated on the console: shown, refused, edited or merged into another;
3. classificeren: each cause into the seed's groups of factors (organisatorisch, medewerkergebonden, technisch,
   burgergebonden, and the interaction), marked when it lies outside the organisation;
4. acties: per cause, whether action is needed (a measure with its owner and term, or why not), what helped and
   what hindered, and the chance of recurrence with why. A measure within the team's reach becomes a werkafspraak or
   a beleidspunt of the team plan, one outside it an escalatie (who does have influence, the action, the follow-up).

No blame: the causes are the system's, never the question whether the victim could have prevented it. Each step has
its clock (base.timer_change). The model is in model.py, evolve in evolve.py and the projections in projections.py;
this module decides and re-exports them, so `rules.X` is the one name the views, the exports and the tests use.
"""

from __future__ import annotations

import datetime
from typing import Any

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
    step_after,
    step_before,
    step_minutes,
    timer_change,
)
from .commands import (
    AddCause,
    ApproveAll,
    Assess,
    Classify,
    Describe,
    EditCause,
    EndEvaluation,
    GoToStep,
    IncidentCommand,
    MergeCause,
    NextStep,
    PreviousStep,
    SetStepSeconds,
)
from .evolve import assessment_of
from .evolve import evolve as evolve
from .model import *  # noqa: F403 (re-exported)
from .model import (
    DESCRIPTION,
    FACTOR_GROUP,
    MAX_CAUSE,
    MAX_CAUSES,
    MAX_FIELD,
    MAX_MEASURE,
    MAX_NOTE,
    MAX_OWN,
    MAX_OWNER,
    MAX_SECONDS,
    MAX_TITLE,
    MAX_WHERE,
    ORDER,
    BadDate,
    Cause,
    Channel,
    LooksIdentifying,
    Needed,
    NoInfluence,
    NoMeasure,
    NoOwner,
    NoReason,
    NoTerm,
    NotShown,
    Origin,
    PlanKind,
    Recurrence,
    Stage,
    State,
    Status,
    Step,
    TooMany,
    step_seconds,
)
from .pii import findings
from .projections import *  # noqa: F403 (re-exported)

Command = IncidentCommand | TimerCommand | ModerationCommand
ROLES = roles_of(IncidentCommand, TimerCommand, ModerationCommand)


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The werkvorm from its plan: {'title', 'minutes': {step: minutes}} (`check` False: a config from the log,
    checked when it was written)."""
    state = State()
    title = config.get('title', '')
    state.title = clean_text(title, 'title', MAX_TITLE, required=False) if check else title
    minutes = config.get('minutes') or {}
    if check:
        state.seconds.update(step_minutes(minutes, _step, _seconds))
    else:
        state.seconds.update({Step(name): value * 60 for name, value in minutes.items()})
    return state


def config_of(state: State) -> dict[str, Any]:
    return {'title': state.title, 'minutes': {s.value: state.seconds[s] // 60 for s in ORDER if s in state.seconds}}


def plan_minutes(state: State, minutes: int) -> State:
    """The session tells the werkvorm the minutes its agenda plans for it."""
    state.planned = minutes
    return state


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none)."""
    require_role(ctx, *ROLES[type(command)])
    if ctx.actor.role is Role.PARTICIPANT:
        return _decide_participant(state, command, ctx)
    match command:
        case SetStepSeconds(step, seconds):
            return [ctx.event('incident.seconds', step=_step(step).value, seconds=_seconds(seconds))]
        case NextStep():
            return [_to_step(state, step_after(ORDER, state.step, state.stage is Stage.DONE), ctx)]
        case PreviousStep():
            return [_to_step(state, step_before(ORDER, state.step, state.stage is Stage.DONE), ctx)]
        case GoToStep(step):
            target = _step(step)
            return [] if target is state.step and state.stage is Stage.RUNNING else [_to_step(state, target, ctx)]
        case EndEvaluation():
            if state.stage is not Stage.RUNNING:
                raise WrongPhase(phase=state.stage.value)
            return [ctx.event('incident.ended')]
        case PauseTimer() | ResumeTimer() | ExtendTimer() | StopTimer():
            if state.stage is not Stage.RUNNING:
                raise WrongPhase(phase='timer')
            change = timer_change(state.deadline, state.left, command, ctx.now)
            return [] if change is None else [ctx.event('incident.timer', deadline=change[0], left=change[1])]
        case Describe():
            return _described(state, command, ctx)
        case AddCause(text, origin, confirmed):
            return [_cause(state, text, origin, confirmed, Status.SHOWN, ctx)]
        case Approve(item_id) | Reject(item_id):
            cause = state.causes.get(item_id)
            if cause is not None and cause.status is Status.MERGED:
                raise UnknownItem(item=item_id)
            status = moderation(cause, command, Status.SHOWN, Status.REFUSED)
            return [] if status is None else [ctx.event('incident.moderated', items={item_id: status.value})]
        case ApproveAll():
            held = [c.id for c in state.held()]
            return [ctx.event('incident.moderated', items=dict.fromkeys(held, Status.SHOWN.value))] if held else []
        case EditCause(cause_id, text, origin, confirmed):
            cause = _shown(state, cause_id)
            clean = _checked(clean_text(text, 'cause', MAX_CAUSE), confirmed)
            kind = _origin(origin) if origin else cause.origin
            if (clean, kind) == (cause.text, cause.origin):
                return []
            return [ctx.event('incident.edited', cause=cause_id, text=clean, origin=kind.value)]
        case MergeCause(cause_id, into):
            _shown(state, cause_id)
            _shown(state, into)
            if cause_id == into:
                raise UnknownItem(item=str(into)[:20])
            return [ctx.event('incident.merged', cause=cause_id, into=into)]
        case Classify(cause_id, factor, outside):
            cause = _shown(state, cause_id)
            if factor and factor not in FACTOR_GROUP:
                raise UnknownItem(item=str(factor)[:20])
            given = (str(factor), bool(outside) and bool(factor))
            if given == (cause.factor, cause.outside):
                return []
            return [ctx.event('incident.classified', cause=cause_id, factor=given[0], outside=given[1])]
        case Assess():
            return _assessed(state, command, ctx)
    raise WrongPhase(phase='unknown-command')


def _decide_participant(state: State, command: Command, ctx: Context) -> list[Event]:
    match command:
        case AddCause(text, origin, confirmed):
            if state.stage is not Stage.RUNNING or state.step is not Step.OORZAKEN:
                raise WrongPhase(phase=str(state.step or state.stage))
            if state.sent.get(ctx.actor.id, 0) >= MAX_OWN:
                raise TooMany()
            return [_cause(state, text, origin, confirmed, Status.PENDING, ctx)]
    raise WrongPhase(phase='unknown-command')


def _to_step(state: State, step: Step, ctx: Context) -> Event:
    seconds = step_seconds(state)[step]
    return ctx.event('incident.step', step=step.value, deadline=ctx.now + seconds if seconds else None)


def _step(value: object) -> Step:
    try:
        return Step(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None


def _seconds(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SECONDS:
        raise WrongPhase(phase='seconds')
    return value


def _origin(value: object) -> Origin:
    try:
        return Origin(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None


def _checked(text: str, confirmed: object) -> str:
    """`text` as it is kept: refused, naming the first part that looks identifying, unless the sender confirmed
    that it identifies no one."""
    if not confirmed:
        for finding in findings(text):
            raise LooksIdentifying(finding.text, finding.kind.value)
    return text


def _shown(state: State, cause_id: object) -> Cause:
    """A cause the room was shown (else refused: unknown, or not on the screen)."""
    cause = state.causes.get(str(cause_id))
    if cause is None:
        raise UnknownItem(item=str(cause_id)[:20])
    if cause.status is not Status.SHOWN:
        raise NotShown()
    return cause


def _cause(state: State, text: str, origin: str, confirmed: bool, status: Status, ctx: Context) -> Event:
    if state.stage is Stage.DONE:
        raise WrongPhase(phase=state.stage.value)
    if len(state.causes) >= MAX_CAUSES:
        raise TooMany()
    return ctx.event(
        'incident.cause',
        item=f'c{len(state.causes) + 1}',  # causes are never deleted (only refused or merged): ids stay unique
        text=_checked(clean_text(text, 'cause', MAX_CAUSE), confirmed),
        origin=_origin(origin).value,
        status=status.value,
    )


def _described(state: State, command: Describe, ctx: Context) -> list[Event]:
    if state.stage is Stage.DONE:
        raise WrongPhase(phase=state.stage.value)
    fields = {
        name: clean_text(
            getattr(command, name),
            name,
            MAX_WHERE if name in ('waar', 'wanneer') else MAX_FIELD,
            required=False,
            multiline=name not in ('waar', 'wanneer'),
        )
        for name in DESCRIPTION
    }
    for text in fields.values():
        _checked(text, command.confirmed)
    if command.kanaal and command.kanaal not in {c.value for c in Channel}:
        raise UnknownItem(item=str(command.kanaal)[:20])
    if fields == state.description and command.kanaal == state.channel:
        return []
    return [ctx.event('incident.described', kanaal=str(command.kanaal), **fields)]


def _date(value: object) -> str:
    if value in ('', None):
        return ''
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise BadDate(value=str(value)[:20]) from None


def _assessed(state: State, command: Assess, ctx: Context) -> list[Event]:
    """Step 4 for one cause: a measure needs its owner and term (and, outside the team's reach, who does have
    influence); no action needs a reason why not."""
    if state.stage is Stage.DONE:
        raise WrongPhase(phase=state.stage.value)
    _shown(state, command.cause_id)
    needed = _enum(Needed, command.needed) if command.needed else None
    kind = _enum(PlanKind, command.plan_kind)
    recurrence = _enum(Recurrence, command.recurrence) if command.recurrence else None
    notes = {
        name: clean_text(getattr(command, name), name, MAX_NOTE, required=False, multiline=True)
        for name in ('reason', 'action', 'helped', 'hindered', 'recurrence_why')
    }
    measure = clean_text(command.measure, 'measure', MAX_MEASURE, required=False, multiline=True)
    owner = clean_text(command.owner, 'owner', MAX_OWNER, required=False)
    influence = clean_text(command.influence, 'influence', MAX_OWNER, required=False)
    term, follow_up = _date(command.term), _date(command.follow_up)
    for text in (measure, *notes.values()):
        _checked(text, command.confirmed)
    if needed is Needed.JA:
        if not measure:
            raise NoMeasure()
        if not owner:
            raise NoOwner()
        if not term:
            raise NoTerm()
        if kind is PlanKind.ESCALATIE and not influence:
            raise NoInfluence()
    if needed is Needed.NEE and not notes['reason']:
        raise NoReason()
    escalation = needed is Needed.JA and kind is PlanKind.ESCALATIE
    data = {
        'cause': command.cause_id,
        'needed': needed.value if needed else '',
        'measure': measure if needed is Needed.JA else '',
        'owner': owner if needed is Needed.JA else '',
        'term': term if needed is Needed.JA else '',
        'reason': notes['reason'] if needed is Needed.NEE else '',
        'plan_kind': kind.value,
        'influence': influence if escalation else '',
        'action': notes['action'] if escalation else '',
        'follow_up': follow_up if escalation else '',
        'helped': notes['helped'],
        'hindered': notes['hindered'],
        'recurrence': recurrence.value if recurrence else '',
        'recurrence_why': notes['recurrence_why'],
    }
    if state.assessments.get(command.cause_id) == assessment_of(data):
        return []  # the same again (a double click)
    return [ctx.event('incident.assessed', **data)]


def _enum(kind: Any, value: object) -> Any:
    try:
        return kind(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None
