"""A phone off the network for 30 s keeps its identity and its vote; what it sent meanwhile counts once. A phone
whose page is slow to connect says so and takes no tap until it is connected.

Playwright's offline mode does not cut WebSockets (microsoft/playwright#4910), so the phone reaches the server
through a small TCP proxy of our own that drops every connection and stops listening while "offline": every
request of the phone then fails as without a network, refused, never accepted and left unanswered.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sqlite3
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, WebSocketRoute, expect

from .browser import allow_browser_log, console_with_voting_open, join, phone, vote
from .live_server import PHONE, LiveServer, free_port

pytestmark = pytest.mark.browser


class CuttableProxy:
    """127.0.0.1:port -> the server; `set_online(False)` drops every connection and refuses new ones."""

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self.target_port = target_port
        self.loop = asyncio.new_event_loop()
        self.listening: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.CancelledError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection('127.0.0.1', self.target_port)
        if self.listening is None or not self.listening.is_serving():  # went offline while this one connected
            writer.transport.abort()
            up_writer.transport.abort()
            return
        self.writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    def start(self) -> None:
        self.thread.start()
        self.set_online(True)

    def set_online(self, online: bool) -> None:
        """Listen again, or stop listening and cut every connection; done when this returns."""

        async def apply() -> None:
            if online:
                self.listening = await asyncio.start_server(self._handle, '127.0.0.1', self.port)
                return
            assert self.listening is not None
            self.listening.close()  # new connections are refused from here on
            for writer in self.writers:
                writer.transport.abort()
            self.writers.clear()

        asyncio.run_coroutine_threadsafe(apply(), self.loop).result()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)


@pytest.fixture
def proxy(live_server: LiveServer) -> Iterator[CuttableProxy]:
    cuttable = CuttableProxy(live_server.port)
    cuttable.start()
    yield cuttable
    cuttable.stop()


def test_a_phone_offline_for_30_seconds_keeps_its_vote_and_what_it_sent_counts_once(
    browser: Browser, live_server: LiveServer, proxy: CuttableProxy
) -> None:
    why = "the phone's network is cut on purpose; its page tries to reconnect until it is back"
    allow_browser_log(r"WebSocket connection to '\S+' failed", why)
    cut = 'CONNECTION_RESET|CONNECTION_REFUSED|SOCKET_NOT_CONN|CONTENT_LENGTH_MISMATCH'  # the last: cut mid-answer
    allow_browser_log(rf'Failed to load resource: net::ERR_({cut})', why)
    code = live_server.demo_code()
    facilitator = console_with_voting_open(browser, live_server)
    page = phone(browser)
    join(page, f'http://127.0.0.1:{proxy.port}/j/{code}')
    vote(page, 'eens')
    expect(facilitator.get_by_text('1 van 1 gestemd', exact=True)).to_be_visible()

    proxy.set_online(False)
    expect(page.get_by_text('Opnieuw verbinden', exact=False)).to_be_visible()  # the phone knows it is offline
    page.get_by_role('button', name='Stem oneens met deze stelling').click()  # sent while offline
    page.wait_for_timeout(30_000)  # the 30 s away are the scenario itself, not a wait for an event
    proxy.set_online(True)

    expect(page.get_by_text('Je stem is opgeslagen: Oneens', exact=True)).to_be_visible(timeout=40_000)
    expect(facilitator.get_by_text('1 van 1 gestemd', exact=True)).to_be_visible()
    with contextlib.closing(sqlite3.connect(live_server.data_dir / 'samenspel.db')) as db:
        joins = db.execute("SELECT count(*) FROM events WHERE type = 'participant.joined'").fetchone()[0]
        votes = [row[0] for row in db.execute("SELECT actor_id FROM events WHERE type = 'vote.cast'")]
    assert joins == 1  # the same participant after coming back, not a new one
    assert len(votes) == 2 and len(set(votes)) == 1  # eens, then the offline oneens once: one voter


def test_a_page_slow_to_connect_says_so_and_keeps_the_tap_for_after_the_typing(
    browser: Browser, live_server: LiveServer
) -> None:
    """On poor wifi the page is there before its socket. A name typed and 'Doe mee' tapped at once must reach the
    server in that order: NiceGUI sends the events it held back each on a timer of its own, so the tap could come
    first and join without the name. The page says it is connecting, keeps the tap and hands it on after the name."""
    context = browser.new_context(**PHONE)
    held: list[WebSocketRoute] = []  # the page's socket, kept from the server until the test lets it through
    context.route_web_socket(re.compile(r'/_nicegui_ws/'), lambda route: held.append(route))
    page = context.new_page()
    page.goto(f'{live_server.url}/j/{live_server.demo_code()}')
    page.get_by_label('Je naam').fill('Fatima')
    box = page.get_by_role('button', name='Doe mee', exact=True).bounding_box()
    assert box is not None
    page.mouse.click(box['x'] + box['width'] / 2, box['y'] + box['height'] / 2)  # a thumb: it does not wait
    expect(page.get_by_role('status').filter(has_text='Verbinden…')).to_be_visible()
    assert page.get_by_text('Je doet mee als', exact=False).count() == 0

    held[0].connect_to_server()
    expect(page.get_by_text('Je doet mee als Fatima', exact=True)).to_be_visible()  # the tap, after the name
    expect(page.locator('.until-connected')).to_have_count(0)
    context.close()
