"""The dilemma in the console, steps 4 to 6 and 8: the entries the room adds (clarifying questions, the table of
betrokkenen, values and norms, the alternatives, where the team agrees and differs), each shown one moved, linked to
a betrokkene or removed, and what each alternative does to each value and norm."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.controls import keyed_list
from ...ui.frame import live_value, t, text_input
from . import rules as dm
from .common import Do, column_word, public
from .console_dilemmas import moderation


def entries(room: LiveRoom, activity_id: str, columns: tuple[dm.Column, ...], do: Do) -> None:
    """Held entries to show or remove, the shown ones per column (moved or removed), and one to add."""
    moderation(room, activity_id, do)

    _columns(room, activity_id, columns, do)
    with ui.row().classes('items-end gap-3 w-full no-wrap'):
        column = None
        if len(columns) > 1:
            column = ui.select({c.value: column_word(c) for c in columns}, value=columns[0].value)
            column.props(f'outlined stack-label label="{t("dm.column")}"').classes('w-48').mark('dm-add-column')
        text = text_input(t(f'dm.entry.{columns[0].value}'), dm.MAX_ENTRY).classes('grow').mark('dm-add-text')

        def add() -> None:
            if do(dm.AddEntry(column.value if column is not None else columns[0].value, text.value or '')):
                text.value = ''

        text.on('keydown.enter', add)
        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('dm-add-entry')


def _columns(room: LiveRoom, activity_id: str, columns: tuple[dm.Column, ...], do: Do) -> None:
    """Each column's shown entries, each row made once (a click on it lands while others arrive): moved, linked to a
    betrokkene (step 5) or removed."""
    with ui.row().classes('w-full gap-4 items-start'):
        for column in columns:
            with ui.card().classes('quiz-group-card grow'):
                heading = ui.label().classes('font-bold').props('role=heading aria-level=3')

                def count(c: dm.Column = column) -> int:
                    return len(public(room, activity_id).column(c))

                def title(n: int, c: dm.Column = column, label: ui.label = heading) -> None:
                    label.set_text(f'{column_word(c)} ({n})')

                live_value(room, count, title)

                def keys(c: dm.Column = column) -> tuple[str, ...]:
                    return tuple(i.id for i in public(room, activity_id).column(c))

                def row(key: str, c: dm.Column = column) -> None:
                    _entry_row(room, activity_id, key, c, columns, do)

                keyed_list(room, keys, row)


def _entry_row(
    room: LiveRoom, activity_id: str, key: str, column: dm.Column, columns: tuple[dm.Column, ...], do: Do
) -> None:
    """A shown entry of `column` (a move re-makes it in the other column's list)."""
    entry = public(room, activity_id).entry(key)
    if entry is None:
        return
    with ui.row().classes('items-center gap-1 no-wrap w-full'):
        ui.label(entry.text).classes('grow lh-argument-text')
        if column in dm.STAKES and dm.Column.BETROKKENEN in columns:
            _assign(room, activity_id, key, do)
        others = [c for c in columns if c is not column]
        if len(columns) == 2:
            move = ui.button(
                column_word(others[0]),
                icon='arrow_forward',
                on_click=lambda o=others[0].value: do(dm.MoveEntry(key, o)),
            )
            move.props('flat dense no-caps')
        elif len(columns) > 2:
            ui.select(
                {c.value: column_word(c) for c in columns},
                value=column.value,
                on_change=lambda e: do(dm.MoveEntry(key, e.value)) if e.value != column.value else None,
            ).props(f'outlined dense stack-label label="{t("dm.move_to")}"').classes('w-44')
        remove = ui.button(t('arena.remove'), on_click=lambda: do(dm.Reject(key)))
        remove.props('flat dense no-caps')


def _assign(room: LiveRoom, activity_id: str, key: str, do: Do) -> None:
    """Which betrokkene a right, interest, value or norm belongs to: a select kept current in place."""
    none = 'geen'
    select = ui.select({none: t('dm.of.none')}, value=none).props(
        f'outlined dense stack-label label="{t("dm.assign")}"'
    )
    select.classes('w-48').mark('dm-assign')
    quiet = [False]  # while the room sets it: not a choice to send

    def current() -> tuple[tuple[tuple[str, str], ...], str]:
        view = public(room, activity_id)
        people = tuple((i.id, i.text) for i in view.column(dm.Column.BETROKKENEN))
        item = view.entry(key)
        return people, (item.of if item is not None and item.of else none)

    def show(value: tuple[tuple[tuple[str, str], ...], str]) -> None:
        people, of = value
        quiet[0] = True
        select.set_options({none: t('dm.of.none'), **dict(people)}, value=of)
        quiet[0] = False

    def chosen(event: Any) -> None:
        if not quiet[0] and event.value is not None:
            do(dm.Assign(key, '' if event.value == none else event.value))

    select.on_value_change(chosen)
    live_value(room, current, show)


NONE = 'geen'  # a toggle's value for 'no verdict'


def marks(room: LiveRoom, activity_id: str, do: Do) -> None:
    """For each alternative and each value or norm: does it do justice to it, or go against it (as the group says)?
    Each alternative's row and each of its toggles is made once and kept current in place."""
    with ui.card().classes('control-card w-full') as card:
        ui.label(t('dm.marks')).classes('text-lg font-bold').props('role=heading aria-level=3')
        note = ui.label(t('dm.no_values')).classes('facilitator-note')

        def shape() -> tuple[bool, bool]:
            view = public(room, activity_id)
            return bool(view.alternatives), any(view.column(c) for c in dm.VALUES)

        def show(value: tuple[bool, bool]) -> None:
            card.set_visibility(value[0])
            note.set_visibility(not value[1])

        live_value(room, shape, show)
        keyed_list(
            room,
            lambda: tuple(a.id for a in public(room, activity_id).alternatives),
            lambda key: _alternative_marks(room, activity_id, key, do),
        )


def _alternative_marks(room: LiveRoom, activity_id: str, key: str, do: Do) -> None:
    alternative = public(room, activity_id).entry(key)
    if alternative is None:
        return
    ui.label(alternative.text).classes('font-bold')

    def values() -> tuple[str, ...]:
        view = public(room, activity_id)
        return tuple(i.id for c in dm.VALUES for i in view.column(c))

    keyed_list(room, values, lambda value: _verdict(room, activity_id, key, value, do), tag='ul', entry_tag='li')


def _verdict(room: LiveRoom, activity_id: str, alternative: str, value: str, do: Do) -> None:
    entry = public(room, activity_id).entry(value)
    if entry is None:
        return
    options = {NONE: t('dm.verdict.none'), **{v.value: t(f'dm.verdict.{v.value}') for v in dm.Verdict}}
    with ui.row().classes('items-center gap-2 no-wrap'):
        ui.label(entry.text).classes('grow')
        toggle = ui.toggle(options, value=NONE).props('no-caps dense toggle-color=primary')
        toggle.props(f'role=group aria-label="{entry.text}"').mark('dm-mark')
    quiet = [False]

    def current() -> str:
        found = next((a for a in public(room, activity_id).alternatives if a.id == alternative), None)
        if found is None:
            return NONE
        if value in found.does_justice:
            return dm.Verdict.RECHT.value
        return dm.Verdict.TEGEN.value if value in found.goes_against else NONE

    def show(verdict: str) -> None:
        quiet[0] = True
        toggle.set_value(verdict)
        quiet[0] = False

    def chosen(event: Any) -> None:
        if quiet[0] or event.value is None:
            return
        if event.value == NONE:
            do(dm.Mark(alternative, value, on=False))
        else:
            do(dm.Mark(alternative, value, True, event.value))

    toggle.on_value_change(chosen)
    live_value(room, current, show)
