"""Teamplan bespreken's projections: the item on the screen (the public, phone and console view of this werkvorm's
state), and the review's rules over the team's plan that the console shows (pure: the plan and the day are given).

The plan itself is not this activity's state: it outlives the session, and the views read it from the team."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ... import teamplan as tp
from .commands import Overview, ReviewCommand, Show
from .model import State

STEP_WHAT = 60  # characters of an item's activity in the step's label


@dataclass(frozen=True)
class View:
    """The item on the screen ('' : the overview) and whether it is celebrated."""

    focus: str
    cheer: bool


def public_view(state: State, minimum: int) -> View:
    """What the projector and every phone show of the review (`minimum` is not used: nothing here is counted)."""
    return View(state.focus, state.cheer)


def participant_view(state: State, participant_id: str, minimum: int, public: View | None = None) -> View:
    """A phone shows what the projector shows."""
    return public if public is not None else public_view(state, minimum)


def console_view(state: State, minimum: int) -> View:
    """The console needs no more of this activity than the screen shows; the rest is the team's plan."""
    return public_view(state, minimum)


# --- the review over the plan, as the console offers it ---------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """The review's next step: its label (an i18n key) with its placeholders, the command a click gives, its icon."""

    key: str
    command: ReviewCommand
    params: tuple[tuple[str, object], ...] = ()
    icon: str = ''


def next_step(items: tuple[tp.Item, ...], focus: str) -> NextStep | None:
    """The first item on the screen, then each next one, then back to the overview (None: nothing to review and
    the overview is on the screen). `items` is what the review goes through (teamplan.to_review)."""
    ids = [i.id for i in items]
    if focus in ids:
        following = ids.index(focus) + 1
        if following < len(items):
            item = items[following]
            return NextStep('rv.next_item', Show(item.id), (('what', tp.shorten(item.what, STEP_WHAT)),), 'east')
        return NextStep('rv.overview', Overview(), icon='list')
    if focus:
        return NextStep('rv.overview', Overview(), icon='list')  # an item no longer in the plan
    if items:
        return NextStep(
            'rv.first_item', Show(items[0].id), (('what', tp.shorten(items[0].what, STEP_WHAT)),), 'slideshow'
        )
    return None


def overview_beside(items: tuple[tp.Item, ...], focus: str) -> bool:
    """Whether *Overzicht* stands beside the step: while an item is on the screen and the step is not the overview
    itself (one button per action)."""
    step = next_step(items, focus)
    return bool(focus) and not (step is not None and isinstance(step.command, Overview))


def new_term(item: tp.Item, day: datetime.date) -> str:
    """The term suggested for carrying over: a month after its term, or after `day` (today) when that has passed."""
    base = datetime.date.fromisoformat(item.term) if item.term else day
    return (max(base, day) + datetime.timedelta(days=30)).isoformat()


def carry_over_term(plan: tp.State, item: tp.Item, day: datetime.date) -> str:
    """The term an item is carried over to with one click, '' when it cannot be: it succeeded, ended or was carried
    over already."""
    carriable = item.status in tp.CARRIABLE and not tp.successor(plan, item.id)
    return new_term(item, day) if carriable else ''
