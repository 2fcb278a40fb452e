"""The long-lived objects of one running server, handed to every page module (no module-level globals)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .config import Settings
from .content import Content
from .join import join_url
from .live import LiveRoom, Rooms
from .store import Store


@dataclass
class Services:
    settings: Settings
    store: Store
    rooms: Rooms
    content: Content
    admin_key: str
    storage_secret: str
    public_url: str
    media_dirs: tuple[Path, ...]

    def is_admin_key(self, key: str) -> bool:
        return hmac.compare_digest(key.encode(), self.admin_key.encode())

    def join_url(self, room: LiveRoom) -> str:
        return join_url(self.public_url, room.code)

    def clip_source(self, clip: str) -> str | None:
        """Where the browser loads a clip from: a web link as is, a file from the media folders, else None."""
        if clip.startswith(('http://', 'https://')):
            return clip
        for prefix, folder in zip(('/media', '/assets'), self.media_dirs, strict=True):
            try:
                found = (folder / clip).is_file()
            except OSError:  # e.g. a name longer than the file system allows: no such clip
                return None
            if found:
                return f'{prefix}/{quote(clip)}'
        return None
