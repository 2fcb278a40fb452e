"""The kennisquiz on the projector: the rules and the groups first, then the question to the group whose turn it
is, where the card stands, the time left and the scoreboard; at the end the winner and the cards set aside."""

from __future__ import annotations

import time
from dataclasses import replace

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui import views
from ...ui.frame import live_section, live_value, t
from ...ui.stage import first, fit, more
from . import rules as qz
from .common import (
    card_heading,
    group_names,
    list_item,
    option_letter,
    outcome_text,
    right_answer,
    scoreboard,
    step_text,
    timer,
)

OUTCOMES_SHOWN = 3  # decisions on the current card on the screen
ASIDE_SHOWN = 4  # cards set aside listed at the end (the first ones; '+ 3 meer')
RULES = ('quiz.rule.turns', 'quiz.rule.steal', 'quiz.rule.opinion', 'quiz.rule.aside', 'quiz.rule.win')


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:

    def render(view: qz.PublicView) -> None:
        if view.stage is qz.Stage.SETUP:
            _setup(room, activity_id, view)  # people are still joining: the page shows the way in beside it
        elif view.stage is qz.Stage.FINISHED:
            _finished(room, activity_id, view)
        else:
            _playing(room, activity_id, view)

    # the count of responses moves with every tap: it is updated in place, the rest re-made only when it changes
    def public() -> qz.PublicView:
        return views.public(room, activity_id)

    live_section(room, lambda: replace(public(), responded=0), lambda _: render(public()))


def _setup(room: LiveRoom, activity_id: str, view: qz.PublicView) -> None:
    ui.label(t('quiz.title')).classes('projector-statement').props('role=heading aria-level=2')
    with ui.element('ul').classes('quiz-rules'):
        for key in RULES:
            list_item(t(key, percent=view.steal_percent))
    if view.standings:
        names = group_names(view)
        with ui.row().classes('quiz-groups gap-6'):
            for row in sorted(view.standings, key=lambda r: r.number):
                ui.label(t('quiz.group_members', group=names[row.group], n=row.members)).classes('quiz-group-chip')
    if view.group_choice:
        ui.label(t('quiz.proj.choose_group')).classes('projector-status')


def _playing(room: LiveRoom, activity_id: str, view: qz.PublicView) -> None:
    with ui.row().classes('w-full items-start gap-8 no-wrap-wide'):
        with ui.column().classes('grow gap-4'):
            if view.card is None:
                ui.label(t('quiz.proj.next_card')).classes('projector-status')
            else:
                _card(room, activity_id, view)
        with ui.column().classes('quiz-side gap-2'):
            ui.label(t('quiz.scoreboard')).classes('projector-status font-bold').props('role=heading aria-level=2')
            scoreboard(view, 'quiz-scoreboard-large')


def _card(room: LiveRoom, activity_id: str, view: qz.PublicView) -> None:
    card = view.card
    assert card is not None
    names = group_names(view)
    ui.label(t('quiz.turn', group=names.get(view.turn, ''))).classes('projector-status font-bold quiz-turn')
    card_heading(view, f'projector-statement {fit(card.question, (80, 150, 220))}')
    if card.options:
        with ui.element('ol').classes('quiz-options quiz-options-large').props('type=A'):
            for index, option in enumerate(card.options):
                mark = f' · {t("quiz.right")}' if index == card.correct else ''  # words and a style, no glyph
                list_item(option + mark).classes('quiz-option' + (' right' if mark else ''))
    given = view.steal_answer if view.step is qz.Step.DONE and view.steal_answer else view.given_answer
    if given and card.kind is qz.Kind.OPINION:
        ui.label(t('quiz.proj.spokesperson_said', answer=given)).classes('projector-status quiz-given')
    elif view.given_option >= 0 and card.kind is qz.Kind.FACT:
        chosen = f'{option_letter(view.given_option)}. {view.given_answer}'
        ui.label(t('quiz.proj.group_chose', group=names.get(view.turn, ''), answer=chosen)).classes('projector-status')
    elif view.given_answer:
        ui.label(t('quiz.proj.group_said', group=names.get(view.turn, ''), answer=view.given_answer)).classes(
            'projector-status'
        )
    step = ui.label().classes('projector-count quiz-step').props('aria-live=polite')
    live_value(room, lambda: views.public(room, activity_id), lambda v: step.set_text(step_text(v)))
    timer(view, time.time(), 'projector-count')
    if view.step is qz.Step.DONE:
        answer = right_answer(view)
        if answer and not card.options:
            ui.label(t('quiz.right_answer', answer=answer)).classes('projector-statement quiz-right')
        for line in outcome_text(view)[-OUTCOMES_SHOWN:]:  # the last decisions (a steal: the one after the miss)
            ui.label(line).classes('projector-status quiz-outcome')


def _finished(room: LiveRoom, activity_id: str, view: qz.PublicView) -> None:
    names = group_names(view)
    winners = [names[s.group] for s in view.standings if s.rank == 1 and s.points > 0]
    title = t('quiz.winner' if len(winners) == 1 else 'quiz.winners_tie', groups=' & '.join(winners))
    ui.label(title if winners else t('quiz.finished')).classes('projector-statement font-bold').props(
        'role=heading aria-level=2'
    )
    with ui.row().classes('w-full items-start gap-8 no-wrap-wide'):
        with ui.column().classes('grow'):
            scoreboard(view, 'quiz-scoreboard-large')
        if view.aside:
            with ui.column().classes('quiz-side'):
                ui.label(t('quiz.aside_title')).classes('projector-status font-bold').props('role=heading aria-level=2')
                shown, left_out = first(view.aside, ASIDE_SHOWN)
                with ui.element('ul').classes('quiz-aside-list'):
                    for question, why in shown:
                        list_item(f'{question} ({t(f"quiz.aside.{why.value}")})')
                more(left_out)
