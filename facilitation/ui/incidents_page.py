"""/incidenten: the trend analysis of the incident registrations, for whoever runs Samenspel (the admin code).

Filters (period, afdeling, the smallest number shown), then every figure as a chart and a table, and the MT report
to download in Word and Excel. Everything shown and downloaded is made from the suppressed tables
(facilitation/incidents/analysis.py): no page, chart or file shows a count below the minimum or one that the others
give away. Without registrations the page says so and links to the import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from nicegui import ui

from ..incidents import analysis as an
from ..incidents import charts, words
from ..incidents.causes import cause_table
from ..incidents.model import Registration
from ..incidents.report import Scope, mt_docx, mt_xlsx
from ..incidents.suppress import MINIMUM
from ..services import Services
from .access import admin_page
from .frame import frame, language, t
from .incident_file import off_loop
from .team import DOCX, XLSX

PATH = '/incidenten'
IMPORT_PATH = '/incidenten/import'
MINIMA = (MINIMUM, 10, 20)  # the smallest number shown: never below the default


@dataclass
class Choice:
    """What the filters say now (dates as typed; '' : open)."""

    start: str = ''
    end: str = ''
    afdeling: str = ''
    minimum: int = MINIMUM


def parse_day(text: str) -> dt.date | None:
    """A typed date: 31-12-2025 (as Dutch readers write it) or 2025-12-31; ValueError when it is neither."""
    text = text.strip()
    if not text:
        return None
    for pattern in ('%d-%m-%Y', '%Y-%m-%d'):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def filters_of(choice: Choice) -> an.Filters:
    """The filters the choice makes; ValueError naming the interface's words for what is wrong."""
    try:
        start, end = parse_day(choice.start), parse_day(choice.end)
    except ValueError:
        raise ValueError('trend.page.bad_date') from None
    if start and end and start > end:
        raise ValueError('trend.page.bad_period')
    return an.Filters(start, end, choice.afdeling or None)


def default_choice(registrations: list[Registration], lang: str) -> Choice:
    """The last twelve whole months up to the last registration."""
    filters = an.last_twelve_months(registrations)
    return Choice(_typed(filters.start, lang), _typed(filters.end, lang))


def _typed(day: dt.date | None, lang: str) -> str:
    if day is None:
        return ''
    return day.strftime('%d-%m-%Y') if lang == 'nl' else day.isoformat()


async def tables_for(
    services: Services, registrations: list[Registration], filters: an.Filters, minimum: int
) -> dict[str, an.Table]:
    """Every figure of the page and the report: the registrations' tables (made off the event loop: a second at
    200,000 registrations) and the causes of the evaluations (from the live rooms, on the loop that owns them)."""
    tables = await off_loop(an.analyse, registrations, filters, minimum)
    tables['oorzaken'] = cause_table((room.state for room in services.rooms.all()), filters, minimum)
    return tables


def register(services: Services) -> None:
    @admin_page(services, PATH)
    async def incidents() -> None:
        # read off the event loop, so every session on this server goes on meanwhile (about a second at 200,000)
        registrations = await off_loop(services.store.incidents)
        with frame(t('trend.title'), role='facilitator'), ui.column().classes('w-full gap-4 trend-page'):
            ui.label(t('trend.title')).classes('text-2xl font-bold').props('role=heading aria-level=1')
            if not registrations:
                _empty()
                return
            ui.label(t('trend.page.intro'))
            choice = default_choice(registrations, language())
            shown = Shown(await tables_for(services, registrations, filters_of(choice), choice.minimum))
            _analysis(services, registrations, choice, shown)


def _empty() -> None:
    with ui.card().classes('w-full max-w-2xl').mark('trend-empty'):
        ui.label(t('trend.page.empty')).classes('text-lg')
        ui.link(t('trend.page.import'), IMPORT_PATH).classes('text-lg font-bold').mark('trend-import')


@dataclass
class Shown:
    """The figures on the page (made for the choice last applied), or why the choice was refused."""

    tables: dict[str, an.Table]
    error: str = ''


def _analysis(services: Services, registrations: list[Registration], choice: Choice, shown: Shown) -> None:
    lang = language()
    afdelingen = an.afdelingen(registrations)

    @ui.refreshable
    def results() -> None:
        if shown.error:
            ui.label(t(shown.error)).classes('access-refused').props('role=alert').mark('trend-error')
            return
        tables = shown.tables
        span = tables['maand'].span
        scope = Scope(choice.afdeling or None, span, choice.minimum)
        ui.label(scope.title(lang)).classes('text-xl font-bold').props('role=heading aria-level=2').mark('trend-scope')
        _downloads(scope, tables, lang)
        ui.label(t('trend.minimum_note', minimum=choice.minimum)).classes('facilitator-note')
        if span_line := words.span_text(span, lang):
            ui.label(span_line).mark('trend-span')
        for key, table in tables.items():
            _figure(key, table, lang)

    with ui.card().classes('w-full'), ui.row().classes('items-end gap-4 w-full'):
        start = ui.input(t('trend.page.from'), value=choice.start).props('outlined stack-label').mark('trend-from')
        end = ui.input(t('trend.page.to'), value=choice.end).props('outlined stack-label').mark('trend-to')
        options = {'': t('trend.all_afdelingen'), **{a: a for a in afdelingen}}
        afdeling = ui.select(options, value='', label=t('trend.column.afdeling')).props('outlined stack-label')
        afdeling.style('min-width: 16rem').mark('trend-afdeling')
        minimum = ui.select({m: str(m) for m in MINIMA}, value=MINIMUM, label=t('trend.page.minimum'))
        minimum.props('outlined stack-label').style('min-width: 16rem').mark('trend-minimum')

        async def show() -> None:
            choice.start, choice.end = start.value or '', end.value or ''
            choice.afdeling = afdeling.value if afdeling.value in afdelingen else ''
            choice.minimum = minimum.value if minimum.value in MINIMA else MINIMUM
            asked = dict(vars(choice))
            try:
                filters = filters_of(choice)
            except ValueError as error:
                shown.error = str(error)
                results.refresh()
                return
            apply.props('loading')
            try:
                tables = await tables_for(services, registrations, filters, choice.minimum)
            finally:
                apply.props(remove='loading')
            if asked == vars(choice):  # not overtaken by a later choice while this one was made
                shown.tables, shown.error = tables, ''
                results.refresh()

        apply = ui.button(t('trend.page.apply'), icon='bar_chart', on_click=show).props('no-caps unelevated')
        apply.mark('trend-apply')
    with ui.column().classes('w-full gap-4'):
        results()


def _downloads(scope: Scope, tables: dict[str, an.Table], lang: str) -> None:
    slug = re.sub(r'[^a-z0-9]+', '-', (scope.afdeling or 'alle-afdelingen').lower()).strip('-') or 'afdeling'
    name = f'trendanalyse-{slug}-{dt.date.today().isoformat()}'

    async def word() -> None:  # the charts are drawn for the file: more than a second at 200,000 registrations
        ui.download.content(await off_loop(mt_docx, tables, scope, lang, dt.date.today()), f'{name}.docx', DOCX)

    async def excel() -> None:
        ui.download.content(await off_loop(mt_xlsx, tables, scope, lang, dt.date.today()), f'{name}.xlsx', XLSX)

    with ui.row().classes('gap-3'):
        ui.button(t('trend.page.word'), icon='download', on_click=word).props('no-caps outline').mark('trend-docx')
        ui.button(t('trend.page.excel'), icon='download', on_click=excel).props('no-caps outline').mark('trend-xlsx')


def _figure(key: str, table: an.Table, lang: str) -> None:
    with ui.card().classes('w-full').mark(f'trend-figure-{key}'):
        ui.label(words.title(key, lang)).classes('text-xl font-bold').props('role=heading aria-level=2')
        ui.label(words.explanation(key, lang))
        if table.empty:
            ui.label(t('trend.no_causes' if key == 'oorzaken' else 'trend.nothing')).classes('facilitator-note')
            return
        if trend := words.trend_text(table, lang):
            ui.label(trend).classes('font-bold').mark(f'trend-direction-{key}')
        if previous := words.span_text(table.previous, lang, 'trend.previous_span'):
            ui.label(previous)
        height = (
            420 if key in an.GRAINS or key == 'oorzaken' else max(220, 60 + 44 * len(table.rows) * len(table.columns))
        )
        chart = ui.plotly(charts.figure(table, lang)).classes('w-full').style(f'height: {height}px')
        chart.props['role'] = 'img'  # assigned: the description is text, no markup
        chart.props['aria-label'] = charts.description(table, lang)
        header = words.header(table, lang)
        columns = [{'name': f'c{i}', 'label': text, 'field': f'c{i}', 'align': 'left'} for i, text in enumerate(header)]
        rows = [
            {'id': n, **{f'c{i}': text for i, text in enumerate(line)}}
            for n, line in enumerate(words.rows(table, lang))
        ]
        with (
            ui.expansion(t('trend.page.table', title=words.title(key, lang)), icon='table_chart')
            .classes('w-full')
            .mark(f'trend-open-{key}')
        ):
            grid = ui.table(columns=columns, rows=rows, pagination=0).props(
                'flat bordered dense wrap-cells hide-bottom'
            )
        grid.classes('w-full').mark(f'trend-table-{key}')
        grid.props['aria-label'] = words.title(key, lang)  # assigned: text, no markup
        if legend := words.legend(table, lang):
            ui.label(legend).classes('text-sm')
