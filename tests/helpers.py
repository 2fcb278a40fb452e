"""Small builders for the pure-logic tests: actors and contexts at a given time."""

from __future__ import annotations

from facilitation.formats.base import Actor, Context, Role

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
PROJECTOR = Actor(Role.PROJECTOR, 'projector')


def participant(pid: str) -> Actor:
    return Actor(Role.PARTICIPANT, pid)


def ctx(actor: Actor, now: float = 1000.0) -> Context:
    return Context(actor, now)
