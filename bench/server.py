"""A server under test as a subprocess on a free loopback port, and what /proc says about it (RSS, CPU time)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf('SC_CLK_TCK')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """`python -m <module> ...` in `folder` (its log goes there too); started, timed, stopped."""

    name: str
    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    started_in: float = 0.0  # seconds from spawning to the first answer of /join

    @property
    def url(self) -> str:
        return f'http://127.0.0.1:{self.port}'

    @property
    def log(self) -> Path:
        return self.folder / f'{self.name}.log'

    def command(self) -> list[str]:
        raise NotImplementedError

    @property
    def admin_key(self) -> str:
        raise NotImplementedError

    def demo_code(self) -> str:
        """The room code the phones join."""
        raise NotImplementedError

    def start(self, timeout: float = 120.0) -> float:
        """Spawn and wait until /join answers 200; returns (and keeps) the seconds that took."""
        self.folder.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k != 'PYTEST_CURRENT_TEST'}  # NiceGUI would run as a test
        began = time.monotonic()
        with open(self.log, 'ab') as log:
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        deadline = began + timeout
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f'{self.name} exited: {self.log.read_text()[-2000:]}')
                try:
                    if client.get(f'{self.url}/join').status_code == 200:
                        self.started_in = time.monotonic() - began
                        return self.started_in
                except httpx.TransportError:
                    pass
                time.sleep(0.02)  # polling a port that is not open yet: there is no event to await
        self.stop()
        raise RuntimeError(f'{self.name} did not answer within {timeout} s')

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, as in a crash."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def rss_kb(self) -> int:
        """VmRSS of the server process in kB."""
        status = Path(f'/proc/{self.pid}/status').read_text()
        match = re.search(r'^VmRSS:\s+(\d+) kB', status, re.M)
        assert match, status
        return int(match.group(1))

    def cpu_seconds(self) -> float:
        """utime + stime of the server process so far."""
        return proc_cpu_seconds(self.pid)


def integrity(data_dir: Path, copy_to: Path) -> str:
    """SQLite's integrity check on a copy of what a crash left (the database and its write-ahead log)."""
    copy_to.mkdir(parents=True)
    for name in ('samenspel.db', 'samenspel.db-wal'):
        if (data_dir / name).exists():
            shutil.copy(data_dir / name, copy_to / name)
    with contextlib.closing(sqlite3.connect(copy_to / 'samenspel.db')) as db:
        return str(db.execute('PRAGMA integrity_check').fetchone()[0])


def proc_cpu_seconds(pid: int | str = 'self') -> float:
    fields = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime (fields 14 and 15 of stat)


@dataclass
class Product(Server):
    """Samenspel: `python -m facilitation serve` with its own data folder (and the demo session)."""

    demo: bool = True

    @property
    def data_dir(self) -> Path:
        return self.folder / 'data'

    def command(self) -> list[str]:
        return [
            sys.executable,
            '-m',
            'facilitation',
            'serve',
            '--host',
            '127.0.0.1',
            '--port',
            str(self.port),
            '--data-dir',
            str(self.data_dir),
            '--public-url',
            self.url,
            *(['--demo'] if self.demo else []),
        ]

    @property
    def admin_key(self) -> str:
        return (self.data_dir / 'admin.key').read_text().strip()

    def demo_code(self) -> str:
        matches = re.findall(r'/[jp]/([A-Z0-9]{5})', self.log.read_text())
        assert matches, self.log.read_text()
        return str(matches[-1])


@dataclass
class Floor(Server):
    """bench/floor.py: the bare NiceGUI vote."""

    def command(self) -> list[str]:
        return [sys.executable, '-m', 'bench.floor', '--host', '127.0.0.1', '--port', str(self.port)]

    @property
    def admin_key(self) -> str:
        return 'floor'

    def demo_code(self) -> str:
        return 'FLOOR'
