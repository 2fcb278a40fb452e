"""A click counts once in a real browser: a double click on *Sessie aanmaken* makes one session."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import console, join, laptop, phone, sign_in
from tests.live_server import LiveServer

from .test_double_click import rows

pytestmark = pytest.mark.browser


def test_a_double_click_on_sessie_aanmaken_makes_one_session(browser: Browser, live_server: LiveServer) -> None:
    before = rows(live_server, 'SELECT count(*) FROM sessions')[0][0]
    page = laptop(browser, f'{live_server.url}/')
    sign_in(page, live_server.admin_key)
    page.get_by_label('Naam van de sessie').fill('Dubbel geklikt')
    page.get_by_role('button', name='Sessie aanmaken').dblclick()
    expect(page).to_have_url(re.compile(rf'^{re.escape(live_server.url)}/f/[A-Z0-9]{{5}}$'))
    expect(page.get_by_text('Programma', exact=True)).to_be_visible()
    assert rows(live_server, 'SELECT count(*) FROM sessions')[0][0] == before + 1


def test_a_double_click_on_the_consoles_next_step_takes_one_step(browser: Browser, live_server: LiveServer) -> None:
    page = console(browser, live_server, live_server.demo_code())
    page.get_by_role('button', name='Toon eerste stelling', exact=True).dblclick()
    expect(page.get_by_role('button', name='Open stemming', exact=True)).to_be_visible()
    page.get_by_role('button', name='Open stemming', exact=True).click()  # the step after it: at once, not held back
    expect(page.get_by_role('button', name='Sluit stemming', exact=True)).to_be_visible()
    assert rows(live_server, "SELECT count(*) FROM events WHERE type = 'statement.shown'")[0][0] == 1
    assert rows(live_server, "SELECT count(*) FROM events WHERE type = 'voting.opened'")[0][0] == 1


def test_an_open_list_in_the_console_stays_open_while_people_join(browser: Browser, live_server: LiveServer) -> None:
    """The arena's *Deelnemer* list is open when a phone joins: the new person appears in it and the choice lands
    (the form used to be re-made on every join, which pulled the open list away)."""
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    leader.get_by_role('button', name='Start Arenagesprek', exact=True).click()
    expect(leader.get_by_text('Ringen en plan', exact=True)).to_be_visible()
    first = phone(browser)
    join(first, f'{live_server.url}/j/{code}')
    leader.get_by_role('combobox', name='Deelnemer').click()
    expect(leader.get_by_role('option', name='1. iemand (anoniem)')).to_be_visible()
    second = phone(browser)
    join(second, f'{live_server.url}/j/{code}')
    expect(leader.get_by_role('option', name='2. iemand (anoniem)')).to_be_visible()  # the open list took it in
    leader.get_by_role('option', name='2. iemand (anoniem)').click()
    leader.get_by_role('combobox', name='Naar ring').click()
    leader.get_by_role('option', name='Binnenring').click()
    leader.get_by_role('button', name='Verplaats', exact=True).click()
    expect(second.locator('.arena-ring-binnen')).to_be_visible()
