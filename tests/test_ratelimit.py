"""Abuse: one phone cannot flood a room; a refusal says so and changes nothing; the facilitator is never held up."""

from __future__ import annotations

import pytest

from facilitation import session as se
from facilitation.live import Rooms
from facilitation.ratelimit import BURST, RateLimiter, TooFast
from facilitation.store import Store
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, participant


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_buckets_of_those_who_went_quiet_are_forgotten_and_the_busy_ones_kept() -> None:
    limiter = RateLimiter(burst=3, per_second=1)
    limiter.take('quiet', 0.0)
    for _ in range(3):
        limiter.take('busy', 9.0)
    limiter.prune(10.0)  # 'quiet' refilled long ago; 'busy' has only one token back
    assert set(limiter._buckets) == {'busy'}
    limiter.take('busy', 10.0)
    with pytest.raises(TooFast):
        limiter.take('busy', 10.0)  # forgetting others did not reset the busy one


def test_a_burst_is_allowed_then_refused_until_time_passes() -> None:
    limiter = RateLimiter(burst=3, per_second=1)
    for _ in range(3):
        limiter.take('p1', 0.0)
    with pytest.raises(TooFast):
        limiter.take('p1', 0.0)
    limiter.take('p2', 0.0)  # someone else is not held up
    limiter.take('p1', 1.0)  # a second later one more


def test_a_flooding_phone_is_refused_and_its_extra_votes_leave_no_trace(store: Store) -> None:
    clock = Clock()
    room, _ = Rooms(store, clock).create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity('statements', 'S', {'statements': [{'text': 'A'}]}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    room.execute(FACILITATOR, se.ForActivity('a1', st.ShowStatement('s1')))
    room.execute(FACILITATOR, se.ForActivity('a1', st.OpenVoting()))
    flooder = participant('p1')
    room.execute(flooder, se.Join())
    choices = ['eens', 'oneens'] * 20
    accepted = 0
    with pytest.raises(TooFast):
        for choice in choices:
            room.execute(flooder, se.ForActivity('a1', st.CastVote(choice)))
            accepted += 1
    assert accepted == BURST - 1  # the join took one
    before = room.last_seq
    with pytest.raises(TooFast):
        room.execute(flooder, se.ForActivity('a1', st.CastVote('eens')))
    assert room.last_seq == before
    for _ in range(30):  # the facilitator is never limited
        room.execute(FACILITATOR, se.ForActivity('a1', st.CloseVoting()))
        room.execute(FACILITATOR, se.ForActivity('a1', st.OpenVoting()))
    clock.now += 1
    room.execute(flooder, se.ForActivity('a1', st.CastVote('eens')))
    assert st.voted(room.state.activities['a1'].state) == 1
