"""Trendanalyse's outcome: every figure shown, as it was shown (of which afdeling, its trend, its table with "< 5"
and "afgeschermd" where it hid a count); the same tables in the spreadsheet rows. Nothing for the team plan: what the
team concludes from a trend it agrees in another werkvorm."""

from __future__ import annotations

from ...i18n import translate
from ...incidents import words
from ...incidents.analysis import Table
from ...session import Activity, SessionState
from ..outcome import Block, Heading, Offer, Outcome, Paragraph, Section, csv_row
from ..outcome import Table as OutcomeTable


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    shown = {(s.afdeling, s.table['key']): s for s in activity.state.shown}  # the last showing of each
    if not shown:
        return Outcome((Paragraph(translate(lang, 'ta.nothing_shown')),))
    blocks: list[Block] = []
    rows: list[tuple[object, ...]] = []
    for (afdeling, _), figure in shown.items():
        table = Table.from_data(figure.table)
        scope = (
            translate(lang, 'trend.afdeling', afdeling=afdeling)
            if afdeling
            else translate(lang, 'trend.all_afdelingen')
        )
        inner: list[Block] = [Paragraph(scope)]
        inner += [
            Paragraph(line) for line in (words.trend_text(table, lang), words.span_text(table.span, lang)) if line
        ]
        if table.empty:
            inner.append(Paragraph(translate(lang, 'trend.nothing')))
        else:
            inner.append(OutcomeTable(tuple(words.header(table, lang)), tuple(map(tuple, words.rows(table, lang)))))
        if legend := words.legend(table, lang):
            inner.append(Paragraph(legend))
        blocks.append(Section(Heading(words.title(table.key, lang), level=2), tuple(inner)))
        header = words.header(table, lang)
        for line in words.rows(table, lang):
            for column, text in zip(header[1:], line[1:], strict=True):
                name = f'{words.title(table.key, lang)} · {line[0]} · {column}'
                rows.append(csv_row(nr=len(blocks), text=name, group=scope, total=text))
    return Outcome(tuple(blocks), rows=tuple(rows))


def offers(activity: Activity) -> tuple[Offer, ...]:
    return ()
