"""Trendanalyse: the incident registrations' trends shown figure by figure in a team's meeting (seed 6)."""

from __future__ import annotations

from ..spec import Werkvorm
from . import rules

WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.trendanalyse',
    title_key='ta.title',
    on_stage=lambda state: True,  # the afdeling's figures are on the screen from the start
    opening=lambda state: not state.current,
    demo=lambda content: ('Trendanalyse incidenten', {}),
    outcome=f'{__name__}.outcome',
)
