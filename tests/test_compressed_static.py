"""Static files are compressed once and then served from memory, byte for byte the same."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from starlette.types import Message, Receive, Scope, Send

from facilitation.ui.compressed_static import CachingGZipMiddleware

SCRIPT = 'console.log("samenspel");\n' * 400


def app_counting_requests() -> tuple[CachingGZipMiddleware, list[str]]:
    seen: list[str] = []
    inner = FastAPI()

    @inner.get('/_nicegui/3.18.0/static/{name:path}')
    def static(name: str) -> PlainTextResponse:
        seen.append(name)
        return PlainTextResponse(SCRIPT, media_type='text/javascript')

    @inner.get('/j/{code}')
    def page(code: str) -> PlainTextResponse:
        seen.append(code)
        return PlainTextResponse(SCRIPT)

    return CachingGZipMiddleware(inner), seen


async def get(app: CachingGZipMiddleware, path: str, encoding: str = 'gzip, br') -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url='http://test') as client:
        return await client.get(path, headers={'accept-encoding': encoding})


async def test_second_phone_gets_the_same_compressed_bytes_without_recompressing() -> None:
    app, seen = app_counting_requests()
    first = await get(app, '/_nicegui/3.18.0/static/vue.js')
    second = await get(app, '/_nicegui/3.18.0/static/vue.js')
    assert first.headers['content-encoding'] == second.headers['content-encoding'] == 'gzip'
    assert first.text == second.text == SCRIPT
    assert seen == ['vue.js']


async def test_pages_and_uncompressed_requests_are_not_cached() -> None:
    app, seen = app_counting_requests()
    await get(app, '/j/ABCDE')
    await get(app, '/j/ABCDE')
    plain = await get(app, '/_nicegui/3.18.0/static/vue.js', encoding='identity')
    assert 'content-encoding' not in plain.headers and plain.text == SCRIPT
    assert seen == ['ABCDE', 'ABCDE', 'vue.js']


async def test_query_string_variants_of_one_file_share_one_cache_entry() -> None:
    app, seen = app_counting_requests()
    for n in range(1500):
        response = await get(app, f'/_nicegui/3.18.0/static/vue.js?v={n}')
        assert response.text == SCRIPT
    assert len(app.cache) == 1 and seen == ['vue.js']


async def test_paths_not_in_normal_form_are_served_but_not_cached() -> None:
    app, seen = app_counting_requests()
    odd = await get(app, '/_nicegui/3.18.0/static//vue.js')  # the same file by another spelling: no entry of its own
    assert odd.status_code == 200 and odd.text == SCRIPT
    assert not app.cache and seen == ['/vue.js']


async def test_the_cache_holds_at_most_its_entries_and_bytes_and_forgets_the_least_recently_used() -> None:
    app, _ = app_counting_requests()
    app.max_entries = 4
    for n in range(10):
        await get(app, f'/_nicegui/3.18.0/static/{n}.js')
        await get(app, '/_nicegui/3.18.0/static/vue.js')  # used all the time: never the one forgotten
    assert len(app.cache) == 4
    assert '/_nicegui/3.18.0/static/vue.js' in app.cache and '/_nicegui/3.18.0/static/9.js' in app.cache

    entry = app.cached_bytes // 4
    app.max_bytes = 2 * entry + entry // 2
    await get(app, '/_nicegui/3.18.0/static/another.js')
    assert len(app.cache) == 2 and app.cached_bytes <= app.max_bytes
    assert app.cached_bytes == sum(cached.size for cached in app.cache.values())


async def test_the_lifespan_scope_passes_through_so_start_up_handlers_run() -> None:
    seen: list[str] = []

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope['type'])

    async def nothing() -> Message:
        return {'type': 'lifespan.startup'}

    async def ignore(message: Message) -> None:
        pass

    await CachingGZipMiddleware(inner)({'type': 'lifespan'}, nothing, ignore)  # a lifespan scope has no path
    assert seen == ['lifespan']
