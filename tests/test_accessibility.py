"""WCAG 2.1 A/AA with axe-core on every view, in the states the browser reaches (views are listed in one place)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import console, console_with_voting_open, join, laptop, phone, step, vote
from .live_server import LiveServer

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent.parent / 'node_modules' / 'axe-core' / 'axe.min.js'
RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of the page as it is now, one line each (rule, impact, where)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        'async (tags) => await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})',
        RULES,
    )
    return [
        f'{v["id"]} ({v["impact"]}): {v["help"]} at {json.dumps([n["target"] for n in v["nodes"]][:3])}'
        for v in result['violations']
    ]


def test_every_view_in_every_state_has_no_wcag_violations(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    facilitator = console(browser, live_server, code)
    beamer = laptop(browser, f'{url}/p/{code}')
    phones = [phone(browser) for _ in range(3)]
    views: dict[str, Page] = {'console': facilitator, 'projector': beamer, 'phone': phones[0]}
    found: dict[str, list[str]] = {}

    def check(state: str) -> None:
        for name, page in views.items():
            for line in violations(page):
                found.setdefault(f'{name} · {state}', []).append(line)

    def visit(name: str, page: Page, path: str) -> None:
        page.goto(f'{url}{path}')
        page.wait_for_load_state('networkidle')
        if lines := violations(page):
            found[name] = lines

    phones[0].goto(f'{url}/j/{code}')
    check('before joining')
    steps: list[tuple[str, Callable[[], None]]] = [
        ('joined, waiting', lambda: [join(p, f'{url}/j/{code}') for p in phones]),
        ('statement shown', lambda: step(facilitator, 'Toon eerste stelling')),
        ('voting open', lambda: step(facilitator, 'Open stemming')),
        ('voted', lambda: [vote(p, c) for p, c in zip(phones, ['eens', 'eens', 'oneens'], strict=True)]),
        ('voting closed', lambda: step(facilitator, 'Sluit stemming')),
        ('result shown', lambda: step(facilitator, 'Toon uitslag')),
    ]
    for state, action in steps:
        action()
        check(state)
    stranger = laptop(browser)
    visit('join page', stranger, '/join')
    visit('unknown session', stranger, '/j/ZZZZZ')
    visit('access page', stranger, f'/f/{code}')
    visit('summary', facilitator, f'/f/{code}/summary')
    visit('start page', facilitator, '/')
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


def test_the_console_works_with_the_keyboard_alone(browser: Browser, live_server: LiveServer) -> None:
    facilitator = console(browser, live_server, live_server.demo_code())

    def press_tab_until(label: str) -> None:
        for _ in range(60):  # bounded: the console has a few dozen focusable elements
            facilitator.keyboard.press('Tab')
            if facilitator.evaluate('document.activeElement.innerText').strip() == label:
                return
        raise AssertionError(f'{label!r} cannot be reached with Tab')

    for label, then in [('Toon eerste stelling', 'Open stemming'), ('Open stemming', 'Sluit stemming')]:
        press_tab_until(label)
        facilitator.keyboard.press('Enter')
        expect(facilitator.get_by_role('button', name=then, exact=True)).to_be_visible()


def test_phone_tap_targets_are_at_least_44_pixels(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console_with_voting_open(browser, live_server)
    page = phone(browser)
    join(page, f'{live_server.url}/j/{code}')
    expect(page.get_by_role('button', name='Stem eens met deze stelling')).to_be_visible()
    small = page.evaluate(
        """() => [...document.querySelectorAll('button, a, input, [role=button]')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.innerText || e.getAttribute('aria-label') || e.tagName, e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 44 || r.height < 44)
            .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""
    )
    assert small == []
