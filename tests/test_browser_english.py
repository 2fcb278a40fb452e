"""The whole room in English (WCAG 2.1 3.1.1, 4.1.2): the console, the phone and the projector speak English, say
so in `<html lang>`, and the widgets' own names (a fold-out's "Expand …") are English too; the projector's language
is chosen on the console and an open projector follows at once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import PHONE, _page, laptop
from .live_server import LiveServer
from .test_accessibility import violations

pytestmark = pytest.mark.browser


def _in_english(page: Page, url: str, path: str) -> None:
    page.goto(f'{url}/language/en?back={path}')


def _lang(page: Page) -> str:
    return page.evaluate('document.documentElement.lang')


def test_a_session_in_english_speaks_english_on_every_view(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    leader = laptop(browser)
    _in_english(leader, url, f'/f/{code}')
    leader.get_by_label('Access code').fill(live_server.admin_key)
    leader.get_by_role('button', name='Enter', exact=True).click()
    expect(leader.get_by_text('Programme', exact=True)).to_be_visible()
    assert _lang(leader) == 'en-US'

    # the projector on another device, whose browser was never switched: the console decides its language
    leader.get_by_role('button', name='Projector on another device').click()
    link = leader.get_by_label('One-time projector link').input_value()
    leader.get_by_role('button', name='Close', exact=True).click()
    beamer = laptop(browser, link)
    expect(beamer.get_by_text(code).first).to_be_visible()
    assert _lang(beamer) == 'nl'  # nobody chose yet: the beamer's own browser (Dutch by default)
    leader.get_by_text('Settings', exact=True).click()  # the console's settings fold out
    leader.get_by_role('combobox', name='Projector language').click()
    leader.get_by_role('option', name='English').click()
    expect(beamer.locator('html')).to_have_attribute('lang', 'en-US')  # the open projector followed by itself

    mobile = _page(browser, PHONE, None)
    _in_english(mobile, url, f'/j/{code}')
    assert _lang(mobile) == 'en-US'
    mobile.get_by_role('button', name='Join', exact=True).click()
    expect(mobile.get_by_role('button', name='Change name')).to_be_visible()

    found: dict[str, list[str]] = {}

    def check(state: str) -> None:
        for name, page in (('console', leader), ('projector', beamer), ('phone', mobile)):
            if lines := violations(page):
                found[f'{name} · {state}'] = lines

    check('joined')
    leader.get_by_role('button', name='Show first statement', exact=True).click()
    leader.get_by_role('button', name='Open voting', exact=True).click()
    expect(beamer.get_by_text('Vote now on your phone: agree or disagree')).to_be_visible()
    mobile.get_by_role('button', name='Vote agree with this statement').click()
    expect(mobile.get_by_text('Your vote is saved: Agree', exact=True)).to_be_visible()
    check('voting')
    leader.get_by_role('link', name='Summary').click()
    leader.wait_for_load_state('networkidle')
    if lines := violations(leader):
        found['summary'] = lines
    assert found == {}

    leader.goto(f'{url}/f/{code}')  # and back to Dutch: the projector follows again
    leader.get_by_text('Settings', exact=True).click()
    leader.get_by_role('combobox', name='Projector language').click()
    leader.get_by_role('option', name='Nederlands').click()
    expect(beamer.locator('html')).to_have_attribute('lang', 'nl')
    expect(beamer.get_by_text('Stem nu op je telefoon: eens of oneens')).to_be_visible()


# Each werkvorm of the demo: what its programme row starts (.start-aN), and a text its projector and its phone show
# in English once it runs (the console, the projector and the phone are then checked once each)
WERKVORMEN = {
    'quiz': ('a2', 'The group with the most points wins. Speed does not count.', 'You are not in a group yet'),
    'lagerhuis': ('a3', 'No statement yet', 'You are not on a side yet'),
    'arena': ('a4', 'Round 1: the host asks the inner ring questions.', 'You are not in a ring yet'),
    'dilemma': ('a5', 'Collecting dilemmas', 'The dilemma method starts soon. Keep this page open.'),
}


def test_the_start_page_the_team_plan_and_every_werkvorm_speak_english(
    browser: Browser, live_server: LiveServer
) -> None:
    code = live_server.demo_code()
    url = live_server.url
    found: dict[str, list[str]] = {}

    def check(view: str, page: Page) -> None:
        lines = [] if _lang(page) == 'en-US' else [f'<html lang="{_lang(page)}">']
        if lines := lines + violations(page):
            found[view] = lines

    leader = laptop(browser)
    _in_english(leader, url, '/')
    leader.get_by_label('Access code').fill(live_server.admin_key)
    leader.get_by_role('button', name='Enter', exact=True).click()
    expect(leader.get_by_role('heading', name='New session')).to_be_visible()
    check('start page', leader)

    leader.goto(f'{url}/f/{code}')
    leader.get_by_role('link', name=re.compile('^Team plan of ')).click()
    expect(leader.get_by_role('heading', name=re.compile('^Team plan: '))).to_be_visible()
    check('team plan page', leader)

    leader.goto(f'{url}/f/{code}')
    leader.get_by_role('button', name='Projector on another device').click()
    link = leader.get_by_label('One-time projector link').input_value()
    leader.get_by_role('button', name='Close', exact=True).click()
    leader.get_by_text('Settings', exact=True).click()
    leader.get_by_role('combobox', name='Projector language').click()
    leader.get_by_role('option', name='English').click()
    beamer = laptop(browser, link)
    expect(beamer.locator('html')).to_have_attribute('lang', 'en-US')
    mobile = _page(browser, PHONE, None)
    _in_english(mobile, url, f'/j/{code}')
    mobile.get_by_role('button', name='Join', exact=True).click()
    expect(mobile.get_by_role('button', name='Change name')).to_be_visible()

    for kind, (activity, on_projector, on_phone) in WERKVORMEN.items():
        leader.locator(f'.start-{activity}').click()
        expect(leader.locator(f'.start-{activity}')).to_have_count(0)  # it runs
        expect(beamer.get_by_text(on_projector, exact=True).first).to_be_visible()
        expect(mobile.get_by_text(on_phone, exact=True)).to_be_visible()
        for view, page in (('console', leader), ('projector', beamer), ('phone', mobile)):
            check(f'{kind} · {view}', page)
    assert found == {}, found
