"""The arenagesprek under load: every outer phone sends a question at once, then supports the approved one."""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from ..common import Result, arrive_all, gather_bounded, logged, spread, summary, werkvorm_room
from ..report import fmt_s
from . import Scenario, WerkvormScenario


async def measure(workdir: Path, n: int, args: argparse.Namespace) -> Result:
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
        submitted = logged(server, 'arena.submitted')
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
        supports = logged(server, 'arena.supported')
        result['support'] = {
            'taps': len(outer),
            'logged': len(supports),
            'distinct': len({actor for _, actor, _ in supports}),
            'to_projector_s': shown - first_tap,
        }
    summary('arena', n, result)
    return result


def rows(n: object, a: Result) -> list[str]:
    q, sup = a.get('questions') or {}, a.get('support') or {}
    return [
        f'| {n} · questions sent at once / in the log (must be equal) | {q.get("sent")} / {q.get("logged")} |',
        f'| {n} · of those on the projector before approval (must be 0) | {q.get("on_projector_before_approval")} |',
        f'| {n} · send → own phone says it is held, p50 / p95 | {fmt_s(q.get("p50"))} / {fmt_s(q.get("p95"))} |',
        f'| {n} · supports at once / logged / distinct (all must be equal) | {sup.get("taps")} / '
        f'{sup.get("logged")} / {sup.get("distinct")} |',
        f'| {n} · first support → projector shows them all | {fmt_s(sup.get("to_projector_s"))} |',
        f'| {n} · pages that lost their socket | {a.get("disconnected")} |',
    ]


SCENARIO: Scenario = WerkvormScenario(
    kind='arena',
    name='arena',
    title='Arenagesprek',
    intro=(
        "The demo session's arena, everybody in the outer ring but one. In round 2 every outer phone sends a "
        'question at once (held for the gespreksleider), one is approved, and every outer phone supports it at '
        'once.'
    ),
    measure=measure,
    rows=rows,
)
