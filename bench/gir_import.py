"""The incident import at size: 200,000 registrations as a GIR-style export (the demo generator's, with its
description and reporter columns), read, judged, mapped and stored as the import page does it, in seconds.

    python -m bench.gir_import [--rows 200000]          (part of make bench)

Prints a table of the time of each step and the peak memory (measured in a second run with tracemalloc, which
slows Python down: the times are of the first run, without it).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

from facilitation.incidents import demo
from facilitation.incidents.converting import convert
from facilitation.incidents.mapping import propose, refused_columns, unknown_values
from facilitation.incidents.reading import read_table
from facilitation.store import ImportRecord, Store

from .report import fmt_s


def export(rows: int) -> bytes:
    """About `rows` registrations over three years, as the GIR exports them."""
    per_day = demo.PER_DAY * rows / len(demo.registrations())
    return demo.export_csv(demo.registrations(per_day=per_day))


def run(data: bytes, folder: Path) -> dict[str, float]:
    """Each step's seconds: read (decode, delimiter, count), judge (refused columns, proposal, unknown words),
    convert (every row to a registration), store (one transaction into a WAL database on disk)."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    table = read_table('gir-export.csv', data)
    times['read'] = time.perf_counter() - start
    start = time.perf_counter()
    mapping = propose(table, refused_columns(table))
    unknown_values(table, mapping)
    times['judge'] = time.perf_counter() - start
    start = time.perf_counter()
    outcome = convert(table, mapping)
    times['convert'] = time.perf_counter() - start
    store = Store(folder / f'{uuid.uuid4().hex}.db')
    start = time.perf_counter()
    store.add_incidents(
        ImportRecord(uuid.uuid4().hex, 'bench', 'gir-export.csv', len(outcome.registrations), time.time()),
        outcome.registrations,
    )
    times['store'] = time.perf_counter() - start
    times['rows'] = len(outcome.registrations)
    store.close()
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog='python -m bench.gir_import', description=__doc__.splitlines()[0])
    parser.add_argument('--rows', type=int, default=200_000, help='registrations in the export (default: 200000)')
    args = parser.parse_args(argv)
    data = export(args.rows)
    with tempfile.TemporaryDirectory(prefix='samenspel-bench-gir-') as folder:
        times = run(data, Path(folder))
        tracemalloc.start()
        run(data, Path(folder))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    total = sum(v for k, v in times.items() if k != 'rows')
    print(f'bench: incident import of {int(times["rows"]):,} rows ({len(data) / 1e6:.1f} MB, Windows-1252, `;`)')
    print('| step | time |\n| --- | ---: |')
    for step in ('read', 'judge', 'convert', 'store'):
        print(f'| {step} | {fmt_s(times[step])} |')
    print(f'| total | {fmt_s(total)} |')
    print(f'| peak memory (besides the file) | {peak / 1e6:.0f} MB |')


if __name__ == '__main__':
    main()
