"""The facilitator's hand count: numbers of people who answer without a phone (cards, corners, standing up)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nicegui import ui

from ..werkvormen.handcount import MAX_COUNT, Channels
from .frame import t


def channels_text(channels: Channels) -> str:
    """ "x via telefoon, y geteld in de zaal", or '' when nobody was counted in the room."""
    return t('hand.channels', phone=channels.phone, room=channels.room) if channels.room else ''


def hand_count_form(
    title: str, fields: Sequence[tuple[str, str, int]], save_label: str, save: Callable[[list[int]], object]
) -> None:
    """A folded form: a number field per (label, marker, current value) and one button that records them all. Once
    something is counted, its caption says what was recorded, so the facilitator sees it without opening it."""
    counts = ', '.join(f'{label} {value}' for label, _, value in fields)
    caption = t('hand.recorded', counts=counts) if any(value for _, _, value in fields) else None
    with ui.expansion(title, caption=caption, icon='front_hand', value=False).classes('w-full hand-count'):
        ui.label(t('hand.hint')).classes('facilitator-note')
        with ui.row().classes('items-end gap-3'):
            numbers = [
                ui.number(label, value=value, min=0, max=MAX_COUNT, precision=0)
                .props('outlined stack-label')
                .classes('w-48')
                .mark(marker)
                for label, marker, value in fields
            ]
            # a number field that is not a whole number stays what it is: decide refuses it with a clear message
            ui.button(save_label, icon='front_hand', on_click=lambda: save([whole(n.value) for n in numbers])).props(
                'no-caps'
            ).mark('save-hand-count')


def whole(value: object) -> int:
    """A number field's value as a whole number; anything else as -1, which decide refuses with a clear message."""
    return int(value) if isinstance(value, int | float) and float(value).is_integer() else -1
