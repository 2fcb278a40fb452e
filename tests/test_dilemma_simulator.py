"""The dilemmamethodiek under simultaneous taps, with the load generator's phones against the real server: dilemmas
sent at once are all held (none on the projector before the facilitator shows them), and judgements written at once
are each counted once while the projector shows only how many there are."""

from __future__ import annotations

import asyncio

from bench.phones import Console, Phone, Screen, device_address
from tests.live_server import LiveServer

from .test_arena_simulator import logged

PHONES = 8


async def test_dilemmas_and_judgements_sent_at_once(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    screen = Screen(live_server.url, code, console)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    try:
        await console.open()
        await console.click('Start', 'start-a5')  # the demo's dilemmamethodiek
        await screen.open()
        await asyncio.gather(*(phone.open() for phone in phones))
        await asyncio.gather(*(phone.join() for phone in phones))
        await asyncio.gather(*(phone.wait_for_text('De dilemmamethodiek begint zo') for phone in phones))
        await console.step('Start met stap 1')
        await asyncio.gather(*(phone.wait_for_button('Versturen') for phone in phones))
        for index, phone in enumerate(phones):
            await phone.fill('Waar gaat het dilemma over?', index % 7)
            await phone.fill('Wat gebeurde er, en waar twijfelde je?', f'Dilemma nummer {index}')
        await asyncio.gather(*(phone.click('Versturen') for phone in phones))
        await asyncio.gather(*(phone.wait_for_text('wacht op de gespreksleider') for phone in phones))
        assert not any(screen.shows(f'Dilemma nummer {i}') for i in range(PHONES))  # held, not shown
        await console.wait_for_text(f'Binnengekomen ({PHONES}): nog niet zichtbaar')
        await console.click('Toon alles')
        await screen.wait_for_text(f'Dilemma nummer {PHONES - 1}')

        await console.step('Volgende stap: Kiezen van een situatie')
        await console.step('Volgende stap: Formuleren van het dilemma')
        await console.fill('Kant A van het dilemma', 'Doorgaan met helpen')
        await console.fill('Kant B van het dilemma', 'Het gesprek stoppen')
        await console.click('Opslaan', 'dm-save-formulation')
        await asyncio.gather(*(phone.wait_for_button('Bewaar mijn oordeel') for phone in phones))
        for index, phone in enumerate(phones):
            await phone.fill('Wat zou jij doen?', index % 2)
            await phone.fill('In één zin: waarom?', f'Mijn eigen reden {index}')
        await asyncio.gather(*(phone.click('Bewaar mijn oordeel') for phone in phones))
        await screen.wait_for_text(f'{PHONES} collega’s schreven voor zichzelf op wat ze zouden doen.')
        assert not any(screen.shows(f'Mijn eigen reden {i}') for i in range(PHONES))  # counts only
    finally:
        await asyncio.gather(*(page.close() for page in [console, screen, *phones]))

    assert len(logged(live_server, 'dilemma.submitted')) == PHONES
    judged = logged(live_server, 'dilemma.judged')
    assert len(judged) == len(set(judged)) == PHONES  # every judgement once
