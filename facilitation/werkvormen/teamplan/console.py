"""Teamplan bespreken, the console: the team's plan item by item with the team (seed: "Borg de leer- en
ontwikkelaanpak"). One obvious next step puts the next item on the screen; each item's card sets its status, and
what did not succeed is carried into the next planning with one click ("Punten die nog niet gelukt zijn worden
opgenomen in de vervolgplanning"); an escalation shows who has influence, the action, what was agreed and its
follow-up date ("bewaak de afhandeling"). Above it, what this meeting agreed (agreements.py): the closing part
confirms it into the plan.

Nothing here is re-made while the plan changes: the step is a StepButton, the cards a keyed list whose buttons are
made once per item and shown or hidden in place, so a click sent while the list updates always lands."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ... import teamplan as tp
from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...teamplan_export import date_text
from ...teams import TeamPlan
from ...ui import views
from ...ui.agreements import new_agreements
from ...ui.controls import Step, keyed_list, step_button
from ...ui.frame import language, live_section, live_value, run_command, t
from ...ui.team import plan_command, status_badge, status_word, today
from ..base import Actor
from . import rules as rv
from .common import carried_line, choose_team, escalation_lines, when_line

Do = Callable[[object], bool]
STATUS_BUTTONS = (tp.Status.GEPLAND, tp.Status.BEZIG, tp.Status.GELUKT, tp.Status.NIET_GELUKT, tp.Status.VERVALLEN)


def _step(step: rv.NextStep | None) -> Step | None:
    return None if step is None else Step(step.key, step.command, step.params, icon=step.icon)


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def plan_id() -> str:
        plan = services.team_of(room)
        return plan.id if plan else ''

    def render(found: str) -> None:
        plan = services.team_of(room)
        if plan is None:
            choose_team(room, actor, services)
            return
        new_agreements(room, plan)  # the closing part: what this meeting agreed, confirmed into the plan
        _review(room, activity_id, plan, do)

    live_section(room, plan_id, render)  # made again only when the session's team changes


def _review(room: LiveRoom, activity_id: str, plan: TeamPlan, do: Do) -> None:
    def focus() -> str:
        view: rv.View = views.console(room, activity_id)
        return view.focus

    def reviewed() -> tuple[tp.Item, ...]:
        return tp.to_review(plan.state, today(), keep=focus())

    def step() -> Step | None:
        return _step(rv.next_step(reviewed(), focus()))

    with ui.row().classes('items-center gap-3'):
        ui.link(t('rv.open_plan'), f'/team/{plan.id}').mark('rv-open-plan')
        overview = ui.button(t('rv.overview'), icon='list', on_click=lambda: do(rv.Overview()))
        overview.props('no-caps outline').mark('rv-overview')
        # beside the step only when the step is not the overview itself (one button per action)
        live_value(room, lambda: rv.overview_beside(reviewed(), focus()), overview.set_visibility)
    step_button(room, step, do)
    nothing = ui.label(t('rv.nothing_open')).classes('facilitator-note')
    live_value(room, lambda: not reviewed(), nothing.set_visibility)
    keyed_list(room, lambda: tuple(i.id for i in reviewed()), lambda item_id: _card(room, plan, item_id, focus, do))


def _card(room: LiveRoom, plan: TeamPlan, item_id: str, focus: Callable[[], str], do: Do) -> None:
    """One item: its text re-made as it changes (no buttons in it), its buttons made once and shown in place."""

    def item() -> tp.Item | None:
        return plan.state.items.get(item_id)

    def text_key() -> tuple[object, ...]:  # a snapshot: the plan's items change in place
        current = item()
        return (repr(current), tp.successor(plan.state, item_id), today()) if current else ()

    def set_status(status: tp.Status) -> None:
        with ui.context.client:  # the page's, not the card's: a card leaves the list once its item has ended
            if status is tp.Status.GELUKT:
                do(rv.Show(item_id, cheer=True))  # first: on the screen it stays in the review, celebrated at once
            plan_command(plan, tp.SetStatus(item_id, status.value))

    def carry_over() -> None:
        current = item()
        if current is not None:
            with ui.context.client:  # the card may leave the list as the plan changes
                plan_command(plan, tp.CarryOver(item_id, rv.new_term(current, today())))

    with ui.card().classes('control-card w-full').mark(f'rv-item-{item_id}'):
        live_section(room, text_key, lambda _: _card_text(plan, item_id))
        with ui.row().classes('items-center gap-2'):
            show = ui.button(t('rv.show'), icon='slideshow', on_click=lambda: do(rv.Show(item_id)))
            show.props('no-caps outline dense').mark('rv-show')
            marks = {}
            for status in STATUS_BUTTONS:
                marks[status] = ui.button(
                    t('rv.mark', status=status_word(status)), on_click=lambda s=status: set_status(s)
                )
                marks[status].props('no-caps flat dense').mark(f'rv-{status.value}')
            carry = ui.button(icon='redo', on_click=carry_over).props('no-caps flat dense').mark('rv-carry-over')

    def buttons() -> tuple[bool, frozenset[tp.Status], str]:
        current = item()
        if current is None:
            return False, frozenset(), ''
        return (
            focus() == item_id,
            tp.next_statuses(plan.state, current),
            rv.carry_over_term(plan.state, current, today()),
        )

    def show_buttons(value: tuple[bool, frozenset[tp.Status], str]) -> None:
        shown, allowed, term = value
        show.set_visibility(not shown)
        for status, button in marks.items():
            button.set_visibility(status in allowed)
        carry.set_visibility(bool(term))
        if term:
            carry.set_text(t('rv.carry_over', term=date_text(term, language())))

    live_value(room, buttons, show_buttons)


def _card_text(plan: TeamPlan, item_id: str) -> None:
    item = plan.state.items.get(item_id)
    if item is None:
        return
    with ui.row().classes('items-start no-wrap w-full gap-3'):
        with ui.column().classes('grow gap-0'):
            ui.label(item.what).classes('font-bold lh-argument-text')
            owner = f' · {t("tp.owner", owner=item.owner)}' if item.owner else ''
            ui.label(when_line(item) + owner).classes('text-sm').mark('rv-when')
            for line in escalation_lines(item):
                ui.label(line).classes('text-sm')
            if carried := carried_line(plan, item):
                ui.label(carried).classes('text-sm font-bold').mark('rv-carried')
        status_badge(item.status)
