"""Stellingen on the phone: one card, updated in place; two big buttons, eens and oneens."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui import views
from ...ui.frame import language, live_value, run_command, svg_icon, t
from ..base import Actor
from . import rules as st
from .common import CHOICE_COLOR, CHOICE_ICON, choice_word, result_markup


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    """The phone: one card whose elements are made once and updated in place at every step of the facilitator.

    A step then costs every phone a few property changes instead of a re-rendered card (1000 phones, one step).
    """

    shown: list[st.PublicView] = []  # what this phone shows now: a vote is for that statement and round only

    def vote(choice: st.Choice) -> None:
        public = shown[-1]
        run_command(
            room, actor, ForActivity(activity_id, st.CastVote(choice.value, public.statement_id or '', public.round))
        )

    def view() -> tuple[st.PublicView, st.Choice | None]:
        mine: st.ParticipantView = views.participant(room, activity_id, actor.id)
        return mine.public, mine.my_vote

    def show_results(results: tuple[st.RoundResult, ...]) -> None:
        """One element set in place, its markup made once per change and language for every phone (a reveal to
        1,000 phones is 1,000 small updates, not 3,000 new elements; the next statement empties it)."""

        def markup() -> str:
            return ''.join(
                f'<div class="result-title">{escape(t("st.result"))} · {escape(t("st.round_n", n=r.number))}</div>'
                f'<div class="result-bars w-full">{result_markup(r.tally, room.state.min_reveal)}</div>'
                for r in results
            )

        html = room.memo(('results-markup', activity_id, language(), results), markup) if results else ''
        if results_view.content != html:
            results_view.set_content(html)
        results_view.set_visibility(bool(html))

    waiting = ui.label(t('join.waiting')).classes('phone-wait').props('role=status')
    with ui.card().classes('phone-card w-full') as card:
        position = ui.label().classes('statement-position')
        text = ui.label().classes('statement-text text-xl').props('role=heading aria-level=2')
        hint = ui.label().classes('phone-hint').props('role=status')
        wait_for_result = ui.label(t('st.wait_for_result')).classes('phone-hint')
        buttons = _VoteButtons(vote)
        results_view = ui.html('', sanitize=False).classes('w-full')
        live_value(room, lambda: view()[0].results, show_results)

    def show(value: tuple[st.PublicView, st.Choice | None]) -> None:
        public, mine = value
        shown[:] = [public]
        idle = public.phase is st.Phase.IDLE
        waiting.set_visibility(idle)
        card.set_visibility(not idle)
        position.set_text(t('st.statement_n', n=public.position, total=public.count))
        text.set_text(public.text)
        hint.set_text(_phone_hint(public.phase, mine))
        hint.set_visibility(public.phase in (st.Phase.SHOWN, st.Phase.CLOSED))
        wait_for_result.set_visibility(public.phase is st.Phase.CLOSED)
        buttons.show(mine if public.phase is st.Phase.VOTING else None, visible=public.phase is st.Phase.VOTING)

    live_value(room, view, show)


def _phone_hint(phase: st.Phase, mine: st.Choice | None) -> str:
    if phase is st.Phase.SHOWN:
        return t('st.wait_for_voting')
    if phase is st.Phase.CLOSED:
        return t('st.voting_closed_mine', choice=choice_word(mine)) if mine else t('st.voting_closed_none')
    return ''


class _VoteButtons:
    """Two big buttons, made once; the chosen one is marked in place (icon, pressed state, a sentence below)."""

    def __init__(self, vote: Callable[[st.Choice], Any]) -> None:
        self.buttons: dict[st.Choice, ui.button] = {}
        with ui.column().classes('vote-buttons w-full gap-4').props('role=group') as self.group:
            for choice in st.Choice:
                button = ui.button(choice_word(choice), on_click=lambda c=choice: vote(c), color=CHOICE_COLOR[choice])
                button.classes(f'vote-button choice-{choice.value} w-full').props(
                    f'no-caps unelevated aria-label="{t(f"st.vote.{choice.value}.label")}"'
                )
                self.buttons[choice] = button
        self.saved = ui.label().classes('vote-saved').props('role=status')
        self.change = ui.label(t('st.change_vote')).classes('phone-hint')
        self.shown: tuple[st.Choice | None, bool] | None = None

    def show(self, chosen: st.Choice | None, *, visible: bool) -> None:
        if self.shown == (chosen, visible):
            return  # nothing to send to this phone
        self.shown = (chosen, visible)
        self.group.set_visibility(visible)
        for choice, button in self.buttons.items():
            # only what differs: setting a prop to the value it has still sends the whole button to this phone
            pressed = choice is chosen
            icon = svg_icon('check_circle' if pressed else CHOICE_ICON[choice], white=True)
            if button.props.get('icon') != icon:
                button.props['icon'] = icon
            if button.props.get('aria-pressed') != ('true' if pressed else 'false'):
                button.props['aria-pressed'] = 'true' if pressed else 'false'
            if pressed != ('chosen' in button.classes):
                button.classes(add='chosen') if pressed else button.classes(remove='chosen')
        self.saved.set_text(t('st.your_vote', choice=choice_word(chosen)) if chosen else '')
        self.saved.set_visibility(visible and chosen is not None)
        self.change.set_visibility(visible and chosen is not None)
