"""Teamplan bespreken on a phone: the item in focus, or how many items are due."""

from __future__ import annotations

from nicegui import ui

from ... import teamplan as tp
from ...live import LiveRoom
from ...services import Services
from ...ui import views
from ...ui.frame import live_section, t
from ...ui.team import today
from ..base import Actor
from .common import focus_item, plan_key


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def render(_: object) -> None:
        plan = services.team_of(room)
        ui.label(t('rv.phone')).classes('phone-hint')
        if plan is not None:
            with ui.card().classes('phone-card w-full'):
                if not focus_item(plan, views.public(room, activity_id), 'text-xl'):
                    ui.label(t('rv.phone_overview', n=len(tp.due(plan.state, today())))).classes('text-lg')

    live_section(room, lambda: plan_key(room, activity_id, services), render)
