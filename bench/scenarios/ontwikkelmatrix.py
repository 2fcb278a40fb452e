"""Ontwikkelmatrix: measured as the leerdoelwijzer (bench/scenarios/leerdoelwijzer.py).

Both run on one engine with one phone, console and projector (facilitation/werkvormen/leerdoelen/): a tap is an
answer on a scale and the projector counts who is done, whether the scale has four answers or six levels. Its load
is the leerdoelwijzer's with fewer items (25 against 30), so it has no scenario of its own.
"""

from __future__ import annotations

from . import Scenario

SCENARIO: Scenario | None = None
