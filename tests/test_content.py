"""Content files: the shipped set is valid; a bad file is refused with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation.app import CONTENT_DIR
from facilitation.content import load_content
from facilitation.werkvormen.quiz import rules as qz
from facilitation.werkvormen.quiz.content import QuizDeck, deck_yaml
from facilitation.werkvormen.statements.content import StatementSet
from facilitation.yamlfile import ContentError, load_model, parse_model


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


def test_shipped_quiz_deck_has_twenty_cards_of_both_kinds_and_plays() -> None:
    deck = load_content(CONTENT_DIR).quiz_decks['veilig-werken']
    assert len(deck.cards) >= 20
    assert {card.kind for card in deck.cards} == {qz.Kind.FACT, qz.Kind.OPINION}
    state = qz.new_state(deck.activity_config())  # every card passes the werkvorm's own rules
    assert len(state.cards) == len(deck.cards)


@pytest.mark.parametrize(
    ('card', 'line', 'field', 'named'),
    [
        ('  - kind: feit\n    question: Wie meldt het?\n', 3, 'cards[0]', "kaart 1: 'Wie meldt het?'"),
        ('  - kind: raadsel\n    question: Wat is dit?\n', 3, 'cards[0].kind', "kaart 1: 'Wat is dit?'"),
        ('  - kind: feit\n    question: Hoeveel?\n    answer: x\n    points: -5\n', 6, 'cards[0].points', 'Hoeveel?'),
        (
            '  - kind: feit\n    question: Welke?\n    options: [a, b]\n    answer: c\n',
            3,
            'cards[0]',
            'answer moet precies een van de options zijn',
        ),
    ],
)
def test_a_bad_quiz_card_is_refused_naming_the_card(
    tmp_path: Path, card: str, line: int, field: str, named: str
) -> None:
    path = write(tmp_path, f'title: Deck\ncards:\n{card}')
    with pytest.raises(ContentError) as caught:
        load_model(path, QuizDeck)
    assert (caught.value.line, caught.value.field) == (line, field)
    assert named in str(caught.value) and str(path) in str(caught.value)


def test_an_exported_deck_reads_back_as_the_same_cards() -> None:
    deck = load_content(CONTENT_DIR).quiz_decks['veilig-werken']
    state = qz.new_state(deck.activity_config())
    again = parse_model(deck_yaml('Export', state.cards.values(), state.steal_percent), 'export.yaml', QuizDeck)
    assert qz.new_state(again.activity_config()).cards == state.cards


@pytest.mark.parametrize(
    ('text', 'nl', 'en'),
    [
        ('title: T\nstatements:\n  - text: ""\n', 'dit veld is leeg (stelling 1)', 'this field is empty (statement 1)'),
        (
            'title: T\nstatements:\n  - text: A\n    kleur: rood\n',
            "dit veld is onbekend (stelling 1: 'A')",
            "this field is unknown (statement 1: 'A')",
        ),
        (f'title: {"x" * 121}\nstatements:\n  - text: A\n', 'langer dan 120 tekens', 'longer than 120 characters'),
        ('title: T\nstatements: 3\n', 'hier hoort een lijst (regels met -)', 'a list belongs here (lines with -)'),
        ('title: T\n', 'dit veld ontbreekt', 'this field is missing'),
        (
            'title: T\nstatements:\n  - text: A\n    clip: ../x\n',
            'een clip is een http(s)-link of een bestandsnaam',
            'a clip is an http(s) link or a file name',
        ),
    ],
)
def test_what_is_wrong_is_said_in_the_readers_words_never_pydantics(
    tmp_path: Path, text: str, nl: str, en: str
) -> None:
    with pytest.raises(ContentError) as caught:
        load_model(write(tmp_path, text), StatementSet)
    assert nl in str(caught.value) and nl in caught.value.message('nl')
    assert en in caught.value.message('en') and ', line ' in caught.value.message('en')
    for english in ('String should', 'Field required', 'Input should', 'Extra inputs', 'Value error'):
        assert english not in caught.value.message('nl') + caught.value.message('en')


def test_a_file_that_is_not_utf8_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / 'set.yaml'
    path.write_bytes(b'title: \xff\xfe\n')
    with pytest.raises(ContentError) as caught:
        load_model(path, StatementSet)
    assert caught.value.message('en') == f'{path}: the file is not UTF-8 text (save it as UTF-8)'
