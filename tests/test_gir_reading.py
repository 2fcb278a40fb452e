"""Reading an export from memory: CSV with `;`, `,` or tab, UTF-8 (with or without BOM) or Windows-1252, XLSX
(openpyxl, loaded only for a workbook); every file that is no table refused with a message naming it; and the demo
export that ships with Samenspel, which is exactly what its generator makes."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from collections import Counter

import openpyxl
import pytest

from facilitation.i18n import translate
from facilitation.incidents import demo, reading
from facilitation.incidents.converting import convert
from facilitation.incidents.mapping import propose, refused_columns
from facilitation.incidents.reading import FileProblem, read_table


def refusal(name: str, data: bytes) -> str:
    """The message a person reads for a file that is refused (Dutch)."""
    with pytest.raises(FileProblem) as caught:
        read_table(name, data)
    return translate('nl', caught.value.key, **caught.value.params)


def test_a_utf8_csv_with_bom_and_commas() -> None:
    table = read_table('a.csv', '\ufeffDatum,Soort\r\n01-02-2024,Fysieke agressie\r\n'.encode())
    assert (table.headers, table.encoding, table.delimiter, table.count) == (('Datum', 'Soort'), 'UTF-8 (BOM)', ',', 1)
    assert list(table.numbered()) == [(2, ['01-02-2024', 'Fysieke agressie'])]


def test_a_windows_1252_csv_with_semicolons_and_quoted_cells() -> None:
    data = 'Datum;Soort;Gevolgen\n01-02-2024;"Verbaal; schelden";Materiële schade\n'.encode('cp1252')
    table = read_table('gir.csv', data)
    assert (table.encoding, table.delimiter) == ('Windows-1252', ';')
    assert list(table.rows()) == [['01-02-2024', 'Verbaal; schelden', 'Materiële schade']]


def test_excel_s_sep_line_names_the_delimiter_and_is_no_row() -> None:
    table = read_table('excel.csv', b'sep=,\r\nDatum,Soort;extra\r\n1-2-2024,Verbaal;x\r\n')
    assert (table.headers, table.delimiter) == (('Datum', 'Soort;extra'), ',')
    assert list(table.numbered()) == [(2, ['1-2-2024', 'Verbaal;x'])]


def test_a_tab_separated_file_short_rows_blank_rows_and_a_trailing_delimiter() -> None:
    table = read_table('t.txt', b'Datum\tSoort\t\n01-02-2024\n\n02-02-2024\tFysiek\t\n')
    assert table.headers == ('Datum', 'Soort')
    assert list(table.numbered()) == [(2, ['01-02-2024', '']), (4, ['02-02-2024', 'Fysiek', ''])]  # row 3 is blank


def test_a_workbook_is_read_as_text_and_openpyxl_is_only_loaded_for_one() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(['Datum', 'Soort', 'Aantal', 'Tijdstip'])
    sheet.append([dt.datetime(2024, 3, 5), 'Verbaal', 3, dt.datetime(2024, 3, 5, 14, 30)])
    sheet.append([None, None, None, None])
    sheet.append([dt.date(2024, 3, 6), ' Fysiek ', 2.5, None])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table('export.xlsx', buffer.getvalue())
    assert (table.headers, table.encoding, table.count) == (('Datum', 'Soort', 'Aantal', 'Tijdstip'), 'xlsx', 3)
    assert list(table.numbered()) == [
        (2, ['2024-03-05', 'Verbaal', '3', '2024-03-05 14:30']),
        (4, ['2024-03-06', 'Fysiek', '2.5', '']),
    ]
    loaded = subprocess.run(
        [sys.executable, '-c', 'import sys, facilitation.incidents.reading; print("openpyxl" in sys.modules)'],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == 'False'


@pytest.mark.parametrize(
    ('name', 'data', 'message'),
    [
        ('leeg.csv', b'', 'leeg.csv is leeg.'),
        ('spaties.csv', b' \r\n \n', 'spaties.csv is leeg.'),
        ('foto.png', b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'foto.png is geen CSV- of XLSX-bestand (rij 1'),
        ('oud.xls', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\x00' * 40, 'oud.xls is geen CSV- of XLSX-bestand'),
        ('kapot.xlsx', b'PK\x03\x04 not really a zip', 'kapot.xlsx is geen CSV- of XLSX-bestand'),
        ('kop.csv', b'Datum;Soort\n', 'kop.csv heeft kolomnamen, maar geen rijen met registraties.'),
        ('kop.csv', b'Datum;Soort\n;\n', 'kop.csv heeft kolomnamen, maar geen rijen met registraties.'),
        ('naamloos.csv', b'Datum;;Soort\n1-1-2024;x;y\n', 'naamloos.csv: rij 1, kolom 2 heeft geen naam.'),
        ('dubbel.csv', b'Datum;Soort;datum\n1;2;3\n', 'dubbel.csv: rij 1 heeft de kolom \u2018datum\u2019 twee keer.'),
        ('geen-kop.csv', b';;\n1;2;3\n', 'geen-kop.csv: rij 1 heeft geen kolomnamen.'),
    ],
)
def test_a_file_that_is_no_table_is_refused_with_its_name(name: str, data: bytes, message: str) -> None:
    assert refusal(name, data).startswith(message)


def test_a_zip_that_is_no_workbook_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as archive:
        archive.writestr('readme.txt', 'hallo')
    assert refusal('archief.xlsx', buffer.getvalue()).startswith('archief.xlsx is geen CSV- of XLSX-bestand')


def test_a_file_over_the_limit_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, 'MAX_BYTES', 1000)
    assert refusal('groot.csv', b'Datum;Soort\n' + b'01-01-2024;Verbaal\n' * 100) == 'groot.csv is groter dan 0 MB.'


def test_the_shipped_demo_export_is_what_the_generator_makes() -> None:
    assert demo.FILE.read_bytes() == demo.shipped()
    assert demo.registrations(seed=7) == demo.registrations(seed=7) != demo.registrations(seed=8)


def test_the_demo_export_looks_like_a_gir_export_and_imports_as_its_registrations() -> None:
    data = demo.FILE.read_bytes()
    table = read_table(demo.FILE.name, data)
    assert (table.encoding, table.delimiter) == ('Windows-1252', ';')
    assert data.decode('cp1252').splitlines()[1].split(';')[1].count('-') == 2  # dd-mm-jjjj
    refused = refused_columns(table)
    assert refused == {'Omschrijving': 'description', 'Naam melder': 'name'}
    outcome = convert(table, propose(table, refused))
    assert outcome.registrations == demo.registrations()
    assert not outcome.errors and not outcome.duplicates


def test_the_demo_has_the_public_proportions_over_three_years() -> None:
    regs = demo.registrations()
    n = len(regs)
    share = {kind: count / n for kind, count in Counter(r.soort for r in regs).items()}
    assert 1300 <= n <= 1700
    assert abs(share['verbaal'] - 0.57) < 0.03 and abs(share['fysiek'] - 0.20) < 0.03
    assert abs(share['intimidatie'] - 0.19) < 0.03
    assert abs(sum(r.ernst == 'ernstig' for r in regs) / n - 0.12) < 0.03
    assert (regs[-1].datum - regs[0].datum).days > 3 * 365 - 10
    assert 4 <= len({r.afdeling for r in regs}) <= 6
    per_year = Counter(r.datum.year for r in regs if r.datum >= dt.date(2023, 12, 1))
    summer = sum(r.datum.month in (7, 8) for r in regs) / 2
    winter = sum(r.datum.month in (1, 12) for r in regs) / 2
    assert winter > summer  # seasons
    assert per_year[2026] > per_year[2024]  # a mild rise (2026 up to 30 November)
