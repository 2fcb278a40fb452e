"""The session report: everything a werkoverleg produced, as Markdown and as a Word document.

Made from the session's state and its team's plan alone: the agenda (time planned and used), the checklist, every
activity's outcome, the cards set aside, the agreements and what went into the team plan. Participants appear only
as counts; no participant, device or facilitator id reaches a report. The Word document is written by report_docx,
imported at its first download; this module holds what both formats use, the Markdown and the pictures.
"""

from __future__ import annotations

import importlib.util
import io
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

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

CHARTS = importlib.util.find_spec('PIL') is not None  # bar charts and heatmaps as pictures need Pillow
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


# --- Word: report_docx writes it, imported at the first download (python-docx adds a noticeable part to the
# server's start, which does not need it) -----------------------------------------------------------------------------


def session_report_docx(
    state: SessionState, plan: tp.State | None, lang: str = 'nl', now: float | None = None
) -> bytes:
    """The session report as a Word document (see report_docx.session_report_docx)."""
    from . import report_docx

    return report_docx.session_report_docx(state, plan, lang, now)


# --- Pictures in the Word report: bar charts and heatmaps (Pillow, imported when one is drawn) ----------------------


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


def _font(size: int) -> Any:
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow before 10.1: the small bitmap font
        return ImageFont.load_default()


def _wrapped(draw: Any, text: str, font: Any, width: float, most: int) -> list[str]:
    """`text` in lines no wider than `width`, at most `most` of them (the last cut with '…' when it goes on)."""
    lines: list[str] = []
    line = ''
    for word_ in text.split():
        candidate = f'{line} {word_}' if line else word_
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word_
    lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] += ' …'
    for index, text_line in enumerate(lines):  # one word wider than the width: cut too
        while draw.textlength(text_line, font=font) > width and len(text_line) > 2:
            text_line = text_line[:-2] + '…'
        lines[index] = text_line
    return lines


def heatmap_png(heatmap: oc.Heatmap) -> bytes:
    """The heatmap as a picture: a row per item (its text, cut to two lines), a column per answer, each cell shaded
    by its count and the count written in it, the row's note at its end. Needs Pillow."""
    from PIL import Image, ImageDraw

    scale = 2
    font, bold = _font(12 * scale), _font(12 * scale)
    width, gap, line = 900 * scale, 8 * scale, 15 * scale
    draw = ImageDraw.Draw(Image.new('RGB', (1, 1)))
    label_width = 0.45 * width
    note_width = max((draw.textlength(note, font=font) + 2 * gap for note in heatmap.notes), default=0)
    column = (width - label_width - note_width - 2 * gap) / max(1, len(heatmap.columns))
    heads = [_wrapped(draw, text, bold, column - gap, 3) for text in heatmap.columns]
    head_height = max((len(h) for h in heads), default=1) * line + 2 * gap
    labels = [_wrapped(draw, text, font, label_width - 2 * gap, 2) for text in heatmap.rows]
    row_height = 2 * line + gap
    height = head_height + len(heatmap.rows) * row_height + gap
    image = Image.new('RGB', (width, height), 'white')
    draw = ImageDraw.Draw(image)
    most = max((count for counts in heatmap.counts for count in counts), default=0)
    left = gap + label_width
    for index, head in enumerate(heads):
        for number, text in enumerate(head):
            x = left + index * column + (column - draw.textlength(text, font=bold)) / 2
            _text(draw, (x, gap + number * line + line / 2), text, bold)
    y = head_height
    for row_index, (label, counts) in enumerate(zip(labels, heatmap.counts, strict=True)):
        top = y + (row_height - len(label) * line) / 2
        for number, text in enumerate(label):
            _text(draw, (gap, top + number * line + line / 2), text, font)
        for index, count in enumerate(counts):
            background, colour = oc.shade(count, most)
            x0 = left + index * column
            draw.rectangle((x0, y, x0 + column, y + row_height), fill=background, outline='#9ca3af', width=scale)
            number_text = str(count)
            x = x0 + (column - draw.textlength(number_text, font=font)) / 2
            left_edge, top_edge, _, bottom_edge = draw.textbbox((0, 0), number_text, font=font)
            middle = y + row_height / 2
            draw.text((x - left_edge, middle - (top_edge + bottom_edge) / 2), number_text, fill=colour, font=font)
        if row_index < len(heatmap.notes) and heatmap.notes[row_index]:
            _text(draw, (left + len(counts) * column + gap, y + row_height / 2), heatmap.notes[row_index], font)
        y += row_height
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    return buffer.getvalue()
