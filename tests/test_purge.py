"""Retention: old sessions and all their answers are deleted, from the command line or by the server itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation import session as se
from facilitation.__main__ import age, main
from facilitation.live import Rooms
from facilitation.store import Store
from facilitation.werkvormen.base import SessionClosed

from .helpers import participant


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_purge_deletes_old_sessions_with_all_their_events(tmp_path: Path) -> None:
    clock = Clock(1_000_000.0)
    store = Store(tmp_path / 'samenspel.db')
    rooms = Rooms(store, clock)
    old, _ = rooms.create('Vorig jaar')
    old.execute(participant('p1'), se.Join('Ans'))
    clock.now += 91 * 86400
    recent, _ = rooms.create('Deze week')
    assert rooms.purge(90 * 86400) == [old.code]
    assert rooms.get(old.code) is None and rooms.get(recent.code) is recent
    assert store.events(old.record.id) == []
    assert [r.code for r in store.sessions()] == [recent.code]
    with pytest.raises(SessionClosed):  # a page still open on the deleted session can write nothing
        old.execute(participant('p1'), se.Rename('Bo'))
    assert store.events(old.record.id) == []


def test_purge_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(tmp_path / 'samenspel.db')
    Rooms(store).create('Oud')
    store.close()
    assert main(['purge', '--older-than', '0d', '--data-dir', str(tmp_path)]) == 0
    assert '1 sessie(s) verwijderd' in capsys.readouterr().out
    assert Store(tmp_path / 'samenspel.db').sessions() == []


@pytest.mark.parametrize(
    ('text', 'seconds'), [('90d', 90 * 86400), ('12h', 12 * 3600), ('30m', 1800), ('7', 7 * 86400)]
)
def test_ages(text: str, seconds: float) -> None:
    assert age(text) == seconds


def test_bad_age_is_refused_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(['purge', '--older-than', 'lang'])
    assert 'geen duur' in capsys.readouterr().err
