"""Teamplan bespreken: the team's plan on the projector at the start (or end) of a meeting. Items due or overdue,
what waits on others, what succeeded (celebrated: "kunnen de bereikte resultaten worden gevierd"); the facilitator
updates the status together with the team and carries what did not succeed into the next planning with one click.

The plan lives outside the session: its changes reach these views through the room (services.rooms_of)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from nicegui import ui

from .. import teamplan as tp
from ..formats import review as rv
from ..formats.base import Actor, DomainError
from ..live import LiveRoom
from ..services import Services
from ..session import ChangeTeam, ForActivity
from ..teams import TeamPlan
from .access import may_give_team
from .frame import live_section, run_command, svg_icon, t, text_input
from .stage import last_lines, more
from .team import plan_command, status_badge, status_word, term_line, today

SHOWN = 4  # items per column on the projector (the first: due soonest), '+ 3 meer' for the rest
Do = Callable[[object], bool]


def _state(room: LiveRoom, activity_id: str) -> rv.State:
    state: rv.State = room.state.activities[activity_id].state
    return state


def _key(room: LiveRoom, activity_id: str, services: Services) -> tuple[object, ...]:
    """What these views show: the focus, and the plan's version (it changes outside this room's log)."""
    plan = services.team_of(room)
    state = _state(room, activity_id)
    return state.focus, state.cheer, room.state.team, plan.seq if plan else -1, today()


def _no_team() -> None:
    ui.label(t('rv.no_team')).classes('projector-status')


def _item_line(item: tp.Item) -> None:
    with ui.row().classes('items-center gap-3 no-wrap w-full'):
        status_badge(item.status)
        with ui.column().classes('gap-0 grow'):
            ui.label(last_lines(item.what, 2, 120)).classes('lh-argument-text font-bold')
            details = [term_line(item)] + ([t('tp.owner', owner=item.owner)] if item.owner else [])
            ui.label(' · '.join(details)).classes('lh-reply')


def _overview(plan: TeamPlan, css: str) -> None:
    due = tp.due(plan.state, today())
    waiting = tp.waiting_on_others(plan.state)
    done = tp.celebrate(plan.state)
    shown = {i.id for i in (*due, *waiting)}
    carried = {i.carried_from for i in plan.state.items.values()}
    later = tuple(
        i for i in plan.state.items.values() if i.status not in tp.FINAL and i.id not in shown and i.id not in carried
    )
    with ui.row().classes(f'w-full gap-8 items-start no-wrap-wide {css}'):
        columns = (('tp.due', due, 'rv-due'), ('tp.later', later, 'rv-later'), ('tp.waiting', waiting, 'rv-waiting'))
        for key, items, mark in columns:
            if not items and key != 'tp.due':
                continue
            with ui.column().classes('grow gap-2').mark(mark):
                ui.label(f'{t(key)} ({len(items)})').classes('font-bold').props('role=heading aria-level=3')
                for item in items[:SHOWN]:
                    _item_line(item)
                more(max(0, len(items) - SHOWN))
        with ui.column().classes('grow gap-2').mark('rv-celebrate'):
            ui.label(f'{t("tp.celebrate")} ({len(done)})').classes('font-bold').props('role=heading aria-level=3')
            for item in done[:SHOWN]:
                _item_line(item)
            more(max(0, len(done) - SHOWN))


def _focus(plan: TeamPlan, state: rv.State, big: str) -> bool:
    item = plan.state.items.get(state.focus)
    if item is None:
        return False
    if state.cheer and item.status is tp.Status.GELUKT:
        with ui.row().classes('items-center gap-4 rv-cheer').props('role=status'):
            # an icon, not an emoji: a laptop without an emoji font showed an empty box
            ui.icon(svg_icon('celebrate'), size='4rem').props('aria-hidden=true')
            ui.label(t('rv.cheer')).classes(f'{big} font-bold')
    ui.label(item.what).classes(f'{big} statement-text').props('role=heading aria-level=2')
    if item.result:
        ui.label(t('tp.result', result=item.result)).classes('projector-status whitespace-pre-wrap')
    with ui.row().classes('items-center gap-4'):
        status_badge(item.status, 'projector-status')
        ui.label(term_line(item)).classes('projector-status')
        if item.owner:
            ui.label(t('tp.owner', owner=item.owner)).classes('projector-status')
    return True


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    def render(_: object) -> None:
        plan = services.team_of(room)
        ui.label(t('rv.title', team=plan.name) if plan else t('rv.title_plain')).classes('projector-bar-title').props(
            'role=heading aria-level=2'
        )
        if plan is None:
            _no_team()
            return
        if not _focus(plan, _state(room, activity_id), 'projector-statement'):
            _overview(plan, 'lh-columns-large')

    live_section(room, lambda: _key(room, activity_id, services), render)


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def render(_: object) -> None:
        plan = services.team_of(room)
        ui.label(t('rv.phone')).classes('phone-hint')
        if plan is not None:
            with ui.card().classes('phone-card w-full'):
                if not _focus(plan, _state(room, activity_id), 'text-xl'):
                    ui.label(t('rv.phone_overview', n=len(tp.due(plan.state, today())))).classes('text-lg')

    live_section(room, lambda: _key(room, activity_id, services), render)


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def render(_: object) -> None:
        plan = services.team_of(room)
        if plan is None:
            _choose_team(room, actor, services)
            return
        state = _state(room, activity_id)
        with ui.row().classes('items-center gap-3'):
            ui.link(t('rv.open_plan'), f'/team/{plan.id}').mark('rv-open-plan')
            if state.focus:
                ui.button(t('rv.overview'), icon='list', on_click=lambda: do(rv.Overview())).props(
                    'no-caps outline'
                ).mark('rv-overview')
        open_items = [i for i in plan.state.items.values() if i.status not in tp.FINAL]
        due = {i.id for i in tp.due(plan.state, today())}
        ordered = sorted(open_items, key=lambda i: (i.id not in due, i.term or '9999'))  # due first
        if not ordered:
            ui.label(t('rv.nothing_open')).classes('facilitator-note')
        for item in ordered:
            _review_card(plan, item, state, do)

    live_section(room, lambda: _key(room, activity_id, services), render)


def _review_card(plan: TeamPlan, item: tp.Item, state: rv.State, do: Do) -> None:
    with ui.card().classes('control-card w-full').mark(f'rv-item-{item.id}'):
        with ui.row().classes('items-start no-wrap w-full gap-3'):
            with ui.column().classes('grow gap-0'):
                ui.label(item.what).classes('font-bold lh-argument-text')
                ui.label(term_line(item) + (f' · {t("tp.owner", owner=item.owner)}' if item.owner else '')).classes(
                    'text-sm'
                )
            status_badge(item.status)
        with ui.row().classes('items-center gap-2'):
            if state.focus != item.id:
                ui.button(t('rv.show'), icon='slideshow', on_click=lambda: do(rv.Show(item.id))).props(
                    'no-caps outline dense'
                ).mark('rv-show')
            for status in sorted(tp.TRANSITIONS[item.status]):
                label = t('rv.mark', status=status_word(status))

                def set_status(s: tp.Status = status) -> None:
                    # in this page's context: the plan's change re-makes this panel, and with it the button
                    with ui.context.client:
                        if plan_command(plan, tp.SetStatus(item.id, s.value)) and s is tp.Status.GELUKT:
                            do(rv.Show(item.id, cheer=True))  # celebrated on the projector at once

                ui.button(label, on_click=set_status).props('no-caps flat dense').mark(f'rv-{status.value}')
            if item.status in tp.CARRIABLE and not tp.successor(plan.state, item.id):
                base = datetime.date.fromisoformat(item.term) if item.term else today()
                term = (max(base, today()) + datetime.timedelta(days=30)).isoformat()
                ui.button(
                    t('rv.carry_over', term=term),
                    icon='redo',
                    on_click=lambda: plan_command(plan, tp.CarryOver(item.id, term)),
                ).props('no-caps flat dense').mark('rv-carry-over')


def _choose_team(room: LiveRoom, actor: Actor, services: Services) -> None:
    """Without a team there is no plan: name the team here (its plan is made the first time)."""
    ui.label(t('rv.no_team')).classes('facilitator-note')
    with ui.row().classes('items-end gap-3'):
        name = text_input(t('home.team'), 100).classes('w-72').mark('rv-team')
        ui.button(t('common.save'), on_click=lambda: set_team(room, actor, services, name.value or '')).props(
            'no-caps'
        ).mark('rv-set-team')


def set_team(room: LiveRoom, actor: Actor, services: Services, name: str) -> bool:
    """Give the session a team (its plan is made the first time the name is used). Refused, with a message, for an
    existing team this browser has no grant for: a session's key must never open another team's plan."""
    if not may_give_team(services, room, name):
        found = services.teams.for_name(name)
        ui.notify(t('access.team_refused', team=found.name if found else name), type='warning', position='top')
        return False
    if name.strip():
        try:
            services.teams.ensure(name)
        except DomainError as error:
            ui.notify(t(error.key, **error.params), type='warning', position='top')
            return False
    return run_command(room, actor, ChangeTeam(name))
