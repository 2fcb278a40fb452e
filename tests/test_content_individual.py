"""Leren als individu, its content: the seed's eight leerdoelwijzers and its ontwikkelmatrix load as shipped, item
for item as the seed counts them; a bad file is refused naming file, line and field, in Dutch and in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation.app import CONTENT_DIR
from facilitation.content import load_content
from facilitation.werkvormen.leerdoelen.content import (
    ANSWERS,
    LEVELS,
    Leerdoelwijzer,
    Ontwikkelmatrix,
    load_leerdoelwijzers,
)
from facilitation.yamlfile import ContentError, load_model

SECTIONS = [
    'Risico-inschatting',
    'Herkennen van spanningssignalen bij jezelf',
    'Vroegsignalering. Herkennen van spanningssignalen bij de burger',
    'Stellen van grenzen',
    'Collegiale ondersteuning',
]  # every leerdoelwijzer of the seed has these five, in this order

EXPECTED = {  # file: function group, items per section (as SECTIONS), counted in the seed's appendix
    'werkpleinen': ('Werkpleinen', [6, 9, 7, 5, 2]),  # seed lines 531-604: 29 items
    'sociaal-domein': ('Sociaal domein', [8, 9, 7, 7, 2]),  # seed lines 605-694: 33 items
    'klant-contact-centra': ('Klant Contact Centra', [1, 9, 7, 5, 2]),  # seed lines 695-757: 24 items
    'publiekszaken': ('Publiekszaken', [5, 9, 7, 5, 2]),  # seed lines 758-828: 28 items
    'inspectie': ('Inspectie – Bouw – Milieu – Water – Leerplicht', [7, 9, 7, 8, 2]),  # seed lines 829-916: 33
    'boa': ('Buitengewoon Opsporings Ambtenaren', [12, 9, 7, 8, 2]),  # seed lines 917-1015: 38 items
    'beheer-en-onderhoud': ('Beheer en Onderhoud', [3, 9, 7, 7, 2]),  # seed lines 1016-1092: 28 items
    'beheer-sporthal-zwembad-begraafplaats': ('Beheer Sporthal, Zwembad, Begraafplaats', [4, 9, 7, 5, 2]),  # 1093-1161
}

CONTACT_TYPES = {  # the heading of each, '(contactsoort …)'
    'werkpleinen': 'face-to-face aan balie, in spreekkamer, of aan de telefoon',
    'sociaal-domein': 'face-to-face tijdens huisbezoek, in spreekkamer of aan de telefoon',
    'klant-contact-centra': 'telefonisch contact',
    'publiekszaken': 'face-to-face aan balie/receptie',
    'inspectie': 'face-to-face tijdens huis- of bedrijfsbezoek, in de openbare ruimte, aan balie of telefoon',
    'boa': 'face-to-face in de openbare ruimte of op huis- of bedrijfsbezoek',
    'beheer-en-onderhoud': 'face-to-face in de openbare ruimte',
    'beheer-sporthal-zwembad-begraafplaats': 'face-to-face',
}

SETTINGS = [
    'aan de telefoon',
    'aan de balie',
    'in de spreekkamer',
    'in de openbare ruimte',
    'op huisbezoek',
    'op bedrijfsbezoek',
    'tijdens groepsbijeenkomsten',
    'schriftelijk',
    'met social media',
]  # seed lines 189-198, the topic 'Veilig werken:'


def test_the_eight_leerdoelwijzers_are_the_seeds_item_for_item() -> None:
    wijzers = load_content(CONTENT_DIR).leerdoelwijzers
    assert sorted(wijzers) == sorted(EXPECTED)
    for stem, (group, counts) in EXPECTED.items():
        wijzer = wijzers[stem]
        assert (wijzer.function_group, wijzer.contact_type) == (group, CONTACT_TYPES[stem])
        assert wijzer.title.startswith('Leerdoelwijzer voor ') and group in wijzer.title
        assert [section.title for section in wijzer.sections] == SECTIONS
        assert [len(section.items) for section in wijzer.sections] == counts, stem
        assert len(wijzer.items) == sum(counts) and 24 <= len(wijzer.items) <= 38
        assert tuple(wijzer.answers) == ANSWERS == ('Altijd', 'Vaak', 'Soms', 'Nooit')
        assert 'persoonlijke leerdoel' in wijzer.learning_goal and 'leidinggevende' in wijzer.learning_goal
        assert [offer.kind for offer in wijzer.offers] == ['kennis', 'vaardigheden', 'coaching']
    assert sum(len(wijzer.items) for wijzer in wijzers.values()) == 240


def test_items_keep_the_seeds_words_where_a_line_or_page_broke_them() -> None:
    wijzers = load_content(CONTENT_DIR).leerdoelwijzers
    assert wijzers['sociaal-domein'].sections[0].items[-1] == (
        'Ik ben op de hoogte van praktische zaken die tijdens een huisbezoek van belang zijn voor mijn eigen veiligheid'
        ' (bv. betreden woning, keuze zitpositie)'
    )  # seed lines 627-628
    tref = 'Ik tref preventieve maatregelen als ik slecht nieuws moet brengen'
    assert wijzers['publiekszaken'].sections[0].items[2] == tref  # seed line 769: 'Ik  tref'
    assert wijzers['klant-contact-centra'].sections[0].items == [
        'Ik houd in het telefonisch contact met een burger rekening met een mogelijk risico op agressie'
    ]  # seed line 702


def test_the_ontwikkelmatrix_is_the_seeds_seventeen_topics_and_six_levels() -> None:
    matrix = load_content(CONTENT_DIR).ontwikkelmatrix
    assert matrix is not None
    assert len(matrix.topics) == 17  # seed lines 129-213
    assert matrix.topics[0].text == 'Wat is klant- of servicegericht werken'
    assert matrix.topics[-1].text == 'Omgaan met ordeverstorend gedrag'
    (safe,) = [topic for topic in matrix.topics if topic.settings]
    assert safe.text == 'Veilig werken' and safe.settings == SETTINGS
    assert matrix.own_topic  # the seed's open last row, '……'
    assert tuple(matrix.levels) == LEVELS and LEVELS[0] == 'Bewust van' and LEVELS[-1] == 'Ik kan het anderen leren'
    assert len(LEVELS) == 6  # seed lines 112-126
    assert [offer.kind for offer in matrix.offers] == ['kennis', 'vaardigheden', 'coaching']  # seed lines 226-232


def test_a_content_folder_without_them_still_loads(tmp_path: Path) -> None:
    (tmp_path / 'stellingen').mkdir()
    (tmp_path / 'stellingen' / 'set.yaml').write_text('title: T\nstatements:\n  - text: A\n', encoding='utf-8')
    content = load_content(tmp_path)
    assert (content.leerdoelwijzers, content.ontwikkelmatrix) == ({}, None)


WIJZER = """\
title: Leerdoelwijzer voor medewerkers Proef
function_group: Proef
contact_type: face-to-face
answers: [Altijd, Vaak, Soms, Nooit]
sections:
  - title: Risico-inschatting
    items:
      - Ik schakel hulp in wanneer dat nodig is
      - Ik merk het als mijn eigen spanning oploopt
  - title: Collegiale ondersteuning
    items:
      - Als ik hulp nodig heb van een collega dan zal ik daar om vragen
learning_goal: Omschrijf je persoonlijke leerdoel en overleg hierover met je leidinggevende.
offers:
  - kind: kennis
    text: Leeraanbod voor kennis
"""

MATRIX = """\
title: Matrix ontwikkeling
levels:
  - Bewust van
  - Ik weet hoe het zit
  - Ik weet hoe het moet
  - Ik ben ervaren in het doen
  - Ik heb meesterschap
  - Ik kan het anderen leren
topics:
  - text: Mezelf in veiligheid brengen
  - text: Veilig werken
    settings:
      - aan de telefoon
      - aan de balie
own_topic: Eigen onderwerp
"""


def write(tmp_path: Path, text: str, name: str = 'proef.yaml') -> Path:
    path = tmp_path / name
    path.write_text(text, encoding='utf-8')
    return path


def test_the_small_files_the_refusals_start_from_are_fine(tmp_path: Path) -> None:
    assert load_model(write(tmp_path, WIJZER), Leerdoelwijzer).items[-1].startswith('Als ik hulp')
    matrix = load_model(write(tmp_path, MATRIX), Ontwikkelmatrix)
    assert matrix.topics[1].settings == ['aan de telefoon', 'aan de balie']


ANSWERS_NL = 'de antwoorden zijn precies Altijd, Vaak, Soms, Nooit, in die volgorde'
ANSWERS_EN = 'the answers are exactly Altijd, Vaak, Soms, Nooit, in this order'


@pytest.mark.parametrize(
    ('old', 'new', 'line', 'field', 'nl', 'en'),
    [
        (
            '[Altijd, Vaak, Soms, Nooit]',
            '[Altijd, Vaak, Soms, Nooit, Misschien]',
            4,
            'answers[4]',
            f"{ANSWERS_NL} (antwoord 5: 'Misschien')",
            f"{ANSWERS_EN} (answer 5: 'Misschien')",
        ),
        ('[Altijd, Vaak, Soms, Nooit]', '[Nooit, Soms, Vaak, Altijd]', 4, 'answers[0]', ANSWERS_NL, ANSWERS_EN),
        ('[Altijd, Vaak, Soms, Nooit]', '[Altijd, Vaak, Soms]', 4, 'answers', ANSWERS_NL, ANSWERS_EN),
        (
            '      - Ik merk het als mijn eigen spanning oploopt',
            '      - ""',
            9,
            'sections[0].items[1]',
            'dit veld is leeg (uitspraak 2)',
            'this field is empty (item 2)',
        ),
        (
            '      - Als ik hulp nodig heb van een collega dan zal ik daar om vragen',
            '      - ik schakel HULP in wanneer dat nodig is',
            12,
            'sections[1].items[0]',
            "dit staat er al eerder in (uitspraak 1: 'ik schakel HULP in wanneer dat nodig is')",
            "this is in it already (item 1: 'ik schakel HULP in wanneer dat nodig is')",
        ),
        (
            '  - title: Collegiale ondersteuning',
            '  - title: Risico-inschatting',
            10,
            'sections[1].title',
            "dit staat er al eerder in (rubriek 2: 'Risico-inschatting')",
            "this is in it already (section 2: 'Risico-inschatting')",
        ),
        (
            '    items:\n      - Ik schakel',
            '    kleur: rood\n    items:\n      - Ik schakel',
            7,
            'sections[0].kleur',
            "dit veld is onbekend (rubriek 1: 'Risico-inschatting')",
            "this field is unknown (section 1: 'Risico-inschatting')",
        ),
        (
            '      - Ik merk het als mijn eigen spanning oploopt',
            f'      - {"x" * 301}',
            9,
            'sections[0].items[1]',
            'langer dan 300 tekens (uitspraak 2',
            'longer than 300 characters (item 2',
        ),
        ('    text: Leeraanbod voor kennis\n', '', 15, 'offers[0].text', 'dit veld ontbreekt', 'this field is missing'),
        ('kind: kennis', 'kind: cursus', 15, 'offers[0].kind', 'kies uit kennis, vaardigheden, coaching', 'choose'),
        ('function_group: Proef\n', '', 1, 'function_group', 'dit veld ontbreekt', 'this field is missing'),
    ],
)
def test_a_bad_leerdoelwijzer_is_refused_naming_file_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, field: str, nl: str, en: str
) -> None:
    assert old in WIJZER
    path = write(tmp_path, WIJZER.replace(old, new))
    with pytest.raises(ContentError) as caught:
        load_model(path, Leerdoelwijzer)
    assert (caught.value.path, caught.value.line, caught.value.field) == (path, line, field)
    assert caught.value.message('nl').startswith(f'{path}, regel {line}, veld {field}: ') and nl in str(caught.value)
    assert caught.value.message('en').startswith(f'{path}, line {line}, field {field}: ')
    assert en in caught.value.message('en')
    _in_our_words(caught.value)


def test_a_leerdoelwijzer_without_sections_is_refused(tmp_path: Path) -> None:
    cut = WIJZER[: WIJZER.index('sections:')] + 'sections: []\n' + WIJZER[WIJZER.index('learning_goal:') :]
    with pytest.raises(ContentError) as caught:
        load_model(write(tmp_path, cut), Leerdoelwijzer)
    assert (caught.value.line, caught.value.field) == (5, 'sections')
    assert 'minder dan 1 erin' in str(caught.value) and 'fewer than 1 in it' in caught.value.message('en')


def test_a_function_group_with_two_leerdoelwijzers_is_refused_at_the_second(tmp_path: Path) -> None:
    write(tmp_path, WIJZER, 'a.yaml')
    second = write(tmp_path, WIJZER.replace('Leerdoelwijzer voor medewerkers Proef', 'Een andere'), 'b.yaml')
    with pytest.raises(ContentError) as caught:
        load_leerdoelwijzers(tmp_path)
    assert (caught.value.path, caught.value.line, caught.value.field) == (second, 2, 'function_group')
    assert 'deze functiegroep heeft al een leerdoelwijzer (a)' in str(caught.value)
    assert 'this function group already has a leerdoelwijzer (a)' in caught.value.message('en')


LEVELS_NL = (
    'de niveaus zijn precies Bewust van, Ik weet hoe het zit, Ik weet hoe het moet, Ik ben ervaren in het doen, '
    'Ik heb meesterschap, Ik kan het anderen leren, in die volgorde'
)
LEVELS_EN = 'the levels are exactly Bewust van, Ik weet hoe het zit, Ik weet hoe het moet, Ik ben ervaren in het doen'


@pytest.mark.parametrize(
    ('old', 'new', 'line', 'field', 'nl', 'en'),
    [
        (
            '  - Ik heb meesterschap\n',
            '',
            7,
            'levels[4]',
            f"{LEVELS_NL} (niveau 5: 'Ik kan het anderen leren')",
            f'{LEVELS_EN}, Ik heb meesterschap, Ik kan het anderen leren, in this order (level 5: ',
        ),
        ('  - Ik kan het anderen leren\n', '', 3, 'levels', LEVELS_NL, LEVELS_EN),
        ('  - Bewust van\n', '  - Onbewust\n', 3, 'levels[0]', f"{LEVELS_NL} (niveau 1: 'Onbewust')", LEVELS_EN),
        (
            '      - aan de balie',
            '      - Aan de telefoon',
            14,
            'topics[1].settings[1]',
            "dit staat er al eerder in (situatie 2: 'Aan de telefoon')",
            "this is in it already (setting 2: 'Aan de telefoon')",
        ),
        (
            '      - aan de balie',
            "      - ''",
            14,
            'topics[1].settings[1]',
            'dit veld is leeg (situatie 2)',
            'this field is empty (setting 2)',
        ),
        (
            '  - text: Veilig werken',
            '  - text: Mezelf in veiligheid brengen',
            11,
            'topics[1].text',
            "dit staat er al eerder in (onderwerp 2: 'Mezelf in veiligheid brengen')",
            "this is in it already (topic 2: 'Mezelf in veiligheid brengen')",
        ),
        (
            '  - text: Mezelf in veiligheid brengen\n',
            '  - text: Mezelf in veiligheid brengen\n    niveau: 3\n',
            11,
            'topics[0].niveau',
            "dit veld is onbekend (onderwerp 1: 'Mezelf in veiligheid brengen')",
            "this field is unknown (topic 1: 'Mezelf in veiligheid brengen')",
        ),
        ('own_topic: Eigen onderwerp\n', '', 1, 'own_topic', 'dit veld ontbreekt', 'this field is missing'),
    ],
)
def test_a_bad_ontwikkelmatrix_is_refused_naming_file_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, field: str, nl: str, en: str
) -> None:
    assert old in MATRIX
    path = write(tmp_path, MATRIX.replace(old, new))
    with pytest.raises(ContentError) as caught:
        load_model(path, Ontwikkelmatrix)
    assert (caught.value.path, caught.value.line, caught.value.field) == (path, line, field)
    assert caught.value.message('nl').startswith(f'{path}, regel {line}, veld {field}: ') and nl in str(caught.value)
    assert caught.value.message('en').startswith(f'{path}, line {line}, field {field}: ')
    assert en in caught.value.message('en')
    _in_our_words(caught.value)


def test_a_bad_shipped_file_is_refused_when_the_content_loads(tmp_path: Path) -> None:
    folder = tmp_path / 'content'
    (folder / 'leerdoelwijzers').mkdir(parents=True)
    text = (CONTENT_DIR / 'leerdoelwijzers' / 'boa.yaml').read_text(encoding='utf-8')
    line = text.splitlines().index('answers: [Altijd, Vaak, Soms, Nooit]') + 1
    bad = write(folder / 'leerdoelwijzers', text.replace('[Altijd, Vaak, Soms, Nooit]', '[Ja, Nee]'), 'boa.yaml')
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    assert (caught.value.path, caught.value.line, caught.value.field) == (bad, line, 'answers[0]')


def _in_our_words(error: ContentError) -> None:
    for english in ('String should', 'Field required', 'Input should', 'Extra inputs', 'Value error', 'List should'):
        assert english not in error.message('nl') + error.message('en')
