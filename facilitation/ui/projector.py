"""The projector: read-only, readable from the back of the room; QR, code and join URL always in sight."""

from __future__ import annotations

from fastapi.responses import RedirectResponse
from nicegui import ui

from ..join import qr_svg
from ..live import LiveRoom
from ..services import Services
from .access import access_page, may_project, trade_link_secret
from .frame import frame, live_section, live_value, room_or_message, t
from .views import VIEWS


def register(services: Services) -> None:
    @ui.page('/p/{code}')
    def projector_page(code: str, token: str = '', key: str = '') -> RedirectResponse | None:
        found = services.rooms.get(code)
        traded = trade_link_secret(services, f'/p/{found.code}' if found else '/join', token, key)
        if traded is not None:
            return traded  # the one-time link leaves the address bar
        room = room_or_message(services.rooms, code, role='projector')
        if room is None:
            return None
        if not may_project(services, room):  # the room's code is public; what it shows is not
            access_page(services, f'/p/{room.code}', room, role='projector')
            return None
        url = services.join_url(room)
        qr = qr_svg(url)
        with frame(room.state.name, role='projector', header=False):
            # load the chart library while people join, so the reveal appears at once (laid out off screen rather
            # than hidden: plotly's resize refuses a plot that is not displayed, with an error in the console)
            ui.plotly({'data': [], 'layout': {}}).classes('chart-preload').props('aria-hidden=true')
            live_section(
                room,
                lambda: (_on_stage(room), room.state.closed),
                lambda status: _layout(room, services, url, qr, *status),
            )
        return None


def _on_stage(room: LiveRoom) -> bool:
    activity = room.state.activity
    return activity is not None and VIEWS[activity.kind].on_stage(activity.state)


def _joined(room: LiveRoom) -> None:
    label = ui.label().classes('projector-joined').props('aria-live=polite').mark('joined')  # updated in place
    live_value(
        room,
        lambda: len(room.state.participants),
        lambda n: label.set_text(t('proj.joined.one') if n == 1 else t('proj.joined', n=n)),
    )


def _layout(room: LiveRoom, services: Services, url: str, qr: str, running: bool, closed: bool) -> None:
    if closed:
        with ui.column().classes('projector-welcome items-center'):
            ui.label(room.state.name).classes('projector-title').props('role=heading aria-level=1')
            ui.label(t('room.closed.title')).classes('projector-status')
        return
    if not running:
        with ui.column().classes('projector-welcome items-center'):
            ui.label(room.state.name).classes('projector-title').props('role=heading aria-level=1')
            if room.state.team:
                ui.label(room.state.team).classes('projector-team')
            _qr(qr, url, 'projector-qr-large')
            ui.label(t('proj.scan')).classes('projector-scan')
            ui.label(url).classes('projector-url')
            with ui.row().classes('items-baseline gap-4'):
                ui.label(t('proj.code')).classes('projector-code-label')
                ui.label(room.code).classes('projector-code').mark('room-code')
            _joined(room)
        return
    with ui.row().classes('projector-bar w-full items-center no-wrap'):
        ui.label(room.state.name).classes('projector-bar-title grow').props('role=heading aria-level=1')
        _joined(room)
        with ui.column().classes('projector-join-box items-end gap-0'):
            ui.label(f'{t("proj.code")}: {room.code}').classes('projector-code-small').mark('room-code')
            ui.label(url).classes('projector-url-small')
        _qr(qr, url, 'projector-qr-small')

    def activity_view(activity_id: str | None) -> None:
        activity = room.state.activities.get(activity_id) if activity_id else None
        if activity is not None:
            with ui.column().classes('projector-stage w-full'):
                VIEWS[activity.kind].projector(room, activity.id, services)

    live_section(room, lambda: room.state.current_activity, activity_view)


def _qr(svg: str, url: str, css: str) -> None:
    """The QR code (an SVG we made) with the address it encodes as its accessible name."""
    element = ui.html(svg, sanitize=False).classes(css).props('role=img')
    element.props['aria-label'] = f'QR: {url}'
