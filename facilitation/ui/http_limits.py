"""HTTP connections within bounds: a request head must arrive in time and in a sane size, and a file name too long
for any file system is simply not found.

Uvicorn has no request-header timeout: a connection that sends half a request line and then nothing stays open
forever, and 500 of them (slowloris) hold 500 sockets and their buffers. The protocol classes here close a
connection that has not completed its request head within HEADER_TIMEOUT seconds of connecting (or of the previous
response), and one whose unfinished head grows beyond MAX_HEAD bytes. Once the head is in, nothing changes: a page
takes as long as it takes, a websocket (phones hold one for an hour) is handed over to its own protocol, and an idle
keep-alive connection is closed after uvicorn's keep-alive timeout, as before.

A path segment longer than NAME_MAX bytes names no file: looking one up made the media routes answer 500 (the file
system's "name too long"); it is answered 404 before any route sees it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import anyio
import h11
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0  # seconds; a phone on bad Wi-Fi sends its few hundred header bytes well within this
HEADER_TIMEOUT_ENV = 'SAMENSPEL_HEADER_TIMEOUT'  # tests set a shorter one
KEEP_ALIVE = 5  # seconds an idle keep-alive connection stays open (uvicorn's default, said here on purpose)
MAX_HEAD = 32 * 1024  # bytes of an unfinished request head; a browser's, cookies included, is a few kB
NAME_MAX = 255  # bytes of a file name on Linux, macOS and Windows file systems
TOO_LARGE = b'HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'


class HeadDeadline(asyncio.Protocol):
    """What both uvicorn protocols share: a timer that runs from a connection's start, or from the first byte of a
    later request, until that request's head is complete; and a count of the bytes of the unfinished head.
    It comes first in a protocol's bases, so its connection_made, connection_lost and data_received wrap uvicorn's;
    subclasses say when a later head begins and when it is complete. (An idle keep-alive connection is uvicorn's own
    timer's, KEEP_ALIVE.)"""

    header_timeout: float = HEADER_TIMEOUT
    transport: asyncio.Transport
    _head_timer: asyncio.TimerHandle | None = None
    _head_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_begins()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_complete()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._count_head(data)

    def _head_begins(self) -> None:
        """Start the deadline of a request head (unless it is already running)."""
        if self._head_timer is None and not self.transport.is_closing():
            self._head_bytes = 0
            self._head_timer = asyncio.get_running_loop().call_later(self.header_timeout, self._head_too_late)

    def _head_complete(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_late(self) -> None:
        self._head_timer = None
        self.transport.close()  # no answer: whoever sends half a request and waits is not owed one

    def _count_head(self, data: bytes) -> None:
        """After `data` was parsed: while the head is unfinished, it counts towards MAX_HEAD."""
        if self._head_timer is None:
            return
        self._head_bytes += len(data)
        if self._head_bytes > MAX_HEAD and not self.transport.is_closing():
            self._head_complete()
            self.transport.write(TOO_LARGE)
            self.transport.close()


def httptools_with_head_deadline() -> type[asyncio.Protocol] | None:
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # uvicorn without its `standard` extra: h11 only
        return None

    class HttpToolsWithHeadDeadline(HeadDeadline, HttpToolsProtocol):
        """Uvicorn's httptools protocol; its parser says when a request begins and when its head is complete."""

        def on_message_begin(self) -> None:
            self._head_begins()
            super().on_message_begin()

        def on_headers_complete(self) -> None:
            self._head_complete()
            super().on_headers_complete()

    return HttpToolsWithHeadDeadline


class H11WithHeadDeadline(HeadDeadline, H11Protocol):
    """Uvicorn's h11 protocol. h11 has no callback per request: a head is unfinished while h11 still waits for one
    (the client is IDLE) and holds bytes of it; any other state of the client means it is complete."""

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:
            self._head_complete()
        elif self.conn.trailing_data[0]:
            self._head_begins()


def protocol_with_head_deadline(header_timeout: float) -> type[asyncio.Protocol]:
    """The protocol class uvicorn's 'auto' would pick (httptools if installed, else h11), with the deadline."""
    base = httptools_with_head_deadline() or H11WithHeadDeadline
    return type(base.__name__, (base,), {'header_timeout': header_timeout})


def uvicorn_limits() -> dict[str, Any]:
    """Keyword arguments for `ui.run`, which passes them on to `uvicorn.Config`. The header timeout can be set with
    SAMENSPEL_HEADER_TIMEOUT (seconds), so that a test need not wait ten seconds."""
    timeout = float(os.environ.get(HEADER_TIMEOUT_ENV, HEADER_TIMEOUT))
    return {
        'http': protocol_with_head_deadline(timeout),
        'timeout_keep_alive': KEEP_ALIVE,
        'h11_max_incomplete_event_size': MAX_HEAD,
    }


class LongNameNotFound:
    """Answer 404 for a path with a segment longer than any file name can be, before a route looks it up."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] == 'http' and any(len(part.encode()) > NAME_MAX for part in scope['path'].split('/')):
            await PlainTextResponse('Not Found', status_code=404)(scope, receive, send)
            return
        await self.app(scope, receive, send)


class ClientGone(logging.Filter):
    """A phone that drops off during a page load (poor Wi-Fi, a tunnel, a closed lid) is not a server error.

    Starlette's BaseHTTPMiddleware (NiceGUI's own middlewares are of that kind) then raises "No response returned."
    from the stream that ended, and uvicorn logs it as an ERROR with a traceback. This filter on uvicorn's error log
    turns exactly that case into one INFO line; every other error is logged as before."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if (
            isinstance(error, RuntimeError)
            and str(error) == 'No response returned.'
            and isinstance(error.__cause__, anyio.EndOfStream)
        ):
            record.msg, record.args = 'a client went away before its response was sent', ()
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, 'INFO'
        return True


def quiet_when_clients_go() -> None:
    """Install ClientGone on uvicorn's error log (once uvicorn has configured its loggers: call it at startup)."""
    logger = logging.getLogger('uvicorn.error')
    if not any(isinstance(f, ClientGone) for f in logger.filters):
        logger.addFilter(ClientGone())
