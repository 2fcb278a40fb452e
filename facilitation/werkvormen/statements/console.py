"""Stellingen in the console: the one obvious next step, the live count, notes, the list, new statements."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import Step, StepButton, keyed_list, step_button
from ...ui.frame import live_section, live_value, run_command, t, text_input
from ...ui.handcount import hand_count_form
from ..base import Actor
from . import rules as st
from .common import result_bars, state_of, statement_heading, vote_count


def _next_step(state: st.State) -> tuple[str, object] | None:
    """The one obvious next step for the facilitator, as (label key, command)."""
    statement = state.current_statement
    following = state.next_id()
    if statement is None:
        return ('st.show_first', st.ShowStatement(following)) if following else None
    match statement.phase:
        case st.Phase.SHOWN:
            return 'st.open_voting', st.OpenVoting()
        case st.Phase.VOTING:
            return 'st.close_voting', st.CloseVoting()
        case st.Phase.CLOSED:
            return 'st.reveal', st.Reveal()
    return ('st.next', st.ShowStatement(following)) if following else None


def _step(state: st.State) -> Step | None:
    step = _next_step(state)
    return Step(*step) if step else None


def _again(phase: st.Phase) -> Step | None:
    """Voting once more: a second round after the reveal, or open again after closing."""
    if phase is st.Phase.REVEALED:
        return Step('st.second_round', st.OpenVoting(), icon='replay')
    if phase is st.Phase.CLOSED:
        return Step('st.reopen', st.OpenVoting(), icon='lock_open')
    return None


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def count_label() -> None:  # one live region updated in place, so screen readers announce the count
        label = ui.label().classes('voted-live').props('aria-live=polite')

        def show(value: tuple[st.Phase, int, int]) -> None:
            phase, voted, joined = value
            label.set_text(t('st.voted_live', voted=voted, joined=joined))
            label.set_visibility(phase in (st.Phase.VOTING, st.Phase.CLOSED, st.Phase.REVEALED))

        live_value(room, lambda: vote_count(room, activity_id), show)

    def view() -> st.PublicView:
        return st.public_view(state_of(room, activity_id), room.state.min_reveal)

    def statement_shown() -> tuple[object, ...]:
        shown = view()
        return shown.statement_id, shown.text, shown.position, shown.count

    def heading(view: st.PublicView) -> None:
        if view.statement_id:
            statement_heading(view, 'text-2xl')
            note = state_of(room, activity_id).statements[view.statement_id].note
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
            step_button(room, lambda: _step(state_of(room, activity_id)), do)
            done = ui.label(t('st.all_done'))
            live_value(room, lambda: _next_step(state_of(room, activity_id)) is None, done.set_visibility)
            again = StepButton(room, lambda: _again(view().phase), do)
            again.props('outline no-caps')
        live_section(room, lambda: (view().results, room.state.min_reveal), lambda value: results(value[0]))
    live_section(room, lambda: _counted(state_of(room, activity_id)), lambda value: _hand_count(value, do))

    live_section(room, lambda: state_of(room, activity_id).current, lambda _: _discussion_form(room, activity_id, do))
    with ui.expansion(t('st.statements'), icon='list', value=False).classes('w-full statement-list'):
        # the rows change in place, the folded/unfolded list stays as the facilitator left it
        keyed_list(
            room,
            lambda: tuple(state_of(room, activity_id).statements),
            lambda statement_id: _statement_row(room, activity_id, statement_id, do),
            tag='div',
        )
    _add_statement_form(do)


def _discussion_form(room: LiveRoom, activity_id: str, do: Callable[[object], bool]) -> None:
    statement = state_of(room, activity_id).current_statement
    if statement is None:
        return
    with ui.expansion(t('st.discussion'), icon='forum', value=True).classes('w-full discussion'):
        fields = [
            text_input(
                t(f'st.discussion.{name}'), st.MAX_DISCUSSION, multiline=True, value=getattr(statement.discussion, name)
            ).classes('w-full')
            for name in ('known', 'practice', 'policy')
        ]

        saved = [f.value for f in fields]

        def save(*, quietly: bool = False) -> None:
            values = [f.value for f in fields]
            if values != saved and do(st.SaveDiscussion(statement.id, *values)):
                saved[:] = values
                if not quietly:
                    ui.notify(t('common.saved'), type='positive')

        for field in fields:  # leaving a field (also by clicking the next step) saves it: notes are never lost
            field.on('blur', lambda: save(quietly=True))
        ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').mark('save-discussion')


def _row_view(state: st.State, statement_id: str) -> tuple[int, str, st.Phase | None, bool] | None:
    """A row of the list: its place, text, phase once voted on, and whether it is shown now (None: not there)."""
    statement = state.statements.get(statement_id)
    if statement is None:
        return None
    position = list(state.statements).index(statement_id) + 1
    return position, statement.text, statement.phase if statement.rounds else None, statement_id == state.current


def _statement_row(room: LiveRoom, activity_id: str, statement_id: str, do: Callable[[object], bool]) -> None:
    """One statement of the list, made once: place, phase and *Toon* are kept current in place, and *Toon* shows the
    statement it was made for."""
    with ui.row().classes('items-center no-wrap w-full') as row:
        number = ui.label().classes('w-8')
        text = ui.label().classes('grow')
        current = ui.label(t('st.current')).classes('phase-chip small').props('aria-current=step')
        phase = ui.label().classes('phase-chip small')
        show = ui.button(t('st.show'), on_click=lambda: do(st.ShowStatement(statement_id))).props('flat no-caps')
        show.mark(f'show-{statement_id}')

    def apply(value: tuple[int, str, st.Phase | None, bool] | None) -> None:
        if value is None:
            return
        position, words, shown_phase, is_current = value
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
        show.set_visibility(not is_current)
        show.props['aria-label'] = f'{t("st.show")} {position}'  # assigned: no markup
        show.update()

    live_value(room, lambda: _row_view(state_of(room, activity_id), statement_id), apply)


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


def _counted(state: st.State) -> tuple[str, int, int, int] | None:
    """The round a hand count goes with (open or closed, not yet revealed) and what was counted so far."""
    statement = state.current_statement
    if statement is None or statement.phase not in (st.Phase.VOTING, st.Phase.CLOSED):
        return None
    last = statement.rounds[-1]
    return statement.id, len(statement.rounds), last.room_eens, last.room_oneens


def _hand_count(counted: tuple[str, int, int, int] | None, do: Callable[[object], bool]) -> None:
    if counted is None:
        return
    _, _, eens, oneens = counted
    fields = [(t('hand.green'), 'hand-eens', eens), (t('hand.red'), 'hand-oneens', oneens)]
    hand_count_form(t('hand.title'), fields, t('hand.save'), lambda n: do(st.CountHands(*n)))
