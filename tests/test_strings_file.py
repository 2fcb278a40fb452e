"""The words files (strings.yaml): read as the tables they were, and a file that is not such a table stops the start,
naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation import i18n
from facilitation.strings_file import StringsError, load


def test_a_words_file_reads_as_its_table_in_its_order_with_plural_forms_and_placeholders(tmp_path: Path) -> None:
    path = tmp_path / 'strings.yaml'
    path.write_text(
        "x.count:\n  nl: '1 argument | {n} argumenten'\n  en: 1 argument | {n} arguments\n"
        'x.quote:\n  nl: \'Wat is "{value!r}"?\'\n  en: "It\'s: {value!r}"\n',
        encoding='utf-8',
    )
    assert list(load(path).items()) == [
        ('x.count', ('1 argument | {n} argumenten', '1 argument | {n} arguments')),
        ('x.quote', ('Wat is "{value!r}"?', "It's: {value!r}")),
    ]


@pytest.mark.parametrize(
    ('text', 'named'),
    [
        ('x.one:\n  nl: Een\n', "'x.one' wants exactly nl and en"),
        ('x.one:\n  nl: Een\n  en: One\n  de: Eins\n', "'x.one' wants exactly nl and en"),
        ("x.one:\n  nl: ''\n  en: One\n", "'x.one' wants a text in nl and in en"),
        ('x.one:\n  nl: 12\n  en: One\n', "'x.one' wants a text in nl and in en"),
        ('x.one: Een\n', "'x.one' wants exactly nl and en"),
        ('- x.one\n', 'not a table of words'),
        ('x.one:\n  nl: [Een\n', 'while parsing'),
    ],
)
def test_a_words_file_that_is_not_a_table_is_refused_naming_the_file_and_the_key(
    tmp_path: Path, text: str, named: str
) -> None:
    path = tmp_path / 'strings.yaml'
    path.write_text(text, encoding='utf-8')
    with pytest.raises(StringsError) as refused:
        load(path)
    assert str(path) in str(refused.value) and named in str(refused.value)


def test_every_shipped_words_file_is_read_into_the_table() -> None:
    folder = Path(i18n.__file__).parent
    files = sorted(folder.rglob('*.yaml'))
    assert len(files) == 13  # the shared words, the team plan's, the incidents' two (import, trend), nine werkvormen's
    assert all(load(path).items() <= i18n.STRINGS.items() for path in files)
