"""The arena under simultaneous taps, with the load generator's phones against the real server: questions sent at
once are all held (none reaches the projector before approval), and supports given at once are each counted once
(no tap lands on a button that was just replaced)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3

from bench.phones import Console, Phone, Screen, device_address
from tests.demo_rooms import arena_second_round
from tests.live_server import LiveServer

PHONES = 8


def logged(server: LiveServer, type_: str) -> list[str]:
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        rows = db.execute('SELECT actor_id FROM events WHERE type = ? ORDER BY seq', [type_]).fetchall()
    return [actor for (actor,) in rows]


async def test_questions_and_supports_sent_at_once(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    screen = Screen(live_server.url, code, console)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    inside, outer = phones[0], phones[1:]
    try:
        await console.open()
        await console.click('Start', 'start-a4')  # the demo's arena
        await screen.open()
        await arena_second_round(console, inside, outer)
        for index, phone in enumerate(outer):
            await phone.fill('Je vraag', f'Vraag nummer {index}')
        await asyncio.gather(*(phone.click('Verstuur vraag') for phone in outer))
        await asyncio.gather(*(phone.wait_for_text('Wacht op de gespreksleider') for phone in outer))
        assert not any(screen.shows(f'Vraag nummer {i}') for i in range(len(outer)))  # held, not shown
        await console.wait_for_button('Toon in de rij')
        await console.click('Toon in de rij')
        await asyncio.gather(*(phone.wait_for_button('Steun (0)') for phone in outer))
        await asyncio.gather(*(phone.click('Steun (0)') for phone in outer))
        await screen.wait_for_text(f'{len(outer)} x gesteund')
    finally:
        await asyncio.gather(*(page.close() for page in [console, screen, *phones]))

    assert len(logged(live_server, 'arena.submitted')) == len(outer)
    supports = logged(live_server, 'arena.supported')
    assert len(supports) == len(set(supports)) == len(outer)  # every support once
