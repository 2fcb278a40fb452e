"""The team plan's exports are opened the way teams open them: the .docx with python-docx (and LibreOffice), the
.xlsx with openpyxl, the CSV as Dutch Excel reads it; no device or participant id ever appears in them."""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from facilitation import teamplan as tp
from facilitation import teamplan_export as ex
from facilitation import teamplan_office as office
from facilitation.werkvormen.base import Actor, Context, Role

DAY = date(2025, 3, 10)
CM = 72 / 2.54  # points
DEVICE = 'device-7f3a9c'  # the facilitator's id in the events: it must never reach an export
ORIGIN = tp.Origin('QX7K2M', 'Werkoverleg maart', 'quiz', 'Kennisquiz veilig werken', 'c3', 'Wat is een NOG?')


def make_plan() -> tp.State:
    state = tp.State()
    ctx = Context(Actor(Role.FACILITATOR, DEVICE), 1000.0, frozenset({'participant-1', 'participant-2'}))

    def run(command: tp.Command) -> None:
        for event in tp.decide(state, command, ctx):
            tp.evolve(state, event)

    run(tp.SetTeam('Team Burgerzaken', 'Publiekszaken', 'Baliemedewerkers'))
    run(tp.promote('Wat is een NOG?', (tp.Kind.KENNISHIAAT,), origin=ORIGIN))  # p1
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
    header = ['Nr', 'Activiteit', 'Beoogd resultaat', 'Termijn', 'Eigenaar', 'Status', 'Herkomst']
    assert agreements[0] == header and escalations[0] == header
    assert agreements[2][1] == '=HYPERLINK("http://evil")'  # text, shown as typed
    assert gaps[1][1] == 'Wat is een NOG?'


def test_docx_shows_a_carried_item_once_open_and_refers_by_the_numbers_it_shows() -> None:
    agreements = _rows(Document(io.BytesIO(ex.plan_docx(make_plan(), DAY))).tables[0])
    old, new = agreements[1], agreements[3]
    assert old == [
        'p2',
        'Casus bespreken in elk werkoverleg',
        'Regel 1\nRegel 2',
        '30-06-2025',
        'Ömer',
        'Doorgeschoven',
        'doorgeschoven naar p5',
    ]
    assert new == [
        'p5',
        'Casus bespreken in elk werkoverleg',
        'Regel 1\nRegel 2',
        '01-10-2025',
        'Ömer',
        'Gepland',
        'doorgeschoven van p2',
    ]
    assert [row[5] for row in agreements[1:]].count('Gepland') == 2  # p3 and p5: the carried p2 is not open twice
    assert {row[0] for row in agreements[1:]} == {'p2', 'p3', 'p5'}  # the numbers the references use


def test_word_and_markdown_say_what_an_open_item_still_lacks() -> None:
    document = Document(io.BytesIO(ex.plan_docx(make_plan(), DAY)))
    gaps = _rows(document.tables[1])
    assert gaps[1][:6] == ['p1', 'Wat is een NOG?', 'nog in te vullen', 'nog in te vullen', '', 'Gepland']
    assert gaps[1][6] == 'Werkoverleg maart · Kennisquiz · Kennisquiz veilig werken'
    old = _rows(document.tables[0])[1]
    assert 'nog in te vullen' not in old  # the carried item has ended: nothing to fill in there
    text = ex.plan_markdown(make_plan(), DAY)
    assert '| p1 | Wat is een NOG? | nog in te vullen | nog in te vullen |   | Gepland |' in text
    english = _rows(Document(io.BytesIO(ex.plan_docx(make_plan(), DAY, 'en'))).tables[1])
    assert english[1][2:4] == ['still to fill in', 'still to fill in']


def test_docx_escalation_fields_are_a_second_row_under_the_item() -> None:
    escalations = _rows(Document(io.BytesIO(ex.plan_docx(make_plan(), DAY))).tables[2])
    assert escalations[1][:2] == ['p4', 'Beveiliging na 17 uur'] and escalations[1][4:6] == ['Teamleider', 'Gepland']
    fields = (
        'Wie heeft invloed: Afdelingshoofd Facilitair · Actie: Mail gestuurd · Afgesproken: Voorstel in MT · '
        'Opvolgdatum: 20-05-2025'
    )
    assert escalations[2] == ['', *[fields] * 6]  # one cell across the columns after the number


def test_a_handelingsafspraak_keeps_its_kind_and_basis_in_every_file() -> None:
    state = make_plan()
    basis = 'Veiligheid van collega’s gaat voor; de organisatienorm'
    command = tp.promote(
        'We stoppen het gesprek bij schelden',
        (tp.Kind.HANDELINGSAFSPRAAK,),
        owner='Teamleider',
        basis=basis,
        origin=tp.Origin(werkvorm='dilemma'),
    )
    for event in tp.decide(state, command, Context(Actor(Role.FACILITATOR, DEVICE), 1000.0)):
        tp.evolve(state, event)
    document = Document(io.BytesIO(ex.plan_docx(state, DAY)))
    headings = [p.text for p in document.paragraphs if p.style.name == 'Heading 1']
    assert headings[:2] == ['Werkafspraken', 'Handelingsafspraken']
    rows = _rows(document.tables[1])
    assert rows[1][:2] == ['p6', 'We stoppen het gesprek bij schelden'] and rows[1][4] == 'Teamleider'
    assert rows[2] == ['', *[f'Op basis waarvan: {basis}'] * 6]  # its own row under the item
    sheet = list(load_workbook(io.BytesIO(ex.plan_xlsx(state, DAY)))['Teamplan'].iter_rows(values_only=True))
    assert (sheet[6][1], sheet[6][17]) == ('Handelingsafspraak', basis)
    markdown = ex.plan_markdown(state, DAY)
    assert '## Handelingsafspraken' in markdown and f'| {basis} |' in markdown
    assert tp.plan_from_json(tp.plan_json(state)) == state


def test_docx_reads_well_landscape_with_fixed_widths_and_a_repeating_header() -> None:
    document = Document(io.BytesIO(ex.plan_docx(make_plan(), DAY)))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    usable = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        widths = [column.width for column in table.columns]
        assert all(widths) and abs(sum(widths) - usable) < 2 * 360  # fills the page to 0.02 mm (EMU rounding)
        for row in table.rows:  # every cell as wide as the columns it spans (Word reads these)
            assert abs(sum(tc.width for tc in row._tr.tc_lst) - usable) < 2 * 360
        assert table.rows[0]._tr.trPr.xml.count('tblHeader') == 1
        assert all(run.font.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs)
    assert document.core_properties.title == 'Teamplan Team Burgerzaken'
    assert document.core_properties.author == 'Samenspel'


def test_docx_in_english_and_for_an_empty_plan() -> None:
    document = Document(io.BytesIO(ex.plan_docx(make_plan(), DAY, 'en')))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == 'Team plan Team Burgerzaken' and 'Department: Publiekszaken' in texts[1]
    assert '2025-03-10' in texts[1]
    assert _rows(document.tables[0])[0][:3] == ['No.', 'Activity', 'Expected result']
    assert _rows(document.tables[0])[1][5:] == ['Carried over', 'carried over to p5']
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
        'Nog in te vullen',
        'Wie heeft invloed',
        'Actie',
        'Afgesproken',
        'Opvolgdatum',
        'Sessie',
        'Werkvorm',
        'Onderdeel',
        'Oorspronkelijke tekst',
        'Doorgeschoven van',
        'Op basis waarvan',
        'Soort aanbod',
    )
    assert [row[0] for row in rows[1:]] == ['p1', 'p2', 'p3', 'p4', 'p5']
    assert sheet.auto_filter.ref == 'A1:S6'
    assert sheet.freeze_panes == 'A2'
    assert sheet.column_dimensions['C'].width == 32
    term = sheet['E3']
    assert term.is_date and term.value == datetime(2025, 6, 30) and term.number_format == 'DD-MM-YYYY'
    assert sheet['L5'].value == datetime(2025, 5, 20)  # the escalation's follow-up date
    assert sheet['E2'].value is None  # no term: an empty cell, not ''
    formula = sheet['C4']
    assert (formula.value, formula.data_type) == ('=HYPERLINK("http://evil")', 's')  # never a formula
    assert sheet['D3'].value == 'Regel 1\nRegel 2'
    assert rows[1][12:16] == ('Werkoverleg maart', 'Kennisquiz', 'Kennisquiz veilig werken', 'Wat is een NOG?')
    assert rows[5][16] == 'p2' and rows[5][6] == 'Gepland' and rows[2][6] == 'Doorgeschoven'
    assert [row[7] for row in rows[1:]] == [
        'beoogd resultaat, termijn',
        None,
        'termijn',
        'beoogd resultaat, termijn',
        None,
    ]
    assert (rows[1][3], rows[1][4]) == (None, None)  # the data cells stay empty: the column says what is missing
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
    assert sheet.auto_filter.ref == 'A1:S1'


def test_csv_opens_in_dutch_excel_columns() -> None:
    data = ex.plan_csv(make_plan())
    assert data.startswith(b'\xef\xbb\xbf')  # the BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode('utf-8-sig')), delimiter=';'))
    assert rows[0][:3] == ['Nr', 'Soort', 'Activiteit'] and len(rows) == 6
    assert rows[2][:8] == [
        'p2',
        'Werkafspraak',
        'Casus bespreken in elk werkoverleg',
        'Regel 1\nRegel 2',
        '2025-06-30',
        'Ömer',
        'Doorgeschoven',
        '',
    ]
    assert rows[1][7] == 'beoogd resultaat, termijn'
    assert rows[3][2] == '\'=HYPERLINK("http://evil")' and rows[3][5] == "'@jan"  # kept as text, not a formula
    assert all(len(row) == len(rows[0]) for row in rows)


def test_markdown_has_headings_tables_and_escapes_what_people_typed() -> None:
    text = ex.plan_markdown(make_plan(), DAY)
    lines = text.splitlines()
    assert lines[0] == '# Teamplan Team Burgerzaken'
    assert '- Datum: 10-03-2025' in lines
    assert '## Escalaties: wat het team niet zelf kan oplossen' in lines
    assert '| Nr | Activiteit | Beoogd resultaat | Termijn | Eigenaar | Status | Herkomst |' in lines
    assert (
        '| p2 | Casus bespreken in elk werkoverleg | Regel 1<br>Regel 2 | 30-06-2025 | Ömer | Doorgeschoven '
        '| doorgeschoven naar p5 |'
    ) in lines
    assert (
        '| Nr | Activiteit | Beoogd resultaat | Termijn | Eigenaar | Status | Wie heeft invloed | Actie | Afgesproken '
        '| Opvolgdatum | Herkomst |'
    ) in lines
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


def test_xlsx_prints_landscape_one_page_wide_with_rows_as_tall_as_their_text() -> None:
    sheet = load_workbook(io.BytesIO(ex.plan_xlsx(make_plan(), DAY)))['Teamplan']
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ('landscape', 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == '$1:$1'
    heights = [sheet.row_dimensions[row].height for row in range(1, 7)]
    assert all(heights) and heights[2] >= 2 * 15 > heights[3] >= 15  # p2's result has two lines, p3 fits one
    assert office.wrapped_lines('Regel 1\nRegel 2', 28) == 2
    assert office.wrapped_lines('een twee drie', 6) == 3
    assert office.wrapped_lines('Coördinator', 6) == 3  # broken: 5 a line
    assert office.wrapped_lines('', 10) == 1


# --- through LibreOffice: the files as a real office suite prints them (one conversion per file type) ------------


def big_plan() -> tp.State:
    """make_plan and about twenty items more: long texts, owners and escalations whose words must not break."""
    state = make_plan()
    ctx = Context(Actor(Role.FACILITATOR, DEVICE), 1000.0)
    for n in range(6, 22):
        escalation = n % 4 == 0
        command = tp.AddItem(
            f'Punt{n} bespreken hoe het team omgaat met schelden en dreigen aan de balie en aan de telefoon',
            kind='escalatie' if escalation else list(tp.Kind)[n % 5].value,
            result=f'Resultaat{n}: iedereen weet wat te doen en wie te bellen\nen meldt elk incident',
            term='2025-06-30',
            owner='Coördinator',
            **(
                {'influence': f'Afdelingshoofd{n} Facilitair', 'action': 'Mail', 'follow_up': '2025-05-20'}
                if escalation
                else {}
            ),
        )
        for event in tp.decide(state, command, ctx):
            tp.evolve(state, event)
    return state


def _run(*command: str, cwd: Path) -> str:
    done = subprocess.run(
        command, capture_output=True, timeout=180, check=False, cwd=cwd, env={**os.environ, 'HOME': str(cwd)}
    )
    assert done.returncode == 0, done.stderr.decode(errors='replace')
    return done.stdout.decode('utf-8')


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f'{name} is missing: `make libreoffice` installs LibreOffice (Writer, Calc) and poppler-utils'
    return found


@dataclass(frozen=True)
class Printed:
    """A PDF as LibreOffice printed it: its pages' words, each with its box (x0, y0, x1, y1) in points."""

    pages: list[list[tuple[str, float, float, float, float]]]

    def words(self) -> list[str]:
        return [word for page in self.pages for word, *_ in page]


_WORD = re.compile(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>')


@pytest.fixture(scope='module')
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """The big plan's .docx and .xlsx converted to PDF by LibreOffice in one run, read back by pdftotext."""
    folder = tmp_path_factory.mktemp('printed')
    state = big_plan()
    (folder / 'plan-docx.docx').write_bytes(ex.plan_docx(state, DAY))
    (folder / 'plan-xlsx.xlsx').write_bytes(ex.plan_xlsx(state, DAY))
    profile = (folder / 'profile').as_uri()  # an own profile: runs in parallel do not share a lock
    soffice, pdftotext = _tool('soffice'), _tool('pdftotext')
    _run(soffice, f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'pdf', 'plan-docx.docx',
         'plan-xlsx.xlsx', cwd=folder)  # fmt: skip
    result = {}
    for kind in ('docx', 'xlsx'):
        boxes = _run(pdftotext, '-bbox', f'plan-{kind}.pdf', '-', cwd=folder)
        pages = [
            [(html.unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in _WORD.finditer(page)]
            for page in boxes.split('<page ')[1:]
        ]
        result[kind] = Printed(pages)
    return result


def _cell_words(state: tp.State, lang: str, names: tuple[str, ...]) -> Counter[str]:
    texts = (ex.field_value(item, name, lang) for item in state.items.values() for name in names)
    return Counter(w for text in texts for w in text.split())


def test_libreoffice_prints_the_docx_on_few_pages_with_every_word_whole(printed: dict[str, Printed]) -> None:
    pdf = printed['docx']
    assert 1 < len(pdf.pages) <= 4  # about twenty items
    words = Counter(pdf.words())
    labels = {word.rstrip(':') for word in words}  # 'Opvolgdatum:' labels an escalation's second row
    for whole in ('Coördinator', 'Opvolgdatum', 'Doorgeschoven', 'Teamleider', '20-05-2025'):
        assert whole in labels, whole
    state = big_plan()
    expected = _cell_words(state, 'nl', ('id', 'what', 'result', 'owner', 'status', 'influence', 'term'))
    assert not expected - words  # each word of each item once per item at least: none broken, none lost
    # The activity column (after 1.5 cm margin and 1.1 cm number) read top to bottom: each item's text whole, in order.
    left, right = (1.5 + 1.1) * CM, (1.5 + 1.1 + 6.6) * CM
    column = ' '.join(
        word
        for page in pdf.pages
        for word, *_ in sorted((w for w in page if left - 2 < w[1] < right), key=lambda w: (round(w[2]), w[1]))
    )
    for item in state.items.values():
        assert ' '.join(item.what.split()) in column, item.what


def test_libreoffice_prints_the_xlsx_one_page_wide_and_no_row_overlaps_the_next(printed: dict[str, Printed]) -> None:
    pdf = printed['xlsx']
    plan_pages = [page for page in pdf.pages if any(word == 'Nr' for word, *_ in page)]
    assert 1 <= len(plan_pages) <= 2 and len(pdf.pages) == len(plan_pages) + 1  # then the team's sheet
    for page in plan_pages:  # one page wide: every page has the first column and the last
        assert {'Nr', 'Activiteit', 'Doorgeschoven', 'Oorspronkelijke'} <= {word for word, *_ in page}
    state = big_plan()
    names = ('what', 'result', 'owner', 'status', 'missing', 'influence', 'source_text')
    assert not _cell_words(state, 'nl', names) - Counter(pdf.words())  # nothing cut off, no '###' for a date
    # Each item's own words lie between its number and the next item's: a row too low for its text would spill over.
    for page in plan_pages:
        tops = sorted((y0, word) for word, x0, y0, _, _ in page if word in state.items and x0 < 60)
        for (top, item_id), bottom in zip(tops, [t for t, _ in tops[1:]] + [1e9], strict=True):
            own = {f'Punt{item_id[1:]}', f'Resultaat{item_id[1:]}:', f'Afdelingshoofd{item_id[1:]}'}
            for word, _, y0, _, y1 in page:
                if word in own:
                    assert top - 1 <= y0 and y1 <= bottom + 1, (item_id, word)


def test_a_learning_goal_keeps_its_kind_of_offer_in_every_file() -> None:
    state = make_plan()
    command = tp.AddItem('Grenzen stellen aan de telefoon', kind='teamleerdoel', offer='vaardigheden')
    for event in tp.decide(state, command, Context(Actor(Role.FACILITATOR, DEVICE), 1000.0)):
        tp.evolve(state, event)
    words = {
        'nl': 'Vaardigheidstraining (in groepen of individueel)',
        'en': 'Skills training (in groups or individually)',
    }
    for lang, word in words.items():
        document = Document(io.BytesIO(ex.plan_docx(state, DAY, lang)))
        rows = _rows(document.tables[0])  # the team learning goals come first
        assert rows[1][:2] == ['p6', 'Grenzen stellen aan de telefoon']
        assert rows[2][1] == f'{ex.label(lang, "offer")}: {word}'  # in the row under the item
        sheet = list(
            load_workbook(io.BytesIO(ex.plan_xlsx(state, DAY, lang))).worksheets[0].iter_rows(values_only=True)
        )
        assert sheet[6][18] == word
        rows_csv = list(csv.reader(io.StringIO(ex.plan_csv(state, lang).decode('utf-8-sig')), delimiter=';'))
        assert rows_csv[6][18] == word
        markdown = ex.plan_markdown(state, DAY, lang)
        assert f'| {ex.label(lang, "offer")} |' in markdown and f'| {word} |' in markdown
