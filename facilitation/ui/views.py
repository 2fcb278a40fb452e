"""Which views show which werkvorm: read from the registry (each werkvorm names its own three views)."""

from __future__ import annotations

from ..session import SessionState
from ..werkvormen.registry import WERKVORMEN


def way_in_large(state: SessionState) -> bool:
    """Whether the projector shows the way in (QR, code, address) large beside the activity: as the facilitator set
    it with the console's toggle, else while the first activity of the session is still at its first step (a
    session started from a plan opens on its first activity, and latecomers still need to get in)."""
    if state.way_in is not None:
        return state.way_in
    activity = state.activity
    if activity is None:
        return True
    first = state.timeline[0][0] if state.timeline else activity.id
    return activity.id == first and WERKVORMEN[activity.kind].opening(activity.state)
