"""Security headers on every HTTP response: no referrer, no framing, and a content security policy.

- `Referrer-Policy: no-referrer`: no page address (a room code, a team id) leaks to wherever a link leads.
- `X-Frame-Options: DENY` and `frame-ancestors 'none'`: no other site can frame a console and trick clicks.
- The policy allows only this server's own scripts, styles, fonts and sockets. NiceGUI renders its pages with
  inline scripts and Vue compiles its templates in the browser, so scripts need 'unsafe-inline' and 'unsafe-eval';
  what the policy still forbids is loading code or data from anywhere else, which is what an injected element
  would need to send anything out. A statement's clip may be a web link (an http(s) video), hence `media-src`.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = '; '.join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob: http: https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = [
    (b'referrer-policy', b'no-referrer'),
    (b'x-frame-options', b'DENY'),
    (b'x-content-type-options', b'nosniff'),
    (b'content-security-policy', POLICY.encode()),
]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message['type'] == 'http.response.start':
                present = {name.lower() for name, _ in message.get('headers', [])}
                message['headers'] = [*message.get('headers', []), *(h for h in HEADERS if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)
