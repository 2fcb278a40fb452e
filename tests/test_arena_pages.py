"""The arenagesprek in the console and on the phones, with NiceGUI's simulated users."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from nicegui import ui
from nicegui.testing import User

from .test_pages import create_session
from .test_quiz_pages import choose


async def add_arena(user: User) -> None:
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Arenagesprek (binnen- en buitenring)')
    user.find(marker='add-activity').click()
    await user.should_see('Arenagesprek')
    user.find(marker='start-a2').click()
    await user.should_see('Ringen en plan')


async def test_two_rounds_with_a_moderated_supported_question_and_key_points(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_arena(user)
    phones = [create_user() for _ in range(3)]
    for phone in phones:
        await phone.open(f'/j/{code}')
        phone.find(marker='join').click()
        await phone.should_see('Je zit nog niet in een ring')
    await user.should_see('3 deelnemers nog zonder ring')
    user.find(marker='place-buiten').click()
    choose(user, 'move-who', '1. iemand (anoniem)')
    choose(user, 'move-to', 'Binnenring')
    user.find(marker='move').click()
    inner, outer, other = phones
    await outer.should_see('Buitenring')

    user.find(marker='next-step', content='Start ronde 1').click()
    await user.should_see('Stel de volgende vraag')
    user.find(marker='next-step', content='Stel de volgende vraag').click()
    await outer.should_see('Welke ervaring met agressie of geweld in je werk staat je het meest bij?')
    await inner.should_see('Jij zit in de binnenring: vertel vanuit je eigen ervaring.')
    user.find(marker='point-text').type('Schelden aan de telefoon is dagelijks')
    user.find(marker='record-point').click()
    await user.should_see('Schelden aan de telefoon is dagelijks')

    user.find(marker='next-round').click()
    await user.should_see('Ronde 2: de buitenring vraagt door (de buitenring vraagt de binnenring)')
    await outer.should_see('Stel een vraag aan de binnenring')  # in round 1 the outer ring listened
    outer.find(marker='arena-question').type('Hoe vaak meld je een incident niet?')
    outer.find(marker='send-question').click()
    await outer.should_see('Wacht op de gespreksleider: Hoe vaak meld je een incident niet?')
    await other.should_not_see('Hoe vaak meld je een incident niet?')  # held: nobody else sees it yet
    await user.should_see('Binnengekomen vragen (1): nog niet zichtbaar')
    user.find(marker='approve').click()
    await other.should_see('Hoe vaak meld je een incident niet?')
    other.find('Steun (0)').click()
    await other.should_see('Jij steunt deze (1)')
    await user.should_see('Hoe vaak meld je een incident niet? · 1 x gesteund')
    user.find(marker='pick').click()
    await inner.should_see('Hoe vaak meld je een incident niet?')
    user.find(marker='end-arena').click()
    await user.should_see('Afgerond')
    await outer.should_see('Het arenagesprek is afgerond.')
    latecomer = create_user()
    await latecomer.open(f'/j/{code}')
    latecomer.find(marker='join').click()
    await latecomer.should_see('Het arenagesprek is afgerond.')
    await user.should_not_see('1 deelnemer nog zonder ring')  # after the arena, nobody is offered a ring
    await user.should_not_see('Zet in de Buitenring')

    await user.open(f'/f/{code}/summary')
    user.find(marker='download-md').click()
    markdown = (await user.download.next()).content.decode()
    assert '**Ervaring**' in markdown and '- Schelden aan de telefoon is dagelijks' in markdown
    assert '- Hoe vaak meld je een incident niet?' in markdown
    assert not re.search(r'\bp[0-9a-f]{15}\b', markdown)


async def test_the_empty_chair(user: User, create_user: Callable[[], User], data_dir: Path) -> None:
    code = await create_session(user, data_dir)
    await add_arena(user)
    phone = create_user()
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await user.should_see('1 deelnemer nog zonder ring')
    user.find(marker='place-buiten').click()
    user.find('Lege stoel: de buitenring mag vragen om in te stappen').click()
    await phone.should_see('Ik wil in de binnenring (lege stoel)')
    phone.find(marker='request-switch').click()
    await phone.should_see('Je vraag om in de binnenring te komen ligt bij de gespreksleider.')
    await user.should_see('iemand (anoniem) wil in de binnenring (lege stoel)')
    user.find(marker='accept-switch').click()
    await phone.should_see('Binnenring')
    await phone.should_not_see('Buitenring')


async def test_in_round_one_the_outer_ring_phone_shows_the_listening_task(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_arena(user)
    inner, outer = create_user(), create_user()
    for phone in (inner, outer):
        await phone.open(f'/j/{code}')
        phone.find(marker='join').click()
        await phone.should_see('Je zit nog niet in een ring')
    await user.should_see('2 deelnemers nog zonder ring')
    user.find(marker='place-buiten').click()
    choose(user, 'move-who', '1. iemand (anoniem)')
    choose(user, 'move-to', 'Binnenring')
    user.find(marker='move').click()
    await outer.should_see('Jouw ring:')
    user.find(marker='next-step', content='Start ronde 1').click()
    await outer.should_see('Luister mee: de binnenring vertelt.')
    await outer.should_not_see('Stel een vraag aan de binnenring')
    await outer.should_not_see('Verstuur vraag')
    user.find(marker='next-round').click()
    await outer.should_see('Stel een vraag aan de binnenring')
    await outer.should_not_see('Luister mee: de binnenring vertelt.')


async def test_a_plan_kept_for_a_next_time_is_offered_when_the_next_arena_is_added(user: User, data_dir: Path) -> None:
    """*Plan bewaren voor een volgende keer*: the plan goes into the data folder and the add menu offers it, beside
    the shipped ones, the next time the console is opened."""
    code = await create_session(user, data_dir)
    await add_arena(user)
    user.find(marker='save-plan').click()
    await user.should_see('Plan bewaard als')
    (kept,) = (data_dir / 'sessions').glob('*.yaml')
    assert 'rounds:' in kept.read_text(encoding='utf-8')
    await user.open(f'/f/{code}')
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Arenagesprek (binnen- en buitenring)')
    (source,) = user.find(marker='activity-source').elements
    assert isinstance(source, ui.select) and f'saved/{kept.stem}' in source.options
    assert 'startvragen' in source.options
