"""The lagerhuis in the console: the stelling and the sides, the preparation, then the floor (queue, speaker,
time), the arguments (recorded, linked, struck with a reason), the live tally and the facilitator's own insight
into how the floor was shared; the nabespreking with its conclusions.

Forms stay put while the room moves: only the parts that show changing facts are re-made when they change."""

from __future__ import annotations

import time

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.frame import live_section, live_value, run_command, t, text_input
from ..base import Actor
from . import rules as lh
from .common import Do, console, person, public, result_text, side_badge, side_word, tally_text
from .console_arguments import arguments
from .console_floor import floor, record_form
from .console_setup import sides, start


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def stage() -> lh.Stage:
        return public(room, activity_id).stage

    live_section(room, stage, lambda stage: _heading(room, activity_id, stage))
    start(room, activity_id, do)  # made once: a click on its buttons lands while phones join or the stage moves on
    live_section(room, stage, lambda stage: _stage(room, activity_id, stage, do))


def _heading(room: LiveRoom, activity_id: str, stage: lh.Stage) -> None:
    with ui.row().classes('items-center gap-2'):
        ui.label(t(f'lh.stage.{stage.value}')).classes('phase-chip')
        tally = ui.label().classes('voted-live')
        live_value(
            room,
            lambda: public(room, activity_id).tally,
            lambda _: tally.set_text(tally_text(public(room, activity_id))),
        )
    live_section(room, lambda: public(room, activity_id).statement, lambda text: _statement(text))


def _stage(room: LiveRoom, activity_id: str, stage: lh.Stage, do: Do) -> None:
    sides(room, activity_id, do)
    if stage is lh.Stage.PREPARATION:
        live_section(room, lambda: console(room, activity_id).notes, lambda notes: _notes(notes))
    if stage is lh.Stage.DEBATE:
        floor(room, activity_id, do)
        record_form(room, activity_id, do)
        ui.button(t('lh.end_debate'), icon='flag', on_click=lambda: do(lh.EndDebate())).props('no-caps outline').mark(
            'end-debate'
        )
        live_section(room, lambda: console(room, activity_id).turns, lambda _: _insight(room, activity_id))
    if stage is lh.Stage.DISCUSSION:
        _discussion(room, activity_id, do)
    arguments(room, activity_id, do, strikeable=stage is not lh.Stage.SETUP)


def _statement(text: str) -> None:
    ui.label(t('lh.statement')).classes('statement-position')
    ui.label(text or t('lh.no_statement')).classes('statement-text text-2xl').props('role=heading aria-level=2')


def _notes(notes: tuple[lh.Note, ...]) -> None:
    with ui.row().classes('w-full gap-4 items-start'):
        for side in lh.Side:
            with ui.card().classes('quiz-group-card'):
                mine = [n.text for n in notes if n.side is side]
                with ui.row().classes('items-center gap-2'):
                    side_badge(side)
                    ui.label(t('lh.notes_n', n=len(mine))).classes('font-bold')
                with ui.element('ul').classes('lh-notes'):
                    for text in mine:
                        with ui.element('li'):
                            ui.label(text)


def _insight(room: LiveRoom, activity_id: str) -> None:
    """Only here, never on the projector: turns and speaking time per side, and per person who chose a name."""
    seen = lh.insight(console(room, activity_id), time.time())
    with ui.expansion(t('lh.insight'), icon='insights', value=False).classes('w-full'):
        for side in lh.Side:
            spoken = seen.sides[side]
            with ui.row().classes('items-center gap-3'):
                side_badge(side)
                ui.label(t('lh.insight_side', turns=spoken.turns, seconds=round(spoken.seconds)))
        named = [(pid, side, s) for pid, side, s in seen.people if (p := room.state.participants.get(pid)) and p.name]
        for pid, side, spoken in named:
            ui.label(
                t('lh.insight_person', name=person(room, pid, side), side=side_word(side), turns=spoken.turns,
                  seconds=round(spoken.seconds))
            ).classes('text-sm')  # fmt: skip


def _discussion(room: LiveRoom, activity_id: str, do: Do) -> None:
    view = public(room, activity_id)
    with ui.card().classes('control-card w-full'):
        ui.label(result_text(view)).classes('text-xl font-bold')
        field = (
            text_input(t('lh.conclusions'), lh.MAX_CONCLUSIONS, multiline=True, value=view.conclusions)
            .classes('w-full')
            .mark('conclusions')
        )

        def save() -> None:
            if do(lh.SaveConclusions(field.value or '')):
                ui.notify(t('common.saved'), type='positive')

        field.on('blur', lambda: do(lh.SaveConclusions(field.value or '')))  # leaving the field saves: never lost
        ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').mark('save-conclusions')
