"""Shared fixtures: a fresh data folder per test (the app reads SAMENSPEL_DATA_DIR), an in-memory store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitation.store import Store

pytest_plugins = ['tests.live_server', 'tests.browser']  # the real server, and chromium for the browser tests


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(':memory:')
    yield s
    s.close()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / 'data'
    monkeypatch.setenv('SAMENSPEL_DATA_DIR', str(folder))
    monkeypatch.setenv('SAMENSPEL_PUBLIC_URL', 'http://samenspel.test:8080')
    return folder
