"""What the incidentevaluatie's views share: their projections (typed, through ui.views), the steps and their words,
the clock, the factors as choices, and sending text that may look identifying (the part named, then rephrased or
confirmed as identifying no one)."""

from __future__ import annotations

import time
from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...session import ForActivity
from ...ui import views
from ...ui.countdown import countdown
from ...ui.frame import attempt, client_host, refresh_own_page, t
from ..base import Actor
from . import rules as inc

Do = Callable[[object], bool]  # a view gives a command: True when it was taken
SOFT = 60  # a step's clock signals its end a minute before

PROJECTIONS = views.Projections[inc.PublicView, inc.ConsoleView, inc.ParticipantView]()
public, console, participant = PROJECTIONS.public, PROJECTIONS.console, PROJECTIONS.participant


def step_word(step: inc.Step | None) -> str:
    return t(f'inc.step.{step.value}') if step is not None else t('inc.setup')


def step_line(view: inc.PublicView) -> str:
    """'Stap 2 van 4 · Directe en indirecte oorzaken': the number in words besides the name."""
    if view.stage is inc.Stage.DONE:
        return t('inc.done')
    if view.step is None:
        return t('inc.setup')
    return t('inc.step_of', n=view.position, total=len(inc.ORDER), name=step_word(view.step))


def clock(view: inc.PublicView, css: str) -> None:
    if view.stage is inc.Stage.RUNNING and (view.deadline is not None or view.left is not None):
        countdown(view.deadline, view.left, time.time(), css, soft=SOFT, overrun=True)


def group_word(group: inc.Group | None) -> str:
    return t(f'inc.group.{group.value}') if group is not None else t('inc.unclassified')


def factor_word(cause: inc.CauseView) -> str:
    """'Protocollen', with '(buiten de organisatie)' when it lies outside."""
    word = t(f'inc.factor.{cause.factor}') if cause.factor else t('inc.unclassified')
    return f'{word} ({t("inc.outside")})' if cause.outside else word


def factor_options() -> dict[str, str]:
    """Every factor as 'Groep: factor', in the picture's order, and none."""
    options = {'': t('inc.unclassified')}
    for group, factors in inc.FACTORS.items():
        options |= {factor: f'{group_word(group)}: {t(f"inc.factor.{factor}")}' for factor in factors}
    return options


def origin_word(origin: inc.Origin) -> str:
    return t(f'inc.origin.{origin.value}')


def send_checked(
    room: LiveRoom,
    actor: Actor,
    activity_id: str,
    make: Callable[[bool], object],
    notice: ui.element,
    done: Callable[[], object] = lambda: None,
) -> None:
    """Send `make(False)`; when the server finds a part that looks as if it identifies the citizen, `notice` names
    it and offers to confirm that it does not (then `make(True)` is sent). `done` follows what was taken."""
    client = ui.context.client  # taken now: the command may re-make the clicked element
    flagged: list[inc.LooksIdentifying] = []

    def act() -> None:
        try:
            room.execute(actor, ForActivity(activity_id, make(False)), client_host())
        except inc.LooksIdentifying as found:
            flagged.append(found)

    notice.clear()
    if not attempt(act):
        return
    if not flagged:
        refresh_own_page(client)
        done()
        return
    found = flagged[0]

    def confirm() -> None:
        if attempt(lambda: room.execute(actor, ForActivity(activity_id, make(True)), client_host())):
            notice.clear()
            refresh_own_page(client)
            done()

    with notice, ui.card().classes('w-full inc-flag').mark('inc-flag'):
        ui.label(t(found.key, part=found.params['part'])).classes('font-bold').props('role=alert')
        ui.label(t('inc.flag.why')).classes('privacy-note')
        with ui.row().classes('gap-2'):
            ui.button(t('inc.flag.rephrase'), on_click=notice.clear).props('no-caps outline').mark('inc-rephrase')
            ui.button(t('inc.flag.confirm'), on_click=confirm).props('no-caps unelevated').mark('inc-confirm')
