"""The kennisquiz console's projection: the buttons each step offers and what they act on, the groups, the deck,
the newcomers; and what the public view adds (the steal percentage, the cards set aside once finished)."""

from __future__ import annotations

from facilitation.werkvormen.quiz import rules as qz

from .test_quiz import FACT_MC, FACT_OPEN, OPINION, PEOPLE, Quiz, started


def console(quiz: Quiz) -> qz.ConsoleView:
    return qz.console_view(quiz.state, 0)


def keys(view: qz.ConsoleView) -> dict[str, str]:
    """The buttons on offer now, by name, with their label key."""
    offers = {
        'next': view.next_step,
        'correct': view.correct,
        'wrong': view.wrong,
        'not_known': view.not_known,
        'close_steal': view.close_steal,
        'close_agreement': view.close_agreement,
        'undo': view.undo,
        'aside': view.set_aside,
    }
    return {name: offer.key for name, offer in offers.items() if offer is not None}


def test_the_quiz_starts_once_two_groups_play_along() -> None:
    quiz = Quiz([FACT_MC], people=[])
    assert (console(quiz).ready, keys(console(quiz))) == (False, {})
    quiz.run(qz.DivideGroups(2))
    assert console(quiz).next_step is None  # groups without members take no turns
    quiz.run(qz.SetRoomMembers('g1', 3))
    quiz.run(qz.SetRoomMembers('g2', 2))
    assert console(quiz).ready
    assert console(quiz).next_step == qz.Offer('quiz.start', qz.StartQuiz())


def test_an_open_fact_offers_the_verdicts_then_the_steal_then_the_next_card() -> None:
    quiz = started([FACT_OPEN, FACT_MC])
    assert keys(console(quiz)) == {'next': 'quiz.ask_next'}
    quiz.run(qz.AskCard())
    assert keys(console(quiz)) == {
        'correct': 'quiz.correct',
        'wrong': 'quiz.wrong',
        'not_known': 'quiz.not_known',
        'aside': 'quiz.set_aside',
    }
    quiz.run(qz.Judge(False))
    view = console(quiz)
    assert keys(view) == {'close_steal': 'quiz.close_steal', 'undo': 'quiz.undo', 'aside': 'quiz.unset_aside'}
    assert view.close_steal == qz.Offer('quiz.close_steal', qz.CloseSteal(), quiz.card)
    assert view.undo == qz.Offer('quiz.undo', qz.UndoScore(), 1, 'undo')  # about the first decision on this card
    quiz.run(qz.CloseSteal())
    assert keys(console(quiz)) == {'next': 'quiz.ask_next', 'undo': 'quiz.undo', 'aside': 'quiz.unset_aside'}


def test_a_verdict_is_about_the_answer_it_was_shown_for() -> None:
    quiz = started([FACT_OPEN])
    quiz.run(qz.AskCard())
    before = console(quiz).correct
    speaker = quiz.members('g1')[0]
    quiz.by(speaker, qz.ClaimSpokesperson(quiz.card))
    quiz.by(speaker, qz.SubmitAnswer(quiz.card, text='De leidinggevende'))
    after = console(quiz).correct
    assert before is not None and after is not None
    assert (before.command, after.command) == (qz.Judge(True), qz.Judge(True))
    assert before.about != after.about  # a click made on the earlier one does nothing
    assert console(quiz).not_known is None  # an answer was given: it is right or wrong


def test_an_opinion_offers_counting_the_responses_while_the_members_agree() -> None:
    quiz = started([OPINION])
    quiz.run(qz.AskCard())
    assert console(quiz).correct is None  # an opinion given aloud is typed, not judged
    speaker = quiz.members('g1')[0]
    quiz.by(speaker, qz.ClaimSpokesperson(quiz.card))
    quiz.by(speaker, qz.SubmitAnswer(quiz.card, text='Ja'))
    view = console(quiz)
    assert view.close_agreement == qz.Offer('quiz.close_agreement', qz.CloseAgreement(), quiz.card)
    assert view.public.respondents - view.public.responded == len(quiz.members('g1')) - 1  # not responded yet


def test_the_clock_offers_what_it_can_do_now() -> None:
    quiz = started([{**FACT_OPEN, 'time_limit': 60}])
    assert console(quiz).clock == qz.ClockOffer()
    quiz.run(qz.AskCard())
    assert console(quiz).clock == qz.ClockOffer(pause=True, extend=True, stop=True)
    quiz.run(qz.PauseTimer())
    assert console(quiz).clock == qz.ClockOffer(resume=True, extend=True, stop=True)
    quiz.run(qz.Judge(True))
    assert console(quiz).clock == qz.ClockOffer()  # a card that is done has no clock


def test_the_deck_says_per_card_what_may_be_done() -> None:
    quiz = started([FACT_OPEN, FACT_MC])
    rows = console(quiz).deck
    assert [(r.card.id, r.position, r.asked, r.editable, r.can_ask) for r in rows] == [
        ('c1', 1, False, True, True),
        ('c2', 2, False, True, True),
    ]
    quiz.run(qz.AskCard('c2'))
    quiz.run(qz.SetAside('c2', True))
    view = console(quiz)
    assert view.deck_row('c2') == qz.DeckRow(quiz.state.cards['c2'], 2, True, True, False, False)
    assert view.deck_row('c1') == qz.DeckRow(quiz.state.cards['c1'], 1, False, False, True, False)  # one at a time
    assert view.deck_row('c9') is None
    assert view.card == quiz.state.cards['c2'] and view.card.correct == 0  # the facilitator sees the answer


def test_the_groups_and_the_newcomers() -> None:
    quiz = Quiz([FACT_MC], people=PEOPLE[:4])
    assert console(quiz).newcomers(PEOPLE) == 0  # no groups yet: nobody to place
    quiz.run(qz.DivideGroups(2))
    quiz.run(qz.SetRoomMembers('g2', 2))
    view = console(quiz)
    assert [(g.id, len(g.members), g.room) for g in view.groups] == [('g1', 2, 0), ('g2', 2, 2)]
    assert view.group('g2') == qz.GroupRow('g2', tuple(quiz.members('g2')), 2)
    assert view.newcomers(PEOPLE) == 2


def test_the_public_view_has_the_steal_percentage_and_at_the_end_the_cards_set_aside() -> None:
    quiz = started([FACT_OPEN, FACT_MC], steal_percent=40)
    quiz.run(qz.AskCard())
    quiz.run(qz.Pass())
    quiz.run(qz.CloseSteal())
    public = qz.public_view(quiz.state, 0)
    assert (public.steal_percent, public.aside) == (40, ())  # set aside, shown only at the end
    quiz.run(qz.EndQuiz())
    assert qz.public_view(quiz.state, 0).aside == ((FACT_OPEN['question'], qz.Aside.UNKNOWN),)
