"""The leerdoelwijzer's privacy promise, on the real server: every message the server sends the console, the projector
and each phone is kept (bench/phones.py pages with `record`), and so is every download. One person's answers, own
learning goal and function group's questionnaire (of a group under the minimum) reach nobody else; while people fill
in, no shared screen is told any item at all."""

from __future__ import annotations

import asyncio
import contextlib
import io
import random
import sqlite3
import uuid
from datetime import date
from pathlib import Path

from docx import Document

from bench.phones import Console, Page, Phone, Screen
from facilitation.app import CONTENT_DIR
from facilitation.content import load_content
from facilitation.export import summary_csv, summary_markdown
from facilitation.live import Rooms
from facilitation.report import session_report_docx, session_report_markdown
from facilitation.store import Store
from facilitation.teamplan_export import plan_csv, plan_docx, plan_markdown
from facilitation.teamplan_json import plan_json
from facilitation.teams import Teams
from tests.live_server import LiveServer

CONTENT = load_content(Path(CONTENT_DIR))
SHOWN, SMALL = 'Publiekszaken', 'Klant Contact Centra'  # three phones, one phone: under the minimum of three
ANSWERS = ('Altijd', 'Vaak', 'Soms', 'Nooit')


def items_of(group: str) -> list[str]:
    return next(w.items for w in CONTENT.leerdoelwijzers.values() if w.function_group == group)


def position(phone: Phone) -> str:
    return next((text for text in phone.texts() if ' van ' in text and text.split(' van ')[0].isdigit()), '')


async def fill_in(phone: Phone, group: str, goal: str, rng: random.Random) -> None:
    """Choose the group, answer every item (at a pace the server's limit for a person allows), Klaar, a goal."""
    await phone.click(group)
    total = len(items_of(group))
    await phone.wait_until(lambda: position(phone) == f'1 van {total}')
    for n in range(1, total + 1):
        await asyncio.sleep(0.5)  # a person taps at most 2 commands a second after a burst of 10
        await phone.click(rng.choice(ANSWERS))
        if n < total:
            await phone.wait_until(lambda n=n: position(phone) == f'{n + 1} van {total}')
    await phone.wait_for_button('Klaar')
    await phone.click('Klaar')
    await phone.wait_for_button('Leerdoel opslaan')
    await phone.fill('Je persoonlijke leerdoel', goal)
    await phone.click('Leerdoel opslaan')
    await phone.wait_until(lambda: 'Je leerdoel is opgeslagen.' in phone.notifications)


def told(page: Page) -> str:
    assert page.received is not None
    return '\n'.join(page.received)


def participant_ids(data_dir: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(f'file:{data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        rows = db.execute("SELECT DISTINCT actor_id FROM events WHERE actor_role = 'participant'").fetchall()
    return {actor for (actor,) in rows}


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return '\n'.join([p.text for p in document.paragraphs] + cells)


async def test_no_one_is_told_another_persons_answers_goal_or_small_group(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key, record=True)
    screen = Screen(live_server.url, code, console, record=True)
    phones = [Phone(live_server.url, code, record=True) for _ in range(4)]
    groups = [SHOWN, SHOWN, SHOWN, SMALL]
    goals = [f'Mijn eigen leerdoel {uuid.uuid4().hex[:10]}' for _ in phones]
    rng = random.Random(19)
    pages: list[Page] = [console, screen, *phones]
    try:
        await console.open()
        await console.click('Start', 'start-a7')  # the demo's leerdoelwijzer: every function group, each chooses
        await console.wait_for_text('Sluit en toon teambeeld')
        await screen.open()
        await asyncio.gather(*(phone.open() for phone in phones))
        await asyncio.gather(*(phone.join() for phone in phones))
        await asyncio.gather(*(phone.wait_for_text('Kies je functiegroep') for phone in phones))
        await asyncio.gather(*(fill_in(p, g, goal, rng) for p, g, goal in zip(phones, groups, goals, strict=True)))
        await screen.wait_for_text('4 van 4 klaar')
        await console.wait_for_text('4 van 4 klaar')

        every_item = {item for group in (SHOWN, SMALL) for item in items_of(group)}
        for shared in (console, screen):  # while open: not one item, not one answer word per item
            assert not [item for item in every_item if item in told(shared)], shared.path

        await console.click('Sluit en toon teambeeld', Console.NEXT_STEP)
        await screen.wait_for_text('Teambeeld')
        await console.wait_for_text('Teambeeld')
        assert any(item in told(screen) for item in items_of(SHOWN))  # the group of three is shown

        only_small = set(items_of(SMALL)) - set(items_of(SHOWN))
        for shared in (console, screen):
            text = told(shared)
            assert not [goal for goal in goals if goal in text], shared.path
            assert not [item for item in only_small if item in text], shared.path
        for n, phone in enumerate(phones):  # reloaded, each phone is given back its own goal, and no one else's
            await phone.reload()
            await phone.wait_for_button('Leerdoel opslaan')
            text = told(phone)
            assert goals[n] in text
            assert not [goal for i, goal in enumerate(goals) if i != n and goal in text]
        assert not [page.path for page in pages if page.disconnected]
    finally:
        await asyncio.gather(*(page.close() for page in pages))

    live_server.stop()
    pseudonyms = participant_ids(live_server.data_dir)
    assert len(pseudonyms) == 4
    store = Store(live_server.data_dir / 'samenspel.db')
    try:
        rooms, teams = Rooms(store), Teams(store)
        rooms.load()
        teams.load()
        room = rooms.get(code)
        (plan,) = [p for p in teams.all() if p.name == 'Team Publiekszaken']
        assert room is not None
        assert plan.state.measurements  # the close kept the team figures
        day = date.fromisoformat(plan.state.measurements[-1].at)
        downloads = {
            'summary.md': summary_markdown(room.state, 'nl'),
            'summary.csv': summary_csv(room.state, 'nl'),
            'report.md': session_report_markdown(room.state, plan.state, 'nl', now=0.0),
            'report.docx': docx_text(session_report_docx(room.state, plan.state, 'nl', now=0.0)),
            'plan.md': plan_markdown(plan.state, day, 'nl'),
            'plan.csv': plan_csv(plan.state, 'nl').decode('utf-8-sig'),
            'plan.docx': docx_text(plan_docx(plan.state, day, 'nl')),
            'plan.json': plan_json(plan.state),
        }
    finally:
        store.close()
    assert items_of(SHOWN)[0] in downloads['summary.md']
    for name, text in downloads.items():
        assert not [goal for goal in goals if goal in text], name
        assert not [item for item in only_small if item in text], name
        assert not [pid for pid in pseudonyms if pid in text], name
