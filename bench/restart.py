"""A restart on a long log: the server replays 100,000 events before it answers (scenario 5)."""

from __future__ import annotations

import itertools
import random
import re
import time
from pathlib import Path

from .common import Result
from .report import HEAD, fmt_s, num, row
from .server import Floor, Product


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


def section(r: Result, number: int) -> list[str]:
    """The report's section on the restart (`r`: its figures, empty when it did not run)."""
    replay_cost = r['replay_start_s'] - r['empty_start_s'] if 'replay_start_s' in r and 'empty_start_s' in r else None
    out = ['', f'## {number}. Restart', '']
    if r:
        out += [
            f'A log of {r.get("events")} events (one session, 500 participants voting on statement after statement; '
            f'generated in {r.get("generated_in_s", 0):.0f} s through Rooms); the server replayed '
            f'{r.get("replayed")}. Time from spawning the process until `/join` answers.',
            '',
            HEAD.replace('N · figure', 'figure'),
            row(f'start on the {r.get("events")}-event log', r.get('replay_start_s'), r.get('floor_start_s'), fmt_s),
            row('start on an empty data folder', r.get('empty_start_s'), r.get('floor_start_s'), fmt_s),
            f'| replay alone (the difference) | {fmt_s(replay_cost)} | — | — |',
            row('RSS after the replay', r.get('replay_rss_mb'), r.get('floor_rss_mb'), lambda v: num(v, ' MB')),
            row('RSS after an empty start', r.get('empty_rss_mb'), r.get('floor_rss_mb'), lambda v: num(v, ' MB')),
        ]
    else:
        out.append('Not run (`--skip-restart`).')
    return out
