"""A click counts once: a forged pair of click events over a real socket on a button that creates or changes
something does it once (the server drops the second, whatever the page does). In chromium: test_browser_clicks."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

from bench.phones import Console, Page, PageError
from tests.live_server import LiveServer


def rows(server: LiveServer, sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        return db.execute(sql).fetchall()


def button_inside(page: Page, container_label: str, label: str) -> tuple[int, str]:
    """(element id, click listener id) of the button `label` inside the element labelled `container_label` (an
    expansion: the console has several buttons called 'Toevoegen')."""
    containers = [eid for eid, e in page.visible() if e.get('props', {}).get('label') == container_label]
    assert containers, page.texts()[:20]
    stack = [containers[0]]
    while stack:
        element = page.elements[stack.pop()]
        if element.get('tag') == 'q-btn' and element.get('props', {}).get('label') == label:
            stack_id = next(eid for eid, e in page.elements.items() if e is element)
            return int(stack_id), next(x['listener_id'] for x in element['events'] if x['type'] == 'click')
        stack.extend(str(child) for child in element.get('children', ()))
        for slot in element.get('slots', {}).values():
            stack.extend(str(child) for child in slot.get('ids', ()))
    raise PageError(f'no button {label!r} in {container_label!r}')


async def double_click(page: Page, target: tuple[int, str]) -> None:
    """Two click events on one button, the second as soon as the server has handled the first (a double click is
    slower than that). Returns once the server has handled both: socket.io acknowledges an event after its handler."""
    assert page.sio is not None
    element_id, listener_id = target
    for _ in range(2):
        event = {'id': element_id, 'client_id': page.client_id, 'listener_id': listener_id, 'args': []}
        await page.sio.call('event', event, timeout=page.timeout)


async def test_a_forged_double_click_on_werkvorm_toevoegen_adds_one_activity(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    added = "SELECT count(*) FROM events WHERE type = 'activity.added'"
    try:
        await console.open()
        before = rows(live_server, added)[0][0]
        await double_click(console, button_inside(console, 'Werkvorm toevoegen', 'Toevoegen'))
        assert rows(live_server, added)[0][0] == before + 1
    finally:
        await console.close()


async def test_a_forged_double_click_on_a_team_plans_toevoegen_adds_one_item(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    ((team_id,),) = rows(live_server, 'SELECT id FROM teams')
    plan = Page(live_server.url, f'/team/{team_id}', jar=console.jar)  # the console's browser: its admin grant
    items = "SELECT count(*) FROM events WHERE type = 'plan.item.added'"
    try:
        await console.open()
        await plan.open()
        await plan.fill('Activiteit', 'Samen de balie sluiten bij dreiging')
        before = rows(live_server, items)[0][0]
        await double_click(plan, button_inside(plan, 'Punt toevoegen', 'Toevoegen'))
        await plan.wait_for_text('Samen de balie sluiten bij dreiging')
        assert rows(live_server, items)[0][0] == before + 1
        assert sum(text == 'Samen de balie sluiten bij dreiging' for text in plan.texts()) == 1
    finally:
        await plan.close()
        await console.close()
