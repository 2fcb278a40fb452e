"""Teamplan bespreken on the projector: the plan's columns, or the item in focus."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui import views
from ...ui.frame import live_section, t
from .common import focus_item, no_team, overview, plan_key


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    def render(_: object) -> None:
        plan = services.team_of(room)
        ui.label(t('rv.title', team=plan.name) if plan else t('rv.title_plain')).classes('projector-bar-title').props(
            'role=heading aria-level=2'
        )
        if plan is None:
            no_team()
            return
        if not focus_item(plan, views.public(room, activity_id), 'projector-statement'):
            overview(plan, 'lh-columns-large')

    live_section(room, lambda: plan_key(room, activity_id, services), render)
