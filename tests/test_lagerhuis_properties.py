"""Property-based: random lagerhuis command sequences from random roles keep the debate's invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as s

from facilitation import session as se
from facilitation.werkvormen.base import Actor, Event, Role
from facilitation.werkvormen.lagerhuis import rules as lh

from .helpers import fold

PIDS = ['p1', 'p2', 'p3', 'p4', 'p5']
FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
ACTORS = [FACILITATOR, Actor(Role.PROJECTOR, 'projector')] + [Actor(Role.PARTICIPANT, pid) for pid in PIDS]
ARGS = ['', '', '', 'a1', 'a2', 'a9']  # mostly new arguments, sometimes an answer (or an unknown one)

any_command = s.one_of(
    s.builds(lh.SetStatement, s.sampled_from(['Stelling', '', '<b>x</b>'])),
    s.just(lh.DivideSides()),
    s.just(lh.PlaceNewcomers()),
    s.builds(lh.MoveParticipant, s.sampled_from(PIDS), s.sampled_from(['voor', 'tegen', 'midden'])),
    s.builds(lh.AllowSideChoice, s.booleans()),
    s.builds(lh.ChooseSide, s.sampled_from(['voor', 'tegen'])),
    s.just(lh.StartPreparation()),
    s.builds(lh.AddNote, s.sampled_from(['Notitie', ''])),
    s.just(lh.StartDebate()),
    s.builds(lh.SetTimes, s.integers(0, 5), s.integers(0, 120)),
    s.just(lh.PauseTimer()),
    s.just(lh.ResumeTimer()),
    s.builds(lh.ExtendTimer, s.integers(0, 40)),
    s.just(lh.StopTimer()),
    s.just(lh.EndDebate()),
    s.builds(lh.SaveConclusions, s.text(max_size=10)),
)
facilitator_moves = s.one_of(
    s.builds(lh.GiveFloor, s.sampled_from(['', *PIDS])),
    s.builds(lh.RemoveFromQueue, s.sampled_from(PIDS)),
    s.just(lh.EndTurn()),
    s.builds(lh.SetAutoFloor, s.booleans()),
    s.builds(lh.RecordArgument, s.sampled_from(['voor', 'tegen']), s.just('Argument'), s.sampled_from(ARGS)),
    s.builds(lh.RecordArgument, s.sampled_from(['voor', 'tegen']), s.just('Nog een'), s.sampled_from(ARGS)),
    s.builds(lh.StrikeArgument, s.sampled_from(ARGS), s.sampled_from(['herhaling', ''])),
    s.builds(lh.RestoreArgument, s.sampled_from(ARGS)),
)
participant_moves = s.one_of(
    s.just(lh.RequestFloor()),
    s.just(lh.RequestFloor()),
    s.just(lh.WithdrawRequest()),
    s.builds(lh.SubmitArgument, s.sampled_from(['Mijn punt', '']), s.sampled_from(ARGS)),
    s.just(lh.EndTurn()),
)
step = s.one_of(
    s.tuples(s.just(FACILITATOR), s.builds(se.ForActivity, s.just('a1'), facilitator_moves)),
    s.tuples(s.just(FACILITATOR), s.builds(se.ForActivity, s.just('a1'), facilitator_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(s.sampled_from(ACTORS), s.builds(se.Join, s.just(''))),
    s.tuples(s.sampled_from(ACTORS), s.builds(se.ForActivity, s.just('a1'), any_command)),
)
steps = s.tuples(s.booleans(), s.lists(step, min_size=15, max_size=80))


def play(game: tuple[bool, list[tuple[Actor, object]]]) -> tuple[se.SessionState, list[Event]]:
    started, sequence = game
    setup: list[tuple[Actor, object]] = [
        (FACILITATOR, se.CreateSession('W', 'T', 'ABCDE')),
        (FACILITATOR, se.AddActivity('lagerhuis', 'L', {'statement': 'Bij schelden stop ik'})),
        (FACILITATOR, se.StartActivity('a1')),
        *((actor, se.Join()) for actor in ACTORS[2:6]),
    ]
    if started:
        setup += [
            (FACILITATOR, se.ForActivity('a1', lh.DivideSides())),
            (FACILITATOR, se.ForActivity('a1', lh.StartDebate())),
        ]
    return fold([*setup, *sequence])


def debate_of(state: se.SessionState) -> lh.State:
    debate: lh.State = state.activities['a1'].state
    return debate


@settings(max_examples=200, deadline=None)
@given(steps)
def test_the_state_is_the_fold_of_the_log_and_the_tally_counts_what_is_not_struck(game) -> None:
    state, log = play(game)
    assert se.replay('sid', log) == state
    debate = debate_of(state)
    struck: dict[str, bool] = {}
    sides: dict[str, str] = {}
    for event in log:
        if event.type == 'lh.argument':
            sides[event.data['argument']] = event.data['side']
            struck[event.data['argument']] = False
        elif event.type == 'lh.argument.struck':
            struck[event.data['argument']] = True
        elif event.type == 'lh.argument.restored':
            struck[event.data['argument']] = False
    for side in lh.Side:
        assert debate.count(side) == sum(1 for a, s_ in sides.items() if s_ == side.value and not struck[a])
    for argument in debate.arguments.values():
        if argument.reply_to:
            assert debate.arguments[argument.reply_to].side is not argument.side  # a counter-argument


@settings(max_examples=200, deadline=None)
@given(steps)
def test_the_queue_is_in_order_of_arrival_without_doubles_or_the_speaker(game) -> None:
    state, log = play(game)
    debate = debate_of(state)
    assert len(debate.queue) == len(set(debate.queue))
    assert debate.speaker not in debate.queue
    assert set(debate.queue) <= set(debate.members)
    arrival = [e.actor.id for e in log if e.type == 'lh.requested']
    positions = [max(i for i, pid in enumerate(arrival) if pid == waiting) for waiting in debate.queue]
    assert positions == sorted(positions)  # who asked earlier stands earlier
    for turn in debate.turns[:-1]:
        assert turn.end is not None and turn.end >= turn.start
    for event in log:
        if event.type in ('lh.requested', 'lh.withdrawn', 'lh.note'):
            assert event.actor.role is Role.PARTICIPANT
        if event.type == 'lh.argument' and event.actor.role is Role.PARTICIPANT:
            assert event.data['speaker'] == event.actor.id  # only the speaker brings in an argument themselves


@settings(max_examples=200, deadline=None)
@given(steps)
def test_a_sides_notes_never_reach_the_other_side_or_the_projector(game) -> None:
    state, _ = play(game)
    debate = debate_of(state)
    public = repr(lh.public_view(debate, 3))
    for note in debate.notes:
        assert f"'{note.text}'" not in public or note.text in {a.text for a in debate.arguments.values()}
    for pid in PIDS:
        mine = lh.participant_view(debate, pid, 3)
        assert mine.notes == tuple(n.text for n in debate.notes if n.side is debate.members.get(pid))
    if debate.stage is not lh.Stage.DISCUSSION:
        assert lh.public_view(debate, 3).winner is None
