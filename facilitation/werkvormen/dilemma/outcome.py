"""The dilemmamethodiek's outcome: the dilemma and its sides, before and after (counts only), the table of people
involved with their values and norms, the alternatives, the deliberation, agreement and difference, the agreements
and the look back; the agreements (with their owner, term and basis) are what it offers to the team plan."""

from __future__ import annotations

from ...i18n import date_text, translate
from ...session import Activity, SessionState
from ...teamplan_model import Kind
from ..outcome import (
    Agreement,
    Block,
    Bullets,
    Heading,
    Item,
    Labelled,
    Offer,
    Outcome,
    Paragraph,
    Placeholder,
    Said,
    Table,
    csv_row,
)
from . import rules as dm

PLAN_KINDS = (Kind.WERKAFSPRAAK, Kind.HANDELINGSAFSPRAAK, Kind.BELEIDSPUNT, Kind.ESCALATIE)
AGREEMENT_KIND = {dm.AgreementKind.HANDELING: Kind.HANDELINGSAFSPRAAK, dm.AgreementKind.WERK: Kind.WERKAFSPRAAK}


def comparison_text(lang: str, split: tuple[int, int] | None, judged: int, min_reveal: int) -> str:
    """'A 5, B 3', or why it is hidden (counts only: never who chose what)."""
    if split is None:
        return translate(lang, 'dm.too_few', total=judged, min=min_reveal)
    return f'{translate(lang, "dm.side_a")} {split[0]}, {translate(lang, "dm.side_b")} {split[1]}'


def agreement_details(lang: str, agreement: dm.Agreement) -> str:
    """'eigenaar: Jan · termijn: 2027-02-01 · grondslag: …'."""
    details = [translate(lang, 'dm.owner_is', owner=agreement.owner)]
    if agreement.term:
        details.append(translate(lang, 'dm.term_is', term=agreement.term))
    if agreement.basis:
        details.append(translate(lang, 'dm.basis_is', basis=agreement.basis))
    return ' · '.join(details)


def dilemma_table(lang: str, view: dm.PublicView) -> tuple[tuple[str, ...], ...]:
    """The seed's table as rows of text, one per betrokkene (with their rights, interests or wishes) and the values
    and norms at stake for them, then what belongs to nobody in particular."""
    rows = []
    for row in view.rows():
        who = row.betrokkene.text if row.betrokkene is not None else translate(lang, 'dm.table.none')
        if row.belangen:
            stakes = '; '.join(i.text for i in row.belangen)
            who += f' ({translate(lang, "dm.table.stakes", items=stakes)})'
        rows.append((who, '; '.join(i.text for i in row.waarden), '; '.join(i.text for i in row.normen)))
    return tuple(rows)


def alternative_text(lang: str, view: dm.PublicView, alternative: dm.Alternative) -> str:
    """'Een collega erbij roepen (Doet recht aan: Respect; Gaat in tegen: Huisregels)'."""
    names = {i.id: i.text for c in dm.VALUES for i in view.column(c)}
    verdicts = []
    for key, ids in (('dm.does_justice', alternative.does_justice), ('dm.goes_against', alternative.goes_against)):
        items = ', '.join(names[e] for e in ids if e in names)
        if items:
            verdicts.append(translate(lang, key, items=items))
    return alternative.text + (f' ({"; ".join(verdicts)})' if verdicts else '')


def _comparison(lang: str, result: dm.Comparison) -> Said:
    """Before and after: a line each in the summary, a table (moment, A, B) in the Word report."""
    heading = Heading(translate(lang, 'dm.comparison'))
    moments = [
        (translate(lang, f'dm.judged.{moment}'), split, judged)
        for moment, split, judged in (
            ('before', result.before, result.judged_before),
            ('after', result.after, result.judged_after),
        )
    ]
    lines = tuple(f'{name}: {comparison_text(lang, split, judged, result.minimum)}' for name, split, judged in moments)
    header = (translate(lang, 'dm.report.moment'), translate(lang, 'dm.side_a'), translate(lang, 'dm.side_b'))
    rows = tuple(
        (name, comparison_text(lang, split, judged, result.minimum)) if split is None else (name, *map(str, split))
        for name, split, judged in moments
    )
    return Said((heading, Bullets(lines)), document=(heading, Table(header, rows)))


def _agreements(lang: str, view: dm.PublicView) -> Said:
    """The agreements for the team plan: kind, text and details in the summary, a table with their basis in Word."""
    heading = Heading(translate(lang, 'dm.agreements_for_plan'))
    kinds = {a.id: translate(lang, f'dm.kind.{a.kind.value}') for a in view.agreements}
    items = tuple(Item(a.text, kinds[a.id], True, agreement_details(lang, a)) for a in view.agreements)
    header = (
        translate(lang, 'dm.kind'),
        translate(lang, 'report.agreements'),
        translate(lang, 'plan.owner'),
        translate(lang, 'plan.term'),
        translate(lang, 'dm.report.basis'),
    )
    rows = tuple((kinds[a.id], a.text, a.owner, date_text(a.term, lang), a.basis) for a in view.agreements)
    return Said((heading, Bullets(items)), document=(heading, Table(header, rows)))


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    state: dm.State = activity.state
    view = dm.public_view(state, session.min_reveal)
    blocks: list[Block] = []
    if view.chosen is not None:
        category = translate(lang, f'dm.category.{view.chosen.category.value}')
        blocks += [Heading(f'{translate(lang, "dm.dilemma")} ({category})'), Paragraph(view.chosen.text)]
    blocks += [Labelled(translate(lang, f'dm.field.{name}'), text) for name, text in view.formulation if text]
    result = dm.comparison(state, session.min_reveal)
    if result.judged_before or result.judged_after:
        blocks.append(_comparison(lang, result))
    questions = view.column(dm.Column.VRAAG)
    if questions:
        blocks += [Heading(translate(lang, 'dm.step.verhelderen')), Bullets(tuple(q.text for q in questions))]
    table = dilemma_table(lang, view)
    if table:
        header = tuple(translate(lang, f'dm.column.{c.value}') for c in dm.TABLE)
        blocks += [Heading(translate(lang, 'dm.step.waarden')), Table(header, table)]
    if view.alternatives:
        alternatives = tuple(alternative_text(lang, view, a) for a in view.alternatives)
        blocks += [Heading(translate(lang, 'dm.step.alternatieven')), Bullets(alternatives)]
    deliberation = [(translate(lang, f'dm.deliberation.{name}'), text) for name, text in view.deliberation if text]
    if deliberation:
        heading = Heading(translate(lang, 'dm.deliberation'))
        said = Bullets(tuple(Item(text, lead) for lead, text in deliberation))
        blocks.append(Said((heading, said), document=(heading, *(Labelled(*pair) for pair in deliberation))))
    for column in (dm.Column.EENS, dm.Column.VERSCHIL):
        if view.column(column):
            texts = tuple(item.text for item in view.column(column))
            blocks += [Heading(translate(lang, f'dm.column.{column.value}')), Bullets(texts)]
    if view.agreements:
        blocks.append(_agreements(lang, view))
    if view.evaluated:
        blocks.append(Heading(translate(lang, 'dm.step.terugblik')))
        if view.mean_score is not None:  # shown by the minimum that applied when the look-back closed
            score = translate(lang, 'dm.mean_score', score=f'{view.mean_score:.1f}', n=view.evaluated)
            blocks += [Paragraph(score), Bullets(tuple(dm.evaluation_sentences(state)))]
        else:
            blocks.append(Paragraph(translate(lang, 'dm.too_few', total=view.evaluated, min=view.answers_minimum)))
    agreements = tuple(
        Agreement(translate(lang, f'dm.kind.{a.kind.value}'), a.text, a.owner, a.term) for a in state.agreements
    )
    return Outcome(
        tuple(blocks) or (Said((Placeholder(),), document=()),),
        _rows(lang, state, view, result),
        agreements=agreements,
    )


def _rows(lang: str, state: dm.State, view: dm.PublicView, result: dm.Comparison) -> tuple[tuple[object, ...], ...]:
    """The dilemma, before and after (counts), one row per entry of the table, alternative and point of agreement or
    difference (its column in the group column), and one per agreement (kind, owner and term in the outcome)."""

    rows: list[tuple[object, ...]] = []
    if view.chosen is not None:
        rows.append(csv_row(text=view.chosen.text, group=translate(lang, f'dm.category.{view.chosen.category.value}')))
    for moment, split, judged in (
        ('before', result.before, result.judged_before),
        ('after', result.after, result.judged_after),
    ):
        if judged:
            text = translate(lang, f'dm.judged.{moment}')
            rows.append(csv_row(text=text, outcome=comparison_text(lang, split, judged, result.minimum)))
    for column in dm.Column:
        group = translate(lang, f'dm.column.{column.value}')
        rows += [csv_row(nr=item.id, text=item.text, group=group) for item in view.column(column)]
    for agreement in view.agreements:
        kind = translate(lang, f'dm.kind.{agreement.kind.value}')
        rows.append(
            csv_row(nr=agreement.id, text=agreement.text, group=kind, outcome=agreement_details(lang, agreement))
        )
    return tuple(rows)


def offers(activity: Activity) -> tuple[Offer, ...]:
    """The agreements with their owner and term: a handelingsafspraak with what it rests on, a werkafspraak."""
    dilemma: dm.State = activity.state
    return tuple(
        Offer(a.id, a.text, AGREEMENT_KIND[a.kind], PLAN_KINDS, a.owner, a.term, basis=a.basis)
        for a in dilemma.agreements
    )
