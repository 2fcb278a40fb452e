"""The ontwikkelmatrix as a werkvorm's rules: each participant puts themselves per topic on one of six levels, from
'Bewust van' to 'Ik kan het anderen leren'; the engine is rules.py, shared with the leerdoelwijzers."""

from __future__ import annotations

from typing import Any

from . import rules as _engine
from .model import ONTWIKKELMATRIX
from .rules import *  # noqa: F403  (the commands, projections and decide/evolve, by this module's name too)

__all__ = [*_engine.__all__, 'KIND', 'new_state']

KIND = ONTWIKKELMATRIX


def new_state(config: dict[str, Any], *, check: bool = True) -> _engine.State:
    return _engine.make_state(config, KIND, check=check)
