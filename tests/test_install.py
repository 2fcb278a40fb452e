"""Samenspel installed as a package, as the README's install steps do it: the wheel carries the content, session
plans and assets; in a fresh virtual environment outside the checkout, `facilitation serve --demo` starts from any
folder and a phone joins the demo session."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import time
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.phones import Phone
from tests.live_server import free_port

ROOT = Path(__file__).parent.parent
SHIPPED = ('content', 'sessions', 'assets')


@pytest.fixture(scope='module')
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from the checkout as `pip wheel .` builds it."""
    out = tmp_path_factory.mktemp('wheel')
    subprocess.run(
        [sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--quiet', '--wheel-dir', str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob('samenspel-*.whl')
    return found


def test_the_wheel_carries_the_content_session_plans_and_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in SHIPPED:
        shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / name).rglob('*') if p.is_file()}
        shipped = {p for p in shipped if '__pycache__' not in p}
        missing = {p for p in shipped if f'facilitation/_data/{p}' not in names}
        assert shipped and missing == set(), missing


def test_the_wheel_carries_the_words(wheel: Path) -> None:
    """The words are data beside their modules (strings.yaml): without them the installed package cannot start."""
    names = set(zipfile.ZipFile(wheel).namelist())
    words = {p.relative_to(ROOT).as_posix() for p in (ROOT / 'facilitation').rglob('*.yaml')}
    assert 'facilitation/strings.yaml' in words and 'facilitation/werkvormen/quiz/strings.yaml' in words
    assert words - names == set()


def fresh_venv(folder: Path) -> Path:
    """A new virtual environment whose site already holds Samenspel's dependencies (those of the test run's own
    environment, linked one by one, Samenspel's own checkout left out), so installing the wheel installs the wheel
    and no download is needed; pip still checks that every dependency the wheel names is there."""
    venv.create(folder, with_pip=True)
    own = sysconfig.get_paths()['purelib']
    linked = folder / 'dependencies'
    linked.mkdir()
    for entry in Path(own).iterdir():
        if not re.match(r'(samenspel|facilitation|__editable__|_samenspel)', entry.name, re.I):
            (linked / entry.name).symlink_to(entry)
    site = next((folder / 'lib').glob('python3*/site-packages'))
    (site / 'dependencies.pth').write_text(str(linked))
    return folder / ('Scripts' if os.name == 'nt' else 'bin')


@pytest.fixture
def installed(wheel: Path, tmp_path: Path) -> Iterator[Path]:
    """`pip install samenspel-….whl` into a fresh environment, as the README's install step; yields its bin."""
    bin_dir = fresh_venv(tmp_path / 'samenspel-venv')
    result = subprocess.run([bin_dir / 'pip', 'install', str(wheel)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'Successfully installed samenspel-' in result.stdout
    yield bin_dir


async def test_the_installed_command_serves_the_demo_from_any_folder_and_a_phone_joins(
    installed: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / 'elsewhere'  # not the checkout: nothing may be read from it
    elsewhere.mkdir()
    port = free_port()
    url = f'http://127.0.0.1:{port}'
    env = {k: v for k, v in os.environ.items() if k not in ('PYTEST_CURRENT_TEST', 'PYTHONPATH')}
    log = tmp_path / 'server.log'
    with log.open('w') as output:
        command = ['serve', '--host', '127.0.0.1', '--port', str(port), '--public-url', url, '--demo']
        server = subprocess.Popen(
            [installed / 'facilitation', *command, '--data-dir', 'data'],
            cwd=elsewhere,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        code = ''
        deadline = time.monotonic() + 60
        while not code and time.monotonic() < deadline:
            assert server.poll() is None, log.read_text()
            match = re.search(r'/j/([A-Z0-9]{5})', log.read_text())
            code = match.group(1) if match else ''
            time.sleep(0.1)  # the server prints once it is up: no event to await from outside the process
        assert code, log.read_text()
        assert 'Vóór de bijeenkomst: open' in log.read_text()  # how to check that phones reach this laptop
        assert (
            '_data'
            in subprocess.run(
                [installed / 'python', '-c', 'import facilitation.app as a; print(a.ROOT)'],
                capture_output=True,
                text=True,
                cwd=elsewhere,
                env=env,
                check=True,
            ).stdout
        )  # the package's own copy, not the checkout's
        assert httpx.get(f'{url}/static/samenspel.css', timeout=10).status_code == 200
        phone = Phone(url, code)
        try:
            await phone.open()
            await phone.join()
            await phone.wait_for_text('Je doet anoniem mee')
        finally:
            await phone.close()
        assert (elsewhere / 'data' / 'samenspel.db').exists()  # its data folder where it was started
    finally:
        server.terminate()
        server.wait(10)
