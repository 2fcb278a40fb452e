"""Session summary downloads (Markdown, CSV), made from the state alone: no device ids, no IP addresses."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from . import markdown_text as md
from .i18n import translate
from .session import Activity, SessionState
from .werkvormen import outcome as oc
from .werkvormen.registry import WERKVORMEN


def outcome_of(activity: Activity, state: SessionState, lang: str) -> oc.Outcome:
    """The activity's outcome as its werkvorm describes it."""
    return WERKVORMEN[activity.kind].outcomes.outcome(activity, state, lang)


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
        case oc.Heatmap():
            return _heatmap(block)
        case oc.Placeholder():
            return ['-', '']
        case oc.Section(heading, blocks):
            inner = [line for inner_block in blocks for line in _markdown(inner_block)]
            return [*_markdown(heading), *inner] if inner else []
    raise TypeError(block)  # a Said is told before


def _heatmap(heatmap: oc.Heatmap) -> list[str]:
    """A heatmap as a table: its rows, the count of each column, and the row's note where it has one."""
    noted = bool(heatmap.notes)
    header = (heatmap.corner, *heatmap.columns, *((heatmap.note_header,) if noted else ()))
    rows = tuple(
        (row, *map(str, counts), *((heatmap.notes[i] if i < len(heatmap.notes) else '',) if noted else ()))
        for i, (row, counts) in enumerate(zip(heatmap.rows, heatmap.counts, strict=True))
    )
    return _markdown(oc.Table(header, rows)) if rows else []


def _item(item: str | oc.Item) -> str:
    if isinstance(item, str):
        return md.text(item)
    lead = (f'**{item.lead}**: ' if item.strong else f'{item.lead} ') if item.lead else ''
    return f'{lead}{md.text(item.text)}{f" ({md.text(item.note)})" if item.note else ""}'


def summary_markdown(state: SessionState, lang: str = 'nl') -> str:
    """The session's outcome as Markdown: every activity's outcome as its werkvorm describes it. Everything people
    typed (names, statements, arguments, notes) is literal text, never Markdown or HTML."""
    created = datetime.fromtimestamp(state.created_at, UTC).strftime('%Y-%m-%d')
    lines = [f'# {md.text(state.name)}', '']
    if state.team:
        lines.append(f'{translate(lang, "home.team")}: {md.text(state.team)}  ')
    lines += [f'{created} · {translate(lang, "con.participants", n=len(state.participants))}', '']
    for activity in state.activities.values():
        lines += [f'## {md.text(activity.title)}', '']
        lines += outcome_markdown(outcome_of(activity, state, lang).blocks, 'summary')
    return '\n'.join(lines).rstrip() + '\n'


def _cell(value: object) -> object:
    """Text that a spreadsheet would read as a formula (=, +, -, @) is kept as text."""
    if isinstance(value, str) and value[:1] in ('=', '+', '-', '@', '\t', '\r'):
        return "'" + value
    return value


def summary_csv(state: SessionState, lang: str = 'nl') -> str:
    """Every activity's rows for a spreadsheet (counts hidden below the minimum, no one's own answer)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(translate(lang, f'csv.{column}') for column in ('activity', 'werkvorm', *oc.CSV_COLUMNS))
    for activity in state.activities.values():
        for row in outcome_of(activity, state, lang).rows:
            writer.writerow(_cell(value) for value in [activity.title, activity.kind, *row])
    return buffer.getvalue()
