"""A socket may only act on its own page.

NiceGUI routes a UI event by the `client_id` inside the message, not by the socket it came on. A phone that learnt
another page's id (say, the console's) could then click that page's buttons. The handshake puts every socket in a
room named after its own page, so an event naming any other page is dropped here, before NiceGUI sees it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from nicegui import core

log = logging.getLogger(__name__)

# The largest message a page's socket may send. The longest text field holds a few thousand characters; anything
# near this is not a person typing. Larger messages close that socket (engine.io refuses them) before any parsing.
MAX_MESSAGE = 64 * 1024


def limit_message_size() -> None:
    core.sio.eio.max_http_buffer_size = MAX_MESSAGE


def guard_ui_events() -> None:
    original: Callable[[str, Any], Any] = core.sio.handlers['/']['event']
    if getattr(original, 'guarded', False):
        return

    def guarded(sid: str, msg: Any) -> Any:
        client_id = msg.get('client_id') if isinstance(msg, dict) else None
        # the room of that page holds this socket: one dictionary lookup (sio.rooms(sid) scans every room, which
        # made a burst of N taps cost O(N²))
        members = core.sio.manager.rooms.get('/', {}).get(client_id) if isinstance(client_id, str) else None
        if members is None or sid not in members:
            log.warning('dropped a UI event for page %s from a socket of another page', client_id)
            return None
        return original(sid, msg)

    guarded.guarded = True  # type: ignore[attr-defined]
    core.sio.on('event', guarded)
