"""A click counts once in a real browser: a double click on *Sessie aanmaken* makes one session."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import console, laptop, sign_in
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
