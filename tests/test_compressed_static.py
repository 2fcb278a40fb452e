"""Static files are compressed once and then served from memory, byte for byte the same."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

from facilitation.ui.compressed_static import CachingGZipMiddleware

SCRIPT = 'console.log("samenspel");\n' * 400


def app_counting_requests() -> tuple[CachingGZipMiddleware, list[str]]:
    seen: list[str] = []
    inner = FastAPI()

    @inner.get('/_nicegui/3.18.0/static/{name}')
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
