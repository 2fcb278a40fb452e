"""The event log: what is appended replays to the same rooms; a failed command leaves nothing behind."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from facilitation import session as se
from facilitation.export import summary_csv, summary_markdown
from facilitation.i18n import translate
from facilitation.live import Rooms
from facilitation.store import ImportRecord, StorageError, Store
from facilitation.werkvormen.base import Event
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, participant
from .test_trend_analysis import many


def stellingen_room(rooms: Rooms):
    room, key = rooms.create('Werkoverleg', 'Team Balie')
    room.execute(FACILITATOR, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'A'}]}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    room.execute(FACILITATOR, se.ForActivity('a1', st.ShowStatement('s1')))
    room.execute(FACILITATOR, se.ForActivity('a1', st.OpenVoting()))
    return room, key


def test_appended_events_replay_to_the_same_rooms(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite')
    rooms = Rooms(store)
    room, key = stellingen_room(rooms)
    for pid, choice in [('p1', 'eens'), ('p2', 'oneens'), ('p1', 'oneens')]:
        room.execute(participant(pid), se.Join())
        room.execute(participant(pid), se.ForActivity('a1', st.CastVote(choice)))
    store.close()

    reopened = Rooms(Store(tmp_path / 'db.sqlite'))
    assert reopened.load() == room.last_seq
    again = reopened.get(room.code.lower())
    assert again is not None
    assert again.state == room.state
    assert again.last_seq == room.last_seq
    assert again.facilitator_key_matches(key) and not again.facilitator_key_matches(key + 'x')


def test_half_written_command_leaves_nothing(store: Store) -> None:
    rooms = Rooms(store)
    room, _ = stellingen_room(rooms)
    store.db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.type = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    before = store.events(room.record.id)
    ok = Event('participant.joined', {'name': ''}, participant('p9'), 1.0)
    boom = Event('boom', {}, participant('p9'), 1.0)
    with pytest.raises(StorageError):
        store.append(room.record.id, room.last_seq, [ok, boom])
    assert store.events(room.record.id) == before


def test_command_that_cannot_be_written_changes_nothing(store: Store) -> None:
    rooms = Rooms(store)
    room, _ = stellingen_room(rooms)
    room.execute(participant('p1'), se.Join())
    store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'read-only'); END")
    with pytest.raises(StorageError):
        room.execute(participant('p1'), se.ForActivity('a1', st.CastVote('eens')))
    assert st.voted(room.state.activities['a1'].state) == 0


def test_codes_are_unique_and_case_insensitive(store: Store) -> None:
    rooms = Rooms(store)
    codes = {rooms.create(f'Sessie {i}')[0].code for i in range(30)}
    assert len(codes) == 30
    code = next(iter(codes))
    assert rooms.get(code.lower()) is rooms.get(f' {code[:2]}-{code[2:]} ')
    assert rooms.get('OOOOO') is None and rooms.get('') is None


def test_integrity_check_passes_on_a_used_database(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite')
    stellingen_room(Rooms(store))
    assert store.check_integrity()


def test_csv_keeps_formula_like_notes_as_text(store: Store) -> None:
    room, _ = stellingen_room(Rooms(store))
    room.execute(FACILITATOR, se.ForActivity('a1', st.SaveDiscussion('s1', '=HYPERLINK("x")', '- eerste punt')))
    text = summary_csv(room.state)
    assert "'=HYPERLINK" in text
    assert "'- eerste punt" in text


def test_a_log_written_under_older_rules_still_replays(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite')
    room, _ = stellingen_room(Rooms(store))
    old_style = {'statements': [{'text': 'x' * 400, 'clip': '', 'note': ''}]}  # longer than today's limit
    store.append(
        room.record.id,
        room.last_seq,
        [
            Event(
                'activity.added',
                {'activity': 'a2', 'kind': 'statements', 'title': 'Oud', 'config': old_style},
                FACILITATOR,
                2.0,
            )
        ],
    )
    store.close()
    reopened = Rooms(Store(tmp_path / 'db.sqlite'))
    reopened.load()
    again = reopened.get(room.code)
    assert again is not None and again.state.activities['a2'].state.statements['s1'].text == 'x' * 400


def test_exports_contain_no_pseudonyms_or_device_ids(store: Store) -> None:
    room, _ = stellingen_room(Rooms(store))
    for pid in ['p1a2b3c4d5e6f7a', 'p9f8e7d6c5b4a3b', 'p0123456789abcd']:
        room.execute(participant(pid), se.Join())
        room.execute(participant(pid), se.ForActivity('a1', st.CastVote('eens')))
    room.execute(FACILITATOR, se.ForActivity('a1', st.CloseVoting()))
    room.execute(FACILITATOR, se.ForActivity('a1', st.Reveal()))
    for text in (summary_markdown(room.state), summary_csv(room.state)):
        assert 'Eens 3 (100%)' in text or ',3,0,3,' in text
        assert not any(pid in text for pid in ['p1a2b3c4d5e6f7a', 'p9f8e7d6c5b4a3b', 'p0123456789abcd'])


@pytest.mark.parametrize(
    ('message', 'key'),
    [
        ('database or disk is full', 'error.storage.full'),
        ('attempt to write a readonly database', 'error.storage.readonly'),
        ('unable to open database file', 'error.storage.readonly'),
        ('database is locked', 'error.storage.busy'),
        ('UNIQUE constraint failed: events.session_id, events.seq', 'error.storage.busy'),  # a second writer
        ('database disk image is malformed', 'error.storage.corrupt'),
        ('disk I/O error', 'error.storage.failed'),
    ],
)
def test_a_storage_error_is_told_in_words_never_in_the_databases_own(message: str, key: str) -> None:
    error = StorageError(sqlite3.OperationalError(message))
    assert error.key == key
    for lang in ('nl', 'en'):
        told = translate(lang, error.key)
        assert message.split(':')[0].lower() not in told.lower() and 'sql' not in told.lower()


# --- imported incident registrations: written in steps, counted only when whole, read off the event loop ------------


def same(registrations: list) -> list[str]:
    return sorted(map(repr, registrations))


def test_an_import_written_in_steps_counts_only_once_whole_and_is_read_from_another_thread(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite')
    earlier, found = many(30, seed=1), many(12_000, seed=2)
    store.add_incidents(ImportRecord('i1', 'GIR', 'a.csv', len(earlier), 0.0), earlier)
    steps = store.add_incidents_stepwise(ImportRecord('i2', 'GIR', 'b.csv', len(found), 1.0), found)
    assert next(steps) == 5000
    with ThreadPoolExecutor(1) as worker:  # as the trend page reads: in a thread, over a connection of its own
        assert same(worker.submit(store.incidents).result()) == same(earlier)  # half an import counts for nothing
        assert list(steps) == [10_000, 12_000]
        assert same(worker.submit(store.incidents).result()) == same(earlier + found)
        assert worker.submit(store.incident_afdelingen).result() == sorted({r.afdeling for r in found + earlier})


def test_an_import_that_fails_halfway_keeps_nothing_of_it(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite')
    earlier = many(30, seed=1)
    store.add_incidents(ImportRecord('i1', 'GIR', 'a.csv', len(earlier), 0.0), earlier)
    pages = store.db.execute('PRAGMA page_count').fetchone()[0]
    store.db.execute(f'PRAGMA max_page_count = {pages + 400}')  # the disk fills up during the import
    written = []
    with pytest.raises(StorageError) as refused:
        written += store.add_incidents_stepwise(ImportRecord('i2', 'GIR', 'b.csv', 50_000, 1.0), many(50_000, seed=2))
    assert refused.value.key == 'error.storage.full'
    assert written and written[-1] < 50_000  # some steps were on disk before it failed
    assert same(store.incidents()) == same(earlier)
    assert [r.id for r in store.incident_imports()] == ['i1']
    assert store.db.execute('SELECT count(*) FROM incidents').fetchone()[0] == len(earlier)


def test_what_a_crash_during_an_import_left_is_gone_at_the_next_start(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite')
    earlier = many(30, seed=1)
    store.add_incidents(ImportRecord('i1', 'GIR', 'a.csv', len(earlier), 0.0), earlier)
    steps = store.add_incidents_stepwise(ImportRecord('i2', 'GIR', 'b.csv', 9000, 1.0), many(9000, seed=2))
    next(steps)  # the first step is on disk; then the process dies (its record was never written)
    with sqlite3.connect(tmp_path / 'db.sqlite') as other:
        assert other.execute('SELECT count(*) FROM incidents').fetchone()[0] == len(earlier) + 5000
    reopened = Store(tmp_path / 'db.sqlite')
    assert reopened.db.execute('SELECT count(*) FROM incidents').fetchone()[0] == len(earlier)
    assert same(reopened.incidents()) == same(earlier)
