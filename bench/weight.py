"""The participant page's transfer size: what a browser with an empty cache fetches for /j/CODE, and a repeat visit."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from .common import Result
from .report import HEAD, get, kb, num, row

SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')
LINK = re.compile(r'<link\b([^>]*)>')
CSS_IMPORT = re.compile(r'@import\s+url\(\s*["\']?([^"\')]+)["\']?\s*\)')
IMPORT_MAP = re.compile(r'<script type="importmap">\s*(\{.*?\})\s*</script>', re.S)
MODULE_SCRIPT = re.compile(r'<script type="module">(.*?)</script>', re.S)
JS_IMPORT = re.compile(r'(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["\']([^"\']+)["\']', re.M)
FONT_FACE = re.compile(r'@font-face\s*\{([^}]*)\}')
BROWSER_HEADERS = {'Accept-Encoding': 'gzip, deflate, br', 'User-Agent': 'Mozilla/5.0 (Linux; Android 14) bench'}


@dataclass
class Fetched:
    url: str
    kind: str
    wire_bytes: int  # the body as transferred (gzip-compressed where the server compressed it)
    cache_control: str
    validator: dict[str, str] = field(default_factory=dict)

    def repeat(self) -> str:
        """What a repeat visit does with it: 'fresh' (from cache), 'revalidate' (conditional GET) or 'refetch'."""
        directives = self.cache_control.lower()
        if 'no-store' in directives or (not self.validator and 'max-age' not in directives):
            return 'refetch'
        match = re.search(r'max-age=(\d+)', directives)
        if match and int(match.group(1)) > 0 and 'no-cache' not in directives:
            return 'fresh'
        return 'revalidate'


def _fonts(css: str, uses_icons: bool) -> list[str]:
    """The font files a Dutch page needs: Roboto's latin face (one file for every weight) and, when the page has
    icons, Material Icons. A browser fetches a face only when text needs it."""
    urls = []
    for block in FONT_FACE.findall(css):
        family = re.search(r'font-family:\s*["\']?([^"\';]+)', block)
        src = re.search(r'url\(([^)]+)\)', block)
        if not family or not src:
            continue
        name = family.group(1).strip()
        if (name == 'Roboto' and 'U+0000-00FF' in block) or (name == 'Material Icons' and uses_icons):
            urls.append(src.group(1).strip('"\''))
    return list(dict.fromkeys(urls))


async def page_weight(base_url: str, path: str) -> Result:
    """Transfer of the page as a browser with an empty cache loads it, and of a repeat visit."""
    fetched: dict[str, Fetched] = {}
    async with httpx.AsyncClient(headers=BROWSER_HEADERS, timeout=30) as client:

        async def get(url: str, kind: str) -> str:
            if url in fetched:
                return ''
            response = await client.get(url)
            response.raise_for_status()
            validator = {k: response.headers[k] for k in ('etag', 'last-modified') if k in response.headers}
            cache = response.headers.get('cache-control', '')
            fetched[url] = Fetched(url, kind, response.num_bytes_downloaded, cache, validator)
            return response.text

        async def module(url: str) -> None:
            code = await get(url, 'module')
            for specifier in JS_IMPORT.findall(code):
                if specifier.startswith(('/', './', '../', 'http')):
                    await module(urljoin(url, specifier))

        async def stylesheet(url: str, uses_icons: bool) -> None:
            css = await get(url, 'css')
            for imported in CSS_IMPORT.findall(css):
                await stylesheet(urljoin(url, imported), uses_icons)
            for font in _fonts(css, uses_icons):
                await get(urljoin(url, font), 'font')

        page_url = base_url + path
        html = await get(page_url, 'html')
        # the icon font is fetched only for ligature icons; `img:`/`svguse:` icons are files of their own
        icon_names = re.findall(r'"tag":"q-icon","props":\{"name":"([^"]*)"', html)
        icon_names += re.findall(r'"icon":"([^"]*)"', html)
        uses_icons = any(not name.startswith(('img:', 'svguse:')) for name in icon_names)
        for name in sorted({n for n in icon_names if n.startswith('img:')}):
            await get(urljoin(page_url, name.removeprefix('img:')), 'icon')
        imports = json.loads(m.group(1))['imports'] if (m := IMPORT_MAP.search(html)) else {}
        for head_style in CSS_IMPORT.findall(html):
            await stylesheet(urljoin(page_url, head_style), uses_icons)
        for attributes in LINK.findall(html):
            href = re.search(r'href="([^"]+)"', attributes)
            rel = re.search(r'rel="([^"]+)"', attributes)
            if not href or not rel:
                continue
            if rel.group(1) == 'stylesheet':
                await stylesheet(urljoin(page_url, href.group(1)), uses_icons)
            elif rel.group(1) == 'modulepreload':
                await module(urljoin(page_url, href.group(1)))
            elif 'icon' in rel.group(1):
                await get(urljoin(page_url, href.group(1)), 'icon')
        for src in SCRIPT_SRC.findall(html):
            await get(urljoin(page_url, src), 'script')
        for script in MODULE_SCRIPT.findall(html):
            for specifier in JS_IMPORT.findall(script):
                await module(urljoin(page_url, imports.get(specifier, specifier)))

        repeat_bytes, repeat_requests = 0, 0
        for item in fetched.values():
            how = item.repeat()
            if how == 'fresh':
                continue
            repeat_requests += 1
            if how == 'refetch':
                repeat_bytes += (await client.get(item.url)).num_bytes_downloaded
            else:
                conditional = {'If-None-Match': item.validator.get('etag', '')} if 'etag' in item.validator else {}
                if 'last-modified' in item.validator:
                    conditional['If-Modified-Since'] = item.validator['last-modified']
                repeat_bytes += (await client.get(item.url, headers=conditional)).num_bytes_downloaded
    by_kind: dict[str, int] = {}
    for item in fetched.values():
        by_kind[item.kind] = by_kind.get(item.kind, 0) + item.wire_bytes
    largest = sorted(fetched.values(), key=lambda f: f.wire_bytes, reverse=True)[:5]
    return {
        'first_bytes': sum(f.wire_bytes for f in fetched.values()),
        'first_requests': len(fetched),
        'by_kind': by_kind,
        'largest': [(f.url.replace(base_url, ''), f.wire_bytes) for f in largest],
        'html_bytes': fetched[page_url].wire_bytes,
        'repeat_bytes': repeat_bytes,
        'repeat_requests': repeat_requests,
    }


def section(product: Result | None, floor: Result | None) -> list[str]:
    """The report's section on the page's transfer, Samenspel next to the floor."""
    pw, fw = product or {}, floor or {}
    out = [
        '',
        '## Participant page transfer',
        '',
        '`/j/CODE` as a browser with an empty cache loads it: the HTML, every script and stylesheet it names, the '
        'ES modules they import (import map resolved), CSS @imports and the fonts a Dutch page needs (Roboto latin, '
        'Material Icons when the page has icons); sizes as transferred (Accept-Encoding: gzip, br; the server '
        'compresses with gzip). A repeat visit fetches what is not fresh in the cache: the HTML (no-store) and '
        'conditional requests for what has only a validator.',
        '',
        HEAD.replace('N · figure', 'figure'),
        row('first visit', pw.get('first_bytes'), fw.get('first_bytes'), kb),
        row('first visit, requests', pw.get('first_requests'), fw.get('first_requests'), num),
        row('HTML', pw.get('html_bytes'), fw.get('html_bytes'), kb),
        row('repeat visit', pw.get('repeat_bytes'), fw.get('repeat_bytes'), kb),
        row('repeat visit, requests', pw.get('repeat_requests'), fw.get('repeat_requests'), num),
    ]
    for kind in sorted(set(pw.get('by_kind', {})) | set(fw.get('by_kind', {}))):
        out.append(row(f'first visit: {kind}', get(pw, 'by_kind', kind), get(fw, 'by_kind', kind), kb))
    if pw.get('largest'):
        out += ['', 'Largest on the participant page: ' + ', '.join(f'`{u}` {kb(b)}' for u, b in pw['largest']) + '.']
    return out
