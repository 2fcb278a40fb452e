"""The arena on the projector: the rings, the round and its clock, the question being talked about (large, with
its own clock, a calm signal near the end and the overrun), and the outer ring's questions with their support."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui.frame import live_section, t
from ...ui.stage import HIGH, LINE, first_within, fit, height, more, shorten, stage_width
from . import rules as ar
from .common import clocks, person, public, ring_badge

QUEUE_SHOWN = 8  # the outer ring's questions on the screen at a time (the most supported), at most
GAP = 1.6  # u between the stage's parts


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    live_section(room, lambda: public(room, activity_id), lambda view: _render(room, view))


def _render(room: LiveRoom, view: ar.PublicView) -> None:
    ui.label(view.title or t('arena.title')).classes('projector-bar-title').props('role=heading aria-level=2')
    with ui.row().classes('gap-8 items-center'):
        for ring, n in zip(ar.Ring, view.sizes, strict=True):
            with ui.row().classes('items-center gap-3 projector-status'):
                ring_badge(ring)
                ui.label(t('proj.joined', n=n))
    if view.stage is ar.Stage.SETUP:
        with ui.element('ul').classes('quiz-rules'):
            for key in ('arena.rule.inner', 'arena.rule.round1', 'arena.rule.round2'):
                with ui.element('li'):
                    ui.label(t(key))
        return
    if view.stage is ar.Stage.DONE:
        ui.label(t('arena.done')).classes('projector-statement')
        return
    width = stage_width(room)
    under = HIGH - 2 * (3.5 + GAP) - 2  # under the title and the rings, with a little to spare
    if not view.question:  # nobody talks about a question yet: the queue, if any, has the stage
        if view.round_title:
            ui.label(view.round_title).classes('projector-status font-bold')
        ui.label(t('arena.no_question')).classes('projector-status')
        clocks(view, 'projector-count')
        if view.queue:
            _queue(view, width, under - 2 * (3.0 * LINE + GAP) - 6 - GAP, 'arena-queue-wide', columns=2)
        return
    # the question being talked about large, the queue of the outer ring's questions beside it (two fifths)
    with ui.row().classes('w-full items-start no-wrap arena-round'):
        with ui.column().classes('arena-now gap-3'):
            if view.round_title:
                ui.label(view.round_title).classes('projector-status font-bold')
            if view.question_source == 'outer':
                asked_by = person(room, view.question_author) if view.question_author else ''
                ui.label(t('arena.from_outer', name=asked_by) if asked_by else t('arena.from_outer_anonymous')).classes(
                    'projector-status'
                )
            ui.label(view.question).classes(f'projector-statement statement-text {fit(view.question)}').props(
                'role=heading aria-level=2'
            )
            clocks(view, 'projector-count')
        if view.queue:
            _queue(view, width * 0.4 - 3, under, 'arena-queue-side')  # less its border and padding


def _queue(view: ar.PublicView, width: float, budget: float, css: str, columns: int = 1) -> None:
    """The outer ring's questions, the most supported first, as many as fit `budget` u high in `width` u (in
    `columns` columns side by side, 3u apart)."""
    wide = (width - 3 * (columns - 1)) / columns - 4  # a column less the list's indent
    budget -= 3.0 * LINE + 3.4 + 2 * GAP  # its heading and '+ 3 meer'
    texts = {q.id: shorten(q.text, wide, 2.8, 4) for q in view.queue[:QUEUE_SHOWN]}

    def cost(question: ar.QueuedQuestion) -> float:
        return height(texts[question.id], wide, 2.8) + 2.4 * LINE + 0.6

    if columns > 1:  # the columns are balanced: all of them but for about one question
        budget = columns * budget - max((cost(q) for q in view.queue[:QUEUE_SHOWN]), default=0.0)
    shown, left_out = first_within(view.queue[:QUEUE_SHOWN], budget, cost)
    with ui.column().classes(f'gap-1 {css}'):
        ui.label(t('arena.queue')).classes('projector-status font-bold').props('role=heading aria-level=3')
        with ui.element('ol').classes('lh-queue arena-queue'):
            for question in shown:
                with ui.element('li'):
                    ui.label(texts[question.id]).classes('lh-argument-text')
                    ui.label(t('arena.support_n', n=question.support)).classes('lh-reply')
        more(left_out + max(0, len(view.queue) - QUEUE_SHOWN))
