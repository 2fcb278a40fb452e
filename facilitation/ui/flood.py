"""Join flooding limited: page loads per network address, before NiceGUI builds a page for them.

Every page load makes a NiceGUI client on the server (and a fresh browser makes a new participant), so a script
that loads the join page in a loop could fill the server's memory and a session's participant list. A token
bucket per address allows what a person does (a phone that reloads, joins, opens the other language) and refuses
the rest with HTTP 429 and a short message in both languages. Static files and the websocket are not counted. The
laptop itself (loopback) is never limited: it is the facilitator's machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from ..ratelimit import RateLimiter, TooFast

PAGE_BURST = 30  # page loads an address may make at once
PAGE_PER_SECOND = 0.5  # and then one every two seconds
NOT_COUNTED = ('/_nicegui', '/static/', '/media/', '/assets/', '/favicon')
LOOPBACK = frozenset({'127.0.0.1', '::1'})
MESSAGE = (
    '<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
    '<title>Even wachten · Samenspel</title><main style="font:1.25rem/1.5 sans-serif;max-width:32rem;margin:2rem auto;'
    'padding:0 1rem"><h1>Even wachten</h1><p>Vanaf dit apparaat zijn te veel pagina’s geopend. Probeer het over een '
    'minuut opnieuw.</p><p lang="en">Too many pages were opened from this device. Please try again in a minute.</p>'
    '</main></html>'
).encode()


class PageFloodLimit:
    def __init__(
        self,
        app: ASGIApp,
        burst: float = PAGE_BURST,
        per_second: float = PAGE_PER_SECOND,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.limiter = RateLimiter(burst, per_second)
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] == 'http' and not scope['path'].startswith(NOT_COUNTED):
            host = scope['client'][0] if scope.get('client') else ''
            if host and host not in LOOPBACK:
                try:
                    self.limiter.take(host, self.clock())
                except TooFast:
                    await send(
                        {
                            'type': 'http.response.start',
                            'status': 429,
                            'headers': [
                                (b'content-type', b'text/html; charset=utf-8'),
                                (b'retry-after', b'60'),
                                (b'cache-control', b'no-store'),
                            ],
                        }
                    )
                    await send({'type': 'http.response.body', 'body': MESSAGE})
                    return
        await self.app(scope, receive, send)
