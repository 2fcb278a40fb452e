"""The incidentevaluatie in the console: its four steps as a row (go to any, back one, or on: always one obvious
next step), the step's clock, and per step what the facilitator does there (console_steps.py): write down the
incident, show or refuse the causes the phones sent (edit, merge), classify them, and per cause decide on action;
at the end the measures into the team plan with one click, and the evaluation as a Word document for the CAG."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import Clock, Step, StepButton, Words, clock_row, step_button, stepper
from ...ui.frame import live_section, run_command, t
from ..base import Actor, ExtendTimer, PauseTimer, ResumeTimer, StopTimer
from . import rules as inc
from .common import SOFT, Do, console, public, step_line, step_word
from .console_steps import actions, causes, classify, describe, done


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def heading(_: object) -> None:
        view = public(room, activity_id)
        ui.label(step_line(view)).classes('phase-chip').mark('inc-step')
        _stepper(view, do)

    live_section(room, lambda: (public(room, activity_id).stage, public(room, activity_id).step), heading)
    _controls(room, activity_id, do)
    ui.label(t('inc.tone')).classes('facilitator-note')

    def stage(key: tuple[inc.Stage, inc.Step | None]) -> None:
        match key:
            case (inc.Stage.SETUP, _):
                _setup(console(room, activity_id))
            case (inc.Stage.DONE, _):
                done(room, activity_id, actor, services)
            case (_, inc.Step.BESCHRIJVEN):
                describe(room, activity_id, actor)
            case (_, inc.Step.OORZAKEN):
                causes(room, activity_id, actor, do)
            case (_, inc.Step.CLASSIFICEREN):
                classify(room, activity_id, do)
            case (_, inc.Step.ACTIES):
                actions(room, activity_id, actor)

    live_section(room, lambda: (public(room, activity_id).stage, public(room, activity_id).step), stage)


def _stepper(view: inc.PublicView, do: Do) -> None:
    current = view.step if view.stage is inc.Stage.RUNNING else None
    stepper(inc.ORDER, current, step_word, lambda step: do(inc.GoToStep(step.value)), t('inc.steps'), 'inc-go')


def _controls(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Back, the next step and the step's clock: made once and updated in place, so a click always lands."""

    def previous() -> Step | None:
        view = public(room, activity_id)
        if not console(room, activity_id).back:
            return None
        return Step('inc.previous', inc.PreviousStep(), about=(view.stage, view.step), icon='arrow_back')

    def following() -> Step | None:
        own = console(room, activity_id)
        match own.forward:
            case inc.Forward.START:
                return Step('inc.start', inc.NextStep())
            case inc.Forward.NEXT if own.next_step is not None:
                words = (('name', Words(f'inc.step.{own.next_step.value}')),)
                about = public(room, activity_id).step
                return Step('inc.next', inc.NextStep(), words, about=about, icon='arrow_forward')
            case inc.Forward.END:
                return Step('inc.end', inc.EndEvaluation(), icon='flag')
        return None

    with ui.row().classes('items-center gap-3'):
        StepButton(room, previous, do).props('no-caps outline').mark('inc-previous')
        step_button(room, following, do)

    def now() -> Clock:
        view = public(room, activity_id)
        return view.deadline, view.left, view.stage is inc.Stage.RUNNING

    commands = (PauseTimer(), ResumeTimer(), ExtendTimer(60), StopTimer())
    clock_row(room, now, commands, do, extend_key='arena.extend', soft=SOFT, overrun=True)


def _setup(own: inc.ConsoleView) -> None:
    with ui.card().classes('control-card w-full'):
        ui.label(t('inc.setup.title')).classes('text-lg font-bold').props('role=heading aria-level=3')
        ui.label(t('inc.setup.who')).classes('facilitator-note')
        with ui.element('ol'):
            for step, minutes in own.minutes:
                with ui.element('li'):
                    ui.label(t('inc.setup.step', name=step_word(step), minutes=minutes))
