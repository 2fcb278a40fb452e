"""The arena console's rings: the empty chair's requests, who joined without a ring yet, the rings folded out with
the move form, and the switches for choosing a ring and for the empty chair."""

from __future__ import annotations

from functools import partial
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.controls import Step, StepButton, Words, keyed_list
from ...ui.frame import live_section, live_value, t
from ...ui.people import group_cards, move_form
from . import rules as ar
from .common import Do, console, person, public, ring_badge, ring_word


def rings(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Requests and latecomers, then the rings folded out in set-up; the move form is made once (see move_form)."""

    def rings() -> tuple[Any, ...]:
        names = tuple((pid, p.name) for pid, p in room.state.participants.items())
        return console(room, activity_id).members, names

    def people() -> dict[str, str]:
        return {pid: f'{i}. {person(room, pid)}' for i, pid in enumerate(room.state.participants, start=1)}

    # the empty chair's requests: one row each, made once, so Toelaten and Nu niet land while phones join or ask
    keyed_list(room, lambda: console(room, activity_id).switch_requests, partial(_ask, room, activity_id, do))
    _newcomers(room, activity_id, do)
    setup = public(room, activity_id).stage is ar.Stage.SETUP
    with ui.expansion(t('arena.rings'), icon='groups', value=setup).classes('w-full'):
        live_section(room, rings, lambda _: _ring_cards(room, activity_id))
        ring_words = {r.value: ring_word(r) for r in ar.Ring}
        move_form(room, people, lambda: ring_words, t('arena.to_ring'), lambda who, r: do(ar.AssignRing(who, r)))
        _switches(room, activity_id, do)


def _ask(room: LiveRoom, activity_id: str, do: Do, pid: str) -> None:
    """Someone from the outer ring asks to step in (the empty chair): their row, made once, its name kept current."""
    with ui.row().classes('items-center gap-3 key-banner w-full').props('role=status'):
        asking = ui.label().classes('grow')
        ui.button(t('arena.accept'), on_click=lambda: do(ar.AcceptSwitch(pid))).props('no-caps unelevated').mark(
            'accept-switch'
        )
        ui.button(t('arena.decline'), on_click=lambda: do(ar.DeclineSwitch(pid))).props('no-caps flat')
    live_value(room, lambda: person(room, pid), lambda name: asking.set_text(t('arena.switch_request', name=name)))


def _newcomers(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Who joined without a ring yet, with a button per ring: made once, the count kept current in place. After the
    arena nobody is placed any more (decide refuses it), so a latecomer is not offered a ring either."""

    def newcomers() -> int:
        if public(room, activity_id).stage is ar.Stage.DONE:
            return 0
        members = dict(console(room, activity_id).members)
        return sum(pid not in members for pid in room.state.participants)

    with ui.row().classes('items-center gap-3').props('role=status') as row:
        count = ui.label()
        for ring in ar.Ring:

            def place(ring: ar.Ring = ring) -> Step | None:
                words = (('ring', Words(f'arena.ring.{ring.value}')),)
                return Step('arena.place_in', ar.PlaceNewcomers(ring.value), words) if newcomers() else None

            StepButton(room, place, do).props('no-caps outline').mark(f'place-{ring.value}')

    def show(n: int) -> None:
        count.set_text(t('arena.newcomers', n=n))
        row.set_visibility(n > 0)

    live_value(room, newcomers, show)


def _ring_cards(room: LiveRoom, activity_id: str) -> None:
    group_cards(console(room, activity_id).members, ar.Ring, ring_badge, lambda pid, _: person(room, pid))


def _switches(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Made once, each set in place as the room changes (another console): on_change then fires too, and sends
    nothing, as the value is the room's already."""

    def choice() -> bool:
        return public(room, activity_id).ring_choice

    def allowed() -> bool:
        return public(room, activity_id).switch_allowed

    with ui.row().classes('items-center gap-6'):
        ring_choice = ui.switch(
            t('arena.allow_choice'),
            value=choice(),
            on_change=lambda e: do(ar.AllowRingChoice(e.value)) if e.value != choice() else None,
        )
        switch = ui.switch(
            t('arena.allow_switch'),
            value=allowed(),
            on_change=lambda e: do(ar.AllowSwitch(e.value)) if e.value != allowed() else None,
        )
    live_value(room, choice, ring_choice.set_value)
    live_value(room, allowed, switch.set_value)
