"""What every page shares: the language, the page frame, running a command with a clear message, live sections."""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from fastapi.responses import RedirectResponse
from nicegui import Client, app, ui

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from ..live import LiveRoom, Rooms
from ..session import SessionCommand
from ..store import StorageError
from ..werkvormen.base import Actor, DomainError

T = TypeVar('T')
log = logging.getLogger(__name__)
BRAND = '#14365d'  # white text on it: 12:1 contrast


def language() -> str:
    """This page's language: fixed per page (client) when it is built, so a view updated because someone else acted
    still speaks its own reader's language."""
    lang = ui.context.client.storage.get('lang')
    if lang is None:
        lang = app.storage.user.get('lang', DEFAULT_LANGUAGE)
        ui.context.client.storage['lang'] = lang
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **params: object) -> str:
    """The interface text for `key` in this browser's language."""
    return translate(language(), key, **params)


def svg_icon(name: str, *, white: bool = False) -> str:
    """An icon from assets/static/icons for Quasar's `img:` syntax: phone pages then load no icon font."""
    return f'img:/static/icons/{name}{"-white" if white else ""}.svg'


def other_language() -> str:
    return 'en' if language() == 'nl' else 'nl'


def warn(message: str, **options: Any) -> None:
    """A refusal's notice on this page. Quasar writes dark text on the warning colour (2.9:1); white on it is 5.9:1
    (WCAG 1.4.3)."""
    ui.notify(message, type='warning', textColor='white', **options)


def configure_theme() -> None:
    """Brand colours and Quasar settings for every page at once (a per-page element would cost every phone)."""
    # Quasar's loading bar is a progressbar: it needs an accessible name (WCAG 4.1.2)
    app.config.quasar_config['loadingBar']['aria-label'] = 'Laden / Loading'
    app.colors(
        primary=BRAND,
        secondary='#374151',
        accent='#f5b301',
        positive='#1b6e35',
        negative='#b3261e',
        warning='#8a5a00',
        info=BRAND,
    )


def register_language_switch() -> None:
    """`/language/en?back=/f/K7M3Q` (or nl): remember the choice for this browser and go back to that page.

    The page is named in the link, not taken from the Referer header: every page is sent with
    `Referrer-Policy: no-referrer`."""

    @app.get('/language/{lang}')
    def switch(lang: str, back: str = '/join') -> RedirectResponse:
        if lang in LANGUAGES:
            app.storage.user['lang'] = lang
        parts = urlsplit(back)
        same_site = back.startswith('/') and not back.startswith('//') and not parts.netloc and not parts.scheme
        return RedirectResponse(back if same_site else '/join', status_code=303)


def _this_page() -> str:
    request = getattr(ui.context.client, 'request', None)
    if request is None:
        return '/join'
    query = request.url.query
    return request.url.path + (f'?{query}' if query else '')


@contextmanager
def frame(title: str, *, role: str, header: bool = True, skip_link: bool = False) -> Iterator[None]:
    """The page shell: title, stylesheet, language (lang attribute and switch) and a main landmark."""
    ui.page_title(f'{title} · Samenspel')
    ui.add_head_html('<link rel="stylesheet" href="/static/samenspel.css">')
    ui.add_head_html('<script src="/static/countdown.js" defer></script>')
    ui.add_head_html(_UNTIL_CONNECTED.replace('WORD', json.dumps(t('frame.connecting'))))
    _page_language(ui.context.client)
    if header:
        with ui.header().classes('samenspel-header items-center justify-between'):
            if skip_link:  # a console: its first Tab goes to the next step
                _skip_to_next_step()
            ui.label('Samenspel').classes('text-lg font-bold').props('role=banner')
            switch = f'/language/{other_language()}?back={quote(_this_page(), safe="")}'
            ui.link(t('lang.switch'), switch).props(
                f'aria-label="{t("lang.switch.label")}" rel=nofollow lang={other_language()}'
            ).classes('lang-switch')
    with ui.element('main').classes(f'samenspel-main {role}-main'):
        yield


# Until the page has shaken hands with the server, NiceGUI holds each event back on a timer of its own, so a tap could
# reach the server before the text typed just before it. So until then a sheet keeps the taps (and Enter or Space on a
# button) and hands them on, in order, a moment after the handshake, when what was typed has gone first; it says
# "Verbinden…" when the wait is longer than a blink. Nothing the person did is lost or overtaken.
_UNTIL_CONNECTED = """<script>
document.addEventListener('DOMContentLoaded', () => {
  const sheet = document.createElement('div'), later = [];
  sheet.className = 'until-connected';
  sheet.setAttribute('role', 'status');
  document.body.appendChild(sheet);
  sheet.addEventListener('mousedown', (e) => e.preventDefault());  // the focus stays where it was
  sheet.addEventListener('click', (e) => later.length < 5 && later.push(() => {
    const el = document.elementFromPoint(e.clientX, e.clientY);
    const target = el && (el.closest('input, textarea, button, a, [tabindex]') || el);
    if (target) { target.focus(); target.click(); }
  }));
  const typing = (e) => e.target.closest && e.target.closest('input, textarea, [contenteditable]');
  const hold = (e) => {
    if (e.key !== 'Enter' && !(e.key === ' ' && !typing(e))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type !== 'keydown' || later.length >= 5) return;
    const target = e.target, key = {key: e.key, code: e.code, bubbles: true, cancelable: true};
    later.push(() => typing(e)
      ? ['keydown', 'keyup'].forEach((type) => target.dispatchEvent(new KeyboardEvent(type, key)))
      : target.click());
  };
  window.addEventListener('keydown', hold, true);
  window.addEventListener('keyup', hold, true);
  const slow = setTimeout(() => { sheet.textContent = WORD; sheet.classList.add('slow'); }, 600);
  const wait = () => {
    if (!window.did_handshake) return setTimeout(wait, 10);
    clearTimeout(slow);
    setTimeout(() => {
      sheet.remove();
      window.removeEventListener('keydown', hold, true);
      window.removeEventListener('keyup', hold, true);
      later.forEach((act) => act());
    }, 40);
  };
  wait();
});
</script>"""

# The first visible next step (`.next-step`), else what a console without one starts with (`.next-step-else`).
_FOCUS_NEXT_STEP = """(event) => {
    event.preventDefault();
    const shown = (e) => e && e.offsetParent !== null;
    const target = [...document.querySelectorAll('.next-step')].find(shown)
        || [...document.querySelectorAll('.next-step-else')].map((e) => e.querySelector('[tabindex="0"]') || e)
            .find(shown);
    if (target) { target.scrollIntoView({block: 'center'}); target.focus(); }
}"""


def _skip_to_next_step() -> None:
    """The console's first Tab (WCAG 2.4.1): a skip link, shown when it has the focus, to the one next step."""
    skip = ui.link(t('con.skip_to_next'), '#').classes('skip-link').mark('skip-to-next')
    skip.on('click', js_handler=_FOCUS_NEXT_STEP)


QUASAR_LANGUAGE = {'nl': 'nl', 'en': 'en-US'}  # the Quasar language pack: <html lang> and its own labels


def _page_language(client: Client) -> None:
    """Serve this page in its reader's language: `<html lang>` and Quasar's own words (a fold-out's "expand").

    NiceGUI takes both from the page's route, shared by every browser; this browser gets a copy of it."""
    wanted = QUASAR_LANGUAGE[language()]
    if client.page.resolve_language() != wanted:
        client.page = copy.copy(client.page)
        client.page.language = wanted  # type: ignore[assignment]


def client_host() -> str:
    """The network address this page was loaded from (for the audit log), '' when unknown."""
    request = getattr(ui.context.client, 'request', None)
    address = getattr(request, 'client', None) if request is not None else None
    return str(address.host) if address is not None and address.host else ''


def run_command(room: LiveRoom, actor: Actor, command: SessionCommand) -> bool:
    """Execute a command for this page's server-side actor; a refusal is told, never silently dropped."""
    client = ui.context.client  # taken now: the clicked element may be re-rendered (deleted) by the command
    if not attempt(lambda: room.execute(actor, command, client_host())):
        return False
    refresh_own_page(client)
    return True


def attempt(action: Callable[[], object]) -> bool:
    """Run a command (`action`); a refusal or a failed write is told on this page, never silently dropped."""
    try:
        action()
    except DomainError as error:
        warn(t(error.key, **error.params), position='top', multi_line=True)
        return False
    except StorageError as error:
        log.warning('a command was not stored: %s', error)  # the detail is for the server's log, never for a page
        ui.notify(
            t(error.key),
            type='negative',
            position='top',
            timeout=0,
            close_button=t('common.close'),
            multi_line=True,
        )
        return False
    return True


class LiveSection(ui.element):
    """A part of the page kept current as the room changes, at the cost of one comparison per change.

    `compute()` makes the part's projection; only when it differs is the part re-rendered (`render`) or updated in
    place (`apply`: cheaper, for a detail such as the chosen vote). It stops watching when its element is deleted
    (its parent re-rendered, or the tab closed).
    """

    def __init__(
        self,
        room: LiveRoom,
        compute: Callable[[], T],
        render: Callable[[T], Any] | None = None,
        apply: Callable[[T], Any] | None = None,
    ) -> None:
        super().__init__('div')
        self.classes('contents')
        self.room = room
        self.compute = compute
        self.render = render
        self.apply = apply
        self.current = compute()
        self._show(self.current)
        room.watch(self.check)

    def _show(self, value: Any) -> None:
        if self.render is not None:
            with self:
                self.render(value)
        if self.apply is not None:
            with self:
                self.apply(value)

    def _handle_delete(self) -> None:
        self.room.unwatch(self.check)
        super()._handle_delete()

    def check(self) -> None:
        if self.is_deleted:
            return
        with self:  # the page's own context: a projection may speak its reader's language (t)
            value = self.compute()
        if value != self.current:
            if self.render is not None:
                self.clear()
            self._show(value)
            self.current = value  # only once shown: a failed update is tried again at the next change


def live_section(room: LiveRoom, compute: Callable[[], T], render: Callable[[T], Any]) -> None:
    """Show `render(compute())` and keep it current as the room changes."""
    LiveSection(room, compute, render=render)


def live_value(room: LiveRoom, compute: Callable[[], T], apply: Callable[[T], Any]) -> None:
    """Call `apply(compute())` now and whenever the value changes (to update elements in place)."""
    LiveSection(room, compute, apply=apply)


def tell(client: Client, text: str) -> None:
    """A positive notice on this page, even when the element that asked was re-rendered by its own command."""
    with client:
        ui.notify(text, type='positive', position='top')


def refresh_own_page(client: Client | None = None) -> None:
    """Bring this page's live sections up to date now: who acted sees the effect at once, not at the next tick."""
    for element in list((client or ui.context.client).elements.values()):
        if isinstance(element, LiveSection) and not element.is_deleted:
            element.check()


def message_page(title_key: str, body_key: str, *, role: str = 'participant') -> None:
    """A friendly full page for an unknown or closed room: never a stack trace."""
    with frame(t(title_key), role=role), ui.column().classes('message-page items-center text-center'):
        ui.icon(svg_icon('info'), size='3rem').props('aria-hidden=true')
        ui.label(t(title_key)).classes('text-2xl font-bold').props('role=heading aria-level=1')
        ui.label(t(body_key)).classes('text-lg')
        ui.link(t('join.title'), '/join').classes('text-lg')


def room_or_message(rooms: Rooms, code: str, *, role: str = 'participant') -> LiveRoom | None:
    """The room with this code, or None after showing the friendly 'this session does not exist' page."""
    room = rooms.get(code)
    if room is None:
        message_page('room.unknown.title', 'room.unknown.body', role=role)
    return room


def text_input(
    label: str, max_len: int, *, value: str = '', multiline: bool = False, hint: str = ''
) -> ui.input | ui.textarea:
    """A text field whose limit is visible (counter and message), matching the server's own check."""
    element: ui.input | ui.textarea = ui.textarea(label, value=value) if multiline else ui.input(label, value=value)
    element.props(f'maxlength={max_len} counter outlined stack-label' + (f' hint="{hint}"' if hint else ''))
    element.validation = {t('common.too_long', max=max_len): lambda v: len(v or '') <= max_len}
    return element
