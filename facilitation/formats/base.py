"""Shared vocabulary of the pure werkvorm modules: roles, actors, events, errors and text checks.

Nothing here imports NiceGUI or SQLite: formats stay pure functions of (state, command, context).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    FACILITATOR = 'facilitator'
    PARTICIPANT = 'participant'
    PROJECTOR = 'projector'


@dataclass(frozen=True)
class Actor:
    """Who gives a command. `id` is a pseudonymous per-session id for participants, never a device id."""

    role: Role
    id: str


@dataclass(frozen=True)
class Context:
    """Everything decide may know besides the state: who asks, and when (time is injected, never read)."""

    actor: Actor
    now: float
    participants: AbstractSet[str] = frozenset()  # who has joined the session (a werkvorm may divide them)

    def event(self, type_: str, **data: Any) -> Event:
        """An event of this command: stamped with the actor and the injected time."""
        return Event(type_, data, self.actor, self.now)


@dataclass(frozen=True)
class Event:
    """A fact that happened in a session. The store persists it before anyone sees its effect."""

    type: str
    data: dict[str, Any]
    actor: Actor
    at: float
    seq: int = field(default=0, compare=False)


class DomainError(Exception):
    """A command that is refused. `key` names the message in the string table; `params` fill it in."""

    key = 'error.refused'

    def __init__(self, **params: Any) -> None:
        super().__init__(f'{self.key} {params}' if params else self.key)
        self.params = params


class NotAllowed(DomainError):
    key = 'error.not_allowed'


class InvalidText(DomainError):
    key = 'error.invalid_text'


class TextTooLong(DomainError):
    key = 'error.text_too_long'


class EmptyText(DomainError):
    key = 'error.empty_text'


class UnknownItem(DomainError):
    key = 'error.unknown_item'


class WrongPhase(DomainError):
    key = 'error.wrong_phase'


class VotingClosed(DomainError):
    key = 'error.voting_closed'


class NotJoined(DomainError):
    key = 'error.not_joined'


class SessionClosed(DomainError):
    key = 'error.session_closed'


def require_role(ctx: Context, *roles: Role) -> None:
    """Raise NotAllowed unless the actor has one of `roles`: the server, not the page, decides."""
    if ctx.actor.role not in roles:
        raise NotAllowed(role=ctx.actor.role.value)


_CONTROL = re.compile(r'[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]')


def clean_text(value: object, field_name: str, max_len: int, *, required: bool = True, multiline: bool = False) -> str:
    """Normalise user text: NFC, no control or bidi-override characters, trimmed, within `max_len`.

    Raises EmptyText when required and empty, TextTooLong when over the limit, InvalidText for non-strings.
    HTML is *not* rejected: every view renders text as text, so `<script>` is shown literally.
    """
    if value is None:
        value = ''
    if not isinstance(value, str):
        raise InvalidText(field=field_name)
    text = unicodedata.normalize('NFC', value)
    if not multiline:
        text = text.replace('\n', ' ').replace('\t', ' ')
    text = _CONTROL.sub('', text).strip()
    if required and not text:
        raise EmptyText(field=field_name)
    if len(text) > max_len:
        raise TextTooLong(field=field_name, max=max_len)
    return text
