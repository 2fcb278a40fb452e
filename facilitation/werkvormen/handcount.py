"""Hand counts: people in the room who answer without a phone (green and red cards, a corner of the room, standing
up), counted by the facilitator and recorded beside the phones' answers. Pure, shared by the werkvormen."""

from __future__ import annotations

from dataclasses import dataclass

from .base import DomainError

MAX_COUNT = 1000  # far above a room; a typo of an extra digit is refused rather than counted


class InvalidCount(DomainError):
    key = 'error.count'


def checked_count(value: object) -> int:
    """A number of people: a whole number from 0 to MAX_COUNT, else InvalidCount (nothing changes)."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        raise InvalidCount(max=MAX_COUNT)
    return value


@dataclass(frozen=True)
class Channels:
    """How many answered on a phone and how many were counted in the room (for "x via telefoon, y in de zaal")."""

    phone: int
    room: int

    @property
    def total(self) -> int:
        return self.phone + self.room
