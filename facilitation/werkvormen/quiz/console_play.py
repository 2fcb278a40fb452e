"""The kennisquiz console's card being played: the question with its answer, where it stands, the spokesperson, the
verdict, and the buttons made once beside it (verdicts, closing a steal or the agreement, undo, aside, the clock)."""

from __future__ import annotations

import time
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.controls import StepButton, timer_buttons
from ...ui.frame import live_section, live_value, t, text_input
from ...ui.handcount import hand_count_form
from ..base import ClockOffer
from . import rules as qz
from .common import Console, Do, as_step, group_names, kind_word, outcome_text, participant_name, step_text, timer


def play(room: LiveRoom, console: Console, do: Do) -> None:
    """The card being played, made once per card and step; what moves within a step is set in place."""
    view = console()
    card, step, turn_group = view.card, view.public.step, view.public.turn
    if card is None or step is None:
        ui.label(t('quiz.phase.playing')).classes('phase-chip')
        _next_card_buttons(room, console, do)
        return
    with ui.row().classes('items-center gap-2'):
        ui.label(t(f'quiz.phase.{step.value}')).classes('phase-chip')
        turn = ui.label().classes('font-bold')
        live_value(
            room,
            lambda: group_names(console().public).get(turn_group, ''),
            lambda name: turn.set_text(t('quiz.turn', group=name)),
        )

        def clock() -> tuple[Any, ...]:
            public = console().public
            return public.step, public.timer_deadline, public.timer_left

        live_section(room, clock, lambda _: timer(console().public, time.time(), 'voted-live'))
    ui.label(
        t('quiz.card_n', n=view.public.card.position if view.public.card else 0, total=view.public.total,
          kind=kind_word(card.kind), points=card.points)
    ).classes('statement-position')  # fmt: skip
    ui.label(card.question).classes('statement-text text-2xl').props('role=heading aria-level=2')
    if card.options:
        with ui.element('ol').classes('quiz-options').props('type=A'):
            for index, option in enumerate(card.options):
                right = index == card.correct
                with ui.element('li').classes('quiz-option' + (' right' if right else '')):
                    ui.label(option + (f' · {t("quiz.right")}' if right else ''))
    elif card.kind is qz.Kind.FACT:
        ui.label(t('quiz.console.answer', answer=card.answer)).classes('quiz-right')  # only the facilitator sees it
    if card.note:
        ui.label(f'{t("st.note")}: {card.note}').classes('facilitator-note')
    status = ui.label().classes('voted-live').props('aria-live=polite')
    live_value(room, lambda: console().public, lambda v: status.set_text(step_text(v)))  # counts in place
    _spokesperson(room, console, step, do)
    _verdict(room, console, step, card, do)
    live_section(room, lambda: outcome_text(console().public), _outcome)
    if step is qz.Step.DONE:  # undo, setting aside and the clock: made once below (card_buttons)
        with ui.row().classes('gap-3 items-center'):
            _next_card_buttons(room, console, do)


def _outcome(lines: list[str]) -> None:
    for line in lines:
        ui.label(line).classes('quiz-outcome')


def _spokesperson(room: LiveRoom, console: Console, step: qz.Step, do: Do) -> None:
    """Who answers for the group, and a select to pick them: made once per step, its options (the group's members,
    who may still join) and its value set in place, so a pick lands while phones join."""

    def chosen() -> str:
        return console().public.spokesperson

    def name(pid: str) -> str:
        numbers = {p: i for i, p in enumerate(room.state.participants, start=1)}
        return participant_name(room, pid, numbers.get(pid, 0))

    said = ui.label()
    live_value(
        room,
        lambda: name(chosen()) if chosen() else '',
        lambda who: (said.set_text(t('quiz.console.spokesperson', name=who)), said.set_visibility(bool(who))),
    )
    if step is qz.Step.AGREEING:
        return

    def options() -> dict[str, str]:
        view = console()
        group = view.group(view.public.answering) if view.public.answering else None
        return {pid: name(pid) for pid in group.members} if group else {}

    def pick(value: str | None) -> None:
        if value and value != chosen():
            do(qz.PickSpokesperson(value))

    members = options()
    select = ui.select(
        members,
        value=chosen() if chosen() in members else None,
        label=t('quiz.pick_spokesperson'),
        on_change=lambda e: pick(e.value),
    )
    select.props('outlined stack-label dense').classes('w-72')
    select.mark('pick-spokesperson')

    def show(value: tuple[dict[str, str], str]) -> None:
        members, who = value
        select.set_options(members, value=who if who in members else None)
        select.set_visibility(bool(members))

    live_value(room, lambda: (options(), chosen()), show)


def _verdict(room: LiveRoom, console: Console, step: qz.Step, card: qz.Card, do: Do) -> None:
    """The given answer; the spokesperson's answer for an opinion given aloud; the hands of members without a
    phone. (Correct / incorrect / not known are made once below: judge_buttons.)"""

    def given() -> str:
        public = console().public
        if public.step is not step:
            return ''
        return public.steal_answer if step is qz.Step.STEALING else public.given_answer

    if step in (qz.Step.ANSWERING, qz.Step.STEALING, qz.Step.AGREEING):
        answer = ui.label().classes('text-lg font-bold')
        live_value(
            room,
            given,
            lambda text: (answer.set_text(t('quiz.console.given', answer=text)), answer.set_visibility(bool(text))),
        )
    if step is qz.Step.ANSWERING and card.kind is qz.Kind.OPINION:
        with ui.row().classes('items-end gap-3 w-full no-wrap'):
            field = text_input(t('quiz.console.opinion_aloud'), qz.MAX_ANSWER).classes('grow').mark('opinion-answer')
            ui.button(t('quiz.console.record'), on_click=lambda: do(qz.SubmitAnswer('', text=field.value or ''))).props(
                'no-caps'
            ).mark('record-opinion')
        return
    if step is qz.Step.AGREEING:  # closing the steal and the agreement: made once below (close_buttons)

        def without_phones() -> bool:  # members without a phone raise their hands
            view = console()
            group = view.group(view.public.turn)
            return bool(group and group.room)

        live_section(room, without_phones, lambda shown: _hand_count(shown, do))


def _hand_count(shown: bool, do: Do) -> None:
    if shown:
        fields = [(t('quiz.hand.agree'), 'hand-agree', 0), (t('quiz.hand.disagree'), 'hand-disagree', 0)]
        hand_count_form(t('quiz.hand.title'), fields, t('hand.save'), lambda n: do(qz.CountAgreement(*n)))


def judge_buttons(room: LiveRoom, console: Console, do: Do) -> None:
    """Goed / Fout / Weet niet, made once and kept current in place: a verdict clicked while answers come in lands
    on the answer it was clicked for, or not at all."""
    with ui.row().classes('gap-3'):
        for step, marker, look in (
            (lambda: as_step(console().correct), 'judge-correct', 'unelevated color=positive'),
            (lambda: as_step(console().wrong), 'judge-wrong', 'unelevated color=negative'),
            (lambda: as_step(console().not_known), 'pass', 'outline'),
        ):
            button = StepButton(room, step, do)
            button.props(f'no-caps size=lg {look}').classes('next-step').mark(marker)  # the step while a card is played


def close_buttons(room: LiveRoom, console: Console, do: Do) -> None:
    """*Niemand neemt over* and *Tel de reacties*, made once below the card: a click lands while phones answer or
    respond (the count of who has not responded yet is set in place, and the click still counts)."""

    def label() -> tuple[qz.Offer | None, int]:
        view = console()
        return view.close_agreement, view.public.respondents - view.public.responded

    with ui.row().classes('gap-3 items-center'):
        StepButton(room, lambda: as_step(console().close_steal), do).props('no-caps outline').mark('close-steal')
        close = StepButton(room, lambda: as_step(console().close_agreement), do)
        close.props('no-caps outline').mark('close-agreement')

    def show(value: tuple[qz.Offer | None, int]) -> None:  # after the button's own update: its label with the count
        n = value[1]
        close.set_text(t('quiz.close_agreement_missing', n=n) if n else t('quiz.close_agreement'))

    live_value(room, label, show)


def card_buttons(room: LiveRoom, console: Console, do: Do) -> None:
    """Undo, setting aside and the card's clock, made once and kept current in place: a click lands while answers
    come in and the clock runs."""

    def clock() -> ClockOffer:
        return console().clock

    with ui.row().classes('gap-3 items-center'):
        StepButton(room, lambda: as_step(console().undo), do).props('no-caps outline').mark('undo')
        StepButton(room, lambda: as_step(console().set_aside), do).props('no-caps flat').mark('set-aside')
        commands = (qz.PauseTimer(), qz.ResumeTimer(), qz.ExtendTimer(30), qz.StopTimer())
        timer_buttons(room, clock, commands, do)


def _next_card_buttons(room: LiveRoom, console: Console, do: Do) -> None:
    all_asked = ui.label(t('quiz.console.all_asked'))  # else the card's step button asks the next
    live_value(room, lambda: console().all_asked, all_asked.set_visibility)
    ui.button(t('quiz.end'), icon='flag', on_click=lambda: do(qz.EndQuiz())).props('no-caps outline').mark('end-quiz')
