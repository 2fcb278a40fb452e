"""The kennisquiz under simultaneous taps, with the load generator's phones against the real server.

A steal claimed by a whole group at once is won by exactly one; an agreement round answered by every member at
once counts every response (no tap lands on a button that was just replaced) and scores the card once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3

from bench.phones import Console, Phone, device_address
from tests.demo_rooms import quiz_started
from tests.live_server import LiveServer

PHONES = 10


def logged(server: LiveServer, type_: str) -> list[dict[str, object]]:
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        rows = db.execute('SELECT data FROM events WHERE type = ? ORDER BY seq', [type_]).fetchall()
    return [json.loads(data) for (data,) in rows]


async def test_simultaneous_taps_in_a_quiz_are_each_counted_once(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    try:
        await quiz_started(console, phones)
        await console.step('Stel de volgende vraag')
        await asyncio.gather(*(phone.wait_for_text('Vraag 1 van 22') for phone in phones))
        first = [p for p in phones if p.shows('Jullie groep is aan de beurt!')]
        second = [p for p in phones if p not in first]

        await console.click('Weet het niet')
        await asyncio.gather(*(phone.wait_for_button('Wij weten het!') for phone in second))
        await asyncio.gather(*(phone.click('Wij weten het!') for phone in second))
        await console.wait_for_text('Groep 2 mag het antwoord geven')
        await console.click('Goed')
        await console.step('Stel de volgende vraag')  # card 2, to group 2
        await console.wait_for_button('Goed')
        await console.click('Goed')
        await console.step('Stel de volgende vraag')  # card 3, an opinion, to group 1

        speaker, *members = first
        await speaker.wait_for_button('Ik geef het antwoord')
        await speaker.click('Ik geef het antwoord')
        await speaker.wait_for_button('Verstuur antwoord')
        await speaker.fill('Antwoord van de groep', 'Als het persoonlijk wordt')
        await speaker.click('Verstuur antwoord')
        await asyncio.gather(*(phone.wait_for_button('Eens') for phone in members))
        await asyncio.gather(*(phone.click('Eens') for phone in members))
        await console.wait_for_button('Tel de reacties')  # everyone responded: it stays open until counted
        await console.click('Tel de reacties')
        await console.wait_for_text('Groep 1: iedereen eens, +10 punten')
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))

    assert len(logged(live_server, 'quiz.steal_claimed')) == 1  # the first claim wins, the rest are too late
    assert len(logged(live_server, 'quiz.agreed')) == len(members)  # every tap counted: none lost to a re-render
    scored = [e for e in logged(live_server, 'quiz.scored') if e['card'] == 'c3']
    assert [(e['reason'], e['points']) for e in scored] == [('agreed', 10)]
