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
- an agreement keeps what it rests on (`basis`, "op basis waarvan"): a handelingsafspraak from the dilemma says so.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from .werkvormen.base import (
    FACILITATOR,
    Context,
    DomainError,
    EmptyText,
    Event,
    UnknownItem,
    WrongPhase,
    clean_text,
    require_role,
    roles_of,
)
from .werkvormen.base import Command as BaseCommand

VERSION = 1
MAX_NAME = 120
MAX_WHAT = 300
MAX_RESULT = 500
MAX_OWNER = 120
MAX_ESCALATION = 500
MAX_SOURCE_TEXT = 4000  # a lagerhuis conclusion may be this long
MAX_ITEMS = 500
MAX_JSON_BYTES = 2_000_000  # a plan file to restore; the largest plan of real teams is far smaller
# The plan's JSON nests four deep: the plan > its items > an item > the item's origin. Deeper is never a plan, and a
# parser would recurse into it (until a RecursionError).
MAX_JSON_DEPTH = 4


class Kind(StrEnum):
    TEAMLEERDOEL = 'teamleerdoel'
    INDIVIDUEEL_LEERDOEL = 'individueel_leerdoel'
    WERKAFSPRAAK = 'werkafspraak'
    HANDELINGSAFSPRAAK = 'handelingsafspraak'  # what the team chooses, and on what basis (the dilemma's step 8)
    KENNISHIAAT = 'kennishiaat'
    BELEIDSPUNT = 'beleidspunt'
    ESCALATIE = 'escalatie'  # zaken die niet door personen of als team kunnen worden opgelost


class Status(StrEnum):
    GEPLAND = 'gepland'
    BEZIG = 'bezig'
    GELUKT = 'gelukt'
    NIET_GELUKT = 'niet_gelukt'
    VERVALLEN = 'vervallen'
    DOORGESCHOVEN = 'doorgeschoven'  # carried into the next planning: its successor is the open one (set by CarryOver)


FINAL = frozenset({Status.GELUKT, Status.NIET_GELUKT, Status.VERVALLEN, Status.DOORGESCHOVEN})
_ENDINGS = frozenset({Status.GELUKT, Status.NIET_GELUKT, Status.VERVALLEN})
# Where a status may go. Ended items may only be reopened to gepland; setting the same status changes nothing. No
# status is set to doorgeschoven by hand: only carrying over does that.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.GEPLAND: _ENDINGS | {Status.BEZIG},
    Status.BEZIG: _ENDINGS | {Status.GEPLAND},
    **{ended: frozenset({Status.GEPLAND}) for ended in FINAL},
}
CARRIABLE = frozenset({Status.GEPLAND, Status.BEZIG, Status.NIET_GELUKT})  # "nog niet gelukt"


class InvalidDate(DomainError):
    key = 'error.plan.invalid_date'


class InvalidTransition(DomainError):
    key = 'error.plan.transition'


class NotCarriable(DomainError):
    key = 'error.plan.not_carriable'


class MovedOn(InvalidTransition):
    """The item was carried over: its successor holds the status now."""

    key = 'error.plan.moved_on'


class NotAnEscalation(DomainError):
    key = 'error.plan.not_escalation'


class NotPromotable(DomainError):
    key = 'error.plan.not_promotable'


class InvalidPlan(DomainError):
    key = 'error.plan.invalid'


class PlanTooLarge(InvalidPlan):
    key = 'error.plan.too_large'


class PlanTooDeep(InvalidPlan):
    key = 'error.plan.too_deep'


# --- state -----------------------------------------------------------------------------------------------------------


@dataclass
class Team:
    name: str = ''
    unit: str = ''  # afdeling
    function_group: str = ''  # functiegroep


@dataclass(frozen=True)
class Origin:
    """Where an item came from (all optional): the session, the werkvorm, the activity and the source item."""

    session_code: str = ''
    session_name: str = ''
    werkvorm: str = ''  # the werkvorm kind, e.g. 'quiz'
    activity: str = ''  # the activity's title in the session
    source_ref: str = ''  # the source item's id in that werkvorm, e.g. a quiz card id
    source_text: str = ''


@dataclass
class Item:
    id: str
    kind: Kind
    what: str  # activiteit / afspraak
    result: str = ''  # beoogd resultaat
    term: str = ''  # termijn, 'YYYY-MM-DD' or ''
    owner: str = ''  # eigenaar: a name people chose, never a participant id
    status: Status = Status.GEPLAND
    influence: str = ''  # escalatie: who does have influence
    action: str = ''  # escalatie: the action taken towards them
    agreed: str = ''  # escalatie: what was agreed
    follow_up: str = ''  # escalatie: opvolgdatum, 'YYYY-MM-DD' or ''
    basis: str = ''  # op basis waarvan: the values and norms an agreement rests on ('' : none said)
    origin: Origin = Origin()
    carried_from: str = ''  # the item this one continues ('' : none)


@dataclass
class State:
    team: Team = field(default_factory=Team)
    items: dict[str, Item] = field(default_factory=dict)
    counter: int = 0  # items made so far (their ids): removed ids are never reused


EDITABLE = ('kind', 'what', 'result', 'term', 'owner', 'influence', 'action', 'agreed', 'follow_up', 'basis')
ESCALATION_FIELDS = ('influence', 'action', 'agreed', 'follow_up')
_DATES = frozenset({'term', 'follow_up'})
_LIMITS = {
    'what': MAX_WHAT,
    'result': MAX_RESULT,
    'owner': MAX_OWNER,
    **dict.fromkeys(ESCALATION_FIELDS, MAX_ESCALATION),
    'basis': MAX_RESULT,
}
_MULTILINE = frozenset({'result', 'action', 'agreed', 'basis'})
_ORIGIN_LIMITS = {
    'session_code': 40,
    'session_name': MAX_NAME,
    'werkvorm': 40,
    'activity': MAX_NAME,
    'source_ref': 40,
    'source_text': MAX_SOURCE_TEXT,
}
_ISO_DATE = re.compile(r'[0-9]{4}-[0-9]{2}-[0-9]{2}')
_ITEM_ID = re.compile(r'p[1-9][0-9]*')


# --- commands --------------------------------------------------------------------------------------------------------


class PlanCommand(BaseCommand):
    """A change to the plan."""


@dataclass(frozen=True)
class SetTeam(PlanCommand):
    roles = FACILITATOR
    name: str
    unit: str = ''
    function_group: str = ''


@dataclass(frozen=True)
class AddItem(PlanCommand):
    roles = FACILITATOR
    what: str
    kind: str = Kind.WERKAFSPRAAK.value
    result: str = ''
    term: str = ''
    owner: str = ''
    influence: str = ''
    action: str = ''
    agreed: str = ''
    follow_up: str = ''
    origin: Origin = Origin()
    basis: str = ''


@dataclass(frozen=True)
class EditItem(PlanCommand):
    """Change any subset of an item's fields: None leaves a field as it is."""

    roles = FACILITATOR
    item_id: str
    kind: str | None = None
    what: str | None = None
    result: str | None = None
    term: str | None = None
    owner: str | None = None
    influence: str | None = None
    action: str | None = None
    agreed: str | None = None
    follow_up: str | None = None
    basis: str | None = None


@dataclass(frozen=True)
class SetStatus(PlanCommand):
    roles = FACILITATOR
    item_id: str
    status: str


@dataclass(frozen=True)
class RemoveItem(PlanCommand):
    roles = FACILITATOR
    item_id: str


@dataclass(frozen=True)
class CarryOver(PlanCommand):
    roles = FACILITATOR
    item_id: str
    term: str  # the new term (required)


@dataclass(frozen=True)
class ImportPlan(PlanCommand):
    """Replace the plan with one read from plan_json's output (a backup, or a plan from another server)."""

    roles = FACILITATOR
    text: str


Command = PlanCommand  # the name the plan's users know
ROLES = roles_of(PlanCommand)  # as each command declares: only the facilitator changes the plan


# --- checks ----------------------------------------------------------------------------------------------------------


def check_date(value: object, field_name: str) -> str:
    """An ISO date 'YYYY-MM-DD' (trimmed) or ''. Raises InvalidDate otherwise (also for 2025-02-30)."""
    if value is None or value == '':
        return ''
    text = value.strip() if isinstance(value, str) else None
    if text is None or not _ISO_DATE.fullmatch(text):
        raise InvalidDate(field=field_name)
    try:
        date.fromisoformat(text)
    except ValueError:
        raise InvalidDate(field=field_name) from None
    return text


def _kind(value: object) -> Kind:
    try:
        return Kind(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:30]) from None


def _status(value: object) -> Status:
    try:
        return Status(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:30]) from None


def _field(name: str, value: object) -> str:
    if name == 'kind':
        return _kind(value).value
    if name in _DATES:
        return check_date(value, name)
    return clean_text(value, name, _LIMITS[name], required=name == 'what', multiline=name in _MULTILINE)


def _origin(origin: object) -> Origin:
    if not isinstance(origin, Origin):
        raise UnknownItem(item='origin')
    return Origin(
        **{
            name: clean_text(getattr(origin, name), name, limit, required=False, multiline=name == 'source_text')
            for name, limit in _ORIGIN_LIMITS.items()
        }
    )


def _item(state: State, item_id: object) -> Item:
    item = state.items.get(item_id) if isinstance(item_id, str) else None
    if item is None:
        raise UnknownItem(item=str(item_id)[:30])
    return item


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
            values = {name: _field(name, getattr(command, name)) for name in EDITABLE}
            _escalation_only(values['kind'], values)
            return [_added(state, 'plan.item.added', values, _origin(command.origin), '', ctx)]
        case EditItem(item_id):
            return _edit(_item(state, item_id), command, ctx)
        case SetStatus(item_id, status):
            item, wanted = _item(state, item_id), _status(status)
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
    changes = {
        name: checked
        for name in EDITABLE
        if (value := getattr(command, name)) is not None and (checked := _field(name, value)) != getattr(item, name)
    }
    kind = changes.get('kind', item.kind.value)
    _escalation_only(kind, changes)
    if kind != Kind.ESCALATIE:
        changes |= {name: '' for name in ESCALATION_FIELDS if getattr(item, name)}  # no longer an escalation
    return [ctx.event('plan.item.edited', item=item.id, changes=changes)] if changes else []


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    match event.type:
        case 'plan.team':
            state.team = Team(data['name'], data['unit'], data['function_group'])
        case 'plan.item.added' | 'plan.item.carried':
            state.counter += 1
            values = {name: data.get(name, '') for name in EDITABLE} | {'kind': Kind(data['kind'])}  # older: no basis
            state.items[data['item']] = Item(
                data['item'], **values, origin=Origin(**data['origin']), carried_from=data['carried_from']
            )
            _moved_on(state, data['carried_from'])
        case 'plan.item.edited':
            item = state.items[data['item']]
            for name, value in data['changes'].items():
                setattr(item, name, Kind(value) if name == 'kind' else value)
        case 'plan.item.status':
            state.items[data['item']].status = Status(data['status'])
        case 'plan.item.removed':
            del state.items[data['item']]
        case 'plan.imported':
            imported = plan_from_json(json.dumps(data['plan']), max_bytes=None)  # checked when it was imported
            state.team, state.items, state.counter = imported.team, imported.items, imported.counter
    return state


def _moved_on(state: State, item_id: str) -> None:
    """The carried item ends as doorgeschoven. Older logs and files left it as it was (two items open for one
    matter); an item that had already ended keeps its ending."""
    item = state.items.get(item_id)
    if item is not None and item.status in CARRIABLE:
        item.status = Status.DOORGESCHOVEN


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


# --- promotion: werkvorm outcomes become prefilled AddItem commands --------------------------------------------------


def promote(
    text: str,
    kinds: tuple[Kind, ...],
    *,
    kind: str = '',
    owner: str = '',
    result: str = '',
    term: str = '',
    basis: str = '',
    origin: Origin = Origin(),
) -> AddItem:
    """A prefilled AddItem for a werkvorm's outcome that may become one of `kinds` (the first by default; what each
    outcome may become, its werkvorm says: werkvormen/<kind>/outcome.py); the facilitator may edit it before it is
    decided. `what` is the text on one line, shortened to MAX_WHAT at a word; the full text is kept in the origin.
    Raises UnknownItem for an unknown kind, NotPromotable for a kind the outcome may not become."""
    chosen = _kind(kind) if kind else kinds[0]
    if chosen not in kinds:
        raise NotPromotable(source=origin.werkvorm, kind=chosen.value)
    full = clean_text(text, 'text', MAX_SOURCE_TEXT, multiline=True)
    origin = replace(origin, source_text=origin.source_text or full)
    what = shorten(' '.join(full.split()), MAX_WHAT)
    return AddItem(what=what, kind=chosen.value, result=result, term=term, owner=owner, origin=origin, basis=basis)


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word to at most `limit` characters, with '…' when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(' ')
    return (cut[:space] if space > limit // 2 else cut).rstrip() + '…'


# --- JSON ------------------------------------------------------------------------------------------------------------


def plan_json(state: State) -> str:
    """The whole plan as JSON (with a version), readable by plan_from_json without loss."""
    return json.dumps(
        {
            'version': VERSION,
            'team': asdict(state.team),
            'counter': state.counter,
            'items': [{**asdict(i), 'kind': i.kind.value, 'status': i.status.value} for i in state.items.values()],
        },
        ensure_ascii=False,
        indent=2,
    )


def plan_from_json(text: str | bytes, max_bytes: int | None = MAX_JSON_BYTES) -> State:
    """The plan from plan_json's output. Every text and date is checked as a command would be; anything wrong
    raises InvalidPlan naming the field and the item (id or position). Before anything is parsed, text of more than
    `max_bytes` (in UTF-8; None: no limit) raises PlanTooLarge and nesting deeper than a plan's raises PlanTooDeep."""
    if max_bytes is not None and _too_large(text, max_bytes):
        raise PlanTooLarge(max=f'{max_bytes / 1_000_000:g}')
    if nests_deeper(text, MAX_JSON_DEPTH):
        raise PlanTooDeep(max=MAX_JSON_DEPTH)
    try:
        data = json.loads(text)
    except RecursionError:  # an unclosed '[[[[…': not nesting by the count above, but the parser recurses
        raise PlanTooDeep(max=MAX_JSON_DEPTH) from None
    except (ValueError, TypeError):
        raise InvalidPlan(field='json', item='-') from None
    if not isinstance(data, dict):
        raise InvalidPlan(field='plan', item='-')
    if data.get('version') != VERSION:
        raise InvalidPlan(field='version', item='-')
    team_data = _mapping(data.get('team', {}), 'team', '-', {f.name for f in fields(Team)})
    team = Team(
        **{
            name: _checked(name, '-', clean_text, value, name, MAX_NAME, required=False)
            for name, value in team_data.items()
        }
    )
    raw_items = data.get('items', [])
    if not isinstance(raw_items, list):
        raise InvalidPlan(field='items', item='-')
    state = State(team=team)
    for position, raw in enumerate(raw_items, start=1):
        item = _item_from(raw, str(position))
        if item.id in state.items:
            raise InvalidPlan(field='id', item=item.id)
        state.items[item.id] = item
    counter = data.get('counter', 0)
    highest = max((int(i[1:]) for i in state.items), default=0)
    if not isinstance(counter, int) or isinstance(counter, bool) or counter < highest:
        raise InvalidPlan(field='counter', item='-')
    state.counter = counter
    if len(state.items) > MAX_ITEMS:
        raise InvalidPlan(field='items', item='-')
    for item in list(state.items.values()):
        if item.carried_from:
            _moved_on(state, item.carried_from)
    return state


def _too_large(text: str | bytes, max_bytes: int) -> bool:
    if isinstance(text, bytes) or len(text) > max_bytes:  # every character is at least one byte
        return len(text) > max_bytes
    return len(text.encode('utf-8', errors='surrogatepass')) > max_bytes


_JSON_STRING = re.compile(rb'"[^"]*"')  # once its escapes are gone
_AS_PARENTHESES = bytes.maketrans(b'[{]}', b'(())')
_NOT_A_BRACKET = bytes(set(range(256)) - set(b'[]{}'))


def nests_deeper(text: str | bytes, depth: int) -> bool:
    """Whether the JSON's arrays and objects nest deeper than `depth`, found without parsing it (brackets inside
    strings do not count), in a few passes over the bytes. Each pass takes away every innermost pair, one level;
    what still holds a pair after `depth` passes nests deeper. Malformed JSON is left to the parser to refuse."""
    data = text if isinstance(text, bytes) else text.encode('utf-8', errors='surrogatepass')
    data = data.replace(b'\\\\', b'').replace(b'\\"', b'')  # escaped \ and ": no string has a quote inside now
    brackets = _JSON_STRING.sub(b'', data).translate(_AS_PARENTHESES, delete=_NOT_A_BRACKET)
    for _ in range(depth):
        brackets = brackets.replace(b'()', b'')  # one scan, left to right: the pairs it makes are the next pass's
    return b'()' in brackets


def _item_from(raw: object, position: str) -> Item:
    known = {f.name for f in fields(Item)}
    data = _mapping(raw, 'item', position, known)
    item_id = data.get('id')
    if not isinstance(item_id, str) or not _ITEM_ID.fullmatch(item_id):
        raise InvalidPlan(field='id', item=position)
    defaults = dict.fromkeys(EDITABLE, '') | {'kind': Kind.WERKAFSPRAAK.value}
    values = {name: _checked(name, item_id, _field, name, data.get(name, defaults[name])) for name in EDITABLE}
    if values['kind'] != Kind.ESCALATIE and any(values[name] for name in ESCALATION_FIELDS):
        raise InvalidPlan(field=next(n for n in ESCALATION_FIELDS if values[n]), item=item_id)
    status = _checked('status', item_id, _status, data.get('status', Status.GEPLAND.value))
    origin_data = _mapping(data.get('origin', {}), 'origin', item_id, set(_ORIGIN_LIMITS))
    origin = _checked('origin', item_id, _origin, Origin(**origin_data))
    carried_from = data.get('carried_from', '')
    if carried_from != '' and not (isinstance(carried_from, str) and _ITEM_ID.fullmatch(carried_from)):
        raise InvalidPlan(field='carried_from', item=item_id)
    kind = Kind(values.pop('kind'))
    return Item(item_id, kind, **values, status=status, origin=origin, carried_from=carried_from)


def _mapping(value: object, name: str, item: str, known: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidPlan(field=name, item=item)
    unknown = sorted(str(k) for k in value if k not in known)
    if unknown:
        raise InvalidPlan(field=unknown[0][:40], item=item)
    return value


def _checked(name: str, item: str, check: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return check(*args, **kwargs)
    except DomainError as error:
        raise InvalidPlan(field=name, item=item, reason=error.key) from None
    except TypeError:
        raise InvalidPlan(field=name, item=item) from None
