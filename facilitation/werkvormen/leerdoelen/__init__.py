"""Leren als individu: the leerdoelwijzers and the ontwikkelmatrix, two werkvormen on one engine.

Each participant fills in, privately, a questionnaire about their own conduct (their function group's
leerdoelwijzer) or their own development (the ontwikkelmatrix); their phone gives them their own profile, learning
goal and a file of their own; once the facilitator closes the round the team sees its picture, only in groups of at
least the session's minimum, and turns it into team learning goals in the team plan.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from ..spec import Werkvorm
from . import leerdoelwijzer, ontwikkelmatrix

# The content schema (content.py, pydantic) is imported when first used: the registry is imported by the words'
# table, which the content's error messages need.


def _ldc() -> Any:
    from . import content

    return content


def _wijzers(content: Any) -> Mapping[str, Any]:
    return _ldc().wijzer_sources(content.leerdoelwijzers)


def _wijzer_library(content: Any) -> Mapping[str, Any]:
    return _ldc().WijzerLibrary(content.leerdoelwijzers)


def _matrices(content: Any) -> Mapping[str, Any]:
    return _ldc().matrix_sources(content.ontwikkelmatrix)


def _wijzer_agenda(item: Any, content: Any, library: Mapping[str, Any]) -> dict[str, Any]:
    return library[item.content or _ldc().ALL].activity_config()


def _matrix_agenda(item: Any, content: Any, library: Mapping[str, Any]) -> dict[str, Any]:
    return library[item.content or 'ontwikkelmatrix'].activity_config()


def _catch_up(services: Any, plan: Any) -> object:
    """Both instruments' closed rounds the team's plan still lacks (one function: the registry calls it once)."""
    from . import history

    return history.record_closed(services, plan)


def _prepare(kind: str) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """A new round's config with the team's last round of the instrument as its baseline (see history.py)."""

    def prepare(config: dict[str, Any], plan: Any) -> dict[str, Any]:
        from . import history  # the team plan's side: imported when a round is added

        return history.prepare(kind, config, plan)

    return prepare


def _wijzer_demo(content: Any) -> tuple[str, dict[str, Any]] | None:
    return ('Leerdoelwijzer', _ldc().wijzer_config(content.leerdoelwijzers)) if content.leerdoelwijzers else None


def _matrix_demo(content: Any) -> tuple[str, dict[str, Any]] | None:
    return ('Ontwikkelmatrix', _ldc().matrix_config(content.ontwikkelmatrix)) if content.ontwikkelmatrix else None


def _instrument(
    rules: ModuleType,
    words: str,
    sources: Callable[[Any], Mapping[str, Any]],
    library: Callable[[Any], Mapping[str, Any]],
    agenda: Callable[[Any, Any, Mapping[str, Any]], dict[str, Any]],
    demo: Callable[[Any], tuple[str, dict[str, Any]] | None],
) -> Werkvorm:
    """Both instruments are hosted alike: on the stage from the start (the count, then the team picture), open to
    newcomers until someone begins, always made of a content file, their closed rounds kept by the team plan."""
    return Werkvorm(
        rules=rules,
        package=__name__,
        name_key=f'con.activity.{rules.KIND}',
        title_key=f'ld.{words}.title',
        on_stage=lambda state: True,
        opening=lambda state: not state.closed and not state.people,
        sources=lambda services: sources(services.content),
        agenda_library=library,
        agenda_config=agenda,
        demo=demo,
        needs_content=True,
        catch_up=_catch_up,
        prepare=_prepare(rules.KIND),
        outcome=f'{__name__}.outcome',
    )


LEERDOELWIJZER = _instrument(leerdoelwijzer, 'wijzer', _wijzers, _wijzer_library, _wijzer_agenda, _wijzer_demo)
ONTWIKKELMATRIX = _instrument(ontwikkelmatrix, 'matrix', _matrices, _matrices, _matrix_agenda, _matrix_demo)
