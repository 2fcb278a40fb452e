"""Teamplan bespreken: the team's plan on the projector at the start (or end) of a meeting. Items due or overdue,
what waits on others (an escalation's follow-up: "bewaak de afhandeling"), what did not succeed and goes into the next
planning, what succeeded (celebrated: "kunnen de bereikte resultaten worden gevierd"). This module holds what the
projector and the phone show of it; the console updates the status together with the team and carries what did not
succeed into the next planning with one click.

The plan lives outside the session: its changes reach these views through the room (services.rooms_of)."""

from __future__ import annotations

from nicegui import ui

from ... import teamplan as tp
from ...live import LiveRoom
from ...services import Services
from ...teamplan_export import date_text
from ...teams import TeamPlan
from ...ui import views
from ...ui.access import set_team
from ...ui.frame import language, svg_icon, t, text_input
from ...ui.stage import last_lines, more
from ...ui.team import status_badge, term_line, today
from ..base import Actor
from . import rules as rv

SHOWN = 4  # items per column on the projector (the first: due soonest), '+ 3 meer' for the rest


def plan_key(room: LiveRoom, activity_id: str, services: Services) -> tuple[object, ...]:
    """What these views show: the item on the screen, and the plan's version (it changes outside this room's log)."""
    plan = services.team_of(room)
    return views.public(room, activity_id), room.state.team, plan.seq if plan else -1, today()


def no_team() -> None:
    ui.label(t('rv.no_team')).classes('projector-status')


def when_line(item: tp.Item) -> str:
    """When an item is due, in words (never colour alone): its term, and an escalation's follow-up date, each with
    'over tijd' once it has passed."""
    parts = [term_line(item)] if item.term or item.kind is not tp.Kind.ESCALATIE else []
    if item.kind is tp.Kind.ESCALATIE:
        if item.follow_up:
            overdue = f' · {t("tp.overdue")}' if tp.follow_up_overdue(item, today()) else ''
            parts.append(t('rv.follow_up', date=date_text(item.follow_up, language())) + overdue)
        else:
            parts.append(t('rv.no_follow_up'))
    return ' · '.join(parts)


def escalation_lines(item: tp.Item, chars: int = 0) -> list[str]:
    """An escalation's who has influence, action and what was agreed, one line each (cut to `chars`; 0: whole)."""
    if item.kind is not tp.Kind.ESCALATIE:
        return []
    return [
        f'{t(f"plan.{name}")}: {tp.shorten(" ".join(value.split()), chars) if chars else value}'
        for name in ('influence', 'action', 'agreed')
        if (value := getattr(item, name))
    ]


def carried_line(plan: TeamPlan, item: tp.Item) -> str:
    """'Meegenomen naar de volgende planning: termijn 30-04-2025' for an item carried over ('' otherwise)."""
    moved = plan.state.items.get(tp.successor(plan.state, item.id))
    return t('rv.carried_to', term=date_text(moved.term, language())) if moved is not None else ''


def _item_line(item: tp.Item) -> None:
    with ui.row().classes('items-center gap-3 no-wrap w-full'):
        status_badge(item.status)
        with ui.column().classes('gap-0 grow'):
            ui.label(last_lines(item.what, 2, 120)).classes('lh-argument-text font-bold')
            details = [when_line(item)]
            if item.kind is tp.Kind.ESCALATIE and item.influence:
                details.append(t('rv.with', who=tp.shorten(' '.join(item.influence.split()), 40)))
            if item.owner:
                details.append(t('tp.owner', owner=item.owner))
            ui.label(' · '.join(details)).classes('lh-reply')


def overview(plan: TeamPlan, css: str) -> None:
    due = tp.due(plan.state, today())
    waiting = tp.waiting_on_others(plan.state)
    not_done = tp.not_succeeded(plan.state)
    done = tp.celebrate(plan.state)
    shown = {i.id for i in (*due, *waiting)}
    later = tuple(i for i in plan.state.items.values() if i.status not in tp.FINAL and i.id not in shown)
    with ui.row().classes(f'w-full gap-8 items-start no-wrap-wide {css}'):
        columns = (
            ('tp.due', due, 'rv-due'),
            ('tp.later', later, 'rv-later'),
            ('tp.waiting', waiting, 'rv-waiting'),
            ('tp.not_done', not_done, 'rv-not-done'),  # seed: "opgenomen in de vervolgplanning"
        )
        for key, items, mark in columns:
            if not items and key != 'tp.due':
                continue
            with ui.column().classes(f'grow gap-2 {mark}').mark(mark):  # the class: for the browser tests
                ui.label(f'{t(key)} ({len(items)})').classes('font-bold').props('role=heading aria-level=3')
                for item in items[:SHOWN]:
                    _item_line(item)
                more(max(0, len(items) - SHOWN))
        with ui.column().classes('grow gap-2').mark('rv-celebrate'):
            ui.label(f'{t("tp.celebrate")} ({len(done)})').classes('font-bold').props('role=heading aria-level=3')
            for item in done[:SHOWN]:
                _item_line(item)
            more(max(0, len(done) - SHOWN))


def focus_item(plan: TeamPlan, view: rv.View, big: str) -> bool:
    """The item on the screen, celebrated once it succeeded (False: none, the overview is shown)."""
    item = plan.state.items.get(view.focus)
    if item is None:
        return False
    if view.cheer and item.status is tp.Status.GELUKT:
        with ui.row().classes('items-center gap-4 rv-cheer').props('role=status'):
            # an icon, not an emoji: a laptop without an emoji font showed an empty box
            ui.icon(svg_icon('celebrate'), size='4rem').props('aria-hidden=true')
            ui.label(t('rv.cheer')).classes(f'{big} font-bold')
    ui.label(item.what).classes(f'{big} statement-text').props('role=heading aria-level=2')
    if item.result:
        ui.label(t('tp.result', result=last_lines(item.result, 2, 160))).classes('projector-status whitespace-pre-wrap')
    for line in escalation_lines(item, 160):  # who has influence, the action, what was agreed: followed here
        ui.label(line).classes('projector-status')
    with ui.row().classes('items-center gap-4'):
        status_badge(item.status, 'projector-status')
        ui.label(when_line(item)).classes('projector-status').mark('rv-when')
        if item.owner:
            ui.label(t('tp.owner', owner=item.owner)).classes('projector-status')
    if carried := carried_line(plan, item):
        ui.label(carried).classes('projector-status font-bold').mark('rv-carried')
    return True


def choose_team(room: LiveRoom, actor: Actor, services: Services) -> None:
    """Without a team there is no plan: name the team here (its plan is made the first time)."""
    ui.label(t('rv.no_team')).classes('facilitator-note')
    with ui.row().classes('items-end gap-3'):
        name = text_input(t('home.team'), 100).classes('w-72').mark('rv-team')
        ui.button(t('common.save'), on_click=lambda: set_team(room, actor, services, name.value or '')).props(
            'no-caps'
        ).mark('rv-set-team')
