"""The event store: the only module that speaks SQL (through sqlite-utils).

An append-only log of events per session, written in one transaction per command in WAL mode, so what a command
acknowledged is on disk before anyone sees it, and a restart replays every session exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import sqlite_utils

from .incidents.model import FIELDS, Registration
from .werkvormen.base import Actor, Event, Role

migrations = sqlite_utils.Migrations('samenspel')


@migrations()
def m001_sessions_and_events(db: sqlite_utils.Database) -> None:
    db.table('sessions').create({'id': str, 'code': str, 'key_hash': str, 'created_at': float}, pk='id')
    db.table('sessions').create_index(['code'], unique=True)
    db.table('events').create(
        {
            'id': int,
            'session_id': str,
            'seq': int,
            'type': str,
            'actor_role': str,
            'actor_id': str,
            'at': float,
            'data': str,
        },
        pk='id',
    )
    db.table('events').create_index(['session_id', 'seq'], unique=True)


@migrations()
def m002_event_origin(db: sqlite_utils.Database) -> None:
    # the audit log's "from where": the network address of a staff device, a per-session pseudonym of a phone's
    db.table('events').add_column('origin', str, not_null_default='')


@migrations()
def m003_teams(db: sqlite_utils.Database) -> None:
    # a team owns sessions (by name) and one plan that outlives them; the plan's events are a stream of their own
    db.table('teams').create({'id': str, 'key': str, 'created_at': float}, pk='id')
    db.table('teams').create_index(['key'], unique=True)


@migrations()
def m004_incident_registrations(db: sqlite_utils.Database) -> None:
    # imported incident registrations: only the mapped, non-identifying fields (facilitation/incidents/model.py)
    db.table('incident_imports').create(
        {'id': str, 'source': str, 'file_name': str, 'rows': int, 'imported_at': float}, pk='id'
    )
    db.table('incidents').create(
        {'import_id': str, **{field: str for field in FIELDS}}, foreign_keys=[('import_id', 'incident_imports', 'id')]
    )
    db.table('incidents').create_index(['import_id'])
    db.table('incident_mappings').create({'source': str, 'mapping': str, 'updated_at': float}, pk='source')


class StorageError(Exception):
    """The log could not be written (full disk, read-only folder): the command did not happen.

    `key` names the interface's words for it; the database's own message (SQL, file names) is for the server's log
    only and never reaches a page."""

    def __init__(self, error: sqlite3.Error | str) -> None:
        super().__init__(str(error))
        self.key = f'error.storage.{storage_problem(error)}'


def storage_problem(error: sqlite3.Error | str) -> str:
    """What went wrong, in one word a person can act on: full, readonly, busy, corrupt or failed."""
    text = str(error).lower()
    if 'full' in text:
        return 'full'
    if 'readonly' in text or 'read-only' in text or 'unable to open' in text or 'permission' in text:
        return 'readonly'
    if 'locked' in text or 'busy' in text or 'unique constraint' in text:
        return 'busy'  # another program writes to the same log
    if 'malformed' in text or 'not a database' in text or 'corrupt' in text:
        return 'corrupt'
    return 'failed'


@dataclass(frozen=True)
class AuditRow:
    """One line of the audit log: who (role, pseudonymous id) did what, when, from where. Never a secret."""

    seq: int
    at: float
    role: str
    actor_id: str
    type: str
    origin: str


@dataclass(frozen=True)
class SessionRecord:
    id: str
    code: str
    key_hash: str
    created_at: float


@dataclass(frozen=True)
class TeamRecord:
    id: str  # also the id of its plan's stream of events
    key: str  # the team's name, normalised (how sessions find their team)
    created_at: float


@dataclass(frozen=True)
class ImportRecord:
    """One import of incident registrations: from which source (its saved mapping), which file, how many rows."""

    id: str
    source: str
    file_name: str
    rows: int
    imported_at: float


class Store:
    def __init__(self, path: str | Path) -> None:
        """Open (or create) the database at `path` (':memory:' for tests) and bring its schema up to date."""
        self.db = sqlite_utils.Database(path if path == ':memory:' else Path(path))
        self.path = None if path == ':memory:' else Path(path)
        if path != ':memory:':
            self.db.enable_wal()
            # WAL + NORMAL survives a crash of this process (SIGKILL); only an OS crash could lose the last commit
            self.db.execute('PRAGMA synchronous=NORMAL')
        self.db.execute('PRAGMA secure_delete=ON')  # a purged session's answers are overwritten, not left in free pages
        migrations.apply(self.db)
        # an import stopped halfway (its record is written last) left rows that count for nothing: away with them
        orphans = 'FROM incidents WHERE import_id NOT IN (SELECT id FROM incident_imports)'
        if self.db.execute(f'SELECT 1 {orphans} LIMIT 1').fetchone():
            with self.db.atomic():
                self.db.execute(f'DELETE {orphans}')

    def close(self) -> None:
        self.db.close()

    def create_session(self, record: SessionRecord, events: Iterable[Event]) -> list[Event]:
        """Register a session and append its first events in one transaction (a code already in use raises
        sqlite3.IntegrityError: the caller picks another)."""
        return self._create('sessions', record, events)

    def append(self, session_id: str, last_seq: int, events: Iterable[Event], origin: str = '') -> list[Event]:
        """Append events after `last_seq` atomically; return them numbered. Raises StorageError, writing nothing.

        `origin` is where the command came from, for the audit log (see LiveRoom.execute).
        """
        try:
            with self.db.atomic():
                return self._insert(session_id, last_seq, events, origin)
        except sqlite3.Error as error:
            raise StorageError(error) from error

    def _insert(self, session_id: str, last_seq: int, events: Iterable[Event], origin: str = '') -> list[Event]:
        numbered = [Event(e.type, e.data, e.actor, e.at, last_seq + i) for i, e in enumerate(events, start=1)]
        self.db.conn.executemany(
            'INSERT INTO events (session_id, seq, type, actor_role, actor_id, at, data, origin)'
            ' VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [
                (
                    session_id,
                    e.seq,
                    e.type,
                    e.actor.role.value,
                    e.actor.id,
                    e.at,
                    json.dumps(e.data, ensure_ascii=False),
                    origin,
                )
                for e in numbered
            ],
        )
        return numbered

    def create_team(self, record: TeamRecord, events: Iterable[Event]) -> list[Event]:
        """Register a team and append its plan's first events in one transaction (a name that is taken raises
        sqlite3.IntegrityError: the caller uses the existing team)."""
        return self._create('teams', record, events)

    def _create(self, table: str, record: SessionRecord | TeamRecord, events: Iterable[Event]) -> list[Event]:
        try:
            with self.db.atomic():
                self.db.table(table).insert(record.__dict__)
                return self._insert(record.id, 0, events)
        except sqlite3.IntegrityError:
            raise  # taken already: the caller knows what to do instead
        except sqlite3.Error as error:
            raise StorageError(error) from error

    def teams(self) -> list[TeamRecord]:
        return [TeamRecord(**row) for row in self.db['teams'].rows_where(order_by='created_at')]

    def sessions(self) -> list[SessionRecord]:
        return [SessionRecord(**row) for row in self.db['sessions'].rows_where(order_by='created_at')]

    def events(self, session_id: str) -> list[Event]:
        """All events of a session in order: the input of replay and of every export."""
        return list(self.iter_events(session_id))

    def iter_events(self, session_id: str) -> Iterator[Event]:
        """The events of a session in order, read as they are used (replay keeps no copy of the log)."""
        actors: dict[tuple[str, str], Actor] = {}  # one Actor object per participant, not one per event
        cursor = self.db.execute(
            'SELECT type, data, actor_role, actor_id, at, seq FROM events WHERE session_id = ? ORDER BY seq',
            [session_id],
        )
        for type_, data, role, actor_id, at, seq in cursor:
            actor = actors.get((role, actor_id))
            if actor is None:
                actor = actors[role, actor_id] = Actor(Role(role), actor_id)
            yield Event(type_, json.loads(data), actor, at, seq)

    def audit(self, session_id: str) -> Iterator[AuditRow]:
        """The audit log of a session: every event's who, what, when and from where (not its content)."""
        cursor = self.db.execute(
            'SELECT seq, at, actor_role, actor_id, type, origin FROM events WHERE session_id = ? ORDER BY seq',
            [session_id],
        )
        for row in cursor:
            yield AuditRow(*row)

    def session_by_code(self, code: str) -> SessionRecord | None:
        rows = list(self.db['sessions'].rows_where('code = ?', [code]))
        return SessionRecord(**rows[0]) if rows else None

    def delete_session(self, session_id: str) -> None:
        """Remove a session and all its events, in one transaction (privacy: nothing of it stays behind)."""
        try:
            with self.db.atomic():
                self.db.execute('DELETE FROM events WHERE session_id = ?', [session_id])
                self.db.execute('DELETE FROM sessions WHERE id = ?', [session_id])
        except sqlite3.Error as error:
            raise StorageError(error) from error

    def add_incidents(self, record: ImportRecord, registrations: Iterable[Registration]) -> None:
        """Keep one import and its registrations, all or nothing."""
        for _ in self.add_incidents_stepwise(record, registrations):
            pass

    def add_incidents_stepwise(
        self, record: ImportRecord, registrations: Iterable[Registration], rows_per_step: int = 5000
    ) -> Iterator[int]:
        """Keep one import `rows_per_step` registrations at a time, yielding how many are kept after each step, so
        the caller can let the event loop (every session) go on between them: each step is a short transaction of
        its own. All or nothing still: the import counts only once its record is written, last (the registrations
        are read through it); a failure removes what was written, a crash leaves rows that the next start removes."""
        columns = ', '.join(FIELDS)
        marks = ', '.join('?' * (len(FIELDS) + 1))
        rows = ((record.id, r.datum.isoformat(), *(r.value(f) for f in FIELDS[1:])) for r in registrations)
        kept = 0
        try:
            while step := list(islice(rows, rows_per_step)):
                with self.db.atomic():
                    self.db.conn.executemany(f'INSERT INTO incidents (import_id, {columns}) VALUES ({marks})', step)
                kept += len(step)
                yield kept
            with self.db.atomic():
                self.db.table('incident_imports').insert(record.__dict__)
        except GeneratorExit:  # the caller stopped halfway (its page went)
            self._forget_rows(record.id)
            raise
        except sqlite3.Error as error:
            self._forget_rows(record.id)
            raise StorageError(error) from error

    def _forget_rows(self, import_id: str) -> None:
        """Remove the rows of an import that was never recorded; what cannot be removed now counts for nothing (no
        record) and goes at the next start."""
        try:
            with self.db.atomic():
                self.db.execute('DELETE FROM incidents WHERE import_id = ?', [import_id])
        except sqlite3.Error:
            pass

    def incident_imports(self) -> list[ImportRecord]:
        return [ImportRecord(**row) for row in self.db['incident_imports'].rows_where(order_by='imported_at')]

    def delete_incident_import(self, import_id: str) -> None:
        """Remove one import and its registrations, in one transaction (overwritten: secure_delete)."""
        try:
            with self.db.atomic():
                self.db.execute('DELETE FROM incidents WHERE import_id = ?', [import_id])
                self.db.execute('DELETE FROM incident_imports WHERE id = ?', [import_id])
        except sqlite3.Error as error:
            raise StorageError(error) from error

    def incidents(self, afdeling: str | None = None) -> list[Registration]:
        """Every kept registration (of one afdeling: `afdeling`), oldest first. On a database file it reads over a
        connection of its own, so it may run in a worker thread while the event loop writes (WAL: readers never wait
        for the writer)."""
        where, args = ('AND afdeling = ?', [afdeling]) if afdeling is not None else ('', [])
        query = (
            f'SELECT {", ".join(FIELDS)} FROM incidents'
            f' WHERE import_id IN (SELECT id FROM incident_imports) {where} ORDER BY datum'
        )
        date = dt.date.fromisoformat
        with self._reader() as conn:
            return [Registration(date(row[0]), *row[1:]) for row in conn.execute(query, args)]

    def incident_afdelingen(self) -> list[str]:
        """The afdelingen the kept registrations name (not '' ), as a filter offers them."""
        query = (
            "SELECT DISTINCT afdeling FROM incidents WHERE afdeling != ''"
            ' AND import_id IN (SELECT id FROM incident_imports)'
        )
        with self._reader() as conn:
            return sorted((row[0] for row in conn.execute(query)), key=str.casefold)

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        if self.path is None:  # in memory (tests): only this connection sees the data
            yield self.db.conn
            return
        conn = sqlite3.connect(f'{self.path.resolve().as_uri()}?mode=ro', uri=True, check_same_thread=False)
        try:
            yield conn
        finally:
            conn.close()

    def incident_mapping(self, source: str) -> dict[str, object] | None:
        """The column mapping saved for `source` (a system or export the coördinator named), or None."""
        rows = list(self.db['incident_mappings'].rows_where('source = ?', [source]))
        return dict(json.loads(rows[0]['mapping'])) if rows else None

    def incident_sources(self) -> list[str]:
        return [row['source'] for row in self.db['incident_mappings'].rows_where(order_by='source')]

    def save_incident_mapping(self, source: str, mapping: dict[str, object], at: float) -> None:
        try:
            self.db.table('incident_mappings').upsert(
                {'source': source, 'mapping': json.dumps(mapping, ensure_ascii=False), 'updated_at': at}, pk='source'
            )
        except sqlite3.Error as error:
            raise StorageError(error) from error

    def quick_check(self) -> bool:
        """A fast check of the database's structure (at start: a damaged file is refused, not half-read)."""
        return bool(self.db.execute('PRAGMA quick_check').fetchone()[0] == 'ok')

    def check_integrity(self) -> bool:
        return self.db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
