"""Server settings: command-line flags over environment over defaults; secrets kept in the data folder."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .join import lan_address


@dataclass(frozen=True)
class Settings:
    host: str = '0.0.0.0'
    port: int = 8080
    data_dir: Path = Path('data')
    public_url: str = ''  # empty: http://<LAN address>:<port>
    demo: bool = False
    retention_days: int = 90  # sessions older than this are deleted (0: keep until deleted by hand)
    reconnect_timeout: float = 60.0  # a phone may be away this long and keep its page (NiceGUI's default is 3 s)

    @property
    def database(self) -> Path:
        return self.data_dir / 'samenspel.db'

    def resolved_public_url(self) -> tuple[str, str]:
        """The base of join links and QR codes, and a sentence saying where it came from."""
        if self.public_url:
            return self.public_url.rstrip('/'), 'set with --public-url'
        address = lan_address()
        if address is None:
            return f'http://localhost:{self.port}', 'no network address found: phones cannot reach localhost'
        return f'http://{address}:{self.port}', 'the LAN address of this machine (change with --public-url)'


def read_or_create_secret(data_dir: Path, name: str) -> str:
    """A secret that stays the same across restarts (browser cookies and pseudonyms depend on it)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / name
    if path.exists():
        return path.read_text().strip()
    value = secrets.token_urlsafe(32)
    path.write_text(value)
    path.chmod(0o600)
    return value


def settings_from_env() -> Settings:
    """Settings for tests and embedding, from SAMENSPEL_* variables."""
    return Settings(
        host=os.environ.get('SAMENSPEL_HOST', '0.0.0.0'),
        port=int(os.environ.get('SAMENSPEL_PORT', '8080')),
        data_dir=Path(os.environ.get('SAMENSPEL_DATA_DIR', 'data')),
        public_url=os.environ.get('SAMENSPEL_PUBLIC_URL', ''),
        demo=os.environ.get('SAMENSPEL_DEMO', '') == '1',
    )
