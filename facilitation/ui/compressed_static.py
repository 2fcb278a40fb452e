"""Static files compressed once, not once per phone.

NiceGUI gzips its JavaScript and CSS on the fly for every request. When a room scans the QR code at once, every
fresh phone costs the server tens of milliseconds of CPU per file, and the join wave queues behind it. This gzip
middleware remembers: the first gzip-accepting request for a static file is compressed as usual and the
compressed response is kept; every later one is served from memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC_PREFIXES = ('/_nicegui/', '/static/')
MAX_ENTRY = 8 * 1024 * 1024  # larger files are passed through rather than held in memory


@dataclass(frozen=True)
class _Cached:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class CachingGZipMiddleware(GZipMiddleware):
    def __init__(self, app: ASGIApp) -> None:
        super().__init__(app)
        self.cache: dict[str, _Cached] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable_request(scope):
            await super().__call__(scope, receive, send)
            return
        key = scope['path'] + ('?' + scope['query_string'].decode() if scope.get('query_string') else '')
        cached = self.cache.get(key)
        if cached is None:
            cached = await self._fetch(scope, receive, send)
            if cached is None:
                return  # already answered as is (not cacheable)
            self.cache[key] = cached
        await send({'type': 'http.response.start', 'status': cached.status, 'headers': cached.headers})
        await send({'type': 'http.response.body', 'body': cached.body})

    @staticmethod
    def _cacheable_request(scope: Scope) -> bool:
        if scope['type'] != 'http' or scope['method'] != 'GET' or not scope['path'].startswith(STATIC_PREFIXES):
            return False
        if '/_nicegui_ws' in scope['path'] or scope['path'].startswith('/_nicegui/auto/'):
            return False
        headers = dict(scope['headers'])
        return b'gzip' in headers.get(b'accept-encoding', b'') and b'range' not in headers

    async def _fetch(self, scope: Scope, receive: Receive, send: Send) -> _Cached | None:
        """Run the request through the app; keep a complete, compressed 200 response, else pass it on as it is."""
        start: Message | None = None
        chunks: list[bytes] = []
        passing_through = False

        async def capture(message: Message) -> None:
            nonlocal start, passing_through
            if passing_through:
                await send(message)
                return
            if message['type'] == 'http.response.start':
                start = message
                headers = dict(message.get('headers', []))
                if message['status'] != 200 or headers.get(b'content-encoding') != b'gzip':
                    passing_through = True
                    await send(message)
                return
            chunks.append(message.get('body', b''))
            if sum(map(len, chunks)) > MAX_ENTRY:
                passing_through = True
                assert start is not None
                await send(start)
                await send({'type': 'http.response.body', 'body': b''.join(chunks), 'more_body': True})
                chunks.clear()

        await super().__call__(scope, receive, capture)
        if passing_through or start is None:
            return None
        body = b''.join(chunks)
        headers = [(k, v) for k, v in start.get('headers', []) if k.lower() != b'content-length']
        headers.append((b'content-length', str(len(body)).encode()))
        return _Cached(200, headers, body)
