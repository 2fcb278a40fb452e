"""The kennisquiz in the console: groups first, then per card the one obvious next step, the facilitator's verdict
buttons, spokesperson, timer, undo and setting aside; the deck (edit, add, import, export) and the scoreboard.

Its parts: console_play.py (the card being played), console_groups.py (the groups), console_deck.py (the deck)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui import views
from ...ui.controls import Step, StepButton, step_button
from ...ui.frame import live_section, live_value, run_command, t
from ..base import Actor
from . import rules as qz
from .common import Console, Do, as_step, scoreboard
from .console_deck import add_card_form, deck, import_export
from .console_groups import groups_editor
from .console_play import card_buttons, close_buttons, judge_buttons, play


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def console() -> qz.ConsoleView:
        return views.console(room, activity_id)

    def control() -> tuple[Any, ...]:
        # the card's shape only: the stage, the card being played (its words) and its step. What moves while
        # people tap (counts, the spokesperson, the given answer, the clock, the outcome) is set in place inside,
        # so the opinion being typed, the spokesperson's select and every button stay while phones answer
        view = console()
        return view.public.stage, view.card, view.public.step

    def groups() -> tuple[Any, ...]:  # the shape only: names and members are updated inside, in place
        view = console()
        return view.public.stage, tuple(group.id for group in view.groups)

    with ui.card().classes('control-card w-full'):
        live_section(room, control, lambda _: _control(room, console, do))
        # made once, outside what is re-made: a click on the next step lands while groups fill and answers come in
        judge_buttons(room, console, do)
        close_buttons(room, console, do)
        card_buttons(room, console, do)
        step_button(room, lambda: as_step(console().next_step), do)
    live_section(room, lambda: replace(console().public, responded=0), _scores)
    _newcomers(room, lambda: console().newcomers(room.state.participants), do)
    live_section(room, groups, lambda _: groups_editor(room, console, do))
    with ui.expansion(t('quiz.deck'), icon='style', value=False).classes('w-full statement-list'):
        deck(room, console, do)
    add_card_form(do)
    import_export(room, activity_id, console, do)


def _control(room: LiveRoom, console: Console, do: Do) -> None:
    view = console()
    if view.public.stage is qz.Stage.SETUP:
        _setup(room, console, do)
    elif view.public.stage is qz.Stage.FINISHED:
        ui.label(t('quiz.phase.finished')).classes('phase-chip')
        live_section(room, lambda: console().public.standings, lambda _: scoreboard(console().public))
        _aside_list(view.public.aside)
    else:
        play(room, console, do)


def _scores(view: qz.PublicView) -> None:
    if view.stage is qz.Stage.PLAYING:
        with ui.card().classes('control-card w-full'):
            ui.label(t('quiz.scoreboard')).classes('text-lg font-bold').props('role=heading aria-level=3')
            scoreboard(view)


def _setup(room: LiveRoom, console: Console, do: Do) -> None:
    """Made once for the set-up, each field set in place as the room changes (groups divided, another console):
    the count, the switch and the steal percentage keep what the facilitator is choosing while phones join."""

    def public() -> qz.PublicView:
        return console().public

    ui.label(t('quiz.phase.setup')).classes('phase-chip')
    ui.label(t('quiz.console.setup_hint')).classes('facilitator-note')
    with ui.row().classes('items-end gap-3'):
        counts = {n: str(n) for n in range(2, 7)}
        divided_into = len(console().groups)
        count = ui.select(counts, value=divided_into if divided_into in counts else 2, label=t('quiz.groups'))
        count.props('outlined stack-label').classes('w-32').mark('group-count')
        divide = ui.button(t('quiz.divide'), icon='shuffle', on_click=lambda: do(qz.DivideGroups(int(count.value))))
        divide.props('no-caps').mark('divide')
        choice = ui.switch(
            t('quiz.allow_choice'),
            value=public().group_choice,
            on_change=lambda e: do(qz.AllowGroupChoice(e.value)) if e.value != public().group_choice else None,
        ).mark('group-choice')
    with ui.row().classes('items-end gap-3'):
        steal = ui.number(t('quiz.steal_percent'), value=public().steal_percent, min=0, max=100, precision=0)
        steal.props('outlined stack-label suffix=%').classes('w-48').mark('steal-percent')
        ui.button(t('common.save'), on_click=lambda: do(qz.SetStealPercent(int(steal.value or 0)))).props(
            'no-caps flat'
        ).mark('save-steal-percent')
    need = ui.label(t('quiz.console.need_groups')).classes('facilitator-note')  # else the step button starts it

    def divided(groups: int) -> None:
        if groups:
            if groups in counts:
                count.set_value(groups)
            divide.props('outline')
            choice.props(remove='disable')
        else:
            divide.props(remove='outline')
            choice.props('disable')

    live_value(room, lambda: len(console().groups), divided)
    live_value(room, lambda: public().group_choice, choice.set_value)
    live_value(room, lambda: public().steal_percent, steal.set_value)
    live_value(room, lambda: console().ready, lambda ready: need.set_visibility(not ready))


def _newcomers(room: LiveRoom, newcomers: Callable[[], int], do: Do) -> None:
    """Outside the folded list: latecomers are seen at once. Made once, the count kept current in place, so
    *Deel nieuwkomers in* lands while more phones join."""
    with ui.row().classes('items-center gap-3').props('role=status') as row:
        count = ui.label()
        place = StepButton(room, lambda: Step('quiz.place_newcomers', qz.PlaceNewcomers()) if newcomers() else None, do)
        place.props('no-caps outline').mark('place-newcomers')

    def show(n: int) -> None:
        count.set_text(t('quiz.newcomers', n=n))
        row.set_visibility(n > 0)

    live_value(room, newcomers, show)


def _aside_list(aside: tuple[tuple[str, qz.Aside], ...]) -> None:
    if not aside:
        return
    ui.label(t('quiz.aside_title')).classes('text-lg font-bold').props('role=heading aria-level=3')
    for question, why in aside:
        ui.label(f'{question} ({t(f"quiz.aside.{why.value}")})')
