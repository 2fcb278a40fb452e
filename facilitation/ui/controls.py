"""Console buttons kept in place while the room changes, so a click sent meanwhile always lands.

A button re-made by a re-rendered section is a new element: a click the browser sent to the old one (while phones
voted or joined, say) reached an element that no longer existed and was lost. A `StepButton` is made once; its label,
visibility and what a click does come from the room's current projection, updated in place as the phones' views are.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from nicegui import ui
from nicegui.events import GenericEventArguments

from ..live import LiveRoom
from ..werkvormen.base import ClockOffer
from .countdown import countdown
from .frame import live_section, live_value, t


@dataclass(frozen=True)
class Words:
    """A label placeholder that is itself interface text: translated with the label, in the page's language."""

    key: str


@dataclass(frozen=True)
class Step:
    """What a step button shows and does now: its label (an i18n key; computed outside any page, translated in the
    page's language when shown) and the command a click runs."""

    key: str
    command: object
    params: tuple[tuple[str, object], ...] = ()  # for the label's placeholders (Words: translated too)
    about: object = None  # what it acts on when the command does not say (another one: another step)
    icon: str = ''


# Once the browser has hidden the button: if the focus was on it (now on the page's body), to the next step shown,
# else to what a Tab would have reached after it (while there is no step to take, such as when phones are awaited)
_FOCUS_ON = """(() => {
    const button = document.getElementById('ID');  // the browser may have hidden it already (the focus then fell)
    if (!button || (document.activeElement !== button && document.activeElement !== document.body)) return;
    const later = () => {
        if (document.activeElement !== document.body && document.activeElement !== button) return;
        const shown = (e) => e !== button && e.offsetParent !== null && !e.disabled;
        const after = (e) => button.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING;
        const focusable = 'main button, main a[href], main input, main textarea, main [tabindex="0"]';
        const next = [...document.querySelectorAll('.next-step')].find(shown)
            || [...document.querySelectorAll(focusable)].find((e) => shown(e) && after(e));
        if (next) next.focus();
    };
    requestAnimationFrame(() => requestAnimationFrame(later));
})()"""


def hand_on_focus(element: ui.element) -> None:
    """`element` is being hidden: had it the keyboard's focus, the focus goes on to the next step, not to the page's
    start."""
    element.client.run_javascript(_FOCUS_ON.replace('ID', f'c{element.id}'))


# A form's button pressed by keyboard (a click of detail 0; a mouse click keeps its place): the focus goes on to the
# next step shown
_FOCUS_NEXT_AFTER_KEY = """(event) => {
    if (event.detail !== 0) return;
    const next = [...document.querySelectorAll('.next-step')].find((e) => e.offsetParent !== null);
    if (next) next.focus();
}"""


def then_next_step(button: ui.button) -> ui.button:
    """Once `button` (a form's Opslaan beside the steps) is pressed by keyboard, the focus goes on to the console's
    next step, so that step and the one beside it are an Enter or a Tab away rather than a round of the whole page."""
    return button.on('click', js_handler=_FOCUS_NEXT_AFTER_KEY)


class StepButton(ui.button):
    """A button whose step comes from `compute()` (None: hidden), kept current in place; a click runs `run(command)`
    of the step it showed.

    Each step the button shows is numbered, and a click says which number it was made on (its one click listener's
    script sends it; a listener of its own per step would make the browser re-make the element, and log a warning,
    at every change). A click made on an earlier step (the second half of a double click, or one sent before the
    browser saw the change) does nothing, and the socket guard's double-click window, kept per step, lets the first
    click on a new step through."""

    def __init__(self, room: LiveRoom, compute: Callable[[], Step | None], run: Callable[[object], object]) -> None:
        super().__init__()
        self._run = run
        self._step: Step | None = None
        self._shown = 0  # the number of the step shown now
        self.on('click', self._clicked, [None], js_handler=self._script())
        self._listener = next(reversed(self._event_listeners.values()))
        live_value(room, compute, self._show)

    def _script(self) -> str:
        return f'() => emit({self._shown})'

    def _show(self, step: Step | None) -> None:
        if step != self._step:
            self._shown += 1
            self._listener.js_handler = self._script()
        hidden_now = step is None and self._step is not None
        self._step = step
        self.set_visibility(step is not None)
        if hidden_now:
            hand_on_focus(self)
        if step is not None:
            params = {name: t(v.key) if isinstance(v, Words) else v for name, v in step.params}
            self.set_text(t(step.key, **params))
            if step.icon:
                self.props['icon'] = step.icon
            else:
                self.props.pop('icon', None)
        self.update()

    def _clicked(self, event: GenericEventArguments) -> None:
        made_on = event.args  # None from NiceGUI's simulated user, which runs no script: the step it sees
        if self._step is not None and made_on in (None, self._shown):
            self._run(self._step.command)


def step_button(room: LiveRoom, compute: Callable[[], Step | None], run: Callable[[object], object]) -> StepButton:
    """The console's one obvious next step (large, class and marker `next-step`), kept in place."""
    button = StepButton(room, compute, run)
    button.props('size=lg no-caps').classes('next-step').mark('next-step')
    return button


def keyed_list(
    room: LiveRoom,
    keys: Callable[[], tuple[str, ...]],
    make: Callable[[str], object],
    *,
    tag: str = '',
    entry_tag: str = 'div',
) -> ui.element:
    """A list with one entry per key of `keys()`, in that order, each made once by `make(key)`: as the room changes,
    the entry of a key that went is removed, a new key's entry is made and the others are moved, never re-made, so a
    click on an entry's button lands while the list changes around it (an entry keeps itself current in place).

    A click names the element it was made on, so it always acts on that entry's item; an item that has gone by the
    time the click arrives is refused by its rule (and told). `tag` and `entry_tag` make it another list than a
    column of divs ('ol' and 'li': a numbered list). An entry's live parts may be asked once more after its item went
    (before the list removes it): they must read a missing item as nothing to show."""
    container = ui.element(tag) if tag else ui.column().classes('w-full gap-3')
    entries: dict[str, ui.element] = {}

    def show(order: tuple[str, ...]) -> None:
        for gone in [key for key in entries if key not in order]:
            container.remove(entries.pop(gone))
        for index, key in enumerate(order):
            if key not in entries:
                with container, ui.element(entry_tag) as entry:
                    if entry_tag == 'div':
                        entry.classes('w-full')
                    make(key)
                entries[key] = entry
            if container.default_slot.children.index(entries[key]) != index:
                entries[key].move(container, target_index=index)

    live_value(room, keys, show)
    return container


_CLOCK_BUTTONS = (
    ('pause', 'quiz.timer.pause', 'pause'),
    ('resume', 'quiz.timer.resume', 'play_arrow'),
    ('extend', 'quiz.timer.extend', 'more_time'),
    ('stop', 'quiz.timer.stop', 'timer_off'),
)


def timer_buttons(
    room: LiveRoom,
    clock: Callable[[], ClockOffer],
    commands: tuple[object, object, object, object],
    run: Callable[[object], object],
    *,
    extend_key: str = 'quiz.timer.extend',
) -> None:
    """Pause, resume, extend and stop (`commands`, in that order), made once and shown as `clock()` says, so a click
    lands while the clock beside them changes (a pause made before the clock was extended pauses it). A click made
    while a button was hidden in between (paused and resumed since) does nothing."""
    for (name, key, icon), command in zip(_CLOCK_BUTTONS, commands, strict=True):
        label = extend_key if name == 'extend' else key

        def compute(name: str = name, label: str = label, icon: str = icon, command: object = command) -> Step | None:
            return Step(label, command, icon=icon) if getattr(clock(), name) else None

        StepButton(room, compute, run).props('no-caps flat').mark(f'timer-{name}')


# A werkvorm's clock as the console reads it: the deadline while it runs, the seconds left while it is paused, and
# whether the werkvorm has a clock now at all (a step, a question, a speaking turn).
Clock = tuple[float | None, float | None, bool]


def clock_row(
    room: LiveRoom,
    clock: Callable[[], Clock],
    commands: tuple[object, object, object, object],
    run: Callable[[object], object],
    *,
    extend_key: str = 'quiz.timer.extend',
    soft: int = 0,
    overrun: bool = False,
) -> None:
    """The clock, re-drawn as it changes, with its buttons (pause, resume, extend, stop: `commands`) made once beside
    it, so a click on *Pauzeer tijd* lands while the clock is extended; the row is hidden while there is no clock.
    `soft` and `overrun` as in countdown()."""

    def offer() -> ClockOffer:
        deadline, left, on = clock()
        if not on:
            return ClockOffer()
        timed = deadline is not None or left is not None
        return ClockOffer(pause=deadline is not None, resume=left is not None, extend=True, stop=timed)

    def show(value: Clock) -> None:
        deadline, left, on = value
        if on:
            countdown(deadline, left, time.time(), 'voted-live', soft=soft, overrun=overrun)

    with ui.row().classes('items-center gap-2') as row:
        live_section(room, clock, show)
        timer_buttons(room, offer, commands, run, extend_key=extend_key)
    live_value(room, lambda: clock()[2], row.set_visibility)


S = TypeVar('S', bound=Enum)


def stepper(
    steps: Sequence[S], current: S | None, word: Callable[[S], str], go: Callable[[S], object], name: str, mark: str
) -> None:
    """A werkvorm's steps as a list of buttons (`go` to one), the `current` one said in words too: aria-current and
    '(nu)' after its word. `name` names the list for a screen reader; each button is marked `mark`-<step>."""
    with ui.element('ol').classes('dm-stepper').props(f'aria-label="{name}"'):
        for number, step in enumerate(steps, start=1):
            with ui.element('li'):
                label = f'{number}. {word(step)}' + (f' ({t("common.now")})' if step is current else '')
                button = ui.button(label, on_click=lambda s=step: go(s))
                button.props('no-caps dense ' + ('unelevated' if step is current else 'flat'))
                if step is current:
                    button.props['aria-current'] = 'step'
                button.mark(f'{mark}-{step.value}')
