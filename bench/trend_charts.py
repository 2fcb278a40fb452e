"""The trend analysis at the size of a large municipality's registration: 200,000 incidents (seeded, generated here),
every table computed and suppressed, every chart built, and the MT report written, each timed.

    python -m bench.trend_charts [--registrations 200000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable
from typing import TypeVar

from facilitation.incidents import analysis as an
from facilitation.incidents import charts
from facilitation.incidents.model import VOCABULARY, Registration
from facilitation.incidents.report import Scope, mt_docx, mt_xlsx
from facilitation.store import ImportRecord, Store

T = TypeVar('T')
AFDELINGEN = tuple(f'Afdeling {n:02d}' for n in range(12))
LOCATIES = tuple(f'Locatie {n:02d}' for n in range(40))
FUNCTIEGROEPEN = ('Baliemedewerker', 'BOA', 'Klantmanager', 'Handhaver', 'Beheerder', 'Zwembadmedewerker')


def registrations(n: int, seed: int) -> list[Registration]:
    """`n` incidents over three years, rising slowly, in every kind, afdeling, location and function group."""
    rng = random.Random(seed)
    start, days = dt.date(2023, 1, 1), 3 * 365
    found = []
    for _ in range(n):
        day = int(days * rng.random() ** 0.8)  # more of them later: a rising trend
        found.append(
            Registration(
                start + dt.timedelta(days=day),
                rng.choice(VOCABULARY['soort']),
                ernst=rng.choice(VOCABULARY['ernst']),
                locatie=rng.choice(LOCATIES),
                afdeling=rng.choice(AFDELINGEN),
                functiegroep=rng.choice(FUNCTIEGROEPEN),
                maatregel=rng.choice(VOCABULARY['maatregel']),
            )
        )
    return sorted(found, key=lambda r: r.datum)


def timed(what: Callable[[], T]) -> tuple[T, float]:
    begin = time.perf_counter()
    value = what()
    return value, time.perf_counter() - begin


def measure(regs: list[Registration]) -> list[tuple[str, float]]:
    """Each step's seconds, as the page and the MT report take them, for `regs` kept in a store."""
    rows: list[tuple[str, float]] = []
    store = Store(':memory:')
    store.add_incidents(ImportRecord('bench', 'GIR', 'bench.csv', len(regs), 0.0), regs)
    read, seconds = timed(store.incidents)
    assert len(read) == len(regs)
    rows.append(('read from the store (as the page does at each visit)', seconds))
    for label, filters in (
        ('every table, all afdelingen, all years', an.Filters()),
        ('every table, one afdeling, last 12 months', an.last_twelve_months(regs, AFDELINGEN[3])),
    ):
        tables, seconds = timed(lambda f=filters: an.analyse(regs, f))
        rows.append((label, seconds))
    _, seconds = timed(lambda: [charts.figure(t, 'nl', font=charts.PROJECTOR_FONT) for t in tables.values()])
    rows.append(('every chart built (plotly figures)', seconds))
    scope = Scope(AFDELINGEN[3], tables['maand'].span, 5)
    _, seconds = timed(lambda: mt_docx(tables, scope, 'nl', dt.date(2026, 1, 1)))
    rows.append(('MT report in Word (charts drawn)', seconds))
    _, seconds = timed(lambda: mt_xlsx(tables, scope, 'nl', dt.date(2026, 1, 1)))
    rows.append(('tables in Excel', seconds))
    store.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--registrations', type=int, default=200_000)
    parser.add_argument('--seed', type=int, default=7)
    args = parser.parse_args()
    regs, made = timed(lambda: registrations(args.registrations, args.seed))
    print(f'bench: {len(regs):,} registrations generated in {made:.2f} s (seed {args.seed})')
    print(f'| trend analysis, {len(regs):,} registrations | s |\n| --- | ---: |')
    for label, seconds in measure(regs):
        print(f'| {label} | {seconds:.2f} |')


if __name__ == '__main__':
    main()
