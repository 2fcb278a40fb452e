"""Content files: the shipped set is valid; a bad file is refused with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation.app import CONTENT_DIR
from facilitation.content import ContentError, StatementSet, load_content, load_model


def test_shipped_starter_set_has_at_least_twelve_statements() -> None:
    content = load_content(CONTENT_DIR)
    assert content.statement_sets
    starter = content.statement_sets['veilig-werken']
    assert len(starter.statements) >= 12
    assert all(item.text for item in starter.statements)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / 'set.yaml'
    path.write_text(text, encoding='utf-8')
    return path


@pytest.mark.parametrize(
    ('text', 'line', 'field'),
    [
        ('title: T\nstatements:\n  - text: Goed\n  - text: ""\n', 4, 'statements[1].text'),
        ('title: T\nstatements:\n  - text: Goed\n    kleur: rood\n', 4, 'statements[0].kleur'),
        ('title: T\nstatements:\n  - text: A\n    clip: ../../etc/passwd\n', 4, 'statements[0].clip'),
        ('title: T\nstatements: []\n', 2, 'statements'),
        (f'title: T\nstatements:\n  - text: {"x" * 301}\n', 3, 'statements[0].text'),
        ('statements:\n  - text: A\n', 1, 'title'),
    ],
)
def test_bad_file_names_file_line_and_field(tmp_path: Path, text: str, line: int, field: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_model(path, StatementSet)
    assert caught.value.line == line
    assert caught.value.field == field
    assert str(path) in str(caught.value) and f'regel {line}' in str(caught.value) and field in str(caught.value)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'title: T\nstatements:\n  - text: Een: twee: drie\n')
    with pytest.raises(ContentError) as caught:
        load_model(path, StatementSet)
    assert caught.value.line == 3
    assert 'geen geldige YAML' in str(caught.value)
