"""The performance harness: Samenspel and the floor (bench/floor.py) under the same simulated phones.

    python -m bench.run --phones 50,200,1000        (make bench PHONES=50,200,1000)

For each N, each server is started fresh as a subprocess on 127.0.0.1 (so the load generator is another process)
and goes through: a facilitator console and a projector connect, the first statement is shown and voting opened;
1. join wave: N phones load /j/CODE, connect and tap 'Doe mee' within a few seconds, until all show 'Eens';
4. steady state: server RSS before and after the wave, server CPU while N phones sit idle;
2. vote burst: all N vote within one second; latency from each vote to the projector counting it; the log holds
   exactly one vote per phone;
3. phase change: the facilitator's next steps, until every phone shows the result of each.
Then 5. restart: a log of 100,000 events is replayed. Plus the participant page's transfer size. The results go to
BENCHMARKS.md, every figure next to the floor's and as a ratio to it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import itertools
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx

from .phones import Console, Page, PageError, Phone, Screen, device_address
from .server import ROOT, Floor, Product, Server, integrity, proc_cpu_seconds

NEXT = Console.NEXT_STEP
# (next-step label, what every phone shows once it is done): the same texts on Samenspel and on the floor
PHASES: list[tuple[str, str]] = [
    ('Sluit stemming', 'De stemming is gesloten'),
    ('Toon uitslag', 'Uitslag'),
    ('Volgende stelling', 'Stelling 2 van'),
    ('Open stemming', 'Eens'),  # a button: the phones can vote again
]
BEFORE_AFTER = '## Before/after'

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


# --- the apps under test ---------------------------------------------------------------------------------------------


@dataclass
class Target:
    """A server under test, and how to read back which votes it counted (as (identity, choice), in order)."""

    name: str
    make: Callable[[Path], Server]
    counted: Callable[[Server], list[tuple[str, str]]]
    identities: Callable[[Server, list[Phone]], list[str]]  # the id each phone's votes are counted under


def _product_votes(server: Server) -> list[tuple[str, str]]:
    """vote.cast events of the first statement's first round in the server's own log, in order."""
    assert isinstance(server, Product)
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        (session_id,) = db.execute('SELECT id FROM sessions WHERE code = ?', [server.demo_code()]).fetchone()
        rows = db.execute(
            "SELECT actor_id, data FROM events WHERE session_id = ? AND type = 'vote.cast' ORDER BY seq", [session_id]
        ).fetchall()
    return [
        (actor, data['choice'])
        for actor, data in ((actor, json.loads(raw)) for actor, raw in rows)
        if data['statement'] == 's1' and data['round'] == 0
    ]


def _product_identities(server: Server, phones: list[Phone]) -> list[str]:
    """The participant ids the server derives from the phones' browser cookies (an HMAC with the data's secret)."""
    from facilitation.join import participant_id

    assert isinstance(server, Product)
    secret = (server.data_dir / 'storage.secret').read_text().strip()
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        (session_id,) = db.execute('SELECT id FROM sessions WHERE code = ?', [server.demo_code()]).fetchone()
    return [participant_id(secret, session_id, phone.browser_id) for phone in phones]


def _floor_votes(server: Server) -> list[tuple[str, str]]:
    return [(who, choice) for who, choice in httpx.get(f'{server.url}/bench/votes', timeout=10).json()]


TARGETS = {
    'product': Target('Samenspel', lambda folder: Product('samenspel', folder), _product_votes, _product_identities),
    'floor': Target(
        'floor', lambda folder: Floor('floor', folder), _floor_votes, lambda _, phones: [p.browser_id for p in phones]
    ),
}


# --- scenarios -------------------------------------------------------------------------------------------------------


async def join_wave(phones: list[Phone], spread_s: float, timeout: float) -> Result:
    """Scenario 1: every phone loads the page, connects and joins at a random moment within `spread_s`."""
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
        print(f'  {target.name} N={n}: join wave {_fmt_s(wave["all_voting_page_s"])}, errors {wave["errors"]}')
        if not joined:
            return result
        await screen.wait_for_text(f'0 van {len(joined)} gestemd')
        result['idle'] = await idle_cpu(server, args.idle_seconds)
        burst = await vote_burst(target, server, screen, joined, args.timeout)
        result['burst'] = burst
        print(
            f'  {target.name} N={n}: vote burst counted {burst["projector_count"]}/{len(joined)}'
            f' in {_fmt_s(burst["all_counted_s"])}'
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


# --- crash -----------------------------------------------------------------------------------------------------------


async def crash(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """Nothing lost at scale: N phones vote within 1 s and the server is killed (SIGKILL) at a random moment of the
    burst, then restarted on the same port. Every vote a phone saw acknowledged must be in the log, none twice, the
    database intact; every phone reloads (same cookies, as the page does when the server no longer knows it) and
    must show its own vote as the log has it; the projector must count what the log holds."""
    server = Product('samenspel-crash', workdir / f'crash-{n}')
    rng = random.Random(n + 7)
    result: Result = {'n': n}
    server.start()
    code, key, url = server.demo_code(), server.admin_key, server.url
    console = Console(url, code, key, timeout=args.timeout)
    phones = [Phone(url, code, timeout=args.timeout, address=device_address(i)) for i in range(n)]
    pages: list[Page] = [console, *phones]
    acknowledged: dict[Phone, str] = {}
    try:
        await console.open()
        await console.step('Toon eerste stelling')
        await console.step('Open stemming')
        wave = await join_wave(phones, args.join_spread, args.timeout)
        joined: list[Phone] = wave.pop('ok')
        result['joined'] = len(joined)

        async def vote(phone: Phone, delay: float, choice: str) -> None:
            await asyncio.sleep(delay)
            await phone.vote(choice)
            await phone.wait_for_text(f'Je stem is opgeslagen: {choice.capitalize()}')
            acknowledged[phone] = choice

        burst = [asyncio.create_task(vote(p, rng.uniform(0, 1.0), rng.choice(('eens', 'oneens')))) for p in joined]
        kill_at = rng.uniform(0.2, 0.9)
        await asyncio.sleep(kill_at)  # the random moment of the crash: nothing to await
        server.kill()
        seen = dict(acknowledged)  # what reached a phone before the server died
        for task in burst:
            task.cancel()
        await asyncio.gather(*burst, return_exceptions=True)
        result.update(kill_at_s=kill_at, acknowledged=len(seen))
        result['integrity'] = integrity(server.data_dir, workdir / f'crash-{n}' / 'copy')
        result['restart_s'] = server.start()

        logged = _product_votes(server)
        ids = dict(zip(_product_identities(server, joined), joined, strict=True))
        voters = [who for who, _ in logged]
        in_log = {ids[who]: choice for who, choice in logged if who in ids}
        result['logged'] = len(logged)
        result['acknowledged_missing'] = sum(1 for phone in seen if phone not in in_log)
        result['acknowledged_changed'] = sum(1 for phone, choice in seen.items() if in_log.get(phone) != choice)
        result['double'] = len(voters) - len(set(voters))

        began = time.monotonic()

        async def back(phone: Phone) -> None:
            await phone.reload()
            choice = in_log.get(phone)
            if choice:
                await phone.wait_for_text(f'Je stem is opgeslagen: {choice.capitalize()}')
            else:
                await phone.wait_for_button('Eens')  # voting is still open: it can vote now

        outcomes = await gather_bounded((back(p) for p in joined), args.timeout)
        errors = [o for o in outcomes if isinstance(o, BaseException)]
        result['back_errors'] = len(errors)
        result['first_back_error'] = repr(errors[0])[:300] if errors else ''
        result['all_back_s'] = time.monotonic() - began if not errors else None
        screen = Screen(url, code, console, timeout=args.timeout)
        pages.append(screen)
        await screen.open()
        await screen.wait_for_text(f'{len(logged)} van {len(joined)} gestemd')
        result['projector_matches_log'] = True
    except PageError as error:
        result['error'] = str(error)
    finally:
        await gather_bounded((page.close() for page in pages), 60)
        server.stop()
    print(
        f'  crash N={n}: killed at {result.get("kill_at_s", 0):.2f} s, {result.get("acknowledged")} acknowledged, '
        f'{result.get("acknowledged_missing")} missing, {result.get("double")} double, {result.get("integrity")}'
    )
    return result


# --- kennisquiz ------------------------------------------------------------------------------------------------------


def _logged(server: Product, *types: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(type, actor id, data) of the demo session's events of these types, in order."""
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        (session_id,) = db.execute('SELECT id FROM sessions WHERE code = ?', [server.demo_code()]).fetchone()
        marks = ','.join('?' * len(types))
        rows = db.execute(
            f'SELECT type, actor_id, data FROM events WHERE session_id = ? AND type IN ({marks}) ORDER BY seq',
            [session_id, *types],
        ).fetchall()
    return [(type_, actor, json.loads(data)) for type_, actor, data in rows]


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


async def _until_all(phones: list[Phone], text: str, timeout: float) -> Result:
    """Time from now until every phone shows `text` (p50, p95, all)."""
    began = time.monotonic()
    outcomes = await gather_bounded((p.wait_for_text(text) for p in phones), timeout)
    times = [o - began for o in outcomes if isinstance(o, float)]
    return {
        **spread(times),
        'missing': len(phones) - len(times),
        'all': max(times) if len(times) == len(phones) else None,
    }


async def quiz_run(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """The kennisquiz at N phones in two groups: groups made, a question reaching every phone, a steal claimed by
    every phone of the other group at once (exactly one claim may win), and an agreement round in which every member
    of a group responds at once (scored once, when the last response is in)."""
    rng = random.Random(n + 11)
    async with werkvorm_room(workdir, 'quiz', n, args) as (server, console, screen, phones, result):
        await console.open()
        await console.click('Start', 'start-a2')  # the demo's second activity: the quiz
        await console.wait_for_button('Verdeel iedereen automatisch')
        await screen.open()

        joined = await arrive_all(phones, 'Je zit nog niet in een groep', rng, args)
        result['joined'] = len(joined)
        await console.click('Verdeel iedereen automatisch')
        result['groups_made'] = await _until_all(joined, 'Jouw groep: Groep', args.timeout)
        await console.step('Start de quiz')
        await console.wait_for_button('Stel de volgende vraag', Console.NEXT_STEP)
        await console.click('Stel de volgende vraag', Console.NEXT_STEP)
        result['question_reaches_phones'] = await _until_all(
            joined, 'Welke vormen van gedrag vallen onder normoverschrijdend gedrag?', args.timeout
        )
        group_one = [p for p in joined if p.shows('Jullie groep is aan de beurt!')]
        group_two = [p for p in joined if p not in group_one]
        result['group_sizes'] = [len(group_one), len(group_two)]

        # the steal race: group 1 does not know; every phone of group 2 taps at once, only the first may win
        await console.click('Weet het niet')
        await gather_bounded((p.wait_for_button('Wij weten het!') for p in group_two), args.timeout)
        first_tap = time.monotonic()
        await gather_bounded((p.click('Wij weten het!') for p in group_two), args.timeout)
        shown = await screen.wait_for_text('Groep 2 mag het antwoord geven')
        claims = _logged(server, 'quiz.steal_claimed')
        result['steal'] = {'taps': len(group_two), 'claims_logged': len(claims), 'to_projector_s': shown - first_tap}
        await console.click('Goed')
        await screen.wait_for_text('Groep 2: overgenomen en goed')

        # the next card goes to group 2; then an opinion to group 1, whose members all respond at once
        await console.click('Stel de volgende vraag', Console.NEXT_STEP)
        await console.wait_for_button('Goed')
        await console.click('Goed')
        await console.wait_for_button('Stel de volgende vraag', Console.NEXT_STEP)
        await console.click('Stel de volgende vraag', Console.NEXT_STEP)
        await gather_bounded((p.wait_for_text('Waar ligt voor ons team') for p in group_one), args.timeout)
        speaker, *members = group_one
        await speaker.wait_for_button('Ik geef het antwoord')
        await speaker.click('Ik geef het antwoord')
        await speaker.wait_for_button('Verstuur antwoord')
        await speaker.fill('Antwoord van de groep', 'Als het persoonlijk wordt')
        await speaker.click('Verstuur antwoord')
        await gather_bounded((p.wait_for_text('Ben je het hiermee eens?') for p in members), args.timeout)
        first_tap = time.monotonic()
        await gather_bounded((p.click('Eens') for p in members), args.timeout)
        shown = await screen.wait_for_text('iedereen eens')
        scored = [e for e in _logged(server, 'quiz.scored') if e[2]['card'] == 'c3']
        agreed = _logged(server, 'quiz.agreed')
        result['agreement'] = {
            'responses': len(members),
            'logged': len(agreed),
            'scored': [(e[2]['reason'], e[2]['points']) for e in scored],
            'to_projector_s': shown - first_tap,
        }
    print(f'  quiz N={n}: {json.dumps({k: v for k, v in result.items() if k != "groups_made"}, default=str)[:400]}')
    return result


# --- lagerhuis ------------------------------------------------------------------------------------------------------


async def lagerhuis_run(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """The lagerhuis at N phones on two sides: everybody stands up at once ("Ik wil het woord"): every request must
    be queued once, in order of arrival; then the floor is given and every phone must show its new place."""
    rng = random.Random(n + 13)
    async with werkvorm_room(workdir, 'lagerhuis', n, args) as (server, console, screen, phones, result):
        await console.open()
        await console.click('Start', 'start-a3')  # the demo's third activity: the lagerhuis
        await console.wait_for_button('Gebruik deze stelling')
        await console.fill('Stelling', 'Bij schelden mag ik het gesprek direct beëindigen.')
        await console.click('Gebruik deze stelling')
        await screen.open()

        joined = await arrive_all(phones, 'Je zit nog niet aan een kant', rng, args)
        result['joined'] = len(joined)
        await console.click('Verdeel iedereen over VOOR en TEGEN')
        result['sides_made'] = await _until_all(joined, 'Jij zit aan de kant:', args.timeout)
        await console.step('Start het debat')
        await gather_bounded((p.wait_for_button('Ik wil het woord') for p in joined), args.timeout)

        first_tap = time.monotonic()
        await gather_bounded((p.click('Ik wil het woord') for p in joined), args.timeout)
        placed = await gather_bounded(
            (p.wait_until(lambda p=p: any(x.startswith('Je staat ') for x in p.texts())) for p in joined), args.timeout
        )
        times = [o - first_tap for o in placed if isinstance(o, float)]
        requests = [actor for _, actor, _ in _logged(server, 'lh.requested')]
        result['stand_up'] = {
            'taps': len(joined),
            'queued': len(requests),
            'distinct': len(set(requests)),
            **spread(times),
            'all': max(times) if len(times) == len(joined) else None,
        }
        await console.wait_for_button('Geef het woord aan de volgende', Console.NEXT_STEP)
        # the console lists the whole queue before the click (a click on a list still being re-made would be lost)
        await console.wait_until(lambda: console.texts().count('Geef het woord') >= len(joined))
        before = {p: next(x for x in p.texts() if x.startswith('Je staat ')) for p in joined}
        given = await console.click('Geef het woord aan de volgende', Console.NEXT_STEP)
        moved = await gather_bounded(
            (p.wait_until(lambda p=p: not any(x == before[p] for x in p.texts())) for p in joined),
            args.timeout,
        )
        times = [o - given for o in moved if isinstance(o, float)]
        result['floor_given'] = {**spread(times), 'all': max(times) if len(times) == len(joined) else None}
    print(f'  lagerhuis N={n}: {json.dumps(result, default=str)[:400]}')
    return result


# --- arena ----------------------------------------------------------------------------------------------------------


async def arena_run(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """The arena at N phones, one in the inner ring and the rest outside: in round 2 every outer phone sends a
    question at once (all held, none on the projector), one is approved, and every outer phone supports it at once
    (each support counted once, shown on the projector)."""
    rng = random.Random(n + 17)
    async with werkvorm_room(workdir, 'arena', n, args) as (server, console, screen, phones, result):
        await console.open()
        await console.click('Start', 'start-a4')  # the demo's fourth activity: the arena
        await console.wait_for_button('Start ronde 1')
        await screen.open()
        # the first to arrive takes the seat in the inner ring; everybody after them sits in the outer ring
        inside = await arrive_all(phones[:1], 'Je zit nog niet in een ring', rng, args)
        await console.wait_for_button('Zet in de Binnenring')
        await console.click('Zet in de Binnenring')
        await gather_bounded((p.wait_for_text('vertel vanuit je eigen ervaring') for p in inside), args.timeout)
        joined = inside + await arrive_all(phones[1:], 'Je zit nog niet in een ring', rng, args)
        result['joined'] = len(joined)
        await console.wait_for_button('Zet in de Buitenring')
        await console.click('Zet in de Buitenring')
        await gather_bounded((p.wait_for_text('Buitenring') for p in joined[1:]), args.timeout)
        await console.step('Start ronde 1')
        await console.wait_for_button('Start ronde 2')
        outer = joined[1:]
        await console.click('Start ronde 2')
        await gather_bounded((p.wait_for_button('Verstuur vraag') for p in outer), args.timeout)
        first_tap = time.monotonic()
        for index, p in enumerate(outer):
            await p.fill('Je vraag', f'Vraag nummer {index}')
        await gather_bounded((p.click('Verstuur vraag') for p in outer), args.timeout)
        held = await gather_bounded((p.wait_for_text('Wacht op de gespreksleider') for p in outer), args.timeout)
        times = [o - first_tap for o in held if isinstance(o, float)]
        submitted = _logged(server, 'arena.submitted')
        result['questions'] = {
            'sent': len(outer),
            'logged': len(submitted),
            'on_projector_before_approval': sum(1 for i in range(len(outer)) if screen.shows(f'Vraag nummer {i}')),
            **spread(times),
        }
        await console.wait_for_button('Toon in de rij')
        await console.click('Toon in de rij')
        await gather_bounded((p.wait_for_button('Steun (0)') for p in outer), args.timeout)
        first_tap = time.monotonic()
        await gather_bounded((p.click('Steun (0)') for p in outer), args.timeout)  # the label moves: a tap is a tap
        shown = await screen.wait_for_text(f'{len(outer)} x gesteund')
        supports = _logged(server, 'arena.supported')
        result['support'] = {
            'taps': len(outer),
            'logged': len(supports),
            'distinct': len({actor for _, actor, _ in supports}),
            'to_projector_s': shown - first_tap,
        }
    print(f'  arena N={n}: {json.dumps(result, default=str)[:400]}')
    return result


# --- dilemmamethodiek -------------------------------------------------------------------------------------------------


async def dilemma_run(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """The dilemmamethodiek at N phones: in step 1 every phone sends a dilemma at once (all held, none on the
    projector), the facilitator shows them all; in step 3 every phone writes down its judgement at once (each counted
    once, the projector shows only how many, never what)."""
    rng = random.Random(n + 23)
    async with werkvorm_room(workdir, 'dilemma', n, args) as (server, console, screen, phones, result):
        await console.open()
        await console.click('Start', 'start-a5')  # the demo's fifth activity: the dilemmamethodiek
        await console.wait_for_button('Start met stap 1', Console.NEXT_STEP)
        await screen.open()
        joined = await arrive_all(phones, 'De dilemmamethodiek begint zo', rng, args)
        result['joined'] = len(joined)
        await console.step('Start met stap 1')
        await gather_bounded((p.wait_for_button('Versturen') for p in joined), args.timeout)
        for index, p in enumerate(joined):
            await p.fill('Waar gaat het dilemma over?', index % 7)
            await p.fill('Wat gebeurde er, en waar twijfelde je?', f'Dilemma nummer {index}')
        first_tap = time.monotonic()
        await gather_bounded((p.click('Versturen') for p in joined), args.timeout)
        held = await gather_bounded((p.wait_for_text('wacht op de gespreksleider') for p in joined), args.timeout)
        times = [o - first_tap for o in held if isinstance(o, float)]
        submitted = _logged(server, 'dilemma.submitted')
        result['dilemmas'] = {
            'sent': len(joined),
            'logged': len(submitted),
            'on_projector_before_approval': sum(1 for i in range(len(joined)) if screen.shows(f'Dilemma nummer {i}')),
            **spread(times),
        }
        await console.wait_for_text(f'Binnengekomen ({len(joined)})')  # the count is updated in place
        shown_click = await console.click('Toon alles')
        result['dilemmas']['show_all_to_projector_s'] = await screen.wait_for_text('Dilemma nummer') - shown_click
        await console.step('Volgende stap: Kiezen van een situatie')
        await console.step('Volgende stap: Formuleren van het dilemma')
        await console.fill('Kant A van het dilemma', 'Doorgaan met helpen')
        await console.fill('Kant B van het dilemma', 'Het gesprek stoppen')
        await console.wait_for_button('Opslaan', 'dm-save-formulation')
        await console.click('Opslaan', 'dm-save-formulation')
        await gather_bounded((p.wait_for_button('Bewaar mijn oordeel') for p in joined), args.timeout)
        for index, p in enumerate(joined):
            await p.fill('Wat zou jij doen?', index % 2)
            await p.fill('In één zin: waarom?', f'Mijn eigen reden {index}')
        first_tap = time.monotonic()
        await gather_bounded((p.click('Bewaar mijn oordeel') for p in joined), args.timeout)
        counted = await screen.wait_for_text(f'{len(joined)} collega’s schreven voor zichzelf op')
        judged = _logged(server, 'dilemma.judged')
        result['judgements'] = {
            'taps': len(joined),
            'logged': len(judged),
            'distinct': len({actor for _, actor, _ in judged}),
            'sentences_on_projector': sum(1 for i in range(len(joined)) if screen.shows(f'Mijn eigen reden {i}')),
            'to_projector_s': counted - first_tap,
        }
    print(f'  dilemma N={n}: {json.dumps(result, default=str)[:400]}')
    return result


# --- page weight -----------------------------------------------------------------------------------------------------

SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')
LINK = re.compile(r'<link\b([^>]*)>')
CSS_IMPORT = re.compile(r'@import\s+url\(\s*["\']?([^"\')]+)["\']?\s*\)')
IMPORT_MAP = re.compile(r'<script type="importmap">\s*(\{.*?\})\s*</script>', re.S)
MODULE_SCRIPT = re.compile(r'<script type="module">(.*?)</script>', re.S)
JS_IMPORT = re.compile(r'(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["\']([^"\']+)["\']', re.M)
FONT_FACE = re.compile(r'@font-face\s*\{([^}]*)\}')
BROWSER_HEADERS = {'Accept-Encoding': 'gzip, deflate, br', 'User-Agent': 'Mozilla/5.0 (Linux; Android 14) bench'}


@dataclass
class Fetched:
    url: str
    kind: str
    wire_bytes: int  # the body as transferred (gzip-compressed where the server compressed it)
    cache_control: str
    validator: dict[str, str] = field(default_factory=dict)

    def repeat(self) -> str:
        """What a repeat visit does with it: 'fresh' (from cache), 'revalidate' (conditional GET) or 'refetch'."""
        directives = self.cache_control.lower()
        if 'no-store' in directives or (not self.validator and 'max-age' not in directives):
            return 'refetch'
        match = re.search(r'max-age=(\d+)', directives)
        if match and int(match.group(1)) > 0 and 'no-cache' not in directives:
            return 'fresh'
        return 'revalidate'


def _fonts(css: str, uses_icons: bool) -> list[str]:
    """The font files a Dutch page needs: Roboto's latin face (one file for every weight) and, when the page has
    icons, Material Icons. A browser fetches a face only when text needs it."""
    urls = []
    for block in FONT_FACE.findall(css):
        family = re.search(r'font-family:\s*["\']?([^"\';]+)', block)
        src = re.search(r'url\(([^)]+)\)', block)
        if not family or not src:
            continue
        name = family.group(1).strip()
        if (name == 'Roboto' and 'U+0000-00FF' in block) or (name == 'Material Icons' and uses_icons):
            urls.append(src.group(1).strip('"\''))
    return list(dict.fromkeys(urls))


async def page_weight(base_url: str, path: str) -> Result:
    """Transfer of the page as a browser with an empty cache loads it, and of a repeat visit."""
    fetched: dict[str, Fetched] = {}
    async with httpx.AsyncClient(headers=BROWSER_HEADERS, timeout=30) as client:

        async def get(url: str, kind: str) -> str:
            if url in fetched:
                return ''
            response = await client.get(url)
            response.raise_for_status()
            validator = {k: response.headers[k] for k in ('etag', 'last-modified') if k in response.headers}
            cache = response.headers.get('cache-control', '')
            fetched[url] = Fetched(url, kind, response.num_bytes_downloaded, cache, validator)
            return response.text

        async def module(url: str) -> None:
            code = await get(url, 'module')
            for specifier in JS_IMPORT.findall(code):
                if specifier.startswith(('/', './', '../', 'http')):
                    await module(urljoin(url, specifier))

        async def stylesheet(url: str, uses_icons: bool) -> None:
            css = await get(url, 'css')
            for imported in CSS_IMPORT.findall(css):
                await stylesheet(urljoin(url, imported), uses_icons)
            for font in _fonts(css, uses_icons):
                await get(urljoin(url, font), 'font')

        page_url = base_url + path
        html = await get(page_url, 'html')
        # the icon font is fetched only for ligature icons; `img:`/`svguse:` icons are files of their own
        icon_names = re.findall(r'"tag":"q-icon","props":\{"name":"([^"]*)"', html)
        icon_names += re.findall(r'"icon":"([^"]*)"', html)
        uses_icons = any(not name.startswith(('img:', 'svguse:')) for name in icon_names)
        for name in sorted({n for n in icon_names if n.startswith('img:')}):
            await get(urljoin(page_url, name.removeprefix('img:')), 'icon')
        imports = json.loads(m.group(1))['imports'] if (m := IMPORT_MAP.search(html)) else {}
        for head_style in CSS_IMPORT.findall(html):
            await stylesheet(urljoin(page_url, head_style), uses_icons)
        for attributes in LINK.findall(html):
            href = re.search(r'href="([^"]+)"', attributes)
            rel = re.search(r'rel="([^"]+)"', attributes)
            if not href or not rel:
                continue
            if rel.group(1) == 'stylesheet':
                await stylesheet(urljoin(page_url, href.group(1)), uses_icons)
            elif rel.group(1) == 'modulepreload':
                await module(urljoin(page_url, href.group(1)))
            elif 'icon' in rel.group(1):
                await get(urljoin(page_url, href.group(1)), 'icon')
        for src in SCRIPT_SRC.findall(html):
            await get(urljoin(page_url, src), 'script')
        for script in MODULE_SCRIPT.findall(html):
            for specifier in JS_IMPORT.findall(script):
                await module(urljoin(page_url, imports.get(specifier, specifier)))

        repeat_bytes, repeat_requests = 0, 0
        for item in fetched.values():
            how = item.repeat()
            if how == 'fresh':
                continue
            repeat_requests += 1
            if how == 'refetch':
                repeat_bytes += (await client.get(item.url)).num_bytes_downloaded
            else:
                conditional = {'If-None-Match': item.validator.get('etag', '')} if 'etag' in item.validator else {}
                if 'last-modified' in item.validator:
                    conditional['If-Modified-Since'] = item.validator['last-modified']
                repeat_bytes += (await client.get(item.url, headers=conditional)).num_bytes_downloaded
    by_kind: dict[str, int] = {}
    for item in fetched.values():
        by_kind[item.kind] = by_kind.get(item.kind, 0) + item.wire_bytes
    largest = sorted(fetched.values(), key=lambda f: f.wire_bytes, reverse=True)[:5]
    return {
        'first_bytes': sum(f.wire_bytes for f in fetched.values()),
        'first_requests': len(fetched),
        'by_kind': by_kind,
        'largest': [(f.url.replace(base_url, ''), f.wire_bytes) for f in largest],
        'html_bytes': fetched[page_url].wire_bytes,
        'repeat_bytes': repeat_bytes,
        'repeat_requests': repeat_requests,
    }


# --- restart ---------------------------------------------------------------------------------------------------------


def make_log(data_dir: Path, events: int, participants: int = 500) -> Result:
    """A session in which `participants` vote on statement after statement, appended through Rooms until the log
    holds `events` events (one transaction, so generating it takes seconds, not minutes)."""
    from facilitation.live import Rooms
    from facilitation.session import AddActivity, ForActivity, Join, StartActivity
    from facilitation.store import Store
    from facilitation.werkvormen.base import Actor, Role
    from facilitation.werkvormen.statements import rules as st

    began = time.monotonic()
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(data_dir / 'samenspel.db')
    # a clock at meeting pace (a second per command), not the generator's: the rate limits of a real room hold
    ticks = itertools.count(time.time())
    rooms = Rooms(store, clock=lambda: float(next(ticks)))
    facilitator = Actor(Role.FACILITATOR, 'facilitator')
    people = [Actor(Role.PARTICIPANT, f'p{i:015x}') for i in range(participants)]
    with store.db.atomic():
        room, _ = rooms.create('Bench: herstart', 'Team Prestaties')
        config = {'statements': [{'text': f'Stelling nummer {i}'} for i in range(1, st.MAX_STATEMENTS + 1)]}
        room.execute(facilitator, AddActivity('statements', 'Stellingen', config))
        room.execute(facilitator, StartActivity('a1'))
        for person in people:
            room.execute(person, Join(''))
        rng = random.Random(5)
        for statement_id in list(room.state.activities['a1'].state.statements):
            if room.last_seq >= events:
                break
            room.execute(facilitator, ForActivity('a1', st.ShowStatement(statement_id)))
            room.execute(facilitator, ForActivity('a1', st.OpenVoting()))
            for person in people:
                if room.last_seq >= events - 2:
                    break
                room.execute(person, ForActivity('a1', st.CastVote(rng.choice(('eens', 'oneens')))))
            room.execute(facilitator, ForActivity('a1', st.CloseVoting()))
            room.execute(facilitator, ForActivity('a1', st.Reveal()))
    store.close()
    return {'events': room.last_seq, 'generated_in_s': time.monotonic() - began}


def restart(workdir: Path, events: int) -> Result:
    """Scenario 5: start on a log of `events` events and time until /join answers; the floor and an empty log
    for comparison."""
    folder = workdir / 'restart'
    log = make_log(folder / 'data', events)
    print(f'  restart: generated {log["events"]} events in {log["generated_in_s"]:.1f} s')
    result: Result = {**log}
    for key, server in (
        ('replay', Product('samenspel-restart', folder, demo=False)),
        ('empty', Product('samenspel-empty', workdir / 'restart-empty', demo=False)),
        ('floor', Floor('floor-restart', workdir / 'restart-floor')),
    ):
        try:
            result[f'{key}_start_s'] = server.start(timeout=300)
            result[f'{key}_rss_mb'] = server.rss_kb() / 1024
        finally:
            server.stop()
    replayed = re.search(r'replayed (\d+) events', (folder / 'samenspel-restart.log').read_text())
    result['replayed'] = int(replayed.group(1)) if replayed else None
    return result


# --- the run ---------------------------------------------------------------------------------------------------------


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
                results['weight'] = await page_weight(server.url, f'/j/{server.demo_code()}')
            results['runs'][n] = await load_run(target, server, n, args)
        finally:
            server.stop()
    return results


def machine() -> Result:
    meminfo = Path('/proc/meminfo').read_text()
    cpuinfo = Path('/proc/cpuinfo').read_text()
    total = re.search(r'MemTotal:\s+(\d+) kB', meminfo)
    model = re.search(r'model name\s*:\s*(.+)', cpuinfo)
    return {
        'date': datetime.datetime.now().astimezone().isoformat(timespec='minutes'),
        'cores': os.cpu_count(),
        'memory_gb': int(total.group(1)) / 1024 / 1024 if total else None,
        'cpu': model.group(1).strip() if model else platform.processor(),
        'kernel': platform.release(),
        'python': platform.python_version(),
        'nicegui': version('nicegui'),
        'python_socketio': version('python-socketio'),
    }


# --- BENCHMARKS.md ---------------------------------------------------------------------------------------------------


def _fmt_s(value: float | None) -> str:
    if value is None:
        return '—'
    return f'{value * 1000:.0f} ms' if value < 1 else f'{value:.2f} s'


def _ratio(product: float | None, floor: float | None) -> str:
    if product is None or floor is None or floor == 0:
        return '—'
    return f'{product / floor:.1f}×'


def _get(data: Any, *path: Any) -> Any:
    for key in path:
        if data is None:
            return None
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _row(label: str, product: Any, floor: Any, fmt: Callable[[Any], str], ratio: bool = True) -> str:
    numeric = all(isinstance(v, int | float) for v in (product, floor))
    return f'| {label} | {fmt(product)} | {fmt(floor)} | {_ratio(product, floor) if ratio and numeric else "—"} |'


def _num(value: Any, unit: str = '', digits: int = 1) -> str:
    return '—' if value is None else f'{value:.{digits}f}{unit}' if isinstance(value, float) else f'{value}{unit}'


RowSpec = tuple[str, tuple[str, ...], Callable[[Any], str], bool]  # label ({n} allowed), path, format, ratio?


def _quantiles(label: str, *path: str) -> list[RowSpec]:
    return [(f'{label}, {q}', (*path, q), _fmt_s, True) for q in ('p50', 'p95', 'max')]


JOIN_ROWS: list[RowSpec] = [
    ('phones joined', ('join', 'joined'), _num, False),
    ('join errors', ('join', 'errors'), _num, False),
    ('all phones on the voting page', ('join', 'all_voting_page_s'), _fmt_s, True),
    *_quantiles('page load → voting page', 'join', 'load_to_voting_page_s'),
    ("tap 'Doe mee' → voting page, p95", ('join', 'tap_to_voting_page_s', 'p95'), _fmt_s, True),
]
BURST_ROWS: list[RowSpec] = [
    ('votes sent', ('burst', 'votes_sent'), _num, False),
    ('votes counted (log / floor memory)', ('burst', 'votes_logged'), _num, False),
    *[(key.replace('_', ' '), ('burst', key), _num, False) for key in ('lost', 'double', 'wrong_choice')],
    ('projector shows all ({n} van {n})', ('burst', 'all_counted_s'), _fmt_s, True),
    *_quantiles('vote → projector', 'burst', 'vote_to_projector_s'),
    ('vote → own phone confirms, p95', ('burst', 'vote_to_own_phone_s', 'p95'), _fmt_s, True),
    ('server CPU during the burst', ('burst', 'server_cpu_s'), lambda v: _num(v, ' s', 2), True),
    ('load generator CPU during the burst', ('burst', 'generator_cpu_pct'), lambda v: _num(v, ' %', 0), False),
]
STEADY_ROWS: list[RowSpec] = [
    ('server RSS before the wave', ('memory', 'rss_before_mb'), lambda v: _num(v, ' MB'), True),
    ('server RSS with N phones', ('memory', 'rss_after_mb'), lambda v: _num(v, ' MB'), True),
    ('RSS per connected phone', ('memory', 'rss_per_phone_kb'), lambda v: _num(v, ' kB', 0), True),
    ('machine load average (1 min) before the run', ('load_before',), lambda v: _num(v, '', 2), False),
    ('server CPU, idle with N phones', ('idle', 'idle_cpu_pct'), lambda v: _num(v, ' %'), True),
]


def _werkvorm_section(
    title: str, runs: dict[Any, Result], intro: str, rows: Callable[[object, Result], list[str]], flag: str
) -> list[str]:
    """A werkvorm scenario's section of the report: its intro and a row per figure per N (or why it did not run)."""
    out = ['', f'## {title}', '']
    if not runs:
        return [*out, f'Not run (`{flag} ""`).']
    out += [intro, '', '| N · figure | value |', '| --- | ---: |']
    for n, run in runs.items():
        out += rows(n, run)
        if run.get('error'):
            out.append(f'| {n} · stopped | `{run["error"][:200]}` |')
    return out


def _quiz_rows(n: object, q: Result) -> list[str]:
    made, asked = q.get('groups_made') or {}, q.get('question_reaches_phones') or {}
    steal, agree = q.get('steal') or {}, q.get('agreement') or {}
    return [
        f'| {n} · phones joined | {q.get("joined")} |',
        f'| {n} · groups made → every phone shows its group | {_fmt_s(made.get("p50"))} / '
        f'{_fmt_s(made.get("p95"))} / {_fmt_s(made.get("all"))} |',
        f'| {n} · question → every phone | {_fmt_s(asked.get("p50"))} / {_fmt_s(asked.get("p95"))} / '
        f'{_fmt_s(asked.get("all"))} |',
        f'| {n} · steal race: taps at once / claims in the log (must be 1) | {steal.get("taps")} / '
        f'{steal.get("claims_logged")} |',
        f'| {n} · steal: first tap → projector | {_fmt_s(steal.get("to_projector_s"))} |',
        f'| {n} · agreement: responses at once / logged | {agree.get("responses")} / {agree.get("logged")} |',
        f'| {n} · agreement: scored (must be one, all points) | {agree.get("scored")} |',
        f'| {n} · agreement: first tap → projector shows the score | {_fmt_s(agree.get("to_projector_s"))} |',
        f'| {n} · pages that lost their socket | {q.get("disconnected")} |',
    ]


def _lagerhuis_rows(n: object, d: Result) -> list[str]:
    sides, stand, floor = d.get('sides_made') or {}, d.get('stand_up') or {}, d.get('floor_given') or {}
    return [
        f'| {n} · phones joined | {d.get("joined")} |',
        f'| {n} · sides made → every phone shows its side | {_fmt_s(sides.get("p50"))} / '
        f'{_fmt_s(sides.get("p95"))} / {_fmt_s(sides.get("all"))} |',
        f'| {n} · everybody stands up: taps / queued / distinct (all must be equal) | {stand.get("taps")} / '
        f'{stand.get("queued")} / {stand.get("distinct")} |',
        f'| {n} · first tap → every phone shows its place | {_fmt_s(stand.get("p50"))} / '
        f'{_fmt_s(stand.get("p95"))} / {_fmt_s(stand.get("all"))} |',
        f'| {n} · floor given → every phone shows its new place | {_fmt_s(floor.get("p50"))} / '
        f'{_fmt_s(floor.get("p95"))} / {_fmt_s(floor.get("all"))} |',
        f'| {n} · pages that lost their socket | {d.get("disconnected")} |',
    ]


def _arena_rows(n: object, a: Result) -> list[str]:
    q, sup = a.get('questions') or {}, a.get('support') or {}
    return [
        f'| {n} · questions sent at once / in the log (must be equal) | {q.get("sent")} / {q.get("logged")} |',
        f'| {n} · of those on the projector before approval (must be 0) | {q.get("on_projector_before_approval")} |',
        f'| {n} · send → own phone says it is held, p50 / p95 | {_fmt_s(q.get("p50"))} / {_fmt_s(q.get("p95"))} |',
        f'| {n} · supports at once / logged / distinct (all must be equal) | {sup.get("taps")} / '
        f'{sup.get("logged")} / {sup.get("distinct")} |',
        f'| {n} · first support → projector shows them all | {_fmt_s(sup.get("to_projector_s"))} |',
        f'| {n} · pages that lost their socket | {a.get("disconnected")} |',
    ]


def _dilemma_rows(n: object, d: Result) -> list[str]:
    q, j = d.get('dilemmas') or {}, d.get('judgements') or {}
    return [
        f'| {n} · dilemmas sent at once / in the log (must be equal) | {q.get("sent")} / {q.get("logged")} |',
        f'| {n} · of those on the projector before they were shown (must be 0) | '
        f'{q.get("on_projector_before_approval")} |',
        f'| {n} · send → own phone says it is held, p50 / p95 | {_fmt_s(q.get("p50"))} / {_fmt_s(q.get("p95"))} |',
        f'| {n} · *Toon alles* → on the projector | {_fmt_s(q.get("show_all_to_projector_s"))} |',
        f'| {n} · judgements at once / logged / distinct (all must be equal) | {j.get("taps")} / '
        f'{j.get("logged")} / {j.get("distinct")} |',
        f'| {n} · sentences on the projector (must be 0) | {j.get("sentences_on_projector")} |',
        f'| {n} · first judgement → projector shows the count of all | {_fmt_s(j.get("to_projector_s"))} |',
        f'| {n} · pages that lost their socket | {d.get("disconnected")} |',
    ]


def report(results: Result, ns: list[int], args: argparse.Namespace) -> str:
    m = results['machine']
    product, floor = results['product'], results['floor']
    head = '| N · figure | Samenspel | floor | ratio |\n| --- | ---: | ---: | ---: |'
    out = [
        '# Benchmarks',
        '',
        f'Written by `make bench PHONES={",".join(map(str, ns))}` (`python -m bench.run`, bench/run.py) on '
        f'{m["date"]}.',
        '',
        '## Machine and versions',
        '',
        f'- {m["cores"]} cores, {m["cpu"]}; {m["memory_gb"]:.1f} GB memory; Linux {m["kernel"]}',
        f'- Python {m["python"]}, NiceGUI {m["nicegui"]}, python-socketio {m["python_socketio"]} (load generator)',
        '- Server and load generator are separate processes on the same machine (127.0.0.1), sharing its cores; the '
        "generator's own CPU use is given so a saturated generator can be told from a slow server.",
        '',
        '## How it is measured',
        '',
        '- Phones are simulated (bench/phones.py), not browsers: each loads `/j/CODE` with its own cookie jar (so '
        "its own NiceGUI browser id, hence its own participant), opens NiceGUI's socket.io websocket with the "
        "page's query, and taps buttons by sending the same `event` messages as the page's script.",
        '- The floor (bench/floor.py) is a bare NiceGUI app doing the same job with the same URLs and texts: a '
        'join button, a statement label, two vote buttons, a projector label updated in place on each vote, one '
        'next-step button. Ratio = Samenspel / floor (lower is better for every figure here).',
        f'- Each N runs on a freshly started server. Join wave: phones arrive spread over {args.join_spread:g} s. '
        'Vote burst: every joined phone votes once at a random moment within 1 s. Latencies are p50 / p95 / max. '
        f'Deadline per scenario: {args.timeout:g} s ("—" means not reached).',
        '',
    ]

    def runs(key: int) -> tuple[Result, Result]:
        return _get(product, 'runs', key) or {}, _get(floor, 'runs', key) or {}

    def table(specs: list[RowSpec]) -> list[str]:
        rows = []
        for n in ns:
            p, f = runs(n)
            for label, path, fmt, ratio in specs:
                rows.append(_row(f'{n} · {label.format(n=n)}', _get(p, *path), _get(f, *path), fmt, ratio))
        return rows

    out += ['## 1. Join wave', '', head, *table(JOIN_ROWS)]
    out += ['', '## 2. Vote burst', '', head, *table(BURST_ROWS)]
    out += ['', '## 3. Phase change', '', "Time from the facilitator's click until every phone shows the step.", '']
    out.append(head)
    for n in ns:
        p, f = runs(n)
        for label, _ in PHASES:
            step_p = next((s for s in p.get('phases', []) if s['step'] == label), None)
            step_f = next((s for s in f.get('phases', []) if s['step'] == label), None)
            for q in ('p50', 'p95', 'all'):
                out.append(_row(f"{n} · '{label}', {q}", _get(step_p, q), _get(step_f, q), _fmt_s))
    out += ['', '## 4. Steady state', '', head, *table(STEADY_ROWS)]
    r = results.get('restart') or {}
    replay_cost = r['replay_start_s'] - r['empty_start_s'] if 'replay_start_s' in r and 'empty_start_s' in r else None
    out += ['', '## 5. Restart', '']
    if r:
        out += [
            f'A log of {r.get("events")} events (one session, 500 participants voting on statement after statement; '
            f'generated in {r.get("generated_in_s", 0):.0f} s through Rooms); the server replayed '
            f'{r.get("replayed")}. Time from spawning the process until `/join` answers.',
            '',
            head.replace('N · figure', 'figure'),
            _row(f'start on the {r.get("events")}-event log', r.get('replay_start_s'), r.get('floor_start_s'), _fmt_s),
            _row('start on an empty data folder', r.get('empty_start_s'), r.get('floor_start_s'), _fmt_s),
            f'| replay alone (the difference) | {_fmt_s(replay_cost)} | — | — |',
            _row('RSS after the replay', r.get('replay_rss_mb'), r.get('floor_rss_mb'), lambda v: _num(v, ' MB')),
            _row('RSS after an empty start', r.get('empty_rss_mb'), r.get('floor_rss_mb'), lambda v: _num(v, ' MB')),
        ]
    else:
        out.append('Not run (`--skip-restart`).')
    c = results.get('crash') or {}
    out += ['', '## 6. Crash during a vote burst', '']
    if c:
        out += [
            f'{c.get("joined")} phones vote within 1 s; the server is killed with SIGKILL '
            f'{c.get("kill_at_s", 0):.2f} s into the burst and started again on the same port; every phone then '
            'reloads with its own cookies (as the page does when the server no longer knows it).',
            '',
            '| figure | value |',
            '| --- | ---: |',
            f'| votes acknowledged on a phone before the kill | {c.get("acknowledged")} |',
            f'| votes in the log after the restart | {c.get("logged")} |',
            f'| acknowledged votes missing from the log (must be 0) | {c.get("acknowledged_missing")} |',
            f'| acknowledged votes with another choice in the log (must be 0) | {c.get("acknowledged_changed")} |',
            f'| votes counted twice (must be 0) | {c.get("double")} |',
            f'| SQLite integrity check of what the kill left | {c.get("integrity")} |',
            f'| restart until `/join` answers | {_fmt_s(c.get("restart_s"))} |',
            f'| all phones back, each showing its own vote as logged | {_fmt_s(c.get("all_back_s"))} |',
            f'| phones that did not come back | {c.get("back_errors")} |',
            f'| projector count equals the log after the restart | {c.get("projector_matches_log", False)} |',
        ]
        if c.get('error') or c.get('first_back_error'):
            out += ['', f'Error: `{c.get("error") or c.get("first_back_error")}`']
    else:
        out.append('Not run (`--crash-phones 0`).')
    out += _werkvorm_section(
        '7. Kennisquiz',
        results.get('quiz') or {},
        "The demo session's quiz with N phones divided over two groups by the console. Times from the "
        "facilitator's click (or the first tap) to every phone (or the projector); p50 / p95 / all.",
        _quiz_rows,
        '--quiz-phones',
    )
    out += _werkvorm_section(
        '8. Lagerhuis',
        results.get('lagerhuis') or {},
        'The demo session\'s lagerhuis with N phones divided over VOOR and TEGEN. Everybody taps "Ik wil het '
        'woord" at once; then the facilitator gives the floor. p50 / p95 / all.',
        _lagerhuis_rows,
        '--lagerhuis-phones',
    )
    out += _werkvorm_section(
        '9. Arenagesprek',
        results.get('arena') or {},
        "The demo session's arena, everybody in the outer ring but one. In round 2 every outer phone sends a "
        'question at once (held for the gespreksleider), one is approved, and every outer phone supports it at '
        'once.',
        _arena_rows,
        '--arena-phones',
    )
    out += _werkvorm_section(
        '10. Dilemmamethodiek',
        results.get('dilemma') or {},
        "The demo session's dilemmamethodiek. In step 1 every phone sends a dilemma at once (held for the "
        'facilitator), who shows them all; in step 3 every phone writes down what it would do at once (the '
        'projector shows how many, never what).',
        _dilemma_rows,
        '--dilemma-phones',
    )
    pw, fw = product.get('weight') or {}, floor.get('weight') or {}
    out += [
        '',
        '## Participant page transfer',
        '',
        '`/j/CODE` as a browser with an empty cache loads it: the HTML, every script and stylesheet it names, the '
        'ES modules they import (import map resolved), CSS @imports and the fonts a Dutch page needs (Roboto latin, '
        'Material Icons when the page has icons); sizes as transferred (Accept-Encoding: gzip, br; the server '
        'compresses with gzip). A repeat visit fetches what is not fresh in the cache: the HTML (no-store) and '
        'conditional requests for what has only a validator.',
        '',
        head.replace('N · figure', 'figure'),
        _row('first visit', pw.get('first_bytes'), fw.get('first_bytes'), _kb),
        _row('first visit, requests', pw.get('first_requests'), fw.get('first_requests'), _num),
        _row('HTML', pw.get('html_bytes'), fw.get('html_bytes'), _kb),
        _row('repeat visit', pw.get('repeat_bytes'), fw.get('repeat_bytes'), _kb),
        _row('repeat visit, requests', pw.get('repeat_requests'), fw.get('repeat_requests'), _num),
    ]
    for kind in sorted(set(pw.get('by_kind', {})) | set(fw.get('by_kind', {}))):
        out.append(_row(f'first visit: {kind}', _get(pw, 'by_kind', kind), _get(fw, 'by_kind', kind), _kb))
    if pw.get('largest'):
        out += ['', 'Largest on the participant page: ' + ', '.join(f'`{u}` {_kb(b)}' for u, b in pw['largest']) + '.']
    notes = _notes(results, ns)
    if notes:
        out += ['', '## Notes from this run', '', *notes]
    return '\n'.join(out) + '\n'


def _kb(value: Any) -> str:
    return '—' if value is None else f'{value / 1024:.1f} kB'


def _notes(results: Result, ns: list[int]) -> list[str]:
    notes = []
    for key in ('product', 'floor'):
        name = TARGETS[key].name
        for n in ns:
            run = _get(results, key, 'runs', n) or {}
            if run.get('error'):
                notes.append(f'- {name}, N={n}: stopped: {run["error"]}')
            if _get(run, 'join', 'first_error'):
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
            if _get(run, 'burst', 'first_phone_error'):
                notes.append(f'- {name}, N={n}: first vote error: `{run["burst"]["first_phone_error"][:300]}`')
            if _get(run, 'burst', 'notifications'):
                notes.append(f'- {name}, N={n}: phones were told: {run["burst"]["notifications"][:5]}')
    return notes


def write_report(path: Path, text: str) -> None:
    """Write the generated part; keep the before/after section (rows added by hand) if the file has one."""
    kept = ''
    if path.exists():
        old = path.read_text()
        if BEFORE_AFTER in old:
            kept = old[old.index(BEFORE_AFTER) :]
    if not kept:
        kept = (
            f'{BEFORE_AFTER}\n\n'
            'One row per optimisation, added by hand from two runs of `make bench` (this section is kept when the '
            'file is rewritten).\n\n'
            '| date | change | scenario | N | figure | before | after |\n'
            '| --- | --- | --- | ---: | --- | ---: | ---: |\n'
        )
    path.write_text(text + '\n' + kept)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog='python -m bench.run', description=__doc__.splitlines()[0])
    parser.add_argument('--phones', default='50,200,1000', help='comma-separated N (default: 50,200,1000)')
    parser.add_argument('--timeout', type=float, default=180.0, help='deadline per scenario in s (default: 180)')
    parser.add_argument('--join-spread', type=float, default=3.0, help='the join wave arrives within this many s')
    parser.add_argument('--idle-seconds', type=float, default=5.0, help='window for the idle CPU figure')
    parser.add_argument('--restart-events', type=int, default=100_000, help='events in the restart log')
    parser.add_argument('--skip-restart', action='store_true', help='leave out scenario 5')
    parser.add_argument(
        '--quiz-phones', default='50,200', help='N list for the kennisquiz run (default 50,200; "": skip)'
    )
    parser.add_argument(
        '--lagerhuis-phones', default='50,200', help='N list for the lagerhuis run (default 50,200; "": skip)'
    )
    parser.add_argument('--arena-phones', default='50,200', help='N list for the arena run (default 50,200; "": skip)')
    parser.add_argument(
        '--dilemma-phones', default='50,200', help='N list for the dilemmamethodiek run (default 50,200; "": skip)'
    )
    parser.add_argument(
        '--crash-phones', type=int, default=1000, help='N for the kill-during-a-burst run (default 1000; 0: skip)'
    )
    parser.add_argument('--targets', default='floor,product', help='which servers to run (default: floor,product)')
    parser.add_argument('--output', type=Path, default=ROOT / 'BENCHMARKS.md', help='the report (BENCHMARKS.md)')
    parser.add_argument('--json', type=Path, help='also write the raw figures here')
    parser.add_argument('--keep', action='store_true', help="keep the servers' data folders and logs")
    return parser.parse_args(argv)


async def main_async(args: argparse.Namespace) -> Result:
    ns = [int(n) for n in args.phones.split(',') if n.strip()]
    workdir = Path(tempfile.mkdtemp(prefix='samenspel-bench-'))
    print(f'bench: N = {ns}; servers and logs in {workdir}')
    results: Result = {'machine': machine(), 'phones': ns}
    try:
        for key in ('floor', 'product'):
            results[key] = await run_target(TARGETS[key], ns, args, workdir) if key in args.targets else {}
        if not args.skip_restart:
            results['restart'] = await asyncio.to_thread(restart, workdir, args.restart_events)
        if args.crash_phones:
            results['crash'] = await crash(workdir, args.crash_phones, args)
        results['quiz'] = {}
        for n in [int(x) for x in args.quiz_phones.split(',') if x.strip()]:
            results['quiz'][n] = await quiz_run(workdir, n, args)
        results['lagerhuis'] = {}
        for n in [int(x) for x in args.lagerhuis_phones.split(',') if x.strip()]:
            results['lagerhuis'][n] = await lagerhuis_run(workdir, n, args)
        results['arena'] = {}
        for n in [int(x) for x in args.arena_phones.split(',') if x.strip()]:
            results['arena'][n] = await arena_run(workdir, n, args)
        results['dilemma'] = {}
        for n in [int(x) for x in args.dilemma_phones.split(',') if x.strip()]:
            results['dilemma'][n] = await dilemma_run(workdir, n, args)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    write_report(args.output, report(results, ns, args))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    print(f'bench: written to {args.output}')
    return results


def main(argv: list[str] | None = None) -> None:
    asyncio.run(main_async(parse_args(argv)))


if __name__ == '__main__':
    main()
