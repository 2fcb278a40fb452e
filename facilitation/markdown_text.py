"""People's text in a Markdown download, as literal text: never a link, an image, HTML or a heading of its own.

Every writer of Markdown (the session's summary, the report, the team plan) passes every text it did not write itself
through one of these: what participants and the facilitator typed, names of sessions, teams and groups, and the
sentences of the string table that carry such text. A participant's `[klik](javascript:…)`, `![x](http://host/pixel)`,
`<img onerror=…>`, `<http://host>`, `# kop` or `a | b` then shows as exactly those characters in any Markdown viewer.
"""

from __future__ import annotations

import re

# Backslash escapes every CommonMark viewer (and markdown2, which NiceGUI uses) reads as the character itself:
# [ and ] make links and images, < and > HTML and autolinks, & entities, # headings, * _ ` emphasis and code.
_SPECIAL = str.maketrans({c: '\\' + c for c in '\\`*_[]<>#&'})
# In a table cell a | would end the cell. Outside a table it is harmless and markdown2 would show its backslash.
_CELL_SPECIAL = str.maketrans({c: '\\' + c for c in '\\`*_[]<>#&|'})
# A line that starts with these would become a list item.
_BLOCK_START = re.compile(r'^(?:([-+])|(\d+)([.)]))')
# A line of only = (or only | : -) would turn the line before it into a heading (or a table).
_UNDERLINE = re.compile(r'^(?:=+|[|:][|:\s-]*-[|:\s-]*)$')


def _line(line: str) -> str:
    escaped = line.strip().translate(_SPECIAL)
    if _UNDERLINE.match(escaped):
        return '\\' + escaped
    return _BLOCK_START.sub(lambda m: f'\\{m[1]}' if m[1] else f'{m[2]}\\{m[3]}', escaped)


def text(value: str) -> str:
    """Text inside one line of Markdown (a heading, a list item, after a label): escaped, its lines joined by a
    space so that a newline cannot start a block of its own."""
    return ' '.join(_line(line) for line in value.splitlines() if line.strip())


def block(value: str) -> str:
    """Text as a paragraph of its own (a note, the conclusions): escaped line by line, its lines kept as line
    breaks."""
    return '  \n'.join(_line(line) for line in value.splitlines() if line.strip())


def cell(value: str) -> str:
    """Text in a table cell: escaped (a `|` cannot end the cell), its lines joined by <br> (a newline would end the
    row); an empty cell is a space."""
    return '<br>'.join(line.strip().translate(_CELL_SPECIAL) for line in value.splitlines() if line.strip()) or ' '
