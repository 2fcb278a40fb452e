"""The lagerhuis under load: everybody asks for the floor at once, then the floor is given."""

from __future__ import annotations

import argparse
import random
import time
from functools import partial
from pathlib import Path

from ..common import Result, arrive_all, gather_bounded, logged, spread, summary, until_all, werkvorm_room
from ..phones import Console, Phone
from ..report import fmt_s
from . import Scenario, WerkvormScenario


def has_place(phone: Phone) -> bool:
    """The phone says where it stands in the queue."""
    return any(x.startswith('Je staat ') for x in phone.texts())


def moved_from(phone: Phone, place: str) -> bool:
    """The phone no longer shows the place it had."""
    return place not in phone.texts()


async def measure(workdir: Path, n: int, args: argparse.Namespace) -> Result:
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
        result['sides_made'] = await until_all(joined, 'Jij zit aan de kant:', args.timeout)
        await console.step('Start het debat')
        await gather_bounded((p.wait_for_button('Ik wil het woord') for p in joined), args.timeout)

        first_tap = time.monotonic()
        await gather_bounded((p.click('Ik wil het woord') for p in joined), args.timeout)
        placed = await gather_bounded((p.wait_until(partial(has_place, p)) for p in joined), args.timeout)
        times = [o - first_tap for o in placed if isinstance(o, float)]
        requests = [actor for _, actor, _ in logged(server, 'lh.requested')]
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
        moved = await gather_bounded((p.wait_until(partial(moved_from, p, before[p])) for p in joined), args.timeout)
        times = [o - given for o in moved if isinstance(o, float)]
        result['floor_given'] = {**spread(times), 'all': max(times) if len(times) == len(joined) else None}
    summary('lagerhuis', n, result)
    return result


def rows(n: object, d: Result) -> list[str]:
    sides, stand, floor = d.get('sides_made') or {}, d.get('stand_up') or {}, d.get('floor_given') or {}
    return [
        f'| {n} · phones joined | {d.get("joined")} |',
        f'| {n} · sides made → every phone shows its side | {fmt_s(sides.get("p50"))} / '
        f'{fmt_s(sides.get("p95"))} / {fmt_s(sides.get("all"))} |',
        f'| {n} · everybody stands up: taps / queued / distinct (all must be equal) | {stand.get("taps")} / '
        f'{stand.get("queued")} / {stand.get("distinct")} |',
        f'| {n} · first tap → every phone shows its place | {fmt_s(stand.get("p50"))} / '
        f'{fmt_s(stand.get("p95"))} / {fmt_s(stand.get("all"))} |',
        f'| {n} · floor given → every phone shows its new place | {fmt_s(floor.get("p50"))} / '
        f'{fmt_s(floor.get("p95"))} / {fmt_s(floor.get("all"))} |',
        f'| {n} · pages that lost their socket | {d.get("disconnected")} |',
    ]


SCENARIO: Scenario = WerkvormScenario(
    kind='lagerhuis',
    name='lagerhuis',
    title='Lagerhuis',
    intro=(
        'The demo session\'s lagerhuis with N phones divided over VOOR and TEGEN. Everybody taps "Ik wil het '
        'woord" at once; then the facilitator gives the floor. p50 / p95 / all.'
    ),
    measure=measure,
    rows=rows,
)
