"""WCAG 2.1 A/AA with axe-core on every view, in the states the browser reaches (views are listed in one place)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import console, console_with_voting_open, join, laptop, phone, projector_of, step, vote
from .live_server import LiveServer

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent.parent / 'node_modules' / 'axe-core' / 'axe.min.js'
RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
STEADY = '*, *::before, *::after { transition: none !important; animation: none !important; }'
_STEADY = """(css) => {
    if (document.getElementById('axe-steady')) return;
    const style = Object.assign(document.createElement('style'), {id: 'axe-steady', textContent: css});
    document.head.appendChild(style);
}"""


# WCAG 3.1.1: <html lang> is the language the page speaks (the one its language switch does not offer), and the
# names the widget library gives (a fold-out's "Expand ...") are in that language too
_LANGUAGE_CHECK = """() => {
    const lang = document.documentElement.lang || '';
    const other = document.querySelector('.lang-switch')?.getAttribute('lang');
    const found = [];
    if (!lang) found.push('the page has no <html lang>');
    if (other && lang.startsWith(other)) found.push(`<html lang="${lang}"> on a page that offers ${other} instead`);
    const speaks = other ? (other === 'nl' ? 'en' : 'nl') : lang.slice(0, 2);
    const foreign = speaks === 'en' ? /uitklappen|inklappen/i : /\\b(expand|collapse)\\b/i;
    for (const el of document.querySelectorAll('[aria-label]')) {
        const name = el.getAttribute('aria-label');
        if (foreign.test(name)) found.push(`a name in the other language: "${name}"`);
    }
    return found;
}"""


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of the page as it is now, one line each (rule, impact, where), and the
    page's language where it is not the one the page speaks."""
    # the steady state, never a frame of a fade: a button or notice caught mid-transition has a colour of neither end
    page.evaluate(_STEADY, STEADY)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        'async (tags) => await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})',
        RULES,
    )
    return [
        f'{v["id"]} ({v["impact"]}): {v["help"]} at {json.dumps([n["target"] for n in v["nodes"]][:3])}'
        for v in result['violations']
    ] + [f'language: {line}' for line in page.evaluate(_LANGUAGE_CHECK)]


def test_every_view_in_every_state_has_no_wcag_violations(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    facilitator = console(browser, live_server, code)
    beamer = projector_of(facilitator, browser)
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
    visit('incident import', facilitator, '/incidenten/import')
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


OVERFLOW = """() => {
    const wide = document.documentElement.scrollWidth > window.innerWidth + 1;
    const clipped = [...document.querySelectorAll('main *')]
        .filter(e => e.offsetParent !== null && e.children.length === 0 && e.innerText && e.innerText.trim())
        .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map(e => e.innerText.trim().slice(0, 40));
    return {wide: wide ? `page is ${document.documentElement.scrollWidth}px wide in ${window.innerWidth}px` : '',
            clipped};
}"""


def no_loss(page: Page) -> dict[str, object]:
    """What a reader would lose at this size: sideways scrolling of the whole page, or text cut off."""
    found = page.evaluate(OVERFLOW)
    return {key: value for key, value in found.items() if value}


def test_text_at_200_percent_loses_nothing(browser: Browser, live_server: LiveServer) -> None:
    """WCAG 1.4.4: the console and projector at 200 % browser zoom (a 1280 px laptop is then 640 CSS px wide), and
    the phone with its text size doubled (the phone's accessibility setting): no sideways scrolling, no text cut
    off, and the one big action still there."""
    code = live_server.demo_code()
    url = live_server.url
    zoomed = {'viewport': {'width': 640, 'height': 400}, 'device_scale_factor': 2}
    facilitator = console(browser, live_server, code, zoomed)
    step(facilitator, 'Toon eerste stelling')
    step(facilitator, 'Open stemming')
    beamer = projector_of(facilitator, browser, zoomed)
    page = phone(browser)
    page.add_init_script(
        'document.addEventListener("DOMContentLoaded", () => document.documentElement.style.fontSize = "200%")'
    )
    join(page, f'{url}/j/{code}')
    eens = page.get_by_role('button', name='Stem eens met deze stelling')
    expect(eens).to_be_visible()
    assert page.evaluate('parseFloat(getComputedStyle(document.body).fontSize)') >= 32  # the text did double

    expect(beamer.get_by_text('0 van 1 gestemd')).to_be_visible()
    expect(facilitator.get_by_role('button', name='Sluit stemming', exact=True)).to_be_visible()
    losses = {name: no_loss(p) for name, p in [('console', facilitator), ('projector', beamer), ('phone', page)]}
    assert {name: loss for name, loss in losses.items() if loss} == {}
    eens.click()
    expect(page.get_by_text('Je stem is opgeslagen: Eens', exact=True)).to_be_visible()


def test_the_projector_is_readable_from_the_back_of_the_room(browser: Browser, live_server: LiveServer) -> None:
    """On a 1920x1080 projector: every text at least 24 px (about 1/45 of the screen height, legible at ~10 m on a
    3 m wide screen), the statement and the count at least 48 px, and WCAG AA contrast (axe) for all of it."""
    facilitator = console_with_voting_open(browser, live_server)
    beamer = projector_of(facilitator, browser, {'viewport': {'width': 1920, 'height': 1080}})
    expect(beamer.get_by_text('0 van 0 gestemd')).to_be_visible()
    sizes = beamer.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
            .map(e => [e.innerText.trim().slice(0, 30) || e.outerHTML.slice(0, 60),
                       parseFloat(getComputedStyle(e).fontSize)])"""
    )
    small = [f'{text}: {size}px' for text, size in sizes if size < 24]
    assert small == []
    big = dict(sizes)
    assert big['0 van 0 gestemd'] >= 48
    statement = beamer.locator('.projector-statement')
    assert float(statement.evaluate('e => parseFloat(getComputedStyle(e).fontSize)')) >= 48
    assert violations(beamer) == []


# The colour a button's text stands on while Quasar's focus helper (and its ::before and ::after) lies over the
# button's own background, and the contrast of the text against it (axe reads no element without pointer events).
_FOCUSED_CONTRAST = """(selector) => {
    const rgba = (text) => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
    const over = (top, alpha, under) => under.map((c, i) => top[i] * alpha + c * (1 - alpha));
    const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const luminance = (rgb) => rgb.map(linear).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const found = [];
    for (const button of document.querySelectorAll(selector)) {
        if (!button.offsetParent) continue;
        button.focus();
        const helper = button.querySelector(':scope > .q-focus-helper');
        let group = rgba(getComputedStyle(helper).backgroundColor).slice(0, 3);  // the helper, then its layers
        for (const layer of ['::before', '::after']) {
            const style = getComputedStyle(helper, layer);
            const [r, g, b, a] = rgba(style.backgroundColor);
            group = over([r, g, b], a * Number(style.opacity), group);
        }
        const own = getComputedStyle(button);
        const ground = over(group, Number(getComputedStyle(helper).opacity), rgba(own.backgroundColor).slice(0, 3));
        const [light, dark] = [luminance(ground), luminance(rgba(own.color).slice(0, 3))].sort((x, y) => y - x);
        const ratio = (light + 0.05) / (dark + 0.05);
        if (ratio < 4.5) found.push(`${button.innerText.trim()}: ${ratio.toFixed(2)}:1`);
        button.blur();
    }
    return found;
}"""


def test_a_filled_button_keeps_its_contrast_under_the_focus_and_the_pointer(
    browser: Browser, live_server: LiveServer
) -> None:
    """Quasar lays a layer of the text's own colour over a focused or hovered button; on a filled button (white text)
    that took Eens's green to 4.0:1. A colleague votes from a desk computer; the console's Goed is focused once
    clicked."""
    console_with_voting_open(browser, live_server)
    desk = laptop(browser)
    join(desk, f'{live_server.url}/j/{live_server.demo_code()}')
    expect(desk.get_by_role('button', name='Stem eens met deze stelling')).to_be_visible()
    desk.evaluate(_STEADY, STEADY)  # the focused end state
    assert desk.evaluate(_FOCUSED_CONTRAST, '.vote-button, .q-btn.text-white') == []
