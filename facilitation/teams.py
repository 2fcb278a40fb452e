"""Teams and their plans, live: each plan replayed from its own stream in the log at start, changed by commands
(persisted before they take effect, like a session's), and announced to the open sessions of that team.

A session belongs to a team by name (the name given when it was made); the team and its plan are made the first time
a name is used, and outlive every session."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
import unicodedata
import uuid
from collections.abc import Callable

from . import teamplan as tp
from .store import Store, TeamRecord
from .werkvormen.base import Actor, Context, Event, Role

log = logging.getLogger(__name__)


def team_key(name: str) -> str:
    """How a team is found by name: case, accents' composition and spacing do not matter."""
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', name)).strip().casefold()


class TeamPlan:
    """One team's plan, its log's position and who to tell when it changes."""

    def __init__(self, store: Store, record: TeamRecord, state: tp.State, seq: int, clock: Callable[[], float]) -> None:
        self.store = store
        self.record = record
        self.state = state
        self.seq = seq
        self.clock = clock
        self.listeners: list[Callable[[TeamPlan], object]] = []

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.state.team.name

    def execute(self, actor: Actor, command: tp.Command, host: str = '') -> list[Event]:
        """Decide, persist, apply and announce one plan command. Raises DomainError or StorageError (nothing
        changes)."""
        events = tp.decide(self.state, command, Context(actor, self.clock()))
        if not events:
            return []
        stored = self.store.append(self.record.id, self.seq, events, host if actor.role is not Role.PARTICIPANT else '')
        self.seq = stored[-1].seq
        for event in stored:
            tp.evolve(self.state, event)
        for listener in list(self.listeners):
            try:
                listener(self)
            except Exception:  # a page that went away must not undo a stored change
                log.exception('a team plan listener failed')
        return stored


class Teams:
    """The registry: team id -> TeamPlan, filled from the log at start."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self._plans: dict[str, TeamPlan] = {}
        self.listeners: list[Callable[[TeamPlan], object]] = []  # told of every change of every plan

    def load(self) -> int:
        total = 0
        for record in self.store.teams():
            state, seq = tp.State(), 0
            for event in self.store.iter_events(record.id):
                tp.evolve(state, event)
                seq = event.seq
            self._add(TeamPlan(self.store, record, state, seq, self.clock))
            total += seq
        return total

    def _add(self, plan: TeamPlan) -> TeamPlan:
        plan.listeners.append(self._changed)
        self._plans[plan.id] = plan
        return plan

    def _changed(self, plan: TeamPlan) -> None:
        for listener in list(self.listeners):
            listener(plan)

    def get(self, team_id: str) -> TeamPlan | None:
        return self._plans.get(team_id)

    def for_name(self, name: str) -> TeamPlan | None:
        key = team_key(name)
        return next((p for p in self._plans.values() if p.record.key == key), None) if key else None

    def ensure(self, name: str) -> TeamPlan:
        """The team of this name, made (with an empty plan) when it does not exist yet. Raises DomainError for a bad
        name, StorageError when the log cannot be written."""
        found = self.for_name(name)
        if found is not None:
            return found
        record = TeamRecord(f'team-{uuid.uuid4().hex}', team_key(name), self.clock())
        state = tp.State()
        events = tp.decide(state, tp.SetTeam(name), Context(Actor(Role.FACILITATOR, 'facilitator'), self.clock()))
        try:
            stored = self.store.create_team(record, events)
        except sqlite3.IntegrityError:  # made meanwhile by another registry on the same log
            self.load()
            found = self.for_name(name)
            assert found is not None
            return found
        for event in stored:
            tp.evolve(state, event)
        return self._add(TeamPlan(self.store, record, state, stored[-1].seq, self.clock))

    def all(self) -> list[TeamPlan]:
        return sorted(self._plans.values(), key=lambda p: p.name.casefold())
