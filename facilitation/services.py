"""The long-lived objects of one running server, handed to every page module (no module-level globals)."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .config import Settings
from .content import Content
from .join import join_url
from .live import LiveRoom, Rooms
from .ratelimit import CodeTries
from .store import Store
from .teams import TeamPlan, Teams, team_key
from .tokens import OneTimeTokens
from .werkvormen.registry import WERKVORMEN

log = logging.getLogger(__name__)


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
    teams: Teams
    tokens: OneTimeTokens = field(default_factory=OneTimeTokens)
    code_tries: CodeTries = field(default_factory=CodeTries)
    admin_key_new: bool = False  # made at this start (so its link may be printed once)

    def team_of(self, room: LiveRoom) -> TeamPlan | None:
        """The plan of the team this session belongs to (None when it has no team)."""
        return self.teams.for_name(room.state.team) if room.state.team else None

    def activity_config(self, room: LiveRoom, kind: str, config: dict[str, Any]) -> dict[str, Any]:
        """A new activity's config as its werkvorm prepares it for this session's team (Werkvorm.prepare: a
        leerdoelwijzer's baseline is the team's last round of it). Every add path asks this before AddActivity."""
        werkvorm = WERKVORMEN.get(kind)
        if werkvorm is None:
            return config  # AddActivity refuses the kind
        plan = self.team_of(room)
        return werkvorm.prepare(config, plan.state if plan is not None else None)

    def rooms_of(self, plan: TeamPlan) -> list[LiveRoom]:
        """The sessions of this team, newest first."""
        return [room for room in self.rooms.all() if room.state.team and team_key(room.state.team) == plan.record.key]

    def is_admin_key(self, key: str) -> bool:
        return hmac.compare_digest(key.encode(), self.admin_key.encode())

    @property
    def admin_epoch(self) -> str:
        """What an admin grant remembers of the key it was made with: a new `admin.key` ends the old grants."""
        return hashlib.sha256(f'admin-epoch:{self.admin_key}'.encode()).hexdigest()[:24]

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
