"""The incidentevaluatie under load: in step 2 every phone sends a cause at once, each held until the facilitator
shows them all."""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from ..common import Result, arrive_all, gather_bounded, logged, spread, summary, werkvorm_room
from ..phones import Console
from ..report import fmt_s
from . import Scenario, WerkvormScenario


async def measure(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """The incidentevaluatie at N phones: in step 2 every phone sends a cause at once (all held, none on the
    projector), then the facilitator shows them all."""
    rng = random.Random(n + 29)
    async with werkvorm_room(workdir, 'incident', n, args) as (server, console, screen, phones, result):
        await console.open()
        await console.click('Start', 'start-a9')  # the demo's ninth activity: the incidentevaluatie
        await console.wait_for_button('Start met stap 1', Console.NEXT_STEP)
        await screen.open()
        joined = await arrive_all(phones, 'De incidentevaluatie begint zo', rng, args)
        result['joined'] = len(joined)
        await console.step('Start met stap 1')
        await console.step('Volgende stap: Directe en indirecte oorzaken')
        await gather_bounded((p.wait_for_button('Versturen') for p in joined), args.timeout)
        for index, p in enumerate(joined):
            await p.fill('Een oorzaak in één of twee zinnen', f'Oorzaak nummer {index}')
        first_tap = time.monotonic()
        await gather_bounded((p.click('Versturen') for p in joined), args.timeout)
        held = await gather_bounded((p.wait_for_text('wacht op de gespreksleider') for p in joined), args.timeout)
        times = [o - first_tap for o in held if isinstance(o, float)]
        sent = logged(server, 'incident.cause')
        result['causes'] = {
            'sent': len(joined),
            'logged': len(sent),
            'on_projector_before_approval': sum(1 for i in range(len(joined)) if screen.shows(f'Oorzaak nummer {i}')),
            **spread(times),
        }
        await console.wait_for_text(f'Binnengekomen ({len(joined)})')
        shown_click = await console.click('Toon alles')
        result['causes']['show_all_to_projector_s'] = await screen.wait_for_text('Oorzaak nummer') - shown_click
    summary('incident', n, result)
    return result


def rows(n: object, d: Result) -> list[str]:
    c = d.get('causes') or {}
    return [
        f'| {n} · causes sent at once / in the log (must be equal) | {c.get("sent")} / {c.get("logged")} |',
        f'| {n} · of those on the projector before they were shown (must be 0) | '
        f'{c.get("on_projector_before_approval")} |',
        f'| {n} · send → own phone says it is held, p50 / p95 | {fmt_s(c.get("p50"))} / {fmt_s(c.get("p95"))} |',
        f'| {n} · *Toon alles* → on the projector | {fmt_s(c.get("show_all_to_projector_s"))} |',
        f'| {n} · pages that lost their socket | {d.get("disconnected")} |',
    ]


SCENARIO: Scenario = WerkvormScenario(
    kind='incident',
    name='incidentevaluatie',
    title='Incidentevaluatie',
    intro=(
        "The demo session's incidentevaluatie. In step 2 every phone sends a cause at once (held for the "
        'facilitator), who shows them all.'
    ),
    measure=measure,
    rows=rows,
)
