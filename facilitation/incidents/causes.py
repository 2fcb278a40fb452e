"""Herhalingsrisico op basis van achtergronden: the causes classified in incident evaluations, per factor group and
quarter (seed: "Classificeer de oorzaken in technische, organisatorische, medewerker- en burgergerelateerde
oorzaken"; the trend analysis counts them over time).

The evaluations are activities of a werkvorm, not registrations: every registered werkvorm whose `extras` has
'classified_causes' gives a function (activity) -> tuple of (group, factor, outside), and this module reads them
through the registry only. With none registered there are no causes, and the table is empty.

"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .analysis import Filters, Table, period_key, period_keys
from .suppress import MINIMUM, suppress

if TYPE_CHECKING:
    from ..session import SessionState  # the session imports the registry, which imports this module's werkvorm

KEY = 'oorzaken'

Classify = Callable[[Any], tuple[tuple[str, str, bool], ...]]


def _classifiers() -> dict[str, Classify]:
    from ..werkvormen.registry import WERKVORMEN  # here: the registry imports the werkvorm that shows this table

    return {kind: w.extras['classified_causes'] for kind, w in WERKVORMEN.items() if 'classified_causes' in w.extras}


def classified(sessions: Iterable[SessionState], filters: Filters) -> list[tuple[dt.date, str]]:
    """(the session's day, the factor group) of every cause classified in the sessions' evaluations, of the filters'
    period; of one afdeling: the sessions of the team of that name."""
    classifiers = _classifiers()
    found: list[tuple[dt.date, str]] = []
    wanted = filters.afdeling.casefold() if filters.afdeling is not None else None
    for session in sessions:
        if wanted is not None and session.team.strip().casefold() != wanted:
            continue
        day = dt.datetime.fromtimestamp(session.created_at, dt.UTC).date()
        if (filters.start and day < filters.start) or (filters.end and day > filters.end):
            continue
        for activity in session.activities.values():
            classify = classifiers.get(activity.kind)
            if classify is not None:
                found += [(day, group) for group, _factor, _outside in classify(activity)]
    return found


def cause_table(sessions: Iterable[SessionState], filters: Filters, minimum: int = MINIMUM) -> Table:
    """Causes per factor group (rows) and quarter (columns), with every total, suppressed."""
    found = classified(sessions, filters)
    if not found:
        return Table(KEY, (), (), (), (), 0, minimum, row_totals=())
    days = [day for day, _ in found]
    start, end = filters.start or min(days), filters.end or max(days)
    quarters = period_keys(start, end, 'kwartaal')
    counted = Counter((group, period_key(day, 'kwartaal')) for day, group in found)
    groups = sorted({group for _, group in found})
    published = suppress([[counted[group, q] for q in quarters] for group in groups], row_totals=True, minimum=minimum)
    return Table(
        key=KEY,
        rows=tuple(groups),
        columns=tuple(quarters),
        cells=published.cells,
        column_totals=published.column_totals,
        total=published.total,
        minimum=minimum,
        row_totals=published.row_totals,
        small=published.small,
        span=(start.isoformat(), end.isoformat()),
    )
