"""The session report as a Word document: the same content as its Markdown (report.py), with tables, bar charts and
heatmaps as pictures.

Kept apart from report.py because python-docx takes a noticeable part of the server's start to import: this module is
imported at the first Word download, through report.session_report_docx.
"""

from __future__ import annotations

import io
import time
from collections.abc import Sequence
from datetime import date, datetime

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from . import report  # report.CHARTS read at each use: whether Pillow draws the pictures
from . import teamplan as tp
from . import teamplan_export as tx
from .i18n import translate
from .report import (
    added_header,
    added_items,
    added_row,
    agenda_header,
    agenda_rows,
    agreement_header,
    agreement_rows,
    aside_rows,
    chart_description,
    chart_png,
    heatmap_png,
    outcomes,
    session_day,
    word,
)
from .session import SessionState
from .teamplan_office import repeat_as_header
from .werkvormen import outcome as oc
from .werkvormen.registry import werkvorm_name

_CHART_WIDTH_CM = 14.0
_HEATMAP_WIDTH_CM = 17.0


def grid_table(document: DocumentType, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A grid table with a bold header row that repeats on every page; a row shorter than the header spans its last
    cell over the rest."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = 'Table Grid'
    repeat_as_header(table)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    for row in rows:
        cells = table.add_row().cells
        if len(row) < len(cells):
            cells = [*cells[: len(row) - 1], cells[len(row) - 1].merge(cells[-1])]
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return table


def outcome_docx(document: DocumentType, blocks: tuple[oc.Block, ...], lang: str) -> None:
    """An outcome's blocks as the Word report tells them."""
    for block in oc.told(blocks, 'document'):
        _docx(document, block, lang)


def _docx(document: DocumentType, block: oc.Block, lang: str) -> None:
    match block:
        case oc.Heading():
            _heading(document, block)
        case oc.Paragraph(text, strong, after):
            paragraph = document.add_paragraph()
            paragraph.add_run(text).bold = strong or None
            if after:
                paragraph.add_run(f' {after}')
        case oc.Labelled(label, text, inline) if inline:
            paragraph = document.add_paragraph()
            paragraph.add_run(f'{label}: ').bold = True
            paragraph.add_run(text)
        case oc.Labelled(label, text):
            _labelled(document, label, text)
        case oc.Bullets(items):
            _bullets(document, [oc.plain(item) for item in items])
        case oc.Numbered(entries):
            for entry in entries:
                document.add_paragraph(f'{entry.number}. {entry.text}{entry.after}')
                for text, after in entry.lines:
                    document.add_paragraph(f'{text}{after}')
        case oc.Table(header, rows):
            grid_table(document, header, rows)
        case oc.Chart(choices, rounds):
            shown = [r for r in rounds if r.shown]
            if shown and report.CHARTS:
                _chart(document, lang, [word for _, word in choices], shown)
        case oc.Heatmap():
            _heatmap(document, block)
        case oc.Placeholder():
            document.add_paragraph('-')
        case oc.Section(heading, blocks):
            title, before = _heading(document, heading), len(document.element.body)
            for inner in blocks:
                _docx(document, inner, lang)
            if len(document.element.body) == before:  # its blocks said nothing here: no heading over nothing
                document.element.body.remove(title._p)


def _heading(document: DocumentType, heading: oc.Heading) -> Paragraph:
    text = heading.text if heading.number is None else f'{heading.number}. {heading.text}'
    return document.add_heading(text, level=heading.level + 1)


def _labelled(document: DocumentType, name: str, text: str) -> None:
    """A bold label on its own line, then the text."""
    document.add_paragraph().add_run(name).bold = True
    document.add_paragraph(text)


def _bullets(document: DocumentType, texts: Sequence[str]) -> None:
    for text in texts:
        document.add_paragraph(text, style='List Bullet')


def _chart(document: DocumentType, lang: str, choices: Sequence[str], rounds: Sequence[oc.Round]) -> None:
    """The chart as a picture with its numbers also in its alternative text (for screen readers)."""
    picture = io.BytesIO(chart_png(choices, rounds))
    shape = document.add_paragraph().add_run().add_picture(picture, width=Cm(_CHART_WIDTH_CM))
    shape._inline.docPr.set('descr', chart_description(lang, rounds))


def _heatmap(document: DocumentType, heatmap: oc.Heatmap) -> None:
    """The heatmap as a picture with its numbers in its alternative text, its title as a caption under it; a table
    where Pillow is missing."""
    if not heatmap.rows:
        return
    if not report.CHARTS:
        noted = bool(heatmap.notes)
        header = [heatmap.corner, *heatmap.columns, *([heatmap.note_header] if noted else [])]
        rows = [
            [row, *map(str, counts), *([heatmap.notes[i] if i < len(heatmap.notes) else ''] if noted else [])]
            for i, (row, counts) in enumerate(zip(heatmap.rows, heatmap.counts, strict=True))
        ]
        grid_table(document, header, rows)
        return
    picture = io.BytesIO(heatmap_png(heatmap))
    shape = document.add_paragraph().add_run().add_picture(picture, width=Cm(_HEATMAP_WIDTH_CM))
    shape._inline.docPr.set('descr', heatmap.description())
    if heatmap.title:
        shape._inline.docPr.set('title', heatmap.title)
        document.add_paragraph().add_run(heatmap.title).italic = True


def _activity_docx(document: DocumentType, outcome: oc.Outcome, lang: str) -> None:
    """One activity's outcome; 'no outcome yet' when its werkvorm had nothing to write."""
    before = len(document.element.body)
    outcome_docx(document, outcome.blocks, lang)
    if len(document.element.body) == before:
        document.add_paragraph(word(lang, 'report.nothing'))


def _checkbox(paragraph_text: str, done: bool) -> str:
    return f'{"[x]" if done else "[ ]"} {paragraph_text}'  # no ballot-box glyph: the reader's font may lack it


def new_document(title: str, lang: str, day: date) -> DocumentType:
    """A Word document as Samenspel writes them: 2 cm side margins, 10 pt, its title, language and day in its
    properties and its title as its first heading."""
    document = Document()
    for side in ('left_margin', 'right_margin'):
        setattr(document.sections[0], side, Cm(2.0))
    document.styles['Normal'].font.size = Pt(10)
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = 'Samenspel'
    properties.created = properties.modified = datetime(day.year, day.month, day.day)
    properties.language = lang
    document.add_heading(title, level=0)
    return document


def session_report_docx(
    state: SessionState, plan: tp.State | None, lang: str = 'nl', now: float | None = None
) -> bytes:
    """The session report as a Word document: headings, the agenda table, the checklist, per activity its outcome
    (tables where they fit, bar charts of the statements and the leerdoelwijzers' heatmaps as pictures when Pillow
    is installed), the cards set aside, the
    agreements and the items added to the team plan."""
    now = time.time() if now is None else now
    day = session_day(state)
    title = word(lang, 'report.title', name=state.name)
    document = new_document(title, lang, day)
    meta = [f'{translate(lang, "home.team")}: {state.team}'] if state.team else []
    meta += [
        f'{tx.label(lang, "date")}: {tx.date_text(day, lang)}',
        word(lang, 'report.participants', n=len(state.participants)),
    ]
    document.add_paragraph(' · '.join(meta))
    document.add_heading(word(lang, 'report.agenda'), level=1)
    if state.activities:
        agenda = grid_table(document, agenda_header(lang), agenda_rows(state, lang, now))
        for run in (r for cell in agenda.rows[-1].cells for p in cell.paragraphs for r in p.runs):
            run.font.bold = True  # the totals
    else:
        document.add_paragraph(word(lang, 'report.no_activities'))
    if state.checklist:
        document.add_heading(word(lang, 'report.checklist'), level=1)
        for aim in state.checklist:
            document.add_paragraph(_checkbox(aim.text, aim.done))
    found = outcomes(state, lang)
    for activity, outcome in found:
        document.add_heading(activity.title, level=1)
        document.add_paragraph().add_run(werkvorm_name(activity.kind, lang)).italic = True
        _activity_docx(document, outcome, lang)
    aside = aside_rows(found)
    if aside:
        document.add_heading(word(lang, 'report.aside'), level=1)
        grid_table(
            document,
            [word(lang, 'report.question'), word(lang, 'report.why'), word(lang, 'report.part')],
            aside,
        )
    agreements = agreement_rows(found, lang)
    if agreements:
        document.add_heading(word(lang, 'report.agreements'), level=1)
        grid_table(document, agreement_header(lang), agreements)
    document.add_heading(word(lang, 'report.added'), level=1)
    items = added_items(state, plan)
    if items:
        grid_table(document, added_header(lang), [added_row(lang, item) for item in items])
    else:
        document.add_paragraph(word(lang, 'report.added_none' if plan is not None else 'report.no_plan'))
    _keep_language(document, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _keep_language(document: DocumentType, lang: str) -> None:
    """The document's default proofing language (Dutch or English), so Word checks the spelling in the right one."""
    defaults = document.styles.element.find(qn('w:docDefaults'))
    if defaults is None:
        return
    run_defaults = defaults.find(qn('w:rPrDefault'))
    properties = run_defaults.find(qn('w:rPr')) if run_defaults is not None else None
    if properties is None:
        return
    language = properties.find(qn('w:lang'))
    if language is None:
        language = OxmlElement('w:lang')
        properties.append(language)
    language.set(qn('w:val'), 'nl-NL' if lang == 'nl' else 'en-GB')
