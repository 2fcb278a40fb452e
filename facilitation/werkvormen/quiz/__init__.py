"""Kennisquiz: groups answer cards in turn, may steal, and the team agrees on opinions."""

from __future__ import annotations

from typing import Any

from ..spec import Werkvorm
from . import rules


def _demo(content: Any) -> tuple[str, dict[str, Any]] | None:
    deck = next(iter(content.quiz_decks.values()), None)
    return (deck.title, deck.activity_config()) if deck is not None else None


WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.quiz',
    title_key='quiz.title',
    on_stage=lambda state: True,  # the rules and the groups are on the screen from the start
    opening=lambda state: state.stage is rules.Stage.SETUP,
    sources=lambda services: dict(services.content.quiz_decks),
    empty_source_key='con.activity.empty_deck',
    titled_by_source=True,  # several decks in one session stay apart
    agenda_library=lambda content: content.quiz_decks,
    demo=_demo,
    on_home=True,
    home_label_key='home.quiz',
    outcome=f'{__name__}.outcome',
)
