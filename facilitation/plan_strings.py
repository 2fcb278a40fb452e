"""The words of the team plan, the werkoverleg, the session report and the downloads, as translators edit them in
plan_strings.yaml beside this module: Dutch first, English beside it (joined into facilitation/i18n.py's table, where
every page finds them)."""

from __future__ import annotations

from .strings_file import beside

STRINGS: dict[str, tuple[str, str]] = beside(__file__)
