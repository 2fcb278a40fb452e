"""What every projector view shares to fit one screen: text that steps down in size as it gets longer, and lists
that show what matters now with "+ 3 meer" for the rest (a beamer cannot scroll)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from nicegui import ui

from .frame import t

T = TypeVar('T')

# characters from which a text steps down one size (the classes are in samenspel.css, 'fit-1' the largest)
STEPS = (90, 160, 260)


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
