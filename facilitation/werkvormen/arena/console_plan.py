"""The arena console's plan: the rounds with their minutes and the planned questions (added and removed in the
set-up), and the plan as a file to prepare once and run again."""

from __future__ import annotations

from functools import partial

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui.controls import keyed_list
from ...ui.frame import live_value, t, text_input
from . import rules as ar
from .common import Do, console, tag_word
from .content import keep_plan, plan_yaml


def plan(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The rounds with their durations and the planned questions. Made once: a round's minutes are set in place
    and each question's row is made when it is added and removed when it is, so *Verwijder* removes its own
    question while the plan changes."""

    def plan() -> ar.ConsoleView:
        return console(room, activity_id)

    with ui.card().classes('control-card w-full'):
        ui.label(t('arena.plan')).classes('text-lg font-bold').props('role=heading aria-level=3')
        keyed_list(room, lambda: tuple(r.id for r in plan().rounds), partial(_planned_round, room, activity_id, do))
        questions = keyed_list(
            room,
            lambda: tuple(q.id for q in plan().questions),
            partial(_plan_question, room, activity_id, do),
            tag='ol',
            entry_tag='li',
        )
        questions.classes('lh-queue-console')


def _planned_round(room: LiveRoom, activity_id: str, do: Do, round_id: str) -> None:
    """A round of the plan (its title and kind do not change): its minutes kept current in place."""
    round_ = next(r for r in console(room, activity_id).rounds if r.id == round_id)
    with ui.row().classes('items-end gap-3 no-wrap'):
        ui.label(f'{round_.title} ({t(f"arena.kind.{round_.kind.value}")})').classes('grow')
        minutes = ui.number(t('arena.minutes'), value=round_.seconds / 60, min=0, max=240, precision=0)
        minutes.props('outlined dense stack-label').classes('w-32')
        ui.button(
            t('common.save'), on_click=lambda: do(ar.SetRoundSeconds(round_id, int((minutes.value or 0) * 60)))
        ).props('no-caps flat')

    def seconds() -> int | None:
        return next((r.seconds for r in console(room, activity_id).rounds if r.id == round_id), None)

    live_value(room, seconds, lambda n: None if n is None else minutes.set_value(n / 60))


def _plan_question(room: LiveRoom, activity_id: str, do: Do, question_id: str) -> None:
    """A planned question (its text, time and tag do not change): *Verwijder* removes this one."""
    question = next(q for q in console(room, activity_id).questions if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        tag = f' · {tag_word(question.tag)}' if question.tag else ''
        ui.label(f'{question.text} ({question.seconds // 60} min{tag})').classes('grow')
        remove = ui.button(t('arena.remove'), on_click=lambda: do(ar.RemoveQuestion(question_id)))
        remove.props('flat dense no-caps').mark(f'remove-question-{question_id}')


def add_question(do: Do) -> None:
    with ui.expansion(t('arena.add_question'), icon='add').classes('w-full'):
        text = text_input(t('arena.question'), ar.MAX_QUESTION).classes('w-full').mark('plan-question')
        tag = ui.select({'': '—', **{tg.value: tag_word(tg.value) for tg in ar.Tag}}, value='', label=t('arena.tag'))
        tag.props('outlined stack-label').classes('w-56')
        minutes = ui.number(t('arena.minutes'), value=4, min=0, max=240, precision=0).props('outlined stack-label')

        def add() -> None:
            if do(ar.AddQuestion(text.value or '', int((minutes.value or 0) * 60), tag.value or '')):
                text.value = ''

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('add-plan-question')


def save_plan(room: LiveRoom, activity_id: str, services: Services) -> None:
    """The plan (rounds, durations, questions) as a file, to prepare once and run again."""
    with ui.row().classes('gap-3'):

        def save() -> None:
            name = keep_plan(services.settings.data_dir, plan_yaml(console(room, activity_id)))
            ui.notify(t('arena.plan_saved', name=name), type='positive', position='top')

        ui.button(t('arena.save_plan'), icon='save', on_click=save).props('no-caps outline').mark('save-plan')
        ui.button(
            t('arena.download_plan'),
            icon='download',
            on_click=lambda: ui.download.content(
                plan_yaml(console(room, activity_id)), 'arenagesprek.yaml', 'application/yaml'
            ),
        ).props('no-caps outline')
