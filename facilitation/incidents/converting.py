"""Every row of an export to a registration, with the mapping of mapping.py: each distinct cell text is converted
once (dates, values), so 200,000 rows take seconds; a row that cannot be used is told with its number (as a spreadsheet
shows it), its column and why; duplicates are counted, and so are registrations kept already by an earlier import.

Pure rules: no interface, no SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .mapping import CLOSED, Mapping, known_value, parse_date, personal_data
from .model import DATE, FIELDS, OPEN_MAX, REQUIRED, Registration
from .reading import Table


@dataclass(frozen=True)
class RowError:
    """A row that is not imported: its number (as a spreadsheet shows it), the column's header, why (`key` in
    strings.yaml) and the cell as written (never of a refused column)."""

    row: int
    column: str
    key: str
    value: str = ''


@dataclass
class Outcome:
    """What an import of a table with a mapping gives: the registrations, the rows skipped as duplicates (a row
    exactly like an earlier one), the rows with an error, and how many registrations were kept already (see
    `without_kept`)."""

    registrations: list[Registration]
    duplicates: list[int]
    errors: list[RowError]
    known: int = 0


def without_kept(outcome: Outcome, kept: Iterable[Registration]) -> Outcome:
    """The outcome without what is kept already: an export that overlaps an earlier one (the same period exported
    again, a month later) adds only what is new. Of registrations alike in every field, as many are left out as are
    kept already (two alike on one day in the new export, one of them kept: one is added)."""
    left = Counter(kept)
    fresh: list[Registration] = []
    for registration in outcome.registrations:
        if left[registration] > 0:
            left[registration] -= 1
        else:
            fresh.append(registration)
    known = len(outcome.registrations) - len(fresh)
    return Outcome(fresh, outcome.duplicates, outcome.errors, outcome.known + known)


class _Bad:
    __slots__ = ('key',)

    def __init__(self, key: str) -> None:
        self.key = key


def _convert(target: str, text: str, mapping: Mapping) -> object:
    text = text.strip()
    if target == DATE:
        if not text:
            return _Bad('gir.error.row.no_date')
        return parse_date(text) or _Bad('gir.error.row.date')
    if target in CLOSED:
        value = known_value(target, text, mapping)
        return _Bad('gir.error.row.unknown') if value is None else value
    value = ' '.join(text.split())
    if len(value) > OPEN_MAX:
        return _Bad('gir.error.row.too_long')
    if personal_data(value):
        return _Bad('gir.error.row.personal')
    return value


def convert(table: Table, mapping: Mapping, progress: Callable[[float], None] | None = None) -> Outcome:
    """Every row of `table` as a registration, through `mapping` (only its columns are read). `progress` hears the
    share done now and then."""
    plan: list[tuple[int, int, str, dict[str, object]]] = [  # each distinct text is converted once (its dict)
        (position, table.headers.index(mapping.columns[target]), target, {})
        for position, target in enumerate(FIELDS)
        if mapping.columns.get(target) in table.headers
    ]
    required = [(FIELDS.index(target), mapping.columns.get(target, '')) for target in REQUIRED]
    empty: list[object] = [''] * len(FIELDS)
    registrations: list[Registration] = []
    duplicates: list[int] = []
    errors: list[RowError] = []
    seen: set[int] = set()  # each row's hash: two different rows share one once in ~10^9 files of 200,000 rows
    every = max(1, table.count // 50)
    for number, cells in table.numbered():
        if progress is not None and number % every == 0:
            progress(number / (table.count + 1))
        key = hash(tuple(cells))
        if key in seen:
            duplicates.append(number)
            continue
        seen.add(key)
        values: list[object] = empty.copy()
        error = None
        for position, index, target, memo in plan:
            text = cells[index]
            value = memo.get(text)
            if value is None:
                value = memo[text] = _convert(target, text, mapping)
            if isinstance(value, _Bad):
                error = RowError(number, table.headers[index], value.key, cells[index].strip()[:OPEN_MAX])
                break
            values[position] = value
        else:
            for position, header in required:
                if not values[position]:  # an empty cell of a required field, or no column for it
                    error = RowError(number, header, 'gir.error.row.required')
                    break
        if error is not None:
            errors.append(error)
            continue
        registrations.append(Registration(*values))  # type: ignore[arg-type]
    if progress is not None:
        progress(1.0)
    return Outcome(registrations, duplicates, errors)
