"""The team plan as a file: plan_json writes the whole plan, plan_from_json reads it back (a backup, or a plan from
another server) checking every value as a command would, and refusing a file too large or nested too deep before it
is parsed."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, fields
from typing import Any

from .teamplan_model import (
    EDITABLE,
    ESCALATION_FIELDS,
    LEARNING_GOALS,
    MAX_ITEMS,
    MAX_MEASUREMENTS,
    MAX_NAME,
    ORIGIN_LIMITS,
    Item,
    Kind,
    Measurement,
    Origin,
    State,
    Status,
    Team,
    check_field,
    check_measurement,
    check_origin,
    check_status,
    end_carried,
)
from .werkvormen.base import DomainError, clean_text

__all__ = [
    'MAX_JSON_BYTES',
    'MAX_JSON_DEPTH',
    'VERSION',
    'InvalidPlan',
    'PlanTooDeep',
    'PlanTooLarge',
    'nests_deeper',
    'plan_from_json',
    'plan_json',
]

VERSION = 1
MAX_JSON_BYTES = 2_000_000  # a plan file to restore; the largest plan of real teams is far smaller
# The plan's JSON nests four deep: the plan > its items > an item > the item's origin (and the plan > its measurements
# > a measurement > its shares per section). Deeper is never a plan, and a
# parser would recurse into it (until a RecursionError).
MAX_JSON_DEPTH = 4
_ITEM_ID = re.compile(r'p[1-9][0-9]*')  # as decide makes them: p1, p2, …


class InvalidPlan(DomainError):
    key = 'error.plan.invalid'


class PlanTooLarge(InvalidPlan):
    key = 'error.plan.too_large'


class PlanTooDeep(InvalidPlan):
    key = 'error.plan.too_deep'


def plan_json(state: State) -> str:
    """The whole plan as JSON (with a version), readable by plan_from_json without loss."""
    return json.dumps(
        {
            'version': VERSION,
            'team': asdict(state.team),
            'counter': state.counter,
            'items': [{**asdict(i), 'kind': i.kind.value, 'status': i.status.value} for i in state.items.values()],
            'measurements': [asdict(m) for m in state.measurements],
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
    state.measurements = _measurements(data.get('measurements', []))  # older files have none
    for item in list(state.items.values()):
        if item.carried_from:
            end_carried(state, item.carried_from)
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
    values = {name: _checked(name, item_id, check_field, name, data.get(name, defaults[name])) for name in EDITABLE}
    if values['kind'] != Kind.ESCALATIE and any(values[name] for name in ESCALATION_FIELDS):
        raise InvalidPlan(field=next(n for n in ESCALATION_FIELDS if values[n]), item=item_id)
    if values['offer'] and values['kind'] not in LEARNING_GOALS:
        raise InvalidPlan(field='offer', item=item_id)
    status = _checked('status', item_id, check_status, data.get('status', Status.GEPLAND.value))
    origin_data = _mapping(data.get('origin', {}), 'origin', item_id, set(ORIGIN_LIMITS))
    origin = _checked('origin', item_id, check_origin, Origin(**origin_data))
    carried_from = data.get('carried_from', '')
    if carried_from != '' and not (isinstance(carried_from, str) and _ITEM_ID.fullmatch(carried_from)):
        raise InvalidPlan(field='carried_from', item=item_id)
    kind = Kind(values.pop('kind'))
    return Item(item_id, kind, **values, status=status, origin=origin, carried_from=carried_from)


def _measurements(raw: object) -> list[Measurement]:
    """The rounds kept over time, each checked as RecordMeasurement is, each round once."""
    if not isinstance(raw, list) or len(raw) > MAX_MEASUREMENTS:
        raise InvalidPlan(field='measurements', item='-')
    found: list[Measurement] = []
    known = {f.name for f in fields(Measurement)}
    for position, entry in enumerate(raw, start=1):
        where = f'measurement {position}'
        data = _mapping(entry, 'measurement', where, known)
        if not {'instrument', 'session_code', 'activity_id', 'at', 'sections', 'items'} <= set(data):
            raise InvalidPlan(field='measurement', item=where)
        measurement = _checked('measurement', where, check_measurement, Measurement(**data))
        if any((m.session_code, m.activity_id) == (measurement.session_code, measurement.activity_id) for m in found):
            raise InvalidPlan(field='activity_id', item=where)
        found.append(measurement)
    return found


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
