"""The leerdoelwijzer and the ontwikkelmatrix on the phone: the function group (where several were picked), then one
item at a time with its answers as large buttons, then 'Klaar' (and the matrix's own topic), then this person's own
profile, their learning goal and a file of their own (phone_profile.py).

Which item is shown is this page's own state (no event): the page opens at the first item not answered, so a reload
or a dropped connection resumes there. The elements are made once and updated in place; what others do changes
nothing on this phone (its live value is this person's own part of the projection only)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui import views
from ...ui.frame import live_value, run_command, svg_icon, t, text_input
from ..base import Actor
from . import rules as ld
from .phone_profile import ProfilePart

PROJECTIONS = views.Projections[ld.PublicView, ld.ConsoleView, ld.ParticipantView]()
TAP = 'min-height: 56px'  # every tap target is at least 48 px high


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    """The phone of one participant (see the module)."""
    _Phone(room, activity_id, actor)


class _ItemButton(ui.button):
    """A button whose click says which item it was made on (its one listener's script sends the item's place): a tap
    is for the item the person saw, and the socket guard's double-click window, kept per click, lets the same answer
    on the next item through (Altijd, Altijd, Altijd at a quick pace). A click made on an earlier item, sent before
    the browser saw the next, does nothing."""

    def __init__(self, text: str, run: Callable[[], Any]) -> None:
        super().__init__(text)
        self._run = run
        self._place = -1
        self.on('click', self._clicked, [None], js_handler=self._script())
        self._listener = next(reversed(self._event_listeners.values()))

    def _script(self) -> str:
        return f'() => emit({self._place})'

    def at(self, place: int) -> None:
        if place != self._place:
            self._place = place
            self._listener.js_handler = self._script()
            self.update()

    def _clicked(self, event: GenericEventArguments) -> None:
        if event.args in (None, self._place):  # None: NiceGUI's simulated user, which runs no script
            self._run()


def _toggle(element: ui.element, on: bool, css: str) -> None:
    """Set a class only when it differs (an unchanged prop sent again still costs the phone a message)."""
    if on != (css in element.classes):
        element.classes(add=css) if on else element.classes(remove=css)


def _set_text(element: ui.label, text: str) -> None:
    if element.text != text:
        element.set_text(text)


class _Phone:
    def __init__(self, room: LiveRoom, activity_id: str, actor: Actor) -> None:
        self.room, self.activity_id, self.actor = room, activity_id, actor
        view = self.mine()
        self.view = view
        self.mode = 'choose' if view.form is None else 'profile' if view.done else 'items'
        self.pos = view.resume_at
        if self.mode == 'items' and self.pos >= len(view.form.items if view.form else ()):
            self.mode = 'profile' if view.public.closed else 'end'
        with ui.row().classes('privacy-note no-wrap'):
            ui.icon(svg_icon('lock'), size='sm').props('aria-hidden=true')
            ui.label(t('ld.phone.private'))
        self.closed_line = ui.label(t('ld.phone.closed')).classes('phone-hint').props('role=status')
        self.closed_line.mark('ld-closed')
        self.picture_line = ui.label().classes('phone-hint').mark('ld-picture')
        self._choose_part(view)
        self._item_part(view)
        self._end_part(view)
        self.profile_slot = ui.column().classes('w-full gap-0')
        self.profile: ProfilePart | None = None  # made when first shown: most of a round, phones fill in
        live_value(room, self.key, self.apply)

    # --- what this phone shows: its own part of the projection ------------------------------------------------------

    def mine(self) -> ld.ParticipantView:
        return PROJECTIONS.participant(self.room, self.activity_id, self.actor.id)

    def key(self) -> tuple[object, ...]:
        """This person's own part only: another's answer, done or goal changes nothing here."""
        v = self.mine()
        person = self.room.state.participants.get(self.actor.id)
        named = bool(person and person.name)
        return (
            v.form.id if v.form else '', v.answers, v.done, v.public.closed, v.helps, v.goal, v.goal_offer,
            v.own_topic, v.own_level, named, _counted(v.public),
        )  # fmt: skip

    def apply(self, _: object) -> None:
        self.view = self.mine()
        if self.view.form is None:
            self.mode = 'choose'
        elif self.mode == 'end' and self.view.public.closed:
            self.mode = 'profile'
        elif self.mode == 'profile' and self.view.profile is None:  # another function group: it starts afresh
            self.mode, self.pos = 'items', self.view.resume_at
        self.show()

    def do(self, command: object) -> bool:
        return run_command(self.room, self.actor, ForActivity(self.activity_id, command))

    def go(self, mode: str, pos: int | None = None) -> None:
        self.mode = mode
        if pos is not None:
            self.pos = pos
        self.show()

    def navigate(self, mode: str) -> None:
        self.back_to_items() if mode == 'items' else self.go(mode)

    def back_to_items(self) -> None:
        items = self.items()
        self.go('items', min(self.view.resume_at, max(len(items) - 1, 0)))

    def items(self) -> tuple[ld.Item, ...]:
        return self.view.form.items if self.view.form else ()

    def show(self) -> None:
        view, closed = self.view, self.view.public.closed
        self.closed_line.set_visibility(closed and view.form is not None)
        _set_text(self.closed_line, t('ld.phone.closed' if view.answers else 'ld.phone.closed.none'))
        counted = _counted(view.public)  # once closed, the team's picture in one line (the projector shows it)
        _set_text(self.picture_line, t('ld.phone.picture', n=counted) if counted else '')
        self.picture_line.set_visibility(bool(counted))
        self.choose_box.set_visibility(self.mode == 'choose')
        self.item_box.set_visibility(self.mode == 'items')
        self.end_box.set_visibility(self.mode == 'end')
        if self.mode == 'choose':
            self._show_choose(view)
        elif self.mode == 'items':
            self._show_item(view)
        elif self.mode == 'end':
            self._show_end(view)
        if self.mode == 'profile' and self.profile is None:
            with self.profile_slot:
                self.profile = ProfilePart(self.room, self.actor, self.do, self.mine, self.navigate)
        if self.profile is not None:
            self.profile.show(view, visible=self.mode == 'profile', can_choose=bool(view.public.forms))

    # --- the function group ------------------------------------------------------------------------------------------

    def _choose_part(self, view: ld.ParticipantView) -> None:
        with ui.column().classes('w-full gap-3').mark('ld-choose') as self.choose_box:
            ui.label(t('ld.phone.choose')).classes('text-xl font-bold').props('role=heading aria-level=2')
            self.choose_hint = ui.label(t('ld.phone.choose.hint')).classes('phone-hint')
            self.choose_closed = ui.label(t('ld.phone.closed.choose')).classes('phone-hint').props('role=status')
            self.choose_warn = ui.label(t('ld.phone.choose.warn')).classes('phone-hint font-bold').props('role=alert')
            self.groups: dict[str, ui.button] = {}
            with ui.column().classes('w-full gap-3').props('role=group'):
                for form_id, group in view.public.forms:
                    button = ui.button(group, on_click=lambda f=form_id: self.choose(f)).props('no-caps outline')
                    button.classes('w-full big-action').style(TAP).mark('ld-group')
                    self.groups[form_id] = button
            self.choose_back = ui.button(t('ld.phone.back_to_items'), on_click=self.back_to_items)
            self.choose_back.props('no-caps flat').style(TAP)

    def choose(self, form_id: str) -> None:
        if self.view.form is not None and self.view.form.id == form_id:
            self.back_to_items()
        elif self.do(ld.ChooseForm(form_id)):
            self.go('items', 0)

    def _show_choose(self, view: ld.ParticipantView) -> None:
        closed, chosen = view.public.closed, view.form.id if view.form else ''
        for form_id, button in self.groups.items():
            _pressed(button, form_id == chosen)
            button.set_enabled(not closed)
        self.choose_closed.set_visibility(closed)
        self.choose_warn.set_visibility(bool(view.answers) and not closed)
        self.choose_back.set_visibility(view.form is not None)

    # --- one item at a time ------------------------------------------------------------------------------------------

    def _item_part(self, view: ld.ParticipantView) -> None:
        with ui.card().classes('phone-card w-full').mark('ld-item') as self.item_box:
            self.form_line = ui.label().classes('statement-position')
            self.section = ui.label().classes('font-bold').mark('ld-section')
            self.text = ui.label().classes('statement-text text-xl').props('role=heading aria-level=2')
            self.text.mark('ld-text')
            self.answers = _AnswerButtons(view.public.scale, self.answer)
            self.position = ui.label().classes('statement-position').mark('ld-position')
            self.bar = ui.linear_progress(value=0, show_value=False).props('size=12px rounded')
            with ui.row().classes('w-full justify-between no-wrap gap-2'):
                self.previous = _ItemButton(t('ld.phone.previous'), lambda: self.step(-1))
                self.previous.props('no-caps outline').style(TAP).classes('grow').mark('ld-previous')
                self.next = _ItemButton(t('ld.phone.next'), lambda: self.step(1))
                self.next.props('no-caps outline').style(TAP).classes('grow').mark('ld-next')
            self.to_profile = ui.button(t('ld.phone.to_profile'), on_click=lambda: self.go('profile'))
            self.to_profile.props('no-caps flat').style(TAP).mark('ld-to-profile')
            self.other_group = ui.button(t('ld.phone.choose.other'), on_click=lambda: self.go('choose'))
            self.other_group.props('no-caps flat').style(TAP).mark('ld-other-group')

    def answer(self, index: int) -> None:
        items = self.items()
        if not 0 <= self.pos < len(items):
            return
        if self.do(ld.Answer(items[self.pos].id, index)):
            self.step(1)

    def step(self, by: int) -> None:
        items = self.items()
        pos = max(0, self.pos + by)
        if pos >= len(items):
            self.go('profile' if self.view.done or self.view.public.closed else 'end', len(items))
        else:
            self.go('items', pos)

    def _show_item(self, view: ld.ParticipantView) -> None:
        items = self.items()
        if not items:
            return
        self.pos = min(self.pos, len(items) - 1)
        item = items[self.pos]
        form = view.form
        assert form is not None
        section = next(s for s in form.sections if s.title == item.section)
        titled = view.public.instrument != ld.ONTWIKKELMATRIX or len(section.items) > 1
        _set_text(self.form_line, t('ld.phone.group', group=form.group) if form.group else form.title)
        _set_text(self.section, item.section if titled else '')
        self.section.set_visibility(titled)
        _set_text(self.text, item.text)
        closed = view.public.closed
        self.answers.show(view.answers.get(item.id), enabled=not closed, place=self.pos)
        self.previous.at(self.pos)
        self.next.at(self.pos)
        total, done = len(items), sum(1 for i in items if i.id in view.answers)
        _set_text(self.position, t('ld.phone.position', n=self.pos + 1, total=total))
        value = round(done / total, 3)
        if self.bar.value != value:
            self.bar.set_value(value)
        label = t('ld.phone.progress', done=done, total=total)
        if self.bar.props.get('aria-label') != label:
            self.bar.props(f'aria-label="{label}" aria-valuemin=0 aria-valuemax={total} aria-valuenow={done}')
        self.previous.set_enabled(self.pos > 0)
        self.to_profile.set_visibility(view.profile is not None)
        self.other_group.set_visibility(bool(view.public.forms) and not closed)

    # --- the end: Klaar, and the matrix's own topic -----------------------------------------------------------------

    def _end_part(self, view: ld.ParticipantView) -> None:
        public = view.public
        with ui.card().classes('phone-card w-full').mark('ld-end') as self.end_box:
            ui.label(t('ld.phone.end')).classes('text-xl font-bold').props('role=heading aria-level=2')
            self.end_count = ui.label().classes('phone-hint').mark('ld-end-count')
            self.own_topic: ui.input | ui.textarea | None = None
            self.own_level: ui.select | None = None
            if public.own_topic:
                ui.label(t('ld.phone.own_topic.hint')).classes('phone-hint')
                self.own_topic = text_input(public.own_topic, ld.MAX_OWN_TOPIC, value=view.own_topic)
                self.own_topic.classes('w-full').mark('ld-own-topic')
                options = dict(enumerate(public.scale))
                self.own_level = ui.select(options, label=t('ld.phone.own_level'), value=view.own_level)
                self.own_level.props('outlined clearable').classes('w-full').mark('ld-own-level')
            ui.label(t('ld.phone.end.hint')).classes('phone-hint')
            self.finish = ui.button(t('ld.phone.finish'), on_click=self.finish_round, icon=svg_icon('flag', white=True))
            self.finish.props('no-caps unelevated size=lg').classes('w-full big-action').mark('ld-finish')
            back = ui.button(t('ld.phone.previous'), on_click=lambda: self.go('items', len(self.items()) - 1))
            back.props('no-caps outline').style(TAP).classes('w-full').mark('ld-end-back')

    def finish_round(self) -> None:
        if self.own_topic is not None and self.own_level is not None:
            topic = (self.own_topic.value or '').strip()
            level = self.own_level.value if topic else None
            changed = (topic, level) != (self.view.own_topic, self.view.own_level)
            if changed and not self.do(ld.SetOwnTopic(topic, level)):
                return
        if self.view.done or self.do(ld.Finish()):
            self.go('profile')

    def _show_end(self, view: ld.ParticipantView) -> None:
        items = self.items()
        total, done = len(items), sum(1 for i in items if i.id in view.answers)
        key = 'ld.phone.end.all' if done == total else 'ld.phone.end.open'
        _set_text(self.end_count, t(key, done=done, total=total))


def _counted(public: ld.PublicView) -> int:
    """How many the team picture counts once it is shown (0: not closed, or nothing may be shown)."""
    picture = public.picture
    return picture.people if picture is not None and picture.shown else 0


def _pressed(button: ui.button, pressed: bool) -> None:
    """The chosen one marked not by colour alone: a check icon, aria-pressed and a filled (not outlined) button."""
    icon = svg_icon('check_circle', white=True) if pressed else None
    if button.props.get('icon') != icon:
        if icon:
            button.props['icon'] = icon
        else:
            button.props.pop('icon', None)
        button.update()
    state = 'true' if pressed else 'false'
    if button.props.get('aria-pressed') != state:
        button.props(f'aria-pressed={state}')
    if pressed == ('outline' in button.props):
        button.props(remove='outline') if pressed else button.props('outline')
    if pressed != ('unelevated' in button.props):
        button.props('unelevated') if pressed else button.props(remove='unelevated')
    _toggle(button, pressed, 'chosen')


class _AnswerButtons:
    """The scale's answers as large buttons, made once; the chosen one is marked in place."""

    def __init__(self, scale: tuple[str, ...], answer: Callable[[int], Any]) -> None:
        self.scale = scale
        self.buttons: list[_ItemButton] = []
        with ui.column().classes('w-full gap-3').props(f'role=group aria-label="{t("ld.phone.answers")}"'):
            for index, word in enumerate(scale):
                button = _ItemButton(word, partial(answer, index)).props('no-caps outline size=lg')
                button.classes('w-full big-action').style('min-height: 64px').mark('ld-answer')
                self.buttons.append(button)
        self.saved = ui.label().classes('vote-saved').props('role=status').mark('ld-saved')
        self.shown: tuple[int | None, bool] | None = None

    def show(self, chosen: int | None, *, enabled: bool, place: int) -> None:
        for button in self.buttons:
            button.at(place)
        if self.shown == (chosen, enabled):
            return
        self.shown = (chosen, enabled)
        for index, button in enumerate(self.buttons):
            _pressed(button, index == chosen)
            if button.enabled != enabled:
                button.set_enabled(enabled)
        text = t('ld.phone.your_answer', answer=self.scale[chosen]) if chosen is not None else ''
        _set_text(self.saved, text)
        self.saved.set_visibility(bool(text))
