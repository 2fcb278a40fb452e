"""Trendanalyse on the projector: the figure on the screen, full screen (its title, its trend in words, its chart
with every count written on it, what "< 5" means), or before the first figure what the meeting will look at."""

from __future__ import annotations

from nicegui import ui

from ...incidents import words
from ...live import LiveRoom
from ...services import Services
from ...ui import views
from ...ui.frame import language, live_section, t
from ...ui.stage import HIGH, stage_width
from . import rules as ta
from .common import empty_text, projector_chart, scope_text, title

PROJECTIONS = views.Projections[ta.View, ta.View, ta.View]()
TEXT = 2.6  # u: the lines above and under the chart
BAR = 7.0  # u: the title bar and the gaps around the chart


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    def key() -> tuple[object, ...]:
        return PROJECTIONS.public(room, activity_id), stage_width(room)

    live_section(room, key, lambda _: _render(room, activity_id))


def _render(room: LiveRoom, activity_id: str) -> None:
    view = PROJECTIONS.public(room, activity_id)
    table = view.current
    if table is None:
        ui.label(t('ta.title')).classes('projector-bar-title').props('role=heading aria-level=2')
        ui.label(scope_text(view.afdeling or '')).classes('projector-statement')
        ui.label(t('ta.proj.waiting')).classes('projector-status')
        return
    lang = language()
    heading = f'{title(table)} · {scope_text(view.current_afdeling)}'
    ui.label(heading).classes('projector-bar-title').props('role=heading aria-level=2').mark('ta-title')
    if table.empty:
        ui.label(empty_text(table)).classes('projector-statement')
        return
    spans = (words.span_text(table.span, lang), words.span_text(table.previous, lang, 'trend.previous_span'))
    lines = [line for line in (words.trend_text(table, lang), *spans) if line]
    if lines:
        ui.label(' · '.join(lines)).classes('font-bold').style(f'font-size: calc({TEXT} * var(--u))').mark('ta-trend')
    legend = words.legend(table, lang)
    below = (2 * TEXT * 1.3 + 1) if legend else 0
    projector_chart(table, width=stage_width(room), height=HIGH - BAR - TEXT * 1.3 - below)
    if legend:
        ui.label(legend).style(f'font-size: calc({TEXT} * var(--u))').mark('ta-legend')
