"""Teamplan bespreken: no load scenario yet.

On a phone the review only shows the plan's item in focus (or how many items are due) and sends nothing, so its load
is the facilitator's focus change reaching every phone; that is not measured yet. A scenario for it goes here (and
then gets a section in BENCHMARKS.md).
"""

from __future__ import annotations

from . import Scenario

SCENARIO: Scenario | None = None
