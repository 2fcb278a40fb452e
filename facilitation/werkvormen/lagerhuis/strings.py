"""The lagerhuis werkvorm's words, as translators edit them in strings.yaml beside this module: Dutch first, English
beside it (merged into facilitation/i18n.py's table)."""

from __future__ import annotations

from ...strings_file import beside

STRINGS: dict[str, tuple[str, str]] = beside(__file__)
