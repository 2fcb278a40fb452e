"""Trendanalyse: its load is the registrations', not the phones' (a phone only follows the figure on the screen and
sends nothing). Two sections, each beside a floor measured in the same run:

1. the import of a 200,000-row GIR-style export (bench/gir_import.py: read, judge the columns, map, store), beside
   Python's csv module reading the same bytes and sqlite3 storing every row as it stands;
2. the trend analysis of 200,000 registrations (bench/trend_charts.py: every table suppressed, every chart, the MT
   report), and the time a browser takes to draw the page /incidenten with its charts, beside a bare NiceGUI page
   drawing the same plotly figures (bench/plot_floor.py).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import sqlite3
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import httpx

from ..common import Result
from ..report import fmt_s, ratio
from ..server import Product, Server
from . import Scenario

CHROMIUM = '/usr/bin/chromium'
VISITS = 3  # the page drawn this many times; the median is reported
SEED = 7
DRAWN = """n => [...document.querySelectorAll('.js-plotly-plot')].filter(e => e.querySelector('g.trace')).length >= n"""
# every chart has its traces drawn (plotly adds them once the data are laid out)


@dataclass
class PlotFloor(Server):
    """bench/plot_floor.py: the same figures on a bare NiceGUI page."""

    registrations: int = 200_000

    def command(self) -> list[str]:
        return [sys.executable, '-m', 'bench.plot_floor', '--port', str(self.port), '--registrations',
                str(self.registrations), '--seed', str(SEED)]  # fmt: skip


def import_floor(data: bytes, folder: Path) -> float:
    """The least an import does: decode, split with the csv module, store every row as text in one transaction."""
    start = time.perf_counter()
    rows = list(csv.reader(io.StringIO(data.decode('cp1252')), delimiter=';'))
    db = sqlite3.connect(folder / 'floor.db')
    db.execute('PRAGMA journal_mode=WAL')
    db.execute(f'CREATE TABLE rows ({", ".join(f"c{i}" for i in range(len(rows[0])))})')
    with db:
        db.executemany(f'INSERT INTO rows VALUES ({", ".join("?" * len(rows[0]))})', rows[1:])
    db.close()
    return time.perf_counter() - start


class Pauses:
    """While it runs, asks `url` for its favicon every 20 ms and keeps the longest wait for an answer: how long
    the server's event loop (every phone of every session) was held up meanwhile."""

    def __init__(self, url: str) -> None:
        self.url, self.longest = f'{url}/favicon.ico', 0.0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._ask, daemon=True)

    def _ask(self) -> None:
        with httpx.Client(timeout=60) as client:
            while not self.stopped.wait(0.02):
                start = time.perf_counter()
                client.get(self.url).raise_for_status()
                self.longest = max(self.longest, time.perf_counter() - start)

    def __enter__(self) -> Pauses:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopped.set()
        self.thread.join()


def draw_times(url: str, path: str, key: str | None, charts: int) -> tuple[list[float], list[float]]:
    """Seconds from asking for `path` to every one of its `charts` plotly charts drawn, per visit (signed in with
    `key` first, as the coördinator is), and the server's longest pause during each visit."""
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    paused: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=['--no-sandbox'])
        page = browser.new_page(viewport={'width': 1280, 'height': 800})
        page.set_default_timeout(120_000)
        if key is not None:
            page.goto(f'{url}{path}')
            page.get_by_label('Toegangscode').fill(key)
            page.get_by_role('button', name='Toegang', exact=True).click()
            page.wait_for_function(DRAWN, arg=charts)  # signed in: the page with its charts
        for _ in range(VISITS):
            with Pauses(url) as pauses:
                start = time.perf_counter()
                page.goto(f'{url}{path}')
                page.wait_for_function(DRAWN, arg=charts)
                times.append(time.perf_counter() - start)
            paused.append(pauses.longest)
        browser.close()
    return times, paused


def measure(workdir: Path, n: int) -> Result:
    from facilitation.store import ImportRecord, Store

    from .. import gir_import, trend_charts

    folder = workdir / 'incidents'
    folder.mkdir(parents=True, exist_ok=True)
    data = gir_import.export(n)
    result: Result = {'import': gir_import.run(data, folder), 'bytes': len(data)}
    result['import_floor'] = import_floor(data, folder)
    regs = trend_charts.registrations(n, SEED)
    result['analysis'] = trend_charts.measure(regs)
    result['registrations'] = len(regs)
    product = Product('samenspel-trend', workdir / 'trend', demo=False)
    product.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(product.data_dir / 'samenspel.db')
    store.add_incidents(ImportRecord('bench', 'GIR', 'bench.csv', len(regs), time.time()), regs)
    store.close()
    from ..plot_floor import figures

    charts = len(figures(n, SEED))
    floor = PlotFloor('plot-floor', workdir / 'plot-floor', registrations=n)
    for server in (product, floor):
        server.start()
    try:
        result['draw'], result['paused'] = draw_times(product.url, '/incidenten', product.admin_key, charts)
        result['draw_floor'], result['paused_floor'] = draw_times(floor.url, '/incidenten', None, charts)
        result['charts'] = charts
    finally:
        product.stop()
        floor.stop()
    return result


@dataclass(frozen=True)
class IncidentScenario:
    kind: str = 'trendanalyse'
    numbered: ClassVar[int] = 2

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            '--registrations', type=int, default=200_000, help='incident registrations (default 200000; 0: skip)'
        )

    async def run(self, workdir: Path, ns: list[int], args: argparse.Namespace, results: Result) -> None:
        if args.registrations:
            print(f'bench: trendanalyse, {args.registrations:,} registrations')
            results[self.kind] = await asyncio.to_thread(measure, workdir, args.registrations)

    def sections(self, results: Result, ns: list[int], args: argparse.Namespace, number: int) -> list[str]:
        found = results.get(self.kind)
        head = [f'## {number}. Incidenten importeren', '']
        later = [f'## {number + 1}. Trendanalyse', '']
        if not found:
            skipped = ['Not run (`--registrations 0`).', '']
            return ['', *head, *skipped, *later, *skipped]
        steps = found['import']
        rows = int(steps['rows'])
        total = sum(v for k, v in steps.items() if k != 'rows')
        out = ['', *head]
        out += [
            f'A GIR-style export of {rows:,} registrations ({found["bytes"] / 1e6:.0f} MB, Windows-1252, `;`, with '
            'the description and reporter columns the import refuses), as the import page takes it '
            '(bench/gir_import.py). Floor: the csv module splitting the same bytes and sqlite3 storing every row '
            'as text, in one transaction, without judging or mapping anything.',
            '',
            '| step | Samenspel | floor | ratio |',
            '| --- | ---: | ---: | ---: |',
        ]
        labels = {'read': 'read', 'judge': 'judge the columns', 'convert': 'map every row', 'store': 'store'}
        out += [f'| {label} | {fmt_s(steps[key])} | | |' for key, label in labels.items()]
        floor_s = found['import_floor']
        out.append(f'| total | {fmt_s(total)} | {fmt_s(floor_s)} | {ratio(total, floor_s)} |')
        out += ['', *later]
        draw, floor = statistics.median(found['draw']), statistics.median(found['draw_floor'])
        out += [
            f'{found["registrations"]:,} registrations over three years (seeded, bench/trend_charts.py), in one '
            'process. The page row: chromium asking for `/incidenten` (signed in; the last twelve months, all '
            f'afdelingen) until its {found["charts"]} plotly charts are drawn, median of {VISITS} visits; floor: a '
            'bare NiceGUI page with the same figures, made once at its start (bench/plot_floor.py).',
            '',
            '| figure | Samenspel | floor | ratio |',
            '| --- | ---: | ---: | ---: |',
        ]
        out += [f'| {label} | {fmt_s(seconds)} | | |' for label, seconds in found['analysis']]
        out.append(f'| `/incidenten` drawn in the browser | {fmt_s(draw)} | {fmt_s(floor)} | {ratio(draw, floor)} |')
        if 'paused' in found:  # the server's longest pause for everyone else meanwhile (its favicon asked every 20 ms)
            paused, paused_floor = max(found['paused']), max(found['paused_floor'])
            out.append(
                f'| the server held up for others while it makes the page, longest | {fmt_s(paused)} '
                f'| {fmt_s(paused_floor)} | {ratio(paused, paused_floor)} |'
            )
        return out

    def closing(self, results: Result, ns: list[int]) -> list[str]:
        return []


SCENARIO: Scenario | None = IncidentScenario()
