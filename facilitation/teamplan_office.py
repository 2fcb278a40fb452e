"""The team plan as Word (.docx) and Excel (.xlsx), the files teams print and share.

Kept apart from teamplan_export (CSV, Markdown and what every format shares) because python-docx and openpyxl take
a noticeable part of the server's start to import: this module is imported at the first Word or Excel download,
through teamplan_export.plan_docx and plan_xlsx.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from docx import Document
from docx.document import Document as DocumentObject
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

from . import teamplan as tp
from .teamplan_export import (
    DATE_FIELDS,
    DOCX_COLUMNS,
    OVER_TIME_COLUMNS,
    OVER_TIME_HEADER,
    SHEET_COLUMNS,
    document_field_value,
    field_value,
    item_groups,
    label,
    over_time_rows,
    over_time_tables,
    plan_meta,
    plan_title,
)

_OVER_TIME_WIDTHS = (12.0, 4.5, 10.2)  # cm: the Word table across the landscape page


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
    properties.title = plan_title(state, lang)
    properties.author = properties.last_modified_by = 'Samenspel'
    properties.created = properties.modified = datetime(day.year, day.month, day.day)
    document.core_properties.language = lang
    document.add_heading(plan_title(state, lang), level=0)
    meta = ' · '.join(f'{name}: {value}' for name, value in plan_meta(state, day, lang))
    if meta:
        document.add_paragraph(meta)
    document.add_paragraph(label(lang, 'intro'))
    groups = item_groups(state)
    if not groups:
        document.add_paragraph(label(lang, 'empty'))
    for kind, items in groups:
        document.add_heading(label(lang, f'heading.{kind.value}'), level=1)
        _docx_table(document.add_table(rows=1, cols=len(DOCX_COLUMNS)), state, items, lang)
    _docx_over_time(document, state, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(table: Table, state: tp.State, items: tuple[tp.Item, ...], lang: str) -> None:
    """One row per item; a second row, across all but the first column, says a learning goal's kind of offer, what an
    agreement rests on and, for an escalation, who has influence, the action, what was agreed and the follow-up
    date."""
    table.style = 'Table Grid'
    table.autofit = False
    repeat_as_header(table)
    for cell, (name, _) in zip(table.rows[0].cells, DOCX_COLUMNS, strict=True):
        cell.text = label(lang, name)
    for item in items:
        for cell, (name, _) in zip(table.add_row().cells, DOCX_COLUMNS, strict=True):
            cell.text = document_field_value(state, item, name, lang)
        names = ('offer', 'basis', *(tp.ESCALATION_FIELDS if item.kind is tp.Kind.ESCALATIE else ()))
        fields = [(name, field_value(item, name, lang)) for name in names]
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
    widths = [Cm(width) for _, width in DOCX_COLUMNS]
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


def _docx_over_time(document: DocumentObject, state: tp.State, lang: str) -> None:
    """Leerdoelen door de tijd: per instrument a heading, per round its date and a table of its topics with the
    need and the change since the round before, in words."""
    tables = over_time_tables(state, lang)
    if not tables:
        return
    document.add_heading(label(lang, 'over_time'), level=1)
    document.add_paragraph(label(lang, 'over_time.intro'))
    for instrument, rounds in tables:
        document.add_heading(instrument, level=2)
        for title, rows in rounds:
            document.add_paragraph(title).runs[0].bold = True
            table = document.add_table(rows=1, cols=len(OVER_TIME_HEADER))
            table.style = 'Table Grid'
            table.autofit = False
            repeat_as_header(table)
            for cell, name in zip(table.rows[0].cells, OVER_TIME_HEADER, strict=True):
                cell.text = label(lang, name)
                cell.paragraphs[0].runs[0].bold = True
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
            for column, width in zip(table.columns, _OVER_TIME_WIDTHS, strict=True):
                column.width = Cm(width)
                for cell in column.cells:
                    cell.width = Cm(width)


def repeat_as_header(table: Table) -> None:
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
    sheet.append([label(lang, name) for name, _ in SHEET_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill('solid', fgColor='DDEBF7')
        cell.alignment = Alignment(vertical='top', wrap_text=True)
    sheet.row_dimensions[1].height = _row_height(
        [(str(label(lang, name)), width - _FILTER_BUTTON) for name, width in SHEET_COLUMNS]
    )
    date_format = 'DD-MM-YYYY' if lang == 'nl' else 'YYYY-MM-DD'
    for row, item in enumerate(state.items.values(), start=2):
        texts: list[tuple[str, float]] = []
        for column, (name, width) in enumerate(SHEET_COLUMNS, start=1):
            cell = sheet.cell(row=row, column=column)
            if name in DATE_FIELDS:
                text = getattr(item, name)
                cell.value = date.fromisoformat(text) if text else None
                cell.number_format = date_format
            else:
                cell.value = field_value(item, name, lang)
                cell.data_type = 's'  # text is text: a leading '=' is never a formula
                cell.quotePrefix = cell.value[:1] in ('=', '+', '-', '@')
                texts.append((cell.value, width))
            cell.alignment = Alignment(vertical='top', wrap_text=True)
        # Neither openpyxl nor LibreOffice sizes a row to its wrapped text when it opens the file: set it.
        sheet.row_dimensions[row].height = _row_height(texts)
    last = get_column_letter(len(SHEET_COLUMNS))
    sheet.auto_filter.ref = f'A1:{last}{len(state.items) + 1}'
    sheet.freeze_panes = 'A2'
    for column, (_, width) in enumerate(SHEET_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _print_setup(sheet)
    sheet.print_title_rows = '1:1'
    team = workbook.create_sheet(label(lang, 'team'))
    for name, value in [(label(lang, 'team'), state.team.name), *plan_meta(state, day, lang)]:
        team.append([name, value])
    team.column_dimensions['A'].width = 18
    team.column_dimensions['B'].width = 50
    _print_setup(team)
    _xlsx_over_time(workbook, state, lang, date_format)
    workbook.properties.title = plan_title(state, lang)
    workbook.properties.creator = 'Samenspel'
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_over_time(workbook: Workbook, state: tp.State, lang: str, date_format: str) -> None:
    """A sheet 'Leerdoelen door de tijd' (only when the plan keeps rounds): a row per topic per round, the need and
    the change as numbers (percent, percentage points) and the change in words."""
    rows = over_time_rows(state, lang)
    if not rows:
        return
    sheet = workbook.create_sheet(label(lang, 'over_time')[:31])  # a sheet's name has at most 31 characters
    sheet.append([label(lang, name) for name, _ in OVER_TIME_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical='top', wrap_text=True)
    for instrument, at, title, topic, need, points, words in rows:
        sheet.append([instrument, date.fromisoformat(at), title, topic, need, points, words])
        row = sheet.max_row
        sheet.cell(row=row, column=2).number_format = date_format
        for column in (1, 3, 4, 7):
            cell = sheet.cell(row=row, column=column)
            cell.data_type = 's'
            cell.quotePrefix = str(cell.value)[:1] in ('=', '+', '-', '@')
    for column, (_, width) in enumerate(OVER_TIME_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = 'A2'
    _print_setup(sheet)
    sheet.print_title_rows = '1:1'


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
