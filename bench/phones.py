"""Simulated browsers for NiceGUI pages, without a browser: phones, the projector screen and the facilitator console.

They speak the protocol of NiceGUI 3.18's own client script (nicegui/static/nicegui.js, templates/index.html and
the socket.io handlers in nicegui/nicegui.py):

1. GET the page with a cookie jar of its own. The response sets NiceGUI's signed `session` cookie, whose `id` is
   the browser identity (`app.storage.browser['id']`, from which Samenspel derives the participant). The HTML
   embeds the whole element tree as JSON (`createApp(parseElements(String.raw`...`), {... query: {...}})`) and
   the socket query: `client_id`, `next_message_id`, `implicit_handshake`.
2. Open socket.io at `/_nicegui_ws/socket.io` over a websocket, with that query plus `document_id`, `tab_id` and
   `old_tab_id` (as the page's script does). With `implicit_handshake=true` the server's connect handler does the
   handshake, so the socket is live as soon as it is connected.
3. Server to browser: `update` ({element id: element, or null when deleted}), `run_javascript`, `notify`, `open`,
   `load_js_components`, ...; each carries `_id`, the browser drops ids it has seen and sends `ack` with the next
   expected id every 3 s.
4. Browser to server: `event` {id, client_id, listener_id, args}. A button click is its `click` listener with no
   arguments (`args: []`: q-btn registers on_click without event arguments), or with the constant its listener's
   script emits (the console's step buttons: `() => emit(3)`).
"""

from __future__ import annotations

import ast
import asyncio
import base64
import contextlib
import functools
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import aiohttp
import socketio

ELEMENTS = re.compile(r'parseElements\(String\.raw`(.*?)`\)', re.S)
QUERY = re.compile(r'^\s*query: (\{.*\}),\s*$', re.M)
UNESCAPE = (('&#36;', '$'), ('&#96;', '`'), ('&gt;', '>'), ('&lt;', '<'), ('&amp;', '&'))  # as parseElements()
COUNT = re.compile(r'^(\d+) van (\d+) gestemd$')
TAG = re.compile(r'<[^>]+>')
CONSTANT_EMIT = re.compile(r'^\(\) => emit\(([-\w."]+)\)$')  # a click listener's script sending one constant
ACK_INTERVAL = 3.0  # nicegui.js: setInterval(() => ack(), 3000)


def device_address(index: int) -> str:
    """A loopback address of its own for simulated device `index` (127.1.0.1, 127.1.0.2, ...): Linux routes all of
    127.0.0.0/8 to the loopback interface, so each phone reaches the server from a different address."""
    return f'127.1.{index // 250}.{index % 250 + 1}'


class PageError(Exception):
    """The page could not be loaded or connected, or did not show what was awaited in time."""


def _query_value(value: object) -> str:
    """A value as the browser's socket.io client puts it in the URL (JS booleans and null)."""
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return str(value)


class Page:
    """One browser tab on one NiceGUI page: own cookie jar (browser identity), element tree and socket."""

    def __init__(
        self,
        base_url: str,
        path: str,
        *,
        timeout: float = 30.0,
        address: str | None = None,
        jar: aiohttp.CookieJar | None = None,
        record: bool = False,
    ) -> None:
        """`address`: the local address to connect from (e.g. 127.1.0.7), so the server sees a device of its own
        on the network, as with real phones; by default the system's choice (127.0.0.1, the laptop itself).
        `jar`: the cookies of another page, for a second tab of the same browser. `record`: keep everything the
        server sent this page, as text (`received`: the page's element tree, then every message), for tests that
        look for what a page must never be told."""
        self.base_url = base_url.rstrip('/')
        self.path = path
        self.timeout = timeout
        # unsafe: keep the cookies of an IP host (127.0.0.1)
        self.jar = jar = jar if jar is not None else aiohttp.CookieJar(unsafe=True)

        def connector() -> aiohttp.TCPConnector:
            return aiohttp.TCPConnector(local_addr=(address, 0) if address else None)

        self.http = aiohttp.ClientSession(
            cookie_jar=jar, timeout=aiohttp.ClientTimeout(total=timeout), connector=connector()
        )
        # The websocket gets a connection of its own, as in a browser. (Upgrading the page's pooled keep-alive
        # connection instead lets uvicorn's keep-alive timer close the socket 5 s after the page was served.)
        self.ws_http = aiohttp.ClientSession(cookie_jar=jar, connector=connector())
        self.sio: socketio.AsyncClient | None = None
        self.elements: dict[str, dict[str, Any]] = {}
        self.client_id = ''
        self.next_message_id = 0
        self.tab_id = str(uuid.uuid4())
        self.updates: list[float] = []  # time.monotonic() of every 'update' message received
        self.notifications: list[str] = []  # ui.notify messages (the product's refusals arrive this way)
        self.navigations: list[str] = []  # where the server sent this tab (ui.navigate.to)
        self.disconnected = False
        self.disconnect_reason = ''
        self.received: list[str] | None = [] if record else None
        self._query: dict[str, Any] = {}
        self._texts: list[str] | None = None  # visible texts, computed on demand after an update
        self._waiters: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []
        self._acked = -1
        self._ack_task: asyncio.Task[None] | None = None

    # --- loading and connecting ------------------------------------------------------------------------------------

    async def open(self) -> None:
        """Load the page (following redirects with this jar) and connect its socket, as the page's script does."""
        try:
            async with self.http.get(self.base_url + self.path, headers={'Accept': 'text/html'}) as response:
                if response.status != 200:
                    raise PageError(f'GET {self.path}: HTTP {response.status}')
                html = await response.text()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise PageError(f'GET {self.path}: {error!r}') from error
        self._load(html)
        await self._connect()

    def _load(self, html: str) -> None:
        elements, query = ELEMENTS.search(html), QUERY.search(html)
        if elements is None or query is None:
            raise PageError(f'{self.path}: no NiceGUI element tree in the page')
        raw = elements.group(1)
        for escaped, plain in UNESCAPE:
            raw = raw.replace(escaped, plain)
        self.elements = json.loads(raw)
        self._record(self.elements)
        self._query = ast.literal_eval(query.group(1))  # rendered as a Python dict literal into the script
        self.client_id = self._query['client_id']
        self.next_message_id = int(self._query['next_message_id'])

    async def _connect(self) -> None:
        query = {**self._query, 'document_id': str(uuid.uuid4()), 'tab_id': self.tab_id, 'old_tab_id': None}
        sio = socketio.AsyncClient(reconnection=False, handle_sigint=False, http_session=self.ws_http)
        for event, handler in (
            ('update', self._on_update),
            ('run_javascript', self._on_run_javascript),
            ('notify', self._on_notify),
            ('open', self._on_open),
            ('disconnect', self._on_disconnect),
        ):
            sio.on(event, handler)
        try:
            await sio.connect(
                f'{self.base_url}?{urlencode({k: _query_value(v) for k, v in query.items()})}',
                transports=['websocket'],
                socketio_path='/_nicegui_ws/socket.io',
                wait_timeout=self.timeout,
            )
        except (socketio.exceptions.ConnectionError, aiohttp.ClientError, TimeoutError) as error:
            raise PageError(f'socket of {self.path}: {error!r}') from error
        self.sio = sio
        self._ack_task = asyncio.create_task(self._ack_loop())

    async def reload(self) -> None:
        """Load the page again with the same cookies (the same identity), as the page's script does when the server
        no longer knows it, e.g. after a restart."""
        if self._ack_task is not None:
            self._ack_task.cancel()
        if self.sio is not None and self.sio.connected:
            with contextlib.suppress(Exception):
                await self.sio.disconnect()
        self.sio, self.disconnected, self.disconnect_reason, self._texts = None, False, '', None
        await self.open()

    async def close(self) -> None:
        if self._ack_task is not None:
            self._ack_task.cancel()
        if self.sio is not None and self.sio.connected:
            with contextlib.suppress(Exception):
                await self.sio.disconnect()
        await self.http.close()
        await self.ws_http.close()

    # --- messages from the server ----------------------------------------------------------------------------------

    def _record(self, message: object) -> None:
        if self.received is not None:
            self.received.append(json.dumps(message, ensure_ascii=False))

    def _fresh(self, message: dict[str, Any]) -> bool:
        """Drop a message the browser has already seen (after a rewind), as nicegui.js does."""
        self._record(message)
        message_id = message.pop('_id', None)
        if message_id is None:
            return True
        if message_id < self.next_message_id:
            return False
        self.next_message_id = message_id + 1
        return True

    async def _on_update(self, message: dict[str, Any]) -> None:
        now = time.monotonic()
        if not self._fresh(message):
            return
        for element_id, element in message.items():
            if element is None:
                self.elements.pop(element_id, None)
            else:
                self.elements[element_id] = element
        self.updates.append(now)
        self._texts = None
        self._changed(now)

    async def _on_run_javascript(self, message: dict[str, Any]) -> None:
        if self._fresh(message) and message.get('request_id') and self.sio is not None:
            response = {'request_id': message['request_id'], 'client_id': self.client_id, 'result': None}
            await self.sio.emit('javascript_response', response)

    async def _on_notify(self, message: dict[str, Any]) -> None:
        if self._fresh(message):
            self.notifications.append(str(message.get('message', '')))
            self._changed(time.monotonic())  # someone may be waiting for exactly this

    async def _on_open(self, message: dict[str, Any]) -> None:
        if self._fresh(message):
            self.navigations.append(str(message.get('path', '')))
            self._changed(time.monotonic())

    async def _on_disconnect(self, reason: object = None) -> None:
        self.disconnected = True
        self.disconnect_reason = str(reason)
        self._changed(time.monotonic())  # someone may be waiting for exactly this

    async def _ack_loop(self) -> None:
        while self.sio is not None and self.sio.connected:
            await asyncio.sleep(ACK_INTERVAL)
            if self._acked < self.next_message_id and self.sio.connected:
                with contextlib.suppress(socketio.exceptions.SocketIOError):
                    await self.sio.emit('ack', {'client_id': self.client_id, 'next_message_id': self.next_message_id})
                self._acked = self.next_message_id

    def _changed(self, now: float) -> None:
        for predicate, future in self._waiters:
            if not future.done() and predicate():
                future.set_result(now)

    # --- what the page shows ---------------------------------------------------------------------------------------

    def visible(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """The elements reachable from the layout (id 0) through children and slots, as Vue renders them.

        An element hidden with `set_visibility(False)` (class 'hidden') is left out with everything inside it.
        """
        stack = ['0']
        while stack:
            element_id = stack.pop()
            element = self.elements.get(element_id)
            if element is None or 'hidden' in element.get('class', ()):
                continue
            yield element_id, element
            stack.extend(str(child) for child in element.get('children', ()))
            for slot in element.get('slots', {}).values():
                stack.extend(str(child) for child in slot.get('ids', ()))

    def texts(self) -> list[str]:
        """Every visible label text and button label, and the text of HTML elements (tags taken out)."""
        if self._texts is None:
            self._texts = []
            for _, element in self.visible():
                props = element.get('props', {})
                html = props.get('innerHTML')
                for text in (element.get('text'), props.get('label'), TAG.sub(' ', html) if html else None):
                    if isinstance(text, str) and text:
                        self._texts.append(text)
        return self._texts

    def shows(self, text: str) -> bool:
        return any(text in shown for shown in self.texts())

    def button(self, label: str, css_class: str | None = None) -> tuple[int, str] | None:
        """(element id, click listener id) of the visible button with this label (and class), or None."""
        for element_id, element in self.visible():
            if element.get('tag') != 'q-btn' or element.get('props', {}).get('label') != label:
                continue
            if css_class is not None and css_class not in element.get('class', ()):
                continue
            for listener in element.get('events', ()):
                if listener['type'] == 'click':
                    return int(element_id), listener['listener_id']
        return None

    async def wait_until(self, predicate: Callable[[], bool], timeout: float | None = None) -> float:
        """time.monotonic() of the update after which `predicate` holds (now if it holds already)."""
        if predicate():
            return time.monotonic()
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        waiter = (predicate, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, self.timeout if timeout is None else timeout)
        except TimeoutError as error:
            raise PageError(f'{self.path} did not show it in time; it shows: {self.texts()[:12]}') from error
        finally:
            self._waiters.remove(waiter)

    async def wait_for_text(self, text: str, timeout: float | None = None) -> float:
        return await self.wait_until(lambda: self.shows(text), timeout)

    async def wait_for_button(self, label: str, css_class: str | None = None, timeout: float | None = None) -> float:
        return await self.wait_until(lambda: self.button(label, css_class) is not None, timeout)

    # --- what the user does ----------------------------------------------------------------------------------------

    async def click(self, label: str, css_class: str | None = None) -> float:
        """Click the visible button with this label; returns time.monotonic() when the event was sent."""
        target = self.button(label, css_class)
        if target is None or self.sio is None:
            raise PageError(f'{self.path}: no button {label!r}; it shows: {self.texts()[:12]}')
        element_id, listener_id = target
        sent = time.monotonic()
        event = {'id': element_id, 'client_id': self.client_id, 'listener_id': listener_id, 'args': self.args(target)}
        await self.sio.emit('event', event)
        return sent

    def args(self, target: tuple[int, str]) -> list[str]:
        """The arguments the page's script sends with this click: none, or what the listener's script emits when it
        is a constant (`() => emit(3)`: the console's step buttons say which step a click was made on)."""
        element_id, listener_id = target
        for listener in self.elements.get(str(element_id), {}).get('events', ()):
            if listener['listener_id'] == listener_id:
                script = CONSTANT_EMIT.match(listener.get('js_handler') or '')
                return [json.dumps(json.loads(script.group(1)))] if script else []
        return []

    async def fill(self, label: str, text: object) -> float:
        """Type `text` into the visible field with this label (or aria-label): its value-change event
        (`update:value`), with its argument JSON-encoded as the page's script sends it. For a radio or a toggle the
        value is the option's index, as Quasar sends it."""
        for element_id, element in self.visible():
            props = element.get('props', {})
            if label not in (props.get('label'), props.get('aria-label')):
                continue
            for listener in element.get('events', ()):
                if listener['type'] in ('update:value', 'update:model-value', 'update:modelValue') and self.sio:
                    sent = time.monotonic()
                    await self.sio.emit(
                        'event',
                        {
                            'id': int(element_id),
                            'client_id': self.client_id,
                            'listener_id': listener['listener_id'],
                            'args': [json.dumps(text)],
                        },
                    )
                    return sent
        raise PageError(f'{self.path}: no field {label!r}; it shows: {self.texts()[:12]}')

    async def press_enter(self, label: str) -> float:
        """Press Enter in the visible field with this label (its `keydown` listener, as the page's script sends it)."""
        for element_id, element in self.visible():
            props = element.get('props', {})
            if label not in (props.get('label'), props.get('aria-label')) or self.sio is None:
                continue
            for listener in element.get('events', ()):
                if listener['type'] == 'keydown' and 'enter' in listener.get('keys', ()):
                    sent = time.monotonic()
                    args = [json.dumps({'key': 'Enter', 'code': 'Enter'})]
                    event = {'id': int(element_id), 'client_id': self.client_id, 'listener_id': listener['listener_id']}
                    await self.sio.emit('event', {**event, 'args': args})
                    return sent
        raise PageError(f'{self.path}: no field {label!r} that takes Enter; it shows: {self.texts()[:12]}')

    @property
    def browser_id(self) -> str:
        """The browser identity in NiceGUI's session cookie (base64 JSON, then a signature we need not check)."""
        for cookie in self.http.cookie_jar:
            if cookie.key == 'session':
                payload = cookie.value.split('.')[0]
                return str(json.loads(base64.b64decode(payload + '=' * (-len(payload) % 4)))['id'])
        raise PageError('no session cookie yet')


class Phone(Page):
    """A participant's phone on /j/CODE."""

    def __init__(
        self, base_url: str, code: str, *, timeout: float = 30.0, address: str | None = None, record: bool = False
    ) -> None:
        super().__init__(base_url, f'/j/{code}', timeout=timeout, address=address, record=record)
        self.votes: list[tuple[str, float]] = []  # (choice, time sent)

    async def join(self) -> float:
        """Tap 'Doe mee' (anonymously); returns when the tap was sent."""
        return await self.click('Doe mee')

    async def vote(self, choice: str) -> float:
        """Tap 'Eens' or 'Oneens' ('eens'/'oneens'); returns when the tap was sent."""
        sent = await self.click(choice.capitalize())
        self.votes.append((choice, sent))
        return sent


class Screen(Page):
    """The projector on /p/CODE, timestamping when each vote count ('{n} van {m} gestemd') first shows.

    It is opened from the console, in the console's browser (its cookies: the console's grant opens it)."""

    def __init__(
        self, base_url: str, code: str, console: Console, *, timeout: float = 30.0, record: bool = False
    ) -> None:
        super().__init__(base_url, f'/p/{code}', timeout=timeout, jar=console.jar, record=record)
        self.console = console
        self._asked_again = False
        self.count_shown: dict[int, float] = {}  # n -> first time a count of at least n was on screen
        self.count = 0

    def _changed(self, now: float) -> None:
        for text in self.texts():
            match = COUNT.match(text)
            if match:
                voted = int(match.group(1))
                for n in range(self.count + 1, voted + 1):
                    self.count_shown.setdefault(n, now)
                self.count = voted
        super()._changed(now)

    async def open(self) -> None:
        await self.console.granted.wait()
        await super().open()
        if self.button('Toegang') is not None and not self._asked_again:
            # the grant was not kept (a killed server may lose the last second of browser storage): ask again
            self._asked_again = True
            await self.console.reload()
            await self.reload()

    def reset_count(self) -> None:
        self.count_shown.clear()
        self.count = 0


class Console(Page):
    """The facilitator's console on /f/CODE, entered as a person does: the key typed into the access page."""

    NEXT_STEP = 'next-step'  # the class of the one obvious next-step button

    def __init__(self, base_url: str, code: str, key: str, *, timeout: float = 30.0, record: bool = False) -> None:
        super().__init__(base_url, f'/f/{code}', timeout=timeout, record=record)
        self.key = key
        self.granted = asyncio.Event()  # set once this browser holds the console's grant
        self.lost_clicks = 0  # clicks on a button the server had just re-made (a new element), so it ignored them

    async def open(self) -> None:
        """Load the console; on the access page, type the key, and load the console again once it is granted."""
        await super().open()
        if self.button('Toegang') is not None:
            navigated = len(self.navigations)
            await self.fill('Toegangscode', self.key)
            await self.click('Toegang')
            await self.wait_until(lambda: len(self.navigations) > navigated)
            await self.reload()  # opens the console itself now
        self.granted.set()

    async def step(self, label: str, attempts: int = 3) -> float:
        """Click the next-step button, which must say `label`, until the console moves on; returns when the click
        that counted was sent.

        The console updates its step button in place: the click moves it on (another label, or for a next step of
        the same label another step number in its click). Should the button have been re-made instead (a new
        element with the same label), the click went to the old element, which the server no longer has: it is
        counted in `lost_clicks` and made again.
        """
        for _ in range(attempts):
            await self.wait_for_button(label, self.NEXT_STEP)
            target = self.button(label, self.NEXT_STEP)
            made_on = self.args(target) if target is not None else []
            sent = await self.click(label, self.NEXT_STEP)
            await self.wait_until(functools.partial(self._next_step_other_than, label, target, made_on))
            now = self.button(label, self.NEXT_STEP)
            if now is None or target is None or now[0] == target[0]:
                return sent
            self.lost_clicks += 1
        raise PageError(f'{self.path}: {attempts} clicks on {label!r} were all lost')

    def _next_step_other_than(self, label: str, target: tuple[int, str] | None, made_on: list[str]) -> bool:
        now = self.button(label, self.NEXT_STEP)
        return now != target or now is None or self.args(now) != made_on
