"""Content files: the shipped set is valid; a bad file is refused with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation.app import CONTENT_DIR
from facilitation.content import ContentError, QuizDeck, StatementSet, deck_yaml, load_content, load_model, parse_model
from facilitation.werkvormen.quiz import rules as qz


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
    again = parse_model(deck_yaml('Export', state), 'export.yaml', QuizDeck)
    assert qz.new_state(again.activity_config()).cards == state.cards
