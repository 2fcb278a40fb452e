"""Teamplan bespreken's projections: the item on the screen, and the review's rules the console shows over the
team's plan (the next step, Overzicht beside it, the term an item is carried over to)."""

from __future__ import annotations

from datetime import date

from facilitation import teamplan as tp
from facilitation.werkvormen.teamplan import rules as rv
from facilitation.werkvormen.teamplan.projections import STEP_WHAT

from .helpers import FACILITATOR, ctx

TODAY = date(2025, 3, 10)


def plan(*items: tuple[str, str]) -> tp.State:
    """A plan with these items (what, term), each added as the facilitator adds it."""
    state = tp.State()
    for what, term in items:
        for event in tp.decide(state, tp.AddItem(what, term=term), ctx(FACILITATOR)):
            tp.evolve(state, event)
    return state


def run(state: tp.State, command: object) -> None:
    for event in tp.decide(state, command, ctx(FACILITATOR)):  # type: ignore[arg-type]
        tp.evolve(state, event)


def test_every_view_shows_the_item_on_the_screen() -> None:
    review = rv.new_state({})
    for event in rv.decide(review, rv.Show('p1', cheer=True), ctx(FACILITATOR)):
        rv.evolve(review, event)
    public = rv.public_view(review, 3)
    assert public == rv.View('p1', True)
    assert rv.participant_view(review, 'p9', 3, public=public) is public
    assert rv.console_view(review, 3) == public


def test_the_next_step_goes_through_the_items_then_back_to_the_overview() -> None:
    items = tp.to_review(plan(('Intervisie plannen', '2025-03-01'), ('Protocol herzien', '2025-04-01')), TODAY)
    first, second = items
    assert rv.next_step((), '') is None  # nothing to review, the overview on the screen
    assert rv.next_step(items, '') == rv.NextStep(
        'rv.first_item', rv.Show(first.id), (('what', 'Intervisie plannen'),), 'slideshow'
    )
    assert rv.next_step(items, first.id) == rv.NextStep(
        'rv.next_item', rv.Show(second.id), (('what', 'Protocol herzien'),), 'east'
    )
    assert rv.next_step(items, second.id) == rv.NextStep('rv.overview', rv.Overview(), icon='list')
    assert rv.next_step(items, 'p99') == rv.NextStep('rv.overview', rv.Overview(), icon='list')  # gone from the plan


def test_a_long_activity_is_shortened_in_the_steps_label() -> None:
    (item,) = tp.to_review(plan(('Woord ' * 30, '')), TODAY)
    step = rv.next_step((item,), '')
    assert step is not None
    (_, what), *_ = step.params
    assert isinstance(what, str) and len(what) <= STEP_WHAT and what.endswith('…')


def test_overview_stands_beside_the_step_only_when_the_step_is_not_the_overview() -> None:
    items = tp.to_review(plan(('Een', '2025-03-01'), ('Twee', '2025-04-01')), TODAY)
    assert not rv.overview_beside(items, '')  # the overview is on the screen
    assert rv.overview_beside(items, items[0].id)  # the step shows the next item
    assert not rv.overview_beside(items, items[1].id)  # the step is the overview itself


def test_carrying_over_suggests_a_month_on_and_only_for_what_may_be_carried() -> None:
    state = plan(('Later', '2025-05-01'), ('Te laat', '2025-01-01'), ('Zonder termijn', ''))
    later, late, undated = state.items.values()
    assert rv.carry_over_term(state, later, TODAY) == '2025-05-31'  # a month after its term
    assert rv.carry_over_term(state, late, TODAY) == '2025-04-09'  # passed: a month after today
    assert rv.carry_over_term(state, undated, TODAY) == '2025-04-09'
    run(state, tp.SetStatus(later.id, 'gelukt'))
    assert rv.carry_over_term(state, state.items[later.id], TODAY) == ''  # it succeeded
    run(state, tp.SetStatus(late.id, 'niet_gelukt'))
    run(state, tp.CarryOver(late.id, '2025-06-01'))
    assert rv.carry_over_term(state, state.items[late.id], TODAY) == ''  # carried over already
