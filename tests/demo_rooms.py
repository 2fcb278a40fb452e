"""The demo session's werkvormen brought to where a live test starts, through the console and the phones as people
do it (bench/phones.py): the quiz started with every phone in a group, the debate started with every phone on a
side, the arena's second round open to the outer ring."""

from __future__ import annotations

import asyncio

from bench.phones import Console, Page, Phone

STATEMENT = 'Bij schelden mag ik het gesprek direct beëindigen.'


async def quiz_started(console: Console, phones: list[Phone]) -> None:
    """The demo's quiz, every phone joined and put in a group, the quiz started (no card asked yet)."""
    await console.open()
    await console.click('Start', 'start-a2')  # the demo's quiz
    await console.wait_for_button('Verdeel iedereen automatisch')
    await asyncio.gather(*(phone.open() for phone in phones))
    await asyncio.gather(*(phone.join() for phone in phones))
    await asyncio.gather(*(phone.wait_for_text('Je zit nog niet in een groep') for phone in phones))
    await console.click('Verdeel iedereen automatisch')
    await asyncio.gather(*(phone.wait_for_text('Jouw groep: Groep') for phone in phones))
    await console.step('Start de quiz')


async def lagerhuis_statement(console: Console) -> None:
    """The demo's lagerhuis started on the opened console, with its statement."""
    await console.click('Start', 'start-a3')  # the demo's lagerhuis
    await console.wait_for_button('Gebruik deze stelling')
    await console.fill('Stelling', STATEMENT)
    await console.click('Gebruik deze stelling')


async def debate_started(console: Console, phones: list[Phone], *others: Page) -> None:
    """The demo's lagerhuis with its statement, every phone joined (`others`, such as the projector, opened with
    them) and put on a side, the debate started and every phone offered the floor."""
    await console.open()
    await lagerhuis_statement(console)
    await asyncio.gather(*(page.open() for page in others), *(phone.open() for phone in phones))
    await asyncio.gather(*(phone.join() for phone in phones))
    await asyncio.gather(*(phone.wait_for_text('Je zit nog niet aan een kant') for phone in phones))
    await console.click('Verdeel iedereen over VOOR en TEGEN')
    await console.step('Start het debat')
    await asyncio.gather(*(phone.wait_for_button('Ik wil het woord') for phone in phones))


async def arena_second_round(console: Console, inside: Phone, outer: list[Phone]) -> None:
    """In the demo's arena (started on the console): one phone in the inner ring, the others in the outer ring,
    round 1 started and round 2 open, where the outer ring sends questions."""
    await inside.open()
    await inside.join()
    await console.wait_for_button('Zet in de Binnenring')
    await console.click('Zet in de Binnenring')
    await asyncio.gather(*(phone.open() for phone in outer))
    await asyncio.gather(*(phone.join() for phone in outer))
    await console.wait_for_text(f'{len(outer)} deelnemers nog zonder ring')  # more than one
    await console.click('Zet in de Buitenring')
    await console.step('Start ronde 1')
    await console.wait_for_button('Start ronde 2')
    await console.click('Start ronde 2')
    await asyncio.gather(*(phone.wait_for_button('Verstuur vraag') for phone in outer))
