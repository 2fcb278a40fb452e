"""The arena on the projector: the rings, the round and its clock, the question being talked about (large, with
its own clock, a calm signal near the end and the overrun), and the outer ring's questions with their support."""

from __future__ import annotations

from nicegui import ui

from ...formats import arena as ar
from ...live import LiveRoom
from ...services import Services
from ..frame import live_section, t
from .common import clocks, person, public, ring_badge


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    live_section(room, lambda: public(room, activity_id), lambda view: _render(room, view))


def _render(room: LiveRoom, view: ar.PublicView) -> None:
    ui.label(view.title or t('arena.title')).classes('projector-bar-title').props('role=heading aria-level=2')
    with ui.row().classes('gap-8 items-center'):
        for ring, n in zip(ar.Ring, view.sizes, strict=True):
            with ui.row().classes('items-center gap-3 projector-status'):
                ring_badge(ring)
                ui.label(t('proj.joined.one') if n == 1 else t('lh.people', n=n))
    if view.stage is ar.Stage.SETUP:
        with ui.element('ul').classes('quiz-rules'):
            for key in ('arena.rule.inner', 'arena.rule.round1', 'arena.rule.round2'):
                with ui.element('li'):
                    ui.label(t(key))
        return
    if view.stage is ar.Stage.DONE:
        ui.label(t('arena.done')).classes('projector-statement')
        return
    with ui.row().classes('w-full items-start gap-8 no-wrap-wide'):
        with ui.column().classes('grow gap-3'):
            if view.round_title:
                ui.label(view.round_title).classes('projector-status font-bold')
            if view.question:
                if view.question_source == 'outer':
                    asked_by = person(room, view.question_author) if view.question_author else ''
                    ui.label(
                        t('arena.from_outer', name=asked_by) if asked_by else t('arena.from_outer_anonymous')
                    ).classes('projector-status')
                ui.label(view.question).classes('projector-statement statement-text').props('role=heading aria-level=2')
            else:
                ui.label(t('arena.no_question')).classes('projector-status')
            clocks(view, 'projector-count')
        if view.queue:
            with ui.column().classes('quiz-side gap-1'):
                ui.label(t('arena.queue')).classes('projector-status font-bold').props('role=heading aria-level=3')
                with ui.element('ol').classes('lh-queue'):
                    for question in view.queue[:6]:
                        with ui.element('li'):
                            ui.label(question.text).classes('lh-argument-text')
                            ui.label(t('arena.support_n', n=question.support)).classes('lh-reply')
