"""Nothing lost at scale: the server killed during a vote burst and started again (scenario 6)."""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from pathlib import Path

from .common import Result, gather_bounded, join_wave, product_identities, product_votes
from .phones import Console, Page, PageError, Phone, Screen, device_address
from .report import fmt_s
from .server import Product, integrity


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

        logged = product_votes(server)
        ids = dict(zip(product_identities(server, joined), joined, strict=True))
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


def section(c: Result, number: int) -> list[str]:
    """The report's section on the crash (`c`: its figures, empty when it did not run)."""
    out = ['', f'## {number}. Crash during a vote burst', '']
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
            f'| restart until `/join` answers | {fmt_s(c.get("restart_s"))} |',
            f'| all phones back, each showing its own vote as logged | {fmt_s(c.get("all_back_s"))} |',
            f'| phones that did not come back | {c.get("back_errors")} |',
            f'| projector count equals the log after the restart | {c.get("projector_matches_log", False)} |',
        ]
        if c.get('error') or c.get('first_back_error'):
            out += ['', f'Error: `{c.get("error") or c.get("first_back_error")}`']
    else:
        out.append('Not run (`--crash-phones 0`).')
    return out
