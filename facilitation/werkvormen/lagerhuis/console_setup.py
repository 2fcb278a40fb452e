"""The lagerhuis console's set-up: the stelling, the times and the sides (divided, chosen or moved, and who joined
later), with the preparation's clock and the steps to the debate; the clock serves the floor too."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.controls import Clock, Step, StepButton, clock_row, step_button
from ...ui.frame import live_section, live_value, t, text_input
from ...ui.people import group_cards, move_form
from . import rules as lh
from .common import Do, console, person, public, side_badge, side_word


def start(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The set-up form, the preparation's clock and the steps to the debate, made once and shown as the stage
    allows: *Start het debat* is one button in the set-up and the preparation, so a click lands while phones join
    or the preparation starts."""

    def stage() -> lh.Stage:
        return public(room, activity_id).stage

    def start_debate() -> Step | None:
        return Step('lh.start_debate', lh.StartDebate()) if console(room, activity_id).offers_debate else None

    def start_preparation() -> Step | None:
        return (
            Step('lh.start_preparation', lh.StartPreparation())
            if console(room, activity_id).offers_preparation
            else None
        )

    with ui.card().classes('control-card w-full') as card:
        with ui.column().classes('w-full gap-3') as setup:
            _setup(room, activity_id, do)
        clock(room, activity_id, do)
        with ui.row().classes('items-center gap-3'):
            StepButton(room, start_preparation, do).props('no-caps outline').mark('start-preparation')
            step_button(room, start_debate, do)
    live_value(room, lambda: stage() in (lh.Stage.SETUP, lh.Stage.PREPARATION), card.set_visibility)
    live_value(room, lambda: stage() is lh.Stage.SETUP, setup.set_visibility)


def _setup(room: LiveRoom, activity_id: str, do: Do) -> None:
    setup, debate = console(room, activity_id), public(room, activity_id)
    ui.label(t('lh.console.setup_hint')).classes('facilitator-note')
    if setup.suggestions:
        options = {text: text[:110] for text in setup.suggestions}
        chosen = (
            ui.select(options, label=t('lh.choose_statement'), with_input=True)
            .props('outlined stack-label')
            .classes('w-full')
            .mark('statement-choice')
        )
    field = (
        text_input(t('lh.statement'), lh.MAX_STATEMENT, value=debate.statement).classes('w-full').mark('lh-statement')
    )
    if setup.suggestions:
        chosen.on_value_change(lambda e: field.set_value(e.value or field.value))
    ui.button(t('lh.use_statement'), on_click=lambda: do(lh.SetStatement(field.value or ''))).props('no-caps').mark(
        'use-statement'
    )
    with ui.row().classes('items-end gap-3'):
        prep = ui.number(t('lh.prep_seconds'), value=setup.prep_seconds, min=0, max=lh.MAX_SECONDS, precision=0)
        prep.props('outlined stack-label').classes('w-56')
        turn = ui.number(t('lh.turn_seconds'), value=setup.turn_seconds, min=0, max=lh.MAX_SECONDS, precision=0)
        turn.props('outlined stack-label').classes('w-56')
        ui.button(t('common.save'), on_click=lambda: do(lh.SetTimes(int(prep.value or 0), int(turn.value or 0)))).props(
            'no-caps flat'
        )
    with ui.row().classes('items-center gap-3'):
        ui.button(t('lh.divide'), icon='shuffle', on_click=lambda: do(lh.DivideSides())).props('no-caps').mark(
            'divide-sides'
        )

        def choice() -> bool:
            return public(room, activity_id).side_choice

        # set in place as the room changes (another console): on_change then fires too, and sends nothing
        switch = ui.switch(
            t('lh.allow_choice'),
            value=debate.side_choice,
            on_change=lambda e: do(lh.AllowSideChoice(e.value)) if e.value != choice() else None,
        )
        live_value(room, choice, switch.set_value)


def sides(room: LiveRoom, activity_id: str, do: Do) -> None:
    def key() -> tuple[bool, lh.Stage]:  # the fold-out is made again only when it appears or the stage moves on
        return bool(console(room, activity_id).members), public(room, activity_id).stage

    def newcomers() -> int:  # joins change it: the row is updated in place, so its button stays clickable
        view = console(room, activity_id)
        members = dict(view.members)
        return sum(pid not in members for pid in room.state.participants) if view.places_newcomers else 0

    with ui.row().classes('items-center gap-3').props('role=status') as row:
        count = ui.label()
        place = StepButton(room, lambda: Step('lh.place_newcomers', lh.PlaceNewcomers()) if newcomers() else None, do)
        place.props('no-caps outline').mark('place-newcomers')

    def show(n: int) -> None:
        count.set_text(t('lh.newcomers', n=n))
        row.set_visibility(n > 0)

    live_value(room, newcomers, show)
    live_section(room, key, lambda _: _sides_editor(room, activity_id, do))


def _sides_editor(room: LiveRoom, activity_id: str, do: Do) -> None:
    if not console(room, activity_id).members:
        return

    def cards() -> tuple[Any, ...]:
        names = tuple((pid, p.name) for pid, p in room.state.participants.items())
        return console(room, activity_id).members, names

    def people() -> dict[str, str]:
        members = dict(console(room, activity_id).members)
        return {pid: person(room, pid, members.get(pid)) for pid in room.state.participants}

    setup = public(room, activity_id).stage is lh.Stage.SETUP
    with ui.expansion(t('lh.sides'), icon='groups', value=setup).classes('w-full'):
        live_section(room, cards, lambda _: _side_cards(room, activity_id))
        sides = {s.value: side_word(s) for s in lh.Side}
        move_form(room, people, lambda: sides, t('lh.move_to'), lambda who, side: do(lh.MoveParticipant(who, side)))


def _side_cards(room: LiveRoom, activity_id: str) -> None:
    group_cards(console(room, activity_id).members, lh.Side, side_badge, lambda pid, side: person(room, pid, side))


def clock(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The speaking clock with its buttons beside it (ui/controls.clock_row)."""

    def now() -> Clock:
        view = public(room, activity_id)
        return view.timer_deadline, view.timer_left, console(room, activity_id).has_clock

    clock_row(room, now, (lh.PauseTimer(), lh.ResumeTimer(), lh.ExtendTimer(30), lh.StopTimer()), do)
