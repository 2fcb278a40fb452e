"""The kennisquiz's outcome: the winner, the final scores, every asked card with its outcome, and the cards set aside
for later, which are what it offers to the team plan (kennishiaten)."""

from __future__ import annotations

from ...i18n import translate
from ...session import Activity, SessionState
from ...teamplan_model import Kind
from ..outcome import Bullets, Entry, Heading, Item, Numbered, Offer, Outcome, Paragraph, Said, Table, csv_row
from . import rules as qz

PLAN_KINDS = (Kind.KENNISHIAAT, Kind.BELEIDSPUNT)


def group_name(lang: str, standing: qz.Standing) -> str:
    return standing.name or translate(lang, 'quiz.group_n', n=standing.number)


def points_text(value: float) -> str:
    """Points as people write them: 10, 2.5."""
    return str(int(value)) if value == int(value) else f'{value:.1f}'


def card_answer(card: qz.Card) -> str:
    return card.options[card.correct] if card.options and card.correct >= 0 else card.answer


def quiz_channels(lang: str, item: qz.CardResult) -> str:
    """' (3 via telefoon, 2 geteld in de zaal)' for an opinion whose raised hands were counted, else ''."""
    if item.channels is None:
        return ''
    return f' ({translate(lang, "hand.channels", phone=item.channels.phone, room=item.channels.room)})'


def _decision(lang: str, names: dict[str, str], group: str, amount: float, reason: str) -> str:
    return translate(lang, f'quiz.outcome.{reason}', group=names.get(group, group), points=points_text(amount))


def _decisions(lang: str, names: dict[str, str], item: qz.CardResult) -> str:
    return '; '.join(_decision(lang, names, group, amount, reason) for group, amount, reason in item.outcome)


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    """The summary lists the scores and the cards; the Word report puts them in tables."""
    result = qz.summary(activity.state)
    names = {s.group: group_name(lang, s) for s in result.standings}
    blocks: list[Paragraph | Said] = []
    if result.winners:
        key = 'quiz.winner' if len(result.winners) == 1 else 'quiz.winners_tie'
        blocks.append(Paragraph(translate(lang, key, groups=' & '.join(names[w.group] for w in result.winners)), True))
    scoreboard, deck = Heading(translate(lang, 'quiz.scoreboard')), Heading(translate(lang, 'quiz.deck'))
    kinds = {item.card.id: translate(lang, f'quiz.kind.{item.card.kind.value}') for item in result.results}
    set_aside = tuple((card.question, translate(lang, f'quiz.aside.{why.value}')) for card, why in result.aside)
    aside = (Heading(translate(lang, 'quiz.aside_title')), Bullets(tuple(Item(q, note=why) for q, why in set_aside)))
    summary = (
        scoreboard,
        Numbered(
            tuple(
                Entry(row.rank, names[row.group], f': {translate(lang, "quiz.points", points=points_text(row.points))}')
                for row in result.standings
            )
        ),
        deck,
        Numbered(
            tuple(
                Entry(
                    item.position,
                    item.card.question,
                    f' ({kinds[item.card.id]})',
                    (
                        *(((translate(lang, 'quiz.right_answer', answer=answer), ''),) if answer else ()),
                        (_decisions(lang, names, item), quiz_channels(lang, item)),
                    ),
                )
                for item in result.results
                for answer in (card_answer(item.card),)
            )
        ),
        *(aside if set_aside else ()),
    )
    standings = Table(
        tuple(translate(lang, key) for key in ('quiz.report.rank', 'quiz.report.group', 'quiz.report.points')),
        tuple((str(row.rank), names[row.group], points_text(row.points)) for row in result.standings),
    )
    cards = Table(
        tuple(
            translate(lang, key)
            for key in ('report.nr', 'report.question', 'quiz.report.answer', 'quiz.report.outcome')
        ),
        tuple(
            (
                str(item.position),
                f'{item.card.question} ({kinds[item.card.id]})',
                card_answer(item.card),
                _decisions(lang, names, item) + quiz_channels(lang, item),
            )
            for item in result.results
        ),
    )
    document = (
        *((scoreboard, standings) if result.standings else ()),
        *((deck, cards) if result.results else ()),
        *(aside if set_aside else ()),
    )
    blocks.append(Said(summary, document=document))
    return Outcome(tuple(blocks), _rows(activity, lang), set_aside)


def _rows(activity: Activity, lang: str) -> tuple[tuple[object, ...], ...]:
    """One row per decision on an asked card, then the cards set aside unasked, then the final score of every
    group."""
    state: qz.State = activity.state
    result = qz.summary(state)
    names = {s.group: group_name(lang, s) for s in result.standings}
    rows: list[tuple[object, ...]] = []
    for item in result.results:
        why = translate(lang, f'quiz.aside.{item.aside.value}') if item.aside else ''
        for group, amount, reason in item.outcome or (('', 0.0, ''),):
            decision = _decision(lang, names, group, amount, reason) if reason else ''
            phone, room = (item.channels.phone, item.channels.room) if item.channels else ('', '')
            rows.append(
                csv_row(nr=item.position, text=item.card.question, group=names.get(group, ''),
                        points=points_text(amount), outcome=decision, aside=why, by_phone=phone, in_room=room)
            )  # fmt: skip
    asked = {item.card.id for item in result.results}
    positions = {card_id: i for i, card_id in enumerate(state.cards, start=1)}
    for card, why in result.aside:
        if card.id not in asked:
            reason = translate(lang, f'quiz.aside.{why.value}')
            rows.append(csv_row(nr=positions[card.id], text=card.question, aside=reason))
    final = translate(lang, 'quiz.scoreboard')
    for row in result.standings:
        points = points_text(row.points)
        rows.append(csv_row(text=final, group=names[row.group], points=points, outcome=f'{row.rank}'))
    return tuple(rows)


def offers(activity: Activity) -> tuple[Offer, ...]:
    """The cards set aside, to find out what is not known yet (kennishiaten)."""
    return tuple(
        Offer(card.id, card.question, Kind.KENNISHIAAT, PLAN_KINDS) for card, _ in qz.summary(activity.state).aside
    )
