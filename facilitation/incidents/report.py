"""The trend analysis as an MT report: Word (a chart and a table per figure) and Excel (the tables, one sheet each).

Both are made from the suppressed tables only (analysis.Table holds no hidden count), with the same words as the
page (words.py): a hidden count is "< 5" or "afgeschermd" here too. The charts in Word are pictures drawn with Pillow
(kaleido, plotly's own renderer, needs a browser download): bars with their counts written beside them, the series
told apart by a hatch as well as by colour, the numbers again in the picture's alternative text.

python-docx, openpyxl and Pillow are imported at the first download (they would slow every start of the server).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..i18n import date_text, translate
from . import charts, words
from .analysis import Table

CHART_WIDTH_CM = 16.0


@dataclass(frozen=True)
class Scope:
    """What the report covers: one afdeling (None: all), the period, the minimum shown."""

    afdeling: str | None
    span: tuple[str, str]
    minimum: int

    def title(self, lang: str) -> str:
        scope = self.afdeling if self.afdeling else translate(lang, 'trend.all_afdelingen')
        return translate(lang, 'trend.report.title', scope=scope)

    def lines(self, lang: str, day: date) -> list[str]:
        found = [translate(lang, 'trend.report.intro', day=date_text(day, lang))]
        found.append(words.span_text(self.span, lang))
        found.append(translate(lang, 'trend.minimum_note', minimum=self.minimum))
        return [line for line in found if line]


def mt_docx(tables: Mapping[str, Table], scope: Scope, lang: str, day: date) -> bytes:
    """The MT report in Word: its title and scope, then per figure a heading, its chart as a picture, its trend in
    words, its table and what '< 5' and 'afgeschermd' mean."""
    from docx.shared import Cm

    from ..report_docx import grid_table, new_document

    document = new_document(scope.title(lang), lang, day)
    for line in scope.lines(lang, day):
        document.add_paragraph(line)
    for key, table in tables.items():
        document.add_heading(words.title(key, lang), level=1)
        document.add_paragraph(words.explanation(key, lang))
        if table.empty:
            document.add_paragraph(translate(lang, 'trend.no_causes' if key == 'oorzaken' else 'trend.nothing'))
            continue
        picture = io.BytesIO(chart_png(table, lang))
        shape = document.add_paragraph().add_run().add_picture(picture, width=Cm(CHART_WIDTH_CM))
        shape._inline.docPr.set('descr', charts.description(table, lang))
        for line in (words.trend_text(table, lang), words.span_text(table.previous, lang, 'trend.previous_span')):
            if line:
                document.add_paragraph(line)
        grid_table(document, words.header(table, lang), words.rows(table, lang))
        if legend := words.legend(table, lang):
            document.add_paragraph().add_run(legend).italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def mt_xlsx(tables: Mapping[str, Table], scope: Scope, lang: str, day: date) -> bytes:
    """The tables in Excel: a sheet with the scope and what the hidden counts mean, then a sheet per figure with its
    table (shown counts as numbers, hidden ones as their words), its trend under it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    notes = workbook.active
    assert notes is not None  # a new workbook has one sheet
    notes.title = translate(lang, 'trend.report.sheet')[:31]
    for line in [scope.title(lang), *scope.lines(lang, day), translate(lang, 'trend.legend', minimum=scope.minimum)]:
        notes.append([line])
    notes['A1'].font = Font(bold=True, size=14)
    notes.column_dimensions['A'].width = 110
    for key, table in tables.items():
        sheet = workbook.create_sheet(_sheet_name(words.title(key, lang)))
        sheet.append([words.title(key, lang)])
        sheet['A1'].font = Font(bold=True, size=13)
        header = words.header(table, lang)
        sheet.append(header)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill('solid', fgColor='DDEBF7')
            cell.alignment = Alignment(wrap_text=True, vertical='top')
        for cells in words.rows(table, lang):
            sheet.append([cells[0], *(_number(text) for text in cells[1:])])
            name = sheet.cell(row=sheet.max_row, column=1)
            name.data_type = 's'  # an organisation's own name is text: a leading '=' is never a formula
            name.quotePrefix = cells[0][:1] in ('=', '+', '-', '@')
        if not table.rows:
            sheet.append([translate(lang, 'trend.no_causes' if key == 'oorzaken' else 'trend.nothing')])
        for line in (words.trend_text(table, lang), words.span_text(table.span, lang), words.legend(table, lang)):
            if line:
                sheet.append([line])
        sheet.column_dimensions['A'].width = 34
        for column in range(2, len(header) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 16
        sheet.freeze_panes = 'B3'
    workbook.properties.title = scope.title(lang)
    workbook.properties.creator = 'Samenspel'
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number(text: str) -> int | str:
    """A shown count as a number Excel can add up; '< 5', 'afgeschermd' and '+3' as the text they are."""
    return int(text) if text.isdigit() else text


def _sheet_name(title: str) -> str:
    """A sheet's name: at most 31 characters, none of : \\ / ? * [ ]."""
    return ''.join(' ' if ch in ':\\/?*[]' else ch for ch in title)[:31]


# --- the charts as pictures (Pillow) ---------------------------------------------------------------------------------


def chart_png(table: Table, lang: str) -> bytes:
    """Horizontal bars, a group per row of the table (a bar per column: this and the previous period, a quarter),
    each with its count written beside it ("< 5", "afgeschermd" where hidden, with no bar), a hatch on every other
    series, a legend of the series when there is more than one (the trend is said in words under it)."""
    from PIL import Image, ImageDraw

    from ..report import _font, _text

    scale = 2
    font = _font(13 * scale)
    series = [words.column_label(table, c, lang) for c in table.columns]
    groups = [words.row_label(table, row, lang) for row in table.rows]
    width, row, gap = 640 * scale, 22 * scale, 8 * scale
    draw = ImageDraw.Draw(Image.new('RGB', (1, 1)))
    label_width = gap + max((draw.textlength(g, font=font) for g in groups), default=0) + 10 * scale
    label_width = min(label_width, width * 0.4)
    number_width = draw.textlength(translate(lang, 'trend.hidden') + '  ', font=font) + 10 * scale
    room = width - label_width - number_width - gap
    legend_height = row + gap if len(series) > 1 else 0
    height = legend_height + len(groups) * (len(series) * row + gap) + gap
    image = Image.new('RGB', (int(width), int(height)), 'white')
    draw = ImageDraw.Draw(image)
    most = max((v for cells in table.cells for v in cells if v is not None), default=0) or 1
    y: float = gap
    if len(series) > 1:
        x: float = gap
        for index, name in enumerate(series):
            _bar(draw, (x, y + 4 * scale, x + 28 * scale, y + row - 4 * scale), index, scale)
            _text(draw, (x + 34 * scale, y + row / 2), name, font)
            x += 44 * scale + draw.textlength(name, font=font)
        y += legend_height
    for r, (group, cells) in enumerate(zip(groups, table.cells, strict=True)):
        label = group
        while draw.textlength(label, font=font) > label_width - gap and len(label) > 2:
            label = label[:-2] + '…'
        _text(draw, (gap, y + len(series) * row / 2), label, font)
        for c, value in enumerate(cells):
            top = y + c * row
            length = room * (value or 0) / most
            if length >= 1:
                _bar(draw, (label_width, top + 3 * scale, label_width + length, top + row - 3 * scale), c, scale)
            text = words.count_text(table, f'cell {r} {c}', value, lang)
            _text(draw, (label_width + length + 6 * scale, top + row / 2), text, font)
        draw.line((label_width, y, label_width, y + len(series) * row), fill='black', width=scale)
        y += len(series) * row + gap
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    return buffer.getvalue()


def _bar(draw: Any, box: tuple[float, float, float, float], series: int, scale: int) -> None:
    """A bar in its series' colour, with white diagonal hatching on every other series (never colour alone)."""
    colour = charts.COLOURS[series % len(charts.COLOURS)]
    draw.rectangle(box, fill=colour, outline='black', width=1)
    if series % 2:
        x0, y0, x1, y1 = box
        step = 8 * scale
        start = x0 - (y1 - y0)
        while start < x1:
            a = (max(x0, start), y1 - (max(x0, start) - start))
            b = (min(x1, start + (y1 - y0)), y1 - (min(x1, start + (y1 - y0)) - start))
            draw.line((*a, *b), fill='white', width=scale)
            start += step
