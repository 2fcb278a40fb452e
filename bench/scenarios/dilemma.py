"""The dilemmamethodiek under load: every phone sends a dilemma at once, later writes down its judgement at once."""

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
        submitted = logged(server, 'dilemma.submitted')
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
        judged = logged(server, 'dilemma.judged')
        result['judgements'] = {
            'taps': len(joined),
            'logged': len(judged),
            'distinct': len({actor for _, actor, _ in judged}),
            'sentences_on_projector': sum(1 for i in range(len(joined)) if screen.shows(f'Mijn eigen reden {i}')),
            'to_projector_s': counted - first_tap,
        }
    summary('dilemma', n, result)
    return result


def rows(n: object, d: Result) -> list[str]:
    q, j = d.get('dilemmas') or {}, d.get('judgements') or {}
    return [
        f'| {n} · dilemmas sent at once / in the log (must be equal) | {q.get("sent")} / {q.get("logged")} |',
        f'| {n} · of those on the projector before they were shown (must be 0) | '
        f'{q.get("on_projector_before_approval")} |',
        f'| {n} · send → own phone says it is held, p50 / p95 | {fmt_s(q.get("p50"))} / {fmt_s(q.get("p95"))} |',
        f'| {n} · *Toon alles* → on the projector | {fmt_s(q.get("show_all_to_projector_s"))} |',
        f'| {n} · judgements at once / logged / distinct (all must be equal) | {j.get("taps")} / '
        f'{j.get("logged")} / {j.get("distinct")} |',
        f'| {n} · sentences on the projector (must be 0) | {j.get("sentences_on_projector")} |',
        f'| {n} · first judgement → projector shows the count of all | {fmt_s(j.get("to_projector_s"))} |',
        f'| {n} · pages that lost their socket | {d.get("disconnected")} |',
    ]


SCENARIO: Scenario = WerkvormScenario(
    kind='dilemma',
    name='dilemmamethodiek',
    title='Dilemmamethodiek',
    intro=(
        "The demo session's dilemmamethodiek. In step 1 every phone sends a dilemma at once (held for the "
        'facilitator), who shows them all; in step 3 every phone writes down what it would do at once (the '
        'projector shows how many, never what).'
    ),
    measure=measure,
    rows=rows,
)
