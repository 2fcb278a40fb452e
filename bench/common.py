"""What every bench scenario uses: figures (percentiles, CPU over a stretch), bounded waits on many phones, the
server's own event log, and a fresh server with the demo session and its pages."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Iterable
from pathlib import Path
from typing import Any

from .phones import Console, Page, PageError, Phone, Screen, device_address
from .server import Product, Server, proc_cpu_seconds

Result = dict[str, Any]


# --- figures ---------------------------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def spread(values: list[float]) -> Result:
    return {'p50': percentile(values, 50), 'p95': percentile(values, 95), 'max': max(values, default=None)}


async def gather_bounded(coros: Iterable[Awaitable[Any]], timeout: float) -> list[Any]:
    """Run all; an exception or the deadline becomes that item's result (as an exception), never a hang."""
    tasks = [asyncio.ensure_future(c) for c in coros]
    if not tasks:
        return []
    _, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    results: list[Any] = []
    for task in tasks:
        if task.cancelled():
            results.append(TimeoutError(f'not done within {timeout:g} s'))
        else:
            results.append(task.exception() or task.result())
    return results


class CpuMeter:
    """CPU seconds of the server and of this load generator over a stretch of wall time."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.wall, self.cpu, self.own = time.monotonic(), server.cpu_seconds(), proc_cpu_seconds()

    def read(self) -> Result:
        wall = time.monotonic() - self.wall
        server, own = self.server.cpu_seconds() - self.cpu, proc_cpu_seconds() - self.own
        return {'wall_s': wall, 'server_cpu_s': server, 'generator_cpu_pct': 100 * own / wall if wall else None}


# --- the server's log ------------------------------------------------------------------------------------------------


def _read_only(server: Product) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True))


def logged(server: Product, *types: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(type, actor id, data) of the demo session's events of these types, in order."""
    with _read_only(server) as db:
        (session_id,) = db.execute('SELECT id FROM sessions WHERE code = ?', [server.demo_code()]).fetchone()
        marks = ','.join('?' * len(types))
        rows = db.execute(
            f'SELECT type, actor_id, data FROM events WHERE session_id = ? AND type IN ({marks}) ORDER BY seq',
            [session_id, *types],
        ).fetchall()
    return [(type_, actor, json.loads(data)) for type_, actor, data in rows]


def product_votes(server: Server) -> list[tuple[str, str]]:
    """vote.cast events of the first statement's first round in the server's own log, in order."""
    assert isinstance(server, Product)
    return [
        (actor, data['choice'])
        for _, actor, data in logged(server, 'vote.cast')
        if data['statement'] == 's1' and data['round'] == 0
    ]


def product_identities(server: Server, phones: list[Phone]) -> list[str]:
    """The participant ids the server derives from the phones' browser cookies (an HMAC with the data's secret)."""
    from facilitation.join import participant_id

    assert isinstance(server, Product)
    secret = (server.data_dir / 'storage.secret').read_text().strip()
    with _read_only(server) as db:
        (session_id,) = db.execute('SELECT id FROM sessions WHERE code = ?', [server.demo_code()]).fetchone()
    return [participant_id(secret, session_id, phone.browser_id) for phone in phones]


# --- a room with the demo session ------------------------------------------------------------------------------------


def demo_room(
    workdir: Path, name: str, n: int, args: argparse.Namespace
) -> tuple[Product, Console, Screen, list[Phone]]:
    """A fresh server with the demo session, and (not yet opened) its console, projector and N phones, each phone
    on an address of its own."""
    server = Product(f'samenspel-{name}', workdir / f'{name}-{n}')
    server.start()
    code, key, url = server.demo_code(), server.admin_key, server.url
    console = Console(url, code, key, timeout=args.timeout)
    screen = Screen(url, code, console, timeout=args.timeout)
    phones = [Phone(url, code, timeout=args.timeout, address=device_address(i)) for i in range(n)]
    return server, console, screen, phones


@contextlib.asynccontextmanager
async def werkvorm_room(
    workdir: Path, name: str, n: int, args: argparse.Namespace
) -> AsyncIterator[tuple[Product, Console, Screen, list[Phone], Result]]:
    """demo_room for a werkvorm scenario, with its result {'n': N}: a PageError ends the scenario with its message in
    the result; afterwards the pages that lost their socket are counted, every page is closed and the server stops."""
    server, console, screen, phones = demo_room(workdir, name, n, args)
    result: Result = {'n': n}
    pages: list[Page] = [console, screen, *phones]
    try:
        yield server, console, screen, phones, result
    except PageError as error:
        result['error'] = str(error)
    finally:
        result['disconnected'] = sum(1 for page in pages if page.disconnected)
        await gather_bounded((page.close() for page in pages), 60)
        server.stop()


async def arrive_all(phones: list[Phone], ready: str, rng: random.Random, args: argparse.Namespace) -> list[Phone]:
    """Every phone opens the page, joins and waits until it shows `ready`, arriving spread over the join spread;
    returns the phones that made it."""

    async def arrive(phone: Phone, delay: float) -> None:
        await asyncio.sleep(delay)
        await phone.open()
        await phone.join()
        await phone.wait_for_text(ready)

    outcomes = await gather_bounded((arrive(p, rng.uniform(0, args.join_spread)) for p in phones), args.timeout)
    return [p for p, o in zip(phones, outcomes, strict=True) if o is None]


async def until_all(phones: list[Phone], text: str, timeout: float) -> Result:
    """Time from now until every phone shows `text` (p50, p95, all)."""
    began = time.monotonic()
    outcomes = await gather_bounded((p.wait_for_text(text) for p in phones), timeout)
    times = [o - began for o in outcomes if isinstance(o, float)]
    return {
        **spread(times),
        'missing': len(phones) - len(times),
        'all': max(times) if len(times) == len(phones) else None,
    }


async def join_wave(phones: list[Phone], spread_s: float, timeout: float) -> Result:
    """Scenario 1 (and the start of the crash): every phone loads the page, connects and joins at a random moment
    within `spread_s`; 'ok' holds the phones that made it."""
    rng = random.Random(len(phones))
    began = time.monotonic()

    async def one(phone: Phone, delay: float) -> tuple[float, float, float]:
        await asyncio.sleep(delay)
        start = time.monotonic()
        await phone.open()
        tapped = await phone.join()
        shown = await phone.wait_for_button('Eens')
        return start, tapped, shown

    outcomes = await gather_bounded((one(p, rng.uniform(0, spread_s)) for p in phones), timeout)
    ok = [o for o in outcomes if isinstance(o, tuple)]
    errors = [o for o in outcomes if not isinstance(o, tuple)]
    return {
        'phones': len(phones),
        'joined': len(ok),
        'errors': len(errors),
        'first_error': repr(errors[0]) if errors else '',
        'all_voting_page_s': (max(o[2] for o in ok) - began) if ok and not errors else None,
        'load_to_voting_page_s': spread([o[2] - o[0] for o in ok]),
        'tap_to_voting_page_s': spread([o[2] - o[1] for o in ok]),
        'ok': [p for p, o in zip(phones, outcomes, strict=True) if isinstance(o, tuple)],
    }


def summary(name: str, n: int, result: Result, leave_out: tuple[str, ...] = ()) -> None:
    """The scenario's one printed line: its figures as JSON, cut at 400 characters."""
    shown = {k: v for k, v in result.items() if k not in leave_out}
    print(f'  {name} N={n}: {json.dumps(shown, default=str)[:400]}')
