"""The arena on the phone: your ring; in the inner ring the question you are asked, in the outer ring a question
to send (held for the gespreksleider first), the queue to support one question of, and the empty chair."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.frame import live_section, live_value, run_command, svg_icon, t, text_input
from ..base import Actor
from . import rules as ar
from .common import Do, clocks, participant, ring_badge, ring_word


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    """The question form is made once per ring and stage: what others send or support never clears what you type."""

    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def me() -> ar.ParticipantView:
        return participant(room, activity_id, actor.id)

    def ring_key() -> tuple[object, ...]:
        view = me()
        return view.ring, view.can_choose_ring, view.can_switch, view.asked_to_switch

    def main_key() -> tuple[object, ...]:
        view = me()
        return view.public.stage, view.ring, view.can_ask

    def now_key() -> tuple[object, ...]:
        debate = me().public
        times = (debate.question_deadline, debate.question_left, debate.round_deadline, debate.round_left)
        return debate.round_title, debate.question, debate.question_source, times

    live_section(room, ring_key, lambda _: _ring_line(me(), do))
    live_section(room, now_key, lambda _: _now(me().public))
    live_section(room, main_key, lambda _: _main(room, activity_id, actor, me(), do))


def _ring_line(view: ar.ParticipantView, do: Do) -> None:
    if view.ring is None:
        ui.label(t('arena.no_ring')).classes('quiz-my-group')
    else:
        with ui.row().classes('quiz-my-group items-center no-wrap w-full gap-3').props('role=status'):
            ui.label(t('arena.your_ring')).classes('font-bold')
            ring_badge(view.ring)
    if view.can_choose_ring:
        with ui.row().classes('w-full no-wrap gap-3').props('role=group'):
            for ring in ar.Ring:
                chosen = ring is view.ring
                button = ui.button(ring_word(ring), on_click=lambda r=ring: do(ar.ChooseRing(r.value)))
                button.props('no-caps unelevated size=lg' + ('' if chosen else ' outline')).classes('grow big-action')
                button.props['aria-pressed'] = 'true' if chosen else 'false'
    if view.asked_to_switch:
        ui.label(t('arena.switch_asked')).classes('phone-hint').props('role=status')
    elif view.can_switch:
        ui.button(
            t('arena.switch'), icon=svg_icon('person', white=True), on_click=lambda: do(ar.RequestSwitch())
        ).props('no-caps outline').classes('w-full').mark('request-switch')


def _now(view: ar.PublicView) -> None:
    if view.stage is not ar.Stage.RUNNING:
        return
    with ui.card().classes('phone-card w-full'):
        if view.round_title:
            ui.label(view.round_title).classes('statement-position')
        if view.question:
            ui.label(view.question).classes('statement-text text-xl').props('role=heading aria-level=2')
        else:
            ui.label(t('arena.no_question')).classes('phone-hint')
        clocks(view, 'quiz-timer-phone')


def _main(room: LiveRoom, activity_id: str, actor: Actor, view: ar.ParticipantView, do: Do) -> None:
    stage = view.public.stage
    if stage is ar.Stage.SETUP:
        ui.label(t('arena.phone.setup')).classes('phone-wait')
        return
    if stage is ar.Stage.DONE:
        ui.label(t('arena.done')).classes('phone-wait')
        return
    if view.ring is ar.Ring.BINNEN:
        ui.label(t('arena.phone.inner')).classes('phone-hint')
        return
    if not view.can_ask:
        ui.label(t('arena.phone.listen' if view.listening else 'arena.phone.wait_for_ring')).classes('phone-hint')
        return
    ui.label(t('arena.phone.ask')).classes('text-lg font-bold').props('role=heading aria-level=2')
    field = (
        text_input(t('arena.your_question'), ar.MAX_QUESTION, multiline=True).classes('w-full').mark('arena-question')
    )
    named = bool(room.state.participants.get(actor.id) and room.state.participants[actor.id].name)
    show = ui.checkbox(t('arena.show_name'), value=False).mark('show-name') if named else None

    def send() -> None:
        if do(ar.SubmitQuestion(field.value or '', bool(show.value) if show else False)):
            field.value = ''
            ui.notify(t('arena.question_sent'), type='positive', position='top')

    ui.button(t('arena.send_question'), on_click=send).props('no-caps unelevated size=lg').classes(
        'w-full big-action'
    ).mark('send-question')

    def queue_key() -> tuple[object, ...]:
        # which questions are queued and which one I support; not their counts, which move with every tap of others
        # (a re-made button would swallow a tap in flight): those are updated in place
        mine = participant(room, activity_id, actor.id)
        return tuple(q.id for q in mine.supportable), mine.my_support, mine.my_pending

    live_section(room, queue_key, lambda _: _queue(room, activity_id, actor, do))


def _queue(room: LiveRoom, activity_id: str, actor: Actor, do: Do) -> None:
    view = participant(room, activity_id, actor.id)
    for text in view.my_pending:
        ui.label(t('arena.pending', text=text)).classes('phone-hint')
    queued = view.supportable  # in the order sent: stays put
    if not queued:
        return
    ui.label(t('arena.queue_phone')).classes('font-bold').props('role=heading aria-level=3')
    for question in queued:
        mine = question.id == view.my_support
        with ui.row().classes('items-center no-wrap w-full gap-2 arena-queued'):
            ui.label(question.text).classes('grow lh-argument-text')
            button = ui.button(on_click=lambda q=question.id, m=mine: do(ar.Support('' if m else q)))
            button.props('no-caps' + (' unelevated' if mine else ' outline'))
            button.props['aria-pressed'] = 'true' if mine else 'false'
            _support_count(
                room, activity_id, actor, question.id, button, 'arena.supported' if mine else 'arena.support'
            )


def _support_count(
    room: LiveRoom, activity_id: str, actor: Actor, question_id: str, button: ui.button, key: str
) -> None:
    """The button's count, set in place as others support the question (kept until the list is made again)."""

    def count() -> int | None:
        queued = participant(room, activity_id, actor.id).supportable
        return next((q.support for q in queued if q.id == question_id), None)

    def show(n: int | None) -> None:
        if n is not None:
            button.set_text(t(key, n=n))

    live_value(room, count, show)
