"""The team plan's state and vocabulary: its kinds and statuses with the moves between them, its limits and
refusals, the items with their origin, and the checks every text and date passes, whether it comes from a command
(teamplan.py) or from a plan file (teamplan_json.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .werkvormen.base import DomainError, InvalidText, UnknownItem, clean_text

__all__ = [
    'CARRIABLE',
    'EDITABLE',
    'ESCALATION_FIELDS',
    'FINAL',
    'LEARNING_GOALS',
    'MAX_ESCALATION',
    'MAX_ITEMS',
    'MAX_MEASURED',
    'MAX_MEASURED_TEXT',
    'MAX_MEASUREMENTS',
    'MAX_NAME',
    'MAX_OWNER',
    'MAX_RESULT',
    'MAX_SOURCE_TEXT',
    'MAX_WHAT',
    'OFFERS',
    'ORIGIN_LIMITS',
    'TRANSITIONS',
    'InvalidDate',
    'InvalidTransition',
    'Item',
    'Kind',
    'Measurement',
    'MovedOn',
    'NotALearningGoal',
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
    'check_measurement',
    'check_offer',
    'check_origin',
    'check_status',
    'end_carried',
    'instruments',
    'learning_goal_only',
    'shorten',
]

MAX_NAME = 120
MAX_WHAT = 300
MAX_RESULT = 500
MAX_OWNER = 120
MAX_ESCALATION = 500
MAX_SOURCE_TEXT = 4000  # a lagerhuis conclusion may be this long
MAX_ITEMS = 500
MAX_MEASUREMENTS = 40  # rounds kept over time, the oldest going first: ten years of a round a quarter, and the plan's
# file (teamplan_json.MAX_JSON_BYTES) still holds them with the seed's eight leerdoelwijzers in every round
MAX_MEASURED = 1000  # sections, and items, of one measurement (the seed's eight leerdoelwijzers: 8 × at most 38)
MAX_MEASURED_TEXT = 500  # a section's title or an item's text (as werkvormen/leerdoelen/model.py MAX_TEXT)


def instruments() -> tuple[str, ...]:
    """The werkvormen whose rounds the plan keeps over time, in the registry's order: those whose registry entry has a
    `catch_up` (the leerdoelwijzer, the ontwikkelmatrix)."""
    from .werkvormen.registry import WERKVORMEN  # the registry's werkvormen import this model

    return tuple(kind for kind, werkvorm in WERKVORMEN.items() if werkvorm.catch_up is not None)


class Kind(StrEnum):
    TEAMLEERDOEL = 'teamleerdoel'
    INDIVIDUEEL_LEERDOEL = 'individueel_leerdoel'
    WERKAFSPRAAK = 'werkafspraak'
    HANDELINGSAFSPRAAK = 'handelingsafspraak'  # what the team chooses, and on what basis (the dilemma's step 8)
    KENNISHIAAT = 'kennishiaat'
    BELEIDSPUNT = 'beleidspunt'
    ESCALATIE = 'escalatie'  # zaken die niet door personen of als team kunnen worden opgelost


LEARNING_GOALS = frozenset({Kind.TEAMLEERDOEL, Kind.INDIVIDUEEL_LEERDOEL})  # the kinds that have an offer type
OFFERS = ('kennis', 'vaardigheden', 'coaching')
"""A learning goal's kind of offer (the seed's): leeraanbod voor kennis, trainingsaanbod voor vaardigheden (in groepen
of individueel), coaching on the job. The same keys as the leerdoelwijzers' OFFER_KINDS (werkvormen/leerdoelen)."""


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


class NotALearningGoal(DomainError):
    key = 'error.plan.not_learning_goal'


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
    offer: str = ''  # a learning goal's kind of offer: '' or one of OFFERS


@dataclass
class Measurement:
    """A closed round of a leerdoelwijzer or the ontwikkelmatrix as the team keeps it over time: team-level
    aggregates only (the share answered as a need, per section and per item, of the groups shown under the
    session's minimum), never who answered or what anyone answered."""

    instrument: str  # one of instruments()
    session_code: str
    activity_id: str  # the round in that session: with session_code it is recorded once
    at: str  # the date of the round, 'YYYY-MM-DD'
    sections: dict[str, float]  # section title (or matrix topic) -> share of need, 0..1
    items: dict[str, float]  # item text -> share of need, 0..1
    title: str = ''  # the activity's title in the session
    session_name: str = ''


@dataclass
class State:
    team: Team = field(default_factory=Team)
    items: dict[str, Item] = field(default_factory=dict)
    counter: int = 0  # items made so far (their ids): removed ids are never reused
    measurements: list[Measurement] = field(default_factory=list)  # in the order recorded


EDITABLE = (
    'kind', 'what', 'result', 'term', 'owner', 'influence', 'action', 'agreed', 'follow_up', 'basis', 'offer',
)  # fmt: skip
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
    if name == 'offer':
        return check_offer(value)
    return clean_text(value, name, _LIMITS[name], required=name == 'what', multiline=name in _MULTILINE)


def check_offer(value: object) -> str:
    """A kind of offer: '' or one of OFFERS; UnknownItem for any other."""
    if value is None or value == '':
        return ''
    if value not in OFFERS:
        raise UnknownItem(item=str(value)[:30])
    return str(value)


def learning_goal_only(kind: str, values: dict[str, str]) -> None:
    """An offer type belongs to a learning goal only: NotALearningGoal for any other kind with one."""
    if values.get('offer') and kind not in LEARNING_GOALS:
        raise NotALearningGoal(kind=kind)


def _shares(value: object, name: str) -> dict[str, float]:
    if not isinstance(value, Mapping) or len(value) > MAX_MEASURED:
        raise InvalidText(field=name)
    shares: dict[str, float] = {}
    for key, share in value.items():
        text = clean_text(key, name, MAX_MEASURED_TEXT)
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:  # NaN is neither
            raise InvalidText(field=name)
        shares[text] = float(share)
    return shares


def check_measurement(measurement: object) -> Measurement:
    """The measurement with every text cleaned and within its limit, a real date, an instrument of instruments() and
    shares between 0 and 1; UnknownItem, InvalidDate, InvalidText, EmptyText or TextTooLong otherwise."""
    if not isinstance(measurement, Measurement):
        raise UnknownItem(item='measurement')
    m = measurement
    if m.instrument not in instruments():
        raise UnknownItem(item=str(m.instrument)[:30])
    at = check_date(m.at, 'at')
    if not at:
        raise InvalidDate(field='at')
    return Measurement(
        m.instrument,
        clean_text(m.session_code, 'session_code', ORIGIN_LIMITS['session_code']),
        clean_text(m.activity_id, 'activity_id', 40),
        at,
        _shares(m.sections, 'sections'),
        _shares(m.items, 'items'),
        clean_text(m.title, 'title', MAX_NAME, required=False),
        clean_text(m.session_name, 'session_name', MAX_NAME, required=False),
    )


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
