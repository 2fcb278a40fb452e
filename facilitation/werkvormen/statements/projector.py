"""Stellingen on the projector: the statement (and its clip), the live count, the result chart."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui import views
from ...ui.frame import live_section, live_value, t
from ...ui.stage import fit
from . import rules as st
from .common import result_chart, statement_heading


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    def render(view: st.PublicView) -> None:
        if view.phase is st.Phase.IDLE:
            return
        statement_heading(view, f'projector-statement {fit(view.text)}')
        source = services.clip_source(view.clip)
        if source and view.phase is st.Phase.SHOWN:
            _clip(source)
        if view.phase is st.Phase.VOTING:
            ui.label(t('proj.voting_open')).classes('projector-status st-after')
        elif view.phase is st.Phase.CLOSED:
            ui.label(t('proj.voting_closed')).classes('projector-status st-after')
        if view.results:
            shown = tuple(r for r in view.results if r.tally.shown)
            if shown:
                result_chart(shown)
            for result in view.results:
                if not result.tally.shown:
                    too_few = t('st.too_few', total=result.tally.total, min=result.tally.minimum)
                    ui.label(too_few).classes('projector-status st-after')

    # one live region, updated in place
    count = ui.label().classes('projector-count st-count').props('aria-live=polite')

    def show_count(value: tuple[st.Phase, int, int]) -> None:
        phase, voted, joined = value
        count.set_text(t('proj.voted', voted=voted, joined=joined))
        count.set_visibility(phase in (st.Phase.VOTING, st.Phase.CLOSED))

    def public() -> st.PublicView:  # the same as every phone's: made once per change
        return views.public(room, activity_id)

    live_section(room, public, render)
    live_value(room, lambda: (public().phase, public().voted, len(room.state.participants)), show_count)


VIDEO_SUFFIXES = ('.mp4', '.webm', '.ogv', '.ogg', '.mov', '.m4v')


def _clip(source: str) -> None:
    """A playable video for video files; any other link is shown as its address (no internet is assumed)."""
    if source.lower().split('?')[0].endswith(VIDEO_SUFFIXES):
        ui.video(source, autoplay=False).classes('projector-clip')
    else:
        with ui.row().classes('items-center projector-status'):
            ui.icon('movie').props('aria-hidden=true')
            ui.label(f'{t("proj.clip")}: {source}')
