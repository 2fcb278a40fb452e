"""A socket may only act on its own page, at a person's pace, and what it sends wrongly costs one log line.

NiceGUI routes a UI event by the `client_id` inside the message, not by the socket it came on. A phone that learnt
another page's id (say, the console's) could then click that page's buttons. The handshake puts every socket in a
room named after its own page, so an event naming any other page is dropped here, before NiceGUI sees it.

A socket that sends events NiceGUI cannot handle (a listener id its page does not have, arguments that are not
JSON) made NiceGUI log a traceback per message: megabytes of log a second from one script. Such an event is dropped;
the first of a socket is logged in one line, the rest are only counted, and the counts are logged at most once a
minute. Raw socket messages are limited per socket by a token bucket, far above what a person's taps need, and the
excess is dropped before socket.io even parses it.

A click counts once. A second click on the same button of the same page while its handler still runs (an async
handler; its button shows Quasar's busy spinner meanwhile), or right after the click before it (within DOUBLE_CLICK
seconds, with no other event of that page in between), is dropped: a double click on *Sessie aanmaken* makes one
session, on any button that creates or changes something. A person who types in between, or clicks something else,
is not held back; a counter button sets an explicit value rather than counting its clicks.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from nicegui import Client, background_tasks, core
from nicegui.element import Element
from nicegui.elements.button import Button

from ..ratelimit import RateLimiter, TooFast

log = logging.getLogger(__name__)

# The largest message a page's socket may send. The longest text field holds a few thousand characters; anything
# near this is not a person typing. Larger messages close that socket (engine.io refuses them) before any parsing.
MAX_MESSAGE = 64 * 1024

# Messages per socket: a phone sends a few a second at most (taps, typing, acks every 3 s); a burst of 50 and 20 a
# second after it is never reached by a person, nor by the bench's phones voting.
MESSAGE_BURST = 50
MESSAGES_PER_SECOND = 20.0
SUMMARY_EVERY = 60.0  # seconds between two log lines that count what was dropped
REMEMBERED = 10_000  # offending sockets remembered as already logged; then forgotten at once (a few more lines)
HANDLER_TASK = re.compile(r'^<(function|bound method|functools\.partial) ')  # str(handler) of an event handler
DOUBLE_CLICK = 0.5  # seconds: a second click on the same element sooner than this is the same intent, dropped


@dataclass
class Offences:
    """What the guard dropped, logged without flooding the log: each socket's first offence of a kind is one line;
    the rest are counted, and the counts are logged in one line at most every `every` seconds."""

    every: float = SUMMARY_EVERY
    logged: set[tuple[str, str]] = field(default_factory=set)  # (socket id, kind) already logged
    dropped: Counter[str] = field(default_factory=Counter)  # kind -> unlogged drops since the last summary
    since: float = field(default_factory=time.monotonic)

    def report(self, sid: str, kind: str, detail: str, now: float) -> None:
        if (sid, kind) in self.logged:
            self.dropped[kind] += 1
        else:
            if len(self.logged) >= REMEMBERED:
                self.logged.clear()
            self.logged.add((sid, kind))
            log.warning('socket %s: dropped %s (%s); more of this from it are only counted', sid, kind, detail)
        if self.dropped and now - self.since >= self.every:
            counts = ', '.join(f'{count} × {kind}' for kind, count in sorted(self.dropped.items()))
            log.warning('dropped from sockets already logged, in the last %.0f s: %s', now - self.since, counts)
            self.dropped.clear()
            self.since = now


@dataclass
class Clicks:
    """Which clicks count. A click is dropped while the handler of the same click still runs, or when it repeats the
    page's previous event, a click on the same element (listener and arguments), within the window: the two clicks
    of a double click come back to back. Whatever the page sent in between (a field typed in, another button) makes
    the next click a new intent, as does a button updated in place that says in its click's arguments that it now
    does something else (controls.StepButton)."""

    window: float = DOUBLE_CLICK
    last: dict[str, tuple[tuple[str, int, str], float]] = field(default_factory=dict)  # page -> (its last click, when)
    busy: set[tuple[str, int, str]] = field(default_factory=set)

    def admit(self, page: str, key: tuple[str, int, str] | None, now: float) -> bool:
        """Whether this event of `page` counts now (`key`: the click's, None for any other event)."""
        if key is None:
            self.last.pop(page, None)  # the page moved on: the next click is not the second half of a double click
            return True
        previous = self.last.get(page)
        if key in self.busy or (previous is not None and previous[0] == key and now - previous[1] < self.window):
            return False
        if len(self.last) >= REMEMBERED:  # forget what can no longer drop anything (closed pages among them)
            self.last = {k: (c, at) for k, (c, at) in self.last.items() if now - at < self.window}
        self.last[page] = (key, now)
        return True

    def running(self, key: tuple[str, int, str], element: Element, tasks: set[Any]) -> None:
        """The click's handler goes on in `tasks`: further clicks are dropped, and a button shows it is busy, until
        they are done."""
        self.busy.add(key)
        shows_busy = isinstance(element, Button)  # Quasar's q-btn has a spinner for exactly this
        if shows_busy:
            element.props['loading'] = True
            element.update()
        pending = set(tasks)

        def done(task: Any) -> None:
            pending.discard(task)
            if not pending:
                self.busy.discard(key)
                if shows_busy and not element.is_deleted:
                    element.props.pop('loading', None)
                    element.update()

        for task in tasks:
            task.add_done_callback(done)


def clicked_element(msg: dict[str, Any]) -> Element | None:
    """The element this UI event clicks, or None when it is not a click (or names no listener that exists)."""
    client = Client.instances.get(msg.get('client_id'))  # type: ignore[arg-type]
    element_id = msg.get('id')
    element = client.elements.get(element_id) if client is not None and isinstance(element_id, int) else None
    listener = element._event_listeners.get(msg.get('listener_id')) if element is not None else None  # type: ignore[arg-type]
    return element if listener is not None and listener.type == 'click' else None


offences = Offences()
clicks = Clicks()
messages = RateLimiter(burst=MESSAGE_BURST, per_second=MESSAGES_PER_SECOND)


def limit_message_size() -> None:
    core.sio.eio.max_http_buffer_size = MAX_MESSAGE


def admit_message(eio_sid: str, now: float) -> bool:
    """Whether this socket may send one more message now (one token of its bucket)."""
    try:
        messages.take(eio_sid, now)
    except TooFast:
        return False
    return True


def limit_message_rate() -> None:
    """Drop a socket's messages beyond its token bucket, before socket.io parses them (engine.io's message hook)."""
    original: Callable[[str, Any], Awaitable[Any]] = core.sio.eio.handlers['message']
    if getattr(original, 'guarded', False):
        return

    async def limited(eio_sid: str, data: Any) -> Any:
        now = time.monotonic()
        if not admit_message(eio_sid, now):
            # logged under the socket.io id, as the guard's other lines are: one socket, one name in the log
            sid = core.sio.manager.sid_from_eio_sid(eio_sid, '/') or eio_sid
            offences.report(sid, 'messages over the rate limit', f'more than {MESSAGES_PER_SECOND:g} a second', now)
            return None
        return await original(eio_sid, data)

    limited.guarded = True  # type: ignore[attr-defined]
    core.sio.eio.on('message', limited)


def guard_ui_events() -> None:
    original: Callable[[str, Any], Any] = core.sio.handlers['/']['event']
    if getattr(original, 'guarded', False):
        return
    limit_message_rate()

    def guarded(sid: str, msg: Any) -> Any:
        client_id = msg.get('client_id') if isinstance(msg, dict) else None
        # the room of that page holds this socket: one dictionary lookup (sio.rooms(sid) scans every room, which
        # made a burst of N taps cost O(N²))
        members = core.sio.manager.rooms.get('/', {}).get(client_id) if isinstance(client_id, str) else None
        if members is None or sid not in members:
            offences.report(sid, 'UI events for another page', f'page {client_id}', time.monotonic())
            return None
        element = clicked_element(msg)
        key = (str(client_id), element.id, f'{msg["listener_id"]}{msg.get("args")}') if element is not None else None
        if not clicks.admit(str(client_id), key, time.monotonic()):
            log.debug('socket %s: a repeated click on element %s dropped', sid, msg.get('id'))
            return None
        before = set(background_tasks.running_tasks) if key is not None else set()
        try:
            result = original(sid, msg)
        except Exception as error:
            # a handler's own errors are caught inside NiceGUI; what reaches here is the message's: an unknown
            # listener id (KeyError), arguments that are not JSON, a missing element id. The message is wrong, not
            # the server, so no traceback (NiceGUI's was logged once per message)
            offences.report(sid, 'malformed UI events', f'{type(error).__name__}: {error}'[:200], time.monotonic())
            log.debug('malformed UI event from socket %s', sid, exc_info=True)
            return None
        if element is not None and key is not None and not element.is_deleted:
            # an async handler goes on as a background task named after the handler (events.handle_event); other
            # tasks the click started (a dialog's removal, a page's storage) are not the click still running
            started = {t for t in background_tasks.running_tasks - before if HANDLER_TASK.match(t.get_name())}
            if started:
                clicks.running(key, element, started)
        return result

    guarded.guarded = True  # type: ignore[attr-defined]
    core.sio.on('event', guarded)
