"""The console by keyboard alone (WCAG 2.1 2.4.1, 2.4.3): the next step is one Tab away on every console, and after
a step by Enter the focus stays on the step button (now the next step), so Enter, Enter, Enter runs a round."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import console, join, laptop, phone, sign_in, vote
from .live_server import LiveServer

pytestmark = pytest.mark.browser


def _focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e && e !== document.body ? e.innerText.trim() : '(body)' }"
    )


def _enter_on(page: Page, label: str, then: str) -> None:
    """`label` has the focus; Enter takes the step, and the focus is then on `then` (the next step)."""
    expect(page.get_by_role('button', name=label, exact=True)).to_be_focused()
    page.keyboard.press('Enter')
    expect(page.get_by_role('button', name=then, exact=True)).to_be_visible()
    expect(page.get_by_role('button', name=then, exact=True)).to_be_focused()


def test_a_round_of_stellingen_runs_by_enter_with_the_focus_on_the_next_step(
    browser: Browser, live_server: LiveServer
) -> None:
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    phones = [phone(browser) for _ in range(3)]
    for p in phones:
        join(p, f'{live_server.url}/j/{code}')
    leader.keyboard.press('Tab')  # the first Tab of the page: the skip link to the next step
    assert _focused(leader) == 'Naar de volgende stap'
    leader.keyboard.press('Enter')
    _enter_on(leader, 'Toon eerste stelling', 'Open stemming')
    _enter_on(leader, 'Open stemming', 'Sluit stemming')
    for p, choice in zip(phones, ['eens', 'eens', 'oneens'], strict=True):
        vote(p, choice)
    _enter_on(leader, 'Sluit stemming', 'Toon uitslag')
    _enter_on(leader, 'Toon uitslag', 'Volgende stelling')
    leader.keyboard.press('Tab')  # the other step beside it
    again = leader.get_by_role('button', name=re.compile('Nieuwe stemronde'))
    expect(again).to_be_focused()
    leader.keyboard.press('Enter')
    expect(again).to_be_hidden()  # a second round is open: the button is gone, the focus went on to the next step
    expect(leader.get_by_role('button', name='Sluit stemming', exact=True)).to_be_focused()


def test_a_new_sessions_first_step_is_one_tab_away(browser: Browser, live_server: LiveServer) -> None:
    page = laptop(browser, f'{live_server.url}/')
    sign_in(page, live_server.admin_key)
    page.get_by_label('Naam van de sessie').fill('Werkoverleg december')
    page.get_by_role('button', name='Sessie aanmaken', exact=True).focus()
    page.keyboard.press('Enter')
    expect(page.get_by_text('Programma', exact=True)).to_be_visible()
    page.keyboard.press('Tab')
    assert _focused(page) == 'Naar de volgende stap'
    page.keyboard.press('Enter')
    expect(page.get_by_role('button', name=re.compile('Werkvorm toevoegen'))).to_be_focused()  # its fold-out
    page.keyboard.press('Enter')
    expect(page.get_by_role('combobox', name='Werkvorm', exact=True)).to_be_visible()  # open: the form is next
