"""One LiveRoom per running session, and the registry of rooms (the only module-scope state is in its instance).

A room runs commands one at a time on the event loop: decide, append to the log (on disk), evolve, then tell its
watchers (the live parts of the pages of this room only) that it changed. There is no await between decide and
evolve, so no command ever sees a stale state.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import sqlite3
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from . import session
from .join import hash_key, key_matches, new_code, new_key, normalise_code, origin_pseudonym
from .ratelimit import RateLimiter
from .session import SessionCommand, SessionState
from .store import SessionRecord, Store
from .werkvormen.base import Actor, Context, Event, Role, SessionClosed

log = logging.getLogger(__name__)
T = TypeVar('T')

# Views hear of changes at most this often: a burst of votes redraws the projector ~10 times a second, not per vote.
# (The phone or console that gave a command refreshes itself at once; see ui.frame.run_command.)
ANNOUNCE_INTERVAL = 0.1


class LiveRoom:
    def __init__(
        self,
        store: Store,
        record: SessionRecord,
        state: SessionState,
        last_seq: int,
        clock: Callable[[], float],
    ) -> None:
        self.store = store
        # keys the pseudonyms of phones' network addresses in the audit log: random per session, in this process's
        # memory only and dropped when the session closes, so no file lets a pseudonym be traced back to an address
        self._origin_key = secrets.token_hex(32)
        self.record = record
        self.state = state
        self.last_seq = last_seq
        self.clock = clock
        self._watchers: dict[Callable[[], object], None] = {}  # an ordered set: O(1) to add and remove, with 1000s
        self._last_announced = 0.0
        self._announce_pending = False
        self.deleted = False
        self.limiter = RateLimiter()
        self._memo: dict[object, object] = {}
        self._memo_seq = last_seq

    @property
    def code(self) -> str:
        return self.record.code

    def execute(self, actor: Actor, command: SessionCommand, host: str = '') -> list[Event]:
        """Decide, persist, apply and announce one command. Returns the stored events.

        `host` is the network address the command came from; the audit log keeps it for staff devices and only a
        per-session pseudonym of it for phones. Raises DomainError (refused, nothing changes) or StorageError (not
        written, nothing changes).
        """
        if self.deleted:
            raise SessionClosed()
        now = self.clock()
        if actor.role is Role.PARTICIPANT:
            self.limiter.take(actor.id, now)
        events = session.decide(self.state, command, Context(actor, now))
        if not events:
            return []
        stored = self.store.append(self.record.id, self.last_seq, events, self._origin(actor, host))
        self.last_seq = stored[-1].seq  # on disk now: numbering goes on from here even if applying fails
        for event in stored:
            session.evolve(self.state, event)
        if self.state.closed:
            self._origin_key = secrets.token_hex(32)
        if log.isEnabledFor(logging.DEBUG):  # the event log is the record; this is for debugging only
            log.debug('%s %s/%s: %s', self.code, actor.role.value, actor.id, ', '.join(e.type for e in stored))
        self._announce()
        return stored

    def _origin(self, actor: Actor, host: str) -> str:
        if not host or actor.role is not Role.PARTICIPANT:
            return host
        return origin_pseudonym(self._origin_key, self.record.id, host)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """`compute()` once per version of the room: a projection shared by all its views is made once per change,
        not once per phone."""
        if self._memo_seq != self.last_seq:
            self._memo.clear()
            self._memo_seq = self.last_seq
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def _announce(self) -> None:
        """Tell the watchers now, or once at the end of the current interval when they were told less than one ago."""
        if self._announce_pending:
            return
        wait = self._last_announced + ANNOUNCE_INTERVAL - time.monotonic()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (scripts, the CLI): nobody is watching live
            wait = 0
        if wait <= 0:
            self._fire()
        else:
            self._announce_pending = True
            loop.call_later(wait, self._fire)

    def _fire(self) -> None:
        self._announce_pending = False
        self._last_announced = time.monotonic()
        for watcher in list(self._watchers):
            try:
                watcher()
            except Exception:  # one broken view must not keep the change from the others
                log.exception('a view of room %s failed to update', self.code)

    def nudge(self) -> None:
        """Something this room shows changed outside its own log (its team's plan): tell the watchers."""
        self._announce()

    def watch(self, watcher: Callable[[], object]) -> None:
        """Call `watcher()` after changes (coalesced: at most about ten times a second)."""
        self._watchers[watcher] = None

    def unwatch(self, watcher: Callable[[], object]) -> None:
        self._watchers.pop(watcher, None)

    def facilitator_key_matches(self, key: str) -> bool:
        return key_matches(key, self.record.key_hash)


class Rooms:
    """The registry: room code -> LiveRoom, filled from the log at start."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self._rooms: dict[str, LiveRoom] = {}

    def load(self) -> int:
        """Replay every session in the log; returns the number of events replayed."""
        total = 0
        for record in self.store.sessions():
            state = session.SessionState(record.id)
            last_seq = 0
            for event in self.store.iter_events(record.id):  # streamed: the log is never all in memory at once
                session.evolve(state, event)
                last_seq = event.seq
            self._rooms[record.code] = LiveRoom(self.store, record, state, last_seq, self.clock)
            total += last_seq
        return total

    def create(self, name: str, team: str = '', min_reveal: int = session.MIN_REVEAL_DEFAULT) -> tuple[LiveRoom, str]:
        """A new session with a fresh code; returns the room and its facilitator key (shown once, stored hashed).

        Raises DomainError for a bad name, StorageError when the log cannot be written.
        """
        key = new_key()
        while True:
            code = new_code(set(self._rooms))
            record = SessionRecord(uuid.uuid4().hex, code, hash_key(key), self.clock())
            state = SessionState(record.id)
            command = session.CreateSession(name, team, code, min_reveal)
            events = session.decide(state, command, session.facilitator(record.created_at))
            try:
                stored = self.store.create_session(record, events)
            except sqlite3.IntegrityError:
                continue  # the code was taken by a session this registry has not loaded; draw again
            break
        for event in stored:
            session.evolve(state, event)
        room = LiveRoom(self.store, record, state, stored[-1].seq, self.clock)
        self._rooms[code] = room
        return room, key

    def delete(self, room: LiveRoom) -> None:
        """Delete a session from the log and the registry; its open pages fall back to 'unknown session'."""
        self.store.delete_session(room.record.id)
        del self._rooms[room.code]
        room.deleted = True
        room.state.closed = True  # open pages say the session is closed; nothing can be written to it any more
        room._announce()

    def purge(self, older_than: float) -> list[str]:
        """Delete every session created more than `older_than` seconds ago; returns their codes."""
        cutoff = self.clock() - older_than
        old = [room for room in self._rooms.values() if room.record.created_at < cutoff]
        for room in old:
            self.delete(room)
        return [room.code for room in old]

    def get(self, raw_code: str) -> LiveRoom | None:
        code = normalise_code(raw_code)
        return self._rooms.get(code) if code else None

    def all(self) -> list[LiveRoom]:
        return sorted(self._rooms.values(), key=lambda room: room.record.created_at, reverse=True)
