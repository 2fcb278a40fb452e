"""Arenagesprek rules (seed 5.1): rings, rounds, planned and typed questions, the outer ring's questions with
moderation and one support each, clocks on an injected clock (pause, extend, overrun, restart), key points."""

from __future__ import annotations

from typing import Any

import pytest

from facilitation.werkvormen.arena import rules as ar
from facilitation.werkvormen.base import Actor, Context, EmptyText, Event, NotAllowed, Role, UnknownItem, WrongPhase

from .helpers import FACILITATOR, participant

PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5']
PLAN = {
    'title': 'Arena: leidinggevenden en balie',
    'rounds': [
        {'kind': 'gespreksleider', 'title': 'Ronde 1', 'seconds': 600},
        {'kind': 'buitenring', 'title': 'Ronde 2', 'seconds': 900},
    ],
    'questions': [
        {'text': 'Wat heb je meegemaakt?', 'seconds': 120, 'tag': 'ervaring'},
        {'text': 'Wat deed dat met je?', 'seconds': 180, 'tag': 'impact'},
    ],
}


class Arena:
    def __init__(self, people: list[str] = PEOPLE, **plan: Any) -> None:
        self.state = ar.new_state({**PLAN, **plan})
        self.people = frozenset(people)
        self.now = 1000.0

    def run(self, command: object, actor: Actor = FACILITATOR) -> list[Event]:
        events = ar.decide(self.state, command, Context(actor, self.now, self.people))  # type: ignore[arg-type]
        for event in events:
            ar.evolve(self.state, event)
        return events

    def by(self, pid: str, command: object) -> list[Event]:
        return self.run(command, participant(pid))


def seated(**plan: Any) -> Arena:
    """p1, p2 in the inner ring, the others outside."""
    arena = Arena(**plan)
    arena.run(ar.PlaceNewcomers('buiten'))
    arena.run(ar.AssignRing('p1', 'binnen'))
    arena.run(ar.AssignRing('p2', 'binnen'))
    return arena


def test_rings_by_list_by_choice_and_moves() -> None:
    arena = seated()
    assert arena.state.members == {'p1': ar.Ring.BINNEN, 'p2': ar.Ring.BINNEN, 'p3': ar.Ring.BUITEN,
                                   'p4': ar.Ring.BUITEN, 'p5': ar.Ring.BUITEN}  # fmt: skip
    with pytest.raises(WrongPhase):
        arena.by('p3', ar.ChooseRing('binnen'))  # not open to choice
    arena.run(ar.AllowRingChoice(True))
    arena.by('p3', ar.ChooseRing('binnen'))
    assert arena.state.members['p3'] is ar.Ring.BINNEN
    with pytest.raises(UnknownItem):
        arena.run(ar.AssignRing('p4', 'midden'))


def test_the_empty_chair_an_outer_member_asks_to_step_in_and_the_facilitator_accepts() -> None:
    arena = seated()
    with pytest.raises(WrongPhase):
        arena.by('p4', ar.RequestSwitch())
    arena.run(ar.AllowSwitch(True))
    with pytest.raises(ar.WrongRing):
        arena.by('p1', ar.RequestSwitch())  # already inside
    arena.by('p4', ar.RequestSwitch())
    assert ar.participant_view(arena.state, 'p4', 3).asked_to_switch
    arena.run(ar.AcceptSwitch('p4'))
    assert arena.state.members['p4'] is ar.Ring.BINNEN and arena.state.switch_requests == []


def test_round_one_the_gespreksleider_asks_planned_and_typed_questions() -> None:
    arena = seated()
    arena.run(ar.StartRound())
    view = ar.public_view(arena.state, 3)
    assert (view.round_number, view.round_kind, view.round_deadline) == (1, ar.RoundKind.LEADER, 1600)
    arena.run(ar.AskQuestion())
    assert ar.public_view(arena.state, 3).question == 'Wat heb je meegemaakt?'
    assert ar.public_view(arena.state, 3).question_deadline == 1120
    arena.run(ar.AskQuestion(text='En wat hielp toen?'))  # typed on the spot; the previous one ends
    assert ar.public_view(arena.state, 3).question == 'En wat hielp toen?'
    arena.run(ar.AskQuestion())
    assert ar.public_view(arena.state, 3).question == 'Wat deed dat met je?'
    with pytest.raises(WrongPhase):
        arena.run(ar.AskQuestion())  # the planned list is done


def test_a_round_needs_people_in_the_inner_ring() -> None:
    arena = Arena(people=['p1'])
    arena.run(ar.PlaceNewcomers('buiten'))
    with pytest.raises(WrongPhase):
        arena.run(ar.StartRound())


def test_outer_questions_are_held_then_approved_supported_once_each_and_picked() -> None:
    arena = seated()
    arena.run(ar.StartRound())
    arena.run(ar.StartRound())  # round 2
    arena.by('p3', ar.SubmitQuestion('Hoe vaak gebeurt dit?'))
    arena.by('p4', ar.SubmitQuestion('Wat verwacht je van ons?', show_name=True))
    assert ar.public_view(arena.state, 3).queue == ()  # held for the gespreksleider: nothing is shown
    assert ar.participant_view(arena.state, 'p3', 3).my_pending == ('Hoe vaak gebeurt dit?',)
    with pytest.raises(UnknownItem):
        arena.by('p5', ar.Support('o1'))  # not yet in the queue
    arena.run(ar.Approve('o1'))
    arena.run(ar.Approve('o2'))
    arena.by('p5', ar.Support('o2'))
    arena.by('p3', ar.Support('o2'))
    arena.by('p3', ar.Support('o1'))  # one support each: p3's support moves
    queue = ar.public_view(arena.state, 3).queue
    assert [(q.id, q.support) for q in queue] == [('o1', 1), ('o2', 1)]
    assert queue[1].author == 'p4' and queue[0].author == ''  # a name only when the sender chose it
    arena.by('p4', ar.Support('o2'))
    assert [q.id for q in ar.public_view(arena.state, 3).queue] == ['o2', 'o1']  # most supported first
    arena.run(ar.PickQuestion('o2'))
    view = ar.public_view(arena.state, 3)
    assert view.question == 'Wat verwacht je van ons?' and [q.id for q in view.queue] == ['o1']
    assert arena.state.support == {'p3': 'o1'}  # supporters of the asked question are free again


def test_only_the_outer_ring_asks_and_supports() -> None:
    arena = seated()
    arena.run(ar.StartRound())
    arena.run(ar.StartRound())  # round 2: the outer ring's
    with pytest.raises(ar.WrongRing):
        arena.by('p1', ar.SubmitQuestion('Vraag van binnen'))
    with pytest.raises(EmptyText):
        arena.by('p3', ar.SubmitQuestion('   '))
    arena.people = arena.people | {'late'}
    with pytest.raises(ar.NotInRing):
        arena.by('late', ar.SubmitQuestion('Ik zit nergens'))


def test_a_rejected_question_never_reaches_the_queue() -> None:
    arena = seated()
    arena.run(ar.StartRound())
    arena.run(ar.StartRound())
    arena.by('p3', ar.SubmitQuestion('Ongepaste vraag'))
    arena.run(ar.Reject('o1'))
    assert ar.public_view(arena.state, 3).queue == ()
    with pytest.raises(WrongPhase):
        arena.run(ar.PickQuestion('o1'))


def test_clocks_pause_together_extend_the_question_and_overrun() -> None:
    arena = seated()
    arena.run(ar.StartRound())  # round until 1600
    arena.run(ar.AskQuestion())  # question until 1120
    arena.now = 1060
    arena.run(ar.PauseTimer())  # the conversation stops: both clocks
    view = ar.public_view(arena.state, 3)
    assert (view.round_left, view.question_left) == (540, 60)
    arena.now = 1200
    arena.run(ar.ResumeTimer())
    view = ar.public_view(arena.state, 3)
    assert (view.round_deadline, view.question_deadline) == (1740, 1260)
    arena.run(ar.ExtendTimer(30))  # more time for the question being talked about
    assert ar.public_view(arena.state, 3).question_deadline == 1290
    arena.now = 1300  # 10 s over: the view keeps the deadline, the screen shows the overrun
    assert arena.now - ar.public_view(arena.state, 3).question_deadline == 10
    arena.run(ar.EndQuestion())  # skip
    arena.run(ar.ExtendTimer(60))  # now it is the round's
    assert ar.public_view(arena.state, 3).round_deadline == 1800


def test_a_restart_mid_round_restores_the_countdown() -> None:
    arena = seated()
    log: list[Event] = []
    for command in (ar.StartRound(), ar.AskQuestion()):
        log += arena.run(command)
    replayed = ar.new_state(PLAN, check=False)
    for event in log:
        ar.evolve(replayed, event)
    assert ar.public_view(replayed, 3).question_deadline == ar.public_view(arena.state, 3).question_deadline == 1120
    assert ar.public_view(replayed, 3).round_deadline == 1600


def test_key_points_are_tagged_and_grouped() -> None:
    arena = seated()
    arena.run(ar.RecordPoint('ervaring', 'Schelden aan de telefoon is dagelijks'))
    arena.run(ar.RecordPoint('verbeterpunt', 'Terugkoppeling na een melding'))
    arena.run(ar.RecordPoint('ervaring', 'Na een incident voelde ik me alleen'))
    with pytest.raises(UnknownItem):
        arena.run(ar.RecordPoint('roddel', 'x'))
    grouped = ar.points_by_tag(arena.state)
    assert grouped[ar.Tag.ERVARING] == ('Schelden aan de telefoon is dagelijks', 'Na een incident voelde ik me alleen')
    assert grouped[ar.Tag.VERBETERPUNT] == ('Terugkoppeling na een melding',)
    arena.run(ar.RemovePoint(arena.state.points[0].id))
    assert len(arena.state.points) == 2


def test_roles_are_refused_what_is_not_theirs() -> None:
    arena = seated()
    with pytest.raises(NotAllowed):
        arena.by('p3', ar.StartRound())
    with pytest.raises(NotAllowed):
        arena.by('p3', ar.Approve('o1'))
    with pytest.raises(NotAllowed):
        arena.run(ar.SubmitQuestion('Van de begeleider'))
    with pytest.raises(NotAllowed):
        arena.run(ar.RecordPoint('impact', 'x'), Actor(Role.PROJECTOR, 'projector'))


def test_after_the_arena_only_key_points_change() -> None:
    arena = seated()
    arena.run(ar.StartRound())
    arena.run(ar.EndArena())
    with pytest.raises(WrongPhase):
        arena.run(ar.StartRound())
    arena.run(ar.RecordPoint('dilemma', 'Service of veiligheid'))
    assert ar.public_view(arena.state, 3).stage is ar.Stage.DONE


def test_in_round_one_the_outer_ring_listens_and_asks_only_in_its_own_round() -> None:
    arena = seated()
    arena.run(ar.StartRound())  # round 1: the gespreksleider asks the inner ring
    listener = ar.participant_view(arena.state, 'p3', 3)
    assert not listener.can_ask and listener.listening
    with pytest.raises(ar.ListeningRound):
        arena.by('p3', ar.SubmitQuestion('Mag ik al iets vragen?'))
    assert arena.state.outer == {}  # refused: nothing changed
    arena.run(ar.EndRound())
    assert ar.participant_view(arena.state, 'p3', 3).listening  # between rounds nobody asks
    with pytest.raises(ar.ListeningRound):
        arena.by('p3', ar.SubmitQuestion('En nu?'))
    arena.run(ar.StartRound('r2'))  # round 2: the outer ring asks
    asking = ar.participant_view(arena.state, 'p3', 3)
    assert asking.can_ask and not asking.listening
    assert arena.by('p3', ar.SubmitQuestion('Hoe vaak gebeurt dit?'))
    inner = ar.participant_view(arena.state, 'p1', 3)
    assert not inner.can_ask and not inner.listening  # the inner ring tells, in every round
