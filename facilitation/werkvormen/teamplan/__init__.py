"""Teamplan bespreken: the team's plan reviewed in the meeting, what succeeded celebrated, the rest carried on."""

from __future__ import annotations

from ..spec import Werkvorm
from . import rules

WERKVORM = Werkvorm(
    rules=rules,
    package=__name__,
    name_key='con.activity.teamplan',
    title_key='con.activity.teamplan',
    on_stage=lambda state: True,  # the plan is on the screen from the start
    opening=lambda state: not state.focus,
    empty_source_key='con.activity.team_plan_source',
    demo=lambda content: ('Teamplan bespreken', {}),
    outcome=f'{__name__}.outcome',
)
