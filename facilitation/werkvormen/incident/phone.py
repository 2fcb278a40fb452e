"""The incidentevaluatie on the phone: the incident as described (to read along), in step 2 a direct or indirect
cause to send (held until the facilitator shows it; what looks as if it identifies the citizen is named first), and
then the causes by group and the measures. No blame: the phone says so where causes are asked for."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui.frame import live_section, t, text_input
from ..base import Actor
from . import rules as inc
from .common import clock, factor_word, group_word, origin_word, participant, public, send_checked, step_line

STATUS_KEY = {
    inc.Status.PENDING: 'inc.mine.pending',
    inc.Status.SHOWN: 'inc.mine.shown',
    inc.Status.REFUSED: 'inc.mine.refused',
    inc.Status.MERGED: 'inc.mine.merged',
}


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def me() -> inc.ParticipantView:
        return participant(room, activity_id, actor.id)

    def head_key() -> tuple[object, ...]:
        view = me().public
        return view.stage, view.step, view.deadline, view.left

    def head(_: object) -> None:
        view = me().public
        with ui.row().classes('items-baseline gap-3 w-full'):
            ui.label(step_line(view)).classes('statement-position font-bold').mark('inc-step')
            clock(view, 'quiz-timer-phone')

    live_section(room, head_key, head)
    live_section(
        room, lambda: (me().public.stage, me().public.step, me().sent_all), lambda _: _main(room, activity_id, actor)
    )
    live_section(room, lambda: me().mine, _mine)


def _main(room: LiveRoom, activity_id: str, actor: Actor) -> None:
    view = participant(room, activity_id, actor.id)
    stage, step = view.public.stage, view.public.step
    if stage is inc.Stage.SETUP:
        ui.label(t('inc.phone.setup')).classes('phone-wait')
        return
    ui.label(t('inc.tone')).classes('privacy-note')
    if stage is inc.Stage.DONE:
        ui.label(t('inc.phone.done')).classes('phone-wait')
        live_section(room, lambda: public(room, activity_id).by_group(), _groups)
        return
    if step is inc.Step.BESCHRIJVEN:
        live_section(room, lambda: public(room, activity_id).description, _description)
    elif step is inc.Step.OORZAKEN:
        if view.sent_all:
            ui.label(t('inc.sent_all', n=inc.MAX_OWN)).classes('phone-hint').props('role=status')
        else:
            _send(room, activity_id, actor)
    else:
        live_section(room, lambda: public(room, activity_id).by_group(), _groups)


def _description(description: tuple[tuple[str, str], ...]) -> None:
    given = [(name, text) for name, text in description if text]
    if not given:
        ui.label(t('inc.phone.describing')).classes('phone-wait')
        return
    with ui.card().classes('phone-card w-full'):
        ui.label(t('inc.step.beschrijven')).classes('text-lg font-bold').props('role=heading aria-level=2')
        for name, text in given:
            ui.label(t(f'inc.field.{name}')).classes('font-bold')
            ui.label(text).classes('whitespace-pre-wrap lh-argument-text')


def _send(room: LiveRoom, activity_id: str, actor: Actor) -> None:
    with ui.card().classes('phone-card w-full').mark('inc-send'):
        ui.label(t('inc.phone.causes')).classes('text-lg font-bold').props('role=heading aria-level=2')
        ui.label(t('inc.privacy')).classes('privacy-note')
        origin = ui.radio({o.value: origin_word(o) for o in inc.Origin}, value=inc.Origin.DIRECT.value)
        origin.classes('dm-choices').props(f'aria-label="{t("inc.origin")}"').mark('inc-origin')
        text = text_input(t('inc.phone.cause'), inc.MAX_CAUSE, multiline=True).classes('w-full').mark('inc-cause')
        notice = ui.column().classes('w-full')

        def sent() -> None:
            text.value = ''
            ui.notify(t('inc.phone.sent'), type='positive', position='top')

        def send() -> None:
            def make(ok: bool) -> inc.AddCause:
                return inc.AddCause(str(text.value or ''), str(origin.value), confirmed=ok)

            send_checked(room, actor, activity_id, make, notice, sent)

        ui.button(t('inc.phone.send'), on_click=send).props('no-caps unelevated size=lg').classes(
            'w-full big-action'
        ).mark('inc-send-button')


def _groups(groups: tuple[tuple[inc.Group, tuple[inc.CauseView, ...]], ...]) -> None:
    if not any(causes for _, causes in groups):
        return
    ui.label(t('inc.causes_by_group')).classes('text-lg font-bold').props('role=heading aria-level=2')
    for group, causes in groups:
        if causes:
            ui.label(group_word(group)).classes('font-bold').props('role=heading aria-level=3')
            with ui.element('ul').classes('dm-mine'):
                for cause in causes:
                    with ui.element('li'):
                        ui.label(f'{factor_word(cause)}: {cause.text}').classes('lh-argument-text')


def _mine(mine: tuple[inc.Mine, ...]) -> None:
    if not mine:
        return
    ui.label(t('inc.mine')).classes('font-bold').props('role=heading aria-level=3')
    with ui.element('ul').classes('dm-mine').mark('inc-mine'):
        for item in mine[-10:]:
            with ui.element('li'):
                ui.label(item.text).classes('lh-argument-text')
                ui.label(t(STATUS_KEY[item.status])).classes('phone-hint')
