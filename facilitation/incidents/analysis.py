"""Trend analysis of incident registrations as tables that may be published (seed: "Trendanalyse op basis van het
GIR": incidents per period, by soort, by ernst, by locatie and afdeling, per functiegroep, the measures taken).

Every table is passed through suppress.py before it leaves this module: a `Table` holds only what may be shown (None
for a hidden count), never the counts behind it, so no chart, page or file made from it can show a small group. Its
labels are keys (a vocabulary value, an organisation's own name, a period as '2025-03', '2025-Q1' or '2025'); the
interface turns them into words. Pure: registrations in, tables out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, Literal

from .model import VOCABULARY, Registration
from .suppress import MINIMUM, suppress, suppress_linked

Grain = Literal['maand', 'kwartaal', 'jaar']
Direction = Literal['stijgend', 'dalend', 'gelijk']

GRAINS: tuple[Grain, ...] = ('maand', 'kwartaal', 'jaar')
BY: tuple[str, ...] = ('soort', 'ernst', 'locatie', 'afdeling', 'functiegroep', 'maatregel')
FIGURES: tuple[str, ...] = (*GRAINS, *BY, 'periode')
"""Every table this module makes, in the order the page and the werkvorm show them (the causes: causes.py)."""

COUNT = 'aantal'  # the one column of a table by one field
THIS, PREVIOUS = 'deze', 'vorige'  # the columns of period against period
OTHER = '…'  # the row of an open field's smaller values together ('' is a registration without the field)
OPEN_SHOWN = 10  # an open field's largest values shown by name, the rest together
FLAT = 0.10  # a change over the whole span of less than 10 % of the average: 'gelijk'


@dataclass(frozen=True)
class Filters:
    """Which registrations count: from `start` to `end` (inclusive; None: from the first, to the last) and of one
    `afdeling` (None: all)."""

    start: dt.date | None = None
    end: dt.date | None = None
    afdeling: str | None = None

    def keeps(self, registration: Registration) -> bool:
        return (
            (self.start is None or registration.datum >= self.start)
            and (self.end is None or registration.datum <= self.end)
            and (self.afdeling is None or registration.afdeling == self.afdeling)
        )


@dataclass(frozen=True)
class Trend:
    """The direction of a series in words, its least-squares line (one value per period) and its slope per period.

    Fitted on what is published only: a hidden period counts as its share of what the total leaves unshown (the
    total minus the shown periods, spread evenly over the hidden ones), so the line gives nothing away that the
    table does not."""

    direction: Direction
    slope: float
    line: tuple[float, ...]


@dataclass(frozen=True)
class Table:
    """A table as it may be published: counts per row and column, None where hidden, with the totals it shows."""

    key: str  # which table: a grain, a field, 'periode' or 'oorzaken'
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    column_totals: tuple[int | None, ...] | None
    total: int | None
    minimum: int
    row_totals: tuple[int | None, ...] | None = None
    trend: Trend | None = None
    differences: tuple[int | None, ...] = field(default=())  # period against period: this minus previous, per row
    span: tuple[str, str] = ('', '')  # the period it covers (ISO dates; period against period: this period)
    previous: tuple[str, str] = ('', '')  # period against period: the previous period
    small: frozenset[str] = frozenset()  # the hidden counts that are small themselves (suppress.Suppressed.small)

    @property
    def empty(self) -> bool:
        return not self.rows or self.total == 0

    def to_data(self) -> dict[str, Any]:
        """As plain data for the session's log (what a werkvorm showed): only what the table publishes."""
        data: dict[str, Any] = {
            'key': self.key,
            'rows': list(self.rows),
            'columns': list(self.columns),
            'cells': [list(row) for row in self.cells],
            'column_totals': list(self.column_totals) if self.column_totals is not None else None,
            'row_totals': list(self.row_totals) if self.row_totals is not None else None,
            'total': self.total,
            'minimum': self.minimum,
            'differences': list(self.differences),
            'span': list(self.span),
            'previous': list(self.previous),
            'small': sorted(self.small),
        }
        if self.trend is not None:
            data['trend'] = {
                'direction': self.trend.direction,
                'slope': self.trend.slope,
                'line': list(self.trend.line),
            }
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Table:
        trend = data.get('trend')
        return cls(
            key=str(data['key']),
            rows=tuple(map(str, data['rows'])),
            columns=tuple(map(str, data['columns'])),
            cells=tuple(tuple(_count(v) for v in row) for row in data['cells']),
            column_totals=None if data['column_totals'] is None else tuple(map(_count, data['column_totals'])),
            row_totals=None if data.get('row_totals') is None else tuple(map(_count, data['row_totals'])),
            total=_count(data['total']),
            minimum=int(data['minimum']),
            differences=tuple(None if v is None else int(v) for v in data.get('differences', ())),
            span=_pair(data.get('span')),
            previous=_pair(data.get('previous')),
            small=frozenset(map(str, data.get('small', ()))),
            trend=None
            if trend is None
            else Trend(trend['direction'], float(trend['slope']), tuple(float(v) for v in trend['line'])),
        )


def _count(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError('a count is a whole number of 0 or more, or None')
    return value


def _pair(value: object) -> tuple[str, str]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return str(value[0]), str(value[1])
    return '', ''


# --- periods --------------------------------------------------------------------------------------------------------


def period_key(day: dt.date, grain: Grain) -> str:
    if grain == 'maand':
        return f'{day.year}-{day.month:02d}'
    if grain == 'kwartaal':
        return f'{day.year}-Q{(day.month - 1) // 3 + 1}'
    return str(day.year)


def period_keys(start: dt.date, end: dt.date, grain: Grain) -> list[str]:
    """Every period from the one holding `start` to the one holding `end`, with none left out (a month without
    incidents is a 0 on the chart, not a gap)."""
    keys: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        key = period_key(dt.date(year, month, 1), grain)
        if not keys or keys[-1] != key:
            keys.append(key)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def span_of(registrations: Sequence[Registration], filters: Filters) -> tuple[dt.date, dt.date] | None:
    """The period the filters cover: as given, else from the first to the last registration (None: no dates)."""
    days = [r.datum for r in registrations]
    if not days and (filters.start is None or filters.end is None):
        return None
    start = filters.start if filters.start is not None else min(days)
    end = filters.end if filters.end is not None else max(days)
    return (start, end) if start <= end else None


def trend_of(values: Sequence[int | None], total: int | None) -> Trend | None:
    """The trend of a published series (None for fewer than three periods: too few to speak of a direction)."""
    if len(values) < 3:
        return None
    hidden = [i for i, v in enumerate(values) if v is None]
    shown_sum = sum(v for v in values if v is not None)
    share = (total - shown_sum) / len(hidden) if hidden and total is not None else None
    points = [(i, float(v) if v is not None else share) for i, v in enumerate(values)]
    known = [(x, y) for x, y in points if y is not None]
    if len(known) < 3:
        return None
    n = len(known)
    mean_x = sum(x for x, _ in known) / n
    mean_y = sum(y for _, y in known) / n
    spread = sum((x - mean_x) ** 2 for x, _ in known)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in known) / spread
    line = tuple(round(mean_y + slope * (i - mean_x), 2) for i in range(len(values)))
    change = slope * (len(values) - 1)
    if mean_y == 0 or abs(change) < FLAT * mean_y:
        direction: Direction = 'gelijk'
    else:
        direction = 'stijgend' if change > 0 else 'dalend'
    return Trend(direction, round(slope, 3), line)


# --- the tables -----------------------------------------------------------------------------------------------------


TOTAL_HIDDEN = ('column 0', 'total')  # a one-column table's total, hidden where another table hides it


def _one_column(
    key: str, rows: list[str], counts: list[int], minimum: int, span: tuple[str, str], hide_total: bool = False
) -> Table:
    published = suppress([[n] for n in counts], minimum=minimum, hide=TOTAL_HIDDEN if hide_total else ())
    return Table(
        key=key,
        rows=tuple(rows),
        columns=(COUNT,),
        cells=published.cells,
        column_totals=published.column_totals,
        total=published.total,
        minimum=minimum,
        span=span,
        small=published.small,
    )


def _iso(span: tuple[dt.date, dt.date] | None) -> tuple[str, str]:
    return (span[0].isoformat(), span[1].isoformat()) if span else ('', '')


def per_period(registrations: Sequence[Registration], filters: Filters, grain: Grain, minimum: int = MINIMUM) -> Table:
    """How many incidents per month, quarter or year, with the trend."""
    kept = [r for r in registrations if filters.keeps(r)]
    return _periods(_months(kept), span_of(kept, filters), minimum)[grain]


def _months(kept: Sequence[Registration]) -> Counter[tuple[int, int]]:
    """How many per (year, month): one pass over the registrations for every grain."""
    return Counter((r.datum.year, r.datum.month) for r in kept)


def _periods(
    months: Counter[tuple[int, int]], span: tuple[dt.date, dt.date] | None, minimum: int, hide_total: bool = False
) -> dict[str, Table]:
    """The tables per month, quarter and year, suppressed together: a quarter is the sum of its months and a year of
    its quarters, so a hidden month must stay hidden with the quarters and years beside it (suppress_linked)."""
    keys = {grain: period_keys(*span, grain) if span else [] for grain in GRAINS}
    counted: dict[str, Counter[str]] = {grain: Counter() for grain in GRAINS}
    for (year, month), n in months.items():
        for grain in GRAINS:
            counted[grain][period_key(dt.date(year, month, 1), grain)] += n
    values: dict[Hashable, int] = {(g, k): counted[g][k] for g in GRAINS for k in keys[g]}
    values['total'] = sum(counted['jaar'][k] for k in keys['jaar'])
    sums: list[tuple[list[Hashable], Hashable]] = [
        ([('maand', m) for m in keys['maand'] if _quarter_of(m) == q], ('kwartaal', q)) for q in keys['kwartaal']
    ]
    sums += [([('kwartaal', q) for q in keys['kwartaal'] if q[:4] == y], ('jaar', y)) for y in keys['jaar']]
    sums.append(([('jaar', y) for y in keys['jaar']], 'total'))
    hidden, small = suppress_linked(values, sums, minimum, hide=('total',) if hide_total else ())

    def shown(name: Hashable) -> int | None:
        return None if name in hidden else values[name]

    tables: dict[str, Table] = {}
    for grain in GRAINS:
        cells = tuple((shown((grain, k)),) for k in keys[grain])
        marks = {f'cell {r} 0' for r, k in enumerate(keys[grain]) if (grain, k) in small}
        marks |= {'column 0', 'total'} if 'total' in small else set()
        table = Table(
            key=grain,
            rows=tuple(keys[grain]),
            columns=(COUNT,),
            cells=cells,
            column_totals=(shown('total'),),
            total=shown('total'),
            minimum=minimum,
            span=_iso(span),
            small=frozenset(marks),
        )
        tables[grain] = replace(table, trend=trend_of([c for (c,) in cells], table.total))
    return tables


def _quarter_of(month: str) -> str:
    return period_key(dt.date(int(month[:4]), int(month[5:]), 1), 'kwartaal')


def by_field(registrations: Sequence[Registration], filters: Filters, name: str, minimum: int = MINIMUM) -> Table:
    """How many incidents per value of one field: a closed field in its vocabulary's order (then those without it),
    an open one largest first, its smaller values together as one row after the first ten. The soorten are this
    period's column of period against period: one suppression for both, so neither gives the other's hidden away."""
    if name == 'soort':
        return soort_of(period_against_period(registrations, filters, minimum))
    kept = [r for r in registrations if filters.keeps(r)]
    return _by_field(kept, span_of(kept, filters), name, minimum)


def soort_of(periods: Table) -> Table:
    """The table by soort: this period's column of period against period, as it is suppressed there (its rows
    without incidents in this period left out where they show a 0)."""
    keep = [r for r, row in enumerate(periods.cells) if row[0] != 0]
    marks = {f'cell {new} 0' for new, r in enumerate(keep) if f'cell {r} 0' in periods.small}
    marks |= {'column 0', 'total'} if 'column 0' in periods.small else set()
    this_total = periods.column_totals[0] if periods.column_totals else periods.total
    return Table(
        key='soort',
        rows=tuple(periods.rows[r] for r in keep),
        columns=(COUNT,),
        cells=tuple((periods.cells[r][0],) for r in keep),
        column_totals=(this_total,),
        total=this_total,
        minimum=periods.minimum,
        span=periods.span,
        small=frozenset(marks),
    )


def _by_field(
    kept: Sequence[Registration],
    span: tuple[dt.date, dt.date] | None,
    name: str,
    minimum: int,
    hide_total: bool = False,
) -> Table:
    counted = Counter(map(attrgetter(name), kept))
    vocabulary = VOCABULARY[name]
    if vocabulary:
        rows = [v for v in vocabulary if counted[v]] + [v for v in counted if v not in vocabulary]
        counts = [counted[v] for v in rows]
    else:
        ranked = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
        rows = [v for v, _ in ranked[:OPEN_SHOWN]]
        counts = [n for _, n in ranked[:OPEN_SHOWN]]
        if len(ranked) > OPEN_SHOWN:
            rows.append(OTHER)
            counts.append(sum(n for _, n in ranked[OPEN_SHOWN:]))
    return _one_column(name, rows, counts, minimum, _iso(span), hide_total)


def period_against_period(
    registrations: Sequence[Registration], filters: Filters, minimum: int = MINIMUM, hide_total: bool = False
) -> Table:
    """This period against the one of the same length just before it, per soort, with the difference (shown only
    where both counts are: a difference beside one hidden count would give it away). This period is the filters'
    (without a start: from the first registration)."""
    afdeling = filters.afdeling
    of = [r for r in registrations if afdeling is None or r.afdeling == afdeling]
    last = filters.end if filters.end is not None else max((r.datum for r in of), default=None)
    if last is None:
        return Table('periode', (), (THIS, PREVIOUS), (), (0, 0), 0, minimum, differences=())
    first = filters.start if filters.start is not None else min((r.datum for r in of), default=last)
    before = Filters(*previous_period(first, last), afdeling)
    now: Counter[str] = Counter()
    then: Counter[str] = Counter()
    for r in of:  # one pass: the registrations of a large municipality are many
        if first <= r.datum <= last:
            now[r.soort] += 1
        elif before.start is not None and before.end is not None and before.start <= r.datum <= before.end:
            then[r.soort] += 1
    rows = [v for v in VOCABULARY['soort'] if now[v] or then[v]]
    rows += sorted(v for v in {*now, *then} if v not in VOCABULARY['soort'])
    published = suppress([[now[v], then[v]] for v in rows], minimum=minimum, hide=TOTAL_HIDDEN if hide_total else ())
    differences = tuple(a - b if a is not None and b is not None else None for a, b in published.cells)
    return Table(
        key='periode',
        rows=tuple(rows),
        columns=(THIS, PREVIOUS),
        cells=published.cells,
        column_totals=published.column_totals,
        total=published.total,
        minimum=minimum,
        differences=differences,
        span=(first.isoformat(), last.isoformat()),
        previous=(before.start.isoformat(), before.end.isoformat()) if before.start and before.end else ('', ''),
        small=published.small,
    )


def _months_back(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day where it has fewer days)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def previous_period(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length just before first–last: as many whole months before whole months (a year
    before a year, also across a leap day), else as many days."""
    after = last + dt.timedelta(days=1)
    if first.day == 1 and after.day == 1:
        months = (after.year - first.year) * 12 + after.month - first.month
        return _months_back(first, months), first - dt.timedelta(days=1)
    return first - (after - first), first - dt.timedelta(days=1)


def table(key: str, registrations: Sequence[Registration], filters: Filters, minimum: int = MINIMUM) -> Table:
    """One of FIGURES by its key, as `analyse` makes it with all the others (so that figures shown one by one say
    no more together than the page does)."""
    return analyse(registrations, filters, minimum)[key]


def analyse(registrations: Iterable[Registration], filters: Filters, minimum: int = MINIMUM) -> dict[str, Table]:
    """Every table of FIGURES, in order (the registrations filtered once, the months counted once).

    Every table but period against period counts the same incidents, so all have one total (this period's column
    there too): where one table has to hide it, every table is made again with it hidden, or the others would say
    what it hides."""
    every = list(registrations)
    kept = every if filters == Filters() else [r for r in every if filters.keeps(r)]
    span, months = span_of(kept, filters), _months(kept)

    def made(hide_total: bool) -> dict[str, Table]:
        tables: dict[str, Table] = dict(_periods(months, span, minimum, hide_total))
        periods = period_against_period(every, filters, minimum, hide_total)
        tables['soort'] = soort_of(periods)
        tables.update({name: _by_field(kept, span, name, minimum, hide_total) for name in BY if name != 'soort'})
        tables['periode'] = periods
        return {key: tables[key] for key in FIGURES}

    tables = made(hide_total=False)
    if any(tables[key].total is None for key in FIGURES if key != 'periode'):
        return made(hide_total=True)
    return tables


def last_twelve_months(registrations: Sequence[Registration], afdeling: str | None = None) -> Filters:
    """The twelve whole months up to the last registration's month (of `afdeling`; all when there are none)."""
    days = [r.datum for r in registrations if afdeling is None or r.afdeling == afdeling]
    if not days:
        return Filters(afdeling=afdeling)
    last = max(days)
    end = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1) - dt.timedelta(days=1)
    return Filters(_months_back(dt.date(last.year, last.month, 1), 11), end, afdeling)


def matching(name: str, afdelingen: Iterable[str]) -> str:
    """The afdeling a team's name names (the same name in any case and spacing: 'publiekszaken ' is Publiekszaken),
    '' when none does."""
    wanted = ' '.join(name.split()).casefold()
    return next((a for a in afdelingen if ' '.join(a.split()).casefold() == wanted and wanted), '')


def afdelingen(registrations: Iterable[Registration]) -> list[str]:
    """The afdelingen the registrations name, as the filter offers them (those without one are in 'all')."""
    return sorted({r.afdeling for r in registrations if r.afdeling}, key=str.casefold)
