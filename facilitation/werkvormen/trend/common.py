"""What the Trendanalyse's views share: the afdeling the session's team is (the registrations' own name for it), a
figure's table made from the registrations for the console, and a figure drawn for the projector.

The registrations are read from the store when the facilitator shows a figure, never by the projector or a phone:
those draw the table the log keeps, which was suppressed when it was made."""

from __future__ import annotations

from ...incidents import analysis as an
from ...incidents import charts, words
from ...incidents.analysis import Table
from ...incidents.causes import KEY as CAUSES
from ...incidents.causes import cause_table
from ...live import LiveRoom
from ...services import Services
from ...ui.frame import language, t
from ...ui.projector_chart import fitted_chart


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
    """The figure's chart in a box `width` × `height` u, with 24 px text at 1920x1080 (ui/projector_chart)."""
    chart = fitted_chart(charts.figure(table, language(), font=charts.PROJECTOR_FONT), width=width, height=height)
    chart.mark('ta-chart')
    chart.props['role'] = 'img'  # assigned: the description is text, no markup
    chart.props['aria-label'] = charts.description(table, language())


def empty_text(table: Table) -> str:
    return t('trend.no_causes') if table.key == CAUSES else t('trend.nothing')


def title(table: Table) -> str:
    return words.title(table.key, language())
