"""Nothing lost: under a burst of simulated phones the server is killed (SIGKILL) at a random moment, 5 times.

Every vote whose acknowledgement reached its phone ("Je stem is opgeslagen") is in the log after the restart, no
vote is there twice, the database passes SQLite's integrity check, and the replayed tally is the log's.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest

from bench.phones import Console, Phone
from bench.server import integrity
from facilitation.live import Rooms
from facilitation.store import Store
from facilitation.werkvormen.statements import rules as st
from tests.live_server import LiveServer

from .test_phone_simulator import logged_votes, participant_of

PHONES = 20


@pytest.mark.parametrize('seed', range(5))
async def test_acknowledged_votes_survive_a_kill_at_a_random_moment(
    live_server: LiveServer, seed: int, tmp_path: Path
) -> None:
    rng = random.Random(seed)
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code) for _ in range(PHONES)]
    acknowledged: set[int] = set()
    try:
        await console.open()
        await console.step('Toon eerste stelling')
        await console.step('Open stemming')
        await asyncio.gather(*(phone.open() for phone in phones))
        await asyncio.gather(*(phone.join() for phone in phones))
        await asyncio.gather(*(phone.wait_for_button('Eens') for phone in phones))

        async def vote(index: int, phone: Phone) -> None:
            await asyncio.sleep(rng.uniform(0, 0.4))  # a burst spread over 0.4 s, as people tap
            choice = rng.choice(['eens', 'oneens'])
            await phone.vote(choice)
            await phone.wait_for_text(f'Je stem is opgeslagen: {choice.capitalize()}', timeout=10)
            acknowledged.add(index)

        tasks = [asyncio.create_task(vote(i, phone)) for i, phone in enumerate(phones)]
        await asyncio.sleep(rng.uniform(0.05, 0.45))
        live_server.kill()
        seen = set(acknowledged)  # what reached a phone before the server died
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]), return_exceptions=True)

    assert integrity(live_server.data_dir, tmp_path / 'copy') == 'ok'
    live_server.start()
    votes = logged_votes(live_server, code)
    voters = [actor for _, actor, _ in votes]
    acknowledged_ids = {participant_of(live_server, code, phones[i]) for i in seen}
    assert acknowledged_ids <= set(voters)  # every acknowledged vote is in the log
    assert len(voters) == len(set(voters))  # each phone voted once: nothing counted twice
    rooms = Rooms(Store(tmp_path / 'copy' / 'samenspel.db'))
    rooms.load()
    room = rooms.get(code)
    assert room is not None
    assert st.voted(room.state.activities['a1'].state) == len(votes)  # the tally is the fold of the log
