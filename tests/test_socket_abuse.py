"""A hostile page socket against the real server: events it may not send, or sends too fast, are dropped before
NiceGUI handles them, cost the log a line or two instead of a traceback each, and leave the server answering.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from bench.phones import PageError, Phone
from facilitation.ui.socket_guard import MESSAGE_BURST
from tests.live_server import LiveServer


def log_lines(server: LiveServer) -> list[str]:
    return Path(server.output[-1]).read_text().splitlines()


async def flood_with_unknown_listeners(phone: Phone, count: int) -> None:
    """`count` events for the phone's own page and a real element, each naming a listener that does not exist."""
    target = phone.button('Doe mee')
    assert target is not None and phone.sio is not None
    for n in range(count):
        forged = {'id': target[0], 'client_id': phone.client_id, 'listener_id': f'no-such-{n}', 'args': []}
        await phone.sio.emit('event', forged)


async def test_events_for_unknown_listeners_cost_a_few_log_lines_not_a_traceback_each(live_server: LiveServer) -> None:
    live_server.allow(r'socket_guard: socket \S+: dropped', 'the guard logs what this socket sends wrongly, once')
    code = live_server.demo_code()
    phone = Phone(live_server.url, code)
    try:
        await phone.open()
        before = len(log_lines(live_server))
        await flood_with_unknown_listeners(phone, 500)
        await asyncio.sleep(1)  # the bucket refills a little (and the server has read all of it)
        await phone.join()  # a real tap on the same socket is still handled
        await phone.wait_for_button('Naam wijzigen')
        assert httpx.get(f'{live_server.url}/j/{code}', timeout=10).status_code == 200  # the server answers
    finally:
        await phone.close()
    added = log_lines(live_server)[before:]
    assert not any('Traceback' in line for line in added), '\n'.join(added[:40])
    assert len([line for line in added if 'no-such-' in line or 'dropped' in line]) <= 3, '\n'.join(added[:40])


async def test_a_socket_sending_faster_than_a_person_has_the_excess_dropped_until_it_slows_down(
    live_server: LiveServer,
) -> None:
    live_server.allow(r'socket_guard: socket \S+: dropped', 'the guard logs what this socket sends too fast, once')
    code = live_server.demo_code()
    phone = Phone(live_server.url, code)
    try:
        await phone.open()
        await flood_with_unknown_listeners(phone, 10 * MESSAGE_BURST)
        await phone.join()  # right after the flood its bucket is empty: this tap is dropped, unhandled
        with pytest.raises(PageError):
            await phone.wait_for_button('Naam wijzigen', timeout=2)
        await phone.join()  # two seconds later it has tokens again
        await phone.wait_for_button('Naam wijzigen')
    finally:
        await phone.close()
    assert sum('over the rate limit' in line for line in log_lines(live_server)) == 1
