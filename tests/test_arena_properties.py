"""Property-based: random arena command sequences from random roles keep the arena's invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as s

from facilitation import session as se
from facilitation.werkvormen.arena import rules as ar
from facilitation.werkvormen.base import Actor, Event, ExtendTimer, PauseTimer, ResumeTimer, Role

from .helpers import fold

PIDS = ['p1', 'p2', 'p3', 'p4', 'p5']
FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
ACTORS = [FACILITATOR, Actor(Role.PROJECTOR, 'projector')] + [Actor(Role.PARTICIPANT, pid) for pid in PIDS]
OUTER = ['o1', 'o1', 'o2', '', 'o9']  # mostly the first question sent, sometimes none or an unknown one

facilitator_moves = s.one_of(
    s.builds(ar.StartRound, s.sampled_from(['', 'r1', 'r2', 'r9'])),
    s.just(ar.EndRound()),
    s.builds(ar.AskQuestion, s.sampled_from(['', 'q1', 'q2', 'q9']), s.sampled_from(['', '', 'Getypt'])),
    s.builds(ar.PickQuestion, s.sampled_from(OUTER)),
    s.just(ar.EndQuestion()),
    s.builds(ar.Approve, s.sampled_from(OUTER)),
    s.builds(ar.Approve, s.sampled_from(OUTER)),
    s.builds(ar.Reject, s.sampled_from(OUTER)),
    s.builds(ar.AssignRing, s.sampled_from(PIDS), s.sampled_from(['binnen', 'buiten'])),
    s.builds(ar.AllowSwitch, s.booleans()),
    s.builds(ar.AcceptSwitch, s.sampled_from(PIDS)),
    s.builds(ar.RecordPoint, s.sampled_from(['ervaring', 'impact', 'roddel']), s.sampled_from(['Punt', ''])),
    s.just(PauseTimer()),
    s.just(ResumeTimer()),
    s.builds(ExtendTimer, s.integers(0, 90)),
)
participant_moves = s.one_of(
    s.builds(ar.SubmitQuestion, s.sampled_from(['Waarom?', '', '<i>x</i>']), s.booleans()),
    s.builds(ar.SubmitQuestion, s.just('Hoe dan?'), s.booleans()),
    s.builds(ar.Support, s.sampled_from(OUTER)),
    s.builds(ar.Support, s.sampled_from(OUTER)),
    s.just(ar.RequestSwitch()),
    s.builds(ar.ChooseRing, s.sampled_from(['binnen', 'buiten'])),
)
step = s.one_of(
    s.tuples(s.just(FACILITATOR), s.builds(se.ForActivity, s.just('a1'), facilitator_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(
        s.sampled_from(ACTORS), s.builds(se.ForActivity, s.just('a1'), s.one_of(facilitator_moves, participant_moves))
    ),
    s.tuples(s.sampled_from(ACTORS), s.builds(se.Join, s.just(''))),
)
steps = s.tuples(s.booleans(), s.lists(step, min_size=15, max_size=80))
PLAN = {'questions': [{'text': 'Wat heb je meegemaakt?', 'seconds': 60}, {'text': 'Wat deed het?', 'seconds': 0}]}


def play(game: tuple[bool, list[tuple[Actor, object]]]) -> tuple[se.SessionState, list[Event]]:
    started, sequence = game
    setup: list[tuple[Actor, object]] = [
        (FACILITATOR, se.CreateSession('W', 'T', 'ABCDE')),
        (FACILITATOR, se.AddActivity('arena', 'A', PLAN)),
        (FACILITATOR, se.StartActivity('a1')),
        *((actor, se.Join()) for actor in ACTORS[2:6]),
    ]
    if started:
        setup += [
            (FACILITATOR, se.ForActivity('a1', ar.PlaceNewcomers('buiten'))),
            (FACILITATOR, se.ForActivity('a1', ar.AssignRing('p1', 'binnen'))),
            (FACILITATOR, se.ForActivity('a1', ar.StartRound())),
        ]
    return fold([*setup, *sequence])


def arena_of(state: se.SessionState) -> ar.State:
    arena: ar.State = state.activities['a1'].state
    return arena


@settings(max_examples=200, deadline=None)
@given(steps)
def test_the_state_is_the_fold_of_the_log_and_support_is_one_per_person(game) -> None:
    state, log = play(game)
    assert se.replay('sid', log) == state
    arena = arena_of(state)
    for supporter, question in arena.support.items():
        assert arena.members.get(supporter) is ar.Ring.BUITEN  # supports are given, and kept, in the outer ring
        assert arena.outer[question].status is ar.Status.APPROVED  # only queued questions carry support
    assert sum(q.support for q in ar.queue(arena)) == len(arena.support)


@settings(max_examples=200, deadline=None)
@given(steps)
def test_nothing_held_for_moderation_reaches_a_projection(game) -> None:
    state, _ = play(game)
    arena = arena_of(state)
    public = ar.public_view(arena, 3)
    shown = {q.id for q in public.queue}
    for question in arena.outer.values():
        if question.status in (ar.Status.PENDING, ar.Status.REJECTED):
            assert question.id not in shown  # held or refused: never in the queue
    if public.question_source == 'outer':
        assert arena.current is not None and arena.outer[arena.current.ref].status is ar.Status.ASKED
    for queued in public.queue:
        if queued.author:
            assert arena.outer[queued.id].show_name  # a name only when its sender chose to show it


@settings(max_examples=200, deadline=None)
@given(steps)
def test_only_the_outer_ring_sends_and_supports_questions(game) -> None:
    _, log = play(game)
    members: dict[str, str] = {}
    for event in log:
        if event.type == 'arena.placed':
            members.update(event.data['members'])
        elif event.type == 'arena.switch.answered' and event.data['accepted']:
            members[event.data['participant']] = 'binnen'
        elif event.type in ('arena.submitted', 'arena.supported'):
            assert event.actor.role is Role.PARTICIPANT and members.get(event.actor.id) == 'buiten'
