"""The projector: read-only, readable from the back of the room, one screen that never scrolls (a beamer cannot);
the room code always large, the way in (QR, code, address) large in the lobby and for latecomers."""

from __future__ import annotations

from fastapi.responses import RedirectResponse
from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement

from ..join import qr_svg
from ..live import LiveRoom
from ..services import Services
from ..werkvormen.registry import WERKVORMEN
from .access import access_page, may_project, trade_link_secret
from .frame import frame, live_section, live_value, room_or_message, t
from .projector_language import follow_room_language, speak_room_language
from .stage import CHAR, fit, newest
from .views import way_in_large

NAMES_SHOWN = 12  # the lobby's chosen names at a time (the newest), at most
NAME_ROWS = 3  # ... and at most so many rows of them (long names take fewer): what fits under the way in
ROW = 150.0  # a row of names in u (.lobby-names' max-width)


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
        speak_room_language(room)  # the console chooses the projector's language
        ui.query('body').classes('projector-body')  # one screen: no page scroll, sizes in screen units
        with frame(room.state.name, role='projector', header=False):
            follow_room_language(room)
            live_section(
                room,
                lambda: (_on_stage(room), room.state.closed),
                lambda status: _layout(room, services, url, qr, *status),
            )
        return None


def _on_stage(room: LiveRoom) -> bool:
    activity = room.state.activity
    return activity is not None and WERKVORMEN[activity.kind].on_stage(activity.state)


def _joined(room: LiveRoom, css: str) -> None:
    label = ui.label().classes(css).props('aria-live=polite').mark('joined')  # updated in place
    live_value(
        room,
        lambda: len(room.state.participants),
        lambda n: label.set_text(t('proj.joined', n=n)),
    )


def _names(room: LiveRoom) -> None:
    """The names people chose, the newest first as they come in (anonymous ones are only counted)."""
    names = [p.name for p in sorted(room.state.participants.values(), key=lambda p: p.joined_at) if p.name]
    shown, left_out = newest(names, _names_that_fit(names[-NAMES_SHOWN:][::-1]))
    with ui.element('ul').classes('lobby-names').props(f'aria-label="{t("proj.names")}"'):
        for name in reversed(shown):
            TextElement(tag='li', text=name).classes('lobby-name')
        if left_out:
            with ui.element('li').classes('lobby-name lobby-name-more'):
                ui.label(t('proj.more', n=left_out))


def _names_that_fit(names: list[str]) -> int:
    """How many of `names` (newest first) fit NAME_ROWS rows of chips, with room left for '+ 3 meer'."""
    rows, used = 1, 0.0
    for n, name in enumerate(names):
        chip = len(name) * 2.6 * CHAR + 2 * 0.8 * 2.6 + 1.4  # .lobby-name: 2.6u text, 0.8em padding, the gap
        if used + chip > ROW:
            rows, used = rows + 1, 0.0
        if rows > NAME_ROWS or (rows == NAME_ROWS and n < len(names) - 1 and used + chip + 14 > ROW):
            return n
        used += chip
    return len(names)


def _way_in(url: str, qr: str, code: str, css: str) -> None:
    """The QR with, beside or under it, the address and the room code in words (a phone without a camera types)."""
    with ui.element('div').classes(css):
        _qr(qr, url, 'way-in-qr')
        with ui.column().classes('way-in-words items-center gap-1'):
            ui.label(t('proj.scan')).classes('way-in-scan')
            ui.label(url).classes('way-in-url')
            with ui.row().classes('items-baseline no-wrap gap-3'):
                ui.label(t('proj.code')).classes('way-in-scan')
                ui.label(code).classes('way-in-code').mark('room-code')


def _layout(room: LiveRoom, services: Services, url: str, qr: str, running: bool, closed: bool) -> None:
    name = room.state.name
    if closed:
        with ui.column().classes('projector-lobby items-center'):
            ui.label(name).classes(f'lobby-title {fit(name, (50,))}').props('role=heading aria-level=1')
            ui.label(t('room.closed.title')).classes('projector-status')
        return
    if not running:
        with ui.column().classes('projector-lobby items-center'):
            ui.label(name).classes(f'lobby-title {fit(name, (50,))}').props('role=heading aria-level=1')
            if room.state.team:
                ui.label(room.state.team).classes('lobby-team')
            _way_in(url, qr, room.code, 'way-in way-in-lobby')
            _joined(room, 'lobby-joined')
            live_section(
                room,
                lambda: tuple((p.name, p.joined_at) for p in room.state.participants.values()),
                lambda _: _names(room),
            )
        return
    with ui.row().classes('projector-bar w-full items-center no-wrap'):
        ui.label(name).classes(f'projector-bar-title grow {fit(name, (40,))}').props('role=heading aria-level=1')
        _joined(room, 'projector-joined')
        with ui.column().classes('projector-join-box items-end gap-0'):
            with ui.row().classes('items-baseline no-wrap gap-2'):
                ui.label(t('proj.code')).classes('projector-code-label')
                ui.label(room.code).classes('projector-code-small').mark('room-code')
            ui.label(url).classes('projector-url-small')
        live_section(
            room, lambda: way_in_large(room.state), lambda large: None if large else _qr(qr, url, 'projector-qr-small')
        )

    def activity_view(key: tuple[str | None, bool]) -> None:
        activity_id = key[0]
        activity = room.state.activities.get(activity_id) if activity_id else None
        if activity is None:
            return
        with ui.row().classes('projector-body-row w-full no-wrap'):
            with ui.column().classes('projector-stage'):
                WERKVORMEN[activity.kind].views.projector(room, activity.id, services)
            live_section(
                room,
                lambda: way_in_large(room.state),
                lambda large: _way_in(url, qr, room.code, 'way-in way-in-side') if large else None,
            )

    # the way in beside the stage narrows it: the views keep their lists to what fits its width (stage_width)
    live_section(room, lambda: (room.state.current_activity, way_in_large(room.state)), activity_view)


def _qr(svg: str, url: str, css: str) -> None:
    """The QR code (an SVG we made) with the address it encodes as its accessible name."""
    element = ui.html(svg, sanitize=False).classes(css).props('role=img')
    element.props['aria-label'] = f'QR: {url}'
