"""The kennisquiz on the phone: your group and its score, whose turn it is, the question, and the one action you
can take now (answer as spokesperson, say whether you agree, claim a steal). Never the right answer before it is
shown to everyone."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui import views
from ...ui.frame import live_section, live_value, run_command, svg_icon, t, text_input
from ..base import Actor
from . import rules as qz
from .common import (
    card_heading,
    group_names,
    list_item,
    option_letter,
    outcome_text,
    points,
    right_answer,
    scoreboard,
    step_text,
    timer,
)


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    """Two parts, each re-made only when what it shows changes: the group line, and the card with the one action.

    Counters that move while people tap (how many have responded, the scores) are left out of the card's key and
    updated in place, so a tap in flight never lands on a button that was just replaced (it would be lost).
    """

    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def view() -> qz.ParticipantView:
        return views.participant(room, activity_id, actor.id)

    def group_key() -> tuple[object, ...]:  # computed outside any page: data only, no words (t() needs a page)
        me = view()
        mine = next((s for s in me.public.standings if s.group == me.group), None)
        groups = tuple(sorted((s.number, s.name) for s in me.public.standings))
        return me.group, mine.points if mine else 0.0, me.can_choose_group, groups

    def card_key() -> qz.ParticipantView:
        me = view()
        waiting = me.public.card is None or me.public.stage is qz.Stage.FINISHED
        standings = me.public.standings if waiting else ()  # while playing, the group line shows the score
        public_part = replace(me.public, responded=0, standings=standings, steal_percent=0)  # a phone shows no percent
        return replace(me, public=public_part)

    live_section(room, group_key, lambda _: _group_line(view(), do))
    live_section(room, card_key, lambda _: _render(room, activity_id, view(), do))


def _group_line(me: qz.ParticipantView, do: Callable[[object], bool]) -> None:
    view = me.public
    names = group_names(view)
    mine = next((s for s in view.standings if s.group == me.group), None)
    with ui.row().classes('quiz-my-group items-center no-wrap w-full').props('role=status'):
        ui.icon(svg_icon('groups'), size='sm').props('aria-hidden=true')
        if mine is None:
            ui.label(t('quiz.no_group'))
        else:
            ui.label(t('quiz.my_group', group=names[mine.group], points=points(mine.points))).classes('font-bold')
    if me.can_choose_group:
        _group_choice(view, me, do)


def _render(room: LiveRoom, activity_id: str, me: qz.ParticipantView, do: Callable[[object], bool]) -> None:
    view = me.public
    names = group_names(view)
    if view.stage is qz.Stage.SETUP:
        ui.label(t('quiz.phone.setup')).classes('phone-wait')
        return
    if view.stage is qz.Stage.FINISHED:
        _finished(view, me)
        return
    if view.card is None:
        ui.label(t('quiz.phone.wait_card')).classes('phone-wait')
        scoreboard(view)
        return
    with ui.card().classes('phone-card w-full'):
        card_heading(view, 'text-xl')
        if view.card.options and not (me.can_answer and view.card.options):
            with ui.element('ol').classes('quiz-options').props('type=A'):
                for option in view.card.options:
                    list_item(option).classes('quiz-option')
        turn = names.get(view.turn, '')
        ours = bool(me.group) and me.group == view.turn
        ui.label(t('quiz.phone.your_turn') if ours else t('quiz.turn', group=turn)).classes('quiz-turn')
        timer(view, time.time(), 'quiz-timer-phone')
        _action(room, activity_id, view, me, do)


def _group_choice(view: qz.PublicView, me: qz.ParticipantView, do: Callable[[object], bool]) -> None:
    names = group_names(view)
    ui.label(t('quiz.choose_group')).classes('text-lg font-bold').props('role=heading aria-level=2')
    with ui.column().classes('w-full gap-2').props('role=group'):
        for row in sorted(view.standings, key=lambda r: r.number):
            chosen = row.group == me.group
            button = ui.button(
                names[row.group],
                on_click=lambda g=row.group: do(qz.ChooseGroup(g)),
            ).props('no-caps unelevated size=lg' + (' outline' if not chosen else ''))
            button.classes('w-full big-action')
            button.props['aria-pressed'] = 'true' if chosen else 'false'
            if chosen:
                button.props['icon'] = svg_icon('check_circle', white=True)


def _action(
    room: LiveRoom, activity_id: str, view: qz.PublicView, me: qz.ParticipantView, do: Callable[[object], bool]
) -> None:
    """The one thing this person can do now, or what they are waiting for."""
    card = view.card
    assert card is not None
    act = do
    if me.can_claim_spokesperson:
        _claim(
            t('quiz.phone.who_answers'),
            'quiz.claim_spokesperson',
            'speak',
            lambda: act(qz.ClaimSpokesperson(card.id)),
            'claim-spokesperson',
        )
        return
    if me.can_answer:
        ui.label(t('quiz.phone.you_answer')).classes('quiz-you font-bold')
        if card.options:
            with ui.column().classes('w-full gap-3').props('role=group'):
                for index, option in enumerate(card.options):
                    ui.button(
                        f'{option_letter(index)}. {option}',
                        on_click=lambda i=index: act(qz.SubmitAnswer(card.id, option=i)),
                    ).props('no-caps unelevated size=lg align=left').classes('w-full quiz-option-button')
        else:
            field = text_input(t('quiz.answer'), qz.MAX_ANSWER).classes('w-full').mark('quiz-answer')
            ui.button(
                t('quiz.send_answer'),
                on_click=lambda: act(qz.SubmitAnswer(card.id, text=field.value or '')),
            ).props('no-caps unelevated size=lg').classes('w-full big-action').mark('send-answer')
        if me.can_pass:
            ui.button(t('quiz.pass'), on_click=lambda: act(qz.Pass())).props('no-caps outline size=lg').classes(
                'w-full'
            )
        return
    if me.can_agree:
        ui.label(t('quiz.phone.spokesperson_said')).classes('phone-hint')
        ui.label(view.given_answer).classes('quiz-given text-xl font-bold')
        ui.label(t('quiz.phone.agree_question')).classes('font-bold')
        with ui.row().classes('w-full no-wrap gap-3').props('role=group'):
            for agree, key, icon, color in (
                (True, 'quiz.agree', 'thumb_up', '#1b6e35'),
                (False, 'quiz.disagree', 'thumb_down', '#b3261e'),
            ):
                pressed = me.my_agreement is agree
                button = (
                    ui.button(
                        t(key),
                        icon=svg_icon('check_circle' if pressed else icon, white=True),
                        on_click=lambda a=agree: act(qz.Agree(card.id, a)),
                        color=color,
                    )
                    .props('no-caps unelevated size=lg')
                    .classes('grow vote-button' + (' chosen' if pressed else ''))
                )
                button.props['aria-pressed'] = 'true' if pressed else 'false'
        if me.my_agreement is not None:
            said = t('quiz.agree') if me.my_agreement else t('quiz.disagree')
            ui.label(t('quiz.phone.agreement_saved', choice=said)).classes('vote-saved').props('role=status')
        return
    if me.can_claim_steal:
        hint = 'quiz.phone.steal_hint_wrong' if view.missed == 'wrong' else 'quiz.phone.steal_hint'
        hint_text = t(hint, group=group_names(view).get(view.turn, ''))
        _claim(hint_text, 'quiz.claim_steal', 'flag', lambda: act(qz.ClaimSteal(card.id)), 'claim-steal')
        return
    if me.is_spokesperson and view.step is qz.Step.AGREEING:
        ui.label(t('quiz.phone.you_said', answer=view.given_answer)).classes('phone-hint')
    status = ui.label().classes('phone-hint').props('role=status')
    live_value(
        room, lambda: views.public(room, activity_id), lambda v: status.set_text(step_text(v))
    )  # counts in place
    if view.step is qz.Step.DONE:
        answer = right_answer(view)
        if answer:
            ui.label(t('quiz.right_answer', answer=answer)).classes('quiz-right font-bold')
        for line in outcome_text(view):
            ui.label(line).classes('quiz-outcome')


def _claim(hint: str, key: str, icon: str, click: Callable[[], object], mark: str) -> None:
    """A claim for the group (to be its spokesperson, to steal): what it is for, then one big button."""
    ui.label(hint).classes('phone-hint')
    ui.button(t(key), icon=svg_icon(icon, white=True), on_click=click).props('no-caps unelevated size=lg').classes(
        'w-full big-action quiz-action'
    ).mark(mark)


def _finished(view: qz.PublicView, me: qz.ParticipantView) -> None:
    names = group_names(view)
    winners = [names[s.group] for s in view.standings if s.rank == 1 and s.points > 0]
    if winners:
        key = 'quiz.winner' if len(winners) == 1 else 'quiz.winners_tie'
        ui.label(t(key, groups=' & '.join(winners))).classes('text-2xl font-bold').props('role=heading aria-level=2')
    ui.label(t('quiz.finished')).classes('phone-hint')
    scoreboard(view)
