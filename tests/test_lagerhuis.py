"""Lagerhuisdiscussie rules (seed 5.3): sides, the floor by arrival, arguments and counter-arguments, striking,
the tally and the winner, timers on an injected clock, preparation notes per side, role refusals."""

from __future__ import annotations

from typing import Any

import pytest

from facilitation.werkvormen.base import Actor, Context, EmptyText, Event, NotAllowed, Role, TextTooLong, WrongPhase
from facilitation.werkvormen.lagerhuis import rules as lh

from .helpers import FACILITATOR, participant

PEOPLE = [f'p{i}' for i in range(6)]


class Debate:
    def __init__(self, people: list[str] = PEOPLE, **config: Any) -> None:
        self.state = lh.new_state({'statement': 'Bij schelden stop ik het gesprek.', **config})
        self.people = frozenset(people)
        self.now = 1000.0

    def run(self, command: object, actor: Actor = FACILITATOR) -> list[Event]:
        events = lh.decide(self.state, command, Context(actor, self.now, self.people))  # type: ignore[arg-type]
        for event in events:
            lh.evolve(self.state, event)
        return events

    def by(self, pid: str, command: object) -> list[Event]:
        return self.run(command, participant(pid))

    def side(self, side: lh.Side) -> list[str]:
        return [pid for pid, s in self.state.members.items() if s is side]


def debating(**config: Any) -> Debate:
    debate = Debate(**config)
    debate.run(lh.DivideSides())
    debate.run(lh.StartDebate())
    return debate


def test_sides_are_balanced_and_the_facilitator_can_move_people() -> None:
    debate = Debate(people=[f'p{i}' for i in range(7)])
    debate.run(lh.DivideSides())
    assert sorted([len(debate.side(lh.Side.VOOR)), len(debate.side(lh.Side.TEGEN))]) == [3, 4]
    mover = debate.side(lh.Side.VOOR)[0]
    debate.run(lh.MoveParticipant(mover, 'tegen'))
    assert debate.state.members[mover] is lh.Side.TEGEN
    debate.people = debate.people | {'late1', 'late2'}
    debate.run(lh.PlaceNewcomers())
    assert abs(len(debate.side(lh.Side.VOOR)) - len(debate.side(lh.Side.TEGEN))) <= 1


def test_participants_pick_a_side_when_allowed() -> None:
    debate = Debate()
    with pytest.raises(WrongPhase):
        debate.by('p1', lh.ChooseSide('voor'))
    debate.run(lh.AllowSideChoice(True))
    debate.by('p1', lh.ChooseSide('tegen'))
    assert debate.state.members['p1'] is lh.Side.TEGEN


def test_the_debate_needs_a_stelling_and_both_sides() -> None:
    debate = Debate(people=['p1'])
    debate.run(lh.DivideSides())
    with pytest.raises(WrongPhase):
        debate.run(lh.StartDebate())  # only one side has people
    empty = lh.new_state({})
    with pytest.raises(WrongPhase):
        lh.decide(empty, lh.StartDebate(), Context(FACILITATOR, 0.0, frozenset()))


def test_requests_are_served_in_order_of_arrival() -> None:
    debate = debating()
    order = ['p3', 'p0', 'p5', 'p1']
    for pid in order:  # the server receives them one after another: that is the order
        debate.by(pid, lh.RequestFloor())
    assert debate.state.queue == order
    debate.run(lh.GiveFloor())
    assert debate.state.speaker == 'p3' and debate.state.queue == order[1:]
    debate.run(lh.GiveFloor())  # the next one; p3's turn ends
    assert debate.state.speaker == 'p0'
    assert [t.speaker for t in debate.state.turns] == ['p3', 'p0'] and debate.state.turns[0].end is not None


def test_a_second_request_and_a_request_while_speaking_are_refused_with_a_message() -> None:
    debate = debating()
    debate.by('p1', lh.RequestFloor())
    with pytest.raises(lh.AlreadyQueued) as queued:
        debate.by('p1', lh.RequestFloor())
    assert queued.value.params == {'position': 1}
    debate.run(lh.GiveFloor())
    with pytest.raises(lh.AlreadySpeaking):
        debate.by('p1', lh.RequestFloor())
    assert debate.state.queue == []


def test_a_request_can_be_withdrawn() -> None:
    debate = debating()
    debate.by('p1', lh.RequestFloor())
    debate.by('p2', lh.RequestFloor())
    debate.by('p1', lh.WithdrawRequest())
    assert debate.state.queue == ['p2']
    with pytest.raises(lh.NotQueued):
        debate.by('p1', lh.WithdrawRequest())


def test_the_facilitator_takes_someone_off_the_queue_who_stood_up_in_the_room_or_with_a_phone() -> None:
    debate = debating()
    debate.by('p1', lh.RequestFloor())
    debate.run(lh.QueueInRoom('tegen', 'Ans'))  # z1: no phone, so no withdraw of her own
    debate.run(lh.QueueInRoom('voor'))  # z2
    debate.by('p2', lh.RequestFloor())
    assert debate.run(lh.RemoveFromQueue('z1'))[0].data == {'entry': 'z1'}
    assert debate.state.queue == ['p1', 'z2', 'p2']  # the others keep their order
    assert lh.public_view(debate.state, 3).queue == (
        ('p1', debate.state.members['p1']),
        ('z2', lh.Side.VOOR),
        ('p2', debate.state.members['p2']),
    )  # gone from the projector's queue too
    debate.run(lh.RemoveFromQueue('p2'))  # someone with a phone who left the room
    assert lh.participant_view(debate.state, 'p2', 3).can_request  # and may ask again
    debate.run(lh.GiveFloor())
    for gone in ('z1', 'p2', 'p1', 'z9', ''):  # taken off already, speaking, never queued: nothing changes
        with pytest.raises(lh.NotQueued):
            debate.run(lh.RemoveFromQueue(gone))
    assert debate.state.queue == ['z2']
    with pytest.raises(NotAllowed):
        debate.by('p3', lh.RemoveFromQueue('z2'))
    debate.run(lh.EndDebate())
    with pytest.raises(WrongPhase):
        debate.run(lh.RemoveFromQueue('z2'))


def test_the_queue_can_run_on_its_own() -> None:
    debate = debating()
    debate.run(lh.SetAutoFloor(True))
    debate.by('p1', lh.RequestFloor())
    assert debate.state.speaker == 'p1'  # nobody was speaking: the floor at once
    debate.by('p2', lh.RequestFloor())
    debate.by('p1', lh.EndTurn())  # the speaker is done
    assert debate.state.speaker == 'p2'


def test_arguments_count_for_the_speakers_side_and_may_answer_the_other_side() -> None:
    debate = debating()
    voor, tegen = debate.side(lh.Side.VOOR)[0], debate.side(lh.Side.TEGEN)[0]
    debate.by(voor, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    debate.by(voor, lh.SubmitArgument('Je moet jezelf beschermen'))
    with pytest.raises(lh.NotSpeaking):
        debate.by(tegen, lh.SubmitArgument('Ik ben niet aan de beurt'))
    debate.by(tegen, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    debate.by(tegen, lh.SubmitArgument('De burger heeft ook een probleem', reply_to='a1'))
    view = lh.public_view(debate.state, 3)
    assert [(a.label, a.side, a.reply_to) for a in view.arguments] == [
        ('V1', lh.Side.VOOR, ''),
        ('T1', lh.Side.TEGEN, 'V1'),
    ]
    assert view.tally == (1, 1)
    with pytest.raises(WrongPhase):
        debate.by(tegen, lh.SubmitArgument('Mijn eigen kant beantwoorden', reply_to='a2'))


def test_the_facilitator_records_an_argument_for_a_side() -> None:
    debate = debating()
    debate.run(lh.RecordArgument('tegen', 'Gesproken argument'))
    assert lh.public_view(debate.state, 3).tally == (0, 1)


def test_a_struck_argument_does_not_count_and_its_reason_is_kept() -> None:
    debate = debating()
    debate.run(lh.RecordArgument('voor', 'Eerste'))
    debate.run(lh.RecordArgument('voor', 'Eerste, nog eens'))
    events = debate.run(lh.StrikeArgument('a2', 'herhaling'))
    assert events[0].data == {'argument': 'a2', 'reason': 'herhaling'}
    view = lh.public_view(debate.state, 3)
    assert view.tally == (1, 0) and view.arguments[1].struck and view.arguments[1].reason == 'herhaling'
    with pytest.raises(EmptyText):
        debate.run(lh.StrikeArgument('a1', '  '))  # a strike needs a reason
    debate.run(lh.RestoreArgument('a2'))
    assert lh.public_view(debate.state, 3).tally == (2, 0)


def test_a_struck_argument_cannot_be_answered_until_it_is_restored() -> None:
    debate = debating()
    tegen = debate.side(lh.Side.TEGEN)[0]
    debate.run(lh.RecordArgument('voor', 'Eerste'))
    debate.run(lh.StrikeArgument('a1', 'off topic'))
    with pytest.raises(lh.ArgumentStruck):
        debate.run(lh.RecordArgument('tegen', 'Antwoord', reply_to='a1'))  # not by the facilitator
    debate.by(tegen, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    with pytest.raises(lh.ArgumentStruck):
        debate.by(tegen, lh.SubmitArgument('Antwoord', reply_to='a1'))  # nor by the speaker
    assert len(debate.state.arguments) == 1
    debate.run(lh.RestoreArgument('a1'))
    debate.by(tegen, lh.SubmitArgument('Antwoord', reply_to='a1'))
    assert debate.state.arguments['a2'].reply_to == 'a1'


def test_the_side_with_most_arguments_wins_and_equal_is_a_tie() -> None:
    debate = debating()
    debate.run(lh.RecordArgument('voor', 'A'))
    debate.run(lh.RecordArgument('tegen', 'B'))
    assert lh.public_view(debate.state, 3).winner is None  # not before the nabespreking
    debate.run(lh.EndDebate())
    assert lh.public_view(debate.state, 3).winner is None  # a tie
    other = debating()
    other.run(lh.RecordArgument('tegen', 'B'))
    other.run(lh.EndDebate())
    assert lh.public_view(other.state, 3).winner is lh.Side.TEGEN


def test_speaking_time_per_side_and_person_on_an_injected_clock() -> None:
    debate = debating(turn_seconds=90)
    voor, tegen = debate.side(lh.Side.VOOR)[0], debate.side(lh.Side.TEGEN)[0]
    debate.by(voor, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    assert debate.state.timer.deadline == 1090
    debate.now = 1030
    debate.run(lh.PauseTimer())
    assert debate.state.timer.left == 60
    debate.run(lh.ExtendTimer(30))
    assert debate.state.timer.left == 90
    debate.now = 1100
    debate.run(lh.ResumeTimer())
    assert debate.state.timer.deadline == 1190
    debate.now = 1120
    debate.by(tegen, lh.RequestFloor())
    debate.run(lh.GiveFloor())
    debate.now = 1140
    seen = lh.insight(lh.console_view(debate.state, 3), debate.now)
    assert seen.sides[lh.Side.VOOR] == lh.Speaking(1, 120) and seen.sides[lh.Side.TEGEN] == lh.Speaking(1, 20)
    assert [(pid, s.seconds) for pid, _, s in seen.people] == [(voor, 120), (tegen, 20)]


def test_preparation_notes_are_seen_by_their_own_side_only() -> None:
    debate = Debate()
    debate.run(lh.DivideSides())
    debate.run(lh.StartPreparation())
    voor, tegen = debate.side(lh.Side.VOOR)[0], debate.side(lh.Side.TEGEN)[0]
    debate.by(voor, lh.AddNote('Veiligheid gaat voor'))
    debate.by(tegen, lh.AddNote('Service is ons vak'))
    assert lh.participant_view(debate.state, voor, 3).notes == ('Veiligheid gaat voor',)
    assert lh.participant_view(debate.state, tegen, 3).notes == ('Service is ons vak',)
    assert 'Veiligheid' not in repr(lh.public_view(debate.state, 3))
    debate.run(lh.StartDebate())
    with pytest.raises(WrongPhase):
        debate.by(voor, lh.AddNote('Te laat'))


def test_empty_or_over_long_arguments_are_refused() -> None:
    debate = debating()
    with pytest.raises(EmptyText):
        debate.run(lh.RecordArgument('voor', ''))
    with pytest.raises(TextTooLong):
        debate.run(lh.RecordArgument('voor', 'x' * (lh.MAX_ARGUMENT + 1)))
    assert debate.state.arguments == {}


def test_roles_are_refused_what_is_not_theirs() -> None:
    debate = debating()
    with pytest.raises(NotAllowed):
        debate.by('p1', lh.GiveFloor())
    with pytest.raises(NotAllowed):
        debate.by('p1', lh.StrikeArgument('a1', 'x'))
    with pytest.raises(NotAllowed):
        debate.run(lh.RequestFloor())
    with pytest.raises(NotAllowed):
        debate.run(lh.RequestFloor(), Actor(Role.PROJECTOR, 'projector'))
    debate.people = debate.people | {'outsider'}
    with pytest.raises(lh.NoSide):
        debate.by('outsider', lh.RequestFloor())


def test_the_nabespreking_records_conclusions() -> None:
    debate = debating()
    with pytest.raises(WrongPhase):
        debate.run(lh.SaveConclusions('Te vroeg'))
    debate.run(lh.EndDebate())
    debate.run(lh.SaveConclusions('We stoppen het gesprek na één waarschuwing.'))
    assert lh.public_view(debate.state, 3).conclusions == 'We stoppen het gesprek na één waarschuwing.'
