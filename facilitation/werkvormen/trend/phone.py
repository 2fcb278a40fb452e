"""Trendanalyse on a phone: kijk mee, with the title of the figure on the screen and what it shows in a sentence."""

from __future__ import annotations

from nicegui import ui

from ...incidents import words
from ...live import LiveRoom
from ...services import Services
from ...ui.frame import language, live_section, t
from ..base import Actor
from .common import scope_text, title
from .projector import PROJECTIONS


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def render(_: object) -> None:
        view = PROJECTIONS.participant(room, activity_id, actor.id)
        ui.label(t('ta.phone')).classes('phone-hint')
        with ui.card().classes('phone-card w-full').mark('ta-phone'):
            if view.current is None:
                ui.label(scope_text(view.afdeling or '')).classes('text-xl font-bold')
                return
            ui.label(title(view.current)).classes('text-xl font-bold').props('role=heading aria-level=2')
            ui.label(words.explanation(view.current.key, language())).classes('text-lg')
            if trend := words.trend_text(view.current, language()):
                ui.label(trend).classes('text-lg')

    live_section(room, lambda: PROJECTIONS.public(room, activity_id), render)
