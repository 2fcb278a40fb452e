"""Teamplan bespreken's model: what the meeting does with the plan on the screen (the plan itself is the team's)."""

from __future__ import annotations

from dataclasses import dataclass

KIND = 'teamplan'


@dataclass
class State:
    focus: str = ''  # the plan item on the screen ('' : the overview)
    cheer: bool = False  # the focus is celebrated (it succeeded)
