"""Dilemmamethodiek: the nine steps from a colleague's dilemma to the team's handelings- and werkafspraken."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..spec import Werkvorm
from . import rules


@dataclass(frozen=True)
class Version:
    """A version of the dilemmamethodiek to add: its steps (the add menu's library entry)."""

    title_key: str
    steps: tuple[rules.Step, ...]

    @property
    def title(self) -> str:
        from ...ui.frame import t  # in the viewer's language

        return t(self.title_key)

    def activity_config(self) -> dict[str, Any]:
        return {'steps': [s.value for s in self.steps]}


def _agenda(item: Any, content: Any, library: Mapping[str, Any]) -> dict[str, Any]:
    return {'steps': [s.value for s in item.steps]} if item.steps else {}


WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.dilemma',
    title_key='dm.title',
    on_stage=lambda state: True,  # the stappenplan is on the screen from the start
    opening=lambda state: state.stage is rules.Stage.SETUP,
    sources=lambda services: {'kort': Version('dm.version.short', rules.SHORT)},
    empty_source_key='dm.version.all',
    start_empty=True,  # all nine steps, unless the short version is chosen
    agenda_config=_agenda,
    demo=lambda content: ('Dilemmamethodiek', {}),
    outcome=f'{__name__}.outcome',
)
