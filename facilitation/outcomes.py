"""What a session produced that can go into the team's plan: every werkvorm's outcome as a candidate item, and the
prefilled plan item it becomes with one click (the table of what becomes what is teamplan.PROMOTIONS).

- stellingen: the nabespreking's notes (what is known, or not: a kennishiaat to fill; what works in practice: a
  werkafspraak; what should change: a beleidspunt);
- kennisquiz: the cards set aside (kennishiaten);
- lagerhuis: the conclusions (a werkafspraak);
- arenagesprek: the key points (improvement items: teamleerdoelen);
- dilemmamethodiek: the agreements, with their owner and term: a handelingsafspraak with what it rests on (op basis
  waarvan), a werkafspraak.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import teamplan as tp
from .session import Activity, SessionState
from .werkvormen.arena import rules as ar
from .werkvormen.dilemma import rules as dm
from .werkvormen.lagerhuis import rules as lh
from .werkvormen.quiz import rules as qz
from .werkvormen.statements import rules as st


@dataclass(frozen=True)
class Candidate:
    activity: str  # the activity's id in the session
    werkvorm: str
    title: str  # the activity's title
    ref: str  # unique in the session: the activity and the item in it ('a2/c5', 'a1/s3/policy', ...)
    text: str
    kind: tp.Kind  # what it becomes by default
    owner: str = ''
    term: str = ''
    result: str = ''  # beoogd resultaat, where the werkvorm recorded one
    basis: str = ''  # op basis waarvan, where the werkvorm recorded it (a dilemma's handelingsafspraak)


def candidates(state: SessionState) -> list[Candidate]:
    """Every outcome of every activity of the session that can go into the plan, in programme order."""
    return [
        Candidate(
            activity.id, activity.kind, activity.title, f'{activity.id}/{ref}', text, kind, owner, term, basis=basis
        )
        for activity in state.activities.values()
        for ref, text, kind, owner, term, basis in _outcomes(activity)
        if text.strip()
    ]


_AGREEMENT_KIND = {dm.AgreementKind.HANDELING: tp.Kind.HANDELINGSAFSPRAAK, dm.AgreementKind.WERK: tp.Kind.WERKAFSPRAAK}


def _outcomes(activity: Activity) -> list[tuple[str, str, tp.Kind, str, str, str]]:
    """(ref in the activity, text, default kind, owner, term, basis) of one activity's outcomes."""
    match activity.kind:
        case st.KIND:
            statements: st.State = activity.state
            return [
                (f'{s.id}/{note}', getattr(s.discussion, note), kind, '', '', '')
                for s in statements.statements.values()
                for note, kind in (
                    ('known', tp.Kind.KENNISHIAAT),  # seed: "Kennishiaten opsporen en invullen"
                    ('practice', tp.Kind.WERKAFSPRAAK),
                    ('policy', tp.Kind.BELEIDSPUNT),
                )
            ]
        case qz.KIND:
            return [
                (card.id, card.question, tp.Kind.KENNISHIAAT, '', '', '')
                for card, _ in qz.summary(activity.state).aside
            ]
        case lh.KIND:
            debate: lh.State = activity.state
            return [('conclusions', debate.conclusions, tp.Kind.WERKAFSPRAAK, '', '', '')]
        case ar.KIND:
            arena: ar.State = activity.state
            return [(p.id, p.text, tp.Kind.TEAMLEERDOEL, '', '', '') for p in arena.points]
        case dm.KIND:
            dilemma: dm.State = activity.state
            return [(a.id, a.text, _AGREEMENT_KIND[a.kind], a.owner, a.term, a.basis) for a in dilemma.agreements]
    return []


def promotion(
    candidate: Candidate,
    state: SessionState,
    kind: str = '',
    *,
    result: str | None = None,
    term: str | None = None,
    basis: str | None = None,
) -> tp.AddItem:
    """The plan item a candidate becomes: prefilled, with where it came from (session, werkvorm, item). `result`,
    `term` and `basis` are what the facilitator made of the candidate's own (None: the candidate's)."""
    origin = tp.Origin(
        session_code=state.code,
        session_name=state.name,
        werkvorm=candidate.werkvorm,
        activity=candidate.title,
        source_ref=candidate.ref,
    )
    return tp.promote(
        candidate.werkvorm,
        candidate.text,
        kind=kind or candidate.kind.value,
        owner=candidate.owner,
        result=candidate.result if result is None else result,
        term=candidate.term if term is None else term,
        basis=candidate.basis if basis is None else basis,
        origin=origin,
    )


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
