"""Which views show which werkvorm: a new werkvorm registers its three views here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..formats import arena, dilemma, lagerhuis, quiz, review, statements
from . import review as review_views
from .arena import console as arena_console
from .arena import phone as arena_phone
from .arena import projector as arena_projector
from .dilemma import console as dilemma_console
from .dilemma import phone as dilemma_phone
from .dilemma import projector as dilemma_projector
from .lagerhuis import console as lagerhuis_console
from .lagerhuis import phone as lagerhuis_phone
from .lagerhuis import projector as lagerhuis_projector
from .quiz import console as quiz_console
from .quiz import phone as quiz_phone
from .quiz import projector as quiz_projector
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
    quiz.KIND: FormatViews(
        quiz_console.facilitator_panel,
        quiz_projector.projector_panel,
        quiz_phone.participant_panel,
        'con.activity.quiz',
        lambda state: True,  # the rules and the groups are on the screen from the start
    ),
    lagerhuis.KIND: FormatViews(
        lagerhuis_console.facilitator_panel,
        lagerhuis_projector.projector_panel,
        lagerhuis_phone.participant_panel,
        'con.activity.lagerhuis',
        lambda state: True,  # the stelling and the sides are on the screen from the start
    ),
    arena.KIND: FormatViews(
        arena_console.facilitator_panel,
        arena_projector.projector_panel,
        arena_phone.participant_panel,
        'con.activity.arena',
        lambda state: True,  # the rings and the plan are on the screen from the start
    ),
    dilemma.KIND: FormatViews(
        dilemma_console.facilitator_panel,
        dilemma_projector.projector_panel,
        dilemma_phone.participant_panel,
        'con.activity.dilemma',
        lambda state: True,  # the stappenplan is on the screen from the start
    ),
    review.KIND: FormatViews(
        review_views.facilitator_panel,
        review_views.projector_panel,
        review_views.participant_panel,
        'con.activity.teamplan',
        lambda state: True,  # the plan is on the screen from the start
    ),
}
