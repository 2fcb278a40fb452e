"""The lagerhuis's projections as plain values: what may be answered (the same rule as decide), and the console's
projection (the set-up, the sides, both sides' notes, the turns and who can be placed)."""

from __future__ import annotations

import pytest

from facilitation.werkvormen.base import Context, WrongPhase
from facilitation.werkvormen.lagerhuis import rules as lh

from .helpers import participant
from .test_lagerhuis import Debate, debating


def answerable_ids(debate: Debate, pid: str) -> tuple[str, ...]:
    return tuple(a.id for a in lh.participant_view(debate.state, pid, 3).answerable)


def test_the_projection_says_per_argument_whether_it_may_be_answered() -> None:
    debate = debating()
    debate.run(lh.RecordArgument('voor', 'Eerste'))
    debate.run(lh.RecordArgument('voor', 'Tweede'))
    debate.run(lh.StrikeArgument('a2', 'herhaling'))
    view = lh.public_view(debate.state, 3)
    assert [(a.label, a.answerable) for a in view.arguments] == [('V1', True), ('V2', False)]
    debate.run(lh.RestoreArgument('a2'))
    assert all(a.answerable for a in lh.public_view(debate.state, 3).arguments)


def test_a_phone_is_offered_exactly_what_decide_accepts_as_an_answer() -> None:
    debate = debating()
    voor, tegen = debate.side(lh.Side.VOOR)[0], debate.side(lh.Side.TEGEN)[0]
    debate.run(lh.RecordArgument('voor', 'V een'))
    debate.run(lh.RecordArgument('voor', 'V twee'))
    debate.run(lh.RecordArgument('tegen', 'T een'))
    debate.run(lh.StrikeArgument('a2', 'herhaling'))
    assert answerable_ids(debate, tegen) == ('a1',)  # the other side's, not the struck one
    assert answerable_ids(debate, voor) == ('a3',)
    assert answerable_ids(debate, 'nobody') == ()  # no side, nothing to answer
    debate.by(tegen, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    for argument in lh.public_view(debate.state, 3).arguments:
        offered = argument.id in answerable_ids(debate, tegen)
        context = Context(participant(tegen), debate.now, debate.people)
        try:
            lh.decide(debate.state, lh.SubmitArgument('Antwoord', argument.id), context)  # decide changes nothing
        except (lh.ArgumentStruck, WrongPhase):  # struck, or of one's own side
            accepted = False
        else:
            accepted = True
        assert offered == accepted, argument.label


def test_the_console_projection_holds_the_set_up_the_sides_the_notes_and_the_turns() -> None:
    debate = Debate(prep_seconds=120, turn_seconds=45, suggestions=['Stelling A', 'Stelling B'])
    before = lh.console_view(debate.state, 3)
    assert before.suggestions == ('Stelling A', 'Stelling B')
    assert (before.prep_seconds, before.turn_seconds) == (120, 45)
    assert before.members == () and not before.places_newcomers  # nobody to place before the sides are divided
    debate.run(lh.DivideSides())
    debate.run(lh.StartPreparation())
    voor, tegen = debate.side(lh.Side.VOOR)[0], debate.side(lh.Side.TEGEN)[0]
    debate.by(voor, lh.AddNote('Veiligheid'))
    debate.by(tegen, lh.AddNote('Service'))
    view = lh.console_view(debate.state, 3)
    assert dict(view.members) == debate.state.members and view.places_newcomers
    assert [(n.side, n.text) for n in view.notes] == [(lh.Side.VOOR, 'Veiligheid'), (lh.Side.TEGEN, 'Service')]
    debate.run(lh.StartDebate())
    debate.by(voor, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    debate.now += 30
    debate.run(lh.EndTurn())
    debate.run(lh.QueueInRoom('tegen', 'Ans'))
    debate.run(lh.GiveFloor())
    turns = lh.console_view(debate.state, 3).turns
    assert [(turn.speaker, turn.side, turn.end is None) for turn in turns] == [
        (voor, lh.Side.VOOR, False),
        ('z1', lh.Side.TEGEN, True),
    ]
    debate.run(lh.EndDebate())
    assert not lh.console_view(debate.state, 3).places_newcomers  # the nabespreking places nobody


def test_the_console_is_offered_the_steps_and_the_clock_its_stage_allows() -> None:
    debate = Debate(prep_seconds=120)

    def offered() -> tuple[bool, bool, bool]:
        view = lh.console_view(debate.state, 3)
        return view.offers_preparation, view.offers_debate, view.has_clock

    assert offered() == (True, True, False)  # the set-up: prepare first, or debate at once
    debate.run(lh.DivideSides())
    debate.run(lh.StartPreparation())
    assert offered() == (False, True, True)  # the preparation's clock
    debate.run(lh.StartDebate())
    assert offered() == (False, False, False)  # nobody speaks: no clock to give time to
    with pytest.raises(lh.WrongPhase):
        debate.run(lh.ExtendTimer(30))  # as decide has it
    voor = debate.side(lh.Side.VOOR)[0]
    debate.by(voor, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    assert offered() == (False, False, True)  # the speaker's clock
    debate.run(lh.EndDebate())
    assert offered() == (False, False, False)


def test_the_projections_are_frozen_plain_values() -> None:
    debate = debating()
    debate.run(lh.RecordArgument('voor', 'Eerste'))
    view = lh.console_view(debate.state, 3)
    with pytest.raises(AttributeError):
        view.members = ()  # type: ignore[misc]
    assert isinstance(view.members, tuple) and isinstance(lh.participant_view(debate.state, 'p0', 3).answerable, tuple)
    assert lh.console_view(debate.state, 3) == view  # pure: the same state gives the same projection
