"""No glyph the product shows may need a font the machine might lack: no emoji, no symbol outside Latin and common
punctuation in the code, the static files, the content and the session plans (icons are SVG files or CSS)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent.parent
SOURCES = ('facilitation', 'assets', 'content', 'sessions')
SUFFIXES = {'.py', '.css', '.js', '.html', '.yaml', '.yml', '.svg', '.md'}
PUNCTUATION = set('–—‘’“”„…·•€′″')  # in every text font


def test_no_emoji_or_symbol_glyphs_in_what_the_product_shows() -> None:
    found = []
    for source in SOURCES:
        for path in sorted((ROOT / source).rglob('*')):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), start=1):
                odd = sorted({c for c in line if ord(c) > 0x24F and c not in PUNCTUATION})
                if odd:
                    found.append(f'{path.relative_to(ROOT)}:{number}: {" ".join(odd)}')
    assert not found, '\n'.join(found)
