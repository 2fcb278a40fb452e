"""The arenagesprek's outcome: the key points grouped by tag (the summary for the werkoverleg), then the questions
asked per round; the key points are what it offers to the team plan (improvement items: teamleerdoelen)."""

from __future__ import annotations

from ...i18n import translate
from ...session import Activity, SessionState
from ...teamplan_model import Kind
from ..outcome import Block, Bullets, Heading, Offer, Outcome, Paragraph, Placeholder, Said, csv_row
from . import rules as ar

PLAN_KINDS = (Kind.TEAMLEERDOEL, Kind.BELEIDSPUNT, Kind.ESCALATIE)


def asked_by_round(state: ar.State) -> list[tuple[str, list[str]]]:
    """(round title, the questions asked in it) in the order of the plan."""
    titles = {r.id: r.title for r in state.rounds}
    grouped: dict[str, list[str]] = {}
    for round_id, text in state.history:
        grouped.setdefault(round_id, []).append(text)
    return [(titles.get(round_id, round_id), texts) for round_id, texts in grouped.items()]


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    """A tag is a bold line over its points in the summary, a heading in the Word report."""
    state: ar.State = activity.state
    grouped = {tag: tuple(texts) for tag, texts in ar.points_by_tag(state).items() if texts}
    blocks: list[Block] = [Heading(translate(lang, 'arena.points'))]
    if not grouped:
        blocks.append(Placeholder())
    for tag, texts in grouped.items():
        name = translate(lang, f'arena.tag.{tag.value}')
        blocks.append(Said((Paragraph(name, True), Bullets(texts)), document=(Heading(name, level=2), Bullets(texts))))
    for title, asked in asked_by_round(state):
        blocks += [Heading(title), Bullets(tuple(asked))]
    return Outcome(tuple(blocks), _rows(state, lang))


def _rows(state: ar.State, lang: str) -> tuple[tuple[object, ...], ...]:
    """One row per key point (its tag in the group column), then one per question asked (its round)."""
    rows: list[tuple[object, ...]] = []
    for number, point in enumerate(state.points, start=1):
        tag = translate(lang, f'arena.tag.{point.tag.value}')
        rows.append(csv_row(nr=number, text=point.text, group=tag))
    for title, texts in asked_by_round(state):
        rows += [csv_row(text=text, round=title) for text in texts]
    return tuple(rows)


def offers(activity: Activity) -> tuple[Offer, ...]:
    """Every key point, as a teamleerdoel."""
    arena: ar.State = activity.state
    return tuple(Offer(p.id, p.text, Kind.TEAMLEERDOEL, PLAN_KINDS) for p in arena.points)
