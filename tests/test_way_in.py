"""The projector's way in for latecomers (large QR, code, address): shown until the facilitator moves past the first
step of the first activity, or as the console's toggle sets it; the projector follows the session's log."""

from __future__ import annotations

import pytest

from facilitation import session as se
from facilitation.ui.views import way_in_large
from facilitation.werkvormen.base import NotAllowed, WrongPhase
from facilitation.werkvormen.teamplan import rules as rv

from .helpers import FACILITATOR, ctx, fold, participant

PLAN = [
    (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
    (FACILITATOR, se.AddActivity('teamplan', 'Teamplan bespreken')),
    (FACILITATOR, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'A'}]})),
]


def test_a_session_from_a_plan_shows_the_way_in_on_its_first_activity_until_it_moves_on() -> None:
    state, _ = fold([*PLAN, (FACILITATOR, se.StartActivity('a1'))])
    assert way_in_large(state)  # opened straight on the review: latecomers still need the QR
    state, _ = fold([*PLAN, (FACILITATOR, se.StartActivity('a1')), (FACILITATOR, se.ForActivity('a1', rv.Show('p1')))])
    assert state.activities['a1'].state.focus == 'p1'
    assert not way_in_large(state)  # the facilitator moved past the first step


def test_a_later_activity_does_not_bring_the_way_in_back_by_itself() -> None:
    state, _ = fold([*PLAN, (FACILITATOR, se.StartActivity('a1')), (FACILITATOR, se.StartActivity('a2'))])
    assert not way_in_large(state)


def test_the_console_shows_and_hides_the_way_in_and_the_choice_holds() -> None:
    state, log = fold([*PLAN, (FACILITATOR, se.StartActivity('a1')), (FACILITATOR, se.ShowWayIn(False))])
    assert not way_in_large(state)
    assert log[-1].type == 'session.way_in' and log[-1].data == {'shown': False}
    state, _ = fold(
        [
            *PLAN,
            (FACILITATOR, se.StartActivity('a1')),
            (FACILITATOR, se.StartActivity('a2')),
            (FACILITATOR, se.ShowWayIn(True)),
        ]
    )
    assert way_in_large(state)
    assert se.decide(state, se.ShowWayIn(True), ctx(FACILITATOR)) == []  # already shown: nothing to log


def test_only_the_facilitator_sets_the_way_in_and_only_to_shown_or_hidden() -> None:
    state, _ = fold(PLAN)
    with pytest.raises(NotAllowed):
        se.decide(state, se.ShowWayIn(True), ctx(participant('p1')))
    with pytest.raises(WrongPhase):
        se.decide(state, se.ShowWayIn('yes'), ctx(FACILITATOR))  # type: ignore[arg-type]
