"""The projector's language is set from the console: nobody walks to the beamer to switch it.

The console chooses (Nederlands or English); every open projector of the room follows at once (it is rebuilt in
the new language, since a page speaks one language from the moment it is built)."""

from __future__ import annotations

from nicegui import ui

from ..i18n import LANGUAGES
from ..live import LiveRoom
from ..session import SetProjectorLanguage
from ..werkvormen.base import Actor, Role
from .frame import language, live_value, run_command, t

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')


def speak_room_language(room: LiveRoom) -> None:
    """Before the projector page is built: speak the language the console chose (if it chose one)."""
    chosen = room.state.projector_language
    if chosen in LANGUAGES:
        ui.context.client.storage['lang'] = chosen


def follow_room_language(room: LiveRoom) -> None:
    """On the projector: when the console chooses another language, show this page again in it."""
    built_in = language()

    def follow(chosen: str | None) -> None:
        if chosen in LANGUAGES and chosen != built_in:
            ui.navigate.reload()

    live_value(room, lambda: room.state.projector_language, follow)


def projector_language_select(room: LiveRoom) -> None:
    """The console's choice of the projector's language, kept current in place."""
    words = {lang: t(f'lang.name.{lang}') for lang in LANGUAGES}
    select = ui.select(words, value=room.state.projector_language, label=t('con.projector_language'))
    select.props('outlined dense options-dense stack-label').classes('w-full').mark('projector-language')

    def choose(event: object) -> None:
        value = getattr(event, 'value', None)
        if value and value != room.state.projector_language:
            run_command(room, FACILITATOR, SetProjectorLanguage(value))

    select.on_value_change(choose)
    live_value(room, lambda: room.state.projector_language, lambda chosen: select.set_value(chosen) if chosen else None)
