"""One-time tokens: the links that open a console, a projector or the admin pages.

A key in a URL ends up in the browser's history, in a proxy's log and in whatever the link is pasted into. A link
therefore carries a token that is good for one visit: the page trades it for a grant kept with this browser's
cookie and redirects to its address without it. Tokens live in the server's memory only (a restart ends them) and
expire after `TTL` seconds, used or not. The keys themselves are typed into the access page, never put in a link.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

TTL = 12 * 3600.0  # s: long enough for a link printed at start and clicked at the meeting, short enough to end
MAX_OPEN = 10_000  # tokens kept at once: the oldest go first (each costs a few hundred bytes)


class GrantKind(Enum):
    ADMIN = 'admin'  # every session and team
    CONSOLE = 'console'  # one session's console (and its team's plan)
    PROJECTOR = 'projector'  # one session's projector, nothing else


@dataclass(frozen=True)
class Grant:
    kind: GrantKind
    session_id: str = ''  # for CONSOLE and PROJECTOR


class OneTimeTokens:
    def __init__(self, clock: Callable[[], float] = time.monotonic, ttl: float = TTL) -> None:
        self.clock = clock
        self.ttl = ttl
        self._open: dict[str, tuple[Grant, float]] = {}  # token -> (grant, expiry); insertion order = age

    def issue(self, grant: Grant) -> str:
        """A new token for `grant` (192 random bits)."""
        while len(self._open) >= MAX_OPEN:
            del self._open[next(iter(self._open))]
        token = secrets.token_urlsafe(24)
        self._open[token] = (grant, self.clock() + self.ttl)
        return token

    def redeem(self, token: str) -> Grant | None:
        """The grant of `token`, once: the token is gone afterwards. None for an unknown, used or expired token."""
        found = self._open.pop(token, None)
        if found is None:
            return None
        grant, expiry = found
        return grant if self.clock() < expiry else None
