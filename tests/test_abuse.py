"""Abuse and accountability against the real server: join flooding is limited per device, the audit log says who
did what, when and from where — a staff device's address, only a pseudonym of a phone's — and holds no secrets.

Simulated devices connect from addresses of their own (127.1.x.y: all of 127/8 is loopback on Linux), as phones
on a LAN do.
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
import time
from functools import partial

import httpx

from bench.phones import Console, Page, Phone
from facilitation.join import origin_pseudonym
from facilitation.ratelimit import CODE_TRIES_PER_ADDRESS, CODE_TRIES_PER_PAGE
from facilitation.ui.flood import PAGE_BURST, PAGE_PER_SECOND
from tests.live_server import LiveServer

from .test_phone_simulator import participant_of


def told_times(page: Page, times: int) -> bool:
    return len(page.notifications) == times


def participant_session_id(server: LiveServer, code: str) -> str:
    with contextlib.closing(sqlite3.connect(f'file:{server.data_dir / "samenspel.db"}?mode=ro', uri=True)) as db:
        return str(db.execute('SELECT id FROM sessions WHERE code = ?', [code]).fetchone()[0])


def get(server: LiveServer, path: str, address: str | None = None) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=address) if address else None
    with httpx.Client(transport=transport, timeout=10) as client:
        return client.get(server.url + path)


def test_a_device_that_floods_the_join_page_is_refused_and_others_are_not(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    flooding = '127.1.0.9'
    with httpx.Client(transport=httpx.HTTPTransport(local_address=flooding), timeout=10) as script:
        began = time.monotonic()
        statuses = [script.get(f'{live_server.url}/j/{code}').status_code for _ in range(PAGE_BURST + 10)]
        took = time.monotonic() - began
        refused = script.get(f'{live_server.url}/j/{code}')
    assert statuses[:PAGE_BURST] == [200] * PAGE_BURST  # what a person does (reloads, language switch) is never refused
    # after the burst, only what the bucket refilled meanwhile (one every two seconds) gets through
    assert statuses.count(200) <= PAGE_BURST + 1 + int(took * PAGE_PER_SECOND)
    assert refused.status_code == 429
    assert 'Probeer het over een minuut opnieuw' in refused.text and refused.headers['retry-after'] == '60'
    assert get(live_server, '/static/samenspel.css', flooding).status_code == 200  # static files are not counted

    assert get(live_server, f'/j/{code}', '127.1.0.10').status_code == 200  # another phone joins as usual
    assert get(live_server, f'/j/{code}').status_code == 200  # the laptop itself is never limited


async def test_the_audit_log_says_who_did_what_when_and_from_where_without_secrets(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    phone_address = '127.1.0.7'
    console = Console(live_server.url, code, live_server.admin_key)
    phone = Phone(live_server.url, code, address=phone_address)
    try:
        await console.open()
        await console.step('Toon eerste stelling')
        await console.step('Open stemming')
        await phone.open()
        await phone.join()
        await phone.wait_for_button('Eens')
        await phone.vote('eens')
        await phone.wait_for_text('Je stem is opgeslagen: Eens')
    finally:
        await console.close()
        await phone.close()

    audit = subprocess.run(
        [sys.executable, '-m', 'facilitation', 'audit', code.lower(), '--data-dir', str(live_server.data_dir)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line.split('\t') for line in audit.splitlines()[1:]]
    by_type = {what: (role, who, origin) for _, role, who, what, origin in rows}

    assert by_type['statement.shown'] == ('facilitator', 'facilitator', '127.0.0.1')  # staff: the address itself
    role, who, origin = by_type['vote.cast']
    assert (role, who) == ('participant', participant_of(live_server, code, phone))
    assert origin.startswith('net-')  # a phone: a per-session pseudonym of its address
    assert by_type['participant.joined'][2] == origin  # the same device, recognisably, within the session
    assert phone_address not in audit
    # and no file in the data folder can trace it back: the key of the pseudonyms was never written anywhere
    session_id = participant_session_id(live_server, code)
    for path in live_server.data_dir.iterdir():
        if path.is_file() and path.stat().st_size < 1000:
            secret = path.read_text(errors='replace').strip()
            assert origin_pseudonym(secret, session_id, phone_address) != origin, path.name
    assert live_server.admin_key not in audit
    assert 'eens' not in audit.lower()  # what people answered is not in the audit log


async def test_the_pages_of_one_address_together_try_no_more_room_codes_than_its_limit(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    address = '127.1.0.40'  # a script opening page after page, each below the per-page limit (or a shared guest wifi)
    per_page, _ = CODE_TRIES_PER_PAGE
    per_address, address_refill = CODE_TRIES_PER_ADDRESS
    pages = [Page(live_server.url, '/join', address=address) for _ in range(5)]
    elsewhere = Page(live_server.url, '/join', address='127.1.0.41')
    try:
        for page in pages:
            await page.open()
            await page.fill('Sessiecode', 'ZZZZZ')
        began = time.monotonic()
        for _ in range(per_page):  # each page tries as many as its own limit lets it: it alone is never held up
            for page in pages:
                await page.press_enter('Sessiecode')
        for page in pages:
            await page.wait_until(partial(told_times, page, per_page))
        took = time.monotonic() - began
        told = [n for page in pages for n in page.notifications]
        answered = sum(not n.startswith('Te veel pogingen') for n in told)
        assert len(told) == per_page * len(pages) > per_address
        # the address as a whole got its limit of answers (and what refilled meanwhile), the rest only "too many"
        assert per_address <= answered <= per_address + 1 + took * address_refill
        assert all(page.navigations == [] for page in pages)

        await elsewhere.open()  # the limit is the address's: a phone elsewhere on the network joins as usual
        await elsewhere.fill('Sessiecode', code)
        await elsewhere.click('Ga verder')
        await elsewhere.wait_until(lambda: bool(elsewhere.navigations))
        assert elsewhere.navigations == [f'/j/{code}']
    finally:
        for page in (*pages, elsewhere):
            await page.close()


def test_the_audit_of_an_unknown_code_says_so(live_server: LiveServer) -> None:
    result = subprocess.run(
        [sys.executable, '-m', 'facilitation', 'audit', 'ZZZZZ', '--data-dir', str(live_server.data_dir)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and 'Geen sessie' in result.stderr


async def test_room_codes_cannot_be_tried_out_over_the_join_pages_socket(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    guesser = Page(live_server.url, '/join', address='127.1.0.30')
    neighbour = Page(live_server.url, '/join', address='127.1.0.31')  # another phone on the network
    try:
        await guesser.open()
        for _ in range(12):  # wrong codes as fast as the socket takes them (by Enter: repeated clicks on one button
            await guesser.fill('Sessiecode', 'ZZZZZ')  # are dropped as double clicks before they reach the page)
            await guesser.press_enter('Sessiecode')
        await guesser.fill('Sessiecode', code)  # the right one is no answer either now: guessing tells nothing
        await guesser.click('Ga verder')
        await guesser.wait_until(lambda: len(guesser.notifications) == 13)
        assert guesser.notifications[:8] == [guesser.notifications[0]] * 8
        assert all(n.startswith('Te veel pogingen') for n in guesser.notifications[8:])
        assert guesser.navigations == []

        await neighbour.open()
        await neighbour.fill('Sessiecode', code)
        await neighbour.click('Ga verder')
        await neighbour.wait_until(lambda: bool(neighbour.navigations))
        assert neighbour.navigations == [f'/j/{code}']
    finally:
        await guesser.close()
        await neighbour.close()
