"""The commands of the Trendanalyse, each declaring who may give it: the facilitator alone steps through it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..base import FACILITATOR, Command


class TrendCommand(Command):
    """A command of this werkvorm."""


@dataclass(frozen=True)
class ChooseAfdeling(TrendCommand):
    """Look at one afdeling's incidents ('' : every afdeling's)."""

    roles = FACILITATOR
    afdeling: str


@dataclass(frozen=True)
class ShowFigure(TrendCommand):
    """Put a figure on the screen: its table as the console made it from the registrations of `afdeling` ('' : of
    every afdeling), suppressed (analysis.Table.to_data); the rules check it again before it goes into the log."""

    roles = FACILITATOR
    table: dict[str, Any]
    afdeling: str = ''
