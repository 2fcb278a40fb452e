"""Small builders for the pure-logic tests: actors and contexts at a given time."""

from __future__ import annotations

from facilitation import session as se
from facilitation.werkvormen.base import Actor, Context, DomainError, Event, Role

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
PROJECTOR = Actor(Role.PROJECTOR, 'projector')


def participant(pid: str) -> Actor:
    return Actor(Role.PARTICIPANT, pid)


def ctx(actor: Actor, now: float = 1000.0) -> Context:
    return Context(actor, now)


def fold(
    commands: list[tuple[Actor, object]], start: tuple[se.SessionState, list[Event]] | None = None
) -> tuple[se.SessionState, list[Event]]:
    """Give the commands one by one (a second apart) to a fresh session (or to `start`, a session and its log) as the
    room would: a refused one changes nothing and is skipped. Returns the session and its log (the property tests'
    playground)."""
    state, log = start if start is not None else (se.SessionState('sid'), [])
    for now, (actor, command) in enumerate(commands, start=1):
        try:
            events = se.decide(state, command, Context(actor, float(now)))  # type: ignore[arg-type]
        except DomainError:
            continue
        for event in events:
            log.append(event)
            se.evolve(state, event)
    return state, log
