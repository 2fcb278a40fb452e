"""A click on the console's next step lands while the room changes: phones joining, voting and asking for the floor
at the same moment, over real sockets against the real server. The consoles update their step buttons in place, so
no click reaches an element the server has just re-made (Console.lost_clicks stays 0)."""

from __future__ import annotations

import asyncio

from bench.phones import Console, Phone, device_address
from tests.live_server import LiveServer

PHONES = 8


async def test_no_click_on_the_stellingen_steps_is_lost_while_phones_join_and_vote(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    try:
        await console.open()
        await asyncio.gather(*(phone.open() for phone in phones))
        # every step is clicked while phones join (the participant count changes on the console)
        await asyncio.gather(console.step('Toon eerste stelling'), *(phone.join() for phone in phones[:4]))
        await asyncio.gather(console.step('Open stemming'), *(phone.join() for phone in phones[4:]))
        for statement in range(4):
            await asyncio.gather(*(phone.wait_for_button('Eens') for phone in phones))
            choices = ['eens' if (n + statement) % 3 else 'oneens' for n in range(PHONES)]
            # the vote count changes on the console while its next step is clicked
            votes = (phone.vote(choice) for phone, choice in zip(phones, choices, strict=True))
            await asyncio.gather(console.step('Sluit stemming'), *votes)
            await console.step('Toon uitslag')
            await console.step('Volgende stelling')
            await console.step('Open stemming')
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))
    assert console.lost_clicks == 0


async def test_no_click_on_giving_the_floor_is_lost_while_phones_ask_for_it(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    try:
        await console.open()
        await console.click('Start', 'start-a3')  # the demo's lagerhuis
        await console.wait_for_button('Gebruik deze stelling')
        await console.fill('Stelling', 'Bij schelden mag ik het gesprek direct beëindigen.')
        await console.click('Gebruik deze stelling')
        await asyncio.gather(*(phone.open() for phone in phones))
        await asyncio.gather(*(phone.join() for phone in phones))
        await asyncio.gather(*(phone.wait_for_text('Je zit nog niet aan een kant') for phone in phones))
        await console.click('Verdeel iedereen over VOOR en TEGEN')
        await console.step('Start het debat')
        await asyncio.gather(*(phone.wait_for_button('Ik wil het woord') for phone in phones))
        first, later = phones[: PHONES // 2], phones[PHONES // 2 :]
        await asyncio.gather(*(phone.click('Ik wil het woord') for phone in first))
        for phone in later:  # the queue changes on the console while the floor is given
            await console.wait_for_button('Geef het woord aan de volgende', Console.NEXT_STEP)
            await asyncio.gather(console.step('Geef het woord aan de volgende'), phone.click('Ik wil het woord'))
        for _ in range(len(first)):
            await console.step('Geef het woord aan de volgende')
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))
    assert console.lost_clicks == 0
