"""Arenagesprek: an inner ring talks, the outer ring listens and asks, guided by a plan of rounds and questions."""

from __future__ import annotations

from typing import Any

from ..spec import Werkvorm
from . import rules


def _plans(services: Any) -> Any:
    from .content import arena_plans  # imported when asked: the content module needs the string table, built later

    return arena_plans(services.content.arena_plans, services.settings.data_dir)


def _demo(content: Any) -> tuple[str, dict[str, Any]] | None:
    plan = content.arena_plans.get('startvragen')
    return ('Arenagesprek', plan.activity_config()) if plan is not None else None


WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.arena',
    title_key='arena.title',
    on_stage=lambda state: True,  # the rings and the plan are on the screen from the start
    opening=lambda state: state.stage is rules.Stage.SETUP,
    sources=_plans,  # shipped and saved
    empty_source_key='con.activity.empty_plan',
    agenda_library=lambda content: content.arena_plans,
    demo=_demo,
    outcome=f'{__name__}.outcome',
)
