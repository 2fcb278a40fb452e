"""The one list of werkvormen: every part of Samenspel that lists them reads this. A new werkvorm is one line here."""

from __future__ import annotations

from . import arena, dilemma, lagerhuis, quiz, statements, teamplan
from .spec import Werkvorm

WERKVORMEN: dict[str, Werkvorm] = {
    werkvorm.kind: werkvorm
    for werkvorm in (
        statements.WERKVORM,
        quiz.WERKVORM,
        lagerhuis.WERKVORM,
        arena.WERKVORM,
        dilemma.WERKVORM,
        teamplan.WERKVORM,
    )
}


class RegistryError(Exception):
    """A werkvorm is registered without all it needs to be hosted."""


def check() -> None:
    """Raise, naming what is missing, when a registered werkvorm lacks rules, a view or a string (at start)."""
    missing = [f'{kind}: {", ".join(lacks)}' for kind, w in WERKVORMEN.items() if (lacks := w.missing())]
    if missing:
        raise RegistryError('werkvorm incomplete — ' + '; '.join(missing))
