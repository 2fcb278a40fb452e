"""The werkoverleg's closing part ("Teamplan: nieuwe afspraken"): what this meeting agreed, from every werkvorm it
ran, confirmed into the team's plan where the team sees it, each with its kind, what it rests on (a
handelingsafspraak's "op basis waarvan"), its beoogd resultaat and its termijn.

Each outcome's row is made once (a keyed list): confirming one never clears what was typed in another, and a click
sent while the plan changes lands; the row marks itself "In het teamplan" in place."""

from __future__ import annotations

from nicegui import ui

from ..live import LiveRoom
from ..outcomes import Candidate, candidates, promoted_items
from ..teams import TeamPlan
from ..werkvormen.registry import werkvorm_name
from .controls import keyed_list
from .frame import language, live_section, live_value, t
from .promote import in_plan, promote_fields


def _found(room: LiveRoom) -> dict[str, Candidate]:
    """This session's outcomes by what they say (a changed outcome is a new row)."""
    return {repr(c): c for c in candidates(room.state)}


def new_agreements(room: LiveRoom, plan: TeamPlan) -> None:
    """The outcomes of this session to confirm into the plan (hidden while there are none)."""
    with ui.column().classes('w-full gap-2').mark('new-agreements') as section:
        ui.label(t('ag.title')).classes('text-lg font-bold').props('role=heading aria-level=3')
        ui.label(t('pr.concrete')).classes('facilitator-note')
        keyed_list(room, lambda: tuple(_found(room)), lambda key: _row(room, plan, _found(room)[key]))
    live_value(room, lambda: bool(candidates(room.state)), section.set_visibility)


def _row(room: LiveRoom, plan: TeamPlan, candidate: Candidate) -> None:
    def item() -> str:  # a snapshot of the item it became ('' : not in the plan yet)
        found = promoted_items(plan.state, room.state).get(candidate.ref)
        return repr(found) if found else ''

    with ui.card().classes('control-card w-full pr-row'):
        ui.label(candidate.text).classes('lh-argument-text font-bold')
        ui.label(f'{candidate.title} · {werkvorm_name(candidate.werkvorm, language())}').classes(
            'text-sm facilitator-note'
        )
        with ui.column().classes('w-full gap-1') as form:
            promote_fields(room, plan, candidate, lambda: None)  # marked in place once the plan has it

        def mark(snapshot: str) -> None:
            found = promoted_items(plan.state, room.state).get(candidate.ref)
            if snapshot and found is not None:
                in_plan(found)

        live_section(room, item, mark)
        live_value(room, lambda: bool(item()), lambda done: form.set_visibility(not done))
