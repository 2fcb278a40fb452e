"""The dilemma on the phone, one big action per step: send a dilemma, rate the candidates (phone_choosing.py), write
down privately what you would do, ask a clarifying question, add to the table, brainstorm alternatives, the
inbrenger's own task, and look back (phone_answers.py).

Every form is made once per step: what others send never clears what you type. What you wrote down for yourself is
only ever on your own phone; the room sees counts, and the split only at the end."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.frame import live_section, run_command, t
from ..base import Actor
from . import rules as dm
from .common import Do, category_word, clock, column_word, comparison_bars, participant, public, sides, step_line
from .phone_answers import add_entry, evaluate, inbrenger_task, judge
from .phone_choosing import rate, send_dilemma

STATUS_KEY = {
    dm.Status.PENDING: 'dm.mine.pending',
    dm.Status.SHOWN: 'dm.mine.shown',
    dm.Status.REMOVED: 'dm.mine.removed',
}


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def me() -> dm.ParticipantView:  # made once per change of the room, shared by the phone's parts
        return participant(room, activity_id, actor.id)

    def head_key() -> tuple[object, ...]:
        view = me().public
        return view.stage, view.step, view.position, len(view.steps), view.deadline, view.left

    def main_key() -> tuple[object, ...]:
        view = me()
        forms = view.can_rate, view.can_evaluate  # a closed input takes its form away
        # not the chosen dilemma's words nor its sides, nor whether one may judge now (the sides being saved): those
        # show in place, so the facilitator's edit never re-makes the form a colleague is typing in or a button
        # they are tapping (Ik ben de inbrenger)
        return view.public.stage, view.public.step, *forms, view.sent_all, view.inbrenger

    live_section(room, head_key, lambda _: _head(me().public))
    live_section(room, main_key, lambda _: _main(room, activity_id, actor, me(), do))


def _head(view: dm.PublicView) -> None:
    with ui.row().classes('items-baseline gap-3 w-full'):
        ui.label(step_line(view)).classes('statement-position font-bold').mark('dm-step')
        clock(view, 'quiz-timer-phone')


def _main(room: LiveRoom, activity_id: str, actor: Actor, view: dm.ParticipantView, do: Do) -> None:
    public_view = view.public
    if public_view.stage is dm.Stage.SETUP:
        ui.label(t('dm.phone.setup')).classes('phone-wait')
        return
    if public_view.stage is dm.Stage.DONE:
        _done(view)
        return
    step = public_view.step
    if view.can_submit:
        if view.sent_all:
            ui.label(t('dm.sent_all', n=dm.MAX_OWN)).classes('phone-hint').props('role=status')
        else:
            send_dilemma(room, actor, do)
    elif view.can_rate:
        ui.label(t('dm.phone.rate')).classes('text-lg font-bold').props('role=heading aria-level=2')

        def rate_key() -> tuple[str, ...]:  # which dilemmas: not the ratings (a card keeps what you tapped)
            return tuple(c.id for c in public(room, activity_id).candidates)

        live_section(room, rate_key, lambda _: rate(room, activity_id, actor, do))
    else:
        if step is dm.Step.KIEZEN and public_view.ratings_closed:
            ui.label(t('dm.phone.ratings_closed')).classes('phone-hint').props('role=status')
        live_section(room, lambda: _chosen_key(public(room, activity_id)), _chosen)
        if view.inbrenger:
            inbrenger_task(room, activity_id, view, do)
        else:
            live_section(room, lambda: _volunteer_key(room, activity_id, actor), lambda k: _volunteer(k, do))

        def judging(moment: str) -> None:
            if moment:
                judge(room, activity_id, participant(room, activity_id, actor.id), do)

        live_section(room, lambda: participant(room, activity_id, actor.id).judge_moment, judging)
        if step is dm.Step.VERHELDEREN and not view.inbrenger:
            with ui.element('ul').classes('dm-reminder-phone'):
                for key in ('dm.rule.no_advice', 'dm.rule.no_own', 'dm.rule.focus', 'dm.rule.verplaatsen'):
                    with ui.element('li'):
                        ui.label(t(key))
        if view.columns and view.sent_all:
            ui.label(t('dm.sent_all', n=dm.MAX_OWN)).classes('phone-hint').props('role=status')
        elif view.columns:
            add_entry(room, activity_id, view.columns, do)
        if step is dm.Step.AFWEGING and not view.inbrenger:
            ui.label(t('dm.phone.deliberation')).classes('phone-hint')
        if view.can_evaluate:
            evaluate(view, do)
    live_section(room, lambda: participant(room, activity_id, actor.id).mine, _mine)


ChosenKey = tuple[str, dm.Category | str, bool, tuple[str, str]] | None


def _chosen_key(view: dm.PublicView) -> ChosenKey:
    """The chosen dilemma's words (not its ratings, which move while others rate) and, in steps 4 and 7, its sides."""
    chosen = view.chosen
    if chosen is None:
        return None
    return chosen.text, chosen.category, view.step in (dm.Step.VERHELDEREN, dm.Step.AFWEGING), sides(view)


def _chosen(key: ChosenKey) -> None:
    if key is None:
        return
    text, category, with_sides, (a, b) = key
    with ui.card().classes('phone-card w-full'):
        ui.label(category_word(category)).classes('statement-position')
        ui.label(text).classes('statement-text text-lg').props('role=heading aria-level=2')
        if with_sides:
            _sides(a, b)


def _sides(a: str, b: str) -> None:
    if a and b:
        with ui.element('ul').classes('dm-sides-phone').mark('dm-sides'):
            for letter, text in ((t('dm.side_a'), a), (t('dm.side_b'), b)):
                with ui.element('li'):
                    ui.label(f'{letter}: {text}')


def _volunteer_key(room: LiveRoom, activity_id: str, actor: Actor) -> tuple[bool, bool]:
    view = participant(room, activity_id, actor.id)
    return view.can_volunteer, view.own_dilemma


def _volunteer(key: tuple[bool, bool], do: Do) -> None:
    """While nobody is the inbrenger: the one who brought the dilemma in may say so (only the facilitator sees who)."""
    can, own = key
    if not can:
        return
    with ui.card().classes('phone-card w-full').mark('dm-volunteer'):
        ui.label(t('dm.volunteer.own' if own else 'dm.volunteer.ask')).classes('font-bold')
        ui.label(t('dm.volunteer.note')).classes('privacy-note')
        ui.button(t('dm.volunteer'), on_click=lambda: do(dm.Volunteer())).props('no-caps outline').classes(
            'w-full'
        ).mark('dm-volunteer-button')


def _mine(mine: tuple[dm.Mine, ...]) -> None:
    if not mine:
        return
    ui.label(t('dm.mine')).classes('font-bold').props('role=heading aria-level=3')
    with ui.element('ul').classes('dm-mine'):
        for item in mine[-10:]:
            with ui.element('li'):
                kind = t('dm.dilemma') if item.column == 'dilemma' else column_word(item.column)
                ui.label(f'{kind}: {item.text}').classes('lh-argument-text')
                ui.label(t(STATUS_KEY[item.status])).classes('phone-hint')


def _done(view: dm.ParticipantView) -> None:
    ui.label(t('dm.done_phone')).classes('phone-wait')
    with ui.column().classes('w-full gap-2').mark('dm-comparison'):
        ui.label(t('dm.comparison')).classes('font-bold').props('role=heading aria-level=2')
        comparison_bars(view.public.comparison)
    for moment, given in (('before', view.my_before), ('after', view.my_after)):
        if given is not None:
            side = t(f'dm.side_{given.choice.value}')
            ui.label(t(f'dm.yours.{moment}', side=side, text=given.sentence)).classes('phone-hint')
