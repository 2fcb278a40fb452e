"""The links the server prints, in the browser: each opens its screen once, leaves no token in the address, and the
pages run under the content security policy: nothing refused by it, no uncaught error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from .browser import join, laptop, phone
from .live_server import LiveServer

pytestmark = pytest.mark.browser


def printed_link(server: LiveServer, label: str) -> str:
    match = re.search(rf'{label}:\s+(\S+\?token=\S+)', Path(server.output[-1]).read_text())
    assert match, Path(server.output[-1]).read_text()
    return match.group(1)


def recording(page: Page, errors: list[str]) -> Page:
    def on_console(message: ConsoleMessage) -> None:
        if 'Content Security Policy' in message.text or 'Refused to' in message.text:
            errors.append(f'{page.url}: {message.text}')

    page.on('console', on_console)
    page.on('pageerror', lambda error: errors.append(f'{page.url}: {error}'))
    return page


def test_the_printed_links_open_their_screens_once_without_a_token_in_the_address(
    live_server: LiveServer, browser: Browser
) -> None:
    code = live_server.demo_code()
    errors: list[str] = []
    console_link = printed_link(live_server, 'Demo-sessie, console')
    beamer_link = printed_link(live_server, 'Demo-sessie, beamer')

    facilitator = recording(laptop(browser), errors)
    facilitator.goto(console_link)
    expect(facilitator.get_by_text('Programma', exact=True)).to_be_visible()
    assert facilitator.url == f'{live_server.url}/f/{code}'  # the token is gone from the address and the history

    beamer = recording(laptop(browser), errors)
    beamer.goto(beamer_link)
    expect(beamer.get_by_role('img', name=re.compile(r'^QR: '))).to_be_visible()
    assert beamer.url == f'{live_server.url}/p/{code}'

    reused = laptop(browser, console_link)  # the same link, once more (a forwarded mail, a shared laptop's history)
    expect(reused.get_by_text('Deze link is al gebruikt of verlopen.')).to_be_visible()
    expect(reused.get_by_text('Programma', exact=True)).to_have_count(0)
    assert reused.url == f'{live_server.url}/f/{code}'

    participant = recording(phone(browser), errors)
    join(participant, f'{live_server.url}/j/{code}')
    facilitator.get_by_role('button', name='Toon eerste stelling', exact=True).click()
    expect(beamer.get_by_text('Stelling 1 van 14')).to_be_visible()
    assert errors == []
