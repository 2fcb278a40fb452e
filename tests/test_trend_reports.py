"""The MT report in Word and Excel: every figure with its chart and table, no hidden count anywhere in them as a
number (not in a cell, a total, a picture's text or a difference), an organisation's own names as plain text, and
LibreOffice opens and prints both."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from facilitation.incidents import analysis as an
from facilitation.incidents import words
from facilitation.incidents.model import Registration
from facilitation.incidents.report import Scope, mt_docx, mt_xlsx

from .test_teamplan_export import _run, _tool
from .test_trend_analysis import many, registrations

DAY = dt.date(2025, 6, 1)
SECRET = 3  # a small count that must never be written as a number


def tables_with_small_counts() -> tuple[dict[str, an.Table], list[Registration]]:
    regs = [
        *many(600, seed=5, start=dt.date(2024, 1, 1), days=540),
        *registrations({'2025-05': SECRET}, soort='discriminatie', locatie='=SUM(A1)', afdeling='Sport'),
    ]
    return an.analyse(regs, an.Filters()), regs


def docx_texts(content: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return texts


def test_the_word_report_has_every_figure_with_a_picture_and_a_table() -> None:
    tables, _ = tables_with_small_counts()
    content = mt_docx(tables, Scope(None, tables['maand'].span, 5), 'nl', DAY)
    document = docx.Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == 'Heading 1']
    assert headings == [words.title(key, 'nl') for key in tables]
    assert document.paragraphs[0].text == 'Trendanalyse incidenten: Alle afdelingen'
    pictures = [name for name in zipfile.ZipFile(io.BytesIO(content)).namelist() if name.startswith('word/media/')]
    assert len(pictures) == len(tables)  # a chart per figure
    assert len(document.tables) == len(tables)
    descriptions = re.findall(
        r'descr="([^"]*)"', zipfile.ZipFile(io.BytesIO(content)).read('word/document.xml').decode()
    )
    assert any('Verbaal' in d for d in descriptions)  # the numbers in words for a screen reader


@pytest.mark.parametrize('lang', ['nl', 'en'])
def test_no_hidden_count_is_written_as_a_number_in_word_or_excel(lang: str) -> None:
    tables, _ = tables_with_small_counts()
    scope = Scope(None, tables['maand'].span, 5)
    places = tables['locatie']
    assert places.cells[places.rows.index('=SUM(A1)')] == (None,)  # the case this test is about: hidden in the table
    word_rows = [row for row in docx.Document(io.BytesIO(mt_docx(tables, scope, lang, DAY))).tables]
    sheets = openpyxl.load_workbook(io.BytesIO(mt_xlsx(tables, scope, lang, DAY)))
    for index, (key, table) in enumerate(tables.items()):
        expected = words.rows(table, lang)
        in_word = [[cell.text for cell in row.cells] for row in word_rows[index].rows][1:]
        assert in_word == expected, key
        sheet = sheets[sheets.sheetnames[index + 1]]
        in_excel = (
            [
                [str(c.value) for c in row[: len(expected[0])]]
                for row in sheet.iter_rows(min_row=3, max_row=2 + len(expected))
            ]
            if expected
            else []
        )
        assert in_excel == expected, key
        for line in expected:  # and what they write says no small count ('+3', a difference, is no count)
            assert not any(text.isdigit() and 0 < int(text) < 5 for text in line[1:]), (key, line)
    assert '< 5' in [text for line in words.rows(places, lang) for text in line]


def test_shown_counts_are_numbers_in_excel_and_a_name_is_never_a_formula() -> None:
    tables, _ = tables_with_small_counts()
    sheets = openpyxl.load_workbook(io.BytesIO(mt_xlsx(tables, Scope(None, ('', ''), 5), 'nl', DAY)))
    months = sheets['Incidenten per maand']
    assert isinstance(months.cell(row=3, column=2).value, int)
    places = sheets['Incidenten per locatie']
    names = [places.cell(row=r, column=1) for r in range(3, places.max_row + 1)]
    formula = [cell for cell in names if cell.value == '=SUM(A1)']
    assert all(cell.data_type == 's' for cell in formula)


@pytest.fixture(scope='module')
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The report's .docx and .xlsx printed to PDF by LibreOffice in one run, read back as text by pdftotext."""
    folder: Path = tmp_path_factory.mktemp('trend-printed')
    tables, _ = tables_with_small_counts()
    scope = Scope('Sport', tables['maand'].span, 5)
    (folder / 'trend-docx.docx').write_bytes(mt_docx(tables, scope, 'nl', DAY))
    (folder / 'trend-xlsx.xlsx').write_bytes(mt_xlsx(tables, scope, 'nl', DAY))
    profile = (folder / 'profile').as_uri()
    soffice, pdftotext = _tool('soffice'), _tool('pdftotext')
    _run(soffice, f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'pdf', 'trend-docx.docx',
         'trend-xlsx.xlsx', cwd=folder)  # fmt: skip
    return {kind: _run(pdftotext, '-layout', f'trend-{kind}.pdf', '-', cwd=folder) for kind in ('docx', 'xlsx')}


def test_libreoffice_opens_and_prints_the_word_report(printed: dict[str, str]) -> None:
    text = printed['docx']
    for title in ('Trendanalyse incidenten: Sport', 'Incidenten per maand', 'Deze periode tegenover de vorige'):
        assert title in text
    assert '< 5' in text and 'afgeschermd' in text


def test_libreoffice_opens_and_prints_the_excel_tables(printed: dict[str, str]) -> None:
    text = printed['xlsx']
    for words_ in ('Trendanalyse incidenten: Sport', 'Incidenten per kwartaal', 'Verbaal', 'Totaal', '< 5'):
        assert words_ in text
