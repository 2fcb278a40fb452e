"""Session summary downloads (Markdown, CSV), made from the state alone: no device ids, no IP addresses."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from . import markdown_text as md
from .i18n import translate
from .session import Activity, SessionState
from .werkvormen import outcome as oc
from .werkvormen.arena import rules as ar
from .werkvormen.dilemma import rules as dm
from .werkvormen.registry import WERKVORMEN


def outcome_of(activity: Activity, state: SessionState, lang: str) -> oc.Outcome | None:
    """The activity's outcome as its werkvorm describes it (None: a werkvorm still written out below)."""
    werkvorm = WERKVORMEN[activity.kind]
    return werkvorm.outcomes.outcome(activity, state, lang) if werkvorm.outcome else None


def outcome_markdown(blocks: tuple[oc.Block, ...], medium: oc.Medium) -> list[str]:
    """An outcome's blocks as lines of Markdown, each block followed by an empty line; everything people typed is
    literal text (see markdown_text)."""
    return [line for block in oc.told(blocks, medium) for line in _markdown(block)]


def _markdown(block: oc.Block) -> list[str]:
    match block:
        case oc.Heading(text, number, level):
            return [f'{"#" * (level + 2)} {"" if number is None else f"{number}. "}{md.text(text)}', '']
        case oc.Paragraph(text, strong, after):
            said = f'**{md.text(text)}**' if strong else md.block(text)
            return [f'{said} {after}' if after else said, '']
        case oc.Labelled(label, text, inline):
            if inline:
                return [f'**{md.text(label)}:** {md.text(text)}', '']
            return [f'**{md.text(label)}**', '', md.block(text), '']
        case oc.Bullets(items):
            return [*(f'- {_item(item)}' for item in items), '']
        case oc.Numbered(entries):
            lines: list[str] = []
            for entry in entries:
                item = [f'{entry.number}. {md.text(entry.text)}{entry.after}']
                item += [f'   {md.text(text)}{after}' for text, after in entry.lines]
                lines += [f'{line}  ' for line in item[:-1]] + item[-1:]  # a hard break: the lines stay one item
            return [*lines, '']
        case oc.Table(header, rows):
            lines = ['| ' + ' | '.join(md.cell(h) for h in header) + ' |', '|' + ' --- |' * len(header)]
            return [*lines, *('| ' + ' | '.join(md.cell(cell) for cell in row) + ' |' for row in rows), '']
        case oc.Chart(_, rounds):
            return [*(f'- {r.label}: {md.text(r.text)}' for r in rounds), ''] if rounds else []
        case oc.Placeholder():
            return ['-', '']
        case oc.Section(heading, blocks):
            inner = [line for inner_block in blocks for line in _markdown(inner_block)]
            return [*_markdown(heading), *inner] if inner else []
    raise TypeError(block)  # a Said is told before


def _item(item: str | oc.Item) -> str:
    if isinstance(item, str):
        return md.text(item)
    lead = (f'**{item.lead}**: ' if item.strong else f'{item.lead} ') if item.lead else ''
    return f'{lead}{md.text(item.text)}{f" ({md.text(item.note)})" if item.note else ""}'


def summary_markdown(state: SessionState, lang: str = 'nl') -> str:
    """The session's outcome as Markdown: every statement with its rounds' results and its nabespreking. Everything
    people typed (names, statements, arguments, notes) is literal text, never Markdown or HTML."""
    created = datetime.fromtimestamp(state.created_at, UTC).strftime('%Y-%m-%d')
    lines = [f'# {md.text(state.name)}', '']
    if state.team:
        lines.append(f'{translate(lang, "home.team")}: {md.text(state.team)}  ')
    lines += [f'{created} · {translate(lang, "con.participants", n=len(state.participants))}', '']
    for activity in state.activities.values():
        lines += [f'## {md.text(activity.title)}', '']
        outcome = outcome_of(activity, state, lang)
        if outcome is not None:
            lines += outcome_markdown(outcome.blocks, 'summary')
            continue
        if activity.kind == ar.KIND:
            lines += _arena_markdown(activity, lang)
            continue
        if activity.kind == dm.KIND:
            lines += _dilemma_markdown(activity, state.min_reveal, lang)
            continue
        lines += [translate(lang, 'sum.reviewed'), '']  # the team plan's review: its outcome is the plan itself
    return '\n'.join(lines).rstrip() + '\n'


def asked_by_round(state: ar.State) -> list[tuple[str, list[str]]]:
    """(round title, the questions asked in it) in the order of the plan."""
    titles = {r.id: r.title for r in state.rounds}
    grouped: dict[str, list[str]] = {}
    for round_id, text in state.history:
        grouped.setdefault(round_id, []).append(text)
    return [(titles.get(round_id, round_id), texts) for round_id, texts in grouped.items()]


def _arena_markdown(activity: Activity, lang: str) -> list[str]:
    """The key points grouped by tag (the summary for the werkoverleg), then the questions asked per round."""
    state: ar.State = activity.state
    lines = [f'### {translate(lang, "arena.points")}', '']
    grouped = ar.points_by_tag(state)
    if not any(grouped.values()):
        lines += ['-', '']
    for tag, texts in grouped.items():
        if texts:
            lines += [f'**{translate(lang, f"arena.tag.{tag.value}")}**', '', *[f'- {md.text(t)}' for t in texts], '']
    for title, asked in asked_by_round(state):
        lines += [f'### {md.text(title)}', '', *[f'- {md.text(text)}' for text in asked], '']
    return lines


def comparison_text(lang: str, split: tuple[int, int] | None, judged: int, min_reveal: int) -> str:
    """'A 5, B 3', or why it is hidden (counts only: never who chose what)."""
    if split is None:
        return translate(lang, 'dm.too_few', total=judged, min=min_reveal)
    return f'{translate(lang, "dm.side_a")} {split[0]}, {translate(lang, "dm.side_b")} {split[1]}'


def agreement_details(lang: str, agreement: dm.Agreement) -> str:
    details = [translate(lang, 'dm.owner_is', owner=agreement.owner)]
    if agreement.term:
        details.append(translate(lang, 'dm.term_is', term=agreement.term))
    if agreement.basis:
        details.append(translate(lang, 'dm.basis_is', basis=agreement.basis))
    return ' · '.join(details)


def dilemma_table(lang: str, view: dm.PublicView) -> list[list[str]]:
    """The seed's table as rows of text, one per betrokkene (with their rights, interests or wishes) and the values
    and norms at stake for them, then what belongs to nobody in particular."""
    rows = []
    for row in view.rows():
        who = row.betrokkene.text if row.betrokkene is not None else translate(lang, 'dm.table.none')
        if row.belangen:
            stakes = '; '.join(i.text for i in row.belangen)
            who += f' ({translate(lang, "dm.table.stakes", items=stakes)})'
        rows.append([who, '; '.join(i.text for i in row.waarden), '; '.join(i.text for i in row.normen)])
    return rows


def alternative_text(lang: str, view: dm.PublicView, alternative: dm.Alternative) -> str:
    """'Een collega erbij roepen (Doet recht aan: Respect; Gaat in tegen: Huisregels)'."""
    names = {i.id: i.text for c in dm.VALUES for i in view.column(c)}
    verdicts = []
    for key, ids in (('dm.does_justice', alternative.does_justice), ('dm.goes_against', alternative.goes_against)):
        items = ', '.join(names[e] for e in ids if e in names)
        if items:
            verdicts.append(translate(lang, key, items=items))
    return alternative.text + (f' ({"; ".join(verdicts)})' if verdicts else '')


def _dilemma_markdown(activity: Activity, min_reveal: int, lang: str) -> list[str]:
    """The dilemma, its two sides, before and after (counts), the table, the alternatives, the deliberation and the
    agreements (marked for the team plan: kind, owner, term)."""
    state: dm.State = activity.state
    view = dm.public_view(state)
    lines: list[str] = []
    if view.chosen is not None:
        category = translate(lang, f'dm.category.{view.chosen.category.value}')
        lines += [f'### {translate(lang, "dm.dilemma")} ({category})', '', md.block(view.chosen.text), '']
    for name, text in view.formulation:
        if text:
            lines += [f'**{translate(lang, f"dm.field.{name}")}**', '', md.block(text), '']
    result = dm.comparison(state, min_reveal)
    if result.judged_before or result.judged_after:
        lines += [f'### {translate(lang, "dm.comparison")}', '']
        for moment, split, judged in (
            ('before', result.before, result.judged_before),
            ('after', result.after, result.judged_after),
        ):
            lines.append(
                f'- {translate(lang, f"dm.judged.{moment}")}: {comparison_text(lang, split, judged, result.minimum)}'
            )
        lines.append('')
    questions = view.column(dm.Column.VRAAG)
    if questions:
        lines += [f'### {translate(lang, "dm.step.verhelderen")}', '', *[f'- {md.text(q.text)}' for q in questions], '']
    table = dilemma_table(lang, view)
    if table:
        lines += [f'### {translate(lang, "dm.step.waarden")}', '']
        lines.append('| ' + ' | '.join(translate(lang, f'dm.column.{c.value}') for c in dm.TABLE) + ' |')
        lines.append('|' + ' --- |' * len(dm.TABLE))
        lines += ['| ' + ' | '.join(md.cell(cell) for cell in row) + ' |' for row in table]
        lines.append('')
    if view.alternatives:
        lines += [f'### {translate(lang, "dm.step.alternatieven")}', '']
        lines += [f'- {md.text(alternative_text(lang, view, a))}' for a in view.alternatives]
        lines.append('')
    deliberation = [(name, text) for name, text in view.deliberation if text]
    if deliberation:
        lines += [f'### {translate(lang, "dm.deliberation")}', '']
        lines += [f'- {translate(lang, f"dm.deliberation.{name}")} {md.text(text)}' for name, text in deliberation]
        lines.append('')
    for column in (dm.Column.EENS, dm.Column.VERSCHIL):
        if view.column(column):
            lines += [f'### {translate(lang, f"dm.column.{column.value}")}', '']
            lines += [f'- {md.text(item.text)}' for item in view.column(column)] + ['']
    if view.agreements:
        lines += [f'### {translate(lang, "dm.agreements_for_plan")}', '']
        for agreement in view.agreements:
            kind = translate(lang, f'dm.kind.{agreement.kind.value}')
            lines.append(f'- **{kind}**: {md.text(agreement.text)} ({md.text(agreement_details(lang, agreement))})')
        lines.append('')
    if view.evaluated:
        lines += [f'### {translate(lang, "dm.step.terugblik")}', '']
        if view.mean_score is not None:  # shown by the minimum that applied when the look-back closed
            lines.append(translate(lang, 'dm.mean_score', score=f'{view.mean_score:.1f}', n=view.evaluated))
            lines += ['', *[f'- {md.text(s)}' for s in dm.evaluation_sentences(state)]]
        else:
            lines.append(translate(lang, 'dm.too_few', total=view.evaluated, min=view.answers_minimum))
        lines.append('')
    return lines or ['-', '']


def _cell(value: object) -> object:
    """Text that a spreadsheet would read as a formula (=, +, -, @) is kept as text."""
    if isinstance(value, str) and value[:1] in ('=', '+', '-', '@', '\t', '\r'):
        return "'" + value
    return value


def summary_csv(state: SessionState, lang: str = 'nl') -> str:
    """One row per statement and round, for a spreadsheet (counts hidden below the minimum)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            'activiteit',
            'werkvorm',
            'nr',
            'tekst',
            'ronde',
            'eens',
            'oneens',
            'totaal',
            'groep',
            'punten',
            'uitkomst',
            'apart gehouden',
            'wat is bekend',
            'wat werkt in de praktijk',
            'wat moet anders',
            'via telefoon',
            'geteld in de zaal',
        ]
    )
    for activity in state.activities.values():
        outcome = outcome_of(activity, state, lang)
        if outcome is not None:
            rows = [list(row) for row in outcome.rows]
        elif activity.kind == ar.KIND:
            rows = _arena_rows(activity, lang)
        elif activity.kind == dm.KIND:
            rows = _dilemma_rows(activity, state.min_reveal, lang)
        else:
            rows = []
        for row in rows:
            writer.writerow(_cell(value) for value in [activity.title, activity.kind, *row])
    return buffer.getvalue()


def _dilemma_rows(activity: Activity, min_reveal: int, lang: str) -> list[list[object]]:
    """The dilemma, before and after (counts), one row per entry of the table, alternative and point of agreement or
    difference (its column in the group column), and one per agreement (kind, owner and term in the outcome)."""
    state: dm.State = activity.state
    view = dm.public_view(state)

    def row(number: object, text: str, group: str = '', outcome: str = '') -> list[object]:
        return [number, text, '', '', '', '', group, '', outcome, '', '', '', '']

    rows: list[list[object]] = []
    if view.chosen is not None:
        rows.append(row('', view.chosen.text, translate(lang, f'dm.category.{view.chosen.category.value}')))
    result = dm.comparison(state, min_reveal)
    for moment, split, judged in (
        ('before', result.before, result.judged_before),
        ('after', result.after, result.judged_after),
    ):
        if judged:
            text = translate(lang, f'dm.judged.{moment}')
            rows.append(row('', text, '', comparison_text(lang, split, judged, result.minimum)))
    for column in dm.Column:
        for item in view.column(column):
            rows.append(row(item.id, item.text, translate(lang, f'dm.column.{column.value}')))
    for agreement in view.agreements:
        kind = translate(lang, f'dm.kind.{agreement.kind.value}')
        rows.append(row(agreement.id, agreement.text, kind, agreement_details(lang, agreement)))
    return rows


def _arena_rows(activity: Activity, lang: str) -> list[list[object]]:
    """One row per key point (its tag in the group column), then one per question asked (its round)."""
    state: ar.State = activity.state
    rows: list[list[object]] = []
    for number, point in enumerate(state.points, start=1):
        tag = translate(lang, f'arena.tag.{point.tag.value}')
        rows.append([number, point.text, '', '', '', '', tag, '', '', '', '', '', ''])
    for title, texts in asked_by_round(state):
        for text in texts:
            rows.append(['', text, title, '', '', '', '', '', '', '', '', '', ''])
    return rows
