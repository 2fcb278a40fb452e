"""Kennisquiz rules (seed 3.1.1): groups, turns, steals, opinion agreement, set-aside cards, ties, undo, timer."""

from __future__ import annotations

from typing import Any

import pytest

from facilitation.werkvormen.base import Actor, Context, Event, NotAllowed, Role, UnknownItem, WrongPhase
from facilitation.werkvormen.quiz import rules as qz

from .helpers import FACILITATOR, participant

PEOPLE = [f'p{i}' for i in range(6)]
FACT_MC = {'kind': 'feit', 'question': 'Welk nummer bel je?', 'points': 10, 'options': ['112', '0800'], 'correct': 0}
FACT_OPEN = {'kind': 'feit', 'question': 'Wie meldt het incident?', 'points': 10, 'answer': 'De medewerker zelf'}
OPINION = {'kind': 'opvatting', 'question': 'Mag je een gesprek beëindigen?', 'points': 10}


class Quiz:
    """A quiz state and a clock; commands run through decide and evolve as the room runs them."""

    def __init__(self, cards: list[dict[str, Any]], people: list[str] = PEOPLE, **config: Any) -> None:
        self.state = qz.new_state({'cards': cards, **config})
        self.people = frozenset(people)
        self.now = 1000.0

    def run(self, command: object, actor: Actor = FACILITATOR) -> list[Event]:
        events = qz.decide(self.state, command, Context(actor, self.now, self.people))  # type: ignore[arg-type]
        for event in events:
            qz.evolve(self.state, event)
        return events

    def by(self, pid: str, command: object) -> list[Event]:
        return self.run(command, participant(pid))

    def group_of(self, pid: str) -> str:
        return self.state.members[pid]

    def members(self, group: str) -> list[str]:
        return self.state.members_of(group)

    def scores(self) -> dict[str, float]:
        return {g: self.state.score(g) for g in self.state.groups}

    @property
    def card(self) -> str:
        assert self.state.card is not None
        return self.state.card.id


def started(cards: list[dict[str, Any]], groups: int = 2, **config: Any) -> Quiz:
    quiz = Quiz(cards, **config)
    quiz.run(qz.DivideGroups(groups))
    quiz.run(qz.StartQuiz())
    return quiz


def test_groups_are_balanced_over_everyone_who_joined() -> None:
    quiz = Quiz([FACT_MC], people=[f'p{i}' for i in range(7)])
    quiz.run(qz.DivideGroups(3))
    sizes = sorted(len(quiz.members(g)) for g in quiz.state.groups)
    assert sizes == [2, 2, 3]
    assert set(quiz.state.members) == quiz.people


def test_newcomers_go_to_the_smallest_group_and_the_facilitator_can_move_and_rename() -> None:
    quiz = Quiz([FACT_MC], people=['a', 'b', 'c'])
    quiz.run(qz.DivideGroups(2))
    quiz.people = frozenset({'a', 'b', 'c', 'd'})
    quiz.run(qz.PlaceNewcomers())
    assert sorted(len(quiz.members(g)) for g in quiz.state.groups) == [2, 2]
    quiz.run(qz.MoveParticipant('d', 'g1'))
    assert quiz.group_of('d') == 'g1'
    quiz.run(qz.RenameGroup('g1', 'De Balie'))
    assert quiz.state.groups['g1'].name == 'De Balie'
    with pytest.raises(UnknownItem):
        quiz.run(qz.MoveParticipant('stranger', 'g1'))


def test_participants_may_pick_a_group_when_allowed_and_keep_it_once_playing() -> None:
    quiz = Quiz([FACT_MC], people=['a', 'b', 'c', 'd'])
    quiz.run(qz.DivideGroups(2))
    with pytest.raises(WrongPhase):
        quiz.by('a', qz.ChooseGroup('g2'))  # not allowed yet
    quiz.run(qz.AllowGroupChoice(True))
    quiz.by('a', qz.ChooseGroup('g2'))
    assert quiz.group_of('a') == 'g2'
    quiz.run(qz.StartQuiz())
    with pytest.raises(qz.TooLate):
        quiz.by('a', qz.ChooseGroup('g1'))


def test_the_quiz_needs_two_groups_with_members() -> None:
    quiz = Quiz([FACT_MC], people=[])
    quiz.run(qz.DivideGroups(2))
    with pytest.raises(WrongPhase):
        quiz.run(qz.StartQuiz())


def test_groups_get_questions_in_turn() -> None:
    quiz = started([FACT_OPEN] * 5, groups=3)
    turns = []
    for _ in range(5):
        quiz.run(qz.AskCard())
        assert quiz.state.play is not None
        turns.append(quiz.state.play.turn)
        quiz.run(qz.Judge(True))
    assert turns == ['g1', 'g2', 'g3', 'g1', 'g2']


def test_a_right_answer_on_the_phone_earns_the_card_points_and_reveals_the_answer() -> None:
    quiz = started([FACT_MC])
    quiz.run(qz.AskCard())
    speaker = quiz.members('g1')[0]
    assert qz.public_view(quiz.state, 0).card.correct == -1  # type: ignore[union-attr]
    quiz.by(speaker, qz.ClaimSpokesperson(quiz.card))
    quiz.by(speaker, qz.SubmitAnswer(quiz.card, option=0))
    assert quiz.scores() == {'g1': 10, 'g2': 0}
    view = qz.public_view(quiz.state, 0)
    assert view.step is qz.Step.DONE and view.card is not None and view.card.correct == 0
    assert quiz.card not in quiz.state.aside


def test_only_the_spokesperson_of_the_group_whose_turn_it_is_answers() -> None:
    quiz = started([FACT_MC])
    quiz.run(qz.AskCard())
    first, second = quiz.members('g1')[:2]
    other = quiz.members('g2')[0]
    with pytest.raises(qz.NotYourTurn):
        quiz.by(other, qz.ClaimSpokesperson(quiz.card))
    quiz.by(first, qz.ClaimSpokesperson(quiz.card))
    with pytest.raises(qz.TooLate):
        quiz.by(second, qz.ClaimSpokesperson(quiz.card))  # the group already has a spokesperson
    with pytest.raises(qz.NotYourTurn):
        quiz.by(second, qz.SubmitAnswer(quiz.card, option=0))
    with pytest.raises(NotAllowed):
        quiz.by(first, qz.Judge(True))  # only the facilitator judges


def test_a_group_that_does_not_know_opens_the_steal_first_claim_wins_half_points() -> None:
    quiz = started([FACT_OPEN], groups=3)
    quiz.run(qz.AskCard())
    quiz.run(qz.Judge(False))
    assert quiz.state.play is not None and quiz.state.play.step is qz.Step.STEAL_OPEN
    assert quiz.state.aside == {quiz.card: qz.Aside.UNKNOWN}  # set aside: the group did not know
    with pytest.raises(qz.NotYourTurn):
        quiz.by(quiz.members('g1')[0], qz.ClaimSteal(quiz.card))  # not the group that had the turn
    quiz.by(quiz.members('g3')[0], qz.ClaimSteal(quiz.card))
    with pytest.raises(qz.TooLate):
        quiz.by(quiz.members('g2')[0], qz.ClaimSteal(quiz.card))  # one steal: g3 was first
    quiz.run(qz.Judge(True))
    assert quiz.scores() == {'g1': 0, 'g2': 0, 'g3': 5}


def test_steal_points_are_configurable_and_a_wrong_steal_earns_nothing() -> None:
    quiz = started([FACT_MC, FACT_MC], steal_percent=30)
    quiz.run(qz.AskCard())
    quiz.run(qz.Pass())
    quiz.by(quiz.members('g2')[0], qz.ClaimSteal(quiz.card))
    quiz.by(quiz.members('g2')[0], qz.SubmitAnswer(quiz.card, option=0))
    assert quiz.scores() == {'g1': 0, 'g2': 3}
    quiz.run(qz.AskCard())  # g2's turn
    quiz.run(qz.Pass())
    quiz.by(quiz.members('g1')[0], qz.ClaimSteal(quiz.card))
    quiz.by(quiz.members('g1')[0], qz.SubmitAnswer(quiz.card, option=1))
    assert quiz.scores() == {'g1': 0, 'g2': 3}
    assert quiz.state.play is not None and quiz.state.play.step is qz.Step.DONE


def test_an_unclaimed_steal_ends_the_card_without_points() -> None:
    quiz = started([FACT_OPEN])
    quiz.run(qz.AskCard())
    quiz.run(qz.Judge(False))
    quiz.run(qz.CloseSteal())
    assert quiz.scores() == {'g1': 0, 'g2': 0}
    assert qz.public_view(quiz.state, 0).card.answer == 'De medewerker zelf'  # type: ignore[union-attr]


def test_an_open_fact_answer_waits_for_the_facilitators_judgement() -> None:
    quiz = started([FACT_OPEN])
    quiz.run(qz.AskCard())
    speaker = quiz.members('g1')[0]
    quiz.by(speaker, qz.ClaimSpokesperson(quiz.card))
    quiz.by(speaker, qz.SubmitAnswer(quiz.card, text='de medewerker'))
    assert quiz.scores() == {'g1': 0, 'g2': 0}
    with pytest.raises(WrongPhase):
        quiz.by(speaker, qz.SubmitAnswer(quiz.card, text='toch iets anders'))  # given is given
    quiz.run(qz.Judge(True))
    assert quiz.scores() == {'g1': 10, 'g2': 0}


def opinion_given(quiz: Quiz) -> tuple[str, list[str]]:
    quiz.run(qz.AskCard())
    speaker, *others = quiz.members('g1')
    quiz.by(speaker, qz.ClaimSpokesperson(quiz.card))
    quiz.by(speaker, qz.SubmitAnswer(quiz.card, text='Ja, na een waarschuwing'))
    return speaker, others


def test_an_opinion_the_whole_group_agrees_with_earns_all_points() -> None:
    quiz = started([OPINION])
    _, others = opinion_given(quiz)
    assert quiz.state.play is not None and quiz.state.play.step is qz.Step.AGREEING
    for pid in others:
        quiz.by(pid, qz.Agree(quiz.card, True))
    assert quiz.state.play.step is qz.Step.AGREEING  # everyone said it, and it stays open until counted
    quiz.run(qz.CloseAgreement())
    assert quiz.scores() == {'g1': 10, 'g2': 0}
    assert quiz.card not in quiz.state.aside


def test_the_last_member_to_respond_may_still_change_their_mind_until_the_facilitator_counts() -> None:
    quiz = started([OPINION])
    _, others = opinion_given(quiz)
    for pid in others:
        quiz.by(pid, qz.Agree(quiz.card, True))
    assert quiz.scores() == {'g1': 0, 'g2': 0}
    quiz.by(others[-1], qz.Agree(quiz.card, False))  # the last one thinks again
    view = qz.public_view(quiz.state, 0)
    assert (view.responded, view.respondents) == (len(others), len(others))  # the spokesperson is not counted
    quiz.run(qz.CloseAgreement())
    assert quiz.scores() == {'g1': 5, 'g2': 0}
    assert quiz.state.aside == {quiz.card: qz.Aside.DIFFERED}


def test_the_response_count_leaves_out_the_spokesperson() -> None:
    quiz = started([OPINION])
    _, others = opinion_given(quiz)
    assert (qz.public_view(quiz.state, 0).responded, qz.public_view(quiz.state, 0).respondents) == (0, len(others))
    quiz.by(others[0], qz.Agree(quiz.card, True))
    assert qz.public_view(quiz.state, 0).responded == 1


def test_the_projection_says_whether_the_group_did_not_know_or_answered_wrong() -> None:
    quiz = started([FACT_OPEN, FACT_OPEN])
    quiz.run(qz.AskCard())
    quiz.run(qz.Judge(False))
    assert qz.public_view(quiz.state, 0).missed == 'wrong'
    quiz.run(qz.CloseSteal())
    quiz.run(qz.AskCard())
    quiz.run(qz.Pass())
    assert qz.public_view(quiz.state, 0).missed == 'unknown'


def test_an_opinion_not_everyone_agrees_with_earns_half_and_is_set_aside() -> None:
    quiz = started([OPINION])
    _, others = opinion_given(quiz)
    quiz.by(others[0], qz.Agree(quiz.card, False))
    for pid in others[1:]:
        quiz.by(pid, qz.Agree(quiz.card, True))
    quiz.run(qz.CloseAgreement())
    assert quiz.scores() == {'g1': 5, 'g2': 0}
    assert quiz.state.aside == {quiz.card: qz.Aside.DIFFERED}


def test_closing_the_agreement_early_counts_a_silent_member_as_not_agreeing() -> None:
    quiz = started([OPINION])
    _, others = opinion_given(quiz)
    quiz.by(others[0], qz.Agree(quiz.card, True))
    quiz.run(qz.CloseAgreement())
    assert quiz.scores()['g1'] == 5


def test_only_members_of_the_group_whose_turn_it_is_say_whether_they_agree() -> None:
    quiz = started([OPINION])
    opinion_given(quiz)
    with pytest.raises(qz.NotYourTurn):
        quiz.by(quiz.members('g2')[0], qz.Agree(quiz.card, False))


def test_ties_share_the_first_place() -> None:
    quiz = started([FACT_OPEN, FACT_OPEN], groups=3)
    for _ in range(2):
        quiz.run(qz.AskCard())
        quiz.run(qz.Judge(True))
    table = qz.standings(quiz.state)
    assert [(s.group, s.points, s.rank) for s in table] == [('g1', 10, 1), ('g2', 10, 1), ('g3', 0, 3)]
    assert {w.group for w in qz.winners(quiz.state)} == {'g1', 'g2'}


def test_undo_puts_the_card_back_without_rewriting_the_log() -> None:
    quiz = started([FACT_OPEN, FACT_OPEN])
    quiz.run(qz.AskCard())
    events = quiz.run(qz.Judge(False))
    assert quiz.card in quiz.state.aside
    undo = quiz.run(qz.UndoScore())
    assert [e.type for e in events + undo] == ['quiz.scored', 'quiz.undone']  # appended, not removed
    assert quiz.state.play is not None and quiz.state.play.step is qz.Step.ANSWERING
    assert quiz.card not in quiz.state.aside
    quiz.run(qz.Judge(True))
    assert quiz.scores() == {'g1': 10, 'g2': 0}
    quiz.run(qz.UndoScore())
    assert quiz.scores() == {'g1': 0, 'g2': 0}
    with pytest.raises(WrongPhase):
        quiz.run(qz.UndoScore())  # nothing left to undo on this card


def test_cards_can_be_set_aside_by_hand_and_taken_back() -> None:
    quiz = started([FACT_OPEN])
    quiz.run(qz.SetAside('c1'))
    assert quiz.state.aside == {'c1': qz.Aside.MANUAL}
    quiz.run(qz.SetAside('c1', aside=False))
    assert quiz.state.aside == {}


def test_the_timer_can_be_paused_extended_and_resumed() -> None:
    quiz = started([{**FACT_OPEN, 'time_limit': 60}])
    quiz.run(qz.AskCard())
    play = quiz.state.play
    assert play is not None and play.timer_deadline == 1060
    quiz.now = 1020
    quiz.run(qz.PauseTimer())
    assert play.timer_left == 40 and play.timer_deadline is None
    quiz.run(qz.ExtendTimer(30))
    assert play.timer_left == 70
    quiz.now = 2000
    quiz.run(qz.ResumeTimer())
    assert play.timer_deadline == 2070
    quiz.run(qz.StopTimer())  # the facilitator skips the clock
    assert play.timer_deadline is None and play.timer_left is None
    quiz.run(qz.ExtendTimer(30))  # and may give time again
    assert play.timer_deadline == 2030
    quiz.run(qz.Judge(True))
    assert play.timer_deadline is None  # a done card has no clock


def test_a_card_is_asked_only_when_the_previous_one_is_done() -> None:
    quiz = started([FACT_OPEN, FACT_OPEN])
    quiz.run(qz.AskCard())
    with pytest.raises(WrongPhase):
        quiz.run(qz.AskCard())
    with pytest.raises(WrongPhase):
        quiz.run(qz.EndQuiz())


def test_a_late_tap_for_an_earlier_card_is_refused() -> None:
    quiz = started([FACT_MC, FACT_MC])
    quiz.run(qz.AskCard())
    quiz.run(qz.Judge(True))
    quiz.run(qz.AskCard())
    with pytest.raises(qz.TooLate):
        quiz.by(quiz.members('g2')[0], qz.ClaimSpokesperson('c1'))


def test_participants_without_a_group_and_other_roles_are_refused() -> None:
    quiz = started([FACT_MC])
    quiz.run(qz.AskCard())
    quiz.people = quiz.people | {'late'}
    with pytest.raises(qz.NoGroup):
        quiz.by('late', qz.ClaimSteal(quiz.card))
    with pytest.raises(NotAllowed):
        quiz.run(qz.ClaimSteal(quiz.card), Actor(Role.PROJECTOR, 'projector'))
    with pytest.raises(NotAllowed):
        quiz.by(PEOPLE[0], qz.AskCard())


def test_the_public_view_never_holds_the_right_answer_before_the_card_is_done() -> None:
    quiz = started([FACT_MC, FACT_OPEN])
    quiz.run(qz.AskCard())
    quiz.run(qz.Pass())
    for view in (qz.public_view(quiz.state, 0), qz.participant_view(quiz.state, PEOPLE[0], 0).public):
        assert view.card is not None and view.card.correct == -1 and view.card.answer == ''
    quiz.run(qz.CloseSteal())
    quiz.run(qz.AskCard())
    assert qz.public_view(quiz.state, 0).card.answer == ''  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ('card', 'problem'),
    [
        ({'kind': 'feit', 'question': 'Zonder antwoord?', 'points': 5}, 'answer'),
        ({'kind': 'raadsel', 'question': 'Onbekende soort', 'answer': 'x'}, 'kind'),
        ({'kind': 'feit', 'question': 'Negatief', 'points': -1, 'answer': 'x'}, 'points'),
        ({'kind': 'feit', 'question': 'Welke?', 'options': ['a', 'b']}, 'correct'),
        ({'kind': 'feit', 'question': 'Welke?', 'options': ['a', 'b'], 'correct': 2}, 'correct'),
    ],
)
def test_a_bad_card_is_refused_naming_the_card(card: dict[str, Any], problem: str) -> None:
    quiz = Quiz([])
    with pytest.raises(qz.InvalidCard) as refused:
        quiz.run(qz.AddCard(**{**card, 'options': tuple(card.get('options', ()))}))
    assert refused.value.params == {'card': card['question'], 'problem': problem}


def test_cards_can_be_edited_or_removed_until_asked() -> None:
    quiz = started([FACT_OPEN, FACT_OPEN])
    quiz.run(qz.EditCard('c2', 'opvatting', 'Nieuwe vraag', 4))
    assert quiz.state.cards['c2'].question == 'Nieuwe vraag' and quiz.state.cards['c2'].kind is qz.Kind.OPINION
    quiz.run(qz.AskCard())
    with pytest.raises(qz.TooLate):
        quiz.run(qz.RemoveCard('c1'))
    quiz.run(qz.RemoveCard('c2'))
    assert list(quiz.state.cards) == ['c1']
    quiz.run(qz.AddCard('feit', 'Nog een', 3, answer='ja'))
    assert list(quiz.state.cards) == ['c1', 'c3']  # ids are never reused


def test_the_summary_has_scores_per_card_results_and_cards_set_aside() -> None:
    quiz = started([FACT_OPEN, OPINION])
    quiz.run(qz.AskCard())
    quiz.run(qz.Judge(True))
    quiz.run(qz.AskCard())
    speaker, *others = quiz.members('g2')
    quiz.by(speaker, qz.ClaimSpokesperson('c2'))
    quiz.by(speaker, qz.SubmitAnswer('c2', text='Nee'))
    for pid in others:
        quiz.by(pid, qz.Agree('c2', pid != others[0]))
    quiz.run(qz.CloseAgreement())
    quiz.run(qz.EndQuiz())
    result = qz.summary(quiz.state)
    assert [(s.group, s.points) for s in result.standings] == [('g1', 10), ('g2', 5)]
    assert [w.group for w in result.winners] == ['g1']
    assert [(r.card.id, r.outcome) for r in result.results] == [
        ('c1', (('g1', 10, 'correct'),)),
        ('c2', (('g2', 5, 'half'),)),
    ]
    assert [(c.id, why) for c, why in result.aside] == [('c2', qz.Aside.DIFFERED)]


def test_importing_a_deck_replaces_the_cards_not_asked_yet_in_one_step() -> None:
    quiz = started([FACT_OPEN, FACT_OPEN])
    quiz.run(qz.AskCard())
    events = quiz.run(qz.ImportCards((OPINION, FACT_MC)))
    assert len(events) == 1
    assert list(quiz.state.cards) == ['c1', 'c3', 'c4']  # the asked card stays; c2 made way
    with pytest.raises(qz.InvalidCard):
        quiz.run(qz.ImportCards((OPINION, {'kind': 'feit', 'question': 'Kapot'})))
    assert list(quiz.state.cards) == ['c1', 'c3', 'c4']  # a bad card refuses the whole import


def test_undoing_an_automatic_score_gives_the_spokesperson_the_answer_back() -> None:
    quiz = started([FACT_MC])
    quiz.run(qz.AskCard())
    speaker = quiz.members('g1')[0]
    quiz.by(speaker, qz.ClaimSpokesperson(quiz.card))
    quiz.by(speaker, qz.SubmitAnswer(quiz.card, option=1))  # a mis-tap: wrong
    quiz.run(qz.UndoScore())
    assert quiz.state.play is not None and quiz.state.play.answer == '' and quiz.state.aside == {}
    quiz.by(speaker, qz.SubmitAnswer(quiz.card, option=0))
    assert quiz.scores() == {'g1': 10, 'g2': 0}
