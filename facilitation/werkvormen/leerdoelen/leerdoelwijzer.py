"""The leerdoelwijzer as a werkvorm's rules: each participant fills in their function group's questionnaire
(Altijd / Vaak / Soms / Nooit); the engine is rules.py, shared with the ontwikkelmatrix."""

from __future__ import annotations

from typing import Any

from . import rules as _engine
from .model import LEERDOELWIJZER
from .rules import *  # noqa: F403  (the commands, projections and decide/evolve, by this module's name too)

__all__ = [*_engine.__all__, 'KIND', 'new_state']

KIND = LEERDOELWIJZER


def new_state(config: dict[str, Any], *, check: bool = True) -> _engine.State:
    return _engine.make_state(config, KIND, check=check)
