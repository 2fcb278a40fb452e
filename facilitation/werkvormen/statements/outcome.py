"""The stellingen's outcome: every statement with its rounds' results (counts hidden below the minimum) and its
nabespreking; the nabespreking's notes are what it offers to the team plan."""

from __future__ import annotations

from ...i18n import translate
from ...session import Activity, SessionState
from ...teamplan_model import Kind
from ..outcome import Bullets, Chart, Heading, Labelled, Offer, Outcome, Round, Said, Section, Table, csv_row
from . import rules as st

NOTES = ('known', 'practice', 'policy')
NOTE_KINDS = {'known': Kind.KENNISHIAAT, 'practice': Kind.WERKAFSPRAAK, 'policy': Kind.BELEIDSPUNT}
"""What each note of the nabespreking becomes by default (seed: "Kennishiaten opsporen en invullen")."""
PLAN_KINDS = (Kind.WERKAFSPRAAK, Kind.BELEIDSPUNT, Kind.KENNISHIAAT, Kind.ESCALATIE)


def result_text(lang: str, tally: st.Tally, min_reveal: int) -> str:
    """'Eens 3 (75%), Oneens 1 (25%)', with the room's count beside the phones', or why it is not shown."""
    if tally.total == 0:
        return translate(lang, 'st.no_votes')
    if not tally.shown:
        return translate(lang, 'st.too_few', total=tally.total, min=tally.minimum or min_reveal)
    text = (
        f'{translate(lang, "st.eens")} {tally.eens} ({tally.percent(st.Choice.EENS)}%), '
        f'{translate(lang, "st.oneens")} {tally.oneens} ({tally.percent(st.Choice.ONEENS)}%)'
    )
    if tally.room:  # cards or corners counted in the room: said, beside the phones' votes
        text += f' ({counted(lang, tally)})'
    return text


def counted(lang: str, tally: st.Tally) -> str:
    """'3 via telefoon, 2 geteld in de zaal', or '' when nobody was counted in the room."""
    return translate(lang, 'hand.channels', phone=tally.channels.phone, room=tally.room) if tally.room else ''


def _round(lang: str, result: st.RoundResult, min_reveal: int) -> Round:
    tally = result.tally
    return Round(
        translate(lang, 'st.round_n', n=result.number),
        result_text(lang, tally, min_reveal),
        (tally.eens, tally.oneens),
        tuple(tally.percent(choice) for choice in st.Choice),
        tally.shown and tally.total > 0,
        counted(lang, tally),
    )


def _table_row(lang: str, item: st.StatementSummary, result: st.RoundResult | None, min_reveal: int) -> tuple[str, ...]:
    """Statement, round, eens, oneens; a result not shown is said in words over the two counts."""
    statement, number = f'{item.position}. {item.text}', str(result.number) if result else ''
    tally = result.tally if result else None
    if tally is None:
        return (statement, number, translate(lang, 'st.no_votes'))
    if not (tally.shown and tally.total):
        return (statement, number, result_text(lang, tally, min_reveal))
    eens = f'{tally.eens} ({tally.percent(st.Choice.EENS)}%)'
    return (statement, number, eens, f'{tally.oneens} ({tally.percent(st.Choice.ONEENS)}%)')


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    """In the summary a part per statement: its rounds, then its notes. The Word report puts all results in one
    table first, then per statement its chart and its notes."""
    min_reveal = session.min_reveal
    summary = st.summary(activity.state, min_reveal)
    choices = tuple((choice.value, translate(lang, f'st.{choice.value}')) for choice in st.Choice)
    blocks: list[Said] = []
    if summary:
        header = ('st.report.statement', 'st.report.round')
        table = Table(
            (*(translate(lang, key) for key in header), *(word for _, word in choices)),
            tuple(_table_row(lang, item, result, min_reveal) for item in summary for result in item.rounds or (None,)),
        )
        blocks.append(Said((), document=(table,)))
    for item in summary:
        heading = Heading(item.text, number=item.position)
        chart = Chart(choices, tuple(_round(lang, result, min_reveal) for result in item.rounds))
        notes = tuple(
            Labelled(translate(lang, f'st.discussion.{name}'), getattr(item.discussion, name))
            for name in NOTES
            if getattr(item.discussion, name)
        )
        rounds = (chart,) if item.rounds else ()
        blocks.append(
            Said(
                (heading, *rounds, *notes),
                report=(heading, *(rounds or (Bullets((translate(lang, 'st.no_votes'),)),)), *notes),
                document=(Section(heading, (chart, *notes)),),
            )
        )
    return Outcome(tuple(blocks), _rows(activity, min_reveal))


def _rows(activity: Activity, min_reveal: int) -> tuple[tuple[object, ...], ...]:
    """One row per statement and round: its counts (hidden below the minimum), its notes, how it was counted."""
    rows: list[tuple[object, ...]] = []
    for item in st.summary(activity.state, min_reveal):
        notes = [getattr(item.discussion, name) for name in NOTES]
        for result in item.rounds or (None,):
            tally = result.tally if result else None
            agree, disagree = (tally.eens, tally.oneens) if tally and tally.shown else ('', '')
            phone, room = (tally.channels.phone, tally.room) if tally else (0, 0)  # totals only: no one's answer
            rows.append(
                csv_row(nr=item.position, text=item.text, round=result.number if result else '', agree=agree,
                        disagree=disagree, total=tally.total if tally else 0, by_phone=phone, in_room=room,
                        **dict(zip(NOTES, notes, strict=True)))
            )  # fmt: skip
    return tuple(rows)


def offers(activity: Activity) -> tuple[Offer, ...]:
    """Every note of every statement's nabespreking."""
    state: st.State = activity.state
    return tuple(
        Offer(f'{s.id}/{note}', getattr(s.discussion, note), NOTE_KINDS[note], PLAN_KINDS)
        for s in state.statements.values()
        for note in NOTES
    )
