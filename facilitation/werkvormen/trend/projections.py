"""Trendanalyse's projections: the afdeling and the figure on the screen, the same for the projector, every phone
and the console (what is shown is suppressed already: there is nothing to hold back from anyone)."""

from __future__ import annotations

from dataclasses import dataclass

from ...incidents.analysis import Table
from .model import State


@dataclass(frozen=True)
class View:
    afdeling: str | None  # as chosen (None: not yet)
    current: Table | None  # the figure on the screen
    current_afdeling: str  # whose figure it is ('' : every afdeling's)
    count: int  # how many figures were shown


def public_view(state: State, minimum: int) -> View:
    """`minimum` is not used here: each table was suppressed with its own (at least the session's) when shown."""
    if state.current < 0:
        return View(state.afdeling, None, '', len(state.shown))
    shown = state.shown[state.current]
    return View(state.afdeling, Table.from_data(shown.table), shown.afdeling, len(state.shown))


def participant_view(state: State, participant_id: str, minimum: int, public: View | None = None) -> View:
    return public if public is not None else public_view(state, minimum)


def console_view(state: State, minimum: int) -> View:
    return public_view(state, minimum)
