"""What the import page (facilitation/ui/incident_import.py) holds and shows of one file: its state between clicks,
its rows as they will be kept, its errors, and the work on it run off the event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from nicegui import run, ui

from ..i18n import date_text
from ..incidents.converting import Outcome, RowError
from ..incidents.mapping import CLOSED, Mapping, Unknown
from ..incidents.model import FIELDS, Registration
from ..incidents.reading import Table
from .frame import language, t

T = TypeVar('T')


@dataclass
class Step:
    """What this admin's page holds between clicks: the table read from the file, the columns refused, the mapping
    shown, the words not known yet, the progress of a running import and its result."""

    source: str = ''
    table: Table | None = None
    refused: dict[str, str] = field(default_factory=dict)
    mapping: Mapping = field(default_factory=Mapping)
    unknown: dict[str, list[Unknown]] = field(default_factory=dict)
    problem: str = ''
    busy: str = ''  # what is running now (words), '' when nothing
    progress: float = 0.0
    outcome: Outcome | None = None


async def off_loop(function: Callable[..., T], *args: object) -> T:
    """`function(*args)` in a thread, so the event loop (every phone of every session) goes on meanwhile: a file
    of 200,000 rows takes seconds. NiceGUI answers None only when the server stops."""
    result = await run.io_bound(function, *args)
    if result is None:
        raise asyncio.CancelledError
    return cast(T, result)


def registrations_table(registrations: list[Registration], mapping: Mapping) -> None:
    shown = [f for f in FIELDS if f in mapping.columns]
    lang = language()
    columns = [{'name': f, 'label': t(f'gir.field.{f}'), 'field': f, 'align': 'left'} for f in shown]
    rows = [
        {
            f: date_text(r.datum, lang)
            if f == 'datum'
            else (t(f'gir.value.{f}.{r.value(f)}') if f in CLOSED and r.value(f) else r.value(f))
            for f in shown
        }
        for r in registrations
    ]
    # a wide table scrolls in a region of ours that the keyboard reaches (WCAG 2.1.1), not in Quasar's own (CSS)
    region = ui.element('div').classes('gir-preview-region').props('tabindex=0 role=region')
    region.props['aria-label'] = t('gir.step.preview')
    with region:
        ui.table(columns=columns, rows=rows).props('flat bordered wrap-cells').classes('gir-preview').mark(
            'gir-preview'
        )


def error_text(error: RowError) -> str:
    return t(error.key, row=error.row, column=error.column, value=error.value)


def row_numbers(numbers: list[int]) -> str:
    shown = ', '.join(str(n) for n in numbers[:10])
    return shown + (' …' if len(numbers) > 10 else '')


def delimiter_word(delimiter: str) -> str:
    return {';': t('gir.delimiter.semicolon'), ',': t('gir.delimiter.comma')}.get(delimiter, t('gir.delimiter.tab'))
