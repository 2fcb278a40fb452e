"""The live room: changes reach views coalesced (a burst redraws a few times, not per vote), and never lost."""

from __future__ import annotations

import asyncio

from facilitation import session as se
from facilitation.live import Rooms
from facilitation.store import Store
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, participant


async def test_vote_burst_is_announced_a_few_times_and_the_last_state_always_arrives(store: Store) -> None:
    room, _ = Rooms(store).create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity('statements', 'S', {'statements': [{'text': 'A'}]}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    room.execute(FACILITATOR, se.ForActivity('a1', st.ShowStatement('s1')))
    room.execute(FACILITATOR, se.ForActivity('a1', st.OpenVoting()))
    seen: list[int] = []
    all_in = asyncio.Event()

    def on_change() -> None:
        seen.append(st.voted(room.state.activities['a1'].state))
        if seen[-1] == 200:
            all_in.set()

    room.watch(on_change)
    for i in range(200):
        room.execute(participant(f'p{i}'), se.Join())
        room.execute(participant(f'p{i}'), se.ForActivity('a1', st.CastVote('eens')))
    await asyncio.wait_for(all_in.wait(), timeout=5)
    assert seen[-1] == 200
    assert len(seen) <= 3  # 400 commands within one interval: at most leading, trailing (and one more on slow CI)


def test_without_an_event_loop_every_change_is_announced_at_once(store: Store) -> None:
    room, _ = Rooms(store).create('Werkoverleg')
    heard: list[str] = []
    room.watch(lambda: heard.append('changed'))
    room.execute(participant('p1'), se.Join())
    room.execute(participant('p2'), se.Join())
    assert heard == ['changed', 'changed']


def test_a_view_that_stops_watching_is_not_called_again(store: Store) -> None:
    room, _ = Rooms(store).create('Werkoverleg')

    class View:
        calls = 0

        def check(self) -> None:
            self.calls += 1

    view = View()
    room.watch(view.check)
    room.execute(participant('p1'), se.Join())
    room.unwatch(view.check)  # a new bound-method object: still finds the same watcher
    room.execute(participant('p2'), se.Join())
    assert view.calls == 1
