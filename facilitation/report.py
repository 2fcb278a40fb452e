"""The session report: everything a werkoverleg produced, as Markdown and as a Word document.

Made from the session's state and its team's plan alone: the agenda (time planned and used), the checklist, every
activity's outcome, the cards set aside, the agreements and what went into the team plan. Participants appear only
as counts; no participant, device or facilitator id reaches a report.
"""

from __future__ import annotations

import importlib.util
import io
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from . import markdown_text as md
from . import teamplan as tp
from . import teamplan_export as tx
from .export import (
    outcome_markdown,
    outcome_of,
)
from .i18n import translate
from .session import Activity, SessionState, time_used
from .werkvormen import outcome as oc
from .werkvormen.registry import werkvorm_name

CHARTS = importlib.util.find_spec('PIL') is not None  # bar charts of the statements' results need Pillow
_CHART_WIDTH_CM = 14.0
_COLOURS = ('#2e7d32', '#b71c1c')  # the first choice (eens) green, the second (oneens) red


def word(lang: str, key: str, **params: object) -> str:
    """A word of the report from the string table."""
    return translate(lang, key, **params)


def session_day(state: SessionState) -> date:
    return datetime.fromtimestamp(state.created_at, UTC).date()


def _minutes(seconds: float) -> int:
    """Whole minutes, a half rounded up (2.5 -> 3) as people round."""
    return int(seconds / 60 + 0.5)


def agenda_rows(state: SessionState, lang: str, now: float) -> list[list[str]]:
    """(part, werkvorm, planned minutes, minutes used) per activity, then the totals; '–' : not planned."""
    used = time_used(state, now)
    rows = [
        [a.title, werkvorm_name(a.kind, lang), str(a.minutes) if a.minutes else '–', str(_minutes(used.get(a.id, 0)))]
        for a in state.activities.values()
    ]
    planned = sum(a.minutes for a in state.activities.values())
    rows.append([word(lang, 'report.total'), '', str(planned) if planned else '–', str(_minutes(sum(used.values())))])
    return rows


def agenda_header(lang: str) -> list[str]:
    return [word(lang, f'report.{key}') for key in ('part', 'werkvorm', 'planned', 'used')]


Outcomes = list[tuple[Activity, oc.Outcome]]


def outcomes(state: SessionState, lang: str) -> Outcomes:
    """Every activity with its outcome, in programme order (made once per report)."""
    return [(activity, outcome_of(activity, state, lang)) for activity in state.activities.values()]


def aside_rows(found: Outcomes) -> list[list[str]]:
    """(question, why, part) of every question set aside in any activity of the session (a quiz's cards)."""
    return [[question, why, activity.title] for activity, outcome in found for question, why in outcome.set_aside]


def agreement_header(lang: str) -> list[str]:
    return [
        word(lang, 'report.kind'),
        word(lang, 'report.agreements'),
        tx.label(lang, 'owner'),
        tx.label(lang, 'term'),
    ]


def agreement_rows(found: Outcomes, lang: str) -> list[list[str]]:
    """Every agreement made in the session (kind, agreement, owner, term), from every activity's outcome."""
    return [
        [agreement.kind, agreement.text, agreement.owner, tx.date_text(agreement.term, lang)]
        for _, outcome in found
        for agreement in outcome.agreements
    ]


def added_items(state: SessionState, plan: tp.State | None) -> list[tp.Item]:
    """The plan's items that came from this session."""
    if plan is None or not state.code:
        return []
    return [item for item in plan.items.values() if item.origin.session_code == state.code]


def added_header(lang: str) -> list[str]:
    return [tx.label(lang, name) for name in ('what', 'kind', 'owner', 'term')]


def added_row(lang: str, item: tp.Item) -> list[str]:
    return [item.what, tx.label(lang, f'kind.{item.kind.value}'), item.owner, tx.date_text(item.term, lang)]


# --- Markdown --------------------------------------------------------------------------------------------------------


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return outcome_markdown((oc.Table(tuple(header), tuple(tuple(row) for row in rows)),), 'report')


def session_report_markdown(
    state: SessionState, plan: tp.State | None, lang: str = 'nl', now: float | None = None
) -> str:
    """The session report as Markdown (see the module's docstring for what is in it); everything people typed is
    literal text, never Markdown or HTML."""
    now = time.time() if now is None else now
    lines = [f'# {md.text(word(lang, "report.title", name=state.name))}', '']
    if state.team:
        lines.append(f'{translate(lang, "home.team")}: {md.text(state.team)}  ')
    lines.append(f'{tx.label(lang, "date")}: {tx.date_text(session_day(state), lang)}  ')
    lines += [word(lang, 'report.participants', n=len(state.participants)), '']
    lines += [f'## {word(lang, "report.agenda")}', '']
    lines += _md_table(agenda_header(lang), agenda_rows(state, lang, now)) if state.activities else ['-', '']
    if state.checklist:
        lines += [f'## {word(lang, "report.checklist")}', '']
        lines += [f'- [{"x" if aim.done else " "}] {md.text(aim.text)}' for aim in state.checklist] + ['']
    found = outcomes(state, lang)
    for activity, outcome in found:
        lines += [f'## {md.text(activity.title)}', '', f'*{werkvorm_name(activity.kind, lang)}*', '']
        lines += outcome_markdown(outcome.blocks, 'report') or [word(lang, 'report.nothing'), '']  # said: nothing yet
    aside = aside_rows(found)
    if aside:
        lines += [f'## {word(lang, "report.aside")}', '']
        lines += _md_table([word(lang, 'report.question'), word(lang, 'report.why'), word(lang, 'report.part')], aside)
    agreements = agreement_rows(found, lang)
    if agreements:
        lines += [f'## {word(lang, "report.agreements")}', '', *_md_table(agreement_header(lang), agreements)]
    lines += [f'## {word(lang, "report.added")}', '']
    items = added_items(state, plan)
    if items:
        lines += _md_table(added_header(lang), [added_row(lang, item) for item in items])
    else:
        lines += [word(lang, 'report.added_none' if plan is not None else 'report.no_plan'), '']
    return '\n'.join(lines).rstrip() + '\n'


# --- Word ------------------------------------------------------------------------------------------------------------


def _table(document: DocumentType, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A grid table with a bold header row that repeats on every page; a row shorter than the header spans its last
    cell over the rest."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = 'Table Grid'
    tx._repeat_as_header(table)
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
            _table(document, header, rows)
        case oc.Chart(choices, rounds):
            shown = [r for r in rounds if r.shown]
            if shown and CHARTS:
                _chart(document, lang, [word for _, word in choices], shown)
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


def chart_description(lang: str, rounds: Sequence[oc.Round]) -> str:
    """The chart's numbers in words, for its alternative text."""
    return '; '.join(
        word(lang, 'report.chart', label=r.label, eens=r.counts[0], eens_pct=r.percents[0], oneens=r.counts[1],
             oneens_pct=r.percents[1])
        for r in rounds
    )  # fmt: skip


def chart_png(choices: Sequence[str], rounds: Sequence[oc.Round]) -> bytes:
    """Horizontal bars of the two choices per round, each with its count and percentage written beside it (the
    numbers carry the result, the colour only helps). Needs Pillow."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 2
    try:
        font: Any = ImageFont.load_default(size=13 * scale)
    except TypeError:  # Pillow before 10.1: the small bitmap font
        font = ImageFont.load_default()
    width, row, gap = 600 * scale, 24 * scale, 10 * scale
    bars = [
        (f'{r.label} · {choice}', count, percent, colour)
        for r in rounds
        for choice, count, percent, colour in zip(choices, r.counts, r.percents, _COLOURS, strict=True)
    ]
    height = len(bars) * row + (len(rounds) - 1) * gap + 2 * gap
    image = Image.new('RGB', (width, height), 'white')
    draw = ImageDraw.Draw(image)
    label_width = gap + max(draw.textlength(bar[0], font=font) for bar in bars) + 12 * scale
    number_width = draw.textlength('999 (100%)', font=font) + 12 * scale
    room = width - label_width - number_width - gap
    y = gap
    for index, (label, count, percent, colour) in enumerate(bars):
        if index and index % 2 == 0:
            y += gap
        middle = y + row // 2
        _text(draw, (gap, middle), label, font)
        length = room * percent / 100
        top, bottom = y + 3 * scale, y + row - 3 * scale
        if length >= 1:
            draw.rectangle((label_width, top, label_width + length, bottom), fill=colour)
        draw.line((label_width, y, label_width, y + row), fill='black', width=scale)
        _text(draw, (label_width + length + 6 * scale, middle), f'{count} ({percent}%)', font)
        y += row
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    return buffer.getvalue()


def _text(draw: Any, at: tuple[float, float], text: str, font: Any) -> None:
    """Black text whose left edge is at x and whose middle is at y (bitmap fonts have no anchors)."""
    left, top, _, bottom = draw.textbbox((0, 0), text, font=font)
    draw.text((at[0] - left, at[1] - (top + bottom) / 2), text, fill='black', font=font)


def _chart(document: DocumentType, lang: str, choices: Sequence[str], rounds: Sequence[oc.Round]) -> None:
    """The chart as a picture with its numbers also in its alternative text (for screen readers)."""
    picture = io.BytesIO(chart_png(choices, rounds))
    shape = document.add_paragraph().add_run().add_picture(picture, width=Cm(_CHART_WIDTH_CM))
    shape._inline.docPr.set('descr', chart_description(lang, rounds))


def _activity_docx(document: DocumentType, outcome: oc.Outcome, lang: str) -> None:
    """One activity's outcome; 'no outcome yet' when its werkvorm had nothing to write."""
    before = len(document.element.body)
    outcome_docx(document, outcome.blocks, lang)
    if len(document.element.body) == before:
        document.add_paragraph(word(lang, 'report.nothing'))


def _checkbox(paragraph_text: str, done: bool) -> str:
    return f'{"[x]" if done else "[ ]"} {paragraph_text}'  # no ballot-box glyph: the reader's font may lack it


def session_report_docx(
    state: SessionState, plan: tp.State | None, lang: str = 'nl', now: float | None = None
) -> bytes:
    """The session report as a Word document: headings, the agenda table, the checklist, per activity its outcome
    (tables where they fit, bar charts of the statements when Pillow is installed), the cards set aside, the
    agreements and the items added to the team plan."""
    now = time.time() if now is None else now
    day = session_day(state)
    document = Document()
    section = document.sections[0]
    for side in ('left_margin', 'right_margin'):
        setattr(section, side, Cm(2.0))
    document.styles['Normal'].font.size = Pt(10)
    title = word(lang, 'report.title', name=state.name)
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = 'Samenspel'
    properties.created = properties.modified = datetime(day.year, day.month, day.day)
    properties.language = lang
    document.add_heading(title, level=0)
    meta = [f'{translate(lang, "home.team")}: {state.team}'] if state.team else []
    meta += [
        f'{tx.label(lang, "date")}: {tx.date_text(day, lang)}',
        word(lang, 'report.participants', n=len(state.participants)),
    ]
    document.add_paragraph(' · '.join(meta))
    document.add_heading(word(lang, 'report.agenda'), level=1)
    if state.activities:
        agenda = _table(document, agenda_header(lang), agenda_rows(state, lang, now))
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
        _table(document, [word(lang, 'report.question'), word(lang, 'report.why'), word(lang, 'report.part')], aside)
    agreements = agreement_rows(found, lang)
    if agreements:
        document.add_heading(word(lang, 'report.agreements'), level=1)
        _table(document, agreement_header(lang), agreements)
    document.add_heading(word(lang, 'report.added'), level=1)
    items = added_items(state, plan)
    if items:
        _table(document, added_header(lang), [added_row(lang, item) for item in items])
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
