"""The lagerhuis in real browsers: a facilitator, a projector and four phones on two sides. Requests for the floor
in a known order, floors given, arguments brought in (one answering the other side), one struck; the projector's
tally and winner. axe-core checks every view on the way (WCAG 2.1 A/AA)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import check_projector, console, join, phone, projector_of
from .live_server import LiveServer
from .test_accessibility import violations
from .test_browser_quiz import click

pytestmark = pytest.mark.browser

STELLING = 'Bij schelden mag ik het gesprek direct beëindigen.'


def request(page: Page, place: int) -> None:
    click(page, 'Ik wil het woord')
    expect(page.get_by_role('button', name=f'Je staat {place}e in de rij.')).to_be_visible()


def speak(page: Page, text: str, answers: str = '') -> None:
    expect(page.get_by_text('Jij hebt het woord!')).to_be_visible()
    page.get_by_label('Je argument, kort samengevat').fill(text)
    if answers:
        page.get_by_role('combobox', name='Antwoord op (optioneel)').click()
        page.get_by_role('option', name=answers).click()
    click(page, 'Leg argument vast')
    click(page, 'Klaar: geef het woord terug')


def test_two_sides_debate_and_the_side_with_most_arguments_wins(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    facilitator = console(browser, live_server, code)
    click(facilitator, 'Start Lagerhuisdiscussie')
    expect(facilitator.get_by_text('Stelling en kanten', exact=True)).to_be_visible()
    facilitator.get_by_role('textbox', name='Stelling').fill(STELLING)
    click(facilitator, 'Gebruik deze stelling')
    beamer = projector_of(facilitator, browser)
    expect(beamer.get_by_role('heading', name=STELLING)).to_be_visible()
    phones = [phone(browser) for _ in range(4)]
    for p in phones:
        join(p, f'{url}/j/{code}')
    found: dict[str, list[str]] = {}

    def check(state: str) -> None:
        check_projector(beamer, state)
        for name, page in (('console', facilitator), ('projector', beamer), ('phone', phones[0])):
            if lines := violations(page):
                found[f'{name} · {state}'] = lines

    click(facilitator, 'Verdeel iedereen over VOOR en TEGEN')
    for p in phones:
        expect(p.get_by_text('Jij zit aan de kant:')).to_be_visible()
    voor = [p for p in phones if p.locator('.lh-side-voor').count()]
    tegen = [p for p in phones if p not in voor]
    assert len(voor) == 2 and len(tegen) == 2
    check('sides')
    click(facilitator, 'Start het debat')

    request(voor[0], 1)  # the first to stand gets the turn: the server keeps the order of arrival
    request(tegen[0], 2)
    request(voor[1], 3)
    queue = beamer.locator('.lh-queue li')
    expect(queue).to_have_count(3)
    expect(queue.nth(0)).to_contain_text('iemand van VOOR')  # the side once, not 'iemand van VOOR (VOOR)'
    expect(queue.nth(1)).to_contain_text('iemand van TEGEN')
    check('queue')

    click(facilitator, 'Geef het woord aan de volgende')
    expect(beamer.get_by_text('Het woord is aan iemand van VOOR')).to_be_visible()
    check('speaking')
    speak(voor[0], 'Je eigen veiligheid gaat voor')
    click(facilitator, 'Geef het woord aan de volgende')
    speak(tegen[0], 'De burger zit vaak zelf klem', answers='V1. Je eigen veiligheid gaat voor')
    expect(beamer.get_by_text('antwoord op V1', exact=True)).to_be_visible()
    click(facilitator, 'Geef het woord aan de volgende')
    speak(voor[1], 'Veiligheid gaat altijd voor')

    click(facilitator, 'Schrappen V2')  # a repeat of V1
    facilitator.get_by_label('Reden').fill('herhaling van V1')
    facilitator.get_by_role('button', name='Schrappen', exact=True).click()
    expect(beamer.get_by_text('geschrapt: herhaling van V1')).to_be_visible()
    check('struck')
    facilitator.get_by_role('textbox', name='Je argument, kort samengevat').fill('Je mag een grens stellen')
    click(facilitator, 'Leg vast')  # said aloud, noted by the facilitator for VOOR

    tally = beamer.locator('.lh-tally-number')
    expect(tally.nth(0)).to_have_text('2')
    expect(tally.nth(1)).to_have_text('1')
    click(facilitator, 'Einde debat: naar de nabespreking')
    expect(beamer.get_by_text('VOOR wint met 2 tegen 1 argumenten')).to_be_visible()
    expect(tegen[1].get_by_text('VOOR wint met 2 tegen 1 argumenten')).to_be_visible()
    check('nabespreking')
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
