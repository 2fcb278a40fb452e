"""Trendanalyse: the incident registrations' trends on the projector, figure by figure, in a team's meeting (seed:
"Trendanalyse op basis van het GIR … rapportages voor afdelingen of teams"). The team sees its own afdeling.

The registrations live outside the session (the store's incidents, imported by the coördinator); the console makes
each figure's table from them, suppressed (facilitation/incidents/analysis.py), and this werkvorm keeps what was
shown as it was shown: the summary and the report tell the same figures later, even after a new import. A table is
checked again here before it goes into the log: a figure with a count under the minimum is refused.
"""

from __future__ import annotations

from typing import Any

from ...incidents.analysis import FIGURES, Table
from ...incidents.causes import KEY as CAUSES
from ...incidents.model import OPEN_MAX
from ...incidents.suppress import MINIMUM
from ..base import Context, DomainError, Event, WrongPhase, clean_text, require_role, roles_of
from .commands import ChooseAfdeling, ShowFigure, TrendCommand
from .model import KIND, Shown, State
from .projections import View, console_view, participant_view, public_view

__all__ = [
    'KIND',
    'ORDER',
    'ROLES',
    'ChooseAfdeling',
    'Command',
    'InvalidFigure',
    'ShowFigure',
    'State',
    'View',
    'config_of',
    'console_view',
    'decide',
    'evolve',
    'minimum_for',
    'new_state',
    'next_figure',
    'participant_view',
    'public_view',
]

ORDER: tuple[str, ...] = (*FIGURES, CAUSES)  # the figures in the order the console steps through them

Command = TrendCommand
ROLES = roles_of(TrendCommand)  # as each command in commands.py declares


class InvalidFigure(DomainError):
    key = 'ta.error.figure'


def minimum_for(session_minimum: int | None) -> int:
    """The smallest count shown: the incidents' minimum, or the session's when that is higher."""
    return max(MINIMUM, session_minimum or 0)


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    afdeling = config.get('afdeling')
    return State(afdeling=None if afdeling is None else clean_text(afdeling, 'afdeling', OPEN_MAX, required=False))


def config_of(state: State) -> dict[str, Any]:
    return {} if state.afdeling is None else {'afdeling': state.afdeling}


def next_figure(view: View) -> str | None:
    """The figure after the one on the screen (the first at the start; None after the last)."""
    if view.current is None:
        return ORDER[0]
    following = ORDER.index(view.current.key) + 1
    return ORDER[following] if following < len(ORDER) else None


def _checked(data: object, minimum: int) -> Table:
    """The table as the log may keep it: well formed, one of the figures, and no count under the minimum."""
    if not isinstance(data, dict):
        raise InvalidFigure()
    try:
        table = Table.from_data(data)
    except (KeyError, TypeError, ValueError):
        raise InvalidFigure() from None
    counts = [v for row in table.cells for v in row if v is not None]
    counts += [v for totals in (table.row_totals or (), table.column_totals or ()) for v in totals if v is not None]
    counts += [table.total] if table.total is not None else []
    if table.key not in ORDER or table.minimum < minimum or any(0 < n < table.minimum for n in counts):
        raise InvalidFigure()
    return table


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    require_role(ctx, *ROLES[type(command)])
    match command:
        case ChooseAfdeling(afdeling):
            chosen = clean_text(afdeling, 'afdeling', OPEN_MAX, required=False)
            return [] if chosen == state.afdeling else [ctx.event('trend.afdeling', afdeling=chosen)]
        case ShowFigure(data, afdeling):
            table = _checked(data, minimum_for(ctx.min_reveal))
            of = clean_text(afdeling, 'afdeling', OPEN_MAX, required=False)
            return [ctx.event('trend.shown', table=table.to_data(), afdeling=of)]
    raise WrongPhase(phase='unknown-command')


def evolve(state: State, event: Event) -> State:
    match event.type:
        case 'trend.afdeling':
            state.afdeling, state.current = event.data['afdeling'], -1
        case 'trend.shown':
            state.afdeling = event.data['afdeling']
            state.shown.append(Shown(state.afdeling, event.data['table']))
            state.current = len(state.shown) - 1
    return state
