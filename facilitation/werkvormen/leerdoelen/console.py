"""A leerdoelwijzer or ontwikkelmatrix round in the console: which instrument and form(s), how many are done, the one
next step (close and show the team picture, confirmed while not everyone is done), then the team picture and the
team learning goals to take into the team plan.

It reads the console projection only: while people fill in nothing but how many are done; once closed the team
picture of groups of at least the minimum (never one person's answers)."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...outcomes import Candidate, candidates, promoted_items
from ...services import Services
from ...session import ForActivity
from ...ui import views
from ...ui.controls import Step, step_button
from ...ui.frame import live_section, live_value, run_command, t
from ...ui.promote import in_plan, promote_fields
from ..base import Actor
from . import rules as ld
from .common import (
    CONSOLE_FONT,
    change_text,
    count_text,
    group_name,
    heatmap,
    helper_names,
    item_label,
    joined,
    need_text,
    section_bars,
    small_groups_note,
    teachers,
    wrapped,
)
from .history import record_round

PROJECTIONS = views.Projections[ld.PublicView, ld.ConsoleView, ld.ParticipantView]()
CLOSE = Step('ld.con.close', ld.CloseRound())


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def view() -> ld.PublicView:
        return PROJECTIONS.console(room, activity_id).public

    def do(command: object) -> bool:
        if not run_command(room, actor, ForActivity(activity_id, command)):
            return False
        if isinstance(command, ld.CloseRound):  # the team plan keeps the round's team figures for the next one
            record_round(room, activity_id, services)
        return True

    def close(command: object) -> None:
        shown = view()
        if shown.done < joined(room):  # someone is still filling in (or has not begun): asked once more
            _confirm_close(shown.done, joined(room), lambda: do(command))
        else:
            do(command)

    # made once and updated in place: a click on the step lands whatever the phones do meanwhile
    with ui.card().classes('control-card w-full'):
        live_section(room, lambda: (view().instrument, view().title, view().forms), lambda _: _instrument(view()))
        private = ui.label().classes('facilitator-note')
        live_value(room, lambda: room.state.min_reveal, lambda n: private.set_text(t('ld.con.private', min=n)))
        count = ui.label().classes('voted-live text-lg').props('aria-live=polite').mark('ld-count')
        live_value(
            room,
            lambda: (view().done, view().busy, joined(room)),
            lambda _: count.set_text(count_text(view(), joined(room))),
        )
        with ui.row().classes('gap-3 items-center'):
            step_button(room, lambda: None if view().closed else CLOSE, close)
            closed = ui.label(t('ld.con.closed')).props('role=status')
            live_value(room, lambda: view().closed, closed.set_visibility)
    live_section(room, lambda: _picture_key(room, view()), lambda _: _picture(room, view()))
    live_section(room, lambda: _goals_key(room, activity_id, services), lambda _: _goals(room, activity_id, services))


def _instrument(view: ld.PublicView) -> None:
    name = view.title or t('ld.matrix.title' if view.instrument == ld.ONTWIKKELMATRIX else 'ld.wijzer.title')
    ui.label(t('ld.con.instrument', title=name)).classes('text-lg font-bold').props('role=heading aria-level=3')
    if view.forms:
        groups = ', '.join(group for _, group in view.forms)
        ui.label(t('ld.con.choose_groups', groups=groups)).classes('ld-forms')


def _confirm_close(done: int, joined: int, confirmed: Callable[[], object]) -> None:
    """Closing while not everyone is done ends their filling in: the dialog says so and needs a second click (the
    focus starts on Annuleren, Escape closes it)."""
    with ui.dialog() as dialog, ui.card().props('role=alertdialog'):
        ui.label(t('ld.con.confirm_title')).classes('text-lg font-bold').props('role=heading aria-level=2')
        ui.label(t('ld.con.confirm_text', done=done, joined=joined))

        def close() -> None:
            dialog.close()
            confirmed()

        with ui.row().classes('gap-3 justify-end w-full'):
            ui.button(t('common.cancel'), on_click=dialog.close).props('no-caps flat autofocus').mark('ld-cancel-close')
            ui.button(t('ld.con.confirm'), on_click=close).props('no-caps unelevated').mark('ld-confirm-close')
    dialog.on('hide', dialog.delete)
    dialog.open()


def _picture_key(room: LiveRoom, view: ld.PublicView) -> tuple[object, ...]:
    picture = view.picture
    return picture, view.baseline_at, tuple(helper_names(room, picture)) if picture else ()


def _picture(room: LiveRoom, view: ld.PublicView) -> None:
    """The team picture as the projector shows it, whole: every part, and per group all its questions."""
    picture = view.picture
    if picture is None:
        return
    with ui.card().classes('w-full').mark('ld-picture'):
        ui.label(t('ld.pic.title')).classes('text-xl font-bold').props('role=heading aria-level=3')
        ui.label(t('ld.pic.people', n=picture.people)).classes('facilitator-note')
        if note := small_groups_note(view, picture):
            ui.label(note).classes('ld-small-groups').mark('ld-small-groups')
        if not picture.shown:
            return
        ui.label(t(f'ld.pic.sections.{view.instrument}')).classes('font-bold').props('role=heading aria-level=4')
        section_bars(view, picture.sections)
        columns = [wrapped(answer, 10) for answer in view.scale]
        for group in picture.groups:
            name = group_name(view, group)
            ui.label(t('ld.con.group', group=name, n=group.people)).classes('text-lg font-bold').props(
                'role=heading aria-level=4'
            )
            rows = [(item_label(view.instrument, r.item), r) for r in group.items if r.distribution is not None]
            if rows:
                heatmap(rows, columns, name, font=CONSOLE_FONT, label_chars=50, height=28 * len(rows) + 110)
            _too_few(view, group)
            _changes(view, group)
        if picture.overig is not None:
            ui.label(t('ld.con.overig', n=picture.overig.people)).classes('text-lg font-bold').props(
                'role=heading aria-level=4'
            )
            section_bars(view, picture.overig.sections)
        _teachers(room, view, picture)


def _too_few(view: ld.PublicView, group: ld.GroupPicture) -> None:
    hidden = [row for row in group.items if row.distribution is None]
    if not hidden:
        return
    ui.label(t('ld.pic.too_few_items', n=len(hidden))).classes('facilitator-note')
    with ui.element('ul').classes('lh-queue-console ld-too-few'):
        for row in hidden:
            with ui.element('li'):
                ui.label(f'{item_label(view.instrument, row.item)}: {t("ld.pic.too_few")}')


def _changes(view: ld.PublicView, group: ld.GroupPicture) -> None:
    changed = [
        (row, text) for row in group.items if row.distribution and (text := change_text(row.change, view.baseline_at))
    ]
    if not changed:
        return
    with ui.expansion(t('ld.con.changes'), value=False).classes('w-full'):
        for row, text in changed:
            assert row.distribution is not None
            line = f'{item_label(view.instrument, row.item)}: {need_text(view.instrument, row.distribution)}, {text}'
            ui.label(line)


def _teachers(room: LiveRoom, view: ld.PublicView, picture: ld.TeamPicture) -> None:
    """The matrix: per topic how many could teach it, and the named colleagues who offer to."""
    if picture.teach is None:
        return
    ui.label(t('ld.con.teachers_title')).classes('text-lg font-bold').props('role=heading aria-level=4')
    with ui.element('ul').classes('lh-queue-console').mark('ld-teachers'):
        for item, n in teachers(picture):
            with ui.element('li'):
                ui.label(f'{item_label(view.instrument, item)}: {t("ld.con.teachers", n=n)}')
    names = helper_names(room, picture)
    if names:
        ui.label(t('ld.pic.helpers', names='; '.join(names))).mark('ld-helpers')


# --- the team learning goals into the team plan ------------------------------------------------------------------


def _found(room: LiveRoom, activity_id: str) -> list[Candidate]:
    return [c for c in candidates(room.state) if c.activity == activity_id]


def _goals_key(room: LiveRoom, activity_id: str, services: Services) -> tuple[object, ...]:
    if not PROJECTIONS.console(room, activity_id).public.closed:
        return ()
    plan = services.team_of(room)
    done = promoted_items(plan.state, room.state) if plan else {}
    return True, plan.id if plan else '', tuple((repr(c), c.ref in done) for c in _found(room, activity_id))


def _goals(room: LiveRoom, activity_id: str, services: Services) -> None:
    """Once closed: this round's team learning goals (its outcome's offers), each one click into the team plan."""
    if not PROJECTIONS.console(room, activity_id).public.closed:
        return
    view = PROJECTIONS.console(room, activity_id).public
    with ui.card().classes('w-full').mark('ld-goals'):
        ui.label(t('ld.con.goals')).classes('text-xl font-bold').props('role=heading aria-level=3')
        if view.offers:
            ui.label(t('ld.con.goals_hint', offers='; '.join(words for _, words in view.offers))).classes(
                'facilitator-note'
            )
        plan = services.team_of(room)
        if plan is None:
            ui.label(t('ld.con.no_team')).classes('facilitator-note')
            ui.link(t('ld.con.summary'), f'/f/{room.code}/summary').mark('ld-summary')
            return
        found = _found(room, activity_id)
        if not found:
            ui.label(t('ld.con.no_goals')).classes('facilitator-note')
        done = promoted_items(plan.state, room.state)
        for candidate in found:
            with ui.column().classes('gap-1 w-full pr-row'):
                ui.label(candidate.text).classes('lh-argument-text')
                if candidate.ref in done:
                    in_plan(done[candidate.ref])
                else:
                    promote_fields(room, plan, candidate, lambda: None)
