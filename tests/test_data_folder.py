"""The data folder against the real server: one server per folder, private files, a clear refusal of a folder that
would start wrong (nothing in it changed), what the start output shows, and a new admin key ending old grants."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bench.phones import Console, Page
from tests.live_server import LiveServer, free_port

ROOT = Path(__file__).parent.parent


def serve(
    data_dir: Path, *, limit_file_size: int | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Start a server that is expected to refuse the folder and exit (a server that starts is stopped by timeout)."""

    def limits() -> None:  # a disk that takes no more than `limit_file_size` bytes per file
        if limit_file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    env = {k: v for k, v in os.environ.items() if k != 'PYTEST_CURRENT_TEST'}
    port = str(free_port())
    command = [sys.executable, '-m', 'facilitation', 'serve', '--host', '127.0.0.1', '--port', port, '--demo']
    return subprocess.run(
        [*command, '--data-dir', str(data_dir)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        preexec_fn=limits,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    """The folder's files by content (the server's own lock file aside: it only says whether a server runs)."""
    files = (p for p in sorted(folder.iterdir()) if p.is_file() and p.name != 'samenspel.lock')
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """The server did not start, said why in words (all of `words`), and showed no traceback."""
    assert result.returncode == 1, result.stdout + result.stderr
    said = result.stderr
    assert 'Samenspel start niet.' in said, said
    for word in words:
        assert word in said, said
    assert 'Traceback' not in said + result.stdout


def test_a_second_server_on_the_same_folder_is_refused_and_the_first_carries_on(live_server: LiveServer) -> None:
    result = serve(live_server.data_dir)
    refused(result, 'Er draait al een Samenspel-server op de datamap')
    assert httpx.get(f'{live_server.url}/join', timeout=10).status_code == 200


def test_the_data_folder_and_its_files_are_private(live_server: LiveServer) -> None:
    folder = live_server.data_dir
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = [p for p in folder.rglob('*') if p.is_file()]
    assert {'samenspel.db', 'admin.key', 'storage.secret'} <= {p.name for p in files}
    loose = {str(p.relative_to(folder)): oct(stat.S_IMODE(p.stat().st_mode)) for p in files}
    assert {name: mode for name, mode in loose.items() if mode != oct(0o600)} == {}


def test_an_empty_database_file_is_refused_and_left_as_it_is(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / 'samenspel.db').write_bytes(b'')
    refused(serve(data_dir), 'is leeg (0 bytes)', 'back-up')
    assert (data_dir / 'samenspel.db').stat().st_size == 0


def test_a_file_that_is_no_database_is_refused_and_left_as_it_is(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / 'samenspel.db').write_bytes(b'dit is geen database\n' * 300)
    before = fingerprint(data_dir)
    refused(serve(data_dir), 'is beschadigd of is geen Samenspel-database')
    assert fingerprint(data_dir) == before


def test_a_damaged_database_is_refused(live_server: LiveServer) -> None:
    live_server.stop()
    database = live_server.data_dir / 'samenspel.db'
    data = bytearray(database.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b'\xff' * page  # a page in the middle of the log, overwritten
    database.write_bytes(bytes(data))
    refused(serve(live_server.data_dir), 'beschadigd')


def test_a_full_disk_at_start_is_told(data_dir: Path) -> None:
    refused(serve(data_dir, limit_file_size=2048), 'schijf')


def test_a_missing_write_ahead_log_after_a_crash_is_refused(live_server: LiveServer) -> None:
    live_server.kill()  # a crash: the last changes are in samenspel.db-wal
    wal = live_server.data_dir / 'samenspel.db-wal'
    assert wal.exists()
    wal.unlink()  # removed by hand, or by a clean-up tool
    before = fingerprint(live_server.data_dir)
    refused(serve(live_server.data_dir), 'samenspel.db-wal', 'ontbreekt')
    assert fingerprint(live_server.data_dir) == before


def test_a_clean_stop_and_a_crash_with_its_log_both_start_again(live_server: LiveServer) -> None:
    live_server.stop()
    live_server.start()
    live_server.kill()
    live_server.start()
    assert httpx.get(f'{live_server.url}/join', timeout=10).status_code == 200


def test_the_admin_link_is_printed_when_the_key_is_new_and_otherwise_where_the_key_is(
    live_server: LiveServer,
) -> None:
    first = Path(live_server.output[-1]).read_text()
    assert f'{live_server.url}/?token=' in first
    assert live_server.admin_key not in first  # a link, never the key itself
    live_server.stop()
    live_server.start()
    again = Path(live_server.output[-1]).read_text()
    assert 'token=' not in again  # output that is not a terminal may end up in a log
    assert live_server.admin_key not in again
    assert str(live_server.data_dir / 'admin.key') in again


async def test_a_new_admin_key_ends_the_grants_made_with_the_old_one(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    await console.open()
    await console.wait_for_text('Programma')
    await console.close()
    live_server.stop()
    (live_server.data_dir / 'admin.key').write_text('een-nieuwe-sleutel-van-de-beheerder')
    live_server.start()
    again = Page(live_server.url, f'/f/{code}', jar=console.jar)  # the same browser, its grant of the old key
    try:
        await again.open()
        assert again.shows('Alleen voor de begeleider')
        assert not again.shows('Programma')
    finally:
        await again.close()


@pytest.mark.parametrize('path', ['/join', '/f/ABCDE', '/p/ABCDE', '/static/samenspel.css'])
def test_every_response_forbids_framing_and_referrers_and_has_a_content_policy(
    live_server: LiveServer, path: str
) -> None:
    headers = httpx.get(f'{live_server.url}{path}', timeout=10).headers
    assert headers['referrer-policy'] == 'no-referrer'
    assert headers['x-frame-options'] == 'DENY'
    assert "frame-ancestors 'none'" in headers['content-security-policy']
    assert "default-src 'self'" in headers['content-security-policy']
