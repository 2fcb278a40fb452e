"""The team plan's state and vocabulary: its kinds and statuses with the moves between them, its limits and
refusals, the items with their origin, and the checks every text and date passes, whether it comes from a command
(teamplan.py) or from a plan file (teamplan_json.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .werkvormen.base import DomainError, UnknownItem, clean_text

__all__ = [
    'CARRIABLE',
    'EDITABLE',
    'ESCALATION_FIELDS',
    'FINAL',
    'MAX_ESCALATION',
    'MAX_ITEMS',
    'MAX_NAME',
    'MAX_OWNER',
    'MAX_RESULT',
    'MAX_SOURCE_TEXT',
    'MAX_WHAT',
    'ORIGIN_LIMITS',
    'TRANSITIONS',
    'InvalidDate',
    'InvalidTransition',
    'Item',
    'Kind',
    'MovedOn',
    'NotAnEscalation',
    'NotCarriable',
    'NotPromotable',
    'Origin',
    'State',
    'Status',
    'Team',
    'check_date',
    'check_field',
    'check_kind',
    'check_origin',
    'check_status',
    'end_carried',
    'shorten',
]

MAX_NAME = 120
MAX_WHAT = 300
MAX_RESULT = 500
MAX_OWNER = 120
MAX_ESCALATION = 500
MAX_SOURCE_TEXT = 4000  # a lagerhuis conclusion may be this long
MAX_ITEMS = 500


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
ORIGIN_LIMITS = {
    'session_code': 40,
    'session_name': MAX_NAME,
    'werkvorm': 40,
    'activity': MAX_NAME,
    'source_ref': 40,
    'source_text': MAX_SOURCE_TEXT,
}
_ISO_DATE = re.compile(r'[0-9]{4}-[0-9]{2}-[0-9]{2}')


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


def check_kind(value: object) -> Kind:
    """The Kind named `value`; UnknownItem for any other."""
    try:
        return Kind(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:30]) from None


def check_status(value: object) -> Status:
    """The Status named `value`; UnknownItem for any other."""
    try:
        return Status(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:30]) from None


def check_field(name: str, value: object) -> str:
    """One of EDITABLE's values as the plan keeps it: a kind's name, an ISO date or '', or text within its limit."""
    if name == 'kind':
        return check_kind(value).value
    if name in _DATES:
        return check_date(value, name)
    return clean_text(value, name, _LIMITS[name], required=name == 'what', multiline=name in _MULTILINE)


def check_origin(origin: object) -> Origin:
    """The origin with every text cleaned and within its limit; UnknownItem for anything but an Origin."""
    if not isinstance(origin, Origin):
        raise UnknownItem(item='origin')
    return Origin(
        **{
            name: clean_text(getattr(origin, name), name, limit, required=False, multiline=name == 'source_text')
            for name, limit in ORIGIN_LIMITS.items()
        }
    )


def end_carried(state: State, item_id: str) -> None:
    """The carried item ends as doorgeschoven. Older logs and files left it as it was (two items open for one
    matter); an item that had already ended keeps its ending."""
    item = state.items.get(item_id)
    if item is not None and item.status in CARRIABLE:
        item.status = Status.DOORGESCHOVEN


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word to at most `limit` characters, with '…' when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(' ')
    return (cut[:space] if space > limit // 2 else cut).rstrip() + '…'
