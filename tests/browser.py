"""Debian's chromium through Playwright's sync API, and the few steps every browser test takes (join, console)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from .live_server import CHROMIUM, CHROMIUM_ARGS, LAPTOP, PHONE, LiveServer

TIMEOUT = 20_000  # ms: generous, for a loaded CI machine; expect() returns as soon as the page is right


@pytest.fixture(scope='module')
def chromium() -> Iterator[Browser]:
    """One chromium per test module (never a downloaded browser build: there may be no internet)."""
    expect.set_options(timeout=TIMEOUT)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


_logged: list[str] = []  # console errors and warnings and uncaught errors of the pages of the running test
_allowed: list[tuple[re.Pattern[str], str]] = []  # (pattern, why this test provokes it)


def allow_browser_log(pattern: str, reason: str) -> None:
    """A console error or warning matching `pattern` is what the running test provokes on purpose (`reason`)."""
    _allowed.append((re.compile(pattern), reason))


@pytest.fixture
def browser(chromium: Browser, live_server: LiveServer) -> Iterator[Browser]:
    """The module's chromium; every context a test opens is closed when the test ends, before its server stops
    (hence `live_server` here: pages left open would log the lost connection). The test fails when one of its pages
    logged a console error or warning, or threw an uncaught error, that it did not allow."""
    _logged.clear()
    _allowed.clear()
    yield chromium
    for context in chromium.contexts:
        context.close()
    problems = [line for line in _logged if not any(p.search(line) for p, _ in _allowed)]
    if problems:
        pytest.fail('the browser logged errors or warnings:\n' + '\n'.join(problems[:40]), pytrace=False)


def _watch(page: Page) -> None:
    """Keep the page's console errors and warnings and its uncaught errors for the test's end."""

    def console(message: ConsoleMessage) -> None:
        if message.type in ('error', 'warning'):
            _logged.append(f'{message.type}: {message.text} ({page.url})')

    page.on('console', console)
    page.on('pageerror', lambda error: _logged.append(f'uncaught: {error} ({page.url})'))


def _page(browser: Browser, device: dict[str, Any], url: str | None) -> Page:
    context = browser.new_context(**device)
    context.set_default_timeout(TIMEOUT)
    context.on('page', _watch)  # every page of the context, also one a link opens in a new tab
    page = context.new_page()
    if url:
        page.goto(url)
    return page


def phone(browser: Browser, url: str | None = None) -> Page:
    """A new phone-sized browser (its own cookies, so its own participant) with one page."""
    return _page(browser, PHONE, url)


def laptop(browser: Browser, url: str | None = None) -> Page:
    return _page(browser, LAPTOP, url)


def sign_in(page: Page, key: str) -> None:
    """On the access page: type `key` (the admin code or a session key) and enter."""
    page.get_by_label('Toegangscode').fill(key)
    page.get_by_role('button', name='Toegang', exact=True).click()
    expect(page.get_by_label('Toegangscode')).to_have_count(0)  # let in: the page it asked for is loaded


def console(browser: Browser, server: LiveServer, code: str, device: dict[str, Any] = LAPTOP) -> Page:
    """The facilitator's console of `code` on a laptop of its own, entered by typing the admin key."""
    page = _page(browser, device, f'{server.url}/f/{code}')
    sign_in(page, server.admin_key)
    expect(page.get_by_text('Programma', exact=True)).to_be_visible()
    assert page.url == f'{server.url}/f/{code}'  # no key or token in the address
    return page


def projector_of(console_page: Page, browser: Browser, device: dict[str, Any] = LAPTOP) -> Page:
    """The projector on another device, paired through the console's one-time projector link (a phone or the QR
    never carries one)."""
    console_page.get_by_role('button', name='Beamer op ander apparaat').click()
    link = console_page.get_by_label('Eenmalige beamerlink').input_value()
    console_page.get_by_role('button', name='Sluiten', exact=True).click()
    page = _page(browser, device, link)
    expect(page).to_have_url(link.split('?')[0])  # the token is traded and leaves the address bar
    expect(page.get_by_text('Alleen voor de begeleider')).to_have_count(0)
    return page


def step(page: Page, label: str) -> None:
    """Click the console's one obvious next step, which must be `label`."""
    button = page.get_by_role('button', name=label, exact=True)
    expect(button).to_be_visible()
    button.click()
    expect(button).to_be_hidden()  # the console moved on to the step after it


def join(page: Page, url: str, name: str = '') -> None:
    """Open the join link on a phone and take part (optionally with a name)."""
    page.goto(url)
    if name:
        page.get_by_label('Je naam').fill(name)
    page.get_by_role('button', name='Doe mee', exact=True).click()
    expect(page.get_by_role('button', name='Naam wijzigen')).to_be_visible()  # only a participant can rename


def vote(page: Page, choice: str) -> None:
    """Vote 'eens' or 'oneens' and wait until the phone says the vote is saved."""
    page.get_by_role('button', name=f'Stem {choice} met deze stelling').click()
    expect(page.get_by_text(f'Je stem is opgeslagen: {choice.capitalize()}', exact=True)).to_be_visible()


def console_with_voting_open(browser: Browser, server: LiveServer) -> Page:
    """The demo session's console with its first statement shown and voting open."""
    page = console(browser, server, server.demo_code())
    step(page, 'Toon eerste stelling')
    step(page, 'Open stemming')
    return page


# --- the projector: it fits every beamer and is read from the back of the room --------------------------------------

PROJECTOR_SIZES = ((1920, 1080), (1280, 800), (1024, 768))  # full HD, and the two sizes municipal beamers often have
SCREENSHOT_SIZES = {(1920, 1080), (1024, 768)}
ARTIFACTS = Path(__file__).parent.parent / 'test-artifacts' / 'projector'  # git-ignored; named in the README
MIN_TEXT = 24  # px at 1920x1080; on a smaller screen in proportion (the same size on the wall)

# One evaluate per size: the page must not scroll, no text may leave the screen or be cut off by a box that hides
# its overflow, and every text is at least MIN_TEXT px x min(width / 1920, height / 1080).
_PROJECTOR_CHECK = """(minText) => {
    const w = innerWidth, h = innerHeight, least = minText * Math.min(w / 1920, h / 1080) - 0.5;
    const root = document.scrollingElement, found = [];
    if (root.scrollHeight > h + 1) found.push(`the page scrolls: ${root.scrollHeight}px high`);
    if (root.scrollWidth > w + 1) found.push(`the page scrolls sideways: ${root.scrollWidth}px wide`);
    const texts = [...document.querySelectorAll('main *')].filter(e =>
        [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()) && e.getClientRects().length
        && getComputedStyle(e).visibility !== 'hidden');
    for (const e of texts) {
        const text = (e.textContent || '').trim().slice(0, 40), r = e.getBoundingClientRect();
        const size = parseFloat(getComputedStyle(e).fontSize);
        if (size < least) found.push(`${text}: ${size.toFixed(1)}px, less than ${least.toFixed(1)}px`);
        if (r.bottom > h + 1 || r.right > w + 1 || r.top < -1 || r.left < -1)
            found.push(`${text}: off the screen (${Math.round(r.left)},${Math.round(r.top)} to ` +
                       `${Math.round(r.right)},${Math.round(r.bottom)})`);
        for (let a = e; a && a !== document.body; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
            const box = a.getBoundingClientRect();
            const cut = a === e ? a.scrollHeight > a.clientHeight + 1 || a.scrollWidth > a.clientWidth + 1
                                : r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.top < box.top - 1;
            if (cut) { found.push(`${text}: cut off by ${a.className || a.tagName}`); break; }
        }
    }
    return found;
}"""


def check_projector(page: Page, state: str) -> None:
    """Assert that the projector in its present state fits 1920x1080, 1280x800 and 1024x768 without scrolling, cuts
    no text off and writes every text at least 24 px (at 1920x1080; in proportion on a smaller screen); keep a
    screenshot at 1920x1080 and 1024x768 under test-artifacts/projector/<test>/ (the page is resized, not reopened)."""
    before = page.viewport_size
    test = os.environ.get('PYTEST_CURRENT_TEST', 'test').split('::')[-1].split(' ')[0]
    folder = ARTIFACTS / test
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r'[^a-z0-9]+', '-', state.lower()).strip('-')
    problems: dict[str, list[str]] = {}
    try:
        for width, height in PROJECTOR_SIZES:
            page.set_viewport_size({'width': width, 'height': height})
            if found := page.evaluate(_PROJECTOR_CHECK, MIN_TEXT):
                problems[f'{width}x{height}'] = found
            if (width, height) in SCREENSHOT_SIZES:
                page.screenshot(path=str(folder / f'{name}-{width}x{height}.png'), animations='disabled')
    finally:
        if before:
            page.set_viewport_size(before)
    assert problems == {}, f'the projector in state {state!r}: {problems}'


def check_projector_720(page: Page, state: str) -> None:
    """The projector also fits a 16:9 beamer at its smallest, 1280×720, besides check_projector's sizes."""
    before = page.viewport_size
    page.set_viewport_size({'width': 1280, 'height': 720})
    try:
        assert page.evaluate(_PROJECTOR_CHECK, MIN_TEXT) == [], state
    finally:
        if before:
            page.set_viewport_size(before)
