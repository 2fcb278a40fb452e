"""From outcome to team plan with one click: every werkvorm's outcome of the session, prefilled as a plan item
(what it becomes by default, or one of the other kinds its werkvorm allows), marked once it is in the plan."""

from __future__ import annotations

from nicegui import ui

from .. import teamplan as tp
from ..formats.base import Actor, Role
from ..live import LiveRoom
from ..outcomes import Candidate, candidates, promoted, promotion
from ..services import Services
from .frame import t
from .review import set_team
from .team import plan_command
from .views import VIEWS

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')


def promote_card(room: LiveRoom, services: Services) -> None:
    @ui.refreshable
    def card() -> None:
        plan = services.team_of(room)
        with ui.card().classes('w-full').mark('promote'):
            ui.label(t('pr.title')).classes('text-xl font-bold').props('role=heading aria-level=2')
            if plan is None:
                ui.label(t('rv.no_team')).classes('facilitator-note')
                with ui.row().classes('items-end gap-3'):
                    name = ui.input(t('home.team')).props('outlined stack-label maxlength=100').classes('w-72')
                    name.mark('pr-team')

                    def save() -> None:
                        if set_team(room, FACILITATOR, services, name.value or ''):
                            card.refresh()

                    ui.button(t('common.save'), on_click=save).props('no-caps').mark('pr-set-team')
                return
            ui.link(t('pr.open_plan', team=plan.name), f'/team/{plan.id}').mark('pr-open-plan')
            found = candidates(room.state)
            if not found:
                ui.label(t('pr.none')).classes('facilitator-note')
            done = promoted(plan.state, room.state)
            for candidate in found:
                with ui.row().classes('items-center gap-3 no-wrap w-full pr-row'):
                    with ui.column().classes('grow gap-0'):
                        ui.label(candidate.text).classes('lh-argument-text')
                        where = f'{candidate.title} · {t(VIEWS[candidate.werkvorm].label_key)}'
                        ui.label(where).classes('text-sm facilitator-note')
                    if candidate.ref in done:
                        ui.label('✓ ' + t('pr.in_plan')).classes('font-bold').props('role=status')
                        continue
                    kinds = tp.PROMOTIONS[candidate.werkvorm].kinds
                    kind = ui.select(
                        {k.value: t(f'plan.kind.{k.value}') for k in kinds},
                        value=candidate.kind.value if candidate.kind in kinds else kinds[0].value,
                        label=t('plan.kind'),
                    )
                    kind.props('outlined dense stack-label').classes('w-56')

                    def add(c: Candidate = candidate, k: ui.select = kind) -> None:
                        if plan_command(plan, promotion(c, room.state, str(k.value))):
                            card.refresh()

                    button = ui.button(t('pr.add'), icon='playlist_add', on_click=add).props('no-caps unelevated dense')
                    button.props['aria-label'] = f'{t("pr.add")}: {candidate.text[:80]}'  # assigned: text, no markup
                    button.mark('pr-add')

    card()
