"""The incidentevaluatie's evolve: one event applied to the state (what decide validated, and the replay)."""

from __future__ import annotations

from typing import Any

from ..base import Event, Role
from .model import DESCRIPTION, Assessment, Cause, Needed, Origin, PlanKind, Recurrence, Stage, State, Status, Step


def evolve(state: State, event: Event) -> State:
    data = event.data
    match event.type:
        case 'incident.seconds':
            state.seconds[Step(data['step'])] = data['seconds']
        case 'incident.step':
            state.stage = Stage.RUNNING
            state.step = Step(data['step'])
            state.deadline, state.left = data['deadline'], None
        case 'incident.ended':
            state.stage = Stage.DONE
            state.deadline = state.left = None
        case 'incident.timer':
            state.deadline, state.left = data['deadline'], data['left']
        case 'incident.described':
            state.description = {name: data[name] for name in DESCRIPTION}
            state.channel = data['kanaal']
        case 'incident.cause':
            author = event.actor.id
            state.causes[data['item']] = Cause(
                data['item'], author, data['text'], Origin(data['origin']), Status(data['status'])
            )
            if event.actor.role is Role.PARTICIPANT:
                state.sent[author] = state.sent.get(author, 0) + 1
        case 'incident.moderated':
            for item_id, status in data['items'].items():
                state.causes[item_id].status = Status(status)
        case 'incident.edited':
            cause = state.causes[data['cause']]
            cause.text, cause.origin = data['text'], Origin(data['origin'])
        case 'incident.merged':
            cause = state.causes[data['cause']]
            cause.status, cause.into = Status.MERGED, data['into']
        case 'incident.classified':
            cause = state.causes[data['cause']]
            cause.factor, cause.outside = data['factor'], data['outside']
        case 'incident.assessed':
            state.assessments[data['cause']] = assessment_of(data)
    return state


def assessment_of(data: dict[str, Any]) -> Assessment:
    """The assessment an 'incident.assessed' event records."""
    return Assessment(
        Needed(data['needed']) if data['needed'] else None,
        data['measure'],
        data['owner'],
        data['term'],
        data['reason'],
        PlanKind(data['plan_kind']),
        data['influence'],
        data['action'],
        data['follow_up'],
        data['helped'],
        data['hindered'],
        Recurrence(data['recurrence']) if data['recurrence'] else None,
        data['recurrence_why'],
    )
