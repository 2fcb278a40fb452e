"""The team plan as the files teams use: Word (.docx), Excel (.xlsx), CSV and Markdown.

Every function returns bytes or text; the caller writes or sends them. Only what people typed or chose is shown
(names of owners, texts); the plan holds no device or participant ids. Dates are passed in, never read. Items carry
their number (p1, p2, ...) in every file, so "doorgeschoven van p2" points at a row the reader can find; what an open
item still lacks is said in words (Word and Markdown in its own cell, the spreadsheets in a column of its own).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.table import Table
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from . import markdown_text as md
from . import teamplan as tp
from .i18n import date_text, translate
from .werkvormen.registry import werkvorm_name

# Word tables: (field, width in cm) on a landscape A4 page with 1.5 cm margins (26.7 cm to fill). Each column holds
# its longest word at 9 pt (Coördinator, Doorgeschoven, 30-06-2025) with the cell's margins; what an agreement rests on
# (op basis waarvan) and an escalation's four fields of its own go in a second row under the item, across the
# columns, rather than eleven narrow columns.
_DOCX_COLUMNS = (
    ('id', 1.1),
    ('what', 6.6),
    ('result', 5.8),
    ('term', 2.4),
    ('owner', 3.0),
    ('status', 2.9),
    ('origin', 4.9),
)
# Markdown has no second row: an escalation's fields are columns there.
_MD_ESCALATION_COLUMNS = (*_DOCX_COLUMNS[:-1], *((name, 0.0) for name in tp.ESCALATION_FIELDS), _DOCX_COLUMNS[-1])
# Spreadsheet rows (xlsx and CSV): (field, column width in characters). Narrow enough that the sheet prints one page
# wide on landscape A4; long texts wrap into taller rows instead.
_SHEET_COLUMNS = (
    ('id', 6),
    ('kind', 14),
    ('what', 32),
    ('result', 28),
    ('term', 12),
    ('owner', 15),
    ('status', 15),
    ('missing', 18),
    ('influence', 18),
    ('action', 20),
    ('agreed', 20),
    ('follow_up', 14),
    ('session', 16),
    ('werkvorm', 14),
    ('activity', 16),
    ('source_text', 28),
    ('carried_from', 14),
    ('basis', 24),
)
_DATE_FIELDS = frozenset({'term', 'follow_up'})
_MAX_ORIGIN_TEXT = 120  # the source text shown in Word and Markdown; the spreadsheets keep it whole


def label(lang: str, key: str, **params: str) -> str:
    """The export's word for `key` in `lang` (the plan.* texts of the string table)."""
    return translate(lang, f'plan.{key}', **params)


def _session(origin: tp.Origin) -> str:
    """The session's name; its code only when it has no name (a join code is not for a document that travels)."""
    return origin.session_name or origin.session_code


def origin_text(item: tp.Item, lang: str, *, moved_to: str = '', carried: bool = True) -> str:
    """Where an item came from, on one line: session, werkvorm, part, the original words, and (unless `carried` is
    False) the item it was carried over from and the item `moved_to` that carries it on."""
    o = item.origin
    werkvorm = werkvorm_name(o.werkvorm, lang) if o.werkvorm else ''
    source = ' '.join(o.source_text.split())
    quoted = f'“{tp.shorten(source, _MAX_ORIGIN_TEXT)}”' if source and source != item.what else ''
    moves = (
        label(lang, 'carried_from_text', id=item.carried_from) if item.carried_from and carried else '',
        label(lang, 'carried_to_text', id=moved_to) if moved_to and carried else '',
    )
    parts = (_session(o), werkvorm, o.activity, quoted, *moves)
    return ' · '.join(
        dict.fromkeys(part for part in parts if part)
    )  # once each: an activity may be named as its werkvorm


def missing_text(item: tp.Item, lang: str) -> str:
    """What an open item still lacks, in words ('beoogd resultaat, termijn'); '' when it is concrete."""
    return ', '.join(label(lang, f'missing.{name}') for name in tp.missing(item))


def _value(item: tp.Item, name: str, lang: str) -> str:
    """A field as text for people (labels for kind and status, dates as they read them)."""
    if name == 'kind':
        return label(lang, f'kind.{item.kind.value}')
    if name == 'status':
        return label(lang, f'status.{item.status.value}')
    if name == 'origin':
        return origin_text(item, lang)
    if name == 'missing':
        return missing_text(item, lang)
    if name in _DATE_FIELDS:
        return date_text(getattr(item, name), lang)
    if name == 'session':
        return _session(item.origin)
    if name == 'werkvorm':
        return werkvorm_name(item.origin.werkvorm, lang) if item.origin.werkvorm else ''
    if name in ('activity', 'source_text'):
        return str(getattr(item.origin, name))
    return str(getattr(item, name))


def _document_value(state: tp.State, item: tp.Item, name: str, lang: str) -> str:
    """A field as a document (Word, Markdown) shows it: what an open item lacks says so in its own cell, and the
    origin names the item that carries it on."""
    if name in tp.missing(item):
        return label(lang, 'to_fill')
    if name == 'origin':
        return origin_text(item, lang, moved_to=tp.successor(state, item.id))
    return _value(item, name, lang)


def _meta(state: tp.State, day: date, lang: str) -> list[tuple[str, str]]:
    team = state.team
    rows = [('unit', team.unit), ('function_group', team.function_group), ('date', date_text(day, lang))]
    return [(label(lang, key), value) for key, value in rows if value]


def _title(state: tp.State, lang: str) -> str:
    return f'{label(lang, "title")} {state.team.name}'.strip()


def _groups(state: tp.State) -> list[tuple[tp.Kind, tuple[tp.Item, ...]]]:
    return [(kind, items) for kind, items in tp.items_by_kind(state).items() if items]


# --- Word ------------------------------------------------------------------------------------------------------------


def plan_docx(state: tp.State, day: date, lang: str = 'nl') -> bytes:
    """The plan as a Word document on landscape A4: a title with the team, its unit and the date, then per kind a
    heading and a table (an escalation's own fields in a second row under it)."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ('left_margin', 'right_margin', 'top_margin', 'bottom_margin'):
        setattr(section, side, Cm(1.5))
    document.styles['Normal'].font.size = Pt(10)
    properties = document.core_properties
    properties.title = _title(state, lang)
    properties.author = properties.last_modified_by = 'Samenspel'
    properties.created = properties.modified = datetime(day.year, day.month, day.day)
    document.core_properties.language = lang
    document.add_heading(_title(state, lang), level=0)
    meta = ' · '.join(f'{name}: {value}' for name, value in _meta(state, day, lang))
    if meta:
        document.add_paragraph(meta)
    document.add_paragraph(label(lang, 'intro'))
    groups = _groups(state)
    if not groups:
        document.add_paragraph(label(lang, 'empty'))
    for kind, items in groups:
        document.add_heading(label(lang, f'heading.{kind.value}'), level=1)
        _docx_table(document.add_table(rows=1, cols=len(_DOCX_COLUMNS)), state, items, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(table: Table, state: tp.State, items: tuple[tp.Item, ...], lang: str) -> None:
    """One row per item; a second row, across all but the first column, says what an agreement rests on and, for an
    escalation, who has influence, the action, what was agreed and the follow-up date."""
    table.style = 'Table Grid'
    table.autofit = False
    _repeat_as_header(table)
    for cell, (name, _) in zip(table.rows[0].cells, _DOCX_COLUMNS, strict=True):
        cell.text = label(lang, name)
    for item in items:
        for cell, (name, _) in zip(table.add_row().cells, _DOCX_COLUMNS, strict=True):
            cell.text = _document_value(state, item, name, lang)
        names = ('basis', *(tp.ESCALATION_FIELDS if item.kind is tp.Kind.ESCALATIE else ()))
        fields = [(name, _value(item, name, lang)) for name in names]
        if any(value for _, value in fields):
            cells = table.add_row().cells
            joined = cells[1].merge(cells[-1])
            paragraph = joined.paragraphs[0]
            for name, value in (field for field in fields if field[1]):
                if paragraph.runs:
                    paragraph.add_run(' · ')
                paragraph.add_run(f'{label(lang, name)}: ').bold = True
                paragraph.add_run(value)
    # Word reads the width of every cell, LibreOffice the grid's columns: set both (a joined cell spans its columns).
    widths = [Cm(width) for _, width in _DOCX_COLUMNS]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        start = 0
        for tc in row._tr.tc_lst:
            tc.width = Emu(sum(widths[start : start + tc.grid_span]))
            start += tc.grid_span
    for row_number, row in enumerate(table.rows):
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
                    if row_number == 0:
                        run.font.bold = True


def _repeat_as_header(table: Table) -> None:
    """The first row repeats on every page the table spans (python-docx has no API for it)."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement('w:tblHeader')
    header.set(qn('w:val'), 'true')
    row_properties.append(header)


# --- Excel -----------------------------------------------------------------------------------------------------------


def plan_xlsx(state: tp.State, day: date, lang: str = 'nl') -> bytes:
    """The plan as a workbook: one row per item under a frozen header with a filter, dates as real dates, each row
    as tall as its wrapped text; it prints landscape on A4, one page wide, the header on every page. A second sheet
    holds the team and the date."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = label(lang, 'title')
    sheet.append([label(lang, name) for name, _ in _SHEET_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill('solid', fgColor='DDEBF7')
        cell.alignment = Alignment(vertical='top', wrap_text=True)
    sheet.row_dimensions[1].height = _row_height(
        [(str(label(lang, name)), width - _FILTER_BUTTON) for name, width in _SHEET_COLUMNS]
    )
    date_format = 'DD-MM-YYYY' if lang == 'nl' else 'YYYY-MM-DD'
    for row, item in enumerate(state.items.values(), start=2):
        texts: list[tuple[str, float]] = []
        for column, (name, width) in enumerate(_SHEET_COLUMNS, start=1):
            cell = sheet.cell(row=row, column=column)
            if name in _DATE_FIELDS:
                text = getattr(item, name)
                cell.value = date.fromisoformat(text) if text else None
                cell.number_format = date_format
            else:
                cell.value = _value(item, name, lang)
                cell.data_type = 's'  # text is text: a leading '=' is never a formula
                cell.quotePrefix = cell.value[:1] in ('=', '+', '-', '@')
                texts.append((cell.value, width))
            cell.alignment = Alignment(vertical='top', wrap_text=True)
        # Neither openpyxl nor LibreOffice sizes a row to its wrapped text when it opens the file: set it.
        sheet.row_dimensions[row].height = _row_height(texts)
    last = get_column_letter(len(_SHEET_COLUMNS))
    sheet.auto_filter.ref = f'A1:{last}{len(state.items) + 1}'
    sheet.freeze_panes = 'A2'
    for column, (_, width) in enumerate(_SHEET_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _print_setup(sheet)
    sheet.print_title_rows = '1:1'
    team = workbook.create_sheet(label(lang, 'team'))
    for name, value in [(label(lang, 'team'), state.team.name), *_meta(state, day, lang)]:
        team.append([name, value])
    team.column_dimensions['A'].width = 18
    team.column_dimensions['B'].width = 50
    _print_setup(team)
    workbook.properties.title = _title(state, lang)
    workbook.properties.creator = 'Samenspel'
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_LINE_POINTS = 15.0  # one line of the workbook's Calibri 11 with its leading, as Excel's default row
_FILTER_BUTTON = 3  # the header's filter button covers about this many characters of its cell


def _print_setup(sheet: Worksheet) -> None:
    """Landscape A4, as wide as one page (as many pages down as it needs), grid lines and page numbers."""
    sheet.page_setup.orientation = 'landscape'
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: as many pages as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)  # inches
    sheet.print_options.gridLines = True
    sheet.oddFooter.center.text = '&P / &N'


def _row_height(texts: list[tuple[str, float]]) -> float:
    """The height in points of a row whose cells hold these (text, column width) pairs, wrapped."""
    return _LINE_POINTS * max((wrapped_lines(text, width) for text, width in texts), default=1) + 2


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a column `width` characters wide, wrapped at spaces as a spreadsheet does (a
    word longer than a line is broken). Generous: every character counts as wide as a digit, the column's unit."""
    room = max(1, int(width) - 1)  # the cell's own margins
    total = 0
    for paragraph in text.split('\n'):
        lines, used = 1, 0
        for word in paragraph.split():
            length = len(word)
            if (used + 1 + length if used else length) <= room:
                used = used + 1 + length if used else length
                continue
            if used:
                lines += 1
            lines += (length - 1) // room  # a word longer than the line goes on over the next lines
            used = (length - 1) % room + 1
        total += lines
    return max(total, 1)


# --- CSV and Markdown ------------------------------------------------------------------------------------------------


def _csv_cell(text: str) -> str:
    """Text that a spreadsheet would read as a formula (=, +, -, @) is kept as text."""
    return "'" + text if text[:1] in ('=', '+', '-', '@', '\t', '\r') else text


def plan_csv(state: tp.State, lang: str = 'nl') -> bytes:
    """One row per item, the same columns as the workbook, in UTF-8 with a BOM and ';' between fields.

    Dutch Excel uses ';' as its list separator (the comma is the decimal sign), so a double-click opens this file
    in columns; the BOM makes it read UTF-8 (é, ë, ’) instead of the ANSI code page. Dates are ISO (YYYY-MM-DD),
    which Excel and LibreOffice recognise as dates in every locale."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=';', lineterminator='\r\n')
    writer.writerow([label(lang, name) for name, _ in _SHEET_COLUMNS])
    for item in state.items.values():
        writer.writerow(
            [
                getattr(item, name) if name in _DATE_FIELDS else _csv_cell(_value(item, name, lang))
                for name, _ in _SHEET_COLUMNS
            ]
        )
    return buffer.getvalue().encode('utf-8-sig')


def plan_markdown(state: tp.State, day: date, lang: str = 'nl') -> str:
    """The plan as Markdown: title and team, then per kind a heading and a table (as in the Word document); what
    people typed is literal text, never Markdown or HTML."""
    lines = [f'# {md.text(_title(state, lang))}', '']
    lines += [f'- {name}: {md.text(value)}' for name, value in _meta(state, day, lang)]
    lines += ['', label(lang, 'intro'), '']
    groups = _groups(state)
    if not groups:
        lines += [label(lang, 'empty'), '']
    for kind, items in groups:
        columns = [name for name, _ in (_MD_ESCALATION_COLUMNS if kind is tp.Kind.ESCALATIE else _DOCX_COLUMNS)]
        if any(item.basis for item in items):  # what the agreements rest on, after their expected result
            columns.insert(columns.index('result') + 1, 'basis')
        lines += [f'## {label(lang, f"heading.{kind.value}")}', '']
        lines.append('| ' + ' | '.join(md.cell(label(lang, name)) for name in columns) + ' |')
        lines.append('|' + '---|' * len(columns))
        lines += [
            '| ' + ' | '.join(md.cell(_document_value(state, item, name, lang)) for name in columns) + ' |'
            for item in items
        ]
        lines.append('')
    return '\n'.join(lines).rstrip() + '\n'
