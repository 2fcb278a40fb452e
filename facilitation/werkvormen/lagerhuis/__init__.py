"""Lagerhuisdiscussie: two sides, VOOR and TEGEN, debate a stelling; the floor is given in turn."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..spec import Werkvorm
from . import rules


@dataclass(frozen=True)
class Suggestions:
    """A statement set offered as the debate's suggested stellingen."""

    title: str
    statements: tuple[str, ...]

    def activity_config(self) -> dict[str, Any]:
        return {'suggestions': list(self.statements)}


def _sets(content: Any) -> dict[str, Suggestions]:
    return {
        name: Suggestions(item.title, tuple(s.text for s in item.statements))
        for name, item in content.statement_sets.items()
    }


def _agenda(item: Any, content: Any, library: Mapping[str, Any]) -> dict[str, Any]:
    suggestions = [s.text for s in library[item.content].statements] if item.content else []
    return {'statement': item.statement, 'suggestions': suggestions}


def _demo(content: Any) -> tuple[str, dict[str, Any]] | None:
    starter = next(iter(content.statement_sets.values()), None)
    return 'Lagerhuisdiscussie', {'suggestions': [s.text for s in starter.statements] if starter else []}


WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.lagerhuis',
    title_key='lh.title',
    on_stage=lambda state: True,  # the stelling and the sides are on the screen from the start
    opening=lambda state: state.stage is rules.Stage.SETUP,
    sources=lambda services: _sets(services.content),  # its stelling is picked from these, or typed
    empty_source_key='con.activity.typed_statement',
    agenda_library=lambda content: content.statement_sets,
    agenda_config=_agenda,
    demo=_demo,
    outcome=f'{__name__}.outcome',
)
