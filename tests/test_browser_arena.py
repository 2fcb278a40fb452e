"""The arenagesprek in real browsers: a gespreksleider, a projector and three phones in two rings run both rounds;
a question from the outer ring is held, approved, supported and picked; the projector shows each step and a
countdown. axe-core checks every view on the way (WCAG 2.1 A/AA)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, expect

from .browser import check_projector, console, join, phone, projector_of
from .live_server import LiveServer
from .test_accessibility import violations
from .test_browser_quiz import click

pytestmark = pytest.mark.browser

FIRST = 'Welke ervaring met agressie of geweld in je werk staat je het meest bij?'
OUTER_QUESTION = 'Wat had u toen van uw leidinggevende nodig?'


def test_both_rounds_with_a_question_from_the_outer_ring(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    leader = console(browser, live_server, code)
    click(leader, 'Start Arenagesprek')
    expect(leader.get_by_text('Ringen en plan', exact=True)).to_be_visible()
    beamer = projector_of(leader, browser)
    phones = [phone(browser) for _ in range(3)]
    for p in phones:
        join(p, f'{url}/j/{code}')
    found: dict[str, list[str]] = {}

    def check(state: str) -> None:
        check_projector(beamer, state)
        for name, page in (('console', leader), ('projector', beamer), ('phone', phones[1])):
            if lines := violations(page):
                found[f'{name} · {state}'] = lines

    expect(leader.get_by_text('3 deelnemers nog zonder ring')).to_be_visible()  # all three, then place them
    click(leader, 'Zet in de Buitenring')
    inner, outer, supporter = phones
    inner_name = 'iemand (anoniem)'
    leader.get_by_role('combobox', name='Deelnemer').click()
    leader.get_by_role('option', name=f'1. {inner_name}').click()
    leader.get_by_role('combobox', name='Naar ring').click()
    leader.get_by_role('option', name='Binnenring').click()
    click(leader, 'Verplaats')
    expect(inner.locator('.arena-ring-binnen')).to_be_visible()
    check('rings')

    click(leader, 'Start ronde 1')
    click(leader, 'Stel de volgende vraag')
    expect(beamer.get_by_role('heading', name=FIRST)).to_be_visible()
    expect(beamer.locator('.countdown').first).to_have_text(re.compile(r'Nog \d+:\d\d'))  # the question's clock
    # the console was open before the arena started: its clock, which came later, runs all the same
    expect(leader.locator('.countdown').first).to_have_text(re.compile(r'Nog \d+:\d\d'))
    expect(outer.get_by_text(FIRST)).to_be_visible()
    # round 1: the outer ring listens; it has nothing to send until its own round
    expect(outer.get_by_text('Luister mee: de binnenring vertelt.')).to_be_visible()
    expect(outer.get_by_role('button', name='Verstuur vraag')).to_have_count(0)
    expect(outer.get_by_label('Je vraag')).to_have_count(0)
    check('round 1')

    click(leader, 'Start ronde 2')
    expect(beamer.get_by_text('Ronde 2: de buitenring vraagt door')).to_be_visible()
    expect(outer.get_by_text('Stel een vraag aan de binnenring')).to_be_visible()  # its round: now it may ask
    expect(outer.get_by_role('button', name='Verstuur vraag')).to_be_visible()
    outer.get_by_label('Je vraag').fill(OUTER_QUESTION)
    click(outer, 'Verstuur vraag')
    expect(outer.get_by_text(f'Wacht op de gespreksleider: {OUTER_QUESTION}')).to_be_visible()
    expect(beamer.get_by_text(OUTER_QUESTION)).to_have_count(0)  # held for the gespreksleider
    check('question held')
    click(leader, 'Toon in de rij')
    expect(beamer.get_by_text(OUTER_QUESTION)).to_be_visible()
    click(supporter, 'Steun (0)')
    expect(beamer.get_by_text('1 x gesteund')).to_be_visible()
    check('question queued')
    click(leader, 'Stel deze vraag')
    expect(beamer.get_by_role('heading', name=OUTER_QUESTION)).to_be_visible()
    expect(beamer.get_by_text('Vraag van de buitenring', exact=True)).to_be_visible()  # no name: anonymous
    expect(inner.get_by_text(OUTER_QUESTION)).to_be_visible()
    check('outer question asked')
    click(leader, 'Einde arenagesprek')
    expect(beamer.get_by_text('Het arenagesprek is afgerond. Dank voor jullie verhalen en vragen.')).to_be_visible()
    check('ended')
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
