"""What the arena views share: the rings in words and icons, names (only when chosen), the clocks."""

from __future__ import annotations

import time
from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...ui import views
from ...ui.countdown import countdown
from ...ui.frame import svg_icon, t
from . import rules as ar

RING_ICON = {ar.Ring.BINNEN: 'person', ar.Ring.BUITEN: 'groups'}  # files in assets/static/icons
ROUND_SOFT = 120  # the round's clock signals its end two minutes before
QUESTION_SOFT = 30


Do = Callable[[object], bool]  # gives a command for the view's actor; whether it was taken


PROJECTIONS = views.Projections[ar.PublicView, ar.ConsoleView, ar.ParticipantView]()
public, console, participant = PROJECTIONS.public, PROJECTIONS.console, PROJECTIONS.participant


def ring_word(ring: ar.Ring) -> str:
    return t(f'arena.ring.{ring.value}')


def ring_badge(ring: ar.Ring, css: str = '') -> None:
    with ui.row().classes(f'arena-ring arena-ring-{ring.value} items-center no-wrap gap-2 {css}'):
        ui.icon(svg_icon(RING_ICON[ring]), size='1.2em').props('aria-hidden=true')
        ui.label(ring_word(ring))


def person(room: LiveRoom, pid: str) -> str:
    participant = room.state.participants.get(pid)
    return participant.name if participant is not None and participant.name else t('arena.anonymous')


def clocks(view: ar.PublicView, css: str) -> None:
    """The question's clock when a question is being talked about, and the round's clock."""
    now = time.time()
    if view.question:
        with ui.row().classes('items-baseline gap-3'):
            ui.label(t('arena.clock.question')).classes('arena-clock-label')
            countdown(view.question_deadline, view.question_left, now, css, soft=QUESTION_SOFT, overrun=True)
    if view.round_number:
        with ui.row().classes('items-baseline gap-3'):
            ui.label(t('arena.clock.round')).classes('arena-clock-label')
            countdown(view.round_deadline, view.round_left, now, css, soft=ROUND_SOFT, overrun=True)


def tag_word(tag: str) -> str:
    return t(f'arena.tag.{tag}') if tag else ''
