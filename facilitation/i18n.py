"""The interface's words: Dutch first, English beside it. Every key has both, so a page never shows a bare key.

Pages call `t(key, **params)` (see ui/frame.py), which picks the browser's chosen language. The words are data,
read by facilitation/strings_file.py: those shared by every page in strings.yaml beside this module, the team plan's
in plan_strings.yaml, and each werkvorm's own in its package (`werkvormen/<kind>/strings.yaml`, read by its
strings.py), which join this table when it is first imported (a key defined twice stops the import).
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

from . import plan_strings, strings_file
from .incidents import strings as incident_strings

LANGUAGES = ('nl', 'en')
DEFAULT_LANGUAGE = 'nl'

STRINGS: dict[str, tuple[str, str]] = strings_file.load(Path(__file__).with_name('strings.yaml'))


def _werkvormen() -> None:
    """Each registered werkvorm's words into the table."""
    from .werkvormen.registry import WERKVORMEN

    for package in dict.fromkeys(werkvorm.package for werkvorm in WERKVORMEN.values()):  # two may share one
        try:
            own: dict[str, tuple[str, str]] = importlib.import_module(f'{package}.strings').STRINGS
        except (ModuleNotFoundError, AttributeError):
            continue  # registry.check names it at start
        twice = sorted(set(own) & set(STRINGS))
        if twice:
            raise RuntimeError(f'{package}.strings defines what is defined already: {", ".join(twice)}')
        STRINGS.update(own)


PLURAL = ' | '
"""Between the two forms of a text that counts (`'1 argument | {n} argumenten'`, as vue-i18n writes it): the first
for exactly one, the second for every other count; `translate` picks by the parameter `n`."""


def plural(text: str, n: object) -> str:
    """The form of `text` for the count `n` (the text itself when it has one form)."""
    one, _, other = text.partition(PLURAL)
    return one if not other or n == 1 else other


def translate(lang: str, key: str, **params: object) -> str:
    """The text for `key` in `lang` (Dutch when unknown), in the form for the count `n` where it counts, with `params`
    filled in."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = plural(pair[1] if lang == 'en' else pair[0], params.get('n'))
    return text.format(**params) if params else text


def date_text(value: str | date, lang: str) -> str:
    """A date as Dutch readers write it (30-06-2025) or ISO for English; '' stays ''."""
    if not value:
        return ''
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return day.strftime('%d-%m-%Y') if lang == 'nl' else day.isoformat()


STRINGS.update(plan_strings.STRINGS)
STRINGS.update(strings_file.load(Path(__file__).parent / 'incidents' / 'trend_strings.yaml'))
STRINGS.update(incident_strings.STRINGS)
_werkvormen()
