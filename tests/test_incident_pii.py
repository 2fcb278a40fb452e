"""The detector of what would identify the citizen in an incident's text (werkvormen/incident/pii.py): each kind
found where people write it, a BSN only when it passes the 11-proef, ordinary Dutch about an incident left alone,
and whatever the text, every finding is a part of it, in order and never overlapping."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as s

from facilitation.werkvormen.incident.pii import Kind, elfproef, findings


@pytest.mark.parametrize(
    ('text', 'kind', 'part'),
    [
        ('Meneer Jansen werd boos bij de balie', Kind.NAAM, 'Meneer Jansen'),
        ('mevrouw De Boer belde drie keer', Kind.NAAM, 'mevrouw De Boer'),
        ('Het was Jan de Vries, die kennen we', Kind.NAAM, 'Jan de Vries'),
        ('De klant heet Pieter en komt vaker', Kind.NAAM, 'heet Pieter'),
        ('Hij stond om 10 uur aan de Kerkstraat 12a te wachten', Kind.ADRES, 'Kerkstraat 12a'),
        ('woont in 3511 AB, vlakbij', Kind.POSTCODE, '3511 AB'),
        ('postcode 3511ab klopte niet', Kind.POSTCODE, '3511ab'),
        ('zijn BSN 111222333 stond op het formulier', Kind.BSN, '111222333'),
        ('BSN 111.222.333 genoteerd', Kind.BSN, '111.222.333'),
        ('belde vanaf 06-12345678 terug', Kind.TELEFOON, '06-12345678'),
        ('nummer +31 20 123 4567 bleef bellen', Kind.TELEFOON, '+31 20 123 4567'),
        ('mailde vanaf boos.burger@example.nl', Kind.EMAIL, 'boos.burger@example.nl'),
    ],
)
def test_each_kind_is_found_and_named(text: str, kind: Kind, part: str) -> None:
    assert [(f.kind, f.text) for f in findings(text)] == [(kind, part)]


@pytest.mark.parametrize(
    'text',
    [
        'Gewone tekst van een collega',
        'De klant werd boos toen de wachttijd 45 minuten was',
        'In 2024 en 2025 gebeurde dit vaker bij Team Balie',
        'Het ordernummer was 123456789',  # nine digits, no 11-proef: not a BSN
        'Geen tweede medewerker bij de balie; de alarmknop werkte niet',
        'Om 14.30 uur, op dinsdag 3 maart, bij ingang B',
    ],
)
def test_ordinary_words_about_an_incident_are_left_alone(text: str) -> None:
    assert findings(text) == ()


def test_the_elfproef() -> None:
    assert elfproef('111222333') and elfproef('123456782')
    assert not elfproef('123456789') and not elfproef('000000000') and not elfproef('12345678')


def bsn_numbers() -> s.SearchStrategy[str]:
    """Nine digits that pass the 11-proef: eight at random and the ninth that makes it a multiple of 11."""

    def complete(first: list[int]) -> str | None:
        rest = sum(w * d for w, d in zip(range(9, 1, -1), first, strict=True)) % 11
        return ''.join(map(str, first)) + str(rest) if rest < 10 and any(first) else None

    return s.lists(s.integers(0, 9), min_size=8, max_size=8).map(complete).filter(lambda n: n is not None)  # type: ignore[return-value]


WORDS = s.lists(s.sampled_from(['de', 'klant', 'was', 'boos', 'bij', 'balie', 'en', 'liep', 'weg']), max_size=6)


@given(before=WORDS, number=bsn_numbers(), after=WORDS)
def test_a_valid_bsn_in_any_sentence_is_found(before: list[str], number: str, after: list[str]) -> None:
    text = ' '.join([*before, number, *after])
    assert [(f.kind, f.text) for f in findings(text)] == [(Kind.BSN, number)]


@given(number=s.integers(100_000_000, 999_999_999).map(str).filter(lambda n: not elfproef(n)))
def test_nine_digits_that_fail_the_elfproef_are_no_bsn(number: str) -> None:
    assert all(f.kind is not Kind.BSN for f in findings(f'referentie {number} bij de gemeente'))


@given(
    user=s.from_regex(r'[a-z]{1,8}(\.[a-z]{1,5})?', fullmatch=True), host=s.from_regex(r'[a-z]{2,8}', fullmatch=True)
)
def test_an_email_address_is_found_whole(user: str, host: str) -> None:
    address = f'{user}@{host}.nl'
    assert [(f.kind, f.text) for f in findings(f'hij schreef vanaf {address} boze berichten')] == [
        (Kind.EMAIL, address)
    ]


@given(number=s.from_regex(r'06[- ]?[1-9]\d{7}', fullmatch=True))
def test_a_mobile_number_is_found_whole(number: str) -> None:
    assert [(f.kind, f.text) for f in findings(f'belde met {number} terug')] == [(Kind.TELEFOON, number)]


@given(text=s.text(alphabet=s.characters(codec='utf-8', categories=['Ll', 'Zs', 'Po']), max_size=200))
def test_lower_case_words_without_digits_are_never_flagged(text: str) -> None:
    assert findings(text) == ()


@given(text=s.text(max_size=300))
def test_every_finding_is_a_part_of_the_text_in_order_and_never_overlapping(text: str) -> None:
    found = findings(text)
    assert all(text[f.start : f.end] == f.text and f.text for f in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
