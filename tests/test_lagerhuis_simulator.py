"""The lagerhuis when everybody stands up at once, with the load generator's phones against the real server:
every request is queued once, in the order the server received them, and every phone is told its place."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3

from bench.phones import Console, Phone, device_address
from tests.demo_rooms import debate_started
from tests.live_server import LiveServer

from .test_phone_simulator import participant_of

PHONES = 10


def requests_logged(server: LiveServer) -> list[str]:
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        rows = db.execute("SELECT actor_id FROM events WHERE type = 'lh.requested' ORDER BY seq").fetchall()
    return [actor for (actor,) in rows]


async def test_everybody_standing_up_at_once_is_queued_once_in_order_of_arrival(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    try:
        await debate_started(console, phones)
        await asyncio.gather(*(phone.click('Ik wil het woord') for phone in phones))
        await asyncio.gather(*(phone.wait_until(lambda p=phone: _place(p) > 0) for phone in phones))
        places = {participant_of(live_server, code, phone): _place(phone) for phone in phones}
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))

    logged = requests_logged(live_server)
    assert len(logged) == PHONES and len(set(logged)) == PHONES  # every request once
    assert places == {pid: position for position, pid in enumerate(logged, start=1)}  # its place = its arrival


def _place(phone: Phone) -> int:
    for text in phone.texts():
        if text.startswith('Je staat ') and text.endswith('e in de rij.'):
            return int(text.removeprefix('Je staat ').removesuffix('e in de rij.'))
    return 0
