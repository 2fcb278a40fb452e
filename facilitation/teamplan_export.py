"""The team plan as the files teams use: Word (.docx), Excel (.xlsx), CSV and Markdown.

Every function returns bytes or text; the caller writes or sends them. Only what people typed or chose is shown
(names of owners, texts); the plan holds no device or participant ids. Dates are passed in, never read.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from . import markdown_text as md
from . import teamplan as tp
from .i18n import translate

# Kept here until the integration step moves them into i18n.STRINGS (owned elsewhere for now).

# Word tables: (field, width in cm) on a landscape A4 page with 1.5 cm margins (26.7 cm to fill).
_DOCX_COLUMNS = (('what', 7.0), ('result', 6.0), ('term', 2.4), ('owner', 3.2), ('status', 2.5), ('origin', 5.6))
_DOCX_ESCALATION_COLUMNS = (
    ('what', 4.2),
    ('result', 3.0),
    ('term', 2.1),
    ('owner', 2.3),
    ('status', 2.0),
    ('influence', 2.8),
    ('action', 3.0),
    ('agreed', 3.0),
    ('follow_up', 2.1),
    ('origin', 2.2),
)
# Spreadsheet rows (xlsx and CSV): (field, column width in characters).
_SHEET_COLUMNS = (
    ('id', 6),
    ('kind', 20),
    ('what', 45),
    ('result', 35),
    ('term', 12),
    ('owner', 18),
    ('status', 13),
    ('influence', 24),
    ('action', 28),
    ('agreed', 28),
    ('follow_up', 13),
    ('session', 24),
    ('werkvorm', 18),
    ('activity', 24),
    ('source_text', 40),
    ('carried_from', 12),
)
_DATE_FIELDS = frozenset({'term', 'follow_up'})
_MAX_ORIGIN_TEXT = 120  # the source text shown in Word and Markdown; the spreadsheets keep it whole


def label(lang: str, key: str, **params: str) -> str:
    """The export's word for `key` in `lang` (the plan.* texts of the string table)."""
    return translate(lang, f'plan.{key}', **params)


def date_text(value: str | date, lang: str) -> str:
    """A date as Dutch readers write it (30-06-2025) or ISO for English; '' stays ''."""
    if not value:
        return ''
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return day.strftime('%d-%m-%Y') if lang == 'nl' else day.isoformat()


def _session(origin: tp.Origin) -> str:
    """The session's name; its code only when it has no name (a join code is not for a document that travels)."""
    return origin.session_name or origin.session_code


def origin_text(item: tp.Item, lang: str) -> str:
    """Where an item came from, on one line: session, werkvorm, part, the original words, and a carry-over."""
    o = item.origin
    werkvorm = label(lang, f'werkvorm.{o.werkvorm}') if o.werkvorm else ''
    source = ' '.join(o.source_text.split())
    quoted = f'“{tp.shorten(source, _MAX_ORIGIN_TEXT)}”' if source and source != item.what else ''
    carried = label(lang, 'carried_from_text', id=item.carried_from) if item.carried_from else ''
    parts = (_session(o), werkvorm, o.activity, quoted, carried)
    return ' · '.join(
        dict.fromkeys(part for part in parts if part)
    )  # once each: an activity may be named as its werkvorm


def _value(item: tp.Item, name: str, lang: str) -> str:
    """A field as text for people (labels for kind and status, dates as they read them)."""
    if name == 'kind':
        return label(lang, f'kind.{item.kind.value}')
    if name == 'status':
        return label(lang, f'status.{item.status.value}')
    if name == 'origin':
        return origin_text(item, lang)
    if name in _DATE_FIELDS:
        return date_text(getattr(item, name), lang)
    if name == 'session':
        return _session(item.origin)
    if name == 'werkvorm':
        return label(lang, f'werkvorm.{item.origin.werkvorm}') if item.origin.werkvorm else ''
    if name in ('activity', 'source_text'):
        return str(getattr(item.origin, name))
    return str(getattr(item, name))


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
    heading and a table (escalations with their extra columns)."""
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
        columns = _DOCX_ESCALATION_COLUMNS if kind is tp.Kind.ESCALATIE else _DOCX_COLUMNS
        _docx_table(document.add_table(rows=1, cols=len(columns)), columns, items, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(table: Table, columns: tuple[tuple[str, float], ...], items: tuple[tp.Item, ...], lang: str) -> None:
    table.style = 'Table Grid'
    table.autofit = False
    _repeat_as_header(table)
    for cell, (name, _) in zip(table.rows[0].cells, columns, strict=True):
        cell.text = label(lang, name)
    for item in items:
        for cell, (name, _) in zip(table.add_row().cells, columns, strict=True):
            cell.text = _value(item, name, lang)
    # Word reads the width of every cell, LibreOffice the grid's columns: set both.
    for column, (_, width) in zip(table.columns, columns, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    for row_number, row in enumerate(table.rows):
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
                    run.font.bold = row_number == 0


def _repeat_as_header(table: Table) -> None:
    """The first row repeats on every page the table spans (python-docx has no API for it)."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement('w:tblHeader')
    header.set(qn('w:val'), 'true')
    row_properties.append(header)


# --- Excel -----------------------------------------------------------------------------------------------------------


def plan_xlsx(state: tp.State, day: date, lang: str = 'nl') -> bytes:
    """The plan as a workbook: one row per item under a frozen header with a filter, dates as real dates; a second
    sheet holds the team and the date."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = label(lang, 'title')
    sheet.append([label(lang, name) for name, _ in _SHEET_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill('solid', fgColor='DDEBF7')
        cell.alignment = Alignment(vertical='top', wrap_text=True)
    date_format = 'DD-MM-YYYY' if lang == 'nl' else 'YYYY-MM-DD'
    for row, item in enumerate(state.items.values(), start=2):
        for column, (name, _) in enumerate(_SHEET_COLUMNS, start=1):
            cell = sheet.cell(row=row, column=column)
            if name in _DATE_FIELDS:
                text = getattr(item, name)
                cell.value = date.fromisoformat(text) if text else None
                cell.number_format = date_format
            else:
                cell.value = _value(item, name, lang)
                cell.data_type = 's'  # text is text: a leading '=' is never a formula
                cell.quotePrefix = cell.value[:1] in ('=', '+', '-', '@')
            cell.alignment = Alignment(vertical='top', wrap_text=True)
    last = get_column_letter(len(_SHEET_COLUMNS))
    sheet.auto_filter.ref = f'A1:{last}{len(state.items) + 1}'
    sheet.freeze_panes = 'A2'
    for column, (_, width) in enumerate(_SHEET_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    team = workbook.create_sheet(label(lang, 'team'))
    for name, value in [(label(lang, 'team'), state.team.name), *_meta(state, day, lang)]:
        team.append([name, value])
    team.column_dimensions['A'].width = 18
    team.column_dimensions['B'].width = 50
    workbook.properties.title = _title(state, lang)
    workbook.properties.creator = 'Samenspel'
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
        columns = [name for name, _ in (_DOCX_ESCALATION_COLUMNS if kind is tp.Kind.ESCALATIE else _DOCX_COLUMNS)]
        lines += [f'## {label(lang, f"heading.{kind.value}")}', '']
        lines.append('| ' + ' | '.join(md.cell(label(lang, name)) for name in columns) + ' |')
        lines.append('|' + '---|' * len(columns))
        lines += ['| ' + ' | '.join(md.cell(_value(item, name, lang)) for name in columns) + ' |' for item in items]
        lines.append('')
    return '\n'.join(lines).rstrip() + '\n'
