"""From a table to registrations: the proposed column mapping, the columns refused because they identify a person
(by name and by their cells), the value mapping, dates in every accepted format, and a message naming the row and
the column for every cell that cannot be used. Plain cases and hypothesis properties."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import string
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitation.i18n import translate
from facilitation.incidents.converting import Outcome, convert, without_kept
from facilitation.incidents.mapping import (
    CLOSED,
    OPEN,
    Mapping,
    content_reason,
    header_reason,
    known_value,
    mapping_problems,
    normal,
    parse_date,
    propose,
    refused_columns,
    suggest,
    unknown_values,
)
from facilitation.incidents.model import FIELDS, OPEN_MAX, VOCABULARY, Registration
from facilitation.incidents.reading import read_table
from facilitation.store import ImportRecord, Store


def table_of(rows: list[list[str]], delimiter: str = ';', encoding: str = 'utf-8') -> bytes:
    text = io.StringIO(newline='')
    csv.writer(text, delimiter=delimiter, lineterminator='\r\n').writerows(rows)
    return text.getvalue().encode(encoding)


def read(rows: list[list[str]]) -> tuple[Mapping, Registration | None, list[str]]:
    """The proposed mapping, the first registration (or None) and the messages of the rows' errors (Dutch)."""
    table = read_table('test.csv', table_of(rows))
    mapping = propose(table, refused_columns(table))
    outcome = convert(table, mapping)
    messages = [translate('nl', e.key, row=e.row, column=e.column, value=e.value) for e in outcome.errors]
    return mapping, (outcome.registrations or [None])[0], messages


# --- columns --------------------------------------------------------------------------------------------------


def test_columns_are_proposed_from_their_names_dutch_or_english() -> None:
    table = read_table('x.csv', b'Incidentdatum;Type incident;Zwaarte;Team;Functie;Aangifte\n1-1-2024;Verbaal;;;;\n')
    assert propose(table, {}).columns == {
        'datum': 'Incidentdatum',
        'soort': 'Type incident',
        'ernst': 'Zwaarte',
        'afdeling': 'Team',
        'functiegroep': 'Functie',
        'politie': 'Aangifte',
    }
    english = read_table('y.csv', b'Date,Type,Severity,Department,Location\n2024-01-01,Verbal,,,\n')
    assert propose(english, {}).columns == {
        'datum': 'Date',
        'soort': 'Type',
        'ernst': 'Severity',
        'afdeling': 'Department',
        'locatie': 'Location',
    }


def test_a_saved_mapping_wins_where_its_columns_are_in_the_file() -> None:
    table = read_table('x.csv', b'Datum;Categorie;Soort\n1-1-2024;a;b\n')
    saved = Mapping(columns={'soort': 'Categorie', 'ernst': 'Weg'}, values={'soort': {'a': 'verbaal'}})
    mapping = propose(table, {}, saved)
    assert mapping.columns == {'soort': 'Categorie', 'datum': 'Datum'}
    assert mapping.values == {'soort': {'a': 'verbaal'}}
    assert Mapping.from_json(mapping.to_json()) == mapping
    assert Mapping.from_json({'columns': {'soort': 3, 'naam': 'Naam'}, 'values': {'soort': {'x': 'kwaad'}}}) == Mapping(
        values={'soort': {}}
    )


def test_a_mapping_without_date_or_kind_or_with_a_column_twice_is_refused() -> None:
    assert [key for key, _ in mapping_problems(Mapping(columns={'soort': 'S'}))] == ['gir.error.required_field']
    problems = mapping_problems(Mapping(columns={'datum': 'D', 'soort': 'S', 'ernst': 'S'}))
    assert problems == [('gir.error.column_twice', {'column': 'S'})]


# --- columns that identify a person ---------------------------------------------------------------------------


def test_identifying_columns_are_refused_by_their_name() -> None:
    assert {
        header: header_reason(header)
        for header in (
            'Naam melder',
            'Achternaam',
            'Adres',
            'Postcode',
            'BSN',
            'Telefoonnummer',
            'E-mail',
            'Geboortedatum',
            'Omschrijving',
            'Toelichting incident',
            'Naam veroorzaker',
            'Veroorzaker',
            'Leeftijd dader',
        )
    } == {
        'Naam melder': 'name',
        'Achternaam': 'name',
        'Adres': 'address',
        'Postcode': 'address',
        'BSN': 'bsn',
        'Telefoonnummer': 'contact',
        'E-mail': 'contact',
        'Geboortedatum': 'birth',
        'Omschrijving': 'description',
        'Toelichting incident': 'description',
        'Naam veroorzaker': 'name',
        'Veroorzaker': 'person',
        'Leeftijd dader': 'birth',
    }
    for ours in (
        'Maatregel richting veroorzaker',
        'Functie medewerker',
        'Gevolgen voor de medewerker',
        'Afdeling',
        'Naam afdeling',
        'Afdelingsnaam',
    ):
        assert header_reason(ours) is None


def test_identifying_columns_are_refused_by_their_cells() -> None:
    assert content_reason(['Jan de Vries', 'Fatima El Amrani', 'P. Jansen', 'Anouk Visser']) == 'cells_names'
    assert content_reason(['Jansen, J.', 'Vries, A.B.', 'Bakker, P.']) == 'cells_names'
    assert content_reason(['jan@example.nl', 'info@gemeente.nl', '']) == 'cells_email'
    assert content_reason(['06-12345678', '+31 6 1234 5678', '010-1234567']) == 'cells_phone'
    assert content_reason(['1234 AB', '3511XZ', '9999 ZZ']) == 'cells_postcode'
    assert content_reason(['Hoofdstraat 12', 'Stationsplein 3a', 'Burg. de Withlaan 7']) == 'cells_address'
    assert content_reason(['111222333', '123456782']) == 'cells_bsn'
    assert content_reason(['Klant werd boos over de wachttijd en begon te schelden.']) == 'cells_free_text'
    for ours in (
        ['Burgerzaken', 'Sociaal Domein', 'Sociaal Domein', 'Burgerzaken', 'Sociaal Domein', 'KCC'],
        ['05-03-2024', '2024-03-06 14:30', '7/3/2024', '05-03-2024 14:30'],
        ['GIR-2024-00001', 'GIR-2024-00002'],
        [str(202400000 + n) for n in range(1, 40)],  # a counter seldom passes the elfproef
        ['Verbale agressie', 'Bedreiging/intimidatie', 'Melding bij de politie zonder aangifte'],
    ):
        assert content_reason(ours) is None, ours


def test_a_refused_column_is_never_proposed_even_with_a_fitting_name() -> None:
    table = read_table(
        'x.csv',
        table_of(
            [['Datum', 'Soort', 'Afdeling']]
            + [['1-1-2024', 'Verbaal', name] for name in ('Jan de Vries', 'Piet Bakker', 'Anouk Visser')]
        ),
    )
    refused = refused_columns(table)
    assert refused == {'Afdeling': 'cells_names'}
    assert 'afdeling' not in propose(table, refused).columns


# --- values ---------------------------------------------------------------------------------------------------


def test_known_words_are_values_labels_and_synonyms_and_a_saved_choice_wins() -> None:
    none = Mapping()
    assert known_value('soort', 'Fysieke agressie', none) == 'fysiek'
    assert known_value('soort', '  VERBALE   agressie ', none) == 'verbaal'
    assert known_value('soort', 'Physical aggression', none) == 'fysiek'  # the English label
    assert known_value('ernst', 'Hoog', none) == 'ernstig'
    assert known_value('politie', 'Nee', none) == 'geen'
    assert known_value('nazorg', 'Bedrijfsmaatschappelijk werk', none) == 'professioneel'
    assert known_value('gevolgen', 'Materiële schade', none) == 'materieel'
    assert known_value('soort', '', none) == ''
    assert known_value('soort', 'Scheldpartij', none) is None
    assert known_value('soort', 'scheldpartij!', Mapping(values={'soort': {'scheldpartij': 'verbaal'}})) == 'verbaal'
    assert suggest('soort', 'Verbale agressie (telefonisch)') == 'verbaal'
    assert suggest('soort', 'Iets') == ''


def test_unknown_words_are_counted_once_per_word() -> None:
    rows = [['Datum', 'Soort', 'Ernst']] + [
        ['1-1-2024', word, 'Hoog'] for word in ('Scheld', 'scheld!', 'Duw', 'Verbaal')
    ]
    table = read_table('x.csv', table_of(rows))
    unknown = unknown_values(table, propose(table, {}))
    assert [(u.word, u.text, u.count) for u in unknown['soort']] == [('scheld', 'Scheld', 2), ('duw', 'Duw', 1)]
    assert 'ernst' not in unknown


# --- dates ----------------------------------------------------------------------------------------------------

FORMATS = ('%d-%m-%Y', '%d/%m/%Y', '%d.%m.%Y', '%Y-%m-%d', '%d-%m-%Y %H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M')


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(FORMATS), st.booleans())
def test_dates_in_every_accepted_format(day: dt.date, form: str, short: bool) -> None:
    moment = dt.datetime.combine(day, dt.time(9, 5, 7))
    text = moment.strftime(form)
    if short and form.startswith('%d'):
        text = f'{day.day}{form[2]}{day.month}{form[2]}{day.year}'  # d-m-jjjj
    assert parse_date(f' {text} ') == day


def test_what_is_no_date_is_none() -> None:
    for text in ('31-02-2024', '2024-13-01', '1-1-24', '01-01-1899', 'gisteren', '2024/01', '12:30', ''):
        assert parse_date(text) is None, text


# --- rows -----------------------------------------------------------------------------------------------------


def test_each_bad_cell_is_told_with_its_row_and_column() -> None:
    head = ['Datum', 'Soort', 'Locatie']
    _, first, messages = read(
        [
            head,
            ['1-3-2024', 'Verbaal', 'Stadhuis'],
            ['30-02-2024', 'Verbaal', 'Stadhuis'],
            ['', 'Verbaal', 'Stadhuis'],
            ['1-3-2024', '', 'Stadhuis'],
            ['1-3-2024', 'Scheldpartij', 'Stadhuis'],
            ['1-3-2024', 'Verbaal', 'x' * (OPEN_MAX + 1)],
            ['1-3-2024', 'Verbaal', 'bel 06-12345678'],
        ]
    )
    assert first == Registration(dt.date(2024, 3, 1), 'verbaal', locatie='Stadhuis')
    assert messages == [
        'Rij 3, kolom ‘Datum’: ‘30-02-2024’ is geen datum (gebruik dd-mm-jjjj).',
        'Rij 4, kolom ‘Datum’: de datum ontbreekt.',
        'Rij 5, kolom ‘Soort’: deze cel is leeg, maar is nodig.',
        'Rij 6, kolom ‘Soort’: ‘Scheldpartij’ is nog niet gekoppeld.',
        'Rij 7, kolom ‘Locatie’: langer dan 80 tekens.',
        'Rij 8, kolom ‘Locatie’: lijkt een persoonsgegeven (e-mail, telefoon, adres of BSN); deze rij wordt niet '
        'bewaard.',
    ]


def test_duplicate_rows_are_skipped_and_counted() -> None:
    rows = [['Datum', 'Soort', 'Nummer'], ['1-3-2024', 'Verbaal', '1'], ['1-3-2024', 'Verbaal', '2']]
    table = read_table('x.csv', table_of(rows + rows[1:] + [rows[1]]))
    outcome = convert(table, propose(table, {}))
    assert (len(outcome.registrations), outcome.duplicates) == (2, [4, 5, 6])


@given(
    new=st.lists(st.sampled_from(range(6)), max_size=30),
    kept=st.lists(st.sampled_from(range(6)), max_size=30),
)
def test_an_overlapping_export_adds_only_what_is_not_kept_already(new: list[int], kept: list[int]) -> None:
    """Registrations alike in every field: as many are left out as are kept already, the rest added in order."""
    day = dt.date(2024, 1, 1)
    regs = [Registration(day + dt.timedelta(days=n), 'verbaal') for n in new]
    outcome = without_kept(Outcome(regs, [], []), [Registration(day + dt.timedelta(days=n), 'verbaal') for n in kept])
    assert outcome.known == sum((Counter(new) & Counter(kept)).values())
    assert Counter(outcome.registrations) == Counter(regs) - Counter(
        Registration(day + dt.timedelta(days=n), 'verbaal') for n in kept
    )
    rest = iter(regs)
    assert all(reg in rest for reg in outcome.registrations)  # in the export's order


# --- properties -----------------------------------------------------------------------------------------------

WORD = st.text(string.ascii_letters + ' éë', min_size=1, max_size=12).map(lambda s: ' '.join(s.split())).filter(bool)
VALUES = sorted({value for values in VOCABULARY.values() for value in values})
OPEN_VALUE = st.sampled_from(['', 'Stadhuis', 'KCC', 'Sociaal Domein', 'Wijkcentrum Noord', 'BOA', 'Baliemedewerker'])


@st.composite
def registrations(draw: st.DrawFn) -> Registration:
    values = {f: draw(st.sampled_from(('', *VOCABULARY[f]))) for f in CLOSED if f != 'soort'}
    return Registration(
        draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
        draw(st.sampled_from(VOCABULARY['soort'])),
        **values,
        **{f: draw(OPEN_VALUE) for f in OPEN},
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    regs=st.lists(registrations(), min_size=1, max_size=25),
    mapped=st.sets(st.sampled_from(FIELDS[2:])),
    order=st.randoms(use_true_random=False),
    delimiter=st.sampled_from([';', ',', '\t']),
    encoding=st.sampled_from(['utf-8', 'utf-8-sig', 'cp1252']),
    words=st.dictionaries(st.sampled_from(CLOSED), st.dictionaries(st.sampled_from(VALUES), WORD)),
    form=st.sampled_from(FORMATS),
)
def test_any_mapping_round_trips(
    regs: list[Registration],
    mapped: set[str],
    order: random.Random,
    delimiter: str,
    encoding: str,
    words: dict[str, dict[str, str]],
    form: str,
) -> None:
    """Registrations written with any headers, any column order, any of the source's own words for values and any
    accepted date format come back as they were (the fields not mapped: empty), through the mapping."""
    fields = ['datum', 'soort', *sorted(mapped)]
    order.shuffle(fields)
    headers = {f: f'Kolom {i} ({f[::-1]})' for i, f in enumerate(fields)}  # names no proposal knows
    own = {f: {v: f'{w} {v[::-1]}' for v, w in words.get(f, {}).items() if v in VOCABULARY[f]} for f in CLOSED}
    expected = list(  # what is kept of each: the fields mapped (a row exactly like an earlier one is a duplicate)
        dict.fromkeys(
            Registration(reg.datum, *(reg.value(f) if f in fields else '' for f in FIELDS[1:])) for reg in regs
        )
    )
    rows = [[headers[f] for f in fields]]
    for reg in expected:
        rows.append(
            [
                dt.datetime.combine(reg.datum, dt.time(8)).strftime(form)
                if f == 'datum'
                else own.get(f, {}).get(reg.value(f), reg.value(f))
                for f in fields
            ]
        )
    table = read_table('export.csv', table_of(rows, delimiter, encoding))
    mapping = Mapping(
        columns={f: headers[f] for f in fields},
        values={f: {normal(w): v for v, w in chosen.items()} for f, chosen in own.items()},
    )
    mapping = Mapping.from_json(mapping.to_json())  # as saved and read back
    outcome = convert(table, mapping)
    assert outcome.errors == [] and outcome.duplicates == []
    assert outcome.registrations == expected


FIRST = st.sampled_from(['Jan', 'Anouk', 'Mohamed', 'Fatima', 'Pieter', 'Sanne', 'Daan'])
LAST = st.sampled_from(['de Vries', 'Jansen', 'El Amrani', 'van den Berg', 'Bakker', 'Yilmaz', 'Visser'])
IDENTIFYING = {
    'names': st.builds('{} {}'.format, FIRST, LAST),
    'emails': st.builds('{}.{}@example.nl'.format, FIRST, st.integers(1, 999)),
    'phones': st.builds('06-{:08d}'.format, st.integers(10_000_000, 99_999_999)),
    'postcodes': st.builds('{} {}'.format, st.integers(1000, 9999), st.sampled_from(['AB', 'XZ', 'KL'])),
    'addresses': st.builds(
        '{} {}'.format, st.sampled_from(['Kerkstraat', 'Dorpsweg', 'Marktplein']), st.integers(1, 300)
    ),
    'stories': st.builds('Klant {} werd boos en schreeuwde tegen de medewerker aan de balie.'.format, FIRST),
}


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(sorted(IDENTIFYING)),
    data=st.data(),
    header=st.sampled_from(['Melder', 'Extra', 'Veld 7', 'Locatie', 'Kanaal', 'Naam', 'Omschrijving', 'Contact']),
    n=st.integers(3, 30),
)
def test_identifying_columns_never_reach_the_store(kind: str, data: st.DataObject, header: str, n: int) -> None:
    """A column of names, e-mail addresses, phone numbers, postcodes or stories is refused whatever it is called
    (also when its name is one of our fields), is never proposed, and none of its cells is kept."""
    cells = data.draw(st.lists(IDENTIFYING[kind], min_size=n, max_size=n, unique=True))
    rows = [['Datum', 'Soort', header]] + [[f'{i % 28 + 1}-01-2024', 'Verbaal', cell] for i, cell in enumerate(cells)]
    table = read_table('export.csv', table_of(rows))
    refused = refused_columns(table)
    assert header in refused
    mapping = propose(table, refused)
    assert header not in mapping.columns.values()
    store = Store(':memory:')
    store.add_incidents(ImportRecord('i1', 'bron', 'export.csv', n, 0.0), convert(table, mapping).registrations)
    kept = ' '.join(str(row) for row in store.db.execute('SELECT * FROM incidents'))
    store.close()
    assert kept and not [cell for cell in cells if cell in kept]


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 28),
    data=st.data(),
    bad=st.sampled_from(['31-04-2024', 'morgen', 'Onbekend woord', 'x' * 81, 'mail@example.nl']),
)
def test_each_bad_cell_s_message_names_its_row_and_column(n: int, data: st.DataObject, bad: str) -> None:
    row = data.draw(st.integers(2, n + 1))
    column = {'31-04-2024': 'Datum', 'morgen': 'Datum', 'Onbekend woord': 'Soort agressie'}.get(bad, 'Afdeling')
    rows = [['Datum', 'Soort agressie', 'Afdeling']] + [[f'{i}-1-2024', 'Verbaal', 'KCC'] for i in range(1, n + 1)]
    rows[row - 1][rows[0].index(column)] = bad
    table = read_table('export.csv', table_of(rows))
    outcome = convert(table, propose(table, {}))
    assert len(outcome.errors) == 1 and len(outcome.registrations) == n - 1
    error = outcome.errors[0]
    message = translate('nl', error.key, row=error.row, column=error.column, value=error.value)
    assert message.startswith(f'Rij {row}, kolom ‘{column}’: ')
    assert translate('en', error.key, row=error.row, column=error.column, value=error.value).startswith(
        f'Row {row}, column ‘{column}’: '
    )
