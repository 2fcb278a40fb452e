"""Teamplan: the outcomes of sessions that carry over, as a pure, event-sourced plan (seed: "Borg de leer- en
ontwikkelaanpak").

A team records what it will do (activiteit/afspraak), the expected result, the term and who owns it. Matters the
team cannot solve itself (escalaties) also get a place: who does have influence, the action taken towards them,
what was agreed and when to follow up. Results that succeeded are celebrated; items not yet succeeded are carried
into the next planning. Only the facilitator changes the plan. Rules kept here:

- status moves: gepland <-> bezig; both may end as gelukt, niet_gelukt or vervallen; an ended item can only be
  reopened to gepland (a correction), so a status never jumps from one end to another;
- carrying over makes a NEW item (gepland, new term, `carried_from` the old one); the old one becomes doorgeschoven
  (ended: only the new one is open), keeps its history, and is not carried twice; gelukt and vervallen items are not
  carried; a doorgeschoven item's status changes no more while its successor exists (reopened to gepland only when
  that successor was removed);
- an open item is concrete once it has a beoogd resultaat and a termijn (seed: "niet alleen wat er wanneer gaat
  gebeuren, maar ook welk resultaat dat moet opleveren en op welke termijn"); `missing` says what it still lacks;
- escalation fields belong to escalatie items only; changing an item's kind away from escalatie clears them;
- an agreement keeps what it rests on (`basis`, "op basis waarvan"): a handelingsafspraak from the dilemma says so;
- a learning goal (teamleerdoel, individueel leerdoel) may have its kind of offer (kennis, vaardigheden, coaching);
  no other kind has one, and an item that stops being a learning goal loses it;
- over time, the plan keeps each closed leerdoelwijzer or ontwikkelmatrix round of the team as its team-level shares
  of need (never an answer, nor who gave it), once per round (session, activity); the latest of an instrument is the
  baseline of the team's next round of it (werkvormen/leerdoelen/history.py).

Its parts are modules of their own: the state, vocabulary and checks in teamplan_model.py, the commands in
teamplan_commands.py, the plan as a file in teamplan_json.py. This module is the plan's one module to the rest of
Samenspel (the views, the exports, the tests): decide, evolve and the projections are here, the rest re-exported.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta

from . import teamplan_commands, teamplan_json, teamplan_model
from .teamplan_commands import *  # noqa: F403  (re-exported, see __all__)
from .teamplan_commands import (
    ROLES,
    AddItem,
    CarryOver,
    Command,
    EditItem,
    ImportPlan,
    RecordMeasurement,
    RemoveItem,
    SetStatus,
    SetTeam,
)
from .teamplan_json import *  # noqa: F403  (re-exported, see __all__)
from .teamplan_json import plan_from_json, plan_json
from .teamplan_model import *  # noqa: F403  (re-exported, see __all__)
from .teamplan_model import (
    CARRIABLE,
    EDITABLE,
    ESCALATION_FIELDS,
    FINAL,
    LEARNING_GOALS,
    MAX_ITEMS,
    MAX_MEASUREMENTS,
    MAX_NAME,
    TRANSITIONS,
    InvalidTransition,
    Item,
    Kind,
    Measurement,
    MovedOn,
    NotAnEscalation,
    NotCarriable,
    Origin,
    State,
    Status,
    Team,
    check_date,
    check_field,
    check_measurement,
    check_origin,
    check_status,
    end_carried,
    instruments,
    learning_goal_only,
)
from .werkvormen.base import Context, EmptyText, Event, UnknownItem, WrongPhase, clean_text, require_role

__all__ = [
    *teamplan_model.__all__,
    *teamplan_commands.__all__,
    *teamplan_json.__all__,
    'CONCRETE',
    'MeasuredRound',
    'MeasuredSection',
    'celebrate',
    'decide',
    'due',
    'evolve',
    'follow_up_overdue',
    'is_overdue',
    'items_by_kind',
    'latest_measurement',
    'measured',
    'missing',
    'next_statuses',
    'not_succeeded',
    'over_time',
    'successor',
    'to_review',
    'waiting_on_others',
]


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """The events of `command`, or a DomainError: NotAllowed for anyone but the facilitator, EmptyText/TextTooLong,
    InvalidDate, UnknownItem, InvalidTransition, NotCarriable, NotAnEscalation, WrongPhase('full')."""
    roles = ROLES.get(type(command))
    if roles is None:
        raise WrongPhase(phase='unknown-command')
    require_role(ctx, *roles)
    match command:
        case SetTeam(name, unit, function_group):
            team = Team(
                clean_text(name, 'name', MAX_NAME),
                clean_text(unit, 'unit', MAX_NAME, required=False),
                clean_text(function_group, 'function_group', MAX_NAME, required=False),
            )
            return [] if team == state.team else [ctx.event('plan.team', **asdict(team))]
        case AddItem():
            values = {name: check_field(name, getattr(command, name)) for name in EDITABLE}
            _escalation_only(values['kind'], values)
            learning_goal_only(values['kind'], values)
            return [_added(state, 'plan.item.added', values, check_origin(command.origin), '', ctx)]
        case EditItem(item_id):
            return _edit(_item(state, item_id), command, ctx)
        case SetStatus(item_id, status):
            item, wanted = _item(state, item_id), check_status(status)
            if wanted is item.status:
                return []
            if next_one := successor(state, item.id):  # reopening it would show the same matter open twice
                raise MovedOn(item=item.id, successor=next_one)
            if wanted not in TRANSITIONS[item.status]:
                raise InvalidTransition(status=item.status.value, to=wanted.value)
            return [ctx.event('plan.item.status', item=item.id, status=wanted.value)]
        case RemoveItem(item_id):
            return [ctx.event('plan.item.removed', item=_item(state, item_id).id)]
        case CarryOver(item_id, term):
            item = _item(state, item_id)
            if item.status not in CARRIABLE:
                raise NotCarriable(status=item.status.value)
            if successor(state, item.id):
                raise NotCarriable(status='carried')
            new_term = check_date(term, 'term')
            if not new_term:
                raise EmptyText(field='term')
            values = {name: str(getattr(item, name)) for name in EDITABLE} | {'term': new_term}
            return [_added(state, 'plan.item.carried', values, item.origin, item.id, ctx)]
        case RecordMeasurement():
            given = {f.name: getattr(command, f.name) for f in fields(Measurement)}
            measurement = check_measurement(Measurement(**given))
            if measured(state, measurement.session_code, measurement.activity_id):
                return []  # kept once: a second call for the same round changes nothing
            return [ctx.event('plan.measured', **asdict(measurement))]
        case ImportPlan(text):
            imported = plan_from_json(text)  # checked as every command is: a bad file changes nothing
            return [ctx.event('plan.imported', plan=json.loads(plan_json(imported)))]
    raise WrongPhase(phase='unknown-command')


def _escalation_only(kind: str, values: dict[str, str]) -> None:
    if kind != Kind.ESCALATIE and any(values.get(name) for name in ESCALATION_FIELDS):
        raise NotAnEscalation(kind=kind)


def _added(state: State, type_: str, values: dict[str, str], origin: Origin, source: str, ctx: Context) -> Event:
    if len(state.items) >= MAX_ITEMS:
        raise WrongPhase(phase='full')
    return ctx.event(type_, item=f'p{state.counter + 1}', **values, origin=asdict(origin), carried_from=source)


def _edit(item: Item, command: EditItem, ctx: Context) -> list[Event]:
    given = {name: value for name in EDITABLE if (value := getattr(command, name)) is not None}
    changes = {
        name: checked for name, value in given.items() if (checked := check_field(name, value)) != getattr(item, name)
    }
    kind = changes.get('kind', item.kind.value)
    _escalation_only(kind, changes)
    learning_goal_only(kind, changes)
    if kind != Kind.ESCALATIE:
        changes |= {name: '' for name in ESCALATION_FIELDS if getattr(item, name)}  # no longer an escalation
    if kind not in LEARNING_GOALS and item.offer:
        changes['offer'] = ''  # no longer a learning goal
    return [ctx.event('plan.item.edited', item=item.id, changes=changes)] if changes else []


def _item(state: State, item_id: object) -> Item:
    item = state.items.get(item_id) if isinstance(item_id, str) else None
    if item is None:
        raise UnknownItem(item=str(item_id)[:30])
    return item


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    match event.type:
        case 'plan.team':
            state.team = Team(data['name'], data['unit'], data['function_group'])
        case 'plan.item.added' | 'plan.item.carried':
            state.counter += 1
            # older events have no basis, no offer
            values = {name: data.get(name, '') for name in EDITABLE} | {'kind': Kind(data['kind'])}
            state.items[data['item']] = Item(
                data['item'], **values, origin=Origin(**data['origin']), carried_from=data['carried_from']
            )
            end_carried(state, data['carried_from'])
        case 'plan.item.edited':
            item = state.items[data['item']]
            for name, value in data['changes'].items():
                setattr(item, name, Kind(value) if name == 'kind' else value)
        case 'plan.item.status':
            state.items[data['item']].status = Status(data['status'])
        case 'plan.item.removed':
            del state.items[data['item']]
        case 'plan.measured':
            state.measurements.append(Measurement(**data))
            del state.measurements[:-MAX_MEASUREMENTS]  # the oldest goes first
        case 'plan.imported':
            imported = plan_from_json(json.dumps(data['plan']), max_bytes=None)  # checked when it was imported
            state.team, state.items, state.counter = imported.team, imported.items, imported.counter
            state.measurements = imported.measurements
    return state


# --- projections -----------------------------------------------------------------------------------------------------


def successor(state: State, item_id: str) -> str:
    """The id of the item that carried `item_id` over ('' : not carried over)."""
    return next((i.id for i in state.items.values() if i.carried_from == item_id), '')


def next_statuses(state: State, item: Item) -> frozenset[Status]:
    """The statuses the facilitator may set now (none for an item carried over while its successor exists)."""
    return frozenset() if successor(state, item.id) else TRANSITIONS[item.status]


CONCRETE = ('result', 'term')  # what makes an item concrete besides its activity


def missing(item: Item) -> tuple[str, ...]:
    """The fields of CONCRETE an open item still lacks ('result', 'term'); an ended item lacks nothing any more."""
    return () if item.status in FINAL else tuple(name for name in CONCRETE if not getattr(item, name))


def items_by_kind(state: State) -> dict[Kind, tuple[Item, ...]]:
    """Every kind (in the order of Kind) with its items in plan order."""
    return {kind: tuple(i for i in state.items.values() if i.kind is kind) for kind in Kind}


def is_overdue(item: Item, today: date) -> bool:
    return bool(item.term) and item.status not in FINAL and date.fromisoformat(item.term) < today


def due(state: State, today: date, within_days: int = 14) -> tuple[Item, ...]:
    """Open items whose term is past or within `within_days`, earliest first. Items carried over have ended
    (doorgeschoven): their successor is the one to watch."""
    horizon = today + timedelta(days=within_days)
    found = [
        i for i in state.items.values() if i.term and i.status not in FINAL and date.fromisoformat(i.term) <= horizon
    ]
    return tuple(sorted(found, key=lambda i: i.term))


def celebrate(state: State) -> tuple[Item, ...]:
    """The items that succeeded: results to celebrate with everyone involved."""
    return tuple(i for i in state.items.values() if i.status is Status.GELUKT)


def not_succeeded(state: State) -> tuple[Item, ...]:
    """Items that did not succeed and are not carried over yet: they go into the next planning (seed: "Punten die nog
    niet gelukt zijn worden opgenomen in de vervolgplanning")."""
    return tuple(i for i in state.items.values() if i.status is Status.NIET_GELUKT and not successor(state, i.id))


def follow_up_overdue(item: Item, today: date) -> bool:
    """An open escalation whose follow-up date has passed: time to ask the one with influence how it stands."""
    return (
        item.kind is Kind.ESCALATIE
        and bool(item.follow_up)
        and item.status not in FINAL
        and date.fromisoformat(item.follow_up) < today
    )


def _when(item: Item) -> str:
    """The item's first date to watch: its term or an escalation's follow-up date, whichever comes first."""
    return min((d for d in (item.term, item.follow_up) if d), default='')


def to_review(state: State, today: date, keep: str = '', within_days: int = 14) -> tuple[Item, ...]:
    """What a review goes through, in order: the open items and those that did not succeed and wait to be carried
    over. First what is due (its term or an escalation's follow-up date past or within `within_days`), then the rest,
    each earliest first, those without a date last. `keep`, the item on the screen, stays in its place when it has
    ended meanwhile (so its new status shows, and can be corrected, until the review moves on)."""
    horizon = (today + timedelta(days=within_days)).isoformat()
    waiting = {i.id for i in not_succeeded(state)}
    found = [i for i in state.items.values() if i.status not in FINAL or i.id in waiting or i.id == keep]

    def order(item: Item) -> tuple[bool, str, int]:
        when = _when(item)
        return (not (when and when <= horizon), when or '9999-12-31', int(item.id[1:]))

    return tuple(sorted(found, key=order))


def waiting_on_others(state: State) -> tuple[Item, ...]:
    """Open escalations (not ended, not carried over), the earliest follow-up date first, those without one last."""
    found = [i for i in state.items.values() if i.kind is Kind.ESCALATIE and i.status not in FINAL]
    return tuple(sorted(found, key=lambda i: (not i.follow_up, i.follow_up)))


# --- over time: the leerdoelwijzer's and the ontwikkelmatrix's rounds -------------------------------------------------


@dataclass(frozen=True)
class MeasuredSection:
    title: str
    share: float  # the share answered as a need, 0..1
    change: float | None  # since the round before (None: the first round, or the section was not in it)


@dataclass(frozen=True)
class MeasuredRound:
    measurement: Measurement
    sections: tuple[MeasuredSection, ...]


def measured(state: State, session_code: str, activity_id: str) -> bool:
    """Whether this round (an activity of a session) is kept already."""
    return any(m.session_code == session_code and m.activity_id == activity_id for m in state.measurements)


def _in_order(state: State, instrument: str) -> list[Measurement]:
    """The instrument's rounds by date, those of one day in the order recorded."""
    return sorted((m for m in state.measurements if m.instrument == instrument), key=lambda m: m.at)


def latest_measurement(state: State, instrument: str) -> Measurement | None:
    """The team's last round of `instrument` (None: none yet): the next round's baseline."""
    rounds = _in_order(state, instrument)
    return rounds[-1] if rounds else None


def over_time(state: State) -> dict[str, tuple[MeasuredRound, ...]]:
    """Per instrument with rounds (in the registry's order) its rounds by date, each section with its share of
    need and the change since the round before."""
    found: dict[str, tuple[MeasuredRound, ...]] = {}
    for instrument in dict.fromkeys(m.instrument for m in sorted(state.measurements, key=_instrument_order)):
        rounds, before = [], None
        for m in _in_order(state, instrument):
            sections = tuple(
                MeasuredSection(
                    title,
                    share,
                    round(share - before.sections[title], 4) if before and title in before.sections else None,
                )
                for title, share in m.sections.items()
            )
            rounds.append(MeasuredRound(m, sections))
            before = m
        found[instrument] = tuple(rounds)
    return found


def _instrument_order(m: Measurement) -> int:
    kinds = instruments()
    return kinds.index(m.instrument) if m.instrument in kinds else len(kinds)
