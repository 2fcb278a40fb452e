"""Which views show which werkvorm: a new werkvorm registers its three views here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..formats import statements
from .statements import console, phone, projector


@dataclass(frozen=True)
class FormatViews:
    facilitator: Callable[..., Any]
    projector: Callable[..., Any]
    participant: Callable[..., Any]
    label_key: str
    on_stage: Callable[[Any], bool]  # whether the projector gives the stage to the activity (else: big QR)


VIEWS: dict[str, FormatViews] = {
    statements.KIND: FormatViews(
        console.facilitator_panel,
        projector.projector_panel,
        phone.participant_panel,
        'con.activity.statements',
        lambda state: state.current is not None,
    ),
}
