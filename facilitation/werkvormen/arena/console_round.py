"""The arena console while it runs: the round and the question with their clocks, the planned questions not asked
yet, the steps (the next question, ending it, the next round, the end), a typed question, and the outer ring's
questions held for moderation and in the queue."""

from __future__ import annotations

from functools import partial
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.controls import Step, StepButton, keyed_list, step_button, timer_buttons
from ...ui.frame import live_section, live_value, t, text_input
from ..base import ClockOffer, ExtendTimer, PauseTimer, ResumeTimer, StopTimer
from . import rules as ar
from .common import Do, clocks, console, person, public


def running_card(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The round and the question with their clocks (re-drawn as they change), and beside them, made once, the clock's
    buttons, the planned questions and the steps: a click on them always lands."""
    with ui.card().classes('control-card w-full'):
        live_section(room, lambda: _run_key(room, activity_id), lambda _: _running(room, activity_id))
        with ui.row().classes('items-center gap-2'):
            timer_buttons(
                room,
                partial(_clock, room, activity_id),
                (PauseTimer(), ResumeTimer(), ExtendTimer(60), StopTimer()),
                do,
                extend_key='arena.extend',
            )
        _planned(room, activity_id, do)
        with ui.row().classes('items-center gap-3'):
            _steps(room, activity_id, do)


def _run_key(room: LiveRoom, activity_id: str) -> tuple[Any, ...]:
    view = public(room, activity_id)
    return (
        view.round_number,
        view.question,
        view.question_deadline,
        view.question_left,
        view.round_deadline,
        view.round_left,
    )


def _clock(room: LiveRoom, activity_id: str) -> ClockOffer:
    """Pausing and resuming act on the whole conversation; extending and stopping on the question or the round."""
    view = public(room, activity_id)
    in_round = view.round_number > 0
    return ClockOffer(
        pause=view.round_deadline is not None or view.question_deadline is not None,
        resume=view.round_left is not None or view.question_left is not None,
        extend=in_round,
        stop=in_round,
    )


def _planned(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The planned questions not asked yet, folded away. Made once: a question's row is removed once it is asked,
    so *Stel deze* asks its own question while the clock runs and others are asked."""

    def remaining() -> tuple[str, ...]:
        return tuple(q.id for q in console(room, activity_id).remaining)

    def show(left: int) -> None:
        expansion.set_text(t('arena.planned', n=left))
        expansion.set_visibility(left > 0)

    with ui.expansion(icon='list').classes('w-full') as expansion:
        keyed_list(room, remaining, partial(_remaining, room, activity_id, do))
    live_value(room, lambda: len(remaining()), show)


def _remaining(room: LiveRoom, activity_id: str, do: Do, question_id: str) -> None:
    text = next(q.text for q in console(room, activity_id).questions if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        ui.label(text).classes('grow')
        ask = ui.button(t('arena.ask_this'), on_click=lambda: do(ar.AskQuestion(question_id)))
        ask.props('flat dense no-caps').mark(f'ask-planned-{question_id}')


def _steps(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The next question, ending the question, the next round and the end, from the state at each change."""

    def next_question() -> Step | None:
        planned = console(room, activity_id).next_question
        return Step('arena.next_question', ar.AskQuestion(planned)) if planned else None

    def end_question() -> Step | None:
        question = public(room, activity_id).question
        return Step('arena.end_question', ar.EndQuestion(), about=question) if question else None

    step_button(room, next_question, do)
    StepButton(room, end_question, do).props('no-caps outline').mark('end-question')
    StepButton(room, partial(start_round, room, activity_id), do).props('no-caps outline').mark('next-round')
    ui.button(t('arena.end'), icon='flag', on_click=lambda: do(ar.EndArena())).props('no-caps outline').mark(
        'end-arena'
    )


def start_round(room: LiveRoom, activity_id: str) -> Step | None:
    """*Start ronde n*: the next round, named by its number, while there is one to offer."""
    following = console(room, activity_id).next_round
    return Step('arena.start_round', ar.StartRound(), (('n', following),)) if following else None


def _running(room: LiveRoom, activity_id: str) -> None:
    view = public(room, activity_id)
    with ui.column().classes('w-full gap-2'):
        if view.round_kind is None:
            ui.label(t('arena.between_rounds')).classes('text-lg')
        else:
            ui.label(f'{view.round_title} ({t(f"arena.kind.{view.round_kind.value}")})').classes('text-lg font-bold')
        if view.question:
            ui.label(view.question).classes('statement-text text-2xl').props('role=heading aria-level=2')
        clocks(view, 'voted-live')


def typed_question(do: Do) -> None:
    with ui.row().classes('items-end gap-3 w-full no-wrap'):
        field = text_input(t('arena.typed'), ar.MAX_QUESTION).classes('grow').mark('typed-question')

        def ask() -> None:
            if do(ar.AskQuestion(text=field.value or '')):
                field.value = ''

        ui.button(t('arena.ask'), on_click=ask).props('no-caps').mark('ask-typed')


SHOWN = 15  # questions listed at a time: the oldest held ones, the most supported queued ones


def moderation(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Held questions and the queue. Made once: the counts are updated in place and each question's row is made when
    it comes in, moved as the support changes and removed when it is handled, never re-made, so a click on *Toon in
    de rij* or *Stel deze vraag* lands on its own question while more questions arrive and phones support them."""

    with ui.card().classes('control-card w-full') as card:
        heading = ui.label().classes('text-lg font-bold').props('role=heading aria-level=3')

        def count() -> tuple[int, int]:
            return len(console(room, activity_id).pending), len(public(room, activity_id).queue)

        def show(counts: tuple[int, int]) -> None:
            held, queued = counts
            heading.set_text(t('arena.moderation', n=held))
            heading.set_visibility(held > 0)
            card.set_visibility(held + queued > 0)
            queue_heading.set_visibility(queued > 0)

        # handled oldest first; the rest follow
        keyed_list(
            room,
            lambda: tuple(q.id for q in console(room, activity_id).pending[:SHOWN]),
            lambda question_id: _held(room, activity_id, question_id, do),
            tag='div',
        )
        queue_heading = ui.label(t('arena.queue')).classes('text-lg font-bold').props('role=heading aria-level=3')
        keyed_list(
            room,
            lambda: tuple(q.id for q in public(room, activity_id).queue[:SHOWN]),
            lambda question_id: _queued(room, activity_id, question_id, do),
            tag='div',
        )
        live_value(room, count, show)


def _held(room: LiveRoom, activity_id: str, question_id: str, do: Do) -> None:
    """A question held for moderation (its text and author do not change): approve or reject this one."""
    question = next(q for q in console(room, activity_id).pending if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        by = f' ({person(room, question.author)})' if question.author else ''
        ui.label(question.text + by).classes('grow lh-argument-text')
        approve = ui.button(t('arena.approve'), on_click=lambda: do(ar.Approve(question_id)))
        approve.props('no-caps unelevated dense').mark('approve', f'approve-{question_id}')
        reject = ui.button(t('arena.reject'), on_click=lambda: do(ar.Reject(question_id)))
        reject.props('no-caps flat dense color=negative').mark(f'reject-{question_id}')


def _queued(room: LiveRoom, activity_id: str, question_id: str, do: Do) -> None:
    """A question in the queue: its support kept current in place; *Stel deze vraag* asks this one."""

    def support() -> int | None:  # None once it has left the queue (the list removes it next)
        return next((q.support for q in public(room, activity_id).queue if q.id == question_id), None)

    text = next(q.text for q in public(room, activity_id).queue if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        line = ui.label().classes('grow')
        pick = ui.button(t('arena.pick'), on_click=lambda: do(ar.PickQuestion(question_id)))
        pick.props('no-caps unelevated dense').mark('pick', f'pick-{question_id}')
    live_value(room, support, lambda n: None if n is None else line.set_text(f'{text} · {t("arena.support_n", n=n)}'))
