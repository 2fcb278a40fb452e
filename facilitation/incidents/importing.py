"""The import's work on a whole file, run off the event loop by the import page (facilitation/ui/incident_import.py):
read and judge it, convert what is new, convert the first rows for the preview. Pure: bytes and tables in, tables and
registrations out."""

from __future__ import annotations

from collections.abc import Callable

from .converting import Outcome, convert, without_kept
from .mapping import Mapping, Unknown, propose, refused_columns, unknown_values
from .model import Registration
from .reading import Table, read_table


def read_file(
    name: str, data: bytes, saved: dict[str, object] | None
) -> tuple[Table, dict[str, str], Mapping, dict[str, list[Unknown]]]:
    """The file as a table, its refused columns, the mapping proposed (`saved`: the source's) and the words of its
    category columns not known yet."""
    table = read_table(name, data)
    refused = refused_columns(table)
    mapping = propose(table, refused, Mapping.from_json(saved) if saved is not None else None)
    return table, refused, mapping, unknown_values(table, mapping)


def convert_new(table: Table, mapping: Mapping, kept: list[Registration], progress: Callable[[float], None]) -> Outcome:
    return without_kept(convert(table, mapping, progress), kept)


def first_rows(table: Table, mapping: Mapping) -> Outcome:
    """The preview: the first rows converted (a whole file converts at the import, with its progress bar)."""
    head = Table(
        table.name,
        table.headers,
        0,
        'xlsx',
        '',
        cells=tuple(tuple(r) for r, _ in zip(table.rows(), range(50), strict=False)),
    )
    return convert(head, mapping)
