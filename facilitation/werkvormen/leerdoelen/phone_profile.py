"""This person's own profile on their phone: per section their answers, the items answered as a need as possible
learning goals, the seed's kinds of offer, (matrix) what they could teach and the offer to help colleagues, their
personal learning goal and a download of their own result, made here from their own projection."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...ui.frame import language, svg_icon, t, text_input
from ..base import Actor
from . import rules as ld
from .own_file import DOCX, own_file_name, own_result_docx, section_counts

TAP = 'min-height: 56px'


class ProfilePart:
    """Made once; its list is remade only when this person's own profile changes, the goal's field never while the
    page lives (what they type stays)."""

    def __init__(
        self,
        room: LiveRoom,
        actor: Actor,
        do: Callable[[object], bool],
        mine: Callable[[], ld.ParticipantView],
        go: Callable[[str], None],
    ) -> None:
        self.room, self.actor, self.do, self.mine = room, actor, do, mine
        self.shown_list: tuple[object, ...] | None = None
        self.shown_goal: tuple[str, str] | None = None
        view = mine()
        offers = {'': t('ld.phone.goal.no_offer'), **dict(view.public.offers)}
        with ui.column().classes('w-full gap-3').mark('ld-profile') as self.box:
            ui.label(t('ld.phone.profile')).classes('text-xl font-bold').props('role=heading aria-level=2')
            with ui.row().classes('privacy-note no-wrap'):
                ui.icon(svg_icon('lock'), size='sm').props('aria-hidden=true')
                ui.label(t('ld.phone.profile.private'))
            self.list = ui.column().classes('w-full gap-2').mark('ld-profile-list')
            with ui.card().classes('phone-card w-full'):
                # the seed's question in full above the field (a field's own label is cut off at one line)
                self.question = ui.label(self._goal_label(view)).classes('font-bold').mark('ld-goal-question')
                self.goal = text_input(t('ld.own.goal'), ld.MAX_GOAL, value=view.goal, multiline=True)
                self.goal.classes('w-full').mark('ld-goal')
                self.offer = ui.select(offers, label=t('ld.phone.goal.offer'), value=view.goal_offer or '')
                self.offer.props('outlined').classes('w-full').mark('ld-goal-offer')
                save = ui.button(t('ld.phone.goal.save'), on_click=self.save_goal)
                save.props('no-caps unelevated size=lg').classes('w-full big-action').mark('ld-goal-save')
            ui.label(t('ld.phone.download.hint')).classes('phone-hint')
            download = ui.button(t('ld.phone.download'), on_click=self.download)
            download.props('no-caps outline size=lg').classes('w-full big-action').mark('ld-download')
            self.back = ui.button(t('ld.phone.back_to_items'), on_click=lambda: go('items'))
            self.back.props('no-caps flat').style(TAP).mark('ld-back-to-items')
            self.other_group = ui.button(t('ld.phone.choose.other'), on_click=lambda: go('choose'))
            self.other_group.props('no-caps flat').style(TAP).mark('ld-other-group-profile')

    @staticmethod
    def _goal_label(view: ld.ParticipantView) -> str:
        return view.form.goal_question if view.form and view.form.goal_question else t('ld.phone.goal')

    def show(self, view: ld.ParticipantView, *, visible: bool, can_choose: bool) -> None:
        self.box.set_visibility(visible)
        if not visible or view.profile is None:
            return
        person = self.room.state.participants.get(self.actor.id)
        named = bool(person and person.name)
        key = (view.form.id if view.form else '', view.profile, view.helps, named, view.public.closed)
        if key != self.shown_list:
            self.shown_list = key
            self.list.clear()
            with self.list:
                _profile(view, view.profile, named, self.offer_help)
        label = self._goal_label(view)
        if self.question.text != label:
            self.question.set_text(label)
        if (view.goal, view.goal_offer) != self.shown_goal:  # saved (here or on another tab): shown as saved
            self.shown_goal = (view.goal, view.goal_offer)
            self.goal.set_value(view.goal)
            self.offer.set_value(view.goal_offer or '')
        self.other_group.set_visibility(can_choose and not view.public.closed)

    def save_goal(self) -> None:
        if self.do(ld.SetGoal(self.goal.value or '', self.offer.value or '')):
            ui.notify(t('ld.phone.goal.saved'), type='positive', position='top')

    def offer_help(self, item: ld.Item, box: ui.checkbox) -> None:
        offered = bool(box.value)
        if offered == (item.id in self.mine().helps):
            return  # the value was set to what was saved, not changed by the person
        if not self.do(ld.OfferHelp(item.id, offered)):
            box.set_value(not offered)

    def download(self) -> None:
        view, lang = self.mine(), language()
        ui.download.content(own_result_docx(view, lang), own_file_name(view, lang), DOCX)


def _profile(
    view: ld.ParticipantView, profile: ld.Profile, named: bool, offer_help: Callable[[ld.Item, ui.checkbox], None]
) -> None:
    lang = language()
    for section in profile.sections:
        with ui.column().classes('w-full gap-0'):
            ui.label(section.title).classes('font-bold')
            ui.label(section_counts(view, section, lang) or t('ld.phone.open', n=section.open)).classes('phone-hint')
    ui.label(t('ld.phone.goals')).classes('text-lg font-bold').props('role=heading aria-level=3')
    ui.label(t(f'ld.phone.goals.hint.{view.public.instrument}')).classes('phone-hint')
    if profile.goals:
        with ui.element('ul').classes('dm-mine').mark('ld-goals'):
            for item in profile.goals:
                with ui.element('li'):
                    ui.label(item.text)
    else:
        ui.label(t('ld.phone.goals.none')).classes('phone-hint').mark('ld-goals-none')
    if view.public.offers:
        ui.label(t('ld.phone.offers')).classes('font-bold')
        with ui.element('ul').classes('dm-mine').mark('ld-offers'):
            for _, words in view.public.offers:
                with ui.element('li'):
                    ui.label(words)
    if profile.teach:
        ui.label(t('ld.phone.teach')).classes('text-lg font-bold').props('role=heading aria-level=3')
        if not named:
            ui.label(t('ld.phone.help.name')).classes('phone-hint').props('role=note').mark('ld-help-name')
        else:
            ui.label(t('ld.phone.help.shown')).classes('privacy-note')
        for item in profile.teach:
            with ui.column().classes('w-full gap-0').mark('ld-teach'):
                ui.label(item.text)
                if named:
                    box = ui.checkbox(t('ld.phone.help'), value=item.id in view.helps)
                    box.style(TAP).mark('ld-help')
                    box.on_value_change(lambda _, i=item, b=box: offer_help(i, b))
