"""Teamplan bespreken: a session starts (or ends) with the team's plan (seed: "Borg de leer- en ontwikkelaanpak").

The plan itself lives outside the session (facilitation/teamplan.py: it outlives every meeting); this werkvorm holds
only what the meeting does with it on the screen: which item is being talked about, and whether it is celebrated
("kunnen de bereikte resultaten worden gevierd"). Status changes and carrying over go to the plan.
"""

from __future__ import annotations

import re
from typing import Any

from ..base import Context, Event, UnknownItem, WrongPhase, require_role, roles_of
from .commands import Overview, ReviewCommand, Show
from .model import KIND, State
from .projections import (
    NextStep,
    View,
    carry_over_term,
    console_view,
    new_term,
    next_step,
    overview_beside,
    participant_view,
    public_view,
)

__all__ = [  # what the views, the session and the tests use by this module's name
    'KIND',
    'ROLES',
    'Command',
    'NextStep',
    'Overview',
    'ReviewCommand',
    'Show',
    'State',
    'View',
    'carry_over_term',
    'config_of',
    'console_view',
    'decide',
    'evolve',
    'new_state',
    'new_term',
    'next_step',
    'overview_beside',
    'participant_view',
    'public_view',
]

_ITEM = re.compile(r'p[1-9][0-9]{0,5}')


Command = ReviewCommand
ROLES = roles_of(ReviewCommand)  # as each command in commands.py declares


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    return State()


def config_of(state: State) -> dict[str, Any]:
    return {}


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    require_role(ctx, *ROLES[type(command)])
    match command:
        case Show(item_id, cheer):
            if not isinstance(item_id, str) or not _ITEM.fullmatch(item_id):
                raise UnknownItem(item=str(item_id)[:20])
            if (item_id, bool(cheer)) == (state.focus, state.cheer):
                return []
            return [ctx.event('review.shown', item=item_id, cheer=bool(cheer))]
        case Overview():
            return [ctx.event('review.overview')] if state.focus else []
    raise WrongPhase(phase='unknown-command')


def evolve(state: State, event: Event) -> State:
    match event.type:
        case 'review.shown':
            state.focus, state.cheer = event.data['item'], event.data['cheer']
        case 'review.overview':
            state.focus, state.cheer = '', False
    return state
