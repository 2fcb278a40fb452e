"""Stellingen: statements the team votes eens/oneens on, one at a time, with the result on the projector."""

from __future__ import annotations

from typing import Any

from ..spec import Werkvorm
from . import rules


def _demo(content: Any) -> tuple[str, dict[str, Any]] | None:
    starter = next(iter(content.statement_sets.values()), None)
    return (starter.title, starter.activity_config()) if starter is not None else None


WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.statements',
    title_key='st.statements',
    on_stage=lambda state: state.current is not None,
    opening=lambda state: state.current is None,
    sources=lambda services: dict(services.content.statement_sets),
    empty_source_key='con.activity.empty_set',
    agenda_library=lambda content: content.statement_sets,
    demo=_demo,
    on_home=True,
    outcome=f'{__name__}.outcome',
)
