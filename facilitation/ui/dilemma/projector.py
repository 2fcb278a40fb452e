"""The dilemma on the projector, step by step: the dilemmas sent, the ranking, the dilemma with its two sides, the
clarifying questions with their reminder, the table of betrokkenen, waarden and normen, the alternatives with what
they do justice to, the inbrenger's deliberation, the agreements, and at the end before and after.

Nothing a phone sent is here before the facilitator showed it; names only when their sender chose to show them."""

from __future__ import annotations

from nicegui import ui

from ...formats import dilemma as dm
from ...live import LiveRoom
from ...services import Services
from ..frame import live_section, t
from ..stage import fit, last_lines, more, newest
from .common import (
    category_word,
    clock,
    column_word,
    comparison_bars,
    comparison_of,
    person,
    public,
    scores_line,
    side_words,
    sides,
    step_line,
    step_word,
    terugblik_line,
    values_table,
)

SHOWN = 5  # list items on the screen at a time (the newest, or the top): they fit the smallest beamer
TABLE_ROWS = 4  # entries per column of the table on the screen (the newest)


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    def key() -> tuple[dm.PublicView, dm.Comparison | None]:
        view = public(room, activity_id)
        return view, comparison_of(room, activity_id) if view.stage is dm.Stage.DONE else None

    live_section(room, key, lambda k: _render(room, k[0], k[1]))


def _heading(text: str, css: str = 'projector-status font-bold', level: int = 3) -> None:
    ui.label(text).classes(css).props(f'role=heading aria-level={level}')


def _dilemma(view: dm.PublicView) -> None:
    if view.chosen is not None:
        ui.label(category_word(view.chosen.category)).classes('projector-status')
        size = fit(view.chosen.text, (120, 240, 400))
        ui.label(view.chosen.text).classes(f'dm-dilemma statement-text {size}').props('role=heading aria-level=2')


def _render(room: LiveRoom, view: dm.PublicView, result: dm.Comparison | None) -> None:
    ui.label(view.title or t('dm.title')).classes('projector-bar-title').props('role=heading aria-level=2')
    with ui.row().classes('items-baseline gap-6'):
        ui.label(step_line(view)).classes('projector-status font-bold dm-step').mark('dm-step')
        clock(view, 'projector-count')
    if view.stage is dm.Stage.SETUP:
        with ui.element('ol').classes('quiz-rules'):
            for step in view.steps:
                with ui.element('li'):
                    ui.label(step_word(step))
        return
    if view.stage is dm.Stage.DONE:
        _done(view, result)
        return
    match view.step:
        case dm.Step.INVENTARISEREN:
            ui.label(t('dm.proj.inventory')).classes('projector-status')
            _list([_candidate_line(room, c) for c in view.candidates], 'dm-candidates')
        case dm.Step.KIEZEN:
            _ranking(room, view)
        case dm.Step.FORMULEREN:
            _dilemma(view)
            _formulation(view)
            ui.label(t('dm.proj.judged', n=view.judged_before)).classes('projector-status').props('role=status')
        case dm.Step.VERHELDEREN:
            _dilemma(view)
            with ui.element('ul').classes('quiz-rules dm-reminder'):
                for key in ('dm.rule.no_advice', 'dm.rule.no_own', 'dm.rule.focus'):
                    with ui.element('li'):
                        ui.label(t(key))
            _list([i.text for i in view.column(dm.Column.VRAAG)], 'dm-questions')
        case dm.Step.WAARDEN:
            _table(view)
        case dm.Step.ALTERNATIEVEN:
            _alternatives(view)
        case dm.Step.AFWEGING:
            _deliberation(view)
        case dm.Step.AFSPRAKEN:
            _agreements(view)
        case dm.Step.TERUGBLIK:
            ui.label(t('dm.proj.evaluate')).classes('projector-statement')
            ui.label(terugblik_line(view)).classes('projector-count').props('role=status')


def _list(texts: list[str], mark: str) -> None:
    if not texts:
        return
    with ui.element('ul').classes('lh-queue dm-list').mark(mark):
        for text in texts[-SHOWN:]:  # the newest, when there are many
            with ui.element('li'):
                ui.label(text).classes('lh-argument-text')
    more(max(0, len(texts) - SHOWN))


def _candidate_line(room: LiveRoom, candidate: dm.Candidate) -> str:
    """'Grenzen stellen: …', with the sender's name only when they chose to show it."""
    name = person(room, candidate.author) if candidate.author else ''
    line = f'{category_word(candidate.category)}: {candidate.text}'
    return f'{line} ({t("dm.brought_by", name=name)})' if name else line


def _ranking(room: LiveRoom, view: dm.PublicView) -> None:
    """While people rate: the dilemmas with how many rated each. Once the rating is closed: the ranking."""
    if not view.ratings_closed:
        ui.label(t('dm.proj.rate')).classes('projector-status')
        ui.label(t('dm.ratings_open', min=view.ratings_minimum)).classes('projector-status')
        candidates: tuple[dm.Candidate, ...] = view.candidates
        mark = 'dm-rating'
    else:
        candidates = dm.ranking(view.candidates, view.ratings_minimum)
        mark = 'dm-ranking'
        if not candidates:
            ui.label(t('dm.ratings_hidden', min=view.ratings_minimum)).classes('projector-status')
            return
    with ui.element('ol' if view.ratings_closed else 'ul').classes(f'lh-queue {mark}').mark(mark):
        for candidate in candidates[:SHOWN]:  # the top of the ranking
            with ui.element('li'):
                ui.label(candidate.text).classes('lh-argument-text')
                ui.label(scores_line(candidate)).classes('lh-reply')
                if candidate.author and person(room, candidate.author):
                    ui.label(t('dm.brought_by', name=person(room, candidate.author))).classes('lh-reply')


def _formulation(view: dm.PublicView) -> None:
    formulation = dict(view.formulation)
    with ui.row().classes('w-full gap-8 no-wrap-wide items-start'):
        for name in ('feiten', 'handelingen', 'gevoelens'):
            if formulation[name]:
                with ui.column().classes('gap-1 grow'):
                    _heading(t(f'dm.field.{name}'))
                    ui.label(last_lines(formulation[name], 3, 200)).classes('projector-status whitespace-pre-wrap')
    a, b = sides(view)
    if a and b:
        with ui.row().classes('w-full gap-8 no-wrap-wide items-stretch dm-sides'):
            for word, text in ((t('dm.side_a'), a), (t('dm.side_b'), b)):
                with ui.column().classes('dm-side grow gap-1'):
                    _heading(word, 'projector-count')
                    ui.label(last_lines(text, 2, 160)).classes('projector-status statement-text')


def _table(view: dm.PublicView) -> None:
    _dilemma(view)
    values_table(view, TABLE_ROWS)


def _alternatives(view: dm.PublicView) -> None:
    _dilemma(view)
    names = {i.id: i.text for c in (dm.Column.WAARDEN, dm.Column.NORMEN) for i in view.column(c)}
    if not view.alternatives:
        ui.label(t('dm.proj.alternatives')).classes('projector-status')
        return
    shown, left_out = newest(view.alternatives, SHOWN - 1)
    with ui.element('ul').classes('lh-queue dm-list').mark('dm-alternatives'):
        for alternative in shown:
            with ui.element('li'):
                ui.label(alternative.text).classes('lh-argument-text')
                justice = [names[e] for e in alternative.does_justice if e in names]
                ui.label(
                    t('dm.does_justice', items=', '.join(justice)) if justice else t('dm.does_justice_none')
                ).classes('lh-reply')
    more(left_out)


def _deliberation(view: dm.PublicView) -> None:
    _dilemma(view)
    deliberation = dict(view.deliberation)
    with ui.element('ul').classes('quiz-rules dm-deliberation'):
        for name in dm.DELIBERATION:
            with ui.element('li'):
                ui.label(t(f'dm.deliberation.{name}')).classes('font-bold')
                ui.label(last_lines(deliberation[name], 2, 150) or '…').classes('whitespace-pre-wrap')


def _agreements(view: dm.PublicView) -> None:
    with ui.row().classes('w-full gap-8 no-wrap-wide items-start'):
        for column in (dm.Column.EENS, dm.Column.VERSCHIL):
            with ui.column().classes('grow gap-1'):
                _heading(column_word(column))
                _list([i.text for i in view.column(column)], f'dm-{column.value}')
    if view.agreements:
        _heading(t('dm.agreements'))
        shown, left_out = newest(view.agreements, 3)
        with ui.element('ul').classes('lh-queue dm-list').mark('dm-agreements'):
            for agreement in shown:
                with ui.element('li'):
                    ui.label(f'{t(f"dm.kind.{agreement.kind.value}")}: {agreement.text}').classes('lh-argument-text')
                    ui.label(_who_when(agreement)).classes('lh-reply')
        more(left_out)


def _who_when(agreement: dm.Agreement) -> str:
    text = t('dm.owner_is', owner=agreement.owner)
    if agreement.term:
        text += ' · ' + t('dm.term_is', term=agreement.term)
    if agreement.basis:
        text += ' · ' + t('dm.basis_is', basis=agreement.basis)
    return text


def _done(view: dm.PublicView, result: dm.Comparison | None) -> None:
    _dilemma(view)
    with ui.row().classes('w-full gap-8 no-wrap-wide items-start'):
        with ui.column().classes('grow gap-2 dm-comparison').mark('dm-comparison'):
            _heading(t('dm.comparison'))
            if result is not None:
                comparison_bars(result, side_words(view))
            if view.evaluated:
                _heading(t('dm.step.terugblik'))
                ui.label(terugblik_line(view)).classes('projector-status').mark('dm-terugblik')
        if view.agreements:
            with ui.column().classes('grow gap-2'):
                _heading(t('dm.agreements'))
                _list([f'{a.text} ({a.owner})' for a in view.agreements], 'dm-agreements')
