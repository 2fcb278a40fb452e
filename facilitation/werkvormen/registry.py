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


def werkvorm_name(kind: str, lang: str) -> str:
    """A werkvorm's one name in `lang` (its activities' default title), as the programme, the plan and every file
    call it; a kind no longer registered (in an old plan) by its kind."""
    from ..i18n import translate  # the words join the table when i18n is imported, which imports this registry

    werkvorm = WERKVORMEN.get(kind)
    return translate(lang, werkvorm.title_key) if werkvorm else kind


def check() -> None:
    """Raise, naming what is missing, when a registered werkvorm lacks rules, a view or a string (at start)."""
    missing = [f'{kind}: {", ".join(lacks)}' for kind, w in WERKVORMEN.items() if (lacks := w.missing())]
    if missing:
        raise RegistryError('werkvorm incomplete — ' + '; '.join(missing))
