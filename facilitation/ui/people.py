"""What every werkvorm that divides people needs in the console: who is in a group, and one form to move a person.

One form rather than a menu per person, and at most 30 names per group: a console with hundreds stays light."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from nicegui import ui

from ..live import LiveRoom
from .frame import live_value, t, warn

NAMES_SHOWN = 30


def member_names(names: list[str]) -> None:
    """'Ans, iemand (anoniem), … en nog 12' as one label."""
    shown = names[:NAMES_SHOWN]
    more = len(names) - len(shown)
    ui.label(', '.join(shown) + (f' {t("quiz.and_more", n=more)}' if more else '')).classes('text-sm')


G = TypeVar('G')


def group_cards(
    placed: Iterable[tuple[str, G]], groups: Iterable[G], badge: Callable[[G], object], name: Callable[[str, G], str]
) -> None:
    """A card for each group (a side, a ring) in a row: its badge, how many are in it and their names."""
    placed = list(placed)
    with ui.row().classes('w-full gap-4 items-start'):
        for group in groups:
            members = [pid for pid, g in placed if g is group]
            with ui.card().classes('quiz-group-card'):
                with ui.row().classes('items-center gap-2'):
                    badge(group)
                    ui.label(t('proj.joined', n=len(members))).classes('font-bold')
                member_names([name(pid, group) for pid in members])


def move_form(
    room: LiveRoom,
    people: Callable[[], dict[str, str]],
    targets: Callable[[], dict[str, str]],
    target_label: str,
    move: Callable[[str, str], object],
) -> None:
    """Pick a person and a group (side, ring), then *Verplaats*; both must be chosen, or the form says so.

    Made once: joins and moves update its choices in place, so an open list is never pulled away mid-choice."""
    with ui.row().classes('items-end gap-3'):
        who = ui.select(people(), label=t('quiz.move_who'), with_input=True).props('outlined stack-label dense')
        who.classes('w-72').mark('move-who')
        target = ui.select(targets(), label=target_label).props('outlined stack-label dense').classes('w-48')
        target.mark('move-to')

        def act() -> None:
            if not who.value or not target.value:
                warn(t('quiz.move_choose'), position='top')
                return
            move(who.value, target.value)

        ui.button(t('quiz.move'), on_click=act).props('no-caps outline').mark('move')
    live_value(room, people, lambda options: _keep_choice(who, options))
    live_value(room, targets, lambda options: _keep_choice(target, options))


def _keep_choice(select: ui.select, options: dict[str, str]) -> None:
    if select.options != options:
        select.set_options(options, value=select.value if select.value in options else None)
