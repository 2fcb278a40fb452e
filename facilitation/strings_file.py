"""A table of words in a YAML file, as translators edit it: every key with its Dutch (`nl`) and English (`en`) text.

    lh.title:
      nl: Lagerhuisdiscussie
      en: House of Commons debate

Read once, when its module is imported (with libyaml's parser where PyYAML has it). A file that is not such a table
stops the import, naming the file and the key: a page never shows a bare key or half a translation.
"""

from __future__ import annotations

from pathlib import Path

import yaml

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as Loader  # type: ignore[assignment]


class StringsError(ValueError):
    """A words file that cannot be used; the message names the file (and the key)."""


def load(path: Path) -> dict[str, tuple[str, str]]:
    """The file's table, in its order: key -> (Dutch, English)."""
    try:
        with path.open('rb') as file:
            data = yaml.load(file, Loader=Loader)  # a safe loader: plain data only
    except (OSError, yaml.YAMLError) as error:
        raise StringsError(f'{path}: {error}') from error
    if not isinstance(data, dict):
        raise StringsError(f'{path}: not a table of words (key: then nl: and en: under it)')
    table: dict[str, tuple[str, str]] = {}
    for key, texts in data.items():
        if not (isinstance(key, str) and key and isinstance(texts, dict) and tuple(sorted(texts)) == ('en', 'nl')):
            raise StringsError(f'{path}: {key!r} wants exactly nl and en')
        nl, en = texts['nl'], texts['en']
        if not (isinstance(nl, str) and nl and isinstance(en, str) and en):
            raise StringsError(f'{path}: {key!r} wants a text in nl and in en, not empty')
        table[key] = (nl, en)
    return table


def beside(module_file: str) -> dict[str, tuple[str, str]]:
    """The table in the YAML file named like the module (`strings.py` reads `strings.yaml`)."""
    return load(Path(module_file).with_suffix('.yaml'))
