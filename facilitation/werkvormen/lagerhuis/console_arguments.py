"""The lagerhuis console's arguments: both sides' lists as on the projector, each argument with the facilitator's
*Schrappen* (with a reason) and *Terugzetten*, struck or restored in place."""

from __future__ import annotations

from functools import partial

from nicegui import ui

from ...live import LiveRoom
from ...ui.controls import keyed_list
from ...ui.frame import live_value, t, text_input
from . import rules as lh
from .common import Do, public, side_badge, side_word


def arguments(room: LiveRoom, activity_id: str, do: Do, *, strikeable: bool) -> None:
    """Both sides' arguments, as on the projector but with the facilitator's buttons. Made once: an argument's entry
    is made when it comes in and struck or restored in place, so a click on *Schrappen* lands while arguments arrive.
    """

    def view() -> lh.PublicView:
        return public(room, activity_id)

    expansion = ui.expansion(t('lh.arguments'), icon='list', value=True).classes('w-full')
    with expansion, ui.row().classes('lh-columns w-full items-start gap-6'):
        for side in lh.Side:
            with ui.column().classes('lh-column grow gap-2'):
                with ui.row().classes('items-center gap-3'):
                    side_badge(side)
                    count = ui.label().classes('font-bold')
                none = ui.label(t('lh.no_arguments')).classes('text-sm lh-empty')
                live_value(room, partial(_counted, room, activity_id, side), partial(_show_count, count, none))
                arguments = keyed_list(
                    room,
                    partial(_argument_ids, room, activity_id, side),
                    lambda argument_id: _argument(room, activity_id, argument_id, do, strikeable=strikeable),
                    tag='ol',
                    entry_tag='li',
                )
                arguments.classes('lh-arguments').props['aria-label'] = side_word(side)
    live_value(room, lambda: bool(view().arguments), expansion.set_visibility)


def _argument_ids(room: LiveRoom, activity_id: str, side: lh.Side) -> tuple[str, ...]:
    return tuple(a.id for a in public(room, activity_id).arguments if a.side is side)


def _counted(room: LiveRoom, activity_id: str, side: lh.Side) -> tuple[int, bool]:
    """What counts for the side, and whether it has arguments at all."""
    view = public(room, activity_id)
    return view.tally[0 if side is lh.Side.VOOR else 1], any(a.side is side for a in view.arguments)


def _show_count(count: ui.label, none: ui.label, value: tuple[int, bool]) -> None:
    n, any_argument = value
    count.set_text(t('lh.count', n=n))
    none.set_visibility(not any_argument)


def _argument(room: LiveRoom, activity_id: str, argument_id: str, do: Do, *, strikeable: bool) -> None:
    """One argument: its text and the one it answers (fixed), struck or restored in place."""
    argument = next(a for a in public(room, activity_id).arguments if a.id == argument_id)
    with ui.element('div').classes('lh-argument') as item:
        ui.label(f'{argument.label}. {argument.text}').classes('lh-argument-text')
        if argument.reply_to:
            ui.label(t('lh.answers', label=argument.reply_to)).classes('lh-reply')
        reason = ui.label().classes('lh-struck-reason')
        if strikeable:
            restore = ui.button(t('lh.restore'), on_click=lambda: do(lh.RestoreArgument(argument_id)))
            restore.props('flat dense no-caps').props['aria-label'] = f'{t("lh.restore")} {argument.label}'
            strike = ui.button(t('lh.strike'), on_click=lambda: _strike_dialog(argument, do))
            strike.props('flat dense no-caps color=negative').props['aria-label'] = f'{t("lh.strike")} {argument.label}'

    def struck() -> tuple[bool, str]:
        current = next(a for a in public(room, activity_id).arguments if a.id == argument_id)  # never taken away
        return current.struck, current.reason

    def show(value: tuple[bool, str]) -> None:
        is_struck, why = value
        if is_struck:
            item.classes(add='struck')
        else:
            item.classes(remove='struck')
        reason.set_text(t('lh.struck', reason=why))
        reason.set_visibility(is_struck)
        if strikeable:
            restore.set_visibility(is_struck)
            strike.set_visibility(not is_struck)

    live_value(room, struck, show)


def _strike_dialog(argument: lh.ArgumentView, do: Do) -> None:
    with ui.dialog() as dialog, ui.card().classes('p-4 w-full max-w-lg'):
        ui.label(t('lh.strike_title', label=argument.label)).classes('text-xl font-bold').props(
            'role=heading aria-level=2'
        )
        ui.label(argument.text)
        reason = (
            text_input(t('lh.strike_reason'), lh.MAX_REASON, hint=t('lh.strike_hint'))
            .props('autofocus')
            .mark('strike-reason')
        )

        def strike() -> None:
            if do(lh.StrikeArgument(argument.id, reason.value or '')) and not dialog.is_deleted:
                dialog.close()

        reason.on('keydown.enter', strike)
        with ui.row():
            ui.button(t('lh.strike'), on_click=strike).props('no-caps unelevated color=negative').mark('confirm-strike')
            ui.button(t('common.cancel'), on_click=dialog.close).props('no-caps flat')
    dialog.on('hide', dialog.delete)
    dialog.open()
