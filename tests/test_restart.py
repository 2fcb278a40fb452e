"""A crash mid-round (SIGKILL) loses no acknowledged vote, and the phones come back by themselves."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from facilitation.store import Store

from .browser import allow_browser_log, console, join, phone, projector_of, step, vote
from .live_server import LiveServer

pytestmark = pytest.mark.browser

CHOICES = ['eens', 'oneens', 'eens']


def what_the_crash_left(data_dir: Path, copy_dir: Path) -> Path:
    """A copy of the database files as the killed process left them (the restarted server recovers the original)."""
    copy_dir.mkdir()
    for suffix in ('', '-wal'):
        source = data_dir / f'samenspel.db{suffix}'
        if source.exists():
            shutil.copy(source, copy_dir / source.name)
    return copy_dir / 'samenspel.db'


def came_back(page: Page) -> None:
    """The page was reloaded from the new server (NiceGUI reloads when its old client is gone) and is connected."""
    page.wait_for_function('window.__before_crash === undefined')
    page.wait_for_function('window.did_handshake === true')
    expect(page.locator('#popup')).to_be_hidden()


def test_acknowledged_votes_survive_sigkill(
    live_server: LiveServer, browser: Browser, data_dir: Path, tmp_path: Path
) -> None:
    why = 'the server is killed under open pages, which try to reconnect until it is back'
    allow_browser_log(r"WebSocket connection to '\S+' failed", why)
    allow_browser_log(r'Failed to load resource: net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|SOCKET_NOT_CONN)', why)
    code = live_server.demo_code()
    facilitator = console(browser, live_server, code)
    beamer = projector_of(facilitator, browser)
    phones = [phone(browser) for _ in CHOICES]
    for p in phones:
        join(p, f'{live_server.url}/j/{code}')
    expect(facilitator.get_by_text('Deelnemers: 3', exact=True)).to_be_visible()
    step(facilitator, 'Toon eerste stelling')
    step(facilitator, 'Open stemming')
    for p, choice in zip(phones, CHOICES, strict=True):
        vote(p, choice)  # waits for 'Je stem is opgeslagen': the vote is acknowledged
    expect(facilitator.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()
    expect(beamer.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()
    for page in (facilitator, *phones):
        page.evaluate('window.__before_crash = true')

    live_server.kill()
    for p in phones:
        expect(p.locator('#popup')).to_be_visible()  # the phone says the connection is lost
    database = what_the_crash_left(data_dir, tmp_path / 'after-crash')
    with sqlite3.connect(database) as db:
        assert db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
    store = Store(database)
    try:
        (session,) = store.sessions()
        votes = [e for e in store.events(session.id) if e.type == 'vote.cast']
    finally:
        store.close()
    assert len(votes) == 3
    assert len({e.actor.id for e in votes}) == 3
    assert sorted(e.data['choice'] for e in votes) == sorted(CHOICES)

    live_server.start()
    assert live_server.demo_code() == code
    for p, choice in zip(phones, CHOICES, strict=True):
        came_back(p)
        expect(p.get_by_text(f'Je stem is opgeslagen: {choice.capitalize()}', exact=True)).to_be_visible()
        expect(p.get_by_role('button', name=f'Stem {choice} met deze stelling')).to_have_attribute(
            'aria-pressed', 'true'
        )
    beamer.reload()
    expect(beamer.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()
    came_back(facilitator)
    expect(facilitator.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()

    vote(phones[0], 'oneens')  # a changed vote replaces the first: still one vote per phone
    expect(beamer.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()
    expect(facilitator.get_by_text('3 van 3 gestemd', exact=True)).to_be_visible()
    expect(beamer.get_by_text('3 deelnemers', exact=True)).to_be_visible()
    step(facilitator, 'Sluit stemming')
    step(facilitator, 'Toon uitslag')
    expect(beamer.get_by_text('1 (33%)', exact=True)).to_be_visible()  # eens: the third phone only
    expect(beamer.get_by_text('2 (67%)', exact=True)).to_be_visible()  # oneens: the changed vote and the second
