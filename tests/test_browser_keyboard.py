"""The console by keyboard alone (WCAG 2.1 2.4.1, 2.4.3): the next step is one Tab away on every console, and after
a step by Enter the focus stays on the step button (now the next step), so Enter, Enter, Enter runs a round; where a
step goes away, the focus goes on to the next step (or, while there is none, stays in the console), never to the
page's body. Checked on the stellingen, the kennisquiz and the lagerhuis."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import console, join, laptop, phone, sign_in, vote
from .live_server import LiveServer
from .test_browser_quiz import click

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

    # the nabespreking's note, saved by keyboard: the second round is then one Tab away
    discussion = leader.locator('.discussion')
    discussion.get_by_label('Wat moet anders in beleid of afspraken?').fill('De meldroute in het protocol zetten')
    leader.keyboard.press('Tab')  # leaving the field saves it
    expect(discussion.get_by_role('button', name='Opslaan', exact=True)).to_be_focused()
    leader.keyboard.press('Enter')
    expect(leader.get_by_role('button', name='Volgende stelling', exact=True)).to_be_focused()  # the next step
    leader.keyboard.press('Tab')
    expect(again).to_be_focused()
    leader.keyboard.press('Enter')
    expect(again).to_be_hidden()  # a second round is open: the button is gone, the focus went on to the next step
    expect(leader.get_by_role('button', name='Sluit stemming', exact=True)).to_be_focused()
    for p in phones:
        vote(p, 'eens')
    _enter_on(leader, 'Sluit stemming', 'Toon uitslag')
    _enter_on(leader, 'Toon uitslag', 'Volgende stelling')
    _enter_on(leader, 'Volgende stelling', 'Open stemming')
    expect(leader.get_by_text('Stelling 2 van 14', exact=True)).to_be_visible()

    # a statement chosen from the list: the focus stays on its Toon or goes on to the next step
    leader.get_by_text('Stellingen', exact=True).click()
    show = leader.get_by_role('button', name='Toon 5', exact=True)
    show.focus()
    leader.keyboard.press('Enter')
    expect(leader.get_by_text('Stelling 5 van 14', exact=True)).to_be_visible()
    expect(show).to_be_hidden()  # the statement shown has no Toon: the focus went on to the next step
    expect(leader.get_by_role('button', name='Open stemming', exact=True)).to_be_focused()


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


def _in_the_console(page: Page) -> None:
    """The focus is on something of the console itself, not fallen back to the page's body or start."""
    expect(page.locator('main :focus')).to_have_count(1)


def _skip_to_next_step(page: Page, label: str) -> None:
    """By the skip link (the page's first Tab) to the next step, which is `label`."""
    page.get_by_role('link', name='Naar de volgende stap').focus()
    page.keyboard.press('Enter')
    expect(page.get_by_role('button', name=label, exact=True)).to_be_focused()


def test_the_quizs_steps_by_enter_keep_the_focus_on_the_next_step(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    click(leader, 'Start Kennisquiz veilig werken')
    for p in [phone(browser) for _ in range(4)]:
        join(p, f'{live_server.url}/j/{code}')
    click(leader, 'Verdeel iedereen automatisch')
    expect(leader.get_by_text('2 leden')).to_have_count(2)
    _skip_to_next_step(leader, 'Start de quiz')
    _enter_on(leader, 'Start de quiz', 'Stel de volgende vraag')
    _enter_on(leader, 'Stel de volgende vraag', 'Goed')  # a card is played: judging it is the step
    _enter_on(leader, 'Goed', 'Stel de volgende vraag')
    _enter_on(leader, 'Stel de volgende vraag', 'Goed')
    leader.keyboard.press('Tab')
    leader.keyboard.press('Tab')
    _enter_on(leader, 'Weet het niet', 'Niemand neemt over')  # the other group may take it over, or nobody
    _enter_on(leader, 'Niemand neemt over', 'Stel de volgende vraag')


def test_the_lagerhuiss_steps_by_enter_keep_the_focus_in_the_console(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    click(leader, 'Start Lagerhuisdiscussie')
    leader.get_by_role('textbox', name='Stelling').fill('Bij schelden mag ik het gesprek direct beëindigen.')
    click(leader, 'Gebruik deze stelling')
    phones = [phone(browser) for _ in range(2)]
    for p in phones:
        join(p, f'{live_server.url}/j/{code}')
    click(leader, 'Verdeel iedereen over VOOR en TEGEN')
    for p in phones:
        expect(p.get_by_text('Jij zit aan de kant:')).to_be_visible()
    _skip_to_next_step(leader, 'Start het debat')
    leader.keyboard.press('Enter')
    expect(leader.get_by_role('button', name='Start het debat', exact=True)).to_be_hidden()
    _in_the_console(leader)  # nothing to do until someone asks for the floor: the focus stays in the console
    for place, p in enumerate(phones, start=1):
        click(p, 'Ik wil het woord')
        expect(p.get_by_role('button', name=f'Je staat {place}e in de rij.')).to_be_visible()
    _skip_to_next_step(leader, 'Geef het woord aan de volgende')
    _enter_on(leader, 'Geef het woord aan de volgende', 'Geef het woord aan de volgende')  # to the next in the queue
    expect(phones[0].get_by_text('Jij hebt het woord!')).to_be_visible()
    _enter_on(leader, 'Geef het woord aan de volgende', 'Beurt beëindigen')  # the queue is empty: end this turn
    leader.keyboard.press('Enter')
    expect(leader.get_by_role('button', name='Beurt beëindigen', exact=True)).to_be_hidden()
    _in_the_console(leader)
