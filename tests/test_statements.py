"""The stellingen rules, step by step with an injected clock."""

from __future__ import annotations

import pytest

from facilitation.werkvormen.base import (
    EmptyText,
    Event,
    NotAllowed,
    TextTooLong,
    UnknownItem,
    VotingClosed,
    WrongPhase,
)
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, PROJECTOR, ctx, participant


def run(state: st.State, command: object, actor=FACILITATOR) -> list[Event]:
    events = st.decide(state, command, ctx(actor))  # type: ignore[arg-type]
    for event in events:
        st.evolve(state, event)
    return events


@pytest.fixture
def voting() -> st.State:
    state = st.new_state(
        {
            'statements': [
                {'text': 'Ik mag een gesprek beëindigen bij schelden.'},
                {'text': 'Elk incident meld ik.', 'clip': 'clips/balie.mp4'},
            ]
        }
    )
    run(state, st.ShowStatement('s1'))
    run(state, st.OpenVoting())
    return state


def vote(state: st.State, pid: str, choice: str) -> list[Event]:
    return run(state, st.CastVote(choice), participant(pid))


def test_statements_from_config_keep_order_and_clip() -> None:
    state = st.new_state({'statements': [{'text': 'A'}, {'text': 'B', 'clip': 'https://example.org/v.mp4'}]})
    assert [s.text for s in state.statements.values()] == ['A', 'B']
    assert state.statements['s2'].clip == 'https://example.org/v.mp4'
    assert state.phase is st.Phase.IDLE


def test_vote_counts_only_while_voting_is_open(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    run(voting, st.CloseVoting())
    with pytest.raises(VotingClosed):
        vote(voting, 'p2', 'oneens')
    assert st.tally(voting.statements['s1'].rounds[0], 1) == st.Tally(1, 0, True)


def test_vote_before_voting_opened_is_refused() -> None:
    state = st.new_state({'statements': [{'text': 'A'}]})
    run(state, st.ShowStatement('s1'))
    with pytest.raises(VotingClosed):
        vote(state, 'p1', 'eens')


def test_revote_replaces_previous_vote(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    vote(voting, 'p1', 'oneens')
    assert voting.statements['s1'].rounds[0].votes == {'p1': st.Choice.ONEENS}
    assert st.voted(voting) == 1


def test_same_vote_twice_records_nothing_new(voting: st.State) -> None:
    assert vote(voting, 'p1', 'eens')
    assert vote(voting, 'p1', 'eens') == []


def test_one_vote_per_participant_whatever_they_click(voting: st.State) -> None:
    for choice in ['eens', 'oneens', 'eens', 'eens', 'oneens']:
        vote(voting, 'p1', choice)
    vote(voting, 'p2', 'eens')
    result = st.tally(voting.statements['s1'].rounds[0], 1)
    assert result.total == 2 and (result.eens, result.oneens) == (1, 1)


def test_unknown_choice_is_refused(voting: st.State) -> None:
    with pytest.raises(WrongPhase):
        vote(voting, 'p1', 'misschien')


def test_result_hidden_below_minimum_votes(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    vote(voting, 'p2', 'oneens')
    run(voting, st.CloseVoting())
    run(voting, st.Reveal())
    view = st.public_view(voting, minimum=3)
    assert view.results[0].tally.shown is False
    assert view.results[0].tally.total == 2
    assert st.public_view(voting, minimum=2).results[0].tally.shown is True


def test_results_are_not_public_before_reveal(voting: st.State) -> None:
    for pid in ['p1', 'p2', 'p3']:
        vote(voting, pid, 'eens')
    run(voting, st.CloseVoting())
    assert st.public_view(voting, 1).results == ()
    run(voting, st.Reveal())
    assert st.public_view(voting, 1).results[0].tally == st.Tally(3, 0, True)


def test_reveal_requires_closed_voting(voting: st.State) -> None:
    with pytest.raises(WrongPhase):
        run(voting, st.Reveal())


def test_second_round_is_kept_apart(voting: st.State) -> None:
    for pid, choice in [('p1', 'eens'), ('p2', 'eens'), ('p3', 'oneens')]:
        vote(voting, pid, choice)
    run(voting, st.CloseVoting())
    run(voting, st.Reveal())
    run(voting, st.OpenVoting())
    assert st.participant_view(voting, 'p1', 3).my_vote is None
    for pid in ['p1', 'p2', 'p3']:
        vote(voting, pid, 'oneens')
    run(voting, st.CloseVoting())
    run(voting, st.Reveal())
    results = st.public_view(voting, 3).results
    assert [(r.number, r.tally.eens, r.tally.oneens) for r in results] == [(1, 2, 1), (2, 0, 3)]


def test_reopening_before_reveal_continues_the_same_round(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    run(voting, st.CloseVoting())
    run(voting, st.OpenVoting())
    vote(voting, 'p2', 'eens')
    assert len(voting.statements['s1'].rounds) == 1
    assert st.voted(voting) == 2


def test_showing_next_statement_closes_open_voting(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    events = run(voting, st.ShowStatement('s2'))
    assert [e.type for e in events] == ['voting.closed', 'statement.shown']
    assert voting.statements['s1'].rounds[0].open is False
    assert voting.phase is st.Phase.SHOWN and voting.next_id() is None


@pytest.mark.parametrize(
    'command',
    [
        st.AddStatement('x'),
        st.ShowStatement('s1'),
        st.OpenVoting(),
        st.CloseVoting(),
        st.Reveal(),
        st.SaveDiscussion('s1', 'a'),
    ],
)
@pytest.mark.parametrize('actor', [participant('p1'), PROJECTOR])
def test_facilitator_commands_refused_for_other_roles(voting: st.State, command: object, actor) -> None:
    with pytest.raises(NotAllowed):
        run(voting, command, actor)


@pytest.mark.parametrize('actor', [FACILITATOR, PROJECTOR])
def test_only_participants_vote(voting: st.State, actor) -> None:
    with pytest.raises(NotAllowed):
        run(voting, st.CastVote('eens'), actor)


def test_statement_text_is_checked() -> None:
    state = st.State()
    with pytest.raises(EmptyText):
        run(state, st.AddStatement('   '))
    with pytest.raises(TextTooLong):
        run(state, st.AddStatement('x' * (st.MAX_STATEMENT + 1)))
    run(state, st.AddStatement('<script>alert(1)</script>\u202e'))
    assert state.statements['s1'].text == '<script>alert(1)</script>'


@pytest.mark.parametrize('clip', ['../../etc/passwd', '/etc/passwd', 'C:\\x.mp4', 'javascript:alert(1)'])
def test_unsafe_clip_is_refused(clip: str) -> None:
    with pytest.raises(st.InvalidClip):
        run(st.State(), st.AddStatement('Stelling', clip=clip))


def test_unknown_statement_is_refused(voting: st.State) -> None:
    with pytest.raises(UnknownItem):
        run(voting, st.ShowStatement('s99'))


def test_discussion_notes_are_kept_per_statement(voting: st.State) -> None:
    run(voting, st.SaveDiscussion('s1', 'Protocol bekend', 'Werkt niet bij telefoon', 'Belscript aanpassen'))
    assert voting.statements['s1'].discussion == st.Discussion(
        'Protocol bekend', 'Werkt niet bij telefoon', 'Belscript aanpassen'
    )
    assert st.summary(voting, 3)[0].discussion.policy == 'Belscript aanpassen'


def test_participant_view_never_contains_other_votes(voting: st.State) -> None:
    vote(voting, 'p1', 'eens')
    vote(voting, 'p2', 'oneens')
    view = st.participant_view(voting, 'p2', 1)
    assert view.my_vote is st.Choice.ONEENS
    assert 'p1' not in repr(view)


def test_a_phone_view_does_not_change_when_others_vote(voting: st.State) -> None:
    before = st.participant_view(voting, 'p1', 3)
    for pid in ['p2', 'p3', 'p4']:
        vote(voting, pid, 'oneens')
    assert st.participant_view(voting, 'p1', 3) == before
    assert st.voted(voting) == 3


def test_a_late_vote_for_an_earlier_statement_or_round_is_refused(voting: st.State) -> None:
    run(voting, st.ShowStatement('s2'))
    run(voting, st.OpenVoting())
    with pytest.raises(VotingClosed):  # the tap was made while statement 1 was on the phone
        run(voting, st.CastVote('eens', 's1', 1), participant('p1'))
    with pytest.raises(VotingClosed):
        run(voting, st.CastVote('eens', 's2', 2), participant('p1'))
    assert run(voting, st.CastVote('eens', 's2', 1), participant('p1'))
    assert st.voted(voting) == 1
