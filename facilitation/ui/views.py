"""Which views show which werkvorm: a new werkvorm registers its three views here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..formats import arena, dilemma, lagerhuis, quiz, review, statements
from ..session import SessionState
from . import review as review_views
from . import review_console
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
    opening: Callable[[Any], bool]  # whether the activity is still at its first step (people may still come in)


VIEWS: dict[str, FormatViews] = {
    statements.KIND: FormatViews(
        console.facilitator_panel,
        projector.projector_panel,
        phone.participant_panel,
        'con.activity.statements',
        lambda state: state.current is not None,
        lambda state: state.current is None,
    ),
    quiz.KIND: FormatViews(
        quiz_console.facilitator_panel,
        quiz_projector.projector_panel,
        quiz_phone.participant_panel,
        'con.activity.quiz',
        lambda state: True,  # the rules and the groups are on the screen from the start
        lambda state: state.stage is quiz.Stage.SETUP,
    ),
    lagerhuis.KIND: FormatViews(
        lagerhuis_console.facilitator_panel,
        lagerhuis_projector.projector_panel,
        lagerhuis_phone.participant_panel,
        'con.activity.lagerhuis',
        lambda state: True,  # the stelling and the sides are on the screen from the start
        lambda state: state.stage is lagerhuis.Stage.SETUP,
    ),
    arena.KIND: FormatViews(
        arena_console.facilitator_panel,
        arena_projector.projector_panel,
        arena_phone.participant_panel,
        'con.activity.arena',
        lambda state: True,  # the rings and the plan are on the screen from the start
        lambda state: state.stage is arena.Stage.SETUP,
    ),
    dilemma.KIND: FormatViews(
        dilemma_console.facilitator_panel,
        dilemma_projector.projector_panel,
        dilemma_phone.participant_panel,
        'con.activity.dilemma',
        lambda state: True,  # the stappenplan is on the screen from the start
        lambda state: state.stage is dilemma.Stage.SETUP,
    ),
    review.KIND: FormatViews(
        review_console.facilitator_panel,
        review_views.projector_panel,
        review_views.participant_panel,
        'con.activity.teamplan',
        lambda state: True,  # the plan is on the screen from the start
        lambda state: not state.focus,
    ),
}


def way_in_large(state: SessionState) -> bool:
    """Whether the projector shows the way in (QR, code, address) large beside the activity: as the facilitator set
    it with the console's toggle, else while the first activity of the session is still at its first step (a
    session started from a plan opens on its first activity, and latecomers still need to get in)."""
    if state.way_in is not None:
        return state.way_in
    activity = state.activity
    if activity is None:
        return True
    first = state.timeline[0][0] if state.timeline else activity.id
    return activity.id == first and VIEWS[activity.kind].opening(activity.state)
