"""Room codes, secrets, participant pseudonyms, the join URL and its QR code."""

from __future__ import annotations

import hashlib
import hmac
import io
import secrets

import ifaddr

# No look-alikes: 0/O, 1/I/L are left out, so a code read from the projector is typed right the first time.
CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
CODE_LENGTH = 5


def new_code(taken: set[str]) -> str:
    while True:
        code = ''.join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def normalise_code(raw: str) -> str | None:
    """The code as stored, or None when it cannot be one (case-insensitive; spaces and dashes ignored)."""
    code = raw.strip().upper().replace(' ', '').replace('-', '')
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


def new_key() -> str:
    """A long random token for facilitator access (192 bits)."""
    return secrets.token_urlsafe(24)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_matches(key: str, key_hash: str) -> bool:
    """Constant-time comparison, so a key cannot be guessed byte by byte from response times."""
    return hmac.compare_digest(hash_key(key), key_hash)


def participant_id(secret: str, session_id: str, browser_id: str) -> str:
    """A pseudonym per session and browser: stable across reloads and restarts, unlinkable across sessions."""
    digest = hmac.new(secret.encode(), f'{session_id}:{browser_id}'.encode(), hashlib.sha256).hexdigest()
    return 'p' + digest[:15]


def origin_pseudonym(secret: str, session_id: str, host: str) -> str:
    """Where a phone's command came from, for the audit log: the same network address gives the same pseudonym
    within a session (so a flood from one device shows), but the address itself is not kept."""
    digest = hmac.new(secret.encode(), f'origin:{session_id}:{host}'.encode(), hashlib.sha256).hexdigest()
    return 'net-' + digest[:10]


def lan_address() -> str | None:
    """The laptop's first non-loopback IPv4 address, so phones on the same network can reach it."""
    candidates = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str) and not ip.ip.startswith(('127.', '169.254.')):
                candidates.append(ip.ip)
    return candidates[0] if candidates else None


def join_url(public_url: str, code: str) -> str:
    return f'{public_url.rstrip("/")}/j/{code}'


def qr_svg(data: str) -> str:
    """The QR code as an inline SVG (scales to any projector without blur). qrcode is imported here, at the first
    code drawn: it brings Pillow and lxml, which the server's start does not need."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(
        data, image_factory=qrcode.image.svg.SvgPathImage, border=2, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
