"""The lagerhuis on the projector: the stelling, the two sides, the live tally, who has the floor (and the time
left), the queue with sides, both sides' arguments with their links; at the end the winner and the conclusions."""

from __future__ import annotations

import time

from nicegui import ui

from ...formats import lagerhuis as lh
from ...live import LiveRoom
from ...services import Services
from ..countdown import countdown
from ..frame import live_section, t
from ..stage import fit, last_lines
from .common import argument_lists, person, public, queued, result_text, side_badge, side_word


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    live_section(room, lambda: public(room, activity_id), lambda view: _render(room, view))


ARGUMENTS_SHOWN = 4  # the newest arguments of each side on the screen: they fit the smallest beamer
QUEUE_SHOWN = 5


def _render(room: LiveRoom, view: lh.PublicView) -> None:
    ui.label(view.statement or t('lh.no_statement')).classes(
        f'projector-statement statement-text {fit(view.statement, (70, 140, 220))}'
    ).props('role=heading aria-level=2')
    if view.stage is lh.Stage.SETUP:
        with ui.element('ul').classes('quiz-rules'):
            for key in ('lh.rule.sides', 'lh.rule.floor', 'lh.rule.counter', 'lh.rule.win'):
                with ui.element('li'):
                    ui.label(t(key))
        _sizes(view)
        if view.side_choice:
            ui.label(t('lh.proj.choose_side')).classes('projector-status')
        return
    if view.stage is lh.Stage.PREPARATION:
        ui.label(t('lh.proj.prepare')).classes('projector-count')
        countdown(view.timer_deadline, view.timer_left, time.time(), 'projector-count')
        _sizes(view)
        return
    with ui.row().classes('w-full items-start gap-8 no-wrap lh-stage'):
        with ui.column().classes('grow gap-2 lh-main'):
            with ui.row().classes('items-center gap-8'):
                _tally(view)
                if view.stage is not lh.Stage.DEBATE:
                    ui.label(result_text(view)).classes('projector-count lh-result')
                elif view.speaker and view.speaker_side:
                    with ui.row().classes('items-center gap-3 projector-count'):
                        ui.label(
                            t('lh.floor_to', name=person(room, view.speaker, view.speaker_side, dict(view.in_room)))
                        )
                        side_badge(view.speaker_side)
                    countdown(view.timer_deadline, view.timer_left, time.time(), 'projector-count')
                else:
                    ui.label(t('lh.proj.stand_up')).classes('projector-count')
            if view.stage is not lh.Stage.DEBATE and view.conclusions:
                ui.label(t('lh.conclusions')).classes('projector-status font-bold').props('role=heading aria-level=3')
                ui.label(last_lines(view.conclusions, 3)).classes('projector-status whitespace-pre-wrap lh-conclusions')
            argument_lists(room, view, 'lh-columns-large', shown=ARGUMENTS_SHOWN)
        if view.stage is lh.Stage.DEBATE:
            with ui.column().classes('quiz-side gap-1'):
                ui.label(t('lh.queue')).classes('projector-status font-bold').props('role=heading aria-level=3')
                if not view.queue:
                    ui.label(t('lh.queue_empty')).classes('projector-status')
                with ui.element('ol').classes('lh-queue'):
                    for pid, side in view.queue[:QUEUE_SHOWN]:
                        with ui.element('li'):
                            ui.label(queued(room, pid, side, dict(view.in_room)))
                if len(view.queue) > QUEUE_SHOWN:
                    ui.label(t('lh.queue_more', n=len(view.queue) - QUEUE_SHOWN)).classes('projector-more')


def _sizes(view: lh.PublicView) -> None:
    with ui.row().classes('gap-8 items-center'):
        for side, n in zip(lh.Side, view.sizes, strict=True):
            with ui.row().classes('items-center gap-3 projector-count'):
                side_badge(side)
                ui.label(t('lh.people', n=n))


def _tally(view: lh.PublicView) -> None:
    with ui.row().classes('lh-tally items-center gap-8').props('aria-live=polite'):
        for side, n in zip(lh.Side, view.tally, strict=True):
            with ui.row().classes('items-center gap-3'):
                side_badge(side, 'lh-side-large')
                ui.label(str(n)).classes('lh-tally-number').props(f'aria-label="{side_word(side)}: {n}"')
