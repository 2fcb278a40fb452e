"""Stellingen in real browsers: a facilitator's laptop, the projector and phones against the real server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from facilitation.store import Store

from .browser import check_projector, console, join, phone, projector_of, step, vote
from .hostile import HOSTILE
from .live_server import LiveServer

pytestmark = pytest.mark.browser

HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">'
HOSTILE_STATEMENT = '<script>window.__pwned=1</script>'


def projector(browser: Browser, console_page: Page) -> Page:
    page = projector_of(console_page, browser)
    expect(page.get_by_role('img', name=re.compile(r'^QR: '))).to_be_visible()
    return page


def scanned_join_url(projector_page: Page) -> str:
    """The join URL as a phone gets it from the projector: what the QR encodes, also written out beside it."""
    label = projector_page.get_by_role('img', name=re.compile(r'^QR: ')).get_attribute('aria-label')
    assert label
    url = label.removeprefix('QR: ')
    expect(projector_page.get_by_text(url, exact=True)).to_be_visible()
    return url


def test_full_statement_round(live_server: LiveServer, browser: Browser) -> None:
    code = live_server.demo_code()
    facilitator = console(browser, live_server, code)
    beamer = projector(browser, facilitator)
    url = scanned_join_url(beamer)
    assert url == f'{live_server.url}/j/{code}'
    phones = [phone(browser) for _ in range(3)]
    for p in phones:
        join(p, url)
    expect(beamer.get_by_text('3 deelnemers', exact=True)).to_be_visible()
    expect(facilitator.get_by_text('Deelnemers: 3', exact=True)).to_be_visible()
    check_projector(beamer, 'lobby')

    step(facilitator, 'Toon eerste stelling')
    expect(phones[0].get_by_text('Stelling 1 van 14', exact=True)).to_be_visible()
    expect(beamer.get_by_text('Stelling 1 van 14', exact=True)).to_be_visible()
    check_projector(beamer, 'statement shown')
    step(facilitator, 'Open stemming')
    expect(beamer.get_by_text('Stem nu op je telefoon: eens of oneens', exact=True)).to_be_visible()
    expect(beamer.get_by_text('0 van 3 gestemd', exact=True)).to_be_visible()
    check_projector(beamer, 'voting open')
    for p, choice in zip(phones, ['eens', 'eens', 'oneens'], strict=True):
        vote(p, choice)
    expect(beamer.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()
    expect(facilitator.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()

    step(facilitator, 'Sluit stemming')
    expect(phones[2].get_by_text('De stemming is gesloten. Jouw stem: Oneens', exact=True)).to_be_visible()
    expect(beamer.get_by_text('De stemming is gesloten', exact=True)).to_be_visible()
    check_projector(beamer, 'voting closed')
    step(facilitator, 'Toon uitslag')
    expect(beamer.get_by_text('2 (67%)', exact=True)).to_be_visible()
    expect(beamer.get_by_text('1 (33%)', exact=True)).to_be_visible()
    check_projector(beamer, 'result shown')
    expect(phones[0].get_by_text('2 (67%)', exact=True)).to_be_visible()
    expect(phones[0].get_by_text('1 (33%)', exact=True)).to_be_visible()
    expect(facilitator.get_by_role('button', name='Volgende stelling', exact=True)).to_be_visible()


def test_reload_mid_round_keeps_exactly_one_vote(live_server: LiveServer, browser: Browser, data_dir: Path) -> None:
    code = live_server.demo_code()
    facilitator = console(browser, live_server, code)
    beamer = projector(browser, facilitator)
    participant = phone(browser)
    join(participant, f'{live_server.url}/j/{code}')
    expect(facilitator.get_by_text('Deelnemers: 1', exact=True)).to_be_visible()
    step(facilitator, 'Toon eerste stelling')
    step(facilitator, 'Open stemming')
    expect(beamer.get_by_text('0 van 1 gestemd', exact=True)).to_be_visible()
    check_projector(beamer, 'voting open')

    vote(participant, 'eens')
    participant.reload()
    expect(participant.get_by_text('Je stem is opgeslagen: Eens', exact=True)).to_be_visible()
    expect(participant.get_by_role('button', name='Stem eens met deze stelling')).to_have_attribute(
        'aria-pressed', 'true'
    )
    vote(participant, 'oneens')

    expect(beamer.get_by_text('1 van 1 gestemd', exact=True)).to_be_visible()
    expect(beamer.get_by_text('1 deelnemer', exact=True)).to_be_visible()
    expect(facilitator.get_by_text('1 van 1 gestemd', exact=True)).to_be_visible()
    check_projector(beamer, 'voted after a reload')
    participant.reload()
    expect(participant.get_by_text('Je stem is opgeslagen: Oneens', exact=True)).to_be_visible()

    store = Store(data_dir / 'samenspel.db')
    try:
        (session,) = store.sessions()
        events = store.events(session.id)
    finally:
        store.close()
    joined = [e.actor.id for e in events if e.type == 'participant.joined']
    votes = [(e.actor.id, e.data['choice']) for e in events if e.type == 'vote.cast']
    assert len(joined) == 1
    assert votes == [(joined[0], 'eens'), (joined[0], 'oneens')]


def test_below_minimum_votes_result_stays_hidden(live_server: LiveServer, browser: Browser) -> None:
    code = live_server.demo_code()
    facilitator = console(browser, live_server, code)
    beamer = projector(browser, facilitator)
    phones = [phone(browser) for _ in range(2)]
    for p in phones:
        join(p, f'{live_server.url}/j/{code}')
    expect(facilitator.get_by_text('Deelnemers: 2', exact=True)).to_be_visible()
    step(facilitator, 'Toon eerste stelling')
    step(facilitator, 'Open stemming')
    vote(phones[0], 'eens')
    vote(phones[1], 'oneens')
    expect(beamer.get_by_text('2 van 2 gestemd', exact=True)).to_be_visible()
    expect(facilitator.get_by_text('2 van 2 gestemd', exact=True)).to_be_visible()
    step(facilitator, 'Sluit stemming')
    step(facilitator, 'Toon uitslag')

    too_few = 'Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).'
    expect(beamer.get_by_text(too_few, exact=True)).to_be_visible()
    expect(phones[0].get_by_text(too_few, exact=True)).to_be_visible()
    bar_text = re.compile(r'^\d+ \(\d+%\)$')
    for page in (beamer, phones[0], phones[1], facilitator):
        expect(page.get_by_text(bar_text)).to_have_count(0)
    expect(beamer.locator('.result-chart')).to_have_count(0)
    check_projector(beamer, 'result hidden, too few votes')


def test_hostile_text_is_shown_as_text(live_server: LiveServer, browser: Browser) -> None:
    code = live_server.demo_code()
    facilitator = console(browser, live_server, code)
    beamer = projector(browser, facilitator)
    participant = phone(browser)
    join(participant, f'{live_server.url}/j/{code}', name=HOSTILE_NAME)
    expect(participant.get_by_text(f'Je doet mee als {HOSTILE_NAME}', exact=True)).to_be_visible()
    expect(beamer.get_by_text(HOSTILE_NAME, exact=True)).to_be_visible()  # the lobby names who chose a name
    check_projector(beamer, 'lobby with a chosen name')

    facilitator.get_by_text('Nieuwe stelling', exact=True).click()
    facilitator.get_by_label('Stelling', exact=True).fill(HOSTILE_STATEMENT)
    facilitator.get_by_role('button', name='Toevoegen', exact=True).click()
    expect(facilitator.get_by_text('Opgeslagen', exact=True)).to_be_visible()
    show = facilitator.get_by_role('button', name='Toon 15', exact=True, include_hidden=True)
    expect(show).to_have_count(1)  # the statement list (folded) has the new one
    facilitator.get_by_text('Stellingen', exact=True).click()
    show.click()

    for page in (participant, beamer, facilitator):
        expect(page.get_by_text('Stelling 15 van 15', exact=True)).to_be_visible()
        expect(page.get_by_role('heading', name=HOSTILE_STATEMENT, exact=True)).to_be_visible()
    participant.reload()
    beamer.reload()
    expect(participant.get_by_text(f'Je doet mee als {HOSTILE_NAME}', exact=True)).to_be_visible()
    for page in (participant, beamer):
        expect(page.get_by_role('heading', name=HOSTILE_STATEMENT, exact=True)).to_be_visible()
    for page in (participant, beamer, facilitator):
        expect(page.locator('main img[src="x"], main script')).to_have_count(0)
        assert page.evaluate('typeof window.__pwned') == 'undefined'


def test_unknown_code_gets_friendly_page(live_server: LiveServer, browser: Browser) -> None:
    code = live_server.demo_code()
    visitor = phone(browser, f'{live_server.url}/j/ZZZZZ')
    expect(visitor.get_by_role('heading', name='Deze sessie bestaat niet')).to_be_visible()
    expect(visitor.get_by_text('Controleer de code op het scherm.', exact=False)).to_be_visible()

    visitor.goto(f'{live_server.url}/join')
    visitor.get_by_label('Sessiecode').fill('ZZZZZ')
    visitor.get_by_role('button', name='Ga verder', exact=True).click()
    expect(visitor.get_by_role('alert').filter(has_text='Controleer de code op het scherm')).to_be_visible()
    expect(visitor).to_have_url(f'{live_server.url}/join')

    join(visitor, f'{live_server.url}/j/{code}')
    visitor.goto(f'{live_server.url}/f/{code}')
    expect(visitor.get_by_role('heading', name='Alleen voor de begeleider')).to_be_visible()
    expect(visitor.get_by_text('Programma', exact=True)).to_have_count(0)
    expect(visitor.get_by_role('button', name='Toon eerste stelling')).to_have_count(0)
    expect(visitor.get_by_text(code, exact=True)).to_have_count(0)


def test_each_screen_keeps_its_own_language_when_someone_else_acts(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    phone_page = phone(browser)
    join(phone_page, f'{live_server.url}/j/{code}')
    facilitator = console(browser, live_server, code)
    facilitator.get_by_role('link', name='Switch to English').click()
    step(facilitator, 'Show first statement')
    expect(phone_page.get_by_text('Stelling 1 van 14', exact=True)).to_be_visible()
    expect(phone_page.get_by_text('Statement 1 of 14')).to_have_count(0)


def test_the_hostile_corpus_is_shown_literally_everywhere(live_server: LiveServer, browser: Browser) -> None:
    code = live_server.demo_code()
    facilitator = console(browser, live_server, code)
    beamer = projector(browser, facilitator)
    facilitator.get_by_text('Nieuwe stelling', exact=True).click()
    statements = [text for text in HOSTILE if len(text) <= 300]
    field = facilitator.get_by_label('Stelling', exact=True)
    for number, text in enumerate(statements, start=15):
        field.fill(text)
        field.press('Tab')  # as a person does: leave the field, then click
        facilitator.get_by_role('button', name='Toevoegen', exact=True).click()
        expect(facilitator.get_by_role('button', name=f'Toon {number}', exact=True, include_hidden=True)).to_have_count(
            1
        )
        expect(field).to_have_value('')  # accepted, form cleared
    facilitator.get_by_text('Stellingen', exact=True).click()
    for number, text in enumerate(statements, start=15):
        shown = ' '.join(text.replace('\u202e', '').replace('\x00', '').replace('\x07', '').split())
        expect(facilitator.get_by_text(shown, exact=True)).to_be_visible()
        if number == 15:
            facilitator.get_by_role('button', name=f'Toon {number}', exact=True).click()
            expect(beamer.get_by_role('heading', name=shown, exact=True)).to_be_visible()
            check_projector(beamer, 'a hostile statement shown')
    for page in (beamer, facilitator):
        expect(page.locator('main img[src="x"], main script, main a[href^="javascript"]')).to_have_count(0)
        assert page.evaluate('typeof window.__pwned') == 'undefined'
