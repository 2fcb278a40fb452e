"""The projector's language is the console's choice, kept in the session's log (a restart keeps it)."""

from __future__ import annotations

import pytest

from facilitation import session as se
from facilitation.werkvormen.base import NotAllowed, WrongPhase

from .helpers import FACILITATOR, ctx, fold, participant

CREATE = (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE'))


def test_the_console_sets_the_projectors_language_and_the_log_keeps_it() -> None:
    state, _ = fold([CREATE])
    assert state.projector_language is None  # until the console chooses: the projector's own browser
    state, log = fold([CREATE, (FACILITATOR, se.SetProjectorLanguage('en'))])
    assert state.projector_language == 'en'
    assert log[-1].type == 'session.projector_language' and log[-1].data == {'language': 'en'}
    assert se.decide(state, se.SetProjectorLanguage('en'), ctx(FACILITATOR)) == []  # already so: nothing to log


def test_only_the_facilitator_chooses_and_only_a_language_the_product_speaks() -> None:
    state, _ = fold([CREATE])
    with pytest.raises(NotAllowed):
        se.decide(state, se.SetProjectorLanguage('en'), ctx(participant('p1')))
    for wrong in ('de', '', 'EN', None):
        with pytest.raises(WrongPhase):
            se.decide(state, se.SetProjectorLanguage(wrong), ctx(FACILITATOR))  # type: ignore[arg-type]
