"""The way in for latecomers in real browsers (issue 15, item 3): once an activity runs, the projector keeps the room
code large and, while the way in is shown large, a QR of at least a fifth of the screen's height beside the
activity; the console's *Toon QR groot* and *Verberg QR* show and hide it on the projector; a session started from a
session plan shows it large until the facilitator moves on. Measured at 1920x1080 and 1024x768."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import MIN_TEXT, check_projector, console, join, laptop, phone, projector_of, sign_in, step
from .live_server import LiveServer
from .test_browser_quiz import click
from .test_browser_werkoverleg import new_session

pytestmark = pytest.mark.browser

SIZES = ((1920, 1080), (1024, 768))
QR_SHARE = 1 / 5  # of the screen's height: scannable from the back of the room
CODE_TEXT = 2 * MIN_TEXT  # px at 1920x1080, in proportion on a smaller screen: large, twice the least text

# The large QR's height (0 when there is none), and the font size of every room code shown, the screen's height and
# the size a large code must have there.
_MEASURE = """([codeText]) => {
    const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const qr = [...document.querySelectorAll('.way-in-qr svg')].filter(shown);
    const codes = [...document.querySelectorAll('.projector-code-small, .way-in-code')].filter(shown);
    return {
        qr: qr.length ? qr[0].getBoundingClientRect().height : 0,
        codes: codes.map(e => [e.textContent.trim(), parseFloat(getComputedStyle(e).fontSize)]),
        height: innerHeight,
        large: codeText * Math.min(innerWidth / 1920, innerHeight / 1080) - 0.5,
    };
}"""


def assert_way_in(beamer: Page, code: str, *, large: bool) -> None:
    """At each size: the room code is large wherever it is shown, and the large QR is there (at least a fifth of the
    screen's height) or not, as `large` says."""
    expect(beamer.locator('.way-in-side')).to_have_count(1 if large else 0)
    before = beamer.viewport_size
    try:
        for width, height in SIZES:
            beamer.set_viewport_size({'width': width, 'height': height})
            found = beamer.evaluate(_MEASURE, [CODE_TEXT])
            where = f'at {width}x{height}: {found}'
            assert found['codes'], where
            assert all(text == code and size >= found['large'] for text, size in found['codes']), where
            if large:
                assert found['qr'] >= QR_SHARE * found['height'], where
            else:
                assert found['qr'] == 0, where
    finally:
        if before:
            beamer.set_viewport_size(before)


def test_the_console_shows_and_hides_the_large_way_in_beside_a_running_activity(
    browser: Browser, live_server: LiveServer
) -> None:
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    beamer = projector_of(leader, browser)
    join(phone(browser), f'{live_server.url}/j/{code}')
    expect(beamer.get_by_text('1 deelnemer', exact=True)).to_be_visible()
    step(leader, 'Toon eerste stelling')  # past the lobby: the programme moved on, the way in goes small
    expect(beamer.get_by_text('Stelling 1 van 14', exact=True)).to_be_visible()
    expect(beamer.get_by_role('img', name=re.compile(r'^QR: '))).to_have_count(1)  # the small one in the bar
    assert_way_in(beamer, code, large=False)

    click(leader, 'Toon QR groot')
    expect(leader.get_by_role('button', name='Verberg QR', exact=True)).to_be_visible()
    assert_way_in(beamer, code, large=True)
    expect(beamer.get_by_text('Stelling 1 van 14', exact=True)).to_be_visible()  # beside the activity, not over it
    check_projector(beamer, 'statement with the way in large')

    click(leader, 'Verberg QR')
    expect(leader.get_by_role('button', name='Toon QR groot', exact=True)).to_be_visible()
    assert_way_in(beamer, code, large=False)
    check_projector(beamer, 'statement with the way in small')


def test_a_session_from_a_plan_shows_the_way_in_large_until_the_facilitator_moves_on(
    browser: Browser, live_server: LiveServer
) -> None:
    leader = laptop(browser, f'{live_server.url}/')
    sign_in(leader, live_server.admin_key)
    code = new_session(leader, live_server, 'Werkoverleg februari', 'Team Balie')  # opens on its first part
    beamer = projector_of(leader, browser)
    expect(beamer.get_by_role('heading', name='Teamplan van Team Balie')).to_be_visible()  # the review runs
    assert_way_in(beamer, code, large=True)  # no lobby was ever shown: the way in is large all the same
    check_projector(beamer, 'first part of a plan with the way in large')

    click(leader, 'Start Stellingen: ons protocol agressie en geweld')  # the facilitator moves on
    step(leader, 'Toon eerste stelling')
    expect(beamer.get_by_text('Stelling 1 van 14', exact=True)).to_be_visible()
    expect(leader.get_by_role('button', name='Toon QR groot', exact=True)).to_be_visible()
    assert_way_in(beamer, code, large=False)
