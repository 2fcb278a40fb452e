"""Request bodies within bounds: the largest thing a browser sends is a team plan's JSON for a restore (2 MB).

NiceGUI's upload route reads a whole request body (into a temporary file above 1 MB) before the page's handler can
look at its size, so a 50 MB "team plan" was received in full. Larger bodies are refused here with 413, before any
route reads them: at once when the request says its length, and as soon as the count passes the limit when it does
not (a chunked upload).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..teamplan import MAX_JSON_BYTES

MAX_BODY = MAX_JSON_BYTES + 64 * 1024  # the file and its multipart wrapping
REFUSED = b'Te groot / Too large'
LARGER: dict[str, int] = {}
"""Paths that may receive more, with their limit: the upload of an incident export (ui/incident_import.py), for as
long as the admin's page that has it is open."""


class BodyLimit:
    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return
        limit = LARGER.get(scope['path'], self.max_body)
        length = dict(scope['headers']).get(b'content-length', b'')
        if length.isdigit() and int(length) > limit:
            await _refuse(send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message['type'] == 'http.request':
                received += len(message.get('body', b''))
                if received > limit:
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message['type'] == 'http.response.start'
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await _refuse(send)


class _TooLarge(Exception):
    pass


async def _refuse(send: Send) -> None:
    headers = [(b'content-type', b'text/plain; charset=utf-8'), (b'connection', b'close')]
    await send({'type': 'http.response.start', 'status': 413, 'headers': headers})
    await send({'type': 'http.response.body', 'body': REFUSED})
