"""Trendanalyse, the console: which afdeling (the session's team's, proposed), then one obvious next step that puts
the next figure on the screen (*Toon: Incidenten per maand*, then *Volgende: Incidenten per kwartaal*, and so
on), any figure again with one click, and the table of the figure on the screen as the room sees it.

A click makes the figure's table from the registrations now (suppressed, over the afdeling's last twelve months)
and sends it with the command: the log keeps what was shown, for the summary and the report."""

from __future__ import annotations

from nicegui import ui

from ...incidents import words
from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.access import is_admin
from ...ui.controls import Step, Words, step_button
from ...ui.frame import language, live_section, run_command, t
from ..base import Actor
from . import rules as ta
from .common import figure_table, scope_text, team_afdeling
from .projector import PROJECTIONS


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    afdelingen = services.store.incident_afdelingen()  # read once: the registrations change only by an import

    def view() -> ta.View:
        return PROJECTIONS.console(room, activity_id)

    def chosen() -> str:
        """As chosen, else the team's own; never one this console may not show (chosen on another's console)."""
        afdeling = view().afdeling
        wanted = own if afdeling is None else afdeling
        return wanted if wanted in options else next(iter(options))

    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def show(key: object) -> bool:
        afdeling, minimum = chosen(), ta.minimum_for(room.state.min_reveal)
        table = figure_table(room, services, str(key), afdeling, minimum)
        return do(ta.ShowFigure(table.to_data(), afdeling))

    def step() -> Step | None:
        following = ta.next_figure(view())
        if following is None:
            return None
        label = 'ta.first' if view().current is None else 'ta.next'
        return Step(label, following, (('figure', Words(f'trend.figure.{following}.title')),), icon='bar_chart')

    own = team_afdeling(room, afdelingen)
    options: dict[str, str] = (  # the coördinator may show any afdeling; a team's facilitator its own
        {'': t('trend.all_afdelingen'), **{a: a for a in afdelingen}} if is_admin(services) or not own else {own: own}
    )
    if not afdelingen:
        ui.label(t('ta.no_registrations')).classes('facilitator-note').mark('ta-no-registrations')
    select = ui.select(options, value=chosen(), label=t('trend.column.afdeling'))
    select.props('outlined stack-label').style('min-width: 16rem').mark('ta-afdeling')
    select.on_value_change(lambda event: do(ta.ChooseAfdeling(event.value or '')))
    step_button(room, step, show)
    with ui.row().classes('gap-2 items-center'):
        ui.label(t('ta.any')).classes('text-sm')
        for key in ta.ORDER:
            button = ui.button(t(f'trend.figure.{key}.title'), on_click=lambda k=key: show(k))
            button.props('no-caps outline dense').mark(f'ta-show-{key}')
    live_section(room, view, lambda _: _on_screen(view()))


def _on_screen(view: ta.View) -> None:
    """The figure on the screen, as its table (what the room sees, in numbers and words)."""
    table = view.current
    if table is None:
        return
    lang = language()
    with ui.card().classes('control-card w-full').mark('ta-on-screen'):
        ui.label(t('ta.on_screen', figure=words.title(table.key, lang), scope=scope_text(view.current_afdeling)))
        if trend := words.trend_text(table, lang):
            ui.label(trend).classes('font-bold')
        header = words.header(table, lang)
        columns = [{'name': f'c{i}', 'label': h, 'field': f'c{i}', 'align': 'left'} for i, h in enumerate(header)]
        rows = [{'id': n, **{f'c{i}': v for i, v in enumerate(line)}} for n, line in enumerate(words.rows(table, lang))]
        grid = ui.table(columns=columns, rows=rows, pagination=0).props('flat bordered dense hide-bottom')
        grid.classes('w-full').mark('ta-table')
        grid.props['aria-label'] = words.title(table.key, lang)  # assigned: text, no markup
