"""The load generator's phones (bench/phones.py) against the real server: a simulated vote counts as a browser's.

Each simulated phone has its own cookie jar, hence its own NiceGUI browser id and its own participant; it taps
the same buttons over the same socket.io messages as the page's script. So the projector's tally, the log and the
participant ids must come out exactly as for browsers (tests/test_browser_statements.py drives real ones).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from collections.abc import AsyncIterator

from bench.phones import Console, Page, Phone, Screen
from facilitation.join import participant_id
from tests.live_server import LiveServer  # the `live_server` fixture itself comes from conftest's plugins


def logged_votes(server: LiveServer, code: str) -> list[tuple[str, str, str]]:
    """(actor role, actor id, choice) of every vote.cast in the server's own log, in order."""
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        (session_id,) = db.execute('SELECT id FROM sessions WHERE code = ?', [code]).fetchone()
        rows = db.execute(
            "SELECT actor_role, actor_id, data FROM events WHERE session_id = ? AND type = 'vote.cast' ORDER BY seq",
            [session_id],
        ).fetchall()
    return [(role, actor, json.loads(data)['choice']) for role, actor, data in rows]


def participant_of(server: LiveServer, code: str, phone: Phone) -> str:
    """The participant id the server derives from this phone's browser cookie."""
    secret = (server.data_dir / 'storage.secret').read_text().strip()
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        (session_id,) = db.execute('SELECT id FROM sessions WHERE code = ?', [code]).fetchone()
    return participant_id(secret, session_id, phone.browser_id)


@contextlib.asynccontextmanager
async def voting_open(server: LiveServer, phones: int) -> AsyncIterator[tuple[Console, Screen, list[Phone]]]:
    """The demo session with voting open on its first statement, a projector, and `phones` joined phones."""
    code = server.demo_code()
    console = Console(server.url, code, server.admin_key)
    screen = Screen(server.url, code, console)
    simulated = [Phone(server.url, code) for _ in range(phones)]
    pages: list[Page] = [console, screen, *simulated]
    try:
        await console.open()
        await console.step('Toon eerste stelling')
        await console.step('Open stemming')
        await screen.open()
        await asyncio.gather(*(phone.open() for phone in simulated))
        await asyncio.gather(*(phone.join() for phone in simulated))
        await asyncio.gather(*(phone.wait_for_button('Eens') for phone in simulated))
        await screen.wait_until(lambda: screen.shows(f'0 van {phones} gestemd'))
        yield console, screen, simulated
        assert not [page.path for page in pages if page.disconnected]
    finally:
        await asyncio.gather(*(page.close() for page in pages))


async def vote(phone: Phone, choice: str) -> None:
    await phone.vote(choice)
    await phone.wait_for_text(f'Je stem is opgeslagen: {choice.capitalize()}')


async def test_ten_simulated_phones_are_counted_like_browsers(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    choices = ['eens'] * 6 + ['oneens'] * 4
    async with voting_open(live_server, len(choices)) as (console, screen, phones):
        await asyncio.gather(*(vote(phone, choice) for phone, choice in zip(phones, choices, strict=True)))
        await screen.wait_until(lambda: screen.count == 10)
        assert screen.shows('10 van 10 gestemd')

        logged = logged_votes(live_server, code)
        expected = {
            participant_of(live_server, code, phone): choice for phone, choice in zip(phones, choices, strict=True)
        }
        assert len(expected) == 10  # ten cookie jars, ten participants
        assert len(logged) == 10  # exactly one vote.cast per phone
        assert {role for role, _, _ in logged} == {'participant'}
        assert {actor: choice for _, actor, choice in logged} == expected

        await console.step('Sluit stemming')
        await console.step('Toon uitslag')
        for phone in phones:  # the revealed tally, as every phone shows it
            await phone.wait_for_text('6 (60%)')
            assert phone.shows('4 (40%)')
        assert not [n for phone in phones for n in phone.notifications]  # no refusal on any phone


async def test_a_phone_that_votes_twice_counts_once(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    async with voting_open(live_server, 3) as (console, screen, phones):
        changer, agree, disagree = phones
        await vote(changer, 'eens')
        await vote(agree, 'eens')
        await vote(disagree, 'oneens')
        await screen.wait_until(lambda: screen.count == 3)
        await vote(changer, 'oneens')

        logged = logged_votes(live_server, code)
        changer_id = participant_of(live_server, code, changer)
        assert [choice for _, actor, choice in logged if actor == changer_id] == ['eens', 'oneens']  # both logged
        assert len({actor for _, actor, _ in logged}) == 3

        await console.step('Sluit stemming')
        await screen.wait_for_text('De stemming is gesloten')
        assert screen.shows('3 van 3 gestemd')  # the changed vote did not add one
        await console.step('Toon uitslag')
        await changer.wait_for_text('1 (33%)')  # eens: only `agree`; the changer's last vote counts
        assert changer.shows('2 (67%)')


async def test_a_phone_cannot_click_the_consoles_buttons_over_its_own_socket(live_server: LiveServer) -> None:
    live_server.allow('dropped UI events for another page', "the guard logs the phone's forged clicks, once")
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phone = Phone(live_server.url, code)
    try:
        await console.open()
        await phone.open()
        target = console.button('Toon eerste stelling', 'next-step')
        assert target is not None and phone.sio is not None
        element_id, listener_id = target
        forged = {'id': element_id, 'client_id': console.client_id, 'listener_id': listener_id, 'args': []}
        await phone.sio.emit('event', forged)  # the console's button, sent on the phone's socket
        await phone.join()  # events of one socket are handled in order: once this is in, the forged one was seen
        await phone.wait_for_button('Naam wijzigen')
        with contextlib.closing(sqlite3.connect(live_server.data_dir / 'samenspel.db')) as db:
            shown = db.execute("SELECT count(*) FROM events WHERE type = 'statement.shown'").fetchone()[0]
        assert shown == 0
        assert console.shows('Toon eerste stelling')
    finally:
        await asyncio.gather(console.close(), phone.close())


async def test_an_oversized_message_is_refused_and_changes_nothing(live_server: LiveServer) -> None:
    async with voting_open(live_server, 2) as (_, screen, phones):
        flooder, other = phones
        assert flooder.sio is not None
        element_id, listener_id = flooder.button('Eens') or (0, '')
        huge = {'id': element_id, 'client_id': flooder.client_id, 'listener_id': listener_id, 'args': ['x' * 100_000]}
        await flooder.sio.emit('event', huge)
        await flooder.wait_until(lambda: flooder.disconnected)  # the server closed that socket, unread
        await vote(other, 'oneens')  # everyone else goes on
        await screen.wait_for_text('1 van 2 gestemd')
        assert [choice for _, _, choice in logged_votes(live_server, live_server.demo_code())] == ['oneens']
        await flooder.reload()  # the page comes back, as the same participant, and can vote normally
        await vote(flooder, 'eens')
        await screen.wait_for_text('2 van 2 gestemd')
        flooder.disconnected = False  # it was closed on purpose above; voting_open checks the rest stayed connected
