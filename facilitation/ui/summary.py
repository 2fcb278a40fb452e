"""The summary page: every activity's outcome as its werkvorm describes it, the way into the team plan, and the
downloads (Markdown, CSV, the report in Word and Markdown)."""

from __future__ import annotations

from html import escape

from nicegui import ui

from ..export import (
    outcome_of,
    summary_csv,
    summary_markdown,
)
from ..report import session_report_docx, session_report_markdown
from ..services import Services
from ..werkvormen import outcome as oc
from .access import access_page, may_facilitate
from .frame import frame, language, room_or_message, t
from .promote import promote_card
from .team import DOCX


def register(services: Services) -> None:
    @ui.page('/f/{code}/summary')
    def summary_page(code: str) -> None:
        room = room_or_message(services.rooms, code, role='facilitator')
        if room is None:
            return
        if not may_facilitate(services, room):
            access_page(services, f'/f/{room.code}/summary', room)
            return
        state = room.state
        slug = f'samenspel-{room.code.lower()}'
        with frame(f'{t("sum.title")}: {state.name}', role='facilitator'), ui.column().classes('summary w-full'):
            ui.label(f'{t("sum.title")}: {state.name}').classes('text-2xl font-bold').props('role=heading aria-level=1')
            with ui.row().classes('gap-3'):

                def download_markdown() -> None:
                    content = summary_markdown(state, language()).encode()
                    ui.download.content(content, f'{slug}.md', 'text/markdown; charset=utf-8')

                def download_csv() -> None:
                    content = summary_csv(state, language()).encode('utf-8-sig')  # the BOM makes Excel read UTF-8
                    ui.download.content(content, f'{slug}.csv', 'text/csv; charset=utf-8')

                ui.button(t('sum.download_md'), icon='download', on_click=download_markdown).props('no-caps').mark(
                    'download-md'
                )
                ui.button(t('sum.download_csv'), icon='download', on_click=download_csv).props('no-caps').mark(
                    'download-csv'
                )

                def download_report() -> None:
                    plan = services.team_of(room)
                    content = session_report_docx(state, plan.state if plan else None, language())
                    ui.download.content(content, f'{slug}-verslag.docx', DOCX)

                def download_report_markdown() -> None:
                    plan = services.team_of(room)
                    content = session_report_markdown(state, plan.state if plan else None, language()).encode()
                    ui.download.content(content, f'{slug}-verslag.md', 'text/markdown; charset=utf-8')

                ui.button(t('sum.report_docx'), icon='description', on_click=download_report).props('no-caps').mark(
                    'download-report'
                )
                ui.button(t('sum.report_md'), icon='download', on_click=download_report_markdown).props(
                    'no-caps outline'
                ).mark('download-report-md')
                ui.link(t('sum.back'), f'/f/{room.code}')
            promote_card(room, services)
            for activity in state.activities.values():
                ui.label(activity.title).classes('text-xl font-bold').props('role=heading aria-level=2')
                outcome_page(outcome_of(activity, state, language()).blocks)


def outcome_page(blocks: tuple[oc.Block, ...]) -> None:
    """An outcome's blocks on the summary page, as its summary tells them (texts as text, never markup)."""
    for block in oc.told(blocks, 'summary'):
        _page(block)


def _page(block: oc.Block) -> None:
    match block:
        case oc.Heading(text, number, level):
            ui.label(text if number is None else f'{number}. {text}').classes('text-lg font-bold').props(
                f'role=heading aria-level={level + 2}'
            )
        case oc.Paragraph(text, strong, after):
            said = f'{text} {after}' if after else text
            ui.label(said).classes('text-lg font-bold' if strong else 'whitespace-pre-wrap')
        case oc.Labelled(label, text, inline) if inline:
            ui.label(f'{label}: {text}').classes('text-lg')
        case oc.Labelled(label, text):
            ui.label(label).classes('font-bold')
            ui.label(text).classes('whitespace-pre-wrap')
        case oc.Bullets(items):
            for item in items:
                ui.label(f'• {oc.plain(item)}').classes('whitespace-pre-wrap')
        case oc.Numbered(entries):
            for entry in entries:
                ui.label(f'{entry.number}. {entry.text}{entry.after}').classes('font-bold' if entry.lines else '')
                for text, after in entry.lines:
                    ui.label(f'{text}{after}')
        case oc.Table(header, rows):
            _table(header, rows)
        case oc.Chart(choices, rounds):
            for result in rounds:
                ui.label(result.label).classes('result-title')
                if result.shown:
                    ui.html(_bars(choices, result), sanitize=False).classes('result-bars w-full')
                else:
                    ui.label(result.text).classes('result-hidden')
        case oc.Heatmap():
            _heatmap(block)
        case oc.Placeholder():
            ui.label('-')
        case oc.Section(heading, blocks):
            for inner in (heading, *blocks):
                _page(inner)


def _table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> None:
    """A plain table of texts; a short row's last cell spans the rest."""
    with ui.element('table').classes('outcome-table w-full'):
        with ui.element('thead'), ui.element('tr'):
            for text in header:
                with ui.element('th').props('scope=col'):
                    ui.label(text)
        with ui.element('tbody'):
            for row in rows:
                _table_row(len(header), row)


def _heatmap(heatmap: oc.Heatmap) -> None:
    """A heatmap as a table with a caption: every cell's count written in it, its shade only helping."""
    most = max((count for counts in heatmap.counts for count in counts), default=0)
    noted = bool(heatmap.notes)
    with ui.element('table').classes('outcome-table heatmap w-full'):
        if heatmap.title:
            with ui.element('caption').classes('text-left font-bold'):
                ui.label(heatmap.title)
        with ui.element('thead'), ui.element('tr'):
            for text in (heatmap.corner, *heatmap.columns, *((heatmap.note_header,) if noted else ())):
                with ui.element('th').props('scope=col'):
                    ui.label(text)
        with ui.element('tbody'):
            for index, (row, counts) in enumerate(zip(heatmap.rows, heatmap.counts, strict=True)):
                with ui.element('tr'):
                    with ui.element('th').props('scope=row'):
                        ui.label(row).classes('whitespace-pre-wrap')
                    for count in counts:
                        background, colour = oc.shade(count, most)
                        with ui.element('td').style(f'background: {background}; color: {colour}; text-align: right'):
                            ui.label(str(count))
                    if noted:
                        with ui.element('td'):
                            ui.label(heatmap.notes[index] if index < len(heatmap.notes) else '')


def _table_row(width: int, row: tuple[str, ...]) -> None:
    with ui.element('tr'):
        for index, text in enumerate(row):
            with ui.element('td') as cell:
                ui.label(text).classes('whitespace-pre-wrap')
            if index == len(row) - 1 and len(row) < width:
                cell.props(f'colspan={width - index}')


def _bars(choices: tuple[tuple[str, str], ...], result: oc.Round) -> str:
    """A round's result as bars with their words and numbers (never colour alone), as one HTML element; every text
    in it is ours and escaped."""
    rows = [
        f'<div class="result-row choice-{escape(key)}"><span class="result-word">{escape(word)}</span>'
        f'<span class="result-track"><span class="result-fill" style="width: {percent}%"></span></span>'
        f'<span class="result-count">{count} ({percent}%)</span></div>'
        for (key, word), count, percent in zip(choices, result.counts, result.percents, strict=True)
    ]
    if result.counted:  # counted in the room, beside the phones
        rows.append(f'<div class="result-channels">{escape(result.counted)}</div>')
    return ''.join(rows)
