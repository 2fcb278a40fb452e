"""The arena's projections as plain values: what the console offers next (the next planned question, the next round),
what remains of the plan and what waits for moderation, and the queue a phone of the outer ring may support."""

from __future__ import annotations

import pytest
import yaml

from facilitation.werkvormen.arena import rules as ar
from facilitation.werkvormen.arena.content import plan_yaml

from .test_arena import Arena, seated


def running() -> Arena:
    arena = seated()
    arena.run(ar.StartRound())
    return arena


def test_the_next_question_is_the_first_planned_one_not_asked_in_the_gespreksleiders_round() -> None:
    arena = seated()
    assert ar.console_view(arena.state, 3).next_question == ''  # no round yet
    arena.run(ar.StartRound())
    view = ar.console_view(arena.state, 3)
    assert view.next_question == 'q1' and [q.id for q in view.remaining] == ['q1', 'q2']
    arena.run(ar.AskQuestion('q2'))  # asked out of order
    view = ar.console_view(arena.state, 3)
    assert view.next_question == 'q1' and [q.id for q in view.remaining] == ['q1']
    arena.run(ar.AskQuestion(view.next_question))  # what the console offers is what decide asks
    assert arena.state.current is not None and arena.state.current.ref == 'q1'
    view = ar.console_view(arena.state, 3)
    assert view.next_question == '' and view.remaining == ()
    assert [q.id for q in view.questions] == ['q1', 'q2']  # the plan stays whole


def test_the_outer_rings_round_offers_no_planned_question() -> None:
    arena = running()
    arena.run(ar.StartRound())  # round 2, the outer ring's
    view = ar.console_view(arena.state, 3)
    assert [q.id for q in view.remaining] == ['q1', 'q2'] and view.next_question == ''


def test_the_next_round_is_offered_by_its_number_while_there_is_one() -> None:
    arena = seated()
    assert ar.console_view(arena.state, 3).next_round == 1  # the set-up starts the first
    arena.run(ar.StartRound())
    assert ar.console_view(arena.state, 3).next_round == 2
    arena.run(ar.StartRound())
    assert arena.state.round == 'r2' and ar.console_view(arena.state, 3).next_round == 0  # the last one runs
    arena.run(ar.EndRound())
    assert ar.console_view(arena.state, 3).next_round == 0  # between rounds: StartRound would begin at the first again


def test_held_questions_wait_oldest_first_with_a_name_only_when_chosen() -> None:
    arena = running()
    arena.run(ar.StartRound())
    arena.by('p3', ar.SubmitQuestion('Hoe vangen jullie elkaar op?', show_name=True))
    arena.by('p4', ar.SubmitQuestion('Wat mist er?', show_name=False))
    held = ar.console_view(arena.state, 3).pending
    assert [(q.id, q.text, q.author) for q in held] == [
        ('o1', 'Hoe vangen jullie elkaar op?', 'p3'),
        ('o2', 'Wat mist er?', ''),
    ]
    arena.run(ar.Approve('o1'))
    arena.run(ar.Reject('o2'))
    assert ar.console_view(arena.state, 3).pending == ()
    assert [q.id for q in ar.public_view(arena.state, 3).queue] == ['o1']


def test_an_outer_phone_supports_from_the_queue_in_the_order_sent_and_the_inner_ring_has_none() -> None:
    arena = running()
    arena.run(ar.StartRound())
    for pid, text in (('p3', 'Eerste'), ('p4', 'Tweede')):
        arena.by(pid, ar.SubmitQuestion(text, show_name=False))
    arena.run(ar.Approve('o1'))
    arena.run(ar.Approve('o2'))
    arena.by('p3', ar.Support('o2'))
    arena.by('p5', ar.Support('o2'))
    assert [q.id for q in ar.public_view(arena.state, 3).queue] == ['o2', 'o1']  # the projector: most supported first
    mine = ar.participant_view(arena.state, 'p4', 3)
    assert [(q.id, q.support) for q in mine.supportable] == [('o1', 0), ('o2', 2)]  # the phone: as sent, stays put
    assert ar.participant_view(arena.state, 'p1', 3).supportable == ()  # the inner ring supports nothing
    arena.run(ar.PickQuestion('o2'))
    assert [q.id for q in ar.participant_view(arena.state, 'p4', 3).supportable] == ['o1']  # asked: out of the queue


def test_the_console_projection_holds_the_rings_the_requests_the_plan_and_the_points() -> None:
    arena = running()
    arena.run(ar.AllowSwitch(True))
    arena.by('p4', ar.RequestSwitch())
    arena.run(ar.SetRoundSeconds('r2', 1200))
    arena.run(ar.RecordPoint('impact', 'Het raakt ons allemaal'))
    view = ar.console_view(arena.state, 3)
    assert dict(view.members) == arena.state.members and view.switch_requests == ('p4',)
    assert [(r.id, r.kind, r.seconds) for r in view.rounds] == [
        ('r1', ar.RoundKind.LEADER, 600),
        ('r2', ar.RoundKind.OUTER, 1200),
    ]
    assert [(p.tag, p.text) for p in view.points] == [(ar.Tag.IMPACT, 'Het raakt ons allemaal')]
    with pytest.raises(AttributeError):
        view.points = ()  # type: ignore[misc]
    assert ar.console_view(arena.state, 3) == view  # pure: the same state gives the same projection


def test_the_plan_file_is_made_from_the_console_projection() -> None:
    arena = seated()
    arena.run(ar.AddQuestion('Wat heb je nodig?', 240, 'verwachting'))
    plan = yaml.safe_load(plan_yaml(ar.console_view(arena.state, 3)))
    assert plan['title'] == 'Arena: leidinggevenden en balie'
    assert [r['minutes'] for r in plan['rounds']] == [10, 15]
    assert plan['questions'][-1] == {'text': 'Wat heb je nodig?', 'tag': 'verwachting', 'minutes': 4}
