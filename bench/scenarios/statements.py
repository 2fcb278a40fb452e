"""Stellingen, the werkvorm the floor (bench/floor.py) also does: Samenspel and the floor under the same phones.

For each N, each server is started fresh as a subprocess on 127.0.0.1 (so the load generator is another process)
and goes through: a facilitator console and a projector connect, the first statement is shown and voting opened;
1. join wave: N phones load /j/CODE, connect and tap 'Doe mee' within a few seconds, until all show 'Eens';
4. steady state: server RSS before and after the wave, server CPU while N phones sit idle;
2. vote burst: all N vote within one second; latency from each vote to the projector counting it; the log holds
   exactly one vote per phone;
3. phase change: the facilitator's next steps, until every phone shows the result of each.
Then, on Samenspel alone, 5. restart: a log of 100,000 events is replayed (bench/restart.py), and 6. the server is
killed during a vote burst (bench/crash.py). Every figure next to the floor's and as a ratio to it; the participant
page's transfer size (bench/weight.py) and the notes of the run close the report.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import httpx

from .. import crash, restart, weight
from ..common import CpuMeter, Result, gather_bounded, join_wave, product_identities, product_votes, spread
from ..phones import Console, PageError, Phone, Screen, device_address
from ..report import HEAD, fmt_s, get, num, row
from ..server import Floor, Product, Server
from . import Scenario

NEXT = Console.NEXT_STEP
# (next-step label, what every phone shows once it is done): the same texts on Samenspel and on the floor
PHASES: list[tuple[str, str]] = [
    ('Sluit stemming', 'De stemming is gesloten'),
    ('Toon uitslag', 'Uitslag'),
    ('Volgende stelling', 'Stelling 2 van'),
    ('Open stemming', 'Eens'),  # a button: the phones can vote again
]


# --- the servers under test ------------------------------------------------------------------------------------------


@dataclass
class Target:
    """A server under test, and how to read back which votes it counted (as (identity, choice), in order)."""

    name: str
    make: Callable[[Path], Server]
    counted: Callable[[Server], list[tuple[str, str]]]
    identities: Callable[[Server, list[Phone]], list[str]]  # the id each phone's votes are counted under


def _floor_votes(server: Server) -> list[tuple[str, str]]:
    return [(who, choice) for who, choice in httpx.get(f'{server.url}/bench/votes', timeout=10).json()]


TARGETS = {
    'product': Target('Samenspel', lambda folder: Product('samenspel', folder), product_votes, product_identities),
    'floor': Target(
        'floor', lambda folder: Floor('floor', folder), _floor_votes, lambda _, phones: [p.browser_id for p in phones]
    ),
}


# --- scenarios 1 to 4 ------------------------------------------------------------------------------------------------


async def vote_burst(target: Target, server: Server, screen: Screen, phones: list[Phone], timeout: float) -> Result:
    """Scenario 2: every phone votes within one second; until the projector counts them all (or the deadline)."""
    rng = random.Random(len(phones) + 1)
    plan = [(phone, rng.uniform(0, 1.0), rng.choice(('eens', 'oneens'))) for phone in phones]
    screen.reset_count()
    meter = CpuMeter(server)

    async def one(phone: Phone, delay: float, choice: str) -> tuple[float, float]:
        await asyncio.sleep(delay)
        sent = await phone.vote(choice)
        confirmed = await phone.wait_for_text(f'Je stem is opgeslagen: {choice.capitalize()}')
        return sent, confirmed

    total = len(phones)
    all_counted = screen.wait_until(lambda: screen.count >= total, timeout)
    outcomes, counted_at = await asyncio.gather(
        gather_bounded((one(*p) for p in plan), timeout), asyncio.gather(all_counted, return_exceptions=True)
    )
    cpu = meter.read()
    sent = {phone: phone.votes[-1] for phone in phones if phone.votes}
    by_identity = dict(zip(target.identities(server, list(sent)), sent, strict=True))
    counted = target.counted(server)
    counted_ids = [who for who, _ in counted]
    to_projector = [
        screen.count_shown[rank] - sent[by_identity[who]][1]
        for rank, who in enumerate(counted_ids, start=1)
        if rank in screen.count_shown and who in by_identity
    ]
    confirmations = [o[1] - o[0] for o in outcomes if isinstance(o, tuple)]
    return {
        'votes_sent': len(sent),
        'votes_logged': len(counted),
        'lost': len(set(by_identity) - set(counted_ids)),
        'double': len(counted_ids) - len(set(counted_ids)),
        'foreign': len(set(counted_ids) - set(by_identity)),
        'wrong_choice': sum(
            1 for who, choice in counted if who in by_identity and by_identity[who].votes[-1][0] != choice
        ),
        'projector_count': screen.count,
        'all_counted_s': (counted_at[0] - meter.wall) if isinstance(counted_at[0], float) else None,
        'vote_to_projector_s': spread(to_projector),
        'vote_to_own_phone_s': spread(confirmations),
        'phone_errors': sum(1 for o in outcomes if not isinstance(o, tuple)),
        'first_phone_error': next((repr(o) for o in outcomes if not isinstance(o, tuple)), ''),
        'notifications': sorted({n for phone in phones for n in phone.notifications}),
        **cpu,
    }


async def phase_changes(console: Console, phones: list[Phone], timeout: float) -> list[Result]:
    """Scenario 3: each next step of the facilitator, until every phone shows its result."""
    results = []
    for label, shown in PHASES:

        def marker(phone: Phone, shown: str = shown) -> Callable[[], bool]:
            if shown == 'Eens':
                return lambda: phone.button('Eens') is not None
            return lambda: phone.shows(shown)

        waiting = [asyncio.ensure_future(phone.wait_until(marker(phone), timeout)) for phone in phones]
        try:
            sent = await console.step(label)
        except PageError:
            for task in waiting:
                task.cancel()
            raise
        outcomes = await gather_bounded(waiting, timeout)
        times = [t - sent for t in outcomes if isinstance(t, float)]
        missing = len(phones) - len(times)
        results.append({'step': label, 'missing': missing, **spread(times), 'all': max(times) if not missing else None})
        if missing:
            break  # the phones are not where the next step expects them
    return results


async def idle_cpu(server: Server, seconds: float) -> Result:
    """Scenario 4b: the server's CPU while every phone is connected and nobody does anything."""
    meter = CpuMeter(server)
    await asyncio.sleep(seconds)  # a sampling window: there is nothing to await
    cpu = meter.read()
    return {'idle_cpu_pct': 100 * cpu['server_cpu_s'] / cpu['wall_s'], 'window_s': cpu['wall_s']}


async def load_run(target: Target, server: Server, n: int, args: argparse.Namespace) -> Result:
    code, key, url = server.demo_code(), server.admin_key, server.url
    console = Console(url, code, key, timeout=args.timeout)
    screen = Screen(url, code, console, timeout=args.timeout)
    phones = [Phone(url, code, timeout=args.timeout, address=device_address(i)) for i in range(n)]
    result: Result = {'n': n, 'started_in_s': server.started_in, 'load_before': os.getloadavg()[0]}
    try:
        await console.open()
        await console.step('Toon eerste stelling')
        await console.step('Open stemming')
        await console.wait_for_button('Sluit stemming', NEXT)
        await screen.open()
        await screen.wait_for_text('0 van 0 gestemd')
        rss_before = server.rss_kb()
        wave = await join_wave(phones, args.join_spread, args.timeout)
        joined: list[Phone] = wave.pop('ok')
        rss_after = server.rss_kb()
        result['join'] = wave
        result['memory'] = {
            'rss_before_mb': rss_before / 1024,
            'rss_after_mb': rss_after / 1024,
            'rss_per_phone_kb': (rss_after - rss_before) / max(1, len(joined)),
        }
        print(f'  {target.name} N={n}: join wave {fmt_s(wave["all_voting_page_s"])}, errors {wave["errors"]}')
        if not joined:
            return result
        await screen.wait_for_text(f'0 van {len(joined)} gestemd')
        result['idle'] = await idle_cpu(server, args.idle_seconds)
        burst = await vote_burst(target, server, screen, joined, args.timeout)
        result['burst'] = burst
        print(
            f'  {target.name} N={n}: vote burst counted {burst["projector_count"]}/{len(joined)}'
            f' in {fmt_s(burst["all_counted_s"])}'
        )
        if burst['all_counted_s'] is None:
            result['phases_skipped'] = 'the projector did not count every vote within the deadline'
            return result
        result['phases'] = await phase_changes(console, joined, args.timeout)
        result['memory']['rss_end_mb'] = server.rss_kb() / 1024
        return result
    except PageError as error:
        result['error'] = str(error)
        return result
    finally:
        result['lost_clicks'] = console.lost_clicks
        dropped = [page for page in [console, screen, *phones] if page.disconnected]
        result['disconnected'] = len(dropped)
        result['disconnect_reasons'] = sorted({page.disconnect_reason for page in dropped})
        await gather_bounded((page.close() for page in [console, screen, *phones]), 60)


async def run_target(target: Target, ns: list[int], args: argparse.Namespace, workdir: Path) -> Result:
    results: Result = {'runs': {}}
    for n in ns:
        server = target.make(workdir / f'{target.name}-{n}')
        try:
            try:
                server.start()
            except RuntimeError as error:
                results['runs'][n] = {'n': n, 'error': f'server did not start: {error}'}
                continue
            if 'weight' not in results:
                results['weight'] = await weight.page_weight(server.url, f'/j/{server.demo_code()}')
            results['runs'][n] = await load_run(target, server, n, args)
        finally:
            server.stop()
    return results


# --- the report ------------------------------------------------------------------------------------------------------


RowSpec = tuple[str, tuple[str, ...], Callable[[Any], str], bool]  # label ({n} allowed), path, format, ratio?


def quantiles(label: str, *path: str) -> list[RowSpec]:
    return [(f'{label}, {q}', (*path, q), fmt_s, True) for q in ('p50', 'p95', 'max')]


JOIN_ROWS: list[RowSpec] = [
    ('phones joined', ('join', 'joined'), num, False),
    ('join errors', ('join', 'errors'), num, False),
    ('all phones on the voting page', ('join', 'all_voting_page_s'), fmt_s, True),
    *quantiles('page load → voting page', 'join', 'load_to_voting_page_s'),
    ("tap 'Doe mee' → voting page, p95", ('join', 'tap_to_voting_page_s', 'p95'), fmt_s, True),
]
BURST_ROWS: list[RowSpec] = [
    ('votes sent', ('burst', 'votes_sent'), num, False),
    ('votes counted (log / floor memory)', ('burst', 'votes_logged'), num, False),
    *[(key.replace('_', ' '), ('burst', key), num, False) for key in ('lost', 'double', 'wrong_choice')],
    ('projector shows all ({n} van {n})', ('burst', 'all_counted_s'), fmt_s, True),
    *quantiles('vote → projector', 'burst', 'vote_to_projector_s'),
    ('vote → own phone confirms, p95', ('burst', 'vote_to_own_phone_s', 'p95'), fmt_s, True),
    ('server CPU during the burst', ('burst', 'server_cpu_s'), lambda v: num(v, ' s', 2), True),
    ('load generator CPU during the burst', ('burst', 'generator_cpu_pct'), lambda v: num(v, ' %', 0), False),
]
STEADY_ROWS: list[RowSpec] = [
    ('server RSS before the wave', ('memory', 'rss_before_mb'), lambda v: num(v, ' MB'), True),
    ('server RSS with N phones', ('memory', 'rss_after_mb'), lambda v: num(v, ' MB'), True),
    ('RSS per connected phone', ('memory', 'rss_per_phone_kb'), lambda v: num(v, ' kB', 0), True),
    ('machine load average (1 min) before the run', ('load_before',), lambda v: num(v, '', 2), False),
    ('server CPU, idle with N phones', ('idle', 'idle_cpu_pct'), lambda v: num(v, ' %'), True),
]


def notes(results: Result, ns: list[int]) -> list[str]:
    notes = []
    for key in ('product', 'floor'):
        name = TARGETS[key].name
        for n in ns:
            run = get(results, key, 'runs', n) or {}
            if run.get('error'):
                notes.append(f'- {name}, N={n}: stopped: {run["error"]}')
            if get(run, 'join', 'first_error'):
                notes.append(f'- {name}, N={n}: first join error: `{run["join"]["first_error"][:300]}`')
            stuck = next((step for step in run.get('phases', []) if step['missing']), None)
            if stuck:
                notes.append(
                    f"- {name}, N={n}: after '{stuck['step']}' {stuck['missing']} phones did not show it within the "
                    'deadline; the later steps were not measured.'
                )
            if run.get('lost_clicks'):
                notes.append(
                    f'- {name}, N={n}: {run["lost_clicks"]} console clicks were lost to a re-render (retried).'
                )
            if run.get('phases_skipped'):
                burst = run.get('burst', {})
                notes.append(
                    f'- {name}, N={n}: phase change not measured: {run["phases_skipped"]} (the projector had counted '
                    f'{burst.get("projector_count")}, the log held {burst.get("votes_logged")} of '
                    f'{burst.get("votes_sent")} votes at the deadline; server CPU {burst.get("server_cpu_s", 0):.0f} s '
                    f'in {burst.get("wall_s", 0):.0f} s).'
                )
            if run.get('disconnected'):
                notes.append(
                    f'- {name}, N={n}: {run["disconnected"]} pages lost their socket ({run["disconnect_reasons"]}).'
                )
            if get(run, 'burst', 'first_phone_error'):
                notes.append(f'- {name}, N={n}: first vote error: `{run["burst"]["first_phone_error"][:300]}`')
            if get(run, 'burst', 'notifications'):
                notes.append(f'- {name}, N={n}: phones were told: {run["burst"]["notifications"][:5]}')
    return notes


class Statements:
    """Scenarios 1 to 6 at each N of `--phones` and the closing sections (see the module)."""

    kind = 'statements'
    numbered: ClassVar[int] = 6

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument('--idle-seconds', type=float, default=5.0, help='window for the idle CPU figure')
        parser.add_argument('--restart-events', type=int, default=100_000, help='events in the restart log')
        parser.add_argument('--skip-restart', action='store_true', help='leave out scenario 5')
        parser.add_argument(
            '--crash-phones', type=int, default=1000, help='N for the kill-during-a-burst run (default 1000; 0: skip)'
        )
        parser.add_argument('--targets', default='floor,product', help='which servers to run (default: floor,product)')

    async def run(self, workdir: Path, ns: list[int], args: argparse.Namespace, results: Result) -> None:
        for key in ('floor', 'product'):
            results[key] = await run_target(TARGETS[key], ns, args, workdir) if key in args.targets else {}
        if not args.skip_restart:
            results['restart'] = await asyncio.to_thread(restart.restart, workdir, args.restart_events)
        if args.crash_phones:
            results['crash'] = await crash.crash(workdir, args.crash_phones, args)

    def sections(self, results: Result, ns: list[int], args: argparse.Namespace, number: int) -> list[str]:
        product, floor = results['product'], results['floor']

        def runs(key: int) -> tuple[Result, Result]:
            return get(product, 'runs', key) or {}, get(floor, 'runs', key) or {}

        def table(specs: list[RowSpec]) -> list[str]:
            rows = []
            for n in ns:
                p, f = runs(n)
                for label, path, fmt, ratio in specs:
                    rows.append(row(f'{n} · {label.format(n=n)}', get(p, *path), get(f, *path), fmt, ratio))
            return rows

        out = [f'## {number}. Join wave', '', HEAD, *table(JOIN_ROWS)]
        out += ['', f'## {number + 1}. Vote burst', '', HEAD, *table(BURST_ROWS)]
        out += [
            '',
            f'## {number + 2}. Phase change',
            '',
            "Time from the facilitator's click until every phone shows the step.",
            '',
        ]
        out.append(HEAD)
        for n in ns:
            p, f = runs(n)
            for label, _ in PHASES:
                step_p = next((s for s in p.get('phases', []) if s['step'] == label), None)
                step_f = next((s for s in f.get('phases', []) if s['step'] == label), None)
                for q in ('p50', 'p95', 'all'):
                    out.append(row(f"{n} · '{label}', {q}", get(step_p, q), get(step_f, q), fmt_s))
        out += ['', f'## {number + 3}. Steady state', '', HEAD, *table(STEADY_ROWS)]
        out += restart.section(results.get('restart') or {}, number + 4)
        out += crash.section(results.get('crash') or {}, number + 5)
        return out

    def closing(self, results: Result, ns: list[int]) -> list[str]:
        out = weight.section(results['product'].get('weight'), results['floor'].get('weight'))
        found = notes(results, ns)
        if found:
            out += ['', '## Notes from this run', '', *found]
        return out


SCENARIO: Scenario = Statements()
