"""The kennisquiz under load: groups made, a question to every phone, a steal race and an agreement burst."""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from ..common import Result, arrive_all, gather_bounded, logged, summary, until_all, werkvorm_room
from ..phones import Console
from ..report import fmt_s
from . import Scenario, WerkvormScenario


async def measure(workdir: Path, n: int, args: argparse.Namespace) -> Result:
    """The kennisquiz at N phones in two groups: groups made, a question reaching every phone, a steal claimed by
    every phone of the other group at once (exactly one claim may win), and an agreement round in which every member
    of a group responds at once (scored once, when the facilitator counts after the last response)."""
    rng = random.Random(n + 11)
    async with werkvorm_room(workdir, 'quiz', n, args) as (server, console, screen, phones, result):
        await console.open()
        await console.click('Start', 'start-a2')  # the demo's second activity: the quiz
        await console.wait_for_button('Verdeel iedereen automatisch')
        await screen.open()

        joined = await arrive_all(phones, 'Je zit nog niet in een groep', rng, args)
        result['joined'] = len(joined)
        await console.click('Verdeel iedereen automatisch')
        result['groups_made'] = await until_all(joined, 'Jouw groep: Groep', args.timeout)
        await console.step('Start de quiz')
        await console.wait_for_button('Stel de volgende vraag', Console.NEXT_STEP)
        await console.click('Stel de volgende vraag', Console.NEXT_STEP)
        result['question_reaches_phones'] = await until_all(
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
        claims = logged(server, 'quiz.steal_claimed')
        result['steal'] = {'taps': len(group_two), 'claims_logged': len(claims), 'to_projector_s': shown - first_tap}
        await console.wait_for_text('Groep 2 mag het antwoord geven')  # the console may show it after the projector
        await console.wait_for_button('Goed')
        await console.click('Goed')
        await screen.wait_for_text('Groep 2: overgenomen en goed')

        # the next card goes to group 2; then an opinion to group 1, whose members all respond at once
        await console.wait_for_button('Stel de volgende vraag', Console.NEXT_STEP)  # the console after the projector
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
        # the opinion stays open until the facilitator counts (a member may still change their mind): counted as
        # soon as the console has every response in, so the figure includes that click
        await console.wait_for_button('Tel de reacties')
        await console.click('Tel de reacties')
        shown = await screen.wait_for_text('iedereen eens')
        scored = [e for e in logged(server, 'quiz.scored') if e[2]['card'] == 'c3']
        agreed = logged(server, 'quiz.agreed')
        result['agreement'] = {
            'responses': len(members),
            'logged': len(agreed),
            'scored': [(e[2]['reason'], e[2]['points']) for e in scored],
            'to_projector_s': shown - first_tap,
        }
    summary('quiz', n, result, ('groups_made',))
    return result


def rows(n: object, q: Result) -> list[str]:
    made, asked = q.get('groups_made') or {}, q.get('question_reaches_phones') or {}
    steal, agree = q.get('steal') or {}, q.get('agreement') or {}
    return [
        f'| {n} · phones joined | {q.get("joined")} |',
        f'| {n} · groups made → every phone shows its group | {fmt_s(made.get("p50"))} / '
        f'{fmt_s(made.get("p95"))} / {fmt_s(made.get("all"))} |',
        f'| {n} · question → every phone | {fmt_s(asked.get("p50"))} / {fmt_s(asked.get("p95"))} / '
        f'{fmt_s(asked.get("all"))} |',
        f'| {n} · steal race: taps at once / claims in the log (must be 1) | {steal.get("taps")} / '
        f'{steal.get("claims_logged")} |',
        f'| {n} · steal: first tap → projector | {fmt_s(steal.get("to_projector_s"))} |',
        f'| {n} · agreement: responses at once / logged | {agree.get("responses")} / {agree.get("logged")} |',
        f'| {n} · agreement: scored (must be one, all points) | {agree.get("scored")} |',
        f'| {n} · agreement: first tap → projector shows the score | {fmt_s(agree.get("to_projector_s"))} |',
        f'| {n} · pages that lost their socket | {q.get("disconnected")} |',
    ]


SCENARIO: Scenario = WerkvormScenario(
    kind='quiz',
    name='kennisquiz',
    title='Kennisquiz',
    intro=(
        "The demo session's quiz with N phones divided over two groups by the console. Times from the "
        "facilitator's click (or the first tap) to every phone (or the projector); p50 / p95 / all."
    ),
    measure=measure,
    rows=rows,
)
