"""The one list of werkvormen: every part of Samenspel that lists them reads this. A new werkvorm is one line here."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import arena, dilemma, incident, lagerhuis, leerdoelen, quiz, statements, teamplan, trend
from .spec import Werkvorm

if TYPE_CHECKING:
    from ..services import Services
    from ..session import SessionState
    from ..teams import TeamPlan

WERKVORMEN: dict[str, Werkvorm] = {
    werkvorm.kind: werkvorm
    for werkvorm in (
        statements.WERKVORM,
        quiz.WERKVORM,
        lagerhuis.WERKVORM,
        arena.WERKVORM,
        dilemma.WERKVORM,
        teamplan.WERKVORM,
        leerdoelen.LEERDOELWIJZER,
        leerdoelen.ONTWIKKELMATRIX,
        incident.WERKVORM,
        trend.WERKVORM,
    )
}


class RegistryError(Exception):
    """A werkvorm is registered without all it needs to be hosted."""


def werkvorm_name(kind: str, lang: str) -> str:
    """A werkvorm's one name in `lang` (its activities' default title), as the programme, the plan and every file
    call it; a kind no longer registered (in an old plan) by its kind."""
    from ..i18n import translate  # the words join the table when i18n is imported, which imports this registry

    werkvorm = WERKVORMEN.get(kind)
    return translate(lang, werkvorm.title_key) if werkvorm else kind


def rules_and_state(session: SessionState, activity_id: str) -> tuple[ModuleType, Any]:
    """An activity's rules module and state, for its projections (facilitation/ui/views.py)."""
    activity = session.activities[activity_id]
    return WERKVORMEN[activity.kind].rules, activity.state


def catch_up(services: Services, plan: TeamPlan) -> None:
    """Every werkvorm whose rounds the team plan keeps stores those of the team's sessions the plan still lacks."""
    for keep in dict.fromkeys(w.catch_up for w in WERKVORMEN.values() if w.catch_up is not None):
        keep(services, plan)


def check() -> None:
    """Raise, naming what is missing, when a registered werkvorm lacks rules, a view or a string (at start)."""
    missing = [f'{kind}: {", ".join(lacks)}' for kind, w in WERKVORMEN.items() if (lacks := w.missing())]
    if missing:
        raise RegistryError('werkvorm incomplete — ' + '; '.join(missing))
