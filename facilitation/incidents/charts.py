"""The trend analysis's tables as plotly charts (plain dicts for ui.plotly: no plotly import on the server).

What is written carries the chart, the colour only helps: every bar has its count written on it ("< 5" or
"afgeschermd" where the table hides it, on a bar of no height), the axes say what they count in Dutch or English, the
series are told apart by pattern and dash as well as by colour, and the legend names them. On the projector every
text is at least 24 px (`PROJECTOR_FONT`, the size the projector is drawn at for 1920×1080).
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..i18n import translate
from . import words
from .analysis import GRAINS, Table

PROJECTOR_FONT = 24  # px: plotly writes its labels in px, and a projector's text is at least 24 px at 1920x1080
PAGE_FONT = 16
INK = '#111827'
COLOURS = ('#14365d', '#b45309', '#1b6e35', '#6d28d9', '#9f1239', '#0e7490')  # each at least 4.5:1 on white
PATTERNS = ('', '/', '.', 'x', '\\', '+')  # with the colour: series told apart without it
LABEL_CHARS = 28  # a row's label on the chart (the table beside it has it whole)


def plot_text(text: str) -> str:
    """Text for a plotly label: plotly reads labels as a little HTML, so '<' and '&' are written as entities (an
    organisation's own names shown as themselves, never as markup; '< 5' as '< 5')."""
    return escape(text, quote=False)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + '…'


def _bar_values(table: Table, column: int, lang: str) -> tuple[list[int], list[str]]:
    """A column's bar heights (0 where hidden: no height that could be read as a number) and the texts on them."""
    heights, texts = [], []
    for r, cells in enumerate(table.cells):
        value = cells[column]
        heights.append(value or 0)
        texts.append(plot_text(words.count_text(table, f'cell {r} {column}', value, lang)))
    return heights, texts


def figure(table: Table, lang: str, *, font: int = PAGE_FONT) -> dict[str, Any]:
    """The chart of `table`: bars over time with the trend line for a period table, horizontal bars for a table by
    field, this period beside the previous per soort, causes per group and quarter."""
    labels = [plot_text(_short(words.row_label(table, row, lang))) for row in table.rows]
    count = translate(lang, 'trend.column.aantal')
    data: list[dict[str, Any]]
    if table.key in GRAINS:
        heights, texts = _bar_values(table, 0, lang)
        data = [_bar(labels, heights, texts, count, 0, font, vertical=True)]
        if table.trend is not None:
            trend_name = translate(lang, 'trend.column.trend')
            data.append(
                {
                    'type': 'scatter',
                    'mode': 'lines',
                    'x': labels,
                    'y': list(table.trend.line),
                    'name': f'{trend_name}: {translate(lang, f"trend.direction.{table.trend.direction}")}',
                    'line': {'color': COLOURS[1], 'width': 4, 'dash': 'dash'},
                    'hoverinfo': 'skip',
                }
            )
        layout = _layout(font, x_title=words.corner(table, lang), y_title=count)
    else:
        series = range(len(table.columns))
        data = []
        for column in series:
            heights, texts = _bar_values(table, column, lang)
            name = plot_text(words.column_label(table, table.columns[column], lang))
            data.append(_bar(labels, heights, texts, name, column, font, vertical=table.key == 'oorzaken'))
        if table.key == 'oorzaken':
            layout = _layout(font, x_title=words.corner(table, lang), y_title=count)
        else:
            layout = _layout(font, x_title=count, y_title='')
            layout['yaxis'].update(autorange='reversed')  # the first row at the top, as in the table
    layout['showlegend'] = len(data) > 1
    return {'data': data, 'layout': layout, 'config': {'displayModeBar': False, 'responsive': True}}


def _bar(
    labels: list[str], heights: list[int], texts: list[str], name: str, index: int, font: int, *, vertical: bool
) -> dict[str, Any]:
    colour = COLOURS[index % len(COLOURS)]
    axes = {'x': labels, 'y': heights} if vertical else {'x': heights, 'y': labels, 'orientation': 'h'}
    return {
        'type': 'bar',
        **axes,
        'name': name,
        'text': texts,
        'textposition': 'outside',
        'cliponaxis': False,
        'textfont': {'size': font, 'color': INK},
        'marker': {
            'color': colour,
            'line': {'color': INK, 'width': 1},
            'pattern': {
                'shape': PATTERNS[index % len(PATTERNS)],
                'fillmode': 'overlay',  # the pattern over the colour, not instead of it
                'fgcolor': '#ffffff',
                'solidity': 0.3,
            },
        },
        'hovertemplate': '%{text}<extra>%{fullData.name}</extra>',
    }


def _layout(font: int, *, x_title: str, y_title: str) -> dict[str, Any]:
    axis = {'automargin': True, 'fixedrange': True, 'tickfont': {'size': font}, 'zeroline': True}
    return {
        'font': {'size': font, 'family': 'Roboto, sans-serif', 'color': INK},
        'margin': {'l': 8, 'r': 24, 't': 16, 'b': 8},
        'paper_bgcolor': 'rgba(0,0,0,0)',
        'plot_bgcolor': 'rgba(0,0,0,0)',
        'barmode': 'group',
        'legend': {'orientation': 'h', 'y': 1.02, 'yanchor': 'bottom', 'x': 0, 'font': {'size': font}},
        'xaxis': {**axis, 'title': {'text': plot_text(x_title), 'font': {'size': font}}},
        'yaxis': {**axis, 'title': {'text': plot_text(y_title), 'font': {'size': font}}, 'gridcolor': '#d1d5db'},
    }


def description(table: Table, lang: str) -> str:
    """The chart in words, for screen readers (its aria-label) and a picture's alternative text: its title, every
    row with its counts as the table says them, the trend."""
    header = words.header(table, lang)[1:]
    lines = [
        f'{line[0]}: {", ".join(f"{name} {text}" for name, text in zip(header, line[1:], strict=False))}'
        for line in words.rows(table, lang)
    ]
    parts = [words.title(table.key, lang), '; '.join(lines), words.trend_text(table, lang)]
    return '. '.join(part for part in parts if part)
