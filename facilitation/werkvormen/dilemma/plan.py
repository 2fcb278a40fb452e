"""The Dilemmamethodiek's plan: which steps it runs and each step's clock, from the agenda or the facilitator."""

from __future__ import annotations

from typing import Any

from ..base import UnknownItem, WrongPhase, clean_text, step_minutes
from .model import DEFAULT_MINUTES, MAX_SECONDS, MAX_TITLE, ORDER, State, Step


def step_of(value: object) -> Step:
    try:
        return Step(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None


def steps_of(values: object) -> list[Step]:
    if not isinstance(values, list | tuple) or not values:
        raise WrongPhase(phase='no-steps')
    chosen = {step_of(v) for v in values}
    return [s for s in ORDER if s in chosen]  # always in the stappenplan's order


def seconds_of(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SECONDS:
        raise WrongPhase(phase='seconds')
    return value


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The werkvorm from its plan: {'title', 'steps': [step, ...], 'minutes': {step: minutes}}."""
    state = State()
    title = config.get('title', '')
    state.title = clean_text(title, 'title', MAX_TITLE, required=False) if check else title
    if config.get('steps'):
        state.steps = steps_of(config['steps']) if check else [Step(s) for s in config['steps']]
    minutes = config.get('minutes') or {}
    if check:
        state.seconds.update(step_minutes(minutes, step_of, seconds_of))
    else:
        state.seconds.update({Step(name): value * 60 for name, value in minutes.items()})
    return state


def config_of(state: State) -> dict[str, Any]:
    """The plan as it goes into the log: only the minutes of steps that have their own (the rest follow the plan;
    a log from before this kept all nine, which then stay as they were)."""
    return {
        'title': state.title,
        'steps': [s.value for s in state.steps],
        'minutes': {s.value: state.seconds[s] // 60 for s in ORDER if s in state.seconds},
    }


def plan_minutes(state: State, minutes: int) -> State:
    """The session tells the werkvorm the minutes its agenda plans for it (when added, and when re-planned)."""
    state.planned = minutes
    return state


def step_seconds(state: State) -> dict[Step, int]:
    """Each step's clock: its own seconds when given, else its share of the planned minutes among the run's steps
    without their own (by its weight in DEFAULT_MINUTES, whole minutes that add up to the plan; at least one), else
    DEFAULT_MINUTES."""
    seconds = {s: DEFAULT_MINUTES[s] * 60 for s in ORDER}
    free = [s for s in state.steps if s not in state.seconds]
    if state.planned > 0 and free:
        budget = max(0, state.planned - sum(state.seconds[s] for s in state.steps if s in state.seconds) // 60)
        weights = [DEFAULT_MINUTES[s] for s in free]
        exact = [budget * w / sum(weights) for w in weights]
        shares = [int(x) for x in exact]
        by_rest = sorted(range(len(free)), key=lambda i: (-(exact[i] - shares[i]), i))
        for i in by_rest[: budget - sum(shares)]:
            shares[i] += 1
        seconds.update({s: max(1, m) * 60 for s, m in zip(free, shares, strict=True)})
    seconds.update(state.seconds)
    return seconds
