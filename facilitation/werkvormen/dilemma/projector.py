"""The dilemma on the projector, step by step: the dilemmas sent, the ranking, the dilemma with its two sides, the
clarifying questions with their reminder and the two sides, the table of betrokkenen with the values and norms at
stake for each, the alternatives with what they do justice to or go against beside that table, the inbrenger's
deliberation under the two sides, the agreements, and at the end before and after.

Nothing a phone sent is here before the facilitator showed it; names only when their sender chose to show them."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui.frame import live_section, t
from ...ui.stage import (
    HIGH,
    LINE,
    first_within,
    fit,
    height,
    last_lines,
    lines,
    more,
    newest_within,
    shorten,
    stage_width,
)
from . import rules as dm
from .common import (
    category_word,
    clock,
    column_word,
    comparison_bars,
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
from .projector_fit import TEXT, share, table_fit

SHOWN = 5  # list items on the screen at a time (the newest, or the top), at most: fewer when they are long
DILEMMA_STEPS = (120, 240, 400)
DILEMMA_SIZE = {'fit-1': 3.6, 'fit-2': 3.0, 'fit-3': 2.6, 'fit-4': 2.6}  # u, as .dm-dilemma in the CSS
GAP = 1.6  # u between the stage's parts


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    live_section(room, lambda: public(room, activity_id), lambda view: _render(room, view))


def _heading(text: str, css: str = 'projector-status font-bold', level: int = 3) -> None:
    ui.label(text).classes(css).props(f'role=heading aria-level={level}')


def _dilemma(view: dm.PublicView) -> None:
    if view.chosen is not None:
        ui.label(category_word(view.chosen.category)).classes('projector-status')
        size = fit(view.chosen.text, DILEMMA_STEPS)
        ui.label(view.chosen.text).classes(f'dm-dilemma statement-text {size}').props('role=heading aria-level=2')


def _room_under(room: LiveRoom, view: dm.PublicView, dilemma: bool = True) -> float:
    """The stage's height in u left under the title, the step with its clock and (with `dilemma`) the chosen
    dilemma with its category, with a little to spare."""
    used = 3.5 + GAP + 6.0 + GAP  # the werkvorm's title, the step and its clock
    if dilemma and view.chosen is not None:
        text = view.chosen.text
        used += 3.0 * LINE + GAP + height(text, stage_width(room), DILEMMA_SIZE[fit(text, DILEMMA_STEPS)], 1.25) + GAP
    return HIGH - used - 2


def _render(room: LiveRoom, view: dm.PublicView) -> None:
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
        _done(room, view)
        return
    match view.step:
        case dm.Step.INVENTARISEREN:
            ui.label(t('dm.proj.inventory')).classes('projector-status')
            _list(
                room, [_candidate_line(room, c) for c in view.candidates], 'dm-candidates', _room_under(room, view) - 4
            )
        case dm.Step.KIEZEN:
            _ranking(room, view)
        case dm.Step.FORMULEREN:
            _dilemma(view)
            _formulation(view)
            ui.label(t('dm.proj.judged', n=view.judged_before)).classes('projector-status').props('role=status')
        case dm.Step.VERHELDEREN:
            _dilemma(view)
            used = _sides_row(room, view)
            with ui.element('ul').classes('quiz-rules dm-reminder'):
                for key in REMINDERS:
                    with ui.element('li'):
                        ui.label(t(key))
            rules = len(REMINDERS) * 3.0 * LINE + 3
            budget = _room_under(room, view) - rules - used
            _list(room, [i.text for i in view.column(dm.Column.VRAAG)], 'dm-questions', budget)
        case dm.Step.WAARDEN:
            _table(room, view)
        case dm.Step.ALTERNATIEVEN:
            _alternatives(room, view)
        case dm.Step.AFWEGING:
            _deliberation(room, view)
        case dm.Step.AFSPRAKEN:
            _agreements(room, view)
        case dm.Step.TERUGBLIK:
            ui.label(t('dm.proj.evaluate')).classes('projector-statement')
            ui.label(terugblik_line(view)).classes('projector-count').props('role=status')


REMINDERS = ('dm.rule.no_advice', 'dm.rule.no_own', 'dm.rule.focus', 'dm.rule.verplaatsen')
SIDE = 2.6  # u: the two sides in steps 4 and 7


def _sides_row(room: LiveRoom, view: dm.PublicView) -> float:
    """The dilemma's two sides on one row, kept in view while the room clarifies and the inbrenger deliberates;
    returns the height it takes (0 without two sides)."""
    a, b = sides(view)
    if not (a and b):
        return 0.0
    half = (stage_width(room) - 1.6) / 2 - 2  # a side's box less its border and padding
    texts = [shorten(f'{letter}: {text}', half, SIDE, 2) for letter, text in ((t('dm.side_a'), a), (t('dm.side_b'), b))]
    with ui.row().classes('w-full gap-8 no-wrap items-stretch dm-sides dm-sides-compact').mark('dm-sides'):
        for text in texts:
            with ui.column().classes('dm-side grow gap-0'):
                ui.label(text).classes('statement-text')
    return max(height(text, half, SIDE) for text in texts) + 1.4 + GAP


def _list(room: LiveRoom, texts: list[str], mark: str, budget: float, width: float | None = None) -> None:
    """The newest texts that fit `budget` u (at most SHOWN), in a list as wide as the stage or `width` u, with
    '+ 3 meer' for the rest; a text too long for the room left is shortened with '…'."""
    if not texts:
        return
    wide = (width or stage_width(room)) - 4  # the list's indent
    budget -= 3.4  # for '+ 3 meer'
    earlier = max(0, len(texts) - SHOWN)
    texts = [shorten(text, wide, 2.8, max(1, int(budget / (2.8 * LINE)))) for text in texts[-SHOWN:]]
    shown, left_out = newest_within(texts, budget, lambda text: height(text, wide, 2.8) + 0.4)
    with ui.element('ul').classes('lh-queue dm-list').mark(mark):
        for text in shown:  # the newest, when there are many
            with ui.element('li'):
                ui.label(text).classes('lh-argument-text')
    more(earlier + left_out)


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
        candidates = view.ranked
        mark = 'dm-ranking'
        if not candidates:
            ui.label(t('dm.ratings_hidden', min=view.ratings_minimum)).classes('projector-status')
            return
    wide = stage_width(room) - 4
    budget = _room_under(room, view, dilemma=False) - (2 if view.ratings_closed else 4) * 3.0 * LINE - 3.4
    texts = {c.id: shorten(c.text, wide, 2.8, 3) for c in candidates}

    def cost(candidate: dm.Candidate) -> float:
        by = 2.4 * LINE if candidate.author and person(room, candidate.author) else 0.0
        return height(texts[candidate.id], wide, 2.8) + 2.4 * LINE + by + 0.4

    top, left_out = first_within(candidates[:SHOWN], budget, cost)
    with ui.element('ol' if view.ratings_closed else 'ul').classes(f'lh-queue {mark}').mark(mark):
        for candidate in top:  # the top of the ranking
            with ui.element('li'):
                ui.label(texts[candidate.id]).classes('lh-argument-text')
                ui.label(scores_line(candidate)).classes('lh-reply')
                if candidate.author and person(room, candidate.author):
                    ui.label(t('dm.brought_by', name=person(room, candidate.author))).classes('lh-reply')
    more(left_out + max(0, len(candidates) - SHOWN))


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


def _table(room: LiveRoom, view: dm.PublicView) -> None:
    """The table with as many of its newest rows, and of each cell's newest entries, as fit under the dilemma."""
    _dilemma(view)
    values_table(view, *table_fit(view, stage_width(room), _room_under(room, view)))


def _alternatives(room: LiveRoom, view: dm.PublicView) -> None:
    """The alternatives with what each does justice to or goes against, beside the table they are weighed against."""
    _dilemma(view)
    if not view.alternatives:
        ui.label(t('dm.proj.alternatives')).classes('projector-status')
    half = (stage_width(room) - 3) / 2
    budget = _room_under(room, view) - (3.0 * LINE + GAP if not view.alternatives else 0)
    with ui.row().classes('w-full gap-8 no-wrap items-start'):
        if view.alternatives:
            with ui.column().classes('gap-1 dm-half'):
                _alternative_list(view, half, budget)
        if view.rows():
            with ui.column().classes('gap-1 dm-half'):
                values_table(view, *table_fit(view, half, budget))


def _alternative_list(view: dm.PublicView, width: float, budget: float) -> None:
    names = {i.id: i.text for c in dm.VALUES for i in view.column(c)}
    wide = width - 4

    def verdicts(alternative: dm.Alternative) -> list[str]:
        found = []
        for key, ids in (('dm.does_justice', alternative.does_justice), ('dm.goes_against', alternative.goes_against)):
            items = ', '.join(names[e] for e in ids if e in names)
            if items:
                found.append(t(key, items=items))
        return found or [t('dm.does_justice_none')]

    texts = {a.id: shorten(a.text, wide, 2.8, 3) for a in view.alternatives}
    lines_of = {a.id: [shorten(v, wide, 2.4, 2) for v in verdicts(a)] for a in view.alternatives}

    def cost(alternative: dm.Alternative) -> float:
        own = height(texts[alternative.id], wide, 2.8)
        return own + sum(height(v, wide, 2.4) for v in lines_of[alternative.id]) + 0.4

    shown, left_out = newest_within(view.alternatives[-SHOWN:], budget - 3.4, cost)
    with ui.element('ul').classes('lh-queue dm-list').mark('dm-alternatives'):
        for alternative in shown:
            with ui.element('li'):
                ui.label(texts[alternative.id]).classes('lh-argument-text')
                for line in lines_of[alternative.id]:
                    ui.label(line).classes('lh-reply')
    more(left_out + max(0, len(view.alternatives) - SHOWN))


DELIBERATION_COLUMNS = (('juist', 'omwille', 'ondanks'), ('schade', 'nodig_persoon', 'nodig_team', 'nodig_organisatie'))


def _deliberation(room: LiveRoom, view: dm.PublicView) -> None:
    """The inbrenger's deliberation in two columns (the choice and its reasons; limiting the damage and what they
    need), each field as far as the room under the dilemma allows: a short one whole, the longer ones sharing the
    rest of their column, cut with '…'."""
    _dilemma(view)
    used = _sides_row(room, view)
    deliberation = dict(view.deliberation)
    width = (stage_width(room) - 3) / 2
    with ui.row().classes('w-full no-wrap items-start dm-deliberation'):
        for names in DELIBERATION_COLUMNS:
            labels = {name: t(f'dm.deliberation.{name}') for name in names}
            texts = {name: deliberation[name].strip() or '…' for name in names}
            room_left = _room_under(room, view) - used - (len(names) - 1) * 1.2  # the fields' gaps
            room_left -= sum(height(label, width, TEXT) for label in labels.values())
            allowed = share({n: lines(texts[n], width, TEXT) for n in names}, int(room_left / (TEXT * LINE)))
            with ui.column().classes('grow gap-3'):
                for name in names:
                    with ui.column().classes('gap-0 dm-field'):
                        ui.label(labels[name]).classes('font-bold dm-field-label')
                        ui.label(shorten(texts[name], width, TEXT, allowed[name])).classes('whitespace-pre-wrap')


def _agreements(room: LiveRoom, view: dm.PublicView) -> None:
    """Where we agree and differ side by side, and under them the newest agreements: each part as much as fits."""
    width = stage_width(room)
    under = _room_under(room, view, dilemma=False)
    kept: list[dm.Agreement] = []
    left_out = 0
    if view.agreements:
        wide = width - 4

        def cost(agreement: dm.Agreement) -> float:
            text = f'{t(f"dm.kind.{agreement.kind.value}")}: {agreement.text}'
            return height(text, wide, 2.8) + height(_who_when(agreement), wide, 2.4) + 0.4

        shown, left_out = newest_within(view.agreements[-3:], under * 0.45 - 3 * LINE - 3.4 - GAP, cost)
        kept = list(shown)
        left_out += max(0, len(view.agreements) - 3)
        under -= 3 * LINE + GAP + sum(cost(a) for a in kept) + (3.4 if left_out else 0) + GAP
    with ui.row().classes('w-full gap-8 no-wrap-wide items-start'):
        for column in (dm.Column.EENS, dm.Column.VERSCHIL):
            with ui.column().classes('grow gap-1'):
                _heading(column_word(column))
                texts = [i.text for i in view.column(column)]
                _list(room, texts, f'dm-{column.value}', under - 3 * LINE - 0.5, (width - 1.6) / 2)
    if view.agreements:
        _heading(t('dm.agreements'))
        with ui.element('ul').classes('lh-queue dm-list').mark('dm-agreements'):
            for agreement in kept:
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


def _done(room: LiveRoom, view: dm.PublicView) -> None:
    _dilemma(view)
    with ui.row().classes('w-full gap-8 no-wrap-wide items-start'):
        with ui.column().classes('grow gap-2 dm-comparison').mark('dm-comparison'):
            _heading(t('dm.comparison'))
            comparison_bars(view.comparison, side_words(view))
            if view.evaluated:
                _heading(t('dm.step.terugblik'))
                ui.label(terugblik_line(view)).classes('projector-status').mark('dm-terugblik')
        if view.agreements:
            with ui.column().classes('grow gap-2'):
                _heading(t('dm.agreements'))
                texts = [f'{a.text} ({a.owner})' for a in view.agreements]
                half = (stage_width(room) - 1.6) / 2
                _list(room, texts, 'dm-agreements', _room_under(room, view) - 3 * LINE - 1, half)
