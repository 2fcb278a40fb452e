"""The review of the team plan takes no text of its own: the plan's texts are the team plan's (teamplan.py)."""

from __future__ import annotations

from ..fields import TextField

FIELDS: dict[str, TextField] = {}
