"""What every projector view shares to fit one screen: text that steps down in size as it gets longer, and lists
that show what matters now with "+ 3 meer" for the rest (a beamer cannot scroll).

A view keeps a list to what fits by estimating, in screen units (--u, see samenspel.css), how high each item is
written: its characters at a font size in a box of a known width give its lines. The estimate errs long (a
character is taken wider than most are), so what it lets through fits; 16:10 and 4:3 only add height."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil
from typing import TYPE_CHECKING, TypeVar

from nicegui import ui

from .frame import t

if TYPE_CHECKING:
    from ..live import LiveRoom

T = TypeVar('T')

# characters from which a text steps down one size (the classes are in samenspel.css, 'fit-1' the largest)
STEPS = (90, 160, 260)


CHAR = 0.52  # a character's width in em, a little wider than Roboto's average with the space a wrap leaves
WIDE = 170.0  # the stage's width in u: the 16:9 screen (177.8u) less the page's padding
NARROW = 126.0  # ... with the way in (QR, code, address) large beside it
HIGH = 78.0  # the stage's height in u under the bar, at 16:9 (the least height of the three screens)
LINE = 1.3  # the projector's line height


def stage_width(room: LiveRoom) -> float:
    """The stage's width in u as the projector lays it out now (narrower while the way in is large beside it)."""
    from .views import way_in_large  # views imports every werkvorm's projector, and they import this module

    return NARROW if way_in_large(room.state) else WIDE


def lines(text: str, width: float, size: float) -> int:
    """How many lines `text` takes in a box `width` u wide at font size `size` u (at least one; errs long)."""
    per_line = max(1, int(width / (size * CHAR)))
    return sum(max(1, ceil(len(line) / per_line)) for line in (text.splitlines() or ['']))


def height(text: str, width: float, size: float, line_height: float = LINE) -> float:
    """The height in u of `text` written `size` u large in a box `width` u wide."""
    return lines(text, width, size) * size * line_height


def shorten(text: str, width: float, size: float, most_lines: int) -> str:
    """`text` cut with '…' to what fits `most_lines` lines of a box `width` u wide at `size` u (whole if it fits)."""
    if lines(text, width, size) <= most_lines:
        return text
    chars = max(1, most_lines * max(1, int(width / (size * CHAR))) - 2)
    flat = ' '.join(text.split())
    cut = flat[:chars]
    if ' ' in cut[chars // 2 :]:
        cut = cut.rsplit(' ', 1)[0]  # end on a whole word
    return cut.rstrip(' ,.;:') + '…'


def newest_within(items: Sequence[T], budget: float, cost: Callable[[T], float]) -> tuple[Sequence[T], int]:
    """The newest (last) items whose heights `cost` together fit `budget` u, at least one, and how many are left out."""
    shown, used = 0, 0.0
    for item in reversed(items):
        used += cost(item)
        if shown and used > budget:
            break
        shown += 1
    return newest(items, shown)


def first_within(items: Sequence[T], budget: float, cost: Callable[[T], float]) -> tuple[Sequence[T], int]:
    """The first items (the top, the current) whose heights together fit `budget` u, at least one."""
    shown, used = 0, 0.0
    for item in items:
        used += cost(item)
        if shown and used > budget:
            break
        shown += 1
    return first(items, shown)


def fit(text: str, steps: tuple[int, ...] = STEPS) -> str:
    """The size class for `text` on the projector: 'fit-1' for a short text, up to 'fit-4' for the longest."""
    return f'fit-{1 + sum(len(text) > step for step in steps)}'


def newest(items: Sequence[T], shown: int) -> tuple[Sequence[T], int]:
    """The last `shown` items (the newest) and how many are left out."""
    return (items[-shown:] if shown else items[:0]), max(0, len(items) - shown)


def first(items: Sequence[T], shown: int) -> tuple[Sequence[T], int]:
    """The first `shown` items (the top, the current) and how many are left out."""
    return items[:shown], max(0, len(items) - shown)


def more(left_out: int, css: str = 'projector-more') -> None:
    """'+ 3 meer' under a list that shows only part of itself (nothing when nothing is left out)."""
    if left_out:
        ui.label(t('proj.more', n=left_out)).classes(css)


def last_lines(text: str, lines: int, chars: int = 160) -> str:
    """The last `lines` lines of a long text (the newest notes), each cut to `chars` characters with '…'."""
    kept = [line.strip() for line in text.splitlines() if line.strip()][-lines:]
    return '\n'.join(line if len(line) <= chars else line[: chars - 1].rstrip() + '…' for line in kept)
