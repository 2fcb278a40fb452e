"""Shared vocabulary of the pure werkvorm modules: roles, actors, commands, events, errors and text checks.

Nothing here imports NiceGUI or SQLite: formats stay pure functions of (state, command, context).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, Protocol, TypeVar


class Role(StrEnum):
    FACILITATOR = 'facilitator'
    PARTICIPANT = 'participant'
    PROJECTOR = 'projector'


FACILITATOR = frozenset({Role.FACILITATOR})
PARTICIPANT = frozenset({Role.PARTICIPANT})
BOTH = FACILITATOR | PARTICIPANT


class Command:
    """A command: a frozen dataclass under its own base (QuizCommand, SessionCommand, ...) declaring who may give it.

    The ROLES table of a werkvorm (and of the session and the team plan) is derived from these declarations
    (`roles_of`). decide looks the command's type up in that table rather than trusting the object's own `roles`:
    a type that is not in it is no command there. tests/test_authorisation.py checks every pair.
    """

    roles: ClassVar[frozenset[Role]]


def roles_of(*bases: type[Command]) -> dict[type, frozenset[Role]]:
    """Who may give which command: every command under `bases` (a werkvorm's own base, and the shared ones it
    accepts, such as TimerCommand), in the order they are defined. A command is a class under a base that has no
    subclasses of its own; one that does not declare its roles in its own body is an error here, at import, rather
    than a command nobody (or everybody) may give."""
    table: dict[type, frozenset[Role]] = {}
    for base in bases:
        for command in _commands(base):
            roles = vars(command).get('roles')
            if not isinstance(roles, frozenset) or not roles or not all(isinstance(r, Role) for r in roles):
                raise TypeError(f'{command.__module__}.{command.__qualname__} declares no roles that may give it')
            table[command] = roles
    return table


def _commands(base: type) -> list[type]:
    subclasses: list[type] = base.__subclasses__()
    return [leaf for sub in subclasses for leaf in (_commands(sub) if sub.__subclasses__() else [sub])]


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
    min_reveal: int | None = None  # the session's minimum group size now (None: no session, as in unit tests)
    is_named: Callable[[str], bool] = field(default=lambda participant_id: False)  # chose a name (else: anonymous)

    def event(self, type_: str, **data: Any) -> Event:
        """An event of this command: stamped with the actor and the injected time."""
        return Event(type_, data, self.actor, self.now)

    def closing(self, type_: str, **data: Any) -> Event:
        """An event that closes an input or reveals its result: it records the minimum group size in force now.

        That recorded minimum, not the setting of the moment, decides what the result shows from then on, so
        lowering the setting afterwards never reveals what was hidden under it (see `minimum_of`).
        """
        if self.min_reveal is not None:
            data['min_reveal'] = self.min_reveal
        return self.event(type_, **data)


@dataclass(frozen=True)
class Event:
    """A fact that happened in a session. The store persists it before anyone sees its effect."""

    type: str
    data: dict[str, Any]
    actor: Actor
    at: float
    seq: int = field(default=0, compare=False)


MIN_REVEAL_DEFAULT = 3  # the session's default, and what a projection assumes when it is given none


def minimum_of(recorded: int | None, current: int) -> int:
    """The minimum group size that applies to a closed result: the one recorded when it closed; a log from before
    the minimum was recorded falls back to the session's current one."""
    return recorded if recorded is not None else current


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


# --- a clock the facilitator controls (WCAG 2.2.1: timing adjustable), for every werkvorm with a time limit -----


class TimerCommand(Command):
    """The clock's commands: a werkvorm with a time limit accepts them (`roles_of(..., TimerCommand)`)."""


@dataclass(frozen=True)
class PauseTimer(TimerCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class ResumeTimer(TimerCommand):
    roles = FACILITATOR


@dataclass(frozen=True)
class ExtendTimer(TimerCommand):
    roles = FACILITATOR
    seconds: int = 30


@dataclass(frozen=True)
class StopTimer(TimerCommand):
    """No time limit any more (the facilitator skips the clock)."""

    roles = FACILITATOR


@dataclass(frozen=True)
class ClockOffer:
    """Which of the clock's buttons a console offers now (ui/controls.timer_buttons shows them)."""

    pause: bool = False
    resume: bool = False
    extend: bool = False
    stop: bool = False


MAX_EXTEND = 3600


def timer_change(
    deadline: float | None, left: float | None, command: TimerCommand, now: float
) -> tuple[float | None, float | None] | None:
    """The clock as (deadline when running, seconds left when paused) after `command`; None when nothing changes.

    Raises WrongPhase for pausing a clock that is not running, resuming one that is not paused, or a bad extension.
    """
    match command:
        case PauseTimer():
            if deadline is None:
                raise WrongPhase(phase='timer')
            return None, max(0.0, deadline - now)
        case ResumeTimer():
            if left is None:
                raise WrongPhase(phase='timer')
            return now + left, None
        case StopTimer():
            return None if deadline is None and left is None else (None, None)
        case ExtendTimer(seconds):
            if not isinstance(seconds, int) or isinstance(seconds, bool) or not 1 <= seconds <= MAX_EXTEND:
                raise WrongPhase(phase='timer')
            if left is not None:
                return None, left + seconds
            return (max(now, deadline) if deadline is not None else now) + seconds, None
    raise WrongPhase(phase='timer')


# --- moderation: what a participant sends is held for the facilitator, who shows or refuses it (arena, dilemma) ----

HELD = 'pending'  # the status of what waits for the facilitator, as every werkvorm's log writes it


class ModerationCommand(Command):
    """The facilitator's verdict on what was held: a werkvorm that holds accepts these (`roles_of(...,
    ModerationCommand)`); it names the statuses (shown, refused) in its own words, as its log does."""


@dataclass(frozen=True)
class Approve(ModerationCommand):
    """Show what was held (in the arena's queue, among the dilemma's candidates or on its table)."""

    roles = FACILITATOR
    item_id: str


@dataclass(frozen=True)
class Reject(ModerationCommand):
    """Refuse what was held, or take back what was shown."""

    roles = FACILITATOR
    item_id: str


class Held(Protocol):
    """What a participant sent, with its status (held, shown or refused)."""

    @property
    def status(self) -> StrEnum: ...


S = TypeVar('S', bound=StrEnum)


def moderation(item: Held | None, command: Approve | Reject, shown: S, refused: S) -> S | None:
    """The status `command` gives `item`, `shown` or `refused` in the werkvorm's words; None when the item has it
    already (a second click changes nothing).

    Raises UnknownItem when there is no such item. What more a werkvorm refuses (an asked question, the dilemma
    being discussed) it checks after this, before it writes its event.
    """
    if item is None:
        raise UnknownItem(item=command.item_id)
    status = shown if isinstance(command, Approve) else refused
    return None if item.status is status else status


# --- a werkvorm of steps in order (the dilemmamethodiek, the incidentevaluatie): the console's Volgende and Vorige ---


def step_after(steps: Sequence[S], current: S | None, done: bool) -> S:
    """The step Volgende goes to: the first when none has begun; WrongPhase after the last, or once ended."""
    if done:
        raise WrongPhase(phase='done')
    position = steps.index(current) + 1 if current in steps else 0
    if position >= len(steps):
        raise WrongPhase(phase='last-step')
    return steps[position]


def step_before(steps: Sequence[S], current: S | None, done: bool) -> S:
    """The step Vorige goes to: once ended, the last step again; WrongPhase on the first or before it."""
    if done:
        return steps[-1]
    position = steps.index(current) if current in steps else 0
    if position == 0:
        raise WrongPhase(phase='first-step')
    return steps[position - 1]


def step_minutes(minutes: object, step_of: Callable[[str], S], seconds_of: Callable[[int], int]) -> dict[S, int]:
    """A plan's {step: minutes} as seconds per step, each step and value checked (WrongPhase names 'minutes')."""
    if not isinstance(minutes, Mapping):
        raise WrongPhase(phase='minutes')
    seconds: dict[S, int] = {}
    for name, value in minutes.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise WrongPhase(phase='minutes')
        seconds[step_of(name)] = seconds_of(value * 60)
    return seconds


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
