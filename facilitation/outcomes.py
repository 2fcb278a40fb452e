"""What a session produced that can go into the team's plan: every activity's offers (what its werkvorm's outcome
offers, werkvormen/<kind>/outcome.py) as candidate items, and the prefilled plan item each becomes with one click.

What the werkvormen offer: the stellingen the nabespreking's notes (what is known, or not: a kennishiaat to fill;
what works in practice: a werkafspraak; what should change: a beleidspunt), the kennisquiz the cards set aside
(kennishiaten), the lagerhuis its conclusions (a werkafspraak), the arenagesprek its key points (teamleerdoelen), the
dilemmamethodiek its agreements with their owner and term (a handelingsafspraak with what it rests on, a
werkafspraak), the leerdoelwijzer and the ontwikkelmatrix the sections and statements with the most need in the
closed round's team picture (teamleerdoelen, never anything of one person).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import teamplan as tp
from .session import SessionState
from .werkvormen.registry import WERKVORMEN


@dataclass(frozen=True)
class Candidate:
    activity: str  # the activity's id in the session
    werkvorm: str
    title: str  # the activity's title
    ref: str  # unique in the session: the activity and the item in it ('a2/c5', 'a1/s3/policy', ...)
    text: str
    kind: tp.Kind  # what it becomes by default
    kinds: tuple[tp.Kind, ...]  # what it may become, in the order offered
    owner: str = ''
    term: str = ''
    result: str = ''  # beoogd resultaat, where the werkvorm recorded one
    basis: str = ''  # op basis waarvan, where the werkvorm recorded it (a dilemma's handelingsafspraak)
    offer: str = ''  # a learning goal's kind of offer, where the werkvorm proposed one (a leerdoelwijzer's goal)
    influence: str = ''  # an escalatie's who does have influence, action, agreement and follow-up date, where the
    action: str = ''  # werkvorm recorded them (an incidentevaluatie's measure outside the team's reach)
    agreed: str = ''
    follow_up: str = ''


def candidates(state: SessionState) -> list[Candidate]:
    """Every outcome of every activity of the session that can go into the plan, in programme order."""
    return [
        Candidate(
            activity.id,
            activity.kind,
            activity.title,
            f'{activity.id}/{offer.ref}',
            offer.text,
            offer.kind,
            offer.kinds,
            offer.owner,
            offer.term,
            offer.result,
            offer.basis,
            offer.offer,
            offer.influence,
            offer.action,
            offer.agreed,
            offer.follow_up,
        )
        for activity in state.activities.values()
        for offer in WERKVORMEN[activity.kind].outcomes.offers(activity)
        if offer.text.strip()
    ]


def promotion(
    candidate: Candidate,
    state: SessionState,
    kind: str = '',
    *,
    result: str | None = None,
    term: str | None = None,
    basis: str | None = None,
    offer: str | None = None,
    escalation: dict[str, str] | None = None,
) -> tp.AddItem:
    """The plan item a candidate becomes: prefilled, with where it came from (session, werkvorm, item). `result`,
    `term`, `basis`, `offer` and `escalation` (influence, action, agreed, follow_up) are what the facilitator made of
    the candidate's own (None: the candidate's); the escalation's fields are kept only when it becomes an escalatie."""
    origin = tp.Origin(
        session_code=state.code,
        session_name=state.name,
        werkvorm=candidate.werkvorm,
        activity=candidate.title,
        source_ref=candidate.ref,
    )
    return tp.promote(
        candidate.text,
        candidate.kinds,
        kind=kind or candidate.kind.value,
        owner=candidate.owner,
        result=candidate.result if result is None else result,
        term=candidate.term if term is None else term,
        basis=candidate.basis if basis is None else basis,
        offer=candidate.offer if offer is None else offer,
        escalation=_escalation(candidate) if escalation is None else escalation,
        origin=origin,
    )


def _escalation(candidate: Candidate) -> dict[str, str]:
    return {name: getattr(candidate, name) for name in tp.ESCALATION_FIELDS}


def promoted(plan: tp.State, state: SessionState) -> set[str]:
    """The refs of this session's outcomes that are in the plan already (one click, not two items)."""
    return set(promoted_items(plan, state))


def promoted_items(plan: tp.State, state: SessionState) -> dict[str, tp.Item]:
    """This session's outcomes in the plan already: ref -> the item it became."""
    return {
        item.origin.source_ref: item
        for item in plan.items.values()
        if item.origin.session_code == state.code and item.origin.session_name == state.name
    }
