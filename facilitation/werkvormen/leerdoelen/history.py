"""Over time: the team plan keeps each closed leerdoelwijzer or ontwikkelmatrix round of the team as its team-level
aggregate (the share of need per section and per item, of the groups shown under the minimum: never who answered,
nor any answer), and the team's next round of the same instrument starts with the last one as its baseline, so the
team picture shows the change (the seed's cycle: measure, learn, measure again).

- `record_round(room, activity_id, services)`: the console calls it once CloseRound has succeeded. It is idempotent
  (a round is kept once, by its session and activity), and it also keeps any other closed round of the team's
  sessions the plan lacks (a close whose recording failed, or a session given its team afterwards): nothing is lost
  while the session exists. The team plan page and the server's start catch up the same way (`record_closed`).
- `prepare(config, plan)`: the add path's hook (Werkvorm.prepare): a new round's config gets config['baseline']
  from the team's latest round of its instrument.
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING, Any

from ... import teamplan as tp
from ..base import Actor, Role, minimum_of
from .model import LEERDOELWIJZER, ONTWIKKELMATRIX, State
from .projections import aggregate, team_picture

if TYPE_CHECKING:
    from ...live import LiveRoom
    from ...services import Services
    from ...session import Activity, SessionState
    from ...teams import TeamPlan

log = logging.getLogger(__name__)

INSTRUMENTS = (LEERDOELWIJZER, ONTWIKKELMATRIX)
RECORDER = Actor(Role.FACILITATOR, 'facilitator')


def measurement(activity: Activity, session: SessionState, day: datetime.date) -> tp.RecordMeasurement | None:
    """The plan command that keeps a closed round's team-level aggregate (None: not an instrument's round, not
    closed yet, or no group reached the minimum, so there is nothing the team may see)."""
    state = activity.state
    if activity.kind not in INSTRUMENTS or not isinstance(state, State) or not state.closed:
        return None
    shares = aggregate(team_picture(state, minimum_of(state.min_reveal, session.min_reveal)))
    if not shares['sections'] and not shares['items']:
        return None
    return tp.RecordMeasurement(
        activity.kind,
        session.code,
        activity.id,
        day.isoformat(),
        _kept(shares['sections']),
        _kept(shares['items']),
        title=activity.title[: tp.MAX_NAME],
        session_name=session.name[: tp.MAX_NAME],
    )


def _kept(shares: dict[str, float]) -> dict[str, float]:
    """At most MAX_MEASURED, the greatest need first (a round of more than the plan keeps still counts)."""
    return dict(sorted(shares.items(), key=lambda kv: -kv[1])[: tp.MAX_MEASURED])


def held_on(room: LiveRoom, activity_id: str, plan: TeamPlan) -> datetime.date:
    """The day the round was held: when it was last started in its session (the same for a round kept at its close
    and one kept later), else today."""
    started = [at for started_id, at in room.state.timeline if started_id == activity_id]
    return datetime.date.fromtimestamp(started[-1] if started else plan.clock())


def _record(plan: TeamPlan, room: LiveRoom, activity_id: str) -> bool:
    activity = room.state.activities.get(activity_id)
    if activity is None or tp.measured(plan.state, room.state.code, activity_id):
        return False
    command = measurement(activity, room.state, held_on(room, activity_id, plan))
    return bool(command and plan.execute(RECORDER, command))


def record_round(room: LiveRoom, activity_id: str, services: Services) -> bool:
    """Keep the closed round `activity_id` of `room` in its team's plan, and any other closed round of the team the
    plan still lacks. Returns whether this round was recorded now (False: kept already, not closed, nothing shown, or
    the session has no team). Never raises for the plan: a refusal or a storage error is logged (the team plan page
    tries again), and the close it follows stands."""
    plan = services.team_of(room)
    if plan is None:
        return False
    try:
        recorded = _record(plan, room, activity_id)
    except Exception:  # the round stays closed; record_closed keeps it later
        log.exception('keeping round %s of session %s in the team plan failed', activity_id, room.code)
        return False
    record_closed(services, plan)
    return recorded


def record_closed(services: Services, plan: TeamPlan) -> int:
    """Keep every closed round of the team's sessions that the plan lacks, the oldest session first; returns how
    many were kept now."""
    kept = 0
    for room in reversed(services.rooms_of(plan)):
        for activity in room.state.activities.values():
            if activity.kind not in INSTRUMENTS:
                continue
            try:
                kept += _record(plan, room, activity.id)
            except Exception:  # one round that cannot be kept must not stop the others
                log.exception('keeping round %s of session %s in the team plan failed', activity.id, room.code)
    return kept


def baseline(plan: tp.State | None, instrument: str) -> dict[str, Any] | None:
    """The team's latest round of `instrument` as a round's config['baseline'] (None: no round yet)."""
    latest = tp.latest_measurement(plan, instrument) if plan is not None else None
    if latest is None:
        return None
    return {'at': latest.at, 'sections': dict(latest.sections), 'items': dict(latest.items)}


def prepare(instrument: str, config: dict[str, Any], plan: tp.State | None) -> dict[str, Any]:
    """A new round's config with the team's last round of `instrument` as its baseline (Werkvorm.prepare). A config
    without content (which the werkvorm refuses) and one with a baseline already stay as they are."""
    if not config or 'baseline' in config:
        return config
    found = baseline(plan, instrument)
    return config if found is None else {**config, 'baseline': found}
