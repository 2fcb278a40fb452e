"""The phone: join by code or QR, optionally a name, then one big action at a time for the running werkvorm."""

from __future__ import annotations

import time

from nicegui import app, ui

from ..join import normalise_code, participant_id
from ..live import LiveRoom
from ..services import Services
from ..session import MAX_NAME, Join, Rename
from ..werkvormen.base import Actor, Role
from ..werkvormen.registry import WERKVORMEN
from .frame import client_host, frame, live_section, room_or_message, run_command, svg_icon, t, text_input, warn


def register(services: Services) -> None:
    @ui.page('/join')
    def join_by_code(code: str = '') -> None:
        with frame(t('join.title'), role='participant'), ui.column().classes('phone-column'):
            ui.label(t('join.title')).classes('text-2xl font-bold').props('role=heading aria-level=1')
            field = (
                ui.input(t('join.code'), value=code)
                .props(
                    f'outlined stack-label autofocus maxlength=12 hint="{t("join.code.hint")}" '
                    'autocapitalize=characters autocomplete=off spellcheck=false'
                )
                .classes('w-full code-input')
            )

            page, address = ui.context.client.id, client_host()

            def go() -> None:
                now = time.monotonic()
                if not services.code_tries.allowed(page, address, now):
                    warn(t('access.too_many_tries'), position='top', multi_line=True)
                    return
                normal = normalise_code(field.value or '')
                if normal is None or services.rooms.get(normal) is None:
                    services.code_tries.wrong(page, address, now)
                    warn(t('room.unknown.body'), position='top', multi_line=True)
                    return
                ui.navigate.to(f'/j/{normal}')

            field.on('keydown.enter', go)
            ui.button(t('join.go'), on_click=go).props('size=lg no-caps unelevated').classes('w-full big-action')

    @ui.page('/j/{code}')
    def participant_page(code: str) -> None:
        room = room_or_message(services.rooms, code)
        if room is None:
            return
        actor = Actor(
            Role.PARTICIPANT, participant_id(services.storage_secret, room.record.id, app.storage.browser['id'])
        )
        with frame(room.state.name, role='participant'), ui.column().classes('phone-column'):
            ui.label(room.state.name).classes('session-name').props('role=heading aria-level=1')
            live_section(
                room, lambda: _phone_status(room, actor), lambda status: _render(room, actor, status, services)
            )


def _phone_status(room: LiveRoom, actor: Actor) -> tuple[bool, bool, str, str | None]:
    state = room.state
    participant = state.participants.get(actor.id)
    return state.closed, participant is not None, participant.name if participant else '', state.current_activity


def _render(room: LiveRoom, actor: Actor, status: tuple[bool, bool, str, str | None], services: Services) -> None:
    closed, joined, name, activity_id = status
    if closed:
        ui.label(t('room.closed.title')).classes('text-xl font-bold')
        ui.label(t('room.closed.body'))
        return
    if not joined:
        _join_form(room, actor)
        return
    _identity_line(room, actor, name)
    activity = room.state.activities.get(activity_id) if activity_id else None
    if activity is None:
        ui.label(t('join.waiting')).classes('phone-wait').props('role=status')
        return
    WERKVORMEN[activity.kind].views.participant(room, activity.id, actor, services)


def _join_form(room: LiveRoom, actor: Actor) -> None:
    name = (
        text_input(t('join.name'), MAX_NAME, hint=t('join.name.hint'))
        .classes('w-full')
        .props('autocomplete=nickname')
        .mark('participant-name')
    )

    def join() -> None:
        run_command(room, actor, Join(name.value or ''))

    name.on('keydown.enter', join)
    ui.button(t('join.button'), on_click=join).props('size=lg no-caps unelevated').classes('w-full big-action').mark(
        'join'
    )
    with ui.row().classes('privacy-note no-wrap'):
        ui.icon(svg_icon('lock'), size='sm').props('aria-hidden=true')
        ui.label(t('join.privacy'))


def _identity_line(room: LiveRoom, actor: Actor, name: str) -> None:
    with ui.row().classes('identity-line items-center'):
        ui.icon(svg_icon('person' if name else 'visibility_off'), size='sm').props('aria-hidden=true')
        ui.label(t('join.as', name=name) if name else t('join.anonymous'))
        ui.button(t('join.change_name'), on_click=lambda: _rename_dialog(room, actor, name)).props('flat dense no-caps')


def _rename_dialog(room: LiveRoom, actor: Actor, name: str) -> None:
    """Made when asked for, not with every phone page: most people never change their name."""
    with ui.dialog() as dialog, ui.card().classes('p-4'):
        field = text_input(t('join.name'), MAX_NAME, value=name, hint=t('join.name.hint')).props('autofocus')

        def save() -> None:
            if run_command(room, actor, Rename(field.value or '')):
                dialog.close()

        field.on('keydown.enter', save)
        with ui.row():
            ui.button(t('common.save'), on_click=save).props('no-caps unelevated')
            ui.button(t('common.cancel'), on_click=dialog.close).props('no-caps flat')
    dialog.on('hide', dialog.delete)
    dialog.open()
