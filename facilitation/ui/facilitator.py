"""The facilitator console: the programme, the running werkvorm's controls, settings; one obvious next step."""

from __future__ import annotations

import time

from fastapi.responses import RedirectResponse
from nicegui import ui

from ..live import LiveRoom
from ..services import Services
from ..session import (
    MAX_MINUTES,
    MAX_SESSION_NAME,
    MAX_TITLE,
    AddActivity,
    ChangeSettings,
    CloseSession,
    PlanMinutes,
    ReopenSession,
    SetChecklist,
    ShowWayIn,
    StartActivity,
    TickOutcome,
    time_used,
)
from ..store import StorageError
from ..tokens import Grant, GrantKind
from ..werkvormen.base import Actor, Role
from ..werkvormen.registry import WERKVORMEN
from .access import access_page, link, may_facilitate, set_team, sign_out_button, take_new_key, trade_link_secret
from .controls import Step, StepButton
from .frame import frame, live_section, live_value, message_page, run_command, t, text_input
from .projector_language import projector_language_select
from .summary import register as register_summary
from .views import way_in_large

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')


def register(services: Services) -> None:
    register_summary(services)

    @ui.page('/deleted')
    def deleted() -> None:
        message_page('con.deleted.title', 'con.deleted.body', role='facilitator')

    @ui.page('/f/{code}')
    def console(code: str, token: str = '', key: str = '') -> RedirectResponse | None:
        room = services.rooms.get(code)
        traded = trade_link_secret(services, f'/f/{room.code}' if room else '/', token, key)
        if traded is not None:
            return traded  # the token (or an old key) leaves the address bar
        if room is None:
            message_page('room.unknown.title', 'room.unknown.body', role='facilitator')
            return None
        if not may_facilitate(services, room):
            access_page(services, f'/f/{room.code}', room)
            return None
        with frame(f'{t("con.title")}: {room.state.name}', role='facilitator', skip_link=True):
            _console(room, services)
        return None


def _console(room: LiveRoom, services: Services) -> None:
    with ui.row().classes('console-top w-full items-center'):
        ui.label(room.state.name).classes('text-2xl font-bold grow').props('role=heading aria-level=1')
        joined = ui.label().classes('text-lg').mark('participants')  # changes with every join: set in place
        live_value(room, lambda: len(room.state.participants), lambda n: joined.set_text(t('con.participants', n=n)))
        ui.label(room.code).mark('room-code').classes('console-code').props(
            f'aria-label="{t("proj.code")} {room.code}"'
        )
        ui.link(t('con.open_projector'), f'/p/{room.code}', new_tab=True).classes('console-link').mark('projector')
        ui.button(t('con.projector_link'), icon='cast', on_click=lambda: _projector_link_dialog(room, services)).props(
            'no-caps flat'
        ).mark('projector-link')
        _way_in_toggle(room)
        ui.link(t('con.summary'), f'/f/{room.code}/summary').classes('console-link')
        live_section(room, lambda: room.state.team, lambda _: _team_link(room, services))
        sign_out_button()
    key = take_new_key(room)
    if key:
        with ui.row().classes('key-banner w-full items-center').props('role=status'):
            ui.icon('key').props('aria-hidden=true')
            ui.label(t('con.key_once')).classes('grow')
            _copyable(key, t('con.key_once'), 'session-key')
    with ui.row().classes('w-full items-center'):
        ui.label(f'{t("con.join_url")}:')
        ui.link(services.join_url(room), services.join_url(room), new_tab=True).mark('join-url')
    live_section(room, lambda: room.state.closed, lambda closed: _closed_banner(room) if closed else None)
    with ui.row().classes('console-body w-full no-wrap items-start'):
        with ui.column().classes('console-side'):
            live_section(room, lambda: _programme(room), lambda rows: _programme_list(room, rows))
            live_section(
                room, lambda: tuple((o.text, o.done) for o in room.state.checklist), lambda _: _checklist(room)
            )
            _add_activity(room, services)
            _settings(room, services)
        with ui.column().classes('console-stage grow'):
            live_section(room, lambda: room.state.current_activity, lambda aid: _stage(room, services, aid))


def _way_in_toggle(room: LiveRoom) -> None:
    """One click shows the way in (QR, code, address) large on the projector for latecomers, or hides it. Made once
    (a StepButton): the way in also changes on its own as the programme goes, and a click made on the other state
    (hide, when it was hidden meanwhile) does nothing rather than undo what the facilitator saw."""

    def step() -> Step:
        large = way_in_large(room.state)
        return Step('con.way_in.hide' if large else 'con.way_in.show', ShowWayIn(not large), icon='qr_code_2')

    toggle = StepButton(room, step, lambda command: run_command(room, FACILITATOR, command))  # type: ignore[arg-type]
    toggle.props('no-caps flat').mark('way-in')


def _copyable(text: str, label: str, marker: str) -> None:
    """A read-only field with a copy button (a key or a link that is shown on this console only)."""
    field = ui.input(value=text).props('readonly outlined dense').classes('key-link grow').mark(marker)
    field.props['aria-label'] = label

    def copy() -> None:
        ui.clipboard.write(text)
        ui.notify(t('con.copied'), type='positive')

    ui.button(t('con.copy'), icon='content_copy', on_click=copy).props('no-caps outline')


def _projector_link_dialog(room: LiveRoom, services: Services) -> None:
    """A fresh one-time link that pairs another device's browser as this session's projector (never a key)."""
    url = link(services, f'/p/{room.code}', Grant(GrantKind.PROJECTOR, room.record.id))
    with ui.dialog() as dialog, ui.card().classes('p-4 max-w-xl'):
        ui.label(t('con.projector_link.title')).classes('text-xl font-bold').props('role=heading aria-level=2')
        ui.label(t('con.projector_link.body'))
        with ui.row().classes('w-full items-center no-wrap'):
            _copyable(url, t('con.projector_link.title'), 'projector-link-url')
        ui.button(t('common.close'), on_click=dialog.close).props('no-caps flat autofocus')
    dialog.on('hide', dialog.delete)
    dialog.open()


def _closed_banner(room: LiveRoom) -> None:
    with ui.row().classes('closed-banner w-full items-center').props('role=status'):
        ui.icon('lock').props('aria-hidden=true')
        ui.label(t('con.closed_banner')).classes('grow')
        ui.button(t('con.reopen_session'), on_click=lambda: run_command(room, FACILITATOR, ReopenSession())).props(
            'no-caps'
        )


def _team_link(room: LiveRoom, services: Services) -> None:
    plan = services.team_of(room)
    if plan is not None:
        ui.link(t('con.team_plan', team=plan.name), f'/team/{plan.id}').classes('console-link').mark('team-plan')


def _programme(room: LiveRoom) -> tuple[tuple[str, str, str, bool, int], ...]:
    return tuple(
        (a.id, a.kind, a.title, a.id == room.state.current_activity, a.minutes) for a in room.state.activities.values()
    )


def _minutes(seconds: float) -> int:
    return round(seconds / 60)


def _programme_list(room: LiveRoom, rows: tuple[tuple[str, str, str, bool, int], ...]) -> None:
    """The agenda: every activity with its time used against its time planned (kept current by a slow timer)."""
    ui.label(t('con.programme')).classes('text-lg font-bold').props('role=heading aria-level=2')
    if not rows:
        ui.label(t('con.no_activity'))
    times: dict[str, tuple[ui.label, int]] = {}
    planned = sum(row[4] for row in rows)
    total = ui.label().classes('text-sm').mark('agenda-total') if planned else None

    def tick() -> None:
        used = time_used(room.state, time.time())
        for activity_id, (label, minutes) in times.items():
            spent = _minutes(used.get(activity_id, 0.0))
            text = t('con.time_used', used=spent, planned=minutes) if minutes else t('con.time_spent', used=spent)
            if spent > minutes > 0:
                text += f' · {t("con.over_time")}'
            label.set_text(text)
        if total is not None:
            total.set_text(t('con.time_total', used=_minutes(sum(used.values())), planned=planned))

    with ui.column().classes('w-full gap-1').props('role=list'):
        for activity_id, kind, title, running, minutes in rows:
            with ui.row().classes('programme-row items-center no-wrap w-full').props('role=listitem'):
                ui.icon('play_circle' if running else 'radio_button_unchecked').props('aria-hidden=true')
                with ui.column().classes('gap-0 grow'):
                    ui.label(title)
                    ui.label(t(WERKVORMEN[kind].name_key)).classes('text-sm opacity-80')
                    with ui.row().classes('items-center gap-1 no-wrap'):
                        times[activity_id] = (ui.label().classes('text-sm').mark(f'time-{activity_id}'), minutes)
                        plan = ui.button(
                            icon='schedule',
                            on_click=lambda a=activity_id, n=title, m=minutes: _minutes_dialog(room, a, n, m),
                        )
                        plan.props('flat dense round size=sm').mark(f'plan-minutes-{activity_id}')
                        plan.props['aria-label'] = t('con.plan_minutes_for', title=title)  # assigned: no markup
                if running:
                    ui.label(t('con.running')).classes('phase-chip small')
                else:
                    start = ui.button(
                        t('con.start'), on_click=lambda a=activity_id: run_command(room, FACILITATOR, StartActivity(a))
                    )
                    start.props('no-caps outline').classes(f'start-{activity_id}').mark(f'start-{activity_id}')
                    start.props['aria-label'] = f'{t("con.start")} {title}'  # by assignment: user text is no markup
    tick()
    ui.timer(15, tick)


def minutes_input(value: int) -> ui.number:
    """The planned minutes of an activity (0: not planned), within the agenda's limit."""
    return (
        ui.number(t('con.activity.minutes'), value=value, min=0, max=MAX_MINUTES, step=5, precision=0)
        .props('outlined stack-label')
        .classes('w-40')
    )


def _minutes_dialog(room: LiveRoom, activity_id: str, title: str, minutes: int) -> None:
    """Plan (or change) one activity's minutes on the agenda."""
    with ui.context.client.content, ui.dialog() as dialog, ui.card().classes('p-4'):
        ui.label(t('con.plan_minutes_for', title=title)).classes('text-lg font-bold').props('role=heading aria-level=2')
        field = minutes_input(minutes).mark('minutes')

        def save() -> None:
            if run_command(room, FACILITATOR, PlanMinutes(activity_id, int(field.value or 0))):
                dialog.close()

        with ui.row().classes('justify-end w-full'):
            ui.button(t('common.cancel'), on_click=dialog.close).props('no-caps flat')
            ui.button(t('common.save'), on_click=save).props('no-caps unelevated').mark('save-minutes')
    dialog.on('hide', dialog.delete)
    dialog.open()


def _checklist(room: LiveRoom) -> None:
    """The meeting's intended outcomes, ticked off as they happen (from its session plan, or typed here)."""
    outcomes = room.state.checklist
    if outcomes:
        done = sum(1 for o in outcomes if o.done)
        ui.label(t('con.checklist', done=done, total=len(outcomes))).classes('text-lg font-bold').props(
            'role=heading aria-level=2'
        )
        for index, outcome in enumerate(outcomes):
            ui.checkbox(
                outcome.text,
                value=outcome.done,
                on_change=lambda e, i=index: run_command(room, FACILITATOR, TickOutcome(i, bool(e.value))),
            ).mark(f'outcome-{index}')
    with ui.expansion(t('con.checklist_edit'), icon='checklist').classes('w-full'):
        lines = ui.textarea(t('con.checklist_lines'), value='\n'.join(o.text for o in outcomes))
        lines.props('outlined stack-label').classes('w-full').mark('checklist-lines')

        def save() -> None:
            texts = tuple(line.strip() for line in (lines.value or '').splitlines() if line.strip())
            run_command(room, FACILITATOR, SetChecklist(texts))

        ui.button(t('common.save'), on_click=save).props('no-caps').mark('save-checklist')


def _add_activity(room: LiveRoom, services: Services) -> None:
    """A werkvorm from the library (statement set, quiz deck) or empty, to fill in the console."""
    libraries = {kind: dict(werkvorm.sources(services)) for kind, werkvorm in WERKVORMEN.items()}

    def sources(kind: str) -> dict[str, str]:
        empty = WERKVORMEN[kind].empty_source_key
        return {'': t(empty) if empty else '', **{name: item.title for name, item in libraries[kind].items()}}

    def first_source(kind: str) -> str:
        return '' if WERKVORMEN[kind].start_empty else next(iter(libraries[kind]), '')

    first = next(iter(WERKVORMEN))
    with ui.expansion(t('con.add_activity'), icon='add').classes('w-full next-step-else'):
        kind = (
            ui.select({k: t(w.name_key) for k, w in WERKVORMEN.items()}, value=first, label=t('con.activity.kind'))
            .props('outlined stack-label')
            .classes('w-full')
            .mark('activity-kind')
        )
        title = text_input(t('con.activity.title'), MAX_TITLE, value=t(WERKVORMEN[first].title_key))
        title.mark('activity-title')
        chosen = (
            ui.select(sources(first), value=first_source(first), label=t('con.activity.source'))
            .props('outlined stack-label')
            .classes('w-full')
            .mark('activity-source')
        )

        def default_title() -> str:
            """Named after its library entry where the werkvorm says so (a quiz's deck: several decks in one session
            stay apart); else by the werkvorm."""
            item = libraries[kind.value].get(chosen.value or '')
            werkvorm = WERKVORMEN[kind.value]
            return str(item.title) if werkvorm.titled_by_source and item is not None else t(werkvorm.title_key)

        def kind_changed() -> None:
            chosen.set_options(sources(kind.value), value=first_source(kind.value))
            title.value = default_title()

        kind.on_value_change(kind_changed)
        chosen.on_value_change(lambda: title.set_value(default_title()))
        minutes = minutes_input(0).mark('activity-minutes')

        def add() -> None:
            item = libraries[kind.value].get(chosen.value or '')
            config = services.activity_config(room, kind.value, item.activity_config() if item is not None else {})
            run_command(room, FACILITATOR, AddActivity(kind.value, title.value or '', config, int(minutes.value or 0)))

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('add-activity')


def _settings(room: LiveRoom, services: Services) -> None:
    with ui.expansion(t('con.settings'), icon='settings').classes('w-full'):
        minimum = (
            ui.number(t('con.min_reveal'), value=room.state.min_reveal, min=1, max=50, precision=0)
            .props('outlined stack-label')
            .classes('w-full')
            .mark('min-reveal')
        )

        def save() -> None:
            if run_command(room, FACILITATOR, ChangeSettings(int(minimum.value or 0))):
                ui.notify(t('common.saved'), type='positive')

        ui.button(t('common.save'), on_click=save).props('no-caps').mark('save-settings')
        projector_language_select(room)
        with ui.row().classes('items-end gap-3 w-full no-wrap'):
            team = text_input(t('home.team'), MAX_SESSION_NAME, value=room.state.team).classes('grow').mark('team')
            ui.button(t('common.save'), on_click=lambda: set_team(room, FACILITATOR, services, team.value or '')).props(
                'no-caps'
            ).mark('save-team')
        ui.button(
            t('con.close_session'), icon='lock', on_click=lambda: run_command(room, FACILITATOR, CloseSession())
        ).props('no-caps outline color=negative')
        ui.button(t('con.delete'), icon='delete_forever', on_click=lambda: _delete_dialog(room, services)).props(
            'no-caps flat color=negative'
        ).mark('delete-session')


def _delete_dialog(room: LiveRoom, services: Services) -> None:
    """Deleting cannot be undone: the dialog says what goes, points to the summary, and needs a second click."""
    with ui.dialog() as dialog, ui.card().classes('p-4 max-w-lg').props('role=alertdialog aria-modal=true'):
        ui.label(t('con.delete.title')).classes('text-xl font-bold').props('role=heading aria-level=2')
        ui.label(t('con.delete.body'))
        ui.link(t('con.summary'), f'/f/{room.code}/summary', new_tab=True)

        def delete() -> None:
            try:
                services.rooms.delete(room)
            except StorageError as error:
                ui.notify(t(error.key), type='negative', position='top', timeout=0)
                return
            dialog.close()
            ui.navigate.to('/deleted')

        with ui.row().classes('justify-end w-full'):
            ui.button(t('common.cancel'), on_click=dialog.close).props('no-caps flat autofocus').mark('cancel-delete')
            ui.button(t('con.delete.confirm'), icon='delete_forever', on_click=delete).props(
                'no-caps unelevated color=negative'
            ).mark('confirm-delete')
    dialog.on('hide', dialog.delete)
    dialog.open()


def _stage(room: LiveRoom, services: Services, activity_id: str | None) -> None:
    activity = room.state.activities.get(activity_id) if activity_id else None
    if activity is None:
        ui.label(t('con.no_activity')).classes('text-lg')
        return
    ui.label(activity.title).classes('text-xl font-bold').props('role=heading aria-level=2')
    WERKVORMEN[activity.kind].views.facilitator(room, activity.id, FACILITATOR, services)
