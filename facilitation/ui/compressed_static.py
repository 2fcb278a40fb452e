"""Static files compressed once, not once per phone.

NiceGUI gzips its JavaScript and CSS on the fly for every request. When a room scans the QR code at once, every
fresh phone costs the server tens of milliseconds of CPU per file, and the join wave queues behind it. This gzip
middleware remembers: the first gzip-accepting request for a static file is compressed as usual and the
compressed response is kept; every later one is served from memory.

The cache is keyed by the file's path alone: a query string names no other file (it only busts browser caches), and
keying by it let 1,500 variants of one URL hold 1,500 copies, never freed. A path not in its normal form (`//`,
`.` or `..` segments) is served but not cached, and the cache holds at most MAX_ENTRIES responses and MAX_BYTES
bytes, forgetting the least recently used: what it holds is bounded whatever a client asks for.
"""

from __future__ import annotations

import posixpath
from collections import OrderedDict
from dataclasses import dataclass

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC_PREFIXES = ('/_nicegui/', '/static/')
MAX_ENTRY = 8 * 1024 * 1024  # larger files are passed through rather than held in memory
# A phone's pages load a few dozen static files (Vue, Quasar, NiceGUI's components, our CSS and icons): these bounds
# hold all of them many times over, and no more than that whatever is asked for.
MAX_ENTRIES = 256
MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class _Cached:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(name) + len(value) for name, value in self.headers)


class CachingGZipMiddleware(GZipMiddleware):
    def __init__(self, app: ASGIApp, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        super().__init__(app)
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.cache: OrderedDict[str, _Cached] = OrderedDict()  # path -> response, least recently used first
        self.cached_bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable_request(scope):
            await super().__call__(scope, receive, send)
            return
        key = scope['path']  # the file; the query string is left out on purpose (see the module's docstring)
        cached = self.cache.get(key)
        if cached is None:
            cached = await self._fetch(scope, receive, send)
            if cached is None:
                return  # already answered as is (not cacheable)
            self._remember(key, cached)
        else:
            self.cache.move_to_end(key)
        await send({'type': 'http.response.start', 'status': cached.status, 'headers': cached.headers})
        await send({'type': 'http.response.body', 'body': cached.body})

    def _remember(self, key: str, cached: _Cached) -> None:
        """Keep `cached` as the most recently used entry; forget the least recently used beyond the bounds."""
        if (previous := self.cache.pop(key, None)) is not None:  # two phones fetched it at once
            self.cached_bytes -= previous.size
        self.cache[key] = cached
        self.cached_bytes += cached.size
        while len(self.cache) > self.max_entries or self.cached_bytes > self.max_bytes:
            _, forgotten = self.cache.popitem(last=False)
            self.cached_bytes -= forgotten.size

    @staticmethod
    def _cacheable_request(scope: Scope) -> bool:
        if scope['type'] != 'http':  # the lifespan scope has no path
            return False
        path = scope['path']
        if scope['method'] != 'GET' or not path.startswith(STATIC_PREFIXES):
            return False
        if posixpath.normpath(path) != path:  # another spelling of a file would be an entry of its own
            return False
        if '/_nicegui_ws' in path or path.startswith('/_nicegui/auto/'):
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
