"""The team plan's exports are opened the way teams open them: the .docx with python-docx (and LibreOffice), the
.xlsx with openpyxl, the CSV as Dutch Excel reads it; no device or participant id ever appears in them."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from facilitation import teamplan as tp
from facilitation import teamplan_export as ex
from facilitation.formats.base import Actor, Context, Role

DAY = date(2025, 3, 10)
DEVICE = 'device-7f3a9c'  # the facilitator's id in the events: it must never reach an export
ORIGIN = tp.Origin('QX7K2M', 'Werkoverleg maart', 'quiz', 'Kennisquiz veilig werken', 'c3', 'Wat is een NOG?')


def make_plan() -> tp.State:
    state = tp.State()
    ctx = Context(Actor(Role.FACILITATOR, DEVICE), 1000.0, frozenset({'participant-1', 'participant-2'}))

    def run(command: tp.Command) -> None:
        for event in tp.decide(state, command, ctx):
            tp.evolve(state, event)

    run(tp.SetTeam('Team Burgerzaken', 'Publiekszaken', 'Baliemedewerkers'))
    run(tp.promote('quiz', 'Wat is een NOG?', origin=ORIGIN))  # p1
    run(tp.AddItem('Casus bespreken in elk werkoverleg', result='Regel 1\nRegel 2', term='2025-06-30', owner='Ömer'))
    run(tp.AddItem('=HYPERLINK("http://evil")', owner='@jan', result='<script>x</script> | pipe'))  # p3
    run(
        tp.AddItem(
            'Beveiliging na 17 uur',
            kind='escalatie',
            influence='Afdelingshoofd Facilitair',
            action='Mail gestuurd',
            agreed='Voorstel in MT',
            follow_up='2025-05-20',
            owner='Teamleider',
        )
    )  # p4
    run(tp.SetStatus('p2', 'niet_gelukt'))
    run(tp.CarryOver('p2', '2025-10-01'))  # p5
    return state


def _rows(table: object) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]  # type: ignore[attr-defined]


def test_docx_has_a_title_with_team_unit_and_date_and_a_table_per_kind() -> None:
    document = Document(io.BytesIO(ex.plan_docx(make_plan(), DAY)))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ('Title', 'Teamplan Team Burgerzaken')
    assert 'Afdeling: Publiekszaken · Functiegroep: Baliemedewerkers · Datum: 10-03-2025' in [t for _, t in paragraphs]
    headings = [t for style, t in paragraphs if style == 'Heading 1']
    assert headings == ['Werkafspraken', 'Kennishiaten', 'Escalaties: wat het team niet zelf kan oplossen']
    agreements, gaps, escalations = (_rows(t) for t in document.tables)
    assert agreements[0] == ['Activiteit', 'Beoogd resultaat', 'Termijn', 'Eigenaar', 'Status', 'Herkomst']
    assert agreements[1] == [
        'Casus bespreken in elk werkoverleg',
        'Regel 1\nRegel 2',
        '30-06-2025',
        'Ömer',
        'Niet gelukt',
        '',
    ]
    assert agreements[3] == [
        'Casus bespreken in elk werkoverleg',
        'Regel 1\nRegel 2',
        '01-10-2025',
        'Ömer',
        'Gepland',
        'doorgeschoven van p2',
    ]
    assert agreements[2][0] == '=HYPERLINK("http://evil")'  # text, shown as typed
    assert gaps[1] == [
        'Wat is een NOG?',
        '',
        '',
        '',
        'Gepland',
        'Werkoverleg maart · Kennisquiz · Kennisquiz veilig werken',
    ]
    assert escalations[0] == [
        'Activiteit',
        'Beoogd resultaat',
        'Termijn',
        'Eigenaar',
        'Status',
        'Wie heeft invloed',
        'Actie',
        'Afgesproken',
        'Opvolgdatum',
        'Herkomst',
    ]
    assert escalations[1][5:9] == ['Afdelingshoofd Facilitair', 'Mail gestuurd', 'Voorstel in MT', '20-05-2025']


def test_docx_reads_well_landscape_with_fixed_widths_and_a_repeating_header() -> None:
    document = Document(io.BytesIO(ex.plan_docx(make_plan(), DAY)))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    usable = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        widths = [column.width for column in table.columns]
        assert all(widths) and abs(sum(widths) - usable) < 2 * 360  # fills the page to 0.02 mm (EMU rounding)
        assert table.rows[0]._tr.trPr.xml.count('tblHeader') == 1
        assert all(run.font.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs)
    assert document.core_properties.title == 'Teamplan Team Burgerzaken'
    assert document.core_properties.author == 'Samenspel'


def test_docx_in_english_and_for_an_empty_plan() -> None:
    document = Document(io.BytesIO(ex.plan_docx(make_plan(), DAY, 'en')))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == 'Team plan Team Burgerzaken' and 'Department: Publiekszaken' in texts[1]
    assert '2025-03-10' in texts[1]
    assert _rows(document.tables[0])[0][:2] == ['Activity', 'Expected result']
    empty = Document(io.BytesIO(ex.plan_docx(tp.State(), DAY)))
    empty_texts = [p.text for p in empty.paragraphs]
    assert empty_texts[0] == 'Teamplan' and 'Nog geen punten in het plan.' in empty_texts
    assert empty.tables == []


def test_xlsx_has_one_row_per_item_a_filter_a_frozen_header_and_real_dates() -> None:
    workbook = load_workbook(io.BytesIO(ex.plan_xlsx(make_plan(), DAY)))
    sheet = workbook['Teamplan']
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ('Nr', 'Soort', 'Activiteit', 'Beoogd resultaat', 'Termijn', 'Eigenaar', 'Status')
    assert rows[0][7:] == (
        'Wie heeft invloed',
        'Actie',
        'Afgesproken',
        'Opvolgdatum',
        'Sessie',
        'Werkvorm',
        'Onderdeel',
        'Oorspronkelijke tekst',
        'Doorgeschoven van',
    )
    assert [row[0] for row in rows[1:]] == ['p1', 'p2', 'p3', 'p4', 'p5']
    assert sheet.auto_filter.ref == 'A1:P6'
    assert sheet.freeze_panes == 'A2'
    assert sheet.column_dimensions['C'].width == 45
    term = sheet['E3']
    assert term.is_date and term.value == datetime(2025, 6, 30) and term.number_format == 'DD-MM-YYYY'
    assert sheet['K5'].value == datetime(2025, 5, 20)  # the escalation's follow-up date
    assert sheet['E2'].value is None  # no term: an empty cell, not ''
    formula = sheet['C4']
    assert (formula.value, formula.data_type) == ('=HYPERLINK("http://evil")', 's')  # never a formula
    assert sheet['D3'].value == 'Regel 1\nRegel 2'
    assert rows[1][11:15] == ('Werkoverleg maart', 'Kennisquiz', 'Kennisquiz veilig werken', 'Wat is een NOG?')
    assert rows[5][15] == 'p2' and rows[5][6] == 'Gepland' and rows[2][6] == 'Niet gelukt'
    team = list(workbook['Team'].iter_rows(values_only=True))
    assert team == [
        ('Team', 'Team Burgerzaken'),
        ('Afdeling', 'Publiekszaken'),
        ('Functiegroep', 'Baliemedewerkers'),
        ('Datum', '10-03-2025'),
    ]


def test_xlsx_of_an_empty_plan_still_has_its_header_and_filter() -> None:
    sheet = load_workbook(io.BytesIO(ex.plan_xlsx(tp.State(), DAY, 'en')))['Team plan']
    assert sheet.max_row == 1 and sheet['A1'].value == 'No.'
    assert sheet.auto_filter.ref == 'A1:P1'


def test_csv_opens_in_dutch_excel_columns() -> None:
    data = ex.plan_csv(make_plan())
    assert data.startswith(b'\xef\xbb\xbf')  # the BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode('utf-8-sig')), delimiter=';'))
    assert rows[0][:3] == ['Nr', 'Soort', 'Activiteit'] and len(rows) == 6
    assert rows[2][:7] == [
        'p2',
        'Werkafspraak',
        'Casus bespreken in elk werkoverleg',
        'Regel 1\nRegel 2',
        '2025-06-30',
        'Ömer',
        'Niet gelukt',
    ]
    assert rows[3][2] == '\'=HYPERLINK("http://evil")' and rows[3][5] == "'@jan"  # kept as text, not a formula
    assert all(len(row) == len(rows[0]) for row in rows)


def test_markdown_has_headings_tables_and_escapes_what_people_typed() -> None:
    text = ex.plan_markdown(make_plan(), DAY)
    lines = text.splitlines()
    assert lines[0] == '# Teamplan Team Burgerzaken'
    assert '- Datum: 10-03-2025' in lines
    assert '## Escalaties: wat het team niet zelf kan oplossen' in lines
    assert '| Activiteit | Beoogd resultaat | Termijn | Eigenaar | Status | Herkomst |' in lines
    assert '| Casus bespreken in elk werkoverleg | Regel 1<br>Regel 2 | 30-06-2025 | Ömer | Niet gelukt |   |' in lines
    assert '<script>' not in text and '\\<script\\>x\\</script\\> \\| pipe' in text
    table_rows = [line for line in lines if line.startswith('| ')]
    assert all(line.count(' | ') == table_rows[0].count(' | ') for line in table_rows[:5])


def _all_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ''.join(archive.read(name).decode('utf-8', 'replace') for name in archive.namelist())


def test_no_device_or_participant_id_and_no_join_code_in_any_export() -> None:
    state = make_plan()
    exports = [
        _all_text(ex.plan_docx(state, DAY)),
        _all_text(ex.plan_xlsx(state, DAY)),
        ex.plan_csv(state).decode('utf-8-sig'),
        ex.plan_markdown(state, DAY),
        tp.plan_json(state),
    ]
    for text in exports:
        assert DEVICE not in text and 'participant-1' not in text and 'facilitator' not in text
    for text in exports[:4]:  # the session is named; its join code only stays in the lossless JSON
        assert 'QX7K2M' not in text and 'Werkoverleg maart' in text


def test_a_session_without_a_name_is_shown_by_its_code() -> None:
    item = tp.Item('p1', tp.Kind.WERKAFSPRAAK, 'Iets', origin=tp.Origin(session_code='QX7K2M', werkvorm='arena'))
    assert ex.origin_text(item, 'nl') == 'QX7K2M · Arenagesprek'


def test_libreoffice_opens_the_docx(tmp_path: Path) -> None:
    soffice = shutil.which('soffice')
    if soffice is None:
        pytest.skip('LibreOffice is not installed here (no soffice): make test installs libreoffice-writer-nogui')
    source = tmp_path / 'teamplan.docx'
    source.write_bytes(ex.plan_docx(make_plan(), DAY))
    profile = (tmp_path / 'profile').as_uri()  # an own profile: runs in parallel do not share a lock
    for target in ('pdf', 'txt:Text (encoded):UTF8'):  # the PDF proves it opens; the text, that it read the tables
        done = subprocess.run(
            [
                soffice,
                f'-env:UserInstallation={profile}',
                '--headless',
                '--convert-to',
                target,
                '--outdir',
                str(tmp_path),
                str(source),
            ],
            capture_output=True,
            timeout=180,
            check=False,
            env={**os.environ, 'HOME': str(tmp_path)},
        )
        assert done.returncode == 0, done.stderr.decode(errors='replace')
    pdf = (tmp_path / 'teamplan.pdf').read_bytes()
    assert pdf.startswith(b'%PDF') and b'/MediaBox' in pdf
    text = (tmp_path / 'teamplan.txt').read_text(encoding='utf-8-sig')
    for expected in (
        'Teamplan Team Burgerzaken',
        'Werkafspraken',
        'Wie heeft invloed',
        'Afdelingshoofd Facilitair',
        '20-05-2025',
        'doorgeschoven van p2',
    ):
        assert expected in text
