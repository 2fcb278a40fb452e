"""The start page for whoever runs the server: the sessions, and a new session in one step."""

from __future__ import annotations

from fastapi.responses import RedirectResponse
from nicegui import ui

from ..content import SessionPlan, agenda_config
from ..live import LiveRoom
from ..services import Services
from ..session import MAX_SESSION_NAME, AddActivity, SetChecklist
from ..store import StorageError
from ..werkvormen.base import DomainError
from ..werkvormen.registry import WERKVORMEN
from .access import access_page, grant_room, is_admin, sign_out_button, trade_link_secret
from .facilitator import FACILITATOR
from .frame import frame, run_command, t, text_input, warn


def register(services: Services) -> None:
    @ui.page('/')
    def home(token: str = '', key: str = '') -> RedirectResponse | None:
        traded = trade_link_secret(services, '/', token, key)
        if traded is not None:
            return traded  # nothing secret stays in the address bar
        if not is_admin(services):
            access_page(services, '/')
            return None
        with frame(t('home.title'), role='facilitator'), ui.column().classes('home w-full'):
            sign_out_button()
            _new_session(services)
            _session_list(services)
        return None


def _new_session(services: Services) -> None:
    starts = {  # what a new session can start with: an entry of a werkvorm's library, as `kind:name`
        f'{kind}:{name}': (werkvorm, item)
        for kind, werkvorm in WERKVORMEN.items()
        if werkvorm.on_home
        for name, item in werkvorm.sources(services).items()
    }
    with ui.card().classes('w-full max-w-2xl'):
        ui.label(t('home.new')).classes('text-xl font-bold').props('role=heading aria-level=1')
        name = text_input(t('home.name'), MAX_SESSION_NAME).classes('w-full').mark('session-name')
        team = text_input(t('home.team'), MAX_SESSION_NAME, hint=t('common.optional')).classes('w-full')
        team.mark('team-name')
        if isinstance(team, ui.input):  # the teams that exist: one plan per team, so the same name each time
            team.set_autocomplete([plan.name for plan in services.teams.all()])
        plans = services.content.session_plans
        options = {
            '': t('con.activity.empty_set'),
            **{f'plan:{key}': t('home.plan', title=p.title, minutes=p.minutes) for key, p in plans.items()},
            **{
                key: t(werkvorm.home_label_key, title=item.title) if werkvorm.home_label_key else item.title
                for key, (werkvorm, item) in starts.items()
            },
        }
        chosen = (
            ui.select(options, value=next(iter(starts), ''), label=t('home.with_statements'))
            .props('outlined stack-label')
            .classes('w-full')
            .mark('session-start')
        )

        def create() -> None:
            try:
                room, key = services.rooms.create(name.value or '', team.value or '')
            except DomainError as error:
                warn(t(error.key, **error.params), position='top')
                return
            except StorageError as error:
                ui.notify(t(error.key), type='negative', position='top')
                return
            grant_room(room, key)
            if team.value and team.value.strip():
                services.teams.ensure(team.value)  # the team's plan is made the first time its name is used
            choice = chosen.value or ''
            # the choice is put on the agenda, not started: phones see nothing until the facilitator presses Start
            if choice.startswith('plan:'):
                start_plan(room, plans[choice.removeprefix('plan:')], services)
            elif choice in starts:
                werkvorm, item = starts[choice]
                config = services.activity_config(room, werkvorm.kind, item.activity_config())
                run_command(room, FACILITATOR, AddActivity(werkvorm.kind, item.title, config))
            button.disable()  # made: a click while the browser goes to its console would make another
            ui.navigate.to(f'/f/{room.code}')

        button = ui.button(t('home.create'), icon='add', on_click=create)
        button.props('no-caps unelevated size=lg').mark('create')


def start_plan(room: LiveRoom, plan: SessionPlan, services: Services) -> None:
    """Put a session plan's agenda (werkvormen with their planned minutes) and checklist into a new session; nothing
    is started (the facilitator starts the first part when the room is ready)."""
    for item in plan.agenda:
        config = services.activity_config(room, item.werkvorm, agenda_config(item, services.content))
        run_command(room, FACILITATOR, AddActivity(item.werkvorm, item.title, config, item.minutes))
    if plan.checklist:
        run_command(room, FACILITATOR, SetChecklist(tuple(plan.checklist)))


def _session_list(services: Services) -> None:
    rooms = services.rooms.all()
    ui.label(t('home.title')).classes('text-xl font-bold').props('role=heading aria-level=2')
    if not rooms:
        ui.label(t('home.none'))
    for room in rooms:
        with ui.row().classes('session-row items-center w-full max-w-2xl no-wrap'):
            with ui.column().classes('gap-0 grow'):
                ui.label(room.state.name).classes('font-bold')
                ui.label(' · '.join(x for x in (room.state.team, room.code) if x)).classes('text-sm')
            ui.label(t('home.status.closed') if room.state.closed else t('home.status.open')).classes(
                'phase-chip small'
            )
            # user text goes into a prop by assignment, never into a props string (it would be parsed as markup)
            ui.link(t('home.open'), f'/f/{room.code}').props['aria-label'] = f'{t("home.open")} {room.state.name}'
