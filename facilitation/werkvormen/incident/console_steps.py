"""The incidentevaluatie's steps in the console: the description (along the interaction's phases), the causes from
the phones (held until shown; edited, merged or refused), their classification into the seed's factors, per cause
the decision on action, and at the end the team plan and the Word document."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui.controls import keyed_list
from ...ui.frame import language, live_value, t, text_input
from ...ui.promote import promote_card
from ...ui.team import DOCX
from ..base import Actor, Approve, Reject
from . import rules as inc
from .common import Do, console, factor_options, factor_word, origin_word, public, send_checked


def _saved() -> None:
    ui.notify(t('common.saved'), type='positive', position='top')


def describe(room: LiveRoom, activity_id: str, actor: Actor) -> None:
    """What happened, where, when and through which channel, then along the picture's interaction; nothing about
    who the citizen is (the fields ask for none, and what looks like it is named before it is kept)."""
    view = public(room, activity_id)
    with ui.card().classes('control-card w-full').mark('inc-describe'):
        ui.label(t('inc.step.beschrijven')).classes('text-lg font-bold').props('role=heading aria-level=3')
        ui.label(t('inc.privacy')).classes('privacy-note')
        channels = {'': t('inc.channel.none'), **{c.value: t(f'inc.channel.{c.value}') for c in inc.Channel}}
        kanaal = ui.select(channels, value=view.channel, label=t('inc.field.kanaal'))
        kanaal.props('outlined stack-label').classes('w-64').mark('inc-kanaal')
        fields: dict[str, Any] = {}
        with ui.row().classes('w-full gap-3 no-wrap'):
            for name in ('waar', 'wanneer'):
                fields[name] = text_input(t(f'inc.field.{name}'), inc.MAX_WHERE, value=view.field(name))
                fields[name].classes('grow').mark(f'inc-{name}')
        fields['wat'] = text_input(t('inc.field.wat'), inc.MAX_FIELD, value=view.field('wat'), multiline=True)
        fields['wat'].classes('w-full').mark('inc-wat')
        ui.label(t('inc.phases')).classes('font-bold')
        with ui.row().classes('w-full gap-3 items-start'):
            for name in inc.PHASES:
                fields[name] = text_input(t(f'inc.field.{name}'), inc.MAX_FIELD, value=view.field(name), multiline=True)
                fields[name].classes('grow').mark(f'inc-{name}')
        notice = ui.column().classes('w-full')

        def make(confirmed: bool) -> inc.Describe:
            values = {name: str(field.value or '') for name, field in fields.items()}
            return inc.Describe(kanaal=str(kanaal.value or ''), confirmed=confirmed, **values)

        def save() -> None:
            send_checked(room, actor, activity_id, make, notice, _saved)

        ui.button(t('common.save'), on_click=save).props('no-caps unelevated').mark('inc-save-description')


def moderation(room: LiveRoom, activity_id: str, do: Do) -> None:
    """What the phones sent and waits: each shown or refused, or all shown at once."""
    with ui.card().classes('control-card w-full').mark('inc-held'):
        heading = ui.label().classes('text-lg font-bold').props('role=heading aria-level=3')
        live_value(room, lambda: len(console(room, activity_id).held), lambda n: heading.set_text(t('inc.held', n=n)))
        ui.button(t('inc.show_all'), icon='visibility', on_click=lambda: do(inc.ApproveAll())).props(
            'no-caps outline'
        ).mark('inc-show-all')

        def row(key: str) -> None:
            held = next((c for c in console(room, activity_id).held if c.id == key), None)
            if held is None:
                return
            with ui.row().classes('items-center gap-2 no-wrap w-full'):
                ui.label(f'{origin_word(held.origin)}: {held.text}').classes('grow lh-argument-text')
                ui.button(t('inc.show'), on_click=lambda: do(Approve(key))).props('flat dense no-caps').mark('inc-show')
                ui.button(t('inc.refuse'), on_click=lambda: do(Reject(key))).props('flat dense no-caps')

        keyed_list(room, lambda: tuple(c.id for c in console(room, activity_id).held), row)


def causes(room: LiveRoom, activity_id: str, actor: Actor, do: Do) -> None:
    """Step 2: the held causes, the shown ones (edit, merge into another, refuse) and one to add."""
    moderation(room, activity_id, do)
    with ui.card().classes('control-card w-full'):
        heading = ui.label().classes('text-lg font-bold').props('role=heading aria-level=3')
        live_value(room, lambda: len(public(room, activity_id).causes), lambda n: heading.set_text(t('inc.shown', n=n)))
        keyed_list(
            room,
            lambda: tuple(c.id for c in public(room, activity_id).causes),
            lambda key: _cause_row(room, activity_id, actor, key, do),
        )
    _add_cause(room, activity_id, actor)


def _cause_row(room: LiveRoom, activity_id: str, actor: Actor, key: str, do: Do) -> None:
    cause = next((c for c in public(room, activity_id).causes if c.id == key), None)
    if cause is None:
        return
    with ui.column().classes('w-full gap-1'):
        with ui.row().classes('items-center gap-2 no-wrap w-full'):
            text = ui.label(f'{origin_word(cause.origin)}: {cause.text}').classes('grow lh-argument-text')
            live_value(
                room,
                lambda: next(
                    (f'{origin_word(c.origin)}: {c.text}' for c in public(room, activity_id).causes if c.id == key), ''
                ),
                text.set_text,
            )
            edit = ui.button(t('inc.edit'), icon='edit').props('flat dense no-caps').mark('inc-edit')
            ui.button(t('inc.refuse'), on_click=lambda: do(Reject(key))).props('flat dense no-caps')
        merge = ui.select({}, label=t('inc.merge_into')).props('outlined dense stack-label').classes('w-96')
        merge.mark('inc-merge')

        def others() -> tuple[tuple[str, str], ...]:
            return tuple((c.id, c.text[:60]) for c in public(room, activity_id).causes if c.id != key)

        live_value(room, others, lambda found: merge.set_options(dict(found), value=None))
        merge.on_value_change(lambda e: do(inc.MergeCause(key, e.value)) if e.value else None)
        with ui.row().classes('items-end gap-2 w-full') as editing:
            field = text_input(t('inc.cause'), inc.MAX_CAUSE, value=cause.text).classes('grow').mark('inc-edit-text')
            notice = ui.column().classes('w-full')

            def save() -> None:
                send_checked(
                    room,
                    actor,
                    activity_id,
                    lambda ok: inc.EditCause(key, str(field.value or ''), confirmed=ok),
                    notice,
                    lambda: editing.set_visibility(False),
                )

            ui.button(t('common.save'), on_click=save).props('no-caps dense').mark('inc-edit-save')
        editing.set_visibility(False)
        edit.on_click(lambda: editing.set_visibility(not editing.visible))


def _add_cause(room: LiveRoom, activity_id: str, actor: Actor) -> None:
    with ui.card().classes('control-card w-full'):
        ui.label(t('inc.add_cause')).classes('font-bold').props('role=heading aria-level=3')
        origin = ui.radio({o.value: origin_word(o) for o in inc.Origin}, value=inc.Origin.DIRECT.value)
        origin.props('inline').mark('inc-add-origin')
        text = text_input(t('inc.cause'), inc.MAX_CAUSE).classes('w-full').mark('inc-add-text')
        notice = ui.column().classes('w-full')

        def clear() -> None:
            text.value = ''

        def add() -> None:
            def make(ok: bool) -> inc.AddCause:
                return inc.AddCause(str(text.value or ''), str(origin.value), confirmed=ok)

            send_checked(room, actor, activity_id, make, notice, clear)

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('inc-add-cause')


def classify(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Step 3: each shown cause into a factor of the seed's picture, and whether it lies outside the organisation."""
    with ui.card().classes('control-card w-full').mark('inc-classify'):
        ui.label(t('inc.step.classificeren')).classes('text-lg font-bold').props('role=heading aria-level=3')
        ui.label(t('inc.classify.note')).classes('facilitator-note')
        keyed_list(
            room,
            lambda: tuple(c.id for c in public(room, activity_id).causes),
            lambda key: _classify_row(room, activity_id, key, do),
            tag='ul',
            entry_tag='li',
        )


def _classify_row(room: LiveRoom, activity_id: str, key: str, do: Do) -> None:
    cause = next((c for c in public(room, activity_id).causes if c.id == key), None)
    if cause is None:
        return
    quiet = [False]
    with ui.row().classes('items-center gap-3 w-full'):
        ui.label(cause.text).classes('grow lh-argument-text')
        factor = ui.select(factor_options(), value=cause.factor, label=t('inc.factor'))
        factor.props(f'outlined dense stack-label aria-label="{t("inc.factor")}"').classes('w-80').mark('inc-factor')
        outside = ui.checkbox(t('inc.outside'), value=cause.outside).mark('inc-outside')

    def send(_: object) -> None:
        if not quiet[0]:
            do(inc.Classify(key, str(factor.value or ''), bool(outside.value)))

    def current() -> tuple[str, bool]:
        found = next((c for c in public(room, activity_id).causes if c.id == key), None)
        return (found.factor, found.outside) if found is not None else ('', False)

    def show(value: tuple[str, bool]) -> None:
        quiet[0] = True
        factor.set_value(value[0])
        outside.set_value(value[1])
        quiet[0] = False

    factor.on_value_change(send)
    outside.on_value_change(send)
    live_value(room, current, show)


def actions(room: LiveRoom, activity_id: str, actor: Actor) -> None:
    """Step 4: per cause whether action is needed, what helped and hindered, and the chance of recurrence."""
    ui.label(t('inc.actions.note')).classes('facilitator-note')
    keyed_list(
        room,
        lambda: tuple(c.id for c in public(room, activity_id).causes),
        lambda key: _assessment(room, activity_id, actor, key),
    )


def _assessment(room: LiveRoom, activity_id: str, actor: Actor, key: str) -> None:
    view = public(room, activity_id)
    cause = next((c for c in view.causes if c.id == key), None)
    if cause is None:
        return
    given = view.assessment(key) or inc.Assessment()
    with ui.card().classes('control-card w-full').mark('inc-assessment'):
        ui.label(cause.text).classes('text-lg font-bold').props('role=heading aria-level=3')
        ui.label(factor_word(cause)).classes('facilitator-note')
        needed = ui.radio(
            {n.value: t(f'inc.needed.{n.value}') for n in inc.Needed},
            value=given.needed.value if given.needed else None,
        )
        needed.props(f'inline aria-label="{t("inc.needed")}"').mark('inc-needed')
        with ui.column().classes('w-full gap-2') as yes:
            measure = text_input(t('inc.measure'), inc.MAX_MEASURE, value=given.measure).classes('w-full')
            measure.mark('inc-measure')
            with ui.row().classes('w-full gap-3 items-end'):
                owner = text_input(t('inc.owner'), inc.MAX_OWNER, value=given.owner).classes('grow').mark('inc-owner')
                term = ui.input(t('inc.term'), value=given.term).props('type=date outlined stack-label')
                term.mark('inc-term')
                kinds = {k.value: t(f'inc.plan_kind.{k.value}.choice') for k in inc.PlanKind}
                kind = ui.select(kinds, value=given.plan_kind.value, label=t('inc.plan_kind'))
                kind.props('outlined stack-label').classes('w-80').mark('inc-plan-kind')
            with ui.row().classes('w-full gap-3 items-end') as escalation:
                influence = text_input(t('inc.influence'), inc.MAX_OWNER, value=given.influence).classes('grow')
                influence.mark('inc-influence')
                action = text_input(t('inc.action'), inc.MAX_NOTE, value=given.action).classes('grow')
                action.mark('inc-action')
                follow_up = ui.input(t('inc.follow_up'), value=given.follow_up).props('type=date outlined stack-label')
                follow_up.mark('inc-follow-up')
            escalation.bind_visibility_from(kind, 'value', backward=lambda v: v == inc.PlanKind.ESCALATIE.value)
        yes.bind_visibility_from(needed, 'value', backward=lambda v: v == inc.Needed.JA.value)
        reason = text_input(t('inc.reason'), inc.MAX_NOTE, value=given.reason).classes('w-full').mark('inc-reason')
        reason.bind_visibility_from(needed, 'value', backward=lambda v: v == inc.Needed.NEE.value)
        with ui.row().classes('w-full gap-3 items-start'):
            helped = text_input(t('inc.helped'), inc.MAX_NOTE, value=given.helped, multiline=True).classes('grow')
            helped.mark('inc-helped')
            hindered = text_input(t('inc.hindered'), inc.MAX_NOTE, value=given.hindered, multiline=True)
            hindered.classes('grow').mark('inc-hindered')
        with ui.row().classes('w-full gap-3 items-end'):
            chances = {r.value: t(f'inc.recurrence.{r.value}') for r in inc.Recurrence}
            recurrence = ui.radio(chances, value=given.recurrence.value if given.recurrence else None)
            recurrence.props(f'inline aria-label="{t("inc.recurrence")}"').mark('inc-recurrence')
            why = text_input(t('inc.recurrence_why'), inc.MAX_NOTE, value=given.recurrence_why).classes('grow')
            why.mark('inc-recurrence-why')
        notice = ui.column().classes('w-full')

        def make(confirmed: bool) -> inc.Assess:
            def text(field: Any) -> str:
                return str(field.value or '')

            return inc.Assess(
                key,
                text(needed),
                measure=text(measure),
                owner=text(owner),
                term=text(term),
                reason=text(reason),
                plan_kind=text(kind),
                influence=text(influence),
                action=text(action),
                follow_up=text(follow_up),
                helped=text(helped),
                hindered=text(hindered),
                recurrence=text(recurrence),
                recurrence_why=text(why),
                confirmed=confirmed,
            )

        def save() -> None:
            send_checked(room, actor, activity_id, make, notice, _saved)

        button = ui.button(t('inc.save_assessment'), on_click=save).props('no-caps unelevated')
        button.props['aria-label'] = f'{t("inc.save_assessment")}: {cause.text[:80]}'
        button.mark('inc-save-assessment')


def done(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    """The end: the evaluation as a Word document the CAG can file, and its measures into the team plan."""
    with ui.card().classes('control-card w-full').mark('inc-done'):
        ui.label(t('inc.done')).classes('text-lg font-bold').props('role=heading aria-level=3')
        ui.label(t('inc.done.note')).classes('facilitator-note')

        def download() -> None:
            from .document import document_name, incident_docx  # python-docx: loaded at the first download

            lang = language()
            content = incident_docx(room.state, activity_id, lang)
            ui.download.content(content, document_name(room.state, lang), DOCX)

        ui.button(t('inc.download'), icon='download', on_click=download).props('no-caps').mark('inc-download')
    promote_card(room, services)
