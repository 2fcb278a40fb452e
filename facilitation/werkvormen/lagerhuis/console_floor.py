"""The lagerhuis console's floor during the debate: who speaks and who waits (phones and people in the room), the
steps that give and end a turn, and the form that records an argument as it is said."""

from __future__ import annotations

from functools import partial

from nicegui import ui

from ...live import LiveRoom
from ...ui.controls import Step, StepButton, keyed_list, step_button
from ...ui.frame import live_section, live_value, t, text_input
from . import rules as lh
from .common import Do, person, public, queued, side_badge, side_word
from .console_setup import clock


def floor(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Who speaks and who waits. Made once and updated in place: the queue changes with every phone that asks for
    the floor, and a click on a step must land meanwhile."""

    def view() -> lh.PublicView:
        return public(room, activity_id)

    def name(pid: str) -> str:  # computed outside the page (no language): the name typed, if any
        in_room = dict(view().in_room)  # stood up without a phone
        if pid in in_room:
            return f'in the room: {in_room[pid]}'
        participant = room.state.participants.get(pid)
        return participant.name if participant is not None else ''

    def speaker() -> tuple[str | None, lh.Side | None, str]:
        current = view()
        who = current.speaker or None
        return who, current.speaker_side, name(who) if who else ''

    def show_speaker(value: tuple[str | None, lh.Side | None, str]) -> None:
        who, side, _ = value
        if who is None:
            ui.label(t('lh.nobody_speaks')).classes('text-lg')
            return
        with ui.row().classes('items-center gap-3'):
            in_room = dict(view().in_room)  # stood up without a phone
            ui.label(t('lh.floor_to', name=person(room, who, side, in_room))).classes('text-xl font-bold')
            if side:
                side_badge(side)

    def give_next() -> Step | None:  # to the one first in the queue now, named: a new step when that changes
        queue = view().queue
        return Step('lh.give_next', lh.GiveFloor(queue[0][0])) if queue else None

    with ui.card().classes('control-card w-full'):
        live_section(room, speaker, show_speaker)
        end = StepButton(room, lambda: Step('lh.end_turn', lh.EndTurn()) if view().speaker else None, do)
        end.props('no-caps outline').classes('next-step').mark('end-turn')  # the step while someone speaks
        step_button(room, give_next, do)
        auto = ui.switch(
            t('lh.auto_floor'),
            value=view().auto_floor,
            on_change=lambda e: do(lh.SetAutoFloor(e.value)) if e.value != view().auto_floor else None,
        )
        live_value(room, lambda: view().auto_floor, auto.set_value)
        ui.label(t('lh.queue')).classes('font-bold').props('role=heading aria-level=3')
        empty = ui.label(t('lh.queue_empty'))
        live_value(room, lambda: not view().queue, empty.set_visibility)
        entries = partial(_entries, room, activity_id)
        queue = keyed_list(room, entries, lambda entry: _queued(room, activity_id, entry, do), tag='ol', entry_tag='li')
        queue.classes('lh-queue-console')
    _stand_up_form(do)
    clock(room, activity_id, do)


def _entries(room: LiveRoom, activity_id: str) -> tuple[str, ...]:
    """Who waits for the floor, in order: participants, and people in the room by their queue entry."""
    return tuple(entry for entry, _ in public(room, activity_id).queue)


def _queued(room: LiveRoom, activity_id: str, entry: str, do: Do) -> None:
    """One waiting entry of the queue, made once: its line and place are kept current in place, and its buttons
    name the entry (a phone's participant, or someone in the room) they were made for."""

    def line() -> tuple[str, int] | None:  # None once the entry has left the queue (the list removes it next)
        entries = _entries(room, activity_id)
        if entry not in entries:
            return None
        position = entries.index(entry)
        view = public(room, activity_id)
        return queued(room, entry, view.queue[position][1], dict(view.in_room)), position + 1

    with ui.row().classes('items-center gap-2 no-wrap'):
        text = ui.label().classes('grow')  # the side said once
        give = ui.button(t('lh.give_floor'), on_click=lambda: do(lh.GiveFloor(entry))).props('flat no-caps')
        give.mark(f'give-floor-{entry}')
        remove = ui.button(t('lh.take_off'), icon='close', on_click=lambda: do(lh.RemoveFromQueue(entry)))
        remove.props('flat dense no-caps').mark(f'take-off-{entry}')

    def show(value: tuple[str, int] | None) -> None:
        if value is None:
            return
        words, position = value
        text.set_text(words)
        for button, key in ((give, 'lh.give_floor'), (remove, 'lh.take_off')):
            button.props['aria-label'] = f'{t(key)} {position}: {words}'  # assigned: no markup
            button.update()

    live_value(room, line, show)


def _stand_up_form(do: Do) -> None:
    """Someone stands up without a phone: the facilitator puts them in the queue, by name or as someone of a side."""
    expansion = ui.expansion(t('lh.room.title'), icon='front_hand', value=False).classes('w-full')
    with expansion, ui.row().classes('items-end gap-3'):
        sides = {s.value: side_word(s) for s in lh.Side}
        side = ui.select(sides, value=lh.Side.VOOR.value, label=t('lh.for_side'))
        side.props('outlined stack-label').classes('w-48').mark('room-side')
        name = text_input(t('lh.room.name'), lh.MAX_NAME).classes('w-56').mark('room-name')

        def add() -> None:
            if do(lh.QueueInRoom(side.value or '', name.value or '')):
                name.value = ''

        ui.button(t('lh.room.add'), icon='front_hand', on_click=add).props('no-caps').mark('queue-in-room')


def record_form(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The facilitator (or notulist) types an argument as it is said: for the speaker's side by default."""
    with ui.expansion(t('lh.record'), icon='edit_note', value=True).classes('w-full'):
        side = ui.select({s.value: side_word(s) for s in lh.Side}, value=lh.Side.VOOR.value, label=t('lh.for_side'))
        side.props('outlined stack-label').classes('w-48').mark('record-side')
        live_value(
            room,
            lambda: public(room, activity_id).speaker_side,
            lambda current: side.set_value(current.value) if current else None,
        )
        field = text_input(t('lh.argument'), lh.MAX_ARGUMENT, multiline=True).classes('w-full').mark('record-text')
        reply = ui.select({'': t('lh.no_reply')}, value='', label=t('lh.reply_to')).props('outlined stack-label')
        reply.classes('w-full').mark('record-reply')

        def arguments() -> tuple[lh.ArgumentView, ...]:
            return public(room, activity_id).arguments

        def options(items: tuple[lh.ArgumentView, ...]) -> None:  # what the projection says the side may answer
            usable = {a.id: f'{a.label}. {a.text[:60]}' for a in lh.answerable(items, lh.Side(side.value))}
            reply.set_options({'': t('lh.no_reply'), **usable}, value=reply.value if reply.value in usable else '')

        live_value(room, arguments, options)
        side.on_value_change(lambda _: options(arguments()))

        def record() -> None:
            if do(lh.RecordArgument(side.value, field.value or '', reply.value or '')):
                field.value = ''
                reply.value = ''

        ui.button(t('lh.record_button'), icon='add', on_click=record).props('no-caps').mark('record-argument')
