"""What the views are fed: every werkvorm's three projections, reached the same way through the registry and made
once per change of the room, and whether the projector shows the way in large."""

from __future__ import annotations

from typing import Any, Generic, TypeVar, cast

from ..live import LiveRoom
from ..session import SessionState
from ..werkvormen.registry import WERKVORMEN, rules_and_state

P = TypeVar('P')  # a werkvorm's public projection
C = TypeVar('C')  # its console projection
M = TypeVar('M')  # one participant's


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


# --- the projections a view is fed (a view never reads an activity's raw state) --------------------------------------
#
# Every werkvorm's rules module has the same three projections, each taking the session's minimum group size
# (ignored where nothing waits for a minimum):
#   public_view(state, minimum) -> its PublicView        (the projector, and what every phone may see)
#   participant_view(state, participant_id, minimum, public=None) -> its ParticipantView   (one phone)
#   console_view(state, minimum) -> its ConsoleView      (the facilitator's console)
# The public and console projections are made once per change of the room and shared by every view of it
# (LiveRoom.memo); a participant's is made when its phone asks.


def public(room: LiveRoom, activity_id: str) -> Any:
    """The activity's public projection (projector, phones)."""

    def make() -> Any:
        rules, state = rules_and_state(room.state, activity_id)
        return rules.public_view(state, room.state.min_reveal)

    return room.memo(('public', activity_id), make)


def console(room: LiveRoom, activity_id: str) -> Any:
    """The activity's console projection (the facilitator: also what is held, who is who, what comes next)."""

    def make() -> Any:
        rules, state = rules_and_state(room.state, activity_id)
        return rules.console_view(state, room.state.min_reveal)

    return room.memo(('console', activity_id), make)


def participant(room: LiveRoom, activity_id: str, participant_id: str) -> Any:
    """What one participant's phone shows of the activity (their own answers beside the public projection, which is
    made once per change for all). Made afresh on each call, not memoised: only this phone reads it, and a thousand
    phones would otherwise keep a thousand entries per change of the room."""
    rules, state = rules_and_state(room.state, activity_id)
    return rules.participant_view(state, participant_id, room.state.min_reveal, public=public(room, activity_id))


class Projections(Generic[P, C, M]):
    """A werkvorm's three projections typed as its own: `Projections[ar.PublicView, ar.ConsoleView,
    ar.ParticipantView]()` gives its views `public`, `console` and `participant` that say what they return."""

    def public(self, room: LiveRoom, activity_id: str) -> P:
        return cast(P, public(room, activity_id))

    def console(self, room: LiveRoom, activity_id: str) -> C:
        return cast(C, console(room, activity_id))

    def participant(self, room: LiveRoom, activity_id: str, participant_id: str) -> M:
        return cast(M, participant(room, activity_id, participant_id))
