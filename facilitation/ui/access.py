"""Facilitator access: a session's key (from the link made at creation) or the admin key opens its console.

A key that matches is remembered server-side for this browser (app.storage.user, keyed by its signed cookie), so
the key leaves the address bar after the first visit. Participants and the projector hold no key and cannot
turn their links into a console link.
"""

from __future__ import annotations

from nicegui import app, ui

from ..live import LiveRoom
from ..services import Services
from .frame import frame, t


def grant_with_key(services: Services, room: LiveRoom | None, key: str) -> bool:
    """Remember access for this browser when `key` is the admin key or the room's facilitator key."""
    if not key:
        return False
    if services.is_admin_key(key):
        app.storage.user['admin'] = True
        return True
    if room is not None and room.facilitator_key_matches(key):
        _grant(room)
        return True
    return False


def is_admin() -> bool:
    return bool(app.storage.user.get('admin'))


def may_facilitate(room: LiveRoom) -> bool:
    return is_admin() or room.record.id in app.storage.user.get('grants', [])


def _grant(room: LiveRoom) -> None:
    # by session id, not code: a code of a deleted session can be drawn again for a new one
    app.storage.user['grants'] = sorted({*app.storage.user.get('grants', []), room.record.id})


def grant_room(room: LiveRoom, key: str) -> None:
    """The creator of a session facilitates it, and is shown its console link once (see `take_new_key`)."""
    _grant(room)
    app.storage.user['new_keys'] = {**app.storage.user.get('new_keys', {}), room.code: key}


def take_new_key(room: LiveRoom) -> str | None:
    """The facilitator key of a session this browser just created, once; afterwards only its hash exists."""
    keys = dict(app.storage.user.get('new_keys', {}))
    key = keys.pop(room.code, None)
    if key is not None:
        app.storage.user['new_keys'] = keys
    return key


def access_page(services: Services, target: str, room: LiveRoom | None = None) -> None:
    """Ask for the admin code or the session's key; the right one opens `target`, a wrong one opens nothing."""
    with frame(t('access.title'), role='facilitator'), ui.column().classes('narrow-column'):
        ui.label(t('access.title')).classes('text-2xl font-bold').props('role=heading aria-level=1')
        ui.label(t('access.body'))
        field = ui.input(t('access.code'), password=True).props('outlined stack-label autofocus').classes('w-full')

        def submit() -> None:
            if grant_with_key(services, room, (field.value or '').strip()):
                ui.navigate.to(target)
            else:
                ui.notify(t('access.wrong'), type='negative', position='top')

        field.on('keydown.enter', submit)
        ui.button(t('access.submit'), on_click=submit).props('no-caps unelevated')
