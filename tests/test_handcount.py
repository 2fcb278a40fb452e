"""Hand counts for people without a phone (seed 3.1.2: green and red cards, an eens/oneens corner; 5.3: standing
up; 3.1.1: a group's answer and agreement): the facilitator records them, the tally and the minimum count both, and
the result says which part was counted in the room."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitation.werkvormen.base import NotAllowed, WrongPhase
from facilitation.werkvormen.handcount import InvalidCount
from facilitation.werkvormen.statements import rules as st

from .helpers import participant
from .test_statements import run, vote

if TYPE_CHECKING:
    from .test_quiz import Quiz


@pytest.fixture
def voting() -> st.State:
    state = st.new_state({'statements': [{'text': 'Ik mag een gesprek beëindigen bij schelden.'}]})
    run(state, st.ShowStatement('s1'))
    run(state, st.OpenVoting())
    return state


def test_a_hand_count_is_added_to_the_phone_votes_and_says_which_was_which(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    run(voting, st.CountHands(4, 2))
    run(voting, st.CloseVoting())
    run(voting, st.Reveal())
    (result,) = st.public_view(voting, 3).results
    assert (result.tally.eens, result.tally.oneens, result.tally.total) == (5, 2, 7)
    assert (result.tally.channels.phone, result.tally.channels.room) == (1, 6)
    assert st.voted(voting) == 1  # the console's phone count stays the phones'


def test_the_minimum_counts_the_room_too(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    run(voting, st.CloseVoting())
    assert not st.tally(voting.statements['s1'].rounds[-1], 3).shown  # one phone vote: hidden
    run(voting, st.CountHands(1, 1))  # counted after closing, before the reveal
    assert st.tally(voting.statements['s1'].rounds[-1], 3).shown


def test_a_new_count_replaces_the_earlier_one_and_the_same_count_changes_nothing(voting: st.State) -> None:
    run(voting, st.CountHands(3, 3))
    run(voting, st.CountHands(3, 4))
    assert run(voting, st.CountHands(3, 4)) == []
    assert st.tally(voting.statements['s1'].rounds[-1], 3).room == 7


@pytest.mark.parametrize('bad', [-1, 1001, 2.5, '3', True, None])
def test_a_count_that_is_not_a_number_of_people_is_refused_and_changes_nothing(voting: st.State, bad) -> None:
    with pytest.raises(InvalidCount):
        run(voting, st.CountHands(bad, 0))
    assert st.tally(voting.statements['s1'].rounds[-1], 3).room == 0


def test_a_revealed_result_is_not_recounted_and_phones_may_not_count(voting: st.State) -> None:
    with pytest.raises(NotAllowed):
        run(voting, st.CountHands(1, 1), participant('p1'))
    run(voting, st.CloseVoting())
    run(voting, st.Reveal())
    with pytest.raises(WrongPhase):
        run(voting, st.CountHands(1, 1))


# --- lagerhuis: standing up without a phone ---------------------------------------------------------------------


def test_someone_without_a_phone_queues_in_order_gets_the_floor_and_counts_for_their_side() -> None:
    from facilitation.werkvormen.lagerhuis import rules as lh

    from .test_lagerhuis import debating

    debate = debating()
    voor = debate.side(lh.Side.VOOR)[0]
    debate.by(voor, lh.RequestFloor())
    debate.run(lh.QueueInRoom('tegen', 'Ans'))
    debate.run(lh.QueueInRoom('voor'))
    view = lh.public_view(debate.state, 3)
    assert view.queue == ((voor, lh.Side.VOOR), ('z1', lh.Side.TEGEN), ('z2', lh.Side.VOOR))  # order of arrival
    assert view.in_room == (('z1', 'Ans'), ('z2', ''))
    assert view.sizes == (3, 3)  # the sides' phone members: nobody was added to a side's list
    debate.run(lh.GiveFloor())
    debate.run(lh.GiveFloor())  # to Ans, in the room
    assert lh.public_view(debate.state, 3).speaker_side is lh.Side.TEGEN
    debate.run(lh.RecordArgument('tegen', 'Een gesprek stoppen voelt als opgeven.'))
    assert debate.state.arguments['a1'].speaker == 'z1'
    debate.run(lh.EndTurn())
    assert lh.public_view(debate.state, 3).turns.phone == 1 and lh.public_view(debate.state, 3).turns.room == 1


def test_queueing_from_the_room_is_the_facilitators_during_the_debate_and_checks_its_input() -> None:
    from facilitation.werkvormen.base import TextTooLong, UnknownItem
    from facilitation.werkvormen.lagerhuis import rules as lh

    from .test_lagerhuis import Debate, debating

    with pytest.raises(WrongPhase):
        Debate().run(lh.QueueInRoom('voor'))
    debate = debating()
    with pytest.raises(NotAllowed):
        debate.by('p1', lh.QueueInRoom('voor'))
    with pytest.raises(UnknownItem):
        debate.run(lh.QueueInRoom('midden'))
    with pytest.raises(TextTooLong):
        debate.run(lh.QueueInRoom('voor', 'x' * 41))
    assert debate.state.queue == [] and debate.state.in_room == {}


def test_the_lagerhuis_summary_says_how_many_turns_came_from_the_room() -> None:
    from facilitation import session as se
    from facilitation.export import summary_markdown
    from facilitation.werkvormen.lagerhuis import rules as lh

    from .helpers import FACILITATOR

    state = se.SessionState('sid')
    commands: list[tuple[object, object]] = [
        (FACILITATOR, se.CreateSession('W', '', 'ABCDE')),
        (FACILITATOR, se.AddActivity('lagerhuis', 'Lagerhuis', {'statement': 'Stelling'})),
        (FACILITATOR, se.StartActivity('a1')),
        (participant('p1'), se.Join()),
        (participant('p2'), se.Join()),
        (FACILITATOR, se.ForActivity('a1', lh.DivideSides())),
        (FACILITATOR, se.ForActivity('a1', lh.StartDebate())),
        (participant('p1'), se.ForActivity('a1', lh.RequestFloor())),
        (FACILITATOR, se.ForActivity('a1', lh.QueueInRoom('tegen'))),
        (FACILITATOR, se.ForActivity('a1', lh.GiveFloor())),
        (FACILITATOR, se.ForActivity('a1', lh.GiveFloor())),
        (FACILITATOR, se.ForActivity('a1', lh.EndDebate())),
    ]
    for actor, command in commands:
        for event in se.decide(state, command, se.Context(actor, 1.0)):  # type: ignore[arg-type]
            se.evolve(state, event)
    assert 'Beurten: 1 via telefoon, 1 geteld in de zaal' in summary_markdown(state)


# --- kennisquiz: members without a phone ----------------------------------------------------------------------


def test_a_group_without_phones_takes_its_turn_and_its_raised_hands_decide_the_opinion() -> None:
    from facilitation.werkvormen.quiz import rules as qz

    from .test_quiz import FACT_OPEN, OPINION, Quiz

    quiz = Quiz([FACT_OPEN, FACT_OPEN, OPINION], people=['p1', 'p2'])
    quiz.run(qz.DivideGroups(3))  # two phones: the third group has none
    quiz.run(qz.SetRoomMembers('g3', 4))
    quiz.run(qz.StartQuiz())
    for _ in range(2):  # groups 1 and 2
        quiz.run(qz.AskCard())
        quiz.run(qz.Judge(True))
    quiz.run(qz.AskCard())
    assert quiz.state.play is not None and quiz.state.play.turn == 'g3'  # its turn, without a phone in it
    quiz.run(qz.SubmitAnswer('', text='Ja, na een waarschuwing'))  # given aloud, typed by the facilitator
    assert quiz.state.play.step is qz.Step.AGREEING  # the other three say it with their hands
    quiz.run(qz.CountAgreement(3, 0))
    quiz.run(qz.CloseAgreement())
    assert quiz.scores()['g3'] == 10
    assert [s.members for s in qz.standings(quiz.state) if s.group == 'g3'] == [4]


def phones_agree(room: int, cards: int = 2) -> tuple[Quiz, list[str]]:
    """A quiz of opinion cards, group 1 with `room` members without a phone: its spokesperson gives the first card's
    answer and every other member with a phone agrees; the room is not counted yet."""
    from facilitation.werkvormen.quiz import rules as qz

    from .test_quiz import OPINION, opinion_given, started

    quiz = started([OPINION] * cards)
    quiz.run(qz.SetRoomMembers('g1', room))
    _, others = opinion_given(quiz)
    for pid in others:
        quiz.by(pid, qz.Agree(quiz.card, True))
    return quiz, others


def test_hands_counted_in_the_room_join_the_phone_responses() -> None:
    from facilitation.werkvormen.quiz import rules as qz

    quiz, _ = phones_agree(3)
    with pytest.raises(WrongPhase):
        quiz.run(qz.CountAgreement(3, 1))  # more hands than members without a phone: refused, nothing changes
    quiz.run(qz.CountAgreement(2, 1))
    assert qz.public_view(quiz.state, 0).counted == (2, 1)
    quiz.run(qz.CountAgreement(3, 0))  # counted again: the last count holds
    quiz.run(qz.CloseAgreement())
    assert quiz.scores()['g1'] == 10  # every phone and every hand agrees


def test_a_hand_against_halves_the_points_and_an_uncounted_room_has_not_agreed() -> None:
    from facilitation.werkvormen.quiz import rules as qz

    quiz, _ = phones_agree(2)
    quiz.run(qz.CountAgreement(1, 1))
    quiz.run(qz.CloseAgreement())
    assert quiz.scores()['g1'] == 5
    with pytest.raises(InvalidCount):
        quiz.run(qz.SetRoomMembers('g2', -1))
    with pytest.raises(NotAllowed):
        quiz.by('p1', qz.CountAgreement(1, 0))


def test_the_quiz_summary_says_how_many_reacted_by_phone_and_how_many_were_counted_in_the_room() -> None:
    from facilitation.werkvormen.quiz import rules as qz
    from facilitation.werkvormen.quiz.outcome import quiz_channels

    from .test_quiz import OPINION, started

    quiz, others = phones_agree(3)
    quiz.run(qz.CountAgreement(3, 0))
    quiz.run(qz.CloseAgreement())
    (result,) = qz.summary(quiz.state).results
    assert quiz_channels('nl', result) == f' ({len(others)} via telefoon, 3 geteld in de zaal)'
    assert qz.summary(started([OPINION]).state).results == ()  # nothing asked: nothing to say


def test_the_spreadsheet_puts_the_quizs_phone_and_room_counts_under_their_own_headings() -> None:
    """summary_csv: a card's reactions by phone and counted in the room stand in 'via telefoon' and 'geteld in de
    zaal' (they once slid two columns left, under the nabespreking's notes), and every row fills the header."""
    import csv
    import io

    from facilitation import session as se
    from facilitation.export import summary_csv
    from facilitation.werkvormen.quiz import rules as qz

    quiz, others = phones_agree(3, cards=1)
    quiz.run(qz.CountAgreement(3, 0))
    quiz.run(qz.CloseAgreement())
    session = se.SessionState('s1')
    session.activities['a1'] = se.Activity('a1', qz.KIND, 'Kennisquiz', quiz.state)
    header, *rows = csv.reader(io.StringIO(summary_csv(session, 'nl')))
    assert all(len(row) == len(header) for row in rows)
    card = dict(zip(header, rows[0], strict=True))
    assert (card['via telefoon'], card['geteld in de zaal']) == (str(len(others)), '3')
    assert card['wat werkt in de praktijk'] == card['wat moet anders'] == ''
