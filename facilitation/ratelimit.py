"""Per-participant rate limits: a token bucket per pseudonym, so one phone (or script) cannot flood a room or its log.

Pure: the time is passed in. The facilitator is never limited; refusals change nothing and say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .formats.base import DomainError

BURST = 10  # commands a participant may give at once (a few quick revotes, a name change)
PER_SECOND = 2.0  # sustained rate after the burst
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

    def prune(self, now: float) -> None:
        """Forget every bucket that has refilled: memory stays bounded by who was active recently."""
        self._buckets = {
            who: (tokens, last)
            for who, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.per_second < self.burst
        }
