"""Slow and odd HTTP against the real server: an unfinished request head is dropped after the header timeout while
websockets and keep-alive connections live on, and a name too long for a file system is simply not found."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import httpx
import pytest
import uvicorn
from starlette.types import Receive, Scope, Send

from bench.phones import Phone
from bench.server import free_port
from facilitation.ui.http_limits import (
    HEADER_TIMEOUT_ENV,
    H11WithHeadDeadline,
    httptools_with_head_deadline,
    quiet_when_clients_go,
)
from tests.live_server import LiveServer

TIMEOUT = 1.5  # the server's header timeout in these tests (10 s in use)


@pytest.fixture
def impatient_server(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    """The real server with a header timeout of TIMEOUT seconds."""
    monkeypatch.setenv(HEADER_TIMEOUT_ENV, str(TIMEOUT))
    data_dir.mkdir(parents=True, exist_ok=True)
    server = LiveServer(data_dir)
    server.start()
    yield server
    server.stop()


async def seconds_until_closed(port: int, sent: bytes, limit: float) -> float:
    """Connect, send `sent`, and wait (at most `limit` s) for the server to close; the seconds that took."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    try:
        writer.write(sent)
        await writer.drain()
        while await asyncio.wait_for(reader.read(65536), limit):
            pass
        return time.monotonic() - started
    finally:
        writer.close()


async def status_of_response(reader: asyncio.StreamReader) -> bytes:
    """Read one whole response (head and a content-length body); its status line."""
    head = await asyncio.wait_for(reader.readuntil(b'\r\n\r\n'), 5)
    length = next(
        int(line.split(b':')[1]) for line in head.lower().split(b'\r\n') if line.startswith(b'content-length')
    )
    await reader.readexactly(length)
    return head.split(b'\r\n')[0]


async def test_unfinished_request_heads_are_closed_after_the_header_timeout(impatient_server: LiveServer) -> None:
    halves = [b'', b'GET /join HT', b'GET /join HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow']
    waits = await asyncio.gather(
        *(seconds_until_closed(impatient_server.port, halves[n % 3], 4 * TIMEOUT) for n in range(300))
    )
    assert all(TIMEOUT * 0.9 <= wait < 3 * TIMEOUT for wait in waits), (min(waits), max(waits))
    assert httpx.get(f'{impatient_server.url}/join', timeout=10).status_code == 200  # and it answers as ever


async def test_a_head_that_keeps_growing_is_refused_before_the_timeout(impatient_server: LiveServer) -> None:
    reader, writer = await asyncio.open_connection('127.0.0.1', impatient_server.port)
    try:
        writer.write(b'GET /join HTTP/1.1\r\nHost: 127.0.0.1\r\n' + b'X-Padding: ' + b'x' * 100_000)
        await writer.drain()
        try:
            answer = await asyncio.wait_for(reader.read(), TIMEOUT / 2)
        except ConnectionResetError:  # closed with part of the padding unread: the kernel may drop the 431 then
            answer = b''
    finally:
        writer.close()
    assert answer.startswith(b'HTTP/1.1 431') or not answer


async def test_a_keep_alive_connection_and_a_phones_websocket_outlive_the_header_timeout(
    impatient_server: LiveServer,
) -> None:
    code = impatient_server.demo_code()
    phone = Phone(impatient_server.url, code)
    request = b'GET /static/samenspel.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'
    reader, writer = await asyncio.open_connection('127.0.0.1', impatient_server.port)
    try:
        await phone.open()
        writer.write(request)
        assert await status_of_response(reader) == b'HTTP/1.1 200 OK'
        await asyncio.sleep(2 * TIMEOUT)  # idle, longer than the header timeout: a keep-alive wait is not a head
        writer.write(request)
        assert await status_of_response(reader) == b'HTTP/1.1 200 OK'
        await phone.join()  # the websocket, open all along, still carries taps
        await phone.wait_for_button('Naam wijzigen')
        assert not phone.disconnected
    finally:
        writer.close()
        await phone.close()


def test_a_name_too_long_for_a_file_system_is_not_found(live_server: LiveServer) -> None:
    for prefix in ('/media/', '/assets/', '/static/', '/j/'):
        response = httpx.get(f'{live_server.url}{prefix}{"a" * 5000}.png', timeout=10)
        assert response.status_code == 404, prefix
    assert httpx.get(f'{live_server.url}/static/samenspel.css', timeout=10).status_code == 200


async def ok(scope: Scope, receive: Receive, send: Send) -> None:
    if scope['type'] == 'http':
        await send({'type': 'http.response.start', 'status': 200, 'headers': [(b'content-length', b'2')]})
        await send({'type': 'http.response.body', 'body': b'ok'})


@pytest.mark.parametrize('protocol', [H11WithHeadDeadline, httptools_with_head_deadline()], ids=['h11', 'httptools'])
async def test_either_uvicorn_protocol_times_out_only_an_unfinished_head(protocol: type[asyncio.Protocol]) -> None:
    timeout = 0.5
    port = free_port()
    config = uvicorn.Config(ok, host='127.0.0.1', port=port, http=type('P', (protocol,), {'header_timeout': timeout}))
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    try:
        while not server.started:
            await asyncio.sleep(0.01)  # uvicorn sets a flag, no event
        request = b'GET / HTTP/1.1\r\nHost: x\r\n\r\n'
        assert timeout * 0.9 <= await seconds_until_closed(port, request[:20], 5) < 3 * timeout

        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(request[:10])
        await asyncio.sleep(timeout / 2)
        writer.write(request[10:])  # the rest of the head in time
        assert await status_of_response(reader) == b'HTTP/1.1 200 OK'
        await asyncio.sleep(2 * timeout)  # idle on keep-alive (5 s): not a head
        writer.write(request)
        assert await status_of_response(reader) == b'HTTP/1.1 200 OK'
        started = time.monotonic()
        writer.write(request[:20])  # a second request's head, unfinished
        while await asyncio.wait_for(reader.read(65536), 5):
            pass
        assert timeout * 0.9 <= time.monotonic() - started < 3 * timeout
        writer.close()
    finally:
        server.should_exit = True
        await serving


def _logged(error: BaseException) -> logging.LogRecord:
    """What uvicorn's error log gets for `error` out of the app (as its run_asgi logs it: with the exception)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger('uvicorn.error')
    logger.addHandler(handler)
    quiet_when_clients_go()
    try:
        try:
            raise error
        except BaseException:
            logger.error('Exception in ASGI application\n', exc_info=True)
    finally:
        logger.removeHandler(handler)
    return records[-1]


def test_a_phone_gone_during_a_page_load_is_one_info_line_and_any_other_error_stays_an_error() -> None:
    try:
        try:
            raise anyio.EndOfStream
        except anyio.EndOfStream as gone:
            raise RuntimeError('No response returned.') from gone
    except RuntimeError as error:
        went_away = error
    record = _logged(went_away)
    assert record.levelno == logging.INFO and record.exc_info is None
    assert record.getMessage() == 'a client went away before its response was sent'
    other = _logged(RuntimeError('No response returned.'))  # not a stream that ended: a real fault, kept
    assert other.levelno == logging.ERROR and other.exc_info is not None
    assert _logged(ValueError('boom')).levelno == logging.ERROR
