"""Stellingen in the console: the one obvious next step, the live count, notes, the list, new statements."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui import views
from ...ui.controls import Step, StepButton, hand_on_focus, keyed_list, step_button, then_next_step
from ...ui.frame import live_section, live_value, run_command, t, text_input
from ...ui.handcount import hand_count_form
from ..base import Actor
from . import rules as st
from .common import result_bars, statement_heading


def _step(offer: st.NextStep | None) -> Step | None:
    return Step(offer.key, offer.command, icon=offer.icon) if offer else None


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def count_label() -> None:  # one live region updated in place, so screen readers announce the count
        label = ui.label().classes('voted-live').props('aria-live=polite')

        def show(value: tuple[st.Phase, int, int]) -> None:
            phase, voted, joined = value
            label.set_text(t('st.voted_live', voted=voted, joined=joined))
            label.set_visibility(phase in (st.Phase.VOTING, st.Phase.CLOSED, st.Phase.REVEALED))

        live_value(room, lambda: (view().phase, view().voted, len(room.state.participants)), show)

    def console() -> st.ConsoleView:
        return views.console(room, activity_id)

    def view() -> st.PublicView:
        return console().public

    def statement_shown() -> tuple[object, ...]:
        shown = view()
        return shown.statement_id, shown.text, shown.position, shown.count

    def heading(view: st.PublicView) -> None:
        if view.statement_id:
            statement_heading(view, 'text-2xl')
            note = console().note
            if note:
                ui.label(f'{t("st.note")}: {note}').classes('facilitator-note')

    def results(results: tuple[st.RoundResult, ...]) -> None:
        for result in results:
            ui.label(t('st.round_n', n=result.number)).classes('result-title')
            result_bars(result.tally, room.state.min_reveal)

    # made once and updated in place: a click on a step lands whatever the phones do meanwhile
    with ui.card().classes('control-card w-full'):
        with ui.row().classes('items-center gap-2'):
            phase = ui.label().classes('phase-chip')
            live_value(room, lambda: view().phase, lambda p: phase.set_text(t(f'st.phase.{p.value}')))
            count_label()
        live_section(room, statement_shown, lambda _: heading(view()))
        with ui.row().classes('gap-3 items-center'):
            step_button(room, lambda: _step(console().next_step), do)
            done = ui.label(t('st.all_done'))
            live_value(room, lambda: console().next_step is None, done.set_visibility)
            again = StepButton(room, lambda: _step(console().again), do)
            again.props('outline no-caps')
        live_section(room, lambda: (view().results, room.state.min_reveal), lambda value: results(value[0]))
    live_section(room, lambda: console().hand_count, lambda counted: _hand_count(counted, do))

    live_section(room, lambda: view().statement_id, lambda _: _discussion_form(console(), do))
    with ui.expansion(t('st.statements'), icon='list', value=False).classes('w-full statement-list'):
        # the rows change in place, the folded/unfolded list stays as the facilitator left it
        keyed_list(
            room,
            lambda: tuple(row.id for row in console().rows),
            lambda statement_id: _statement_row(room, console, statement_id, do),
            tag='div',
        )
    _add_statement_form(do)


def _discussion_form(console: st.ConsoleView, do: Callable[[object], bool]) -> None:
    statement_id, discussion = console.public.statement_id, console.discussion
    if statement_id is None or discussion is None:
        return
    with ui.expansion(t('st.discussion'), icon='forum', value=True).classes('w-full discussion'):
        fields = [
            text_input(
                t(f'st.discussion.{name}'), st.MAX_DISCUSSION, multiline=True, value=getattr(discussion, name)
            ).classes('w-full')
            for name in ('known', 'practice', 'policy')
        ]

        saved = [f.value for f in fields]

        def save(*, quietly: bool = False) -> None:
            values = [f.value for f in fields]
            if values != saved and do(st.SaveDiscussion(statement_id, *values)):
                saved[:] = values
                if not quietly:
                    ui.notify(t('common.saved'), type='positive')

        for field in fields:  # leaving a field (also by clicking the next step) saves it: notes are never lost
            field.on('blur', lambda: save(quietly=True))
        then_next_step(ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').mark('save-discussion'))


def _statement_row(
    room: LiveRoom, console: Callable[[], st.ConsoleView], statement_id: str, do: Callable[[object], bool]
) -> None:
    """One statement of the list, made once: place, phase and *Toon* are kept current in place, and *Toon* shows the
    statement it was made for."""
    with ui.row().classes('items-center no-wrap w-full') as row:
        number = ui.label().classes('w-8')
        text = ui.label().classes('grow')
        current = ui.label(t('st.current')).classes('phase-chip small').props('aria-current=step')
        phase = ui.label().classes('phase-chip small')
        show = ui.button(t('st.show'), on_click=lambda: do(st.ShowStatement(statement_id))).props('flat no-caps')
        show.mark(f'show-{statement_id}').set_visibility(False)  # until apply() knows whether it is the one shown

    def apply(value: st.StatementRow | None) -> None:
        if value is None:
            return
        position, words, shown_phase, is_current = value.position, value.text, value.phase, value.current
        number.set_text(f'{position}.')
        text.set_text(words)
        if is_current:
            row.classes(add='current')
        else:
            row.classes(remove='current')
        current.set_visibility(is_current)
        phase.set_visibility(shown_phase is not None)
        if shown_phase is not None:
            phase.set_text(t(f'st.phase.{shown_phase.value}'))
        if is_current and show.visible:  # shown now (by its own Toon, say): its focus goes on to the next step
            hand_on_focus(show)
        show.set_visibility(not is_current)
        show.props['aria-label'] = f'{t("st.show")} {position}'  # assigned: no markup
        show.update()

    live_value(room, lambda: console().row(statement_id), apply)


def _add_statement_form(do: Callable[[object], bool]) -> None:
    with ui.expansion(t('st.new_statement'), icon='add').classes('w-full'):
        text = text_input(t('st.field.text'), st.MAX_STATEMENT).mark('statement-text')
        clip = text_input(t('st.field.clip'), st.MAX_CLIP, hint=t('common.optional'))
        note = text_input(t('st.field.note'), st.MAX_NOTE, hint=t('common.optional'))

        def add() -> None:
            if do(st.AddStatement(text.value, clip.value, note.value)):
                text.value = clip.value = note.value = ''
                ui.notify(t('common.saved'), type='positive')

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('add-statement')


def _hand_count(counted: st.HandCount | None, do: Callable[[object], bool]) -> None:
    if counted is None:
        return
    fields = [(t('hand.green'), 'hand-eens', counted.eens), (t('hand.red'), 'hand-oneens', counted.oneens)]
    hand_count_form(t('hand.title'), fields, t('hand.save'), lambda n: do(st.CountHands(*n)))
