"""The trend analysis's tables in words: the labels of their rows and columns, each count as text ("< 5" where it
is small, "afgeschermd" where it is hidden to protect another), the trend in a sentence, a table as rows of text.
One place for the page, the projector, the charts and every file, so that they all say the same."""

from __future__ import annotations

from ..i18n import STRINGS, date_text, translate
from .analysis import GRAINS, OTHER, Table
from .causes import KEY as CAUSES


def title(key: str, lang: str) -> str:
    return translate(lang, f'trend.figure.{key}.title')


def explanation(key: str, lang: str) -> str:
    return translate(lang, f'trend.figure.{key}.text')


def period_label(key: str, lang: str) -> str:
    """'2025-03' -> 'mrt 2025', '2025-Q1' -> 'K1 2025', '2025' as it is."""
    year, _, rest = key.partition('-')
    if rest.startswith('Q'):
        return translate(lang, 'trend.quarter', quarter=rest[1:], year=year)
    if rest:
        return f'{translate(lang, "trend.months").split()[int(rest) - 1]} {year}'
    return year


def row_label(table: Table, row: str, lang: str) -> str:
    if table.key in GRAINS:
        return period_label(row, lang)
    if row == '':
        return translate(lang, 'trend.unknown')
    if row == OTHER:
        return translate(lang, 'trend.other')
    field = 'soort' if table.key == 'periode' else table.key
    key = f'trend.cause.{row}' if table.key == CAUSES else f'trend.value.{field}.{row}'
    return translate(lang, key) if key in STRINGS else row  # an open field: the organisation's own name


def column_label(table: Table, column: str, lang: str) -> str:
    if table.key == CAUSES:
        return period_label(column, lang)
    return translate(lang, f'trend.column.{column}')


def corner(table: Table, lang: str) -> str:
    """What the rows are: 'Maand', 'Soort', 'Groep factoren'."""
    key = 'groep' if table.key == CAUSES else 'soort' if table.key == 'periode' else table.key
    return translate(lang, f'trend.column.{key}')


def count_text(table: Table, name: str, value: int | None, lang: str) -> str:
    """A count as shown: the number, '< 5' where it is small, 'afgeschermd' where it protects another."""
    if value is not None:
        return str(value)
    if name in table.small:
        return translate(lang, 'trend.small', minimum=table.minimum)
    return translate(lang, 'trend.hidden')


def difference_text(value: int | None, lang: str) -> str:
    if value is None:
        return translate(lang, 'trend.hidden')
    return f'+{value}' if value > 0 else str(value)


def trend_text(table: Table, lang: str) -> str:
    """'Trend: stijgend (ongeveer +1,2 per maand)', or that there are too few periods ('' for other tables)."""
    if table.key not in GRAINS:
        return ''
    if table.trend is None:
        return translate(lang, 'trend.no_trend')
    slope = f'{table.trend.slope:+.1f}'
    return translate(
        lang,
        'trend.trend_text',
        direction=translate(lang, f'trend.direction.{table.trend.direction}'),
        slope=slope.replace('.', ',') if lang == 'nl' else slope,
        grain=translate(lang, f'trend.grain.{table.key}'),
    )


def total_text(table: Table, lang: str) -> str:
    if table.total is None:
        return translate(lang, 'trend.total_hidden', minimum=table.minimum)
    return translate(lang, 'trend.total', n=table.total)


def span_text(span: tuple[str, str], lang: str, key: str = 'trend.span') -> str:
    if not all(span):
        return ''
    return translate(lang, key, start=date_text(span[0], lang), end=date_text(span[1], lang))


def header(table: Table, lang: str) -> list[str]:
    columns = [column_label(table, c, lang) for c in table.columns]
    if table.key == 'periode':
        columns.append(translate(lang, 'trend.column.verschil'))
    if table.row_totals is not None:
        columns.append(translate(lang, 'trend.column.totaal'))
    return [corner(table, lang), *columns]


def rows(table: Table, lang: str) -> list[list[str]]:
    """The table as text, a row per row and then its totals: what the page, Word and Excel show."""
    found = []
    for r, (row, cells) in enumerate(zip(table.rows, table.cells, strict=True)):
        line = [row_label(table, row, lang)]
        line += [count_text(table, f'cell {r} {c}', v, lang) for c, v in enumerate(cells)]
        if table.key == 'periode':
            line.append(difference_text(table.differences[r], lang))
        if table.row_totals is not None:
            line.append(count_text(table, f'row {r}', table.row_totals[r], lang))
        found.append(line)
    if table.column_totals is not None and table.rows:
        line = [translate(lang, 'trend.column.totaal')]
        line += [count_text(table, f'column {c}', v, lang) for c, v in enumerate(table.column_totals)]
        if table.key == 'periode':
            this, previous = table.column_totals
            line.append(difference_text(this - previous if this is not None and previous is not None else None, lang))
        if table.row_totals is not None:
            line.append(count_text(table, 'total', table.total, lang))
        found.append(line)
    return found


def legend(table: Table, lang: str) -> str:
    """What '< 5' and 'afgeschermd' mean, when the table has either ('' otherwise)."""
    hidden = any(v is None for row in table.cells for v in row) or table.total is None
    return translate(lang, 'trend.legend', minimum=table.minimum) if hidden else ''
