"""Per-participant rate limits: a token bucket per pseudonym, so one phone (or script) cannot flood a room or its log.

Pure: the time is passed in. The facilitator is never limited; refusals change nothing and say so.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from .werkvormen.base import DomainError

BURST = 10  # commands a participant may give at once (a few quick revotes, a name change)
PER_SECOND = 2.0  # sustained rate after the burst
CODE_TRIES_PER_PAGE = (8, 0.2)  # wrong room codes one page may try: a few typos, then one every 5 s
CODE_TRIES_PER_ADDRESS = (30, 0.5)  # and one network address (a guest wifi's phones may share one)
PRUNE_AT = 10_000  # buckets kept before the full ones are forgotten (a full bucket is the same as none)


class TooFast(DomainError):
    key = 'error.too_fast'


@dataclass
class RateLimiter:
    burst: float = BURST
    per_second: float = PER_SECOND
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # id -> (tokens, last time)

    def take(self, who: str, now: float) -> None:
        """Use one token of `who`; raise TooFast when none is left."""
        if len(self._buckets) >= PRUNE_AT:
            self.prune(now)
        tokens, last = self._buckets.get(who, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.per_second)
        if tokens < 1:
            self._buckets[who] = (tokens, now)
            raise TooFast()
        self._buckets[who] = (tokens - 1, now)

    def has_token(self, who: str, now: float) -> bool:
        """Whether `who` could take a token now (without taking it)."""
        tokens, last = self._buckets.get(who, (self.burst, now))
        return min(self.burst, tokens + (now - last) * self.per_second) >= 1

    def prune(self, now: float) -> None:
        """Forget every bucket that has refilled: memory stays bounded by who was active recently."""
        self._buckets = {
            who: (tokens, last)
            for who, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.per_second < self.burst
        }


@dataclass
class CodeTries:
    """Wrong room codes, limited per page (its socket) and per network address, so codes cannot be tried out over
    the join page (one socket tried about 2,300 a second before). Only wrong codes use up tries: a room of phones
    behind one guest-wifi address that join with the right code is never held up."""

    per_address: RateLimiter = field(default_factory=lambda: RateLimiter(*CODE_TRIES_PER_ADDRESS))
    per_page: RateLimiter = field(default_factory=lambda: RateLimiter(*CODE_TRIES_PER_PAGE))

    def allowed(self, page: str, address: str, now: float) -> bool:
        return self.per_page.has_token(page, now) and (not address or self.per_address.has_token(address, now))

    def wrong(self, page: str, address: str, now: float) -> None:
        for limiter, who in ((self.per_page, page), (self.per_address, address)):
            if who:
                with contextlib.suppress(TooFast):
                    limiter.take(who, now)
