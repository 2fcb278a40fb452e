"""The arena in the console: rings and the plan first; then the round with its clock, the next question (planned,
typed or from the outer ring after moderation), the empty chair, and the key points tagged for the summary.

Forms stay put while the room moves: only the parts that show changing facts are re-made when they change."""

from __future__ import annotations

from functools import partial

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import keyed_list, step_button
from ...ui.frame import live_section, live_value, run_command, t, text_input
from ..base import Actor
from . import rules as ar
from .common import Do, console, public, tag_word
from .console_plan import add_question, plan, save_plan
from .console_rings import rings
from .console_round import moderation, running_card, start_round, typed_question


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    live_section(
        room, lambda: public(room, activity_id).stage, lambda stage: _stage(room, activity_id, stage, do, services)
    )


def _stage(room: LiveRoom, activity_id: str, stage: ar.Stage, do: Do, services: Services) -> None:
    ui.label(t(f'arena.stage.{stage.value}')).classes('phase-chip')
    rings(room, activity_id, do)
    if stage is ar.Stage.SETUP:
        plan(room, activity_id, do)
        add_question(do)
        step_button(room, partial(start_round, room, activity_id), do)
    if stage is ar.Stage.RUNNING:
        running_card(room, activity_id, do)
        typed_question(do)
        moderation(room, activity_id, do)
    _points(room, activity_id, do)
    save_plan(room, activity_id, services)


def _points(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Key points, tagged as they are said: the summary groups them for the werkoverleg."""
    with ui.expansion(t('arena.points'), icon='edit_note', value=True).classes('w-full'):
        with ui.row().classes('items-end gap-3 w-full no-wrap'):
            tag = ui.select(
                {tg.value: tag_word(tg.value) for tg in ar.Tag}, value=ar.Tag.ERVARING.value, label=t('arena.tag')
            )
            tag.props('outlined stack-label').classes('w-56').mark('point-tag')
            text = text_input(t('arena.point'), ar.MAX_POINT).classes('grow').mark('point-text')

            def record() -> None:
                if do(ar.RecordPoint(tag.value, text.value or '')):
                    text.value = ''

            text.on('keydown.enter', record)
            ui.button(t('lh.record_button'), icon='add', on_click=record).props('no-caps').mark('record-point')
        for tag_ in ar.Tag:  # per tag, each point's row made once: *Verwijder* removes its own point
            heading = ui.label(tag_word(tag_.value)).classes('font-bold')
            ids = partial(_point_ids, room, activity_id, tag_)
            live_value(room, partial(_any_point, room, activity_id, tag_), heading.set_visibility)
            keyed_list(room, ids, partial(_point, room, activity_id, do), tag='div')


def _any_point(room: LiveRoom, activity_id: str, tag: ar.Tag) -> bool:
    return bool(_point_ids(room, activity_id, tag))


def _point_ids(room: LiveRoom, activity_id: str, tag: ar.Tag) -> tuple[str, ...]:
    return tuple(p.id for p in console(room, activity_id).points if p.tag is tag)


def _point(room: LiveRoom, activity_id: str, do: Do, point_id: str) -> None:
    """A key point (its text does not change): *Verwijder* removes this one."""
    point = next(p for p in console(room, activity_id).points if p.id == point_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        ui.label(point.text).classes('grow whitespace-pre-wrap')
        remove = ui.button(t('arena.remove'), on_click=lambda: do(ar.RemovePoint(point_id)))
        remove.props('flat dense no-caps').mark(f'remove-point-{point_id}')
