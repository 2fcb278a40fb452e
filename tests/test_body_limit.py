"""Request bodies larger than a team plan's restore file are refused before any route reads them."""

from __future__ import annotations

import httpx
from starlette.types import Message, Receive, Scope, Send

from facilitation.ui.body_limit import MAX_BODY, BodyLimit
from tests.live_server import LiveServer

UPLOAD = '/_nicegui/client/some-page/upload/some-upload'  # where NiceGUI receives an upload


def test_a_body_that_says_it_is_too_large_is_refused_unread(live_server: LiveServer) -> None:
    response = httpx.post(
        live_server.url + UPLOAD, content=b'x' * (MAX_BODY + 1), headers={'content-type': 'text/plain'}, timeout=30
    )
    assert response.status_code == 413


async def test_a_body_without_a_length_is_refused_once_it_passes_the_limit() -> None:
    """A chunked upload says no length: the count stops it at the limit, before the route has read it all."""
    read = 0

    async def route(scope: Scope, receive: Receive, send: Send) -> None:  # reads everything, as an upload does
        nonlocal read
        while True:
            message = await receive()
            read += len(message.get('body', b''))
            if not message.get('more_body'):
                break
        await send({'type': 'http.response.start', 'status': 200, 'headers': []})
        await send({'type': 'http.response.body', 'body': b'ok'})

    chunks = [{'type': 'http.request', 'body': b'x' * 1_000_000, 'more_body': True} for _ in range(50)]
    answered: list[Message] = []

    async def receive() -> Message:
        return chunks.pop(0)

    async def send(message: Message) -> None:
        answered.append(message)

    scope = {'type': 'http', 'method': 'POST', 'path': UPLOAD, 'headers': [(b'transfer-encoding', b'chunked')]}
    await BodyLimit(route)(scope, receive, send)
    assert answered[0]['status'] == 413
    assert read <= MAX_BODY and len(chunks) > 40  # the rest was never taken in


def test_a_small_body_still_reaches_its_route(live_server: LiveServer) -> None:
    live_server.allow(f'nicegui: {live_server.url}{UPLOAD} not found', 'the upload route of a page that is not there')
    response = httpx.post(live_server.url + UPLOAD, content=b'{}', timeout=10)
    assert response.status_code != 413
