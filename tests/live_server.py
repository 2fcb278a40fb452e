"""The real server as a subprocess on a free loopback port, and Debian's chromium through Playwright."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from bench.server import free_port  # one way to find a free loopback port, for the bench and the tests

CHROMIUM = os.environ.get('SAMENSPEL_CHROMIUM', '/usr/bin/chromium')
CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
]
PHONE = {'viewport': {'width': 390, 'height': 844}, 'is_mobile': True, 'has_touch': True, 'device_scale_factor': 2}
LAPTOP = {'viewport': {'width': 1280, 'height': 800}}
# a log line of level WARNING or above (facilitation's log format: time, level, name), or a traceback's first line
LOGGED_PROBLEM = re.compile(r'^\S+ \S+ (WARNING|ERROR|CRITICAL) |^Traceback |^(WARNING|ERROR|CRITICAL):')


@dataclass
class LiveServer:
    """`python -m facilitation serve --demo` in its own data folder. Restartable, killable with SIGKILL."""

    data_dir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[str] | None = None
    output: list[str] = field(default_factory=list)
    allowed: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # (log line pattern, why it is expected)

    def allow(self, pattern: str, reason: str) -> None:
        """A WARNING/ERROR line matching `pattern` is what this test provokes on purpose (`reason`), not a failure."""
        self.allowed.append((re.compile(pattern), reason))

    def problems(self) -> list[str]:
        """The server's WARNING, ERROR and CRITICAL lines and tracebacks, except those allowed."""
        found = []
        for name in self.output:
            for line in Path(name).read_text(errors='replace').splitlines():
                if LOGGED_PROBLEM.search(line) and not any(p.search(line) for p, _ in self.allowed):
                    found.append(line)
        return found

    @property
    def url(self) -> str:
        return f'http://127.0.0.1:{self.port}'

    @property
    def admin_key(self) -> str:
        return (self.data_dir / 'admin.key').read_text().strip()

    def start(self, timeout: float = 30.0) -> None:
        log = open(self.data_dir.parent / f'server-{len(self.output)}.log', 'w')  # noqa: SIM115 - lives with process
        command = f'serve --host 127.0.0.1 --port {self.port} --public-url {self.url} --demo --data-dir'.split()
        self.process = subprocess.Popen(
            [sys.executable, '-m', 'facilitation', *command, str(self.data_dir)],
            # NiceGUI takes a process with PYTEST_CURRENT_TEST for its own test harness and ignores --port
            env={k: v for k, v in os.environ.items() if k != 'PYTEST_CURRENT_TEST'},
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=Path(__file__).parent.parent,
        )
        self.output.append(log.name)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f'server exited: {Path(log.name).read_text()}')
            try:
                if httpx.get(f'{self.url}/join', timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)  # polling a port that is not open yet: there is no event to await
        raise RuntimeError('server did not start in time')

    def demo_code(self) -> str:
        text = Path(self.output[-1]).read_text()
        match = re.search(r'/[jp]/([A-Z0-9]{5})', text)
        assert match, text
        return match.group(1)

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, as in a crash or a pulled power cord of the process."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def live_server(data_dir: Path) -> Iterator[LiveServer]:
    """The real server; a test fails when the server logged a warning or an error it did not allow (allow())."""
    data_dir.mkdir(parents=True, exist_ok=True)
    server = LiveServer(data_dir)
    server.start()
    yield server
    server.stop()
    if problems := server.problems():
        pytest.fail('the server logged warnings or errors:\n' + '\n'.join(problems[:40]), pytrace=False)
