"""The lagerhuis's outcome: the stelling, both sides' arguments with their links, the tally, the winner and the
conclusions; the conclusions are what it offers to the team plan."""

from __future__ import annotations

from ...i18n import translate
from ...session import Activity, SessionState
from ...teamplan_model import Kind
from ..outcome import Block, Bullets, Heading, Labelled, Offer, Outcome, Paragraph, Said, Table, csv_row
from . import rules as lh

PLAN_KINDS = (Kind.WERKAFSPRAAK, Kind.BELEIDSPUNT, Kind.ESCALATIE)


def lagerhuis_result(lang: str, view: lh.PublicView) -> str:
    """The winner (or a tie) once the debate has ended; before that, only the tally so far."""
    voor, tegen = view.tally
    if view.stage is not lh.Stage.DISCUSSION:
        return translate(lang, 'lh.tally', voor=voor, tegen=tegen)
    winner = lh.winner_of(view.tally)
    if winner is None:
        return translate(lang, 'lh.tie', n=voor)
    most, least = (voor, tegen) if winner is lh.Side.VOOR else (tegen, voor)
    return translate(lang, 'lh.winner', side=translate(lang, f'lh.side.{winner.value}'), most=most, least=least)


def argument_line(lang: str, argument: lh.ArgumentView) -> str:
    """'T1. Het schrikt af (antwoord op V1) — geschrapt: herhaling'."""
    line = f'{argument.label}. {argument.text}'
    if argument.reply_to:
        line += f' ({translate(lang, "lh.answers", label=argument.reply_to)})'
    if argument.struck:
        line += f' — {translate(lang, "lh.struck", reason=argument.reason)}'
    return line


def _remarks(lang: str, argument: lh.ArgumentView) -> str:
    remarks = [translate(lang, 'lh.answers', label=argument.reply_to)] if argument.reply_to else []
    if argument.struck:
        remarks.append(translate(lang, 'lh.struck', reason=argument.reason))
    return ' · '.join(remarks)


def _side(lang: str, view: lh.PublicView, side: lh.Side) -> Said:
    """A side's arguments: a list in the summary, a table (number, argument, remark) in the Word report."""
    heading = Heading(translate(lang, f'lh.side.{side.value}'))
    items = [a for a in view.arguments if a.side is side]
    none = translate(lang, 'lh.no_arguments')
    header = tuple(translate(lang, key) for key in ('report.nr', 'lh.report.argument', 'lh.report.remark'))
    table = Table(header, tuple((a.label, a.text, _remarks(lang, a)) for a in items))
    return Said(
        (heading, Bullets(tuple(argument_line(lang, a) for a in items) or (none,))),
        document=(heading, table if items else Paragraph(none)),
    )


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    view = lh.public_view(activity.state, session.min_reveal)
    result = lagerhuis_result(lang, view)
    tally = translate(lang, 'lh.tally', voor=view.tally[0], tegen=view.tally[1])
    blocks: list[Block] = [
        Labelled(translate(lang, 'lh.statement'), view.statement, inline=True),
        Said((Paragraph(result, True, f'({tally})'),), document=(Paragraph(result, True),)),
    ]
    if view.turns.room:  # turns of people who stood up without a phone, said apart from the phones'
        channels = translate(lang, 'hand.channels', phone=view.turns.phone, room=view.turns.room)
        blocks.append(Said((Paragraph(translate(lang, 'lh.turns', channels=channels)),), document=()))
    blocks += [_side(lang, view, side) for side in lh.Side]
    if view.conclusions:
        blocks += [Heading(translate(lang, 'lh.conclusions')), Paragraph(view.conclusions)]
    return Outcome(tuple(blocks), _rows(lang, view, result))


def _rows(lang: str, view: lh.PublicView, result: str) -> tuple[tuple[object, ...], ...]:
    """The stelling, one row per argument (side, link, struck and why), the tally and the conclusions."""
    rows: list[tuple[object, ...]] = [csv_row(text=view.statement)]
    for argument in view.arguments:
        side = translate(lang, f'lh.side.{argument.side.value}')
        link = translate(lang, 'lh.answers', label=argument.reply_to) if argument.reply_to else ''
        struck = translate(lang, 'lh.struck', reason=argument.reason) if argument.struck else ''
        remark = ' '.join(x for x in (link, struck) if x)
        rows.append(csv_row(nr=argument.label, text=argument.text, group=side, outcome=remark))
    for side, count in zip(lh.Side, view.tally, strict=True):
        name = translate(lang, f'lh.side.{side.value}')
        rows.append(csv_row(text=translate(lang, 'lh.arguments'), group=name, points=count))
    rows.append(csv_row(text=result, known=view.conclusions))
    return tuple(rows)


def offers(activity: Activity) -> tuple[Offer, ...]:
    """The conclusions, as one werkafspraak."""
    debate: lh.State = activity.state
    return (Offer('conclusions', debate.conclusions, Kind.WERKAFSPRAAK, PLAN_KINDS),)
