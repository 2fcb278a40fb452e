"""The lagerhuis on the phone: your side, then one big action at a time — collect arguments with your side,
"Ik wil het woord", your place in the queue, and when you have the floor: the argument you bring in."""

from __future__ import annotations

import time

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.countdown import countdown
from ...ui.frame import live_section, live_value, run_command, svg_icon, t, text_input
from ..base import Actor
from . import rules as lh
from .common import SIDE_COLOR, SIDE_ICON, Do, participant, public, result_text, side_badge, side_word, tally_text


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    """Parts re-made only when what they show changes for this person: the queue moving or other people's
    arguments never replace a button this person may be tapping, or a field they are typing in."""

    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def me() -> lh.ParticipantView:
        return participant(room, activity_id, actor.id)

    def side_key() -> tuple[object, ...]:
        view = me()
        return view.side, view.can_choose_side, view.public.stage

    def main_key() -> tuple[object, ...]:
        view = me()
        debate = view.public
        # no clock and no other people's arguments in here: a speaker typing an argument keeps what was typed
        ended = (debate.tally, debate.conclusions) if debate.stage is lh.Stage.DISCUSSION else None
        return debate.stage, debate.statement, view.side, view.position, view.speaking, view.can_request, ended

    live_section(room, side_key, lambda _: _side_line(me(), do))
    live_section(room, main_key, lambda _: _main(room, activity_id, actor, me(), do))


def _side_line(view: lh.ParticipantView, do: Do) -> None:
    if view.side is None:
        ui.label(t('lh.no_side')).classes('quiz-my-group')
    else:
        with ui.row().classes('quiz-my-group items-center no-wrap w-full gap-3').props('role=status'):
            ui.label(t('lh.your_side')).classes('font-bold')
            side_badge(view.side)
    if view.can_choose_side:
        ui.label(t('lh.choose_side')).classes('text-lg font-bold').props('role=heading aria-level=2')
        with ui.row().classes('w-full no-wrap gap-3').props('role=group'):
            for side in lh.Side:
                chosen = side is view.side
                button = (
                    ui.button(
                        side_word(side),
                        icon=svg_icon('check_circle' if chosen else SIDE_ICON[side], white=True),
                        on_click=lambda s=side: do(lh.ChooseSide(s.value)),
                        color=SIDE_COLOR[side],
                    )
                    .props('no-caps unelevated size=lg')
                    .classes('grow vote-button' + (' chosen' if chosen else ''))
                )
                button.props['aria-pressed'] = 'true' if chosen else 'false'


def _main(room: LiveRoom, activity_id: str, actor: Actor, view: lh.ParticipantView, do: Do) -> None:
    debate = view.public
    with ui.card().classes('phone-card w-full'):
        ui.label(t('lh.statement')).classes('statement-position')
        ui.label(debate.statement or t('lh.no_statement')).classes('statement-text text-xl').props(
            'role=heading aria-level=2'
        )
        if debate.stage is lh.Stage.SETUP:
            ui.label(t('lh.phone.setup')).classes('phone-hint')
        elif debate.stage is lh.Stage.PREPARATION:
            _preparation(room, activity_id, actor, view, do)
        elif debate.stage is lh.Stage.DEBATE:
            _debate(room, activity_id, actor, view, do)
        else:
            ui.label(result_text(debate)).classes('text-xl font-bold')
            if debate.conclusions:
                ui.label(t('lh.conclusions')).classes('font-bold')
                ui.label(debate.conclusions).classes('whitespace-pre-wrap')
    if debate.stage in (lh.Stage.DEBATE, lh.Stage.DISCUSSION):
        tally = ui.label().classes('phone-hint font-bold').props('role=status')
        live_value(
            room,
            lambda: public(room, activity_id).tally,
            lambda _: tally.set_text(tally_text(public(room, activity_id))),
        )


def _preparation(room: LiveRoom, activity_id: str, actor: Actor, view: lh.ParticipantView, do: Do) -> None:
    if view.side is None:
        ui.label(t('lh.phone.wait_for_side')).classes('phone-hint')
        return
    ui.label(t('lh.phone.prepare', side=side_word(view.side))).classes('phone-hint')
    _clock(room, activity_id)
    field = text_input(t('lh.note'), lh.MAX_NOTE, multiline=True).classes('w-full').mark('lh-note')

    def add() -> None:
        if do(lh.AddNote(field.value or '')):
            field.value = ''

    ui.button(t('lh.add_note'), on_click=add).props('no-caps unelevated size=lg').classes('w-full big-action').mark(
        'add-note'
    )
    side = view.side
    notes = ui.column().classes('w-full gap-1')

    def show_notes(texts: tuple[str, ...]) -> None:  # the side's list grows as side-mates add: below the field
        notes.clear()
        with notes:
            ui.label(t('lh.side_notes', side=side_word(side), n=len(texts))).classes('font-bold')
            with ui.element('ul').classes('lh-notes'):
                for text in texts:
                    with ui.element('li'):
                        ui.label(text)

    live_value(room, lambda: participant(room, activity_id, actor.id).notes, show_notes)


def _debate(room: LiveRoom, activity_id: str, actor: Actor, view: lh.ParticipantView, do: Do) -> None:
    if view.side is None:
        ui.label(t('lh.phone.wait_for_side')).classes('phone-hint')
        return
    if view.speaking:
        ui.label(t('lh.phone.you_have_the_floor')).classes('quiz-you text-xl font-bold').props('role=status')
        _clock(room, activity_id)
        field = text_input(t('lh.argument'), lh.MAX_ARGUMENT, multiline=True).classes('w-full').mark('lh-argument')
        reply = ui.select({'': t('lh.no_reply')}, value='', label=t('lh.reply_to')).props('outlined stack-label')
        reply.classes('w-full').mark('lh-reply')

        def answerable() -> tuple[tuple[str, str], ...]:  # what the projection says may be answered, kept current
            return tuple(
                (a.id, f'{a.label}. {a.text[:60]}') for a in participant(room, activity_id, actor.id).answerable
            )

        def options(items: tuple[tuple[str, str], ...]) -> None:
            choices = dict(items)
            reply.set_options({'': t('lh.no_reply'), **choices}, value=reply.value if reply.value in choices else '')

        live_value(room, answerable, options)

        def submit() -> None:
            if do(lh.SubmitArgument(field.value or '', reply.value or '')):
                field.value = ''
                reply.value = ''
                ui.notify(t('lh.argument_saved'), type='positive', position='top')

        ui.button(t('lh.submit_argument'), on_click=submit).props('no-caps unelevated size=lg').classes(
            'w-full big-action'
        ).mark('submit-argument')
        ui.button(t('lh.done_speaking'), on_click=lambda: do(lh.EndTurn())).props('no-caps outline size=lg').classes(
            'w-full'
        ).mark('done-speaking')
        return
    # the big button stays where it is: once pressed it is disabled and says where you stand, so a double tap
    # never lands on something else (withdrawing is a separate, smaller button further down)
    waiting = bool(view.position)
    label = t('lh.phone.in_queue', n=view.position) if waiting else t('lh.request_floor')
    request = ui.button(label, icon=svg_icon('flag', white=True), on_click=lambda: do(lh.RequestFloor()))
    request.props('no-caps unelevated size=lg').classes('w-full big-action quiz-action').mark('request-floor')
    if waiting:
        request.disable()
        ui.button(t('lh.withdraw'), on_click=lambda: do(lh.WithdrawRequest())).props('no-caps flat').classes(
            'lh-withdraw'
        ).mark('withdraw')
    speaker = view.public.speaker_side
    if speaker is not None:
        ui.label(t('lh.phone.floor_is_with', side=side_word(speaker))).classes('phone-hint')


def _clock(room: LiveRoom, activity_id: str) -> None:
    """The countdown in a part of its own: pausing or extending it leaves the rest of the phone as it is."""

    def clock() -> tuple[float | None, float | None]:
        debate = public(room, activity_id)
        return debate.timer_deadline, debate.timer_left

    live_section(room, clock, lambda value: countdown(value[0], value[1], time.time(), 'quiz-timer-phone'))
