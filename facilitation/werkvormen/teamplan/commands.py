"""The commands of Teamplan bespreken: what the facilitator puts on the screen, each declaring who may give it."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import FACILITATOR, Command


class ReviewCommand(Command):
    """A command of this werkvorm (the plan's own commands are in facilitation/teamplan.py)."""


@dataclass(frozen=True)
class Show(ReviewCommand):
    roles = FACILITATOR
    item_id: str
    cheer: bool = False


@dataclass(frozen=True)
class Overview(ReviewCommand):
    """Back to the list of items due, waiting on others and celebrated."""

    roles = FACILITATOR
