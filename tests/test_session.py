"""Session-level rules: joining, the programme of activities, closing, and authorisation before delegation."""

from __future__ import annotations

import pytest

from facilitation import session as se
from facilitation.werkvormen.base import Event, NotAllowed, NotJoined, SessionClosed, TextTooLong, UnknownItem
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, PROJECTOR, ctx, participant


def run(state: se.SessionState, command: object, actor=FACILITATOR) -> list[Event]:
    events = se.decide(state, command, ctx(actor))  # type: ignore[arg-type]
    for event in events:
        se.evolve(state, event)
    return events


@pytest.fixture
def room() -> se.SessionState:
    state = se.SessionState('sid')
    run(state, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE'))
    run(state, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'Stelling één'}]}))
    run(state, se.StartActivity('a1'))
    run(state, se.ForActivity('a1', st.ShowStatement('s1')))
    run(state, se.ForActivity('a1', st.OpenVoting()))
    return state


def test_join_is_anonymous_by_default_and_idempotent(room: se.SessionState) -> None:
    assert run(room, se.Join(), participant('p1'))
    assert run(room, se.Join('Ans'), participant('p1')) == []
    assert room.participants['p1'].name == ''


def test_a_full_session_refuses_a_new_participant_but_not_those_already_in(room: se.SessionState) -> None:
    for i in range(se.MAX_PARTICIPANTS):
        run(room, se.Join(), participant(f'p{i}'))
    with pytest.raises(se.SessionFull):
        run(room, se.Join(), participant('one-too-many'))
    assert 'one-too-many' not in room.participants
    assert run(room, se.Join(), participant('p0')) == []  # a returning phone is still in


def test_participant_may_choose_a_name_later(room: se.SessionState) -> None:
    run(room, se.Join(), participant('p1'))
    run(room, se.Rename('Ans'), participant('p1'))
    assert room.participants['p1'].name == 'Ans'
    with pytest.raises(TextTooLong):
        run(room, se.Rename('x' * 41), participant('p1'))


def test_vote_requires_joining(room: se.SessionState) -> None:
    with pytest.raises(NotJoined):
        run(room, se.ForActivity('a1', st.CastVote('eens')), participant('stranger'))


def test_vote_for_an_activity_that_is_not_running_is_refused(room: se.SessionState) -> None:
    run(room, se.AddActivity('statements', 'Tweede ronde', {'statements': [{'text': 'X'}]}))
    run(room, se.Join(), participant('p1'))
    with pytest.raises(se.ActivityNotActive):
        run(room, se.ForActivity('a2', st.CastVote('eens')), participant('p1'))


@pytest.mark.parametrize(
    'command',
    [
        se.AddActivity('statements', 'x'),
        se.StartActivity('a1'),
        se.CloseSession(),
        se.ReopenSession(),
        se.ChangeSettings(5),
        se.ForActivity('a1', st.CloseVoting()),
    ],
)
@pytest.mark.parametrize('actor', [participant('p1'), PROJECTOR])
def test_facilitator_session_commands_refused_for_others(room: se.SessionState, command: object, actor) -> None:
    run(room, se.Join(), participant('p1'))
    with pytest.raises(NotAllowed):
        run(room, command, actor)


def test_projector_cannot_join_or_vote(room: se.SessionState) -> None:
    with pytest.raises(NotAllowed):
        run(room, se.Join(), PROJECTOR)


def test_closed_session_refuses_joins_and_votes(room: se.SessionState) -> None:
    run(room, se.Join(), participant('p1'))
    run(room, se.CloseSession())
    with pytest.raises(SessionClosed):
        run(room, se.Join(), participant('p2'))
    with pytest.raises(SessionClosed):
        run(room, se.ForActivity('a1', st.CastVote('eens')), participant('p1'))
    run(room, se.ReopenSession())
    assert run(room, se.ForActivity('a1', st.CastVote('eens')), participant('p1'))


def test_unknown_werkvorm_is_refused(room: se.SessionState) -> None:
    with pytest.raises(UnknownItem):
        run(room, se.AddActivity('poker', 'Poker'))


def test_bad_content_is_refused_before_it_enters_the_log(room: se.SessionState) -> None:
    with pytest.raises(TextTooLong):
        run(room, se.AddActivity('statements', 'x', {'statements': [{'text': 'x' * 400}]}))
    assert len(room.activities) == 1


def test_min_reveal_setting_is_checked(room: se.SessionState) -> None:
    run(room, se.ChangeSettings(5))
    assert room.min_reveal == 5
    with pytest.raises(se.DomainError):
        run(room, se.ChangeSettings(0))


def test_replay_gives_the_same_state(room: se.SessionState) -> None:
    log: list[Event] = []
    state = se.SessionState('sid')
    for command, actor in [
        (se.CreateSession('W', '', 'ABCDE'), FACILITATOR),
        (se.AddActivity('statements', 'S', {'statements': [{'text': 'A'}]}), FACILITATOR),
        (se.StartActivity('a1'), FACILITATOR),
        (se.Join('Bo'), participant('p1')),
        (se.ForActivity('a1', st.ShowStatement('s1')), FACILITATOR),
        (se.ForActivity('a1', st.OpenVoting()), FACILITATOR),
        (se.ForActivity('a1', st.CastVote('oneens')), participant('p1')),
    ]:
        log.extend(run(state, command, actor))
    assert se.replay('sid', log) == state
