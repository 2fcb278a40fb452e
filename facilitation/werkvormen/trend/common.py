"""What the Trendanalyse's views share: the afdeling the session's team is (the registrations' own name for it), a
figure's table made from the registrations for the console, and a figure drawn for the projector.

The registrations are read from the store when the facilitator shows a figure, never by the projector or a phone:
those draw the table the log keeps, which was suppressed when it was made."""

from __future__ import annotations

from nicegui import ui

from ...incidents import analysis as an
from ...incidents import charts, words
from ...incidents.analysis import Table
from ...incidents.causes import KEY as CAUSES
from ...incidents.causes import cause_table
from ...live import LiveRoom
from ...services import Services
from ...ui.frame import language, t

DESIGN_U = 10.8  # px in 1u at 1920x1080: the projector's chart is drawn at that size and scaled to the screen

# Plotly draws in px; the projector's chart is drawn once at the 1920x1080 size and scaled with the screen by CSS,
# so at any size it fits at once and its text is as large on the wall (as the leerdoelen heatmap does).
_FIT_CSS = f"""
.ta-fit {{ transform-origin: 0 0; transform: scale({5.76 / DESIGN_U:.4f}); }}
@supports (scale: calc(2px / 1px)) {{
  .ta-fit {{ transform: scale(calc(min(1vh, 0.5625vw) / {DESIGN_U}px)); }}
}}
"""


def team_afdeling(room: LiveRoom, afdelingen: list[str]) -> str:
    """The afdeling the console proposes until one is chosen: the one named like the session's team ('' : every
    afdeling, when no registration names it)."""
    return an.matching(room.state.team, afdelingen)


def figure_table(room: LiveRoom, services: Services, key: str, afdeling: str, minimum: int) -> Table:
    """One figure's table for `afdeling` ('' : all) over the last twelve months of its registrations, suppressed."""
    registrations = services.store.incidents(afdeling or None)
    filters = an.last_twelve_months(registrations, afdeling or None)
    if key == CAUSES:
        return cause_table((r.state for r in services.rooms.all()), filters, minimum)
    return an.table(key, registrations, filters, minimum)


def scope_text(afdeling: str) -> str:
    return t('trend.afdeling', afdeling=afdeling) if afdeling else t('trend.all_afdelingen')


def projector_chart(table: Table, *, width: float, height: float) -> None:
    """The figure's chart in a box `width` × `height` u: drawn at that size at 1920x1080 with 24 px text and scaled
    to the screen (a browser without CSS typed arithmetic shows it at the 1024x768 size)."""
    figure = charts.figure(table, language(), font=charts.PROJECTOR_FONT)
    px_wide, px_high = round(width * DESIGN_U), round(height * DESIGN_U)
    figure['layout'].update(width=px_wide, height=px_high, autosize=False)
    figure['config']['responsive'] = False
    storage = ui.context.client.storage
    if not storage.get('ta-fit-css'):  # once per page, however often the figure changes
        ui.add_css(_FIT_CSS)
        storage['ta-fit-css'] = True
    with ui.element('div').style(f'width: calc({width:.2f} * var(--u)); height: calc({height:.2f} * var(--u))'):
        chart = ui.plotly(figure).classes('ta-fit').style(f'width: {px_wide}px; height: {px_high}px')
        chart.mark('ta-chart')
        chart.props['role'] = 'img'  # assigned: the description is text, no markup
        chart.props['aria-label'] = charts.description(table, language())


def empty_text(table: Table) -> str:
    return t('trend.no_causes') if table.key == CAUSES else t('trend.nothing')


def title(table: Table) -> str:
    return words.title(table.key, language())
