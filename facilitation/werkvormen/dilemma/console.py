"""The dilemma in the console: the stappenplan as a row of steps (go to any, back one, or on to the next: always one
obvious next step), the step's clock, and per step what the facilitator does there: show or hold what the phones
sent, pick the dilemma, write down its facts and two sides, curate the table, mark the alternatives, record the
inbrenger's deliberation and the agreements with their owners (console_dilemmas.py, console_entries.py and
console_outcome.py, by step).

Forms stay put while the room moves: only the lists that show changing facts are re-made when they change. The
set-up and step 1 share the inventory (made once for both: a dilemma being typed survives the start)."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import Clock, Step, StepButton, Words, clock_row, step_button, stepper
from ...ui.frame import live_section, run_command, t, tell
from ..base import Actor, ExtendTimer, PauseTimer, ResumeTimer, StopTimer
from . import rules as dm
from .common import SOFT, Do, console, public, step_line, step_word
from .console_dilemmas import choosing, formulate, inbrenger, inventory
from .console_entries import entries, marks
from .console_outcome import agreements, deliberate, done, judged_after, terugblik


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def key() -> tuple[object, ...]:
        view = public(room, activity_id)
        return view.stage, view.step, view.steps

    def heading(_: object) -> None:
        view = public(room, activity_id)
        ui.label(step_line(view)).classes('phase-chip').mark('dm-step')
        _stepper(view, do)

    def setting_up() -> tuple[dm.Step, ...] | None:
        view = public(room, activity_id)
        return view.steps if view.stage is dm.Stage.SETUP else None

    def plan(steps: tuple[dm.Step, ...] | None) -> None:
        if steps is not None:
            _setup(public(room, activity_id), console(room, activity_id), do)

    live_section(room, key, heading)
    _controls(room, activity_id, do)
    live_section(room, setting_up, plan)
    live_section(room, lambda: _part(public(room, activity_id)), lambda _: _stage(room, activity_id, do))


def _part(view: dm.PublicView) -> tuple[object, ...]:
    """Which part of the stappenplan the stage shows: the inventory in the set-up and step 1 alike, else the step."""
    if view.stage is dm.Stage.SETUP or (view.stage is dm.Stage.RUNNING and view.step is dm.Step.INVENTARISEREN):
        return ('inventory',)
    return view.stage, view.step


def _stage(room: LiveRoom, activity_id: str, do: Do) -> None:
    view = public(room, activity_id)
    if view.stage is dm.Stage.DONE:
        done(room, activity_id, do)
        return
    match None if view.stage is dm.Stage.SETUP else view.step:
        case None | dm.Step.INVENTARISEREN:
            inventory(room, activity_id, do)
        case dm.Step.KIEZEN:
            choosing(room, activity_id, do)
        case dm.Step.FORMULEREN:
            inbrenger(room, activity_id, do)
            formulate(room, activity_id, do)
        case dm.Step.VERHELDEREN:
            inbrenger(room, activity_id, do)
            ui.label(t('dm.rule.reminder')).classes('facilitator-note')
            entries(room, activity_id, (dm.Column.VRAAG,), do)
        case dm.Step.WAARDEN:
            inbrenger(room, activity_id, do)
            entries(room, activity_id, dm.COLUMNS[dm.Step.WAARDEN], do)
        case dm.Step.ALTERNATIEVEN:
            inbrenger(room, activity_id, do)
            entries(room, activity_id, (dm.Column.ALTERNATIEF,), do)
            marks(room, activity_id, do)
        case dm.Step.AFWEGING:
            inbrenger(room, activity_id, do)
            deliberate(room, activity_id, do)
        case dm.Step.AFSPRAKEN:
            entries(room, activity_id, (dm.Column.EENS, dm.Column.VERSCHIL), do)
            agreements(room, activity_id, do)
            judged_after(room, activity_id)
        case dm.Step.TERUGBLIK:
            terugblik(room, activity_id)


def _stepper(view: dm.PublicView, do: Do) -> None:
    current = view.step if view.stage is dm.Stage.RUNNING else None
    stepper(view.steps, current, step_word, lambda step: do(dm.GoToStep(step.value)), t('dm.stappenplan'), 'dm-go')


def _controls(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Back, the next step and the step's timer: made once and updated in place, so a click always lands."""

    def previous() -> Step | None:
        view = public(room, activity_id)
        if not console(room, activity_id).back:
            return None
        return Step('dm.previous', dm.PreviousStep(), about=(view.stage, view.step), icon='arrow_back')

    def following() -> Step | None:
        own = console(room, activity_id)
        match own.forward:
            case dm.Forward.START:
                return Step('dm.start', dm.NextStep())
            case dm.Forward.NEXT if own.next_step is not None:
                words = (('name', Words(f'dm.step.{own.next_step.value}')),)
                return Step('dm.next', dm.NextStep(), words, about=public(room, activity_id).step, icon='arrow_forward')
            case dm.Forward.END:
                return Step('dm.end', dm.EndDilemma(), icon='flag')
        return None

    with ui.row().classes('items-center gap-3'):
        StepButton(room, previous, do).props('no-caps outline').mark('dm-previous')
        step_button(room, following, do)

    def now() -> Clock:
        view = public(room, activity_id)
        return view.deadline, view.left, view.stage is dm.Stage.RUNNING

    commands = (PauseTimer(), ResumeTimer(), ExtendTimer(60), StopTimer())
    clock_row(room, now, commands, do, extend_key='arena.extend', soft=SOFT, overrun=True)


def _setup(view: dm.PublicView, own: dm.ConsoleView, do: Do) -> None:
    """Which steps to run (all, or a short version for a werkoverleg) and how long each may take."""
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.plan')).classes('text-lg font-bold').props('role=heading aria-level=3')
        with ui.row().classes('gap-3'):
            ui.button(t('dm.all_steps'), on_click=lambda: do(dm.SetSteps(tuple(s.value for s in dm.ORDER)))).props(
                'no-caps outline'
            ).mark('dm-all-steps')
            ui.button(t('dm.short'), on_click=lambda: do(dm.SetSteps(tuple(s.value for s in dm.SHORT)))).props(
                'no-caps outline'
            ).mark('dm-short')
        minutes: dict[dm.Step, ui.number] = {}
        checks: dict[dm.Step, ui.checkbox] = {}
        shown = dict(own.minutes)  # the plan's share, or the step's own
        for step in dm.ORDER:
            with ui.row().classes('items-center gap-3 no-wrap'):
                checks[step] = ui.checkbox(step_word(step), value=step in view.steps).classes('grow')
                minutes[step] = (
                    ui.number(t('arena.minutes'), value=shown[step], min=0, max=240, precision=0)
                    .props('outlined dense stack-label')
                    .classes('w-32')
                )

        def save() -> None:
            client, text = ui.context.client, t('common.saved')  # taken now: a new run of steps re-makes this card
            chosen = tuple(s.value for s, box in checks.items() if box.value)
            ok = do(dm.SetSteps(chosen))
            for step, field in minutes.items():
                given = int(field.value or 0)
                if ok and given != shown[step]:  # changed here: this step's own; the rest keep following the plan
                    ok = do(dm.SetStepSeconds(step.value, given * 60))
            if ok:
                tell(client, text)

        ui.button(t('common.save'), on_click=save).props('no-caps').mark('dm-save-plan')
