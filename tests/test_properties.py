"""Property-based: random command sequences from random roles keep the werkvorm's invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as s

from facilitation import session as se
from facilitation.werkvormen.base import Actor, Context, Event, Role
from facilitation.werkvormen.statements import rules as st

from .helpers import fold

PIDS = ['p1', 'p2', 'p3', 'p4', 'p5']
ACTORS = [Actor(Role.FACILITATOR, 'facilitator'), Actor(Role.PROJECTOR, 'projector')] + [
    Actor(Role.PARTICIPANT, pid) for pid in PIDS
]

statement_commands = s.one_of(
    s.builds(st.AddStatement, s.text(alphabet='abc <>&\u202e', max_size=20)),
    s.builds(st.ShowStatement, s.sampled_from(['s1', 's2', 's3', 's9'])),
    s.just(st.OpenVoting()),
    s.builds(st.CastVote, s.sampled_from(['eens', 'oneens', 'misschien'])),
    s.just(st.CloseVoting()),
    s.just(st.Reveal()),
    s.builds(st.SaveDiscussion, s.sampled_from(['s1', 's2']), s.text(max_size=10)),
)
session_commands = s.one_of(
    s.builds(se.Join, s.text(max_size=10)),
    s.builds(se.Rename, s.text(max_size=10)),
    s.just(se.CloseSession()),
    s.just(se.ReopenSession()),
    s.builds(se.ChangeSettings, s.integers(-1, 60)),
    s.builds(se.ForActivity, s.sampled_from(['a1', 'a2']), statement_commands),
)
steps = s.lists(s.tuples(s.sampled_from(ACTORS), session_commands), max_size=60)


def fresh_room() -> tuple[se.SessionState, list[Event]]:
    state = se.SessionState('sid')
    log: list[Event] = []
    for command in [
        se.CreateSession('W', 'T', 'ABCDE'),
        se.AddActivity('statements', 'S', {'statements': [{'text': 'A'}, {'text': 'B'}]}),
        se.StartActivity('a1'),
    ]:
        for event in se.decide(state, command, Context(ACTORS[0], 0.0)):
            log.append(event)
            se.evolve(state, event)
    return state, log


def play(sequence: list[tuple[Actor, object]]) -> tuple[se.SessionState, list[Event]]:
    return fold(sequence, fresh_room())


@settings(max_examples=150, deadline=None)
@given(steps)
def test_tallies_equal_the_fold_of_the_log_and_one_vote_per_participant(sequence) -> None:
    state, log = play(sequence)
    assert se.replay('sid', log) == state
    activity: st.State = state.activities['a1'].state
    for statement in activity.statements.values():
        for number, round_ in enumerate(statement.rounds):
            last_vote: dict[str, str] = {}
            where = (statement.id, number)
            for event in log:
                if event.type == 'vote.cast' and (event.data['statement'], event.data['round']) == where:
                    last_vote[event.actor.id] = event.data['choice']
            assert {pid: c.value for pid, c in round_.votes.items()} == last_vote
            assert set(round_.votes) <= set(PIDS) and set(round_.votes) <= set(state.participants)
            tally = st.tally(round_, 1)
            assert tally.eens + tally.oneens == len(round_.votes) and tally.eens >= 0 and tally.oneens >= 0


@settings(max_examples=150, deadline=None)
@given(steps)
def test_only_the_facilitator_changes_the_programme_and_only_participants_vote(sequence) -> None:
    _, log = play(sequence)
    for event in log:
        if event.type in ('vote.cast', 'participant.joined', 'participant.renamed'):
            assert event.actor.role is Role.PARTICIPANT
        else:
            assert event.actor.role is Role.FACILITATOR


@settings(max_examples=150, deadline=None)
@given(steps)
def test_projections_never_leak_hidden_fields(sequence) -> None:
    state, _ = play(sequence)
    activity: st.State = state.activities['a1'].state
    statement = activity.current_statement
    public = st.public_view(activity, state.min_reveal)
    text = repr(public) + repr(st.participant_view(activity, 'p1', state.min_reveal))
    assert not any(pid in text for pid in PIDS[1:])  # nobody else's id, let alone their vote
    if statement is not None:
        revealed = sum(1 for r in statement.rounds if r.revealed)
        assert len(public.results) == revealed  # results only once revealed
    for result in public.results:
        if result.tally.total < state.min_reveal:
            assert not result.tally.shown
