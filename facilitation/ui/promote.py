"""From outcome to team plan with one click: every werkvorm's outcome of the session, prefilled as a plan item
(what it becomes by default, or one of the other kinds its werkvorm allows), with its beoogd resultaat and termijn
asked for (seed: "welk resultaat dat moet opleveren en op welke termijn"; prefilled where the outcome has them),
marked once it is in the plan, with what it still lacks there."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from .. import teamplan as tp
from ..live import LiveRoom
from ..outcomes import Candidate, candidates, promoted_items, promotion
from ..services import Services
from ..teamplan_export import missing_text
from ..teams import TeamPlan
from ..werkvormen.base import Actor, Role
from ..werkvormen.registry import werkvorm_name
from .access import set_team
from .frame import language, svg_icon, t, text_input
from .team import LEARNING_GOALS, offer_select, plan_command

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
ACTING = tp.Kind.HANDELINGSAFSPRAAK.value  # an agreement said to rest on a basis
ESCALATION = tp.Kind.ESCALATIE.value  # a matter for whoever does have influence


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
            ui.label(t('pr.concrete' if found else 'pr.none')).classes('facilitator-note')
            done = promoted_items(plan.state, room.state)
            for candidate in found:
                with ui.column().classes('gap-1 w-full pr-row'):
                    ui.label(candidate.text).classes('lh-argument-text')
                    where = f'{candidate.title} · {werkvorm_name(candidate.werkvorm, language())}'
                    ui.label(where).classes('text-sm facilitator-note')
                    if candidate.ref in done:
                        in_plan(done[candidate.ref])
                        continue
                    promote_fields(room, plan, candidate, card.refresh)

    card()


def in_plan(item: tp.Item) -> None:
    """Marked once it is in the plan, with what it still lacks there."""
    with ui.row().classes('items-center gap-3'):
        ui.icon(svg_icon('check_circle'), size='1.5rem').props('aria-hidden=true')
        ui.label(t('pr.in_plan')).classes('font-bold').props('role=status')
        lacking = missing_text(item, language())
        if lacking:
            ui.label(t('plan.missing_text', fields=lacking)).classes('text-sm tp-missing')


def promote_fields(room: LiveRoom, plan: TeamPlan, candidate: Candidate, refresh: Callable[[], object]) -> None:
    """Kind, beoogd resultaat and termijn, for an agreement what it rests on (op basis waarvan), for a learning goal
    its kind of offer and for an escalatie who does have influence, the action and the follow-up date, prefilled
    where the outcome has them, then one click into the plan."""
    with ui.row().classes('items-end gap-3 w-full'):
        kinds = candidate.kinds
        kind = ui.select(
            {k.value: t(f'plan.kind.{k.value}') for k in kinds},
            value=candidate.kind.value if candidate.kind in kinds else kinds[0].value,
            label=t('plan.kind'),
        )
        kind.props('outlined dense stack-label').classes('w-56')
        result = text_input(t('plan.result'), tp.MAX_RESULT, value=candidate.result).props('dense')
        result.classes('grow').mark('pr-result')
        term = ui.input(t('plan.term'), value=candidate.term).props('type=date outlined dense stack-label')
        term.mark('pr-term')
        basis = text_input(t('plan.basis'), tp.MAX_RESULT, value=candidate.basis).props('dense')
        basis.classes('w-full').mark('pr-basis')
        basis.bind_visibility_from(kind, 'value', backward=lambda v: v == ACTING or bool(candidate.basis))
        offer = offer_select(candidate.offer).props('dense').mark('pr-offer')
        offer.bind_visibility_from(kind, 'value', backward=lambda v: v in LEARNING_GOALS)
        escalation = {
            'influence': text_input(t('plan.influence'), tp.MAX_OWNER, value=candidate.influence),
            'action': text_input(t('plan.action'), tp.MAX_ESCALATION, value=candidate.action),
            'follow_up': ui.input(t('plan.follow_up'), value=candidate.follow_up).props(
                'type=date outlined stack-label'
            ),
        }
        for name, field in escalation.items():  # an escalatie: who does have influence, the action, the follow-up
            field.props('dense').classes('grow').mark(f'pr-{name}')
            field.bind_visibility_from(kind, 'value', backward=lambda v: v == ESCALATION)

        def add() -> None:
            command = promotion(
                candidate,
                room.state,
                str(kind.value),
                result=str(result.value or ''),
                term=str(term.value or ''),
                basis=str(basis.value or '') if basis.visible else '',
                offer=str(offer.value or '') if str(kind.value) in LEARNING_GOALS else '',
                escalation={name: str(field.value or '') for name, field in escalation.items()},
            )
            if plan_command(plan, command):
                refresh()

        button = ui.button(t('pr.add'), icon='playlist_add', on_click=add).props('no-caps unelevated dense')
        button.props['aria-label'] = f'{t("pr.add")}: {candidate.text[:80]}'  # assigned: text, no markup
        button.mark('pr-add')
