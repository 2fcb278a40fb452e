"""The dilemma on the phone, steps 1 and 2: send a dilemma (with a category, and a name only when you choose), and
rate the candidates one at a time on urgentie, algemeen belang and herkenbaarheid."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...ui.frame import live_value, t, text_input, warn
from ..base import Actor
from . import rules as dm
from .common import Do, category_word, participant


def _named(room: LiveRoom, actor: Actor) -> bool:
    participant = room.state.participants.get(actor.id)
    return bool(participant is not None and participant.name)


def send_dilemma(room: LiveRoom, actor: Actor, do: Do) -> None:
    ui.label(t('dm.phone.inventory')).classes('text-lg font-bold').props('role=heading aria-level=2')
    category = ui.radio({c.value: category_word(c) for c in dm.Category}, value=None).classes('dm-choices')
    category.props('aria-label="' + t('dm.category') + '"').mark('dm-category')
    text = text_input(t('dm.your_dilemma'), dm.MAX_DILEMMA, multiline=True, hint=t('dm.dilemma_hint'))
    text.classes('w-full').mark('dm-dilemma')
    show = ui.checkbox(t('dm.show_name'), value=False).mark('show-name') if _named(room, actor) else None

    def send() -> None:
        if not category.value:
            warn(t('dm.choose_category'), position='top')
            return
        if do(dm.SubmitDilemma(text.value or '', category.value, bool(show.value) if show else False)):
            text.value = ''
            ui.notify(t('dm.sent'), type='positive', position='top')

    ui.button(t('dm.send'), on_click=send).props('no-caps unelevated size=lg').classes('w-full big-action').mark(
        'dm-send'
    )


def rate(room: LiveRoom, activity_id: str, actor: Actor, do: Do) -> None:
    """One dilemma at a time with three 1-5 scales, *Vorige* and *Volgende* (one big action at a time, and a phone
    stays light however many dilemmas there are); saving moves on to the next. Made once per set of dilemmas: what
    others do never clears what you tapped; how many you rated is updated in place."""
    candidates = participant(room, activity_id, actor.id).public.candidates
    if not candidates:
        ui.label(t('dm.phone.no_candidates')).classes('phone-hint')
        return
    progress = ui.label().classes('phone-hint').props('role=status')

    def rated() -> int:
        ids = {c.id for c in candidates}
        return sum(1 for candidate, _ in participant(room, activity_id, actor.id).my_ratings if candidate in ids)

    live_value(room, rated, lambda k: progress.set_text(t('dm.rated_count', k=k, n=len(candidates))))
    area = ui.column().classes('w-full gap-2')
    mine = dict(participant(room, activity_id, actor.id).my_ratings)
    first = next((i for i, c in enumerate(candidates) if c.id not in mine), 0)  # the first one still to rate

    def show(index: int) -> None:
        area.clear()
        with area:
            _rating_card(room, activity_id, actor, do, candidates, index, show)

    show(first)


def _rating_card(
    room: LiveRoom,
    activity_id: str,
    actor: Actor,
    do: Do,
    candidates: tuple[dm.Candidate, ...],
    index: int,
    show: Callable[[int], None],
) -> None:
    candidate = candidates[index]
    given = dict(participant(room, activity_id, actor.id).my_ratings).get(candidate.id)
    with ui.card().classes('phone-card w-full').mark('dm-candidate'):
        ui.label(t('dm.candidate_n', n=index + 1, total=len(candidates))).classes('statement-position')
        ui.label(category_word(candidate.category)).classes('statement-position')
        ui.label(candidate.text).classes('statement-text').props('role=heading aria-level=3')
        toggles = []
        for i, criterion in enumerate(dm.CRITERIA):
            ui.label(t(f'dm.criterion.{criterion}')).classes('font-bold')
            toggle = ui.toggle([1, 2, 3, 4, 5], value=given[i] if given else None).props(
                'spread no-caps toggle-color=primary'
            )
            toggle.props(f'aria-label="{t(f"dm.criterion.{criterion}")}"').classes('w-full dm-scale')
            toggles.append(toggle)
        if given:
            ui.label(t('dm.rated_yours', u=given[0], b=given[1], h=given[2])).classes('phone-hint')

        def save() -> None:
            values = [s.value for s in toggles]
            if None in values:
                warn(t('dm.rate_all'), position='top')
                return
            client, text = ui.context.client, t('dm.rated')
            if do(dm.Rate(candidate.id, *values)):
                with client:
                    ui.notify(text, type='positive', position='top')
                    show(min(index + 1, len(candidates) - 1))  # on to the next one (or this one, rated)

        ui.button(t('dm.rate_again') if given else t('dm.rate_save'), on_click=save).props(
            'no-caps unelevated size=lg'
        ).classes('w-full big-action').mark('dm-rate')
        with ui.row().classes('w-full no-wrap gap-3'):
            back = ui.button(t('dm.previous_candidate'), icon='arrow_back', on_click=lambda: show(index - 1))
            back.props('no-caps outline').classes('grow').mark('dm-previous-candidate')
            back.set_enabled(index > 0)
            ahead = ui.button(t('dm.next_candidate'), icon='arrow_forward', on_click=lambda: show(index + 1))
            ahead.props('no-caps outline').classes('grow').mark('dm-next-candidate')
            ahead.set_enabled(index + 1 < len(candidates))
