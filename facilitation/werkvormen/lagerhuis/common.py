"""What the lagerhuis views share: the sides in words and icons, names (only when chosen), the tally, arguments."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from nicegui import ui

from ...live import LiveRoom
from ...ui import views
from ...ui.frame import svg_icon, t
from . import rules as lh

Do = Callable[[object], bool]  # gives a command for the view's actor; whether it was taken

SIDE_ICON = {lh.Side.VOOR: 'thumb_up', lh.Side.TEGEN: 'thumb_down'}  # files in assets/static/icons
SIDE_COLOR = {lh.Side.VOOR: '#1b6e35', lh.Side.TEGEN: '#b3261e'}


PROJECTIONS = views.Projections[lh.PublicView, lh.ConsoleView, lh.ParticipantView]()
public, console, participant = PROJECTIONS.public, PROJECTIONS.console, PROJECTIONS.participant


def side_word(side: lh.Side) -> str:
    return t(f'lh.side.{side.value}')


def person(room: LiveRoom, pid: str, side: lh.Side | None, in_room: Mapping[str, str] | None = None) -> str:
    """The name the participant chose, else who they are in the debate: "iemand van VOOR" (anonymous); someone
    queued from the room (in `in_room`: entry -> typed name) is said to be in the room."""
    if in_room is not None and pid in in_room:
        who = in_room[pid] or (t('lh.someone', side=side_word(side)) if side else t('lh.someone_no_side'))
        return t('lh.in_room', who=who)
    participant = room.state.participants.get(pid)
    if participant is not None and participant.name:
        return participant.name
    return t('lh.someone', side=side_word(side)) if side else t('lh.someone_no_side')


def side_badge(side: lh.Side, css: str = '') -> None:
    """The side as a word with an icon (never colour alone)."""
    with ui.row().classes(f'lh-side lh-side-{side.value} items-center no-wrap gap-2 {css}'):
        ui.icon(svg_icon(SIDE_ICON[side], white=True), size='1.2em').props('aria-hidden=true')
        ui.label(side_word(side))


def tally_text(view: lh.PublicView) -> str:
    return t('lh.tally', voor=view.tally[0], tegen=view.tally[1])


def result_text(view: lh.PublicView) -> str:
    voor, tegen = view.tally
    if view.winner is None:
        return t('lh.tie', n=voor)
    most, least = (voor, tegen) if view.winner is lh.Side.VOOR else (tegen, voor)
    return t('lh.winner', side=side_word(view.winner), most=most, least=least)


def argument_lists(
    room: LiveRoom,
    view: lh.PublicView,
    css: str = '',
    actions: Callable[[lh.ArgumentView], None] | None = None,
    shown: int | None = None,
) -> None:
    """Both sides' arguments in two columns: label, text, the argument it answers, struck ones marked; `actions`
    adds the facilitator's buttons to each; `shown` keeps each side to its newest arguments ('+ 3 meer' above)."""
    with ui.row().classes(f'lh-columns w-full items-start gap-6 {css}'):
        for side in lh.Side:
            with ui.column().classes('lh-column grow gap-2'):
                with ui.row().classes('items-center gap-3'):
                    side_badge(side)
                    count = view.tally[0 if side is lh.Side.VOOR else 1]
                    ui.label(t('lh.count', n=count)).classes('font-bold')
                items = [a for a in view.arguments if a.side is side]
                if not items:
                    ui.label(t('lh.no_arguments')).classes('text-sm lh-empty')
                left_out = 0
                if shown is not None and len(items) > shown:
                    items, left_out = items[-shown:], len(items) - shown
                    ui.label(t('lh.earlier', n=left_out)).classes('lh-earlier')
                with ui.element('ol').classes('lh-arguments').props(f'aria-label="{side_word(side)}"'):
                    for argument in items:
                        with ui.element('li').classes('lh-argument' + (' struck' if argument.struck else '')):
                            ui.label(f'{argument.label}. {argument.text}').classes('lh-argument-text')
                            if argument.reply_to:
                                ui.label(t('lh.answers', label=argument.reply_to)).classes('lh-reply')
                            if argument.struck:
                                ui.label(t('lh.struck', reason=argument.reason)).classes('lh-struck-reason')
                            if actions is not None:
                                actions(argument)


def queued(room: LiveRoom, pid: str, side: lh.Side, in_room: Mapping[str, str]) -> str:
    """A line of the queue: the name with the side ("Ans (VOOR)"), or "iemand van VOOR" once (the side is in it),
    marked when the person stood up in the room without a phone."""
    participant = room.state.participants.get(pid)
    name = in_room.get(pid, '') if pid in in_room else participant.name if participant is not None else ''
    who = t('lh.named', name=name, side=side_word(side)) if name else t('lh.someone', side=side_word(side))
    return t('lh.in_room', who=who) if pid in in_room else who
