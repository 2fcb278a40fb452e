"""The lagerhuis in the console and on the phones, with NiceGUI's simulated users."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from nicegui import ui
from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from .test_pages import create_session
from .test_quiz_pages import _shows, choose

STELLING = 'Bij schelden mag ik het gesprek direct beëindigen.'


async def add_lagerhuis(user: User) -> None:
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Lagerhuisdiscussie (voor en tegen)')
    user.find(marker='add-activity').click()
    await user.should_see('Lagerhuisdiscussie')
    user.find(marker='start-a2').click()
    await user.should_see('Stelling en kanten')


async def test_a_debate_from_sides_to_the_winner(user: User, create_user: Callable[[], User], data_dir: Path) -> None:
    code = await create_session(user, data_dir)
    await add_lagerhuis(user)
    user.find(marker='lh-statement').type(STELLING)
    user.find(marker='use-statement').click()
    phones = [create_user() for _ in range(4)]
    for phone in phones:
        await phone.open(f'/j/{code}')
        phone.find(marker='join').click()
        await phone.should_see(STELLING)
    user.find(marker='divide-sides').click()
    for phone in phones:
        await phone.should_see('Jij zit aan de kant:')
    voor = [p for p in phones if _shows(p, 'VOOR')]
    tegen = [p for p in phones if p not in voor]
    assert len(voor) == 2 and len(tegen) == 2
    user.find(marker='next-step', content='Start het debat').click()
    await voor[0].should_see('Ik wil het woord')

    voor[0].find(marker='request-floor').click()
    await voor[0].should_see('Je staat 1e in de rij.')
    tegen[0].find(marker='request-floor').click()
    await tegen[0].should_see('Je staat 2e in de rij.')
    await user.should_see('Geef het woord aan de volgende')
    user.find(marker='next-step', content='Geef het woord aan de volgende').click()
    await voor[0].should_see('Jij hebt het woord!')
    await tegen[0].should_see('Je staat 1e in de rij.')  # moved up

    voor[0].find(marker='lh-argument').type('Je eigen veiligheid gaat voor')
    voor[0].find(marker='submit-argument').click()
    await user.should_see('V1. Je eigen veiligheid gaat voor')
    voor[0].find(marker='done-speaking').click()
    await voor[0].should_see('Ik wil het woord')
    await user.should_see('Geef het woord aan de volgende')
    user.find(marker='next-step', content='Geef het woord aan de volgende').click()
    await tegen[0].should_see('Jij hebt het woord!')
    tegen[0].find(marker='lh-argument').type('De burger zit vaak zelf klem')
    choose(tegen[0], 'lh-reply', 'V1. Je eigen veiligheid gaat voor')  # a counter-argument
    tegen[0].find(marker='submit-argument').click()
    await user.should_see('T1. De burger zit vaak zelf klem')
    await user.should_see('antwoord op V1')

    voor[1].find(marker='request-floor').click()
    await voor[1].should_see('Je staat 1e in de rij.')
    voor[1].find(marker='withdraw').click()  # changed their mind
    await voor[1].should_see('Ik wil het woord')
    user.find(marker='record-text').type('Je mag een grens stellen')  # the facilitator notes what was said aloud
    choose(user, 'record-side', 'VOOR')
    user.find(marker='record-argument').click()
    await user.should_see('V2. Je mag een grens stellen')
    await voor[1].should_see('Argumenten: VOOR 2 · TEGEN 1')

    user.find(marker='end-debate').click()
    await user.should_see('VOOR wint met 2 tegen 1 argumenten')
    await tegen[1].should_see('VOOR wint met 2 tegen 1 argumenten')
    user.find(marker='conclusions').type('Grenzen stellen mag, en we vangen elkaar op.')
    user.find(marker='save-conclusions').click()
    await tegen[1].should_see('Grenzen stellen mag, en we vangen elkaar op.')
    await user.open(f'/f/{code}/summary')
    user.find(marker='download-md').click()
    markdown = (await user.download.next()).content.decode()
    assert STELLING in markdown and 'VOOR wint met 2 tegen 1 argumenten' in markdown
    assert 'T1. De burger zit vaak zelf klem' in markdown and 'Grenzen stellen mag' in markdown


async def two_phones_on_their_sides(user: User, create_user: Callable[[], User], data_dir: Path) -> list[User]:
    """A lagerhuis on STELLING with two phones joined and divided over the sides."""
    code = await create_session(user, data_dir)
    await add_lagerhuis(user)
    user.find(marker='lh-statement').type(STELLING)
    user.find(marker='use-statement').click()
    phones = [create_user() for _ in range(2)]
    for phone in phones:
        await phone.open(f'/j/{code}')
        phone.find(marker='join').click()
    user.find(marker='divide-sides').click()
    return phones


async def test_a_double_tap_on_the_request_button_neither_queues_twice_nor_withdraws(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    phones = await two_phones_on_their_sides(user, create_user, data_dir)
    user.find(marker='next-step', content='Start het debat').click()
    await phones[0].should_see('Ik wil het woord')
    phones[0].find(marker='request-floor').click()
    await phones[0].should_see('Je staat 1e in de rij.')
    phones[0].find(marker='request-floor').click()  # the second tap of a double tap: the button is disabled now
    await phones[0].should_see('Je staat 1e in de rij.')
    await user.should_see('Geef het woord aan de volgende')
    give = [b for b in user.find(kind=ui.button).elements if b.props.get('label') == 'Geef het woord']
    assert len(give) == 1  # one request in the console's queue


async def test_the_phone_offers_to_answer_what_the_projection_says_and_a_strike_takes_it_away(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    phones = await two_phones_on_their_sides(user, create_user, data_dir)
    for phone in phones:
        await phone.should_see('Jij zit aan de kant:')
    tegen = next(p for p in phones if _shows(p, 'TEGEN'))  # before the tally names both sides on every phone
    user.find(marker='next-step', content='Start het debat').click()
    for text in ('Je eigen veiligheid gaat voor', 'Je mag een grens stellen'):
        user.find(marker='record-text').type(text)
        choose(user, 'record-side', 'VOOR')
        user.find(marker='record-argument').click()
    await user.should_see('V2. Je mag een grens stellen')
    await tegen.should_see('Ik wil het woord')
    tegen.find(marker='request-floor').click()
    await user.should_see('Geef het woord aan de volgende')
    user.find(marker='next-step', content='Geef het woord aan de volgende').click()
    await tegen.should_see('Jij hebt het woord!')

    async def offers(expected: list[str]) -> None:  # the phone's options follow the room in place
        for _ in range(100):
            (select,) = tegen.find(marker='lh-reply').elements
            assert isinstance(select, ui.select)
            offered = [label for key, label in dict(select.options).items() if key]
            if offered == expected:
                return
            await asyncio.sleep(0.05)
        assert offered == expected

    await offers(['V1. Je eigen veiligheid gaat voor', 'V2. Je mag een grens stellen'])
    tegen.find(marker='lh-argument').type('De burger zit vaak zelf klem')
    strike = {b for b in user.find(kind=ui.button).elements if b.props.get('aria-label') == 'Schrappen V1'}
    UserInteraction(user, strike, None).click()
    user.find(marker='strike-reason').type('herhaling')
    user.find(marker='confirm-strike').click()
    await user.should_see('geschrapt: herhaling')
    await offers(['V2. Je mag een grens stellen'])
    (field,) = tegen.find(marker='lh-argument').elements
    assert isinstance(field, ui.input) and field.value == 'De burger zit vaak zelf klem'  # what was typed stays
