"""Trendanalyse's model: which afdeling the meeting looks at, and the figures shown, as they were shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KIND = 'trendanalyse'


@dataclass(frozen=True)
class Shown:
    """A figure as it was shown: of which afdeling ('' : every afdeling), its table (suppressed, as plain data)."""

    afdeling: str
    table: dict[str, Any]


@dataclass
class State:
    afdeling: str | None = None  # None: not chosen (the console proposes the session's team); '': every afdeling
    shown: list[Shown] = field(default_factory=list)  # every figure shown, in order
    current: int = -1  # the one on the screen (-1: none yet, or another afdeling was chosen since)
