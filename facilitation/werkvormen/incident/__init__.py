"""Gestructureerde incidentevaluatie (seed 6): from the incident described to its causes, classified along the
seed's picture, and per cause what is done about it, into the team plan."""

from __future__ import annotations

from typing import Any

from ..spec import Werkvorm
from . import rules


def classified_causes(activity: Any) -> tuple[tuple[str, str, bool], ...]:
    """Every classified cause the room was shown, as (group, factor, outside the organisation): what a trend
    analysis over many evaluations counts (read through the registry: WERKVORM.extras['classified_causes'])."""
    state: rules.State = activity.state
    return tuple((c.group.value, c.factor, c.outside) for c in state.shown() if c.group is not None)


WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.incident',
    title_key='inc.title',
    on_stage=lambda state: True,  # the steps are on the screen from the start
    opening=lambda state: state.stage is rules.Stage.SETUP,
    demo=lambda content: ('Incidentevaluatie', {}),
    outcome=f'{__name__}.outcome',
    extras={'classified_causes': classified_causes},
)
