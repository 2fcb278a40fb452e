"""The lagerhuis on the projector: the stelling, the two sides, the live tally, who has the floor (and the time
left), the queue with sides, both sides' arguments with their links; at the end the winner and the conclusions."""

from __future__ import annotations

import time

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui.countdown import countdown
from ...ui.frame import live_section, t
from ...ui.stage import CHAR, HIGH, LINE, fit, height, last_lines, newest_within, stage_width
from . import rules as lh
from .common import argument_lists, person, public, queued, result_text, side_badge, side_word


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    live_section(room, lambda: public(room, activity_id), lambda view: _render(room, view))


ARGUMENTS_SHOWN = 6  # the newest arguments of each side on the screen, at most (fewer when they are long)
QUEUE_SHOWN = 5
STATEMENT_STEPS = (70, 140, 220)
STATEMENT_SIZE = {'fit-1': 5.0, 'fit-2': 4.2, 'fit-3': 3.5, 'fit-4': 3.0}  # u, as .projector-statement in the CSS
GAP = 1.6  # u between the stage's parts
TALLY = 38.0  # u: the tally's width (two sides with their numbers)


def _arguments_shown(room: LiveRoom, view: lh.PublicView) -> tuple[int, str]:
    """How many of each side's newest arguments fit under the statement, the tally and (after the debate) the
    conclusions, in the columns' width (the same number for both sides: their lists stand side by side), and the
    text's size: a step smaller when that shows more of them."""
    width = stage_width(room)
    debate = view.stage is lh.Stage.DEBATE
    main = width * 0.66 - GAP if debate else width  # the queue takes a third beside them during the debate
    column = (main - 3) / 2
    statement = view.statement or t('lh.no_statement')
    used = height(statement, width, STATEMENT_SIZE[fit(statement, STATEMENT_STEPS)], 1.2) + GAP
    # the tally, and beside it (or under it when it does not fit) the result, or who has the floor with their side
    # (about 16u) and the clock (about 16u), or the call to ask for the floor
    used += 7.5 + GAP
    if not debate:
        beside, extra = result_text(view), 0.0
    elif view.speaker:
        beside, extra = t('lh.floor_to', name=person(room, view.speaker, view.speaker_side, dict(view.in_room))), 32.0
    else:
        beside, extra = t('lh.proj.stand_up'), 0.0
    if TALLY + GAP + len(beside) * 4.6 * CHAR + extra > main:
        used += height(beside, main - extra, 4.6) + GAP
    if not debate and view.conclusions:
        used += 3 * LINE + height(last_lines(view.conclusions, 3), main, 3.0) + 2 * GAP
    used += 4.6 + 0.8 + 3.4 + 0.8  # a column's side and count, and '+ 3 eerder'
    budget = HIGH - used - 2  # a little to spare

    def fitting(text: float, small: float) -> int:
        def cost(argument: lh.ArgumentView) -> float:
            size = 1.0 + height(f'{argument.label}. {argument.text}', column, text)  # its padding and text
            if argument.reply_to:
                size += small * LINE
            if argument.struck:
                size += height(t('lh.struck', reason=argument.reason), column, small)
            return size

        shown = ARGUMENTS_SHOWN
        for side in lh.Side:
            items = [a for a in view.arguments if a.side is side][-ARGUMENTS_SHOWN:]
            kept, left_out = newest_within(items, budget, cost)
            if left_out:  # this side's newest that fit
                shown = min(shown, len(kept))
        return shown

    large, small = fitting(2.6, 2.4), fitting(2.4, 2.4)  # .lh-columns-large, and with .lh-columns-small
    return (small, 'lh-columns-large lh-columns-small') if small > large else (large, 'lh-columns-large')


def _render(room: LiveRoom, view: lh.PublicView) -> None:
    ui.label(view.statement or t('lh.no_statement')).classes(
        f'projector-statement statement-text {fit(view.statement, STATEMENT_STEPS)}'
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
                    with ui.row().classes('items-center gap-3 projector-count no-wrap'):
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
            shown, size = _arguments_shown(room, view)
            argument_lists(room, view, size, shown=shown)
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
                ui.label(t('proj.joined', n=n))


def _tally(view: lh.PublicView) -> None:
    with ui.row().classes('lh-tally items-center gap-8').props('aria-live=polite'):
        for side, n in zip(lh.Side, view.tally, strict=True):
            with ui.row().classes('items-center gap-3'):
                side_badge(side, 'lh-side-large')
                ui.label(str(n)).classes('lh-tally-number').props(f'aria-label="{side_word(side)}: {n}"')
