"""The team plan as the files teams use: Word (.docx), Excel (.xlsx), CSV and Markdown.

Every function returns bytes or text; the caller writes or sends them. Only what people typed or chose is shown
(names of owners, texts); the plan holds no device or participant ids. Dates are passed in, never read. Items carry
their number (p1, p2, ...) in every file, so "doorgeschoven van p2" points at a row the reader can find; what an open
item still lacks is said in words (Word and Markdown in its own cell, the spreadsheets in a column of its own).

Leerdoelen door de tijd, the team's leerdoelwijzer and ontwikkelmatrix rounds the plan keeps (team-level shares of
need only), follow the items: in Word and Markdown per instrument per round a table of its topics with the need and
the change since the round before in words, in the workbook a sheet of their own, in the CSV a table of their own
after an empty line.
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date

from . import markdown_text as md
from . import teamplan as tp
from .i18n import date_text, translate
from .werkvormen.registry import werkvorm_name

# Word tables: (field, width in cm) on a landscape A4 page with 1.5 cm margins (26.7 cm to fill). Each column holds
# its longest word at 9 pt (Coördinator, Doorgeschoven, 30-06-2025) with the cell's margins; what an agreement rests on
# (op basis waarvan) and an escalation's four fields of its own go in a second row under the item, across the
# columns, rather than eleven narrow columns; so does a learning goal's kind of offer.
DOCX_COLUMNS = (
    ('id', 1.1),
    ('what', 6.6),
    ('result', 5.8),
    ('term', 2.4),
    ('owner', 3.0),
    ('status', 2.9),
    ('origin', 4.9),
)
# Markdown has no second row: an escalation's fields are columns there.
_MD_ESCALATION_COLUMNS = (*DOCX_COLUMNS[:-1], *((name, 0.0) for name in tp.ESCALATION_FIELDS), DOCX_COLUMNS[-1])
# Spreadsheet rows (xlsx and CSV): (field, column width in characters). Narrow enough that the sheet prints one page
# wide on landscape A4; long texts wrap into taller rows instead.
SHEET_COLUMNS = (
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
    ('offer', 20),
)
DATE_FIELDS = frozenset({'term', 'follow_up'})
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


def field_value(item: tp.Item, name: str, lang: str) -> str:
    """A field as text for people (labels for kind and status, dates as they read them)."""
    if name == 'kind':
        return label(lang, f'kind.{item.kind.value}')
    if name == 'status':
        return label(lang, f'status.{item.status.value}')
    if name == 'offer':
        return label(lang, f'offer.{item.offer}') if item.offer else ''
    if name == 'origin':
        return origin_text(item, lang)
    if name == 'missing':
        return missing_text(item, lang)
    if name in DATE_FIELDS:
        return date_text(getattr(item, name), lang)
    if name == 'session':
        return _session(item.origin)
    if name == 'werkvorm':
        return werkvorm_name(item.origin.werkvorm, lang) if item.origin.werkvorm else ''
    if name in ('activity', 'source_text'):
        return str(getattr(item.origin, name))
    return str(getattr(item, name))


def document_field_value(state: tp.State, item: tp.Item, name: str, lang: str) -> str:
    """A field as a document (Word, Markdown) shows it: what an open item lacks says so in its own cell, and the
    origin names the item that carries it on."""
    if name in tp.missing(item):
        return label(lang, 'to_fill')
    if name == 'origin':
        return origin_text(item, lang, moved_to=tp.successor(state, item.id))
    return field_value(item, name, lang)


def plan_meta(state: tp.State, day: date, lang: str) -> list[tuple[str, str]]:
    team = state.team
    rows = [('unit', team.unit), ('function_group', team.function_group), ('date', date_text(day, lang))]
    return [(label(lang, key), value) for key, value in rows if value]


def plan_title(state: tp.State, lang: str) -> str:
    return f'{label(lang, "title")} {state.team.name}'.strip()


# --- over time: the leerdoelwijzer's and the ontwikkelmatrix's rounds -------------------------------------------------


def whole_percent(share: float) -> int:
    """A share (or a change of one) in whole percent, halves away from zero as people round (12.5 -> 13)."""
    return int(math.copysign(math.floor(abs(share) * 100 + 0.5), share))


def percent(share: float) -> str:
    """A share as people read it: '42%'."""
    return f'{whole_percent(share)}%'


def change_points(change: float | None) -> int | None:
    """A change of a share in whole percentage points (None: nothing to compare with)."""
    return None if change is None else whole_percent(change)


def change_text(change: float | None, first: bool, lang: str) -> str:
    """The change since the round before in words (never a colour or a sign alone): '13 procentpunt minder
    behoefte', 'gelijk gebleven', 'eerste ronde', 'niet in de ronde ervoor'."""
    points = change_points(change)
    if points is None:
        return label(lang, 'change.first' if first else 'change.new')
    if points == 0:
        return label(lang, 'change.same')
    return label(lang, 'change.more' if points > 0 else 'change.less', points=str(abs(points)))


def instrument_name(instrument: str, lang: str) -> str:
    return label(lang, f'instrument.{instrument}')


def round_title(measured: tp.MeasuredRound, lang: str) -> str:
    """'Ronde van 10-03-2025 · Leerdoelwijzer BOA · Werkoverleg maart' (the session by its name, else its code)."""
    m = measured.measurement
    parts = (label(lang, 'round_of', date=date_text(m.at, lang)), m.title, m.session_name or m.session_code)
    return ' · '.join(dict.fromkeys(part for part in parts if part))


def over_time_rows(state: tp.State, lang: str) -> list[tuple[str, str, str, str, int, int | None, str]]:
    """Every section of every round kept over time, as one row each: (instrument, the round's date 'YYYY-MM-DD',
    the round, the topic, the need in percent, the change in percentage points or None, the change in words)."""
    rows = []
    for instrument, rounds in tp.over_time(state).items():
        for number, measured in enumerate(rounds):
            for section in measured.sections:
                rows.append(
                    (
                        instrument_name(instrument, lang),
                        measured.measurement.at,
                        round_title(measured, lang),
                        section.title,
                        whole_percent(section.share),
                        change_points(section.change),
                        change_text(section.change, number == 0, lang),
                    )
                )
    return rows


def over_time_tables(state: tp.State, lang: str) -> list[tuple[str, list[tuple[str, list[tuple[str, str, str]]]]]]:
    """Per instrument its rounds, each with its rows (topic, need, change in words), for Word and Markdown."""
    return [
        (
            instrument_name(instrument, lang),
            [
                (
                    round_title(measured, lang),
                    [(s.title, percent(s.share), change_text(s.change, number == 0, lang)) for s in measured.sections],
                )
                for number, measured in enumerate(rounds)
            ],
        )
        for instrument, rounds in tp.over_time(state).items()
    ]


OVER_TIME_HEADER = ('topic', 'need', 'change')  # Word and Markdown: a table per round
# The workbook's sheet and the CSV's table: a row per topic per round, (field, column width in characters).
OVER_TIME_COLUMNS = (
    ('instrument', 18),
    ('date', 12),
    ('round', 36),
    ('topic', 36),
    ('need_percent', 14),
    ('change_points', 14),
    ('change', 30),
)


def item_groups(state: tp.State) -> list[tuple[tp.Kind, tuple[tp.Item, ...]]]:
    return [(kind, items) for kind, items in tp.items_by_kind(state).items() if items]


# --- Word and Excel: teamplan_office writes them, imported at the first download (python-docx and openpyxl add a
# noticeable part to the server's start, which does not need them) ---------------------------------------------------


def plan_docx(state: tp.State, day: date, lang: str = 'nl') -> bytes:
    """The plan as a Word document on landscape A4 (see teamplan_office.plan_docx)."""
    from . import teamplan_office

    return teamplan_office.plan_docx(state, day, lang)


def plan_xlsx(state: tp.State, day: date, lang: str = 'nl') -> bytes:
    """The plan as a workbook (see teamplan_office.plan_xlsx)."""
    from . import teamplan_office

    return teamplan_office.plan_xlsx(state, day, lang)


# --- CSV and Markdown ------------------------------------------------------------------------------------------------


def _csv_cell(text: str) -> str:
    """Text that a spreadsheet would read as a formula (=, +, -, @) is kept as text."""
    return "'" + text if text[:1] in ('=', '+', '-', '@', '\t', '\r') else text


def plan_csv(state: tp.State, lang: str = 'nl') -> bytes:
    """One row per item, the same columns as the workbook, in UTF-8 with a BOM and ';' between fields.

    Dutch Excel uses ';' as its list separator (the comma is the decimal sign), so a double-click opens this file
    in columns; the BOM makes it read UTF-8 (é, ë, ’) instead of the ANSI code page. Dates are ISO (YYYY-MM-DD),
    which Excel and LibreOffice recognise as dates in every locale. The rounds kept over time, if any, follow after an
    empty line as a table of their own (its title, its header, a row per topic per round)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=';', lineterminator='\r\n')
    writer.writerow([label(lang, name) for name, _ in SHEET_COLUMNS])
    for item in state.items.values():
        writer.writerow(
            [
                getattr(item, name) if name in DATE_FIELDS else _csv_cell(field_value(item, name, lang))
                for name, _ in SHEET_COLUMNS
            ]
        )
    rows = over_time_rows(state, lang)
    if rows:  # leerdoelen door de tijd: after an empty line, a table of its own
        writer.writerow([])
        writer.writerow([label(lang, 'over_time')])
        writer.writerow([label(lang, name) for name, _ in OVER_TIME_COLUMNS])
        for instrument, at, title, topic, need, points, words in rows:
            texts = [_csv_cell(text) for text in (instrument, title, topic, words)]
            writer.writerow([texts[0], at, texts[1], texts[2], need, '' if points is None else points, texts[3]])
    return buffer.getvalue().encode('utf-8-sig')


def plan_markdown(state: tp.State, day: date, lang: str = 'nl') -> str:
    """The plan as Markdown: title and team, then per kind a heading and a table (as in the Word document); what
    people typed is literal text, never Markdown or HTML."""
    lines = [f'# {md.text(plan_title(state, lang))}', '']
    lines += [f'- {name}: {md.text(value)}' for name, value in plan_meta(state, day, lang)]
    lines += ['', label(lang, 'intro'), '']
    groups = item_groups(state)
    if not groups:
        lines += [label(lang, 'empty'), '']
    for kind, items in groups:
        columns = [name for name, _ in (_MD_ESCALATION_COLUMNS if kind is tp.Kind.ESCALATIE else DOCX_COLUMNS)]
        if any(item.basis for item in items):  # what the agreements rest on, after their expected result
            columns.insert(columns.index('result') + 1, 'basis')
        if any(item.offer for item in items):  # a learning goal's kind of offer, after its expected result
            columns.insert(columns.index('result') + 1, 'offer')
        lines += [f'## {label(lang, f"heading.{kind.value}")}', '']
        lines.append('| ' + ' | '.join(md.cell(label(lang, name)) for name in columns) + ' |')
        lines.append('|' + '---|' * len(columns))
        lines += [
            '| ' + ' | '.join(md.cell(document_field_value(state, item, name, lang)) for name in columns) + ' |'
            for item in items
        ]
        lines.append('')
    tables = over_time_tables(state, lang)
    if tables:
        lines += [f'## {label(lang, "over_time")}', '', label(lang, 'over_time.intro'), '']
        for instrument, rounds in tables:
            lines += [f'### {md.text(instrument)}', '']
            for title, rows in rounds:
                lines += [f'**{md.text(title)}**', '']
                lines.append('| ' + ' | '.join(md.cell(label(lang, name)) for name in OVER_TIME_HEADER) + ' |')
                lines.append('|' + '---|' * len(OVER_TIME_HEADER))
                lines += ['| ' + ' | '.join(md.cell(text) for text in row) + ' |' for row in rows]
                lines.append('')
    return '\n'.join(lines).rstrip() + '\n'
