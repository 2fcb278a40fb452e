"""The commands that change the team plan, each declaring who may give it (only the facilitator), and promote, which
makes a werkvorm's outcome a prefilled AddItem the facilitator may edit before it is decided (teamplan.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .teamplan_model import (
    ESCALATION_FIELDS,
    LEARNING_GOALS,
    MAX_SOURCE_TEXT,
    MAX_WHAT,
    Kind,
    NotPromotable,
    Origin,
    check_kind,
    check_offer,
    shorten,
)
from .werkvormen.base import FACILITATOR, clean_text, roles_of
from .werkvormen.base import Command as BaseCommand

__all__ = [
    'ROLES',
    'AddItem',
    'CarryOver',
    'Command',
    'EditItem',
    'ImportPlan',
    'PlanCommand',
    'RecordMeasurement',
    'RemoveItem',
    'SetStatus',
    'SetTeam',
    'promote',
]


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
    origin: Origin = Origin()  # noqa: RUF009  (frozen: one shared value is safe)
    basis: str = ''
    offer: str = ''  # a learning goal's kind of offer ('' or one of OFFERS)


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
    offer: str | None = None


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


@dataclass(frozen=True)
class RecordMeasurement(PlanCommand):
    """Keep a closed leerdoelwijzer or ontwikkelmatrix round's team-level aggregate (the share of need per section
    and per item, never an answer) for the team's next round; once per round (session_code, activity_id)."""

    roles = FACILITATOR
    instrument: str
    session_code: str
    activity_id: str
    at: str  # the round's date, 'YYYY-MM-DD'
    sections: Mapping[str, float]
    items: Mapping[str, float]
    title: str = ''
    session_name: str = ''


Command = PlanCommand  # the name the plan's users know
ROLES = roles_of(PlanCommand)  # as each command declares: only the facilitator changes the plan


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
    offer: str = '',
    escalation: Mapping[str, str] | None = None,
    origin: Origin = Origin(),  # noqa: B008  (frozen: one shared value is safe)
) -> AddItem:
    """A prefilled AddItem for a werkvorm's outcome that may become one of `kinds` (the first by default; what each
    outcome may become, its werkvorm says: werkvormen/<kind>/outcome.py); the facilitator may edit it before it is
    decided. `what` is the text on one line, shortened to MAX_WHAT at a word; the full text is kept in the origin.
    `offer`, a learning goal's kind of offer, is kept only when it becomes a learning goal. Raises UnknownItem for an
    unknown kind or offer, NotPromotable for a kind the outcome may not become. `escalation` (who does have
    influence, the action, what was agreed, the follow-up date) is kept only when it becomes an escalatie."""
    chosen = check_kind(kind) if kind else kinds[0]
    if chosen not in kinds:
        raise NotPromotable(source=origin.werkvorm, kind=chosen.value)
    full = clean_text(text, 'text', MAX_SOURCE_TEXT, multiline=True)
    origin = replace(origin, source_text=origin.source_text or full)
    what = shorten(' '.join(full.split()), MAX_WHAT)
    offer = check_offer(offer) if chosen in LEARNING_GOALS else ''
    kept = {name: (escalation or {}).get(name, '') for name in ESCALATION_FIELDS} if chosen is Kind.ESCALATIE else {}
    return AddItem(
        what=what,
        kind=chosen.value,
        result=result,
        term=term,
        owner=owner,
        origin=origin,
        basis=basis,
        offer=offer,
        **kept,
    )
