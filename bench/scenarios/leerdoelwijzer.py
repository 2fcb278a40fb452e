"""The leerdoelwijzer under load: every phone fills in 30 items at a human pace while the projector counts who is done.

Measured (issue 19): the server's CPU while they fill in, its RSS per phone, tap → the own phone shows the next item
(p95), and a phone's Klaar → the projector's count includes it (p95). The ontwikkelmatrix runs on the same engine,
phone and projector (bench/scenarios/ontwikkelmatrix.py).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import time
from pathlib import Path

from ..common import CpuMeter, Result, arrive_all, gather_bounded, spread, summary, werkvorm_room
from ..phones import Phone, Screen
from ..report import fmt_s, num
from . import Scenario, WerkvormScenario

GROUP = 'Sociaal domein'  # 33 items: each phone answers the first 30, then goes on to the end and taps Klaar
ITEMS = 30
ANSWERS = ('Altijd', 'Vaak', 'Soms', 'Nooit')
DONE = re.compile(r'(\d+) van \d+ klaar')


def done_on(screen: Screen) -> int:
    """How many the projector says are done."""
    return max((int(m.group(1)) for text in screen.texts() if (m := DONE.search(text))), default=0)


def position(phone: Phone) -> str:
    """The phone's '12 van 33', '' when it shows no item."""
    return next((text for text in phone.texts() if re.fullmatch(r'\d+ van \d+', text)), '')


async def fill_in(phone: Phone, rng: random.Random, pace: tuple[float, float], taps: list[float]) -> float:
    """Choose the group, answer ITEMS items a tap every `pace` seconds (each tap: the time until the phone shows the
    next item), go on to the end and tap Klaar; returns when Klaar was sent."""
    await phone.click(GROUP)
    await phone.wait_until(lambda: position(phone).startswith('1 van '))
    total = int(position(phone).split(' van ')[1])
    for n in range(1, total + 1):
        await asyncio.sleep(rng.uniform(*pace))
        if n <= ITEMS:
            sent = await phone.click(rng.choice(ANSWERS))
        else:
            sent = await phone.click('Volgende')
        if n < total:
            shown = await phone.wait_until(lambda n=n: position(phone).startswith(f'{n + 1} van '))
            if n <= ITEMS:
                taps.append(shown - sent)
    await phone.wait_for_button('Klaar')
    return await phone.click('Klaar')


async def measure(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """N phones fill in the demo's leerdoelwijzer (all function groups: each chooses Sociaal domein) at a human pace:
    a tap every 1-3 s; the projector counts who is done."""
    rng = random.Random(n + 31)
    pace = (args.leerdoelwijzer_pace_min, args.leerdoelwijzer_pace_max)
    async with werkvorm_room(workdir, 'leerdoelwijzer', n, args) as (server, console, screen, phones, result):
        await console.open()
        await console.click('Start', 'start-a7')  # the demo's seventh activity: the leerdoelwijzer
        await console.wait_for_text('Sluit en toon teambeeld')
        await screen.open()
        rss_before = server.rss_kb()
        joined = await arrive_all(phones, 'Kies je functiegroep', rng, args)
        result['joined'] = len(joined)
        result['rss_per_phone_kb'] = (server.rss_kb() - rss_before) / max(1, len(joined))

        reached: list[float] = []  # when the projector's count first reached 1, 2, …

        async def count() -> None:
            for k in range(1, len(joined) + 1):
                reached.append(await screen.wait_until(lambda k=k: done_on(screen) >= k, args.timeout * 4))

        counting = asyncio.create_task(count())
        taps: list[float] = []
        meter = CpuMeter(server)
        began = time.monotonic()
        finished = await gather_bounded((fill_in(p, rng, pace, taps) for p in joined), args.timeout * 4)
        sent = sorted(o for o in finished if isinstance(o, float))
        await asyncio.wait_for(counting, args.timeout)
        cpu = meter.read()
        result['filling'] = {
            'wall_s': time.monotonic() - began,
            'server_cpu_s': cpu['server_cpu_s'],
            'server_cpu_pct': 100 * cpu['server_cpu_s'] / cpu['wall_s'] if cpu['wall_s'] else None,
            'generator_cpu_pct': cpu['generator_cpu_pct'],
            'taps': len(taps),
            'finished': len(sent),
        }
        result['tap_to_own_phone'] = spread(taps)
        result['done_to_projector'] = spread([r - s for s, r in zip(sent, reached, strict=False)])
        result['rss_end_mb'] = server.rss_kb() / 1024
    summary('leerdoelwijzer', n, result)
    return result


def rows(n: object, d: Result) -> list[str]:
    filling, tap, done = d.get('filling') or {}, d.get('tap_to_own_phone') or {}, d.get('done_to_projector') or {}
    return [
        f'| {n} · phones joined / done | {d.get("joined")} / {filling.get("finished")} |',
        f'| {n} · answers tapped (30 per phone, a tap every 1-3 s) | {filling.get("taps")} |',
        f'| {n} · filling in took | {fmt_s(filling.get("wall_s"))} |',
        f'| {n} · server CPU while filling in (of one core) | {num(filling.get("server_cpu_pct"), " %", 0)} |',
        f'| {n} · load generator CPU | {num(filling.get("generator_cpu_pct"), " %", 0)} |',
        f'| {n} · RSS per joined phone | {num(d.get("rss_per_phone_kb"), " kB", 0)} |',
        f'| {n} · tap → own phone shows the next item, p50 / p95 | {fmt_s(tap.get("p50"))} / {fmt_s(tap.get("p95"))} |',
        f'| {n} · Klaar → the projector counts it, p50 / p95 | {fmt_s(done.get("p50"))} / {fmt_s(done.get("p95"))} |',
        f'| {n} · pages that lost their socket | {d.get("disconnected")} |',
    ]


class _Leerdoelwijzer(WerkvormScenario):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument('--leerdoelwijzer-pace-min', type=float, default=1.0, help='s between taps, at least')
        parser.add_argument('--leerdoelwijzer-pace-max', type=float, default=3.0, help='s between taps, at most')


SCENARIO: Scenario = _Leerdoelwijzer(
    kind='leerdoelwijzer',
    name='leerdoelwijzer',
    title='Leerdoelwijzer',
    intro=(
        'The demo session\'s leerdoelwijzer with N phones, each choosing "Sociaal domein" and answering 30 items at '
        "a human pace (a tap every 1-3 s), then Klaar, while the projector counts who is done. Nobody's answers "
        'reach the projector: only the count.'
    ),
    measure=measure,
    rows=rows,
)
