"""What the leerdoelen console and projector share: how many are done while people fill in, and once the round is
closed the team picture: per part the team's need to learn as a bar with its number, and per group a plotly heatmap
of its questions × the scale's answers, each cell's count written in it (never colour alone).

Everything here comes from the public projection's TeamPicture (groups of at least the minimum, never one person's
answers); what a smaller group did is said in words only, with no figure from which it could be derived."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.frame import t
from ...ui.projector_chart import fitted_chart
from . import rules as ld

BRAND = '#14365d'
PROJECTOR_FONT = 24  # px: plotly writes its labels in px, and a projector's text is at least 24 px at 1920x1080
CONSOLE_FONT = 14


def joined(room: LiveRoom) -> int:
    """How many joined the session (the count's 'van 12')."""
    return len(room.state.participants)


def count_text(view: ld.PublicView, joined: int) -> str:
    """'7 van 12 klaar · 3 bezig': while people fill in, the only figure any shared screen shows."""
    text = t('ld.con.done', done=view.done, joined=max(joined, view.done))
    return f'{text} · {t("ld.con.busy", n=view.busy)}' if view.busy else text


def need_text(instrument: str, distribution: ld.Distribution) -> str:
    """'45% Soms of Nooit' (the matrix: its first two levels)."""
    return t(f'ld.pic.need.{instrument}', pct=round(100 * distribution.need))


def date_words(at: str) -> str:
    """'3 maart' for '2026-03-03' (with the year when it is not this year's); the text itself when it is no date."""
    try:
        day = date.fromisoformat(at)
    except ValueError:
        return at
    month = t('ld.pic.months').split()[day.month - 1]
    return f'{day.day} {month}' + (f' {day.year}' if day.year != date.today().year else '')


def change_text(change: float | None, baseline_at: str) -> str:
    """'+12 punten sinds 3 maart' ('' without a previous round to compare with)."""
    if change is None or not baseline_at:
        return ''
    points = round(100 * change)
    sign = '+' if points > 0 else '-' if points < 0 else '±'
    return t('ld.pic.change', sign=sign, points=abs(points), date=date_words(baseline_at))


def item_label(instrument: str, item: ld.Item) -> str:
    """An item as a row's label: the matrix's sub-topics ('aan de telefoon') with their topic before them."""
    if instrument == ld.ONTWIKKELMATRIX and item.section and not item.text.startswith(item.section):
        return f'{item.section}: {item.text}'
    return item.text


def short(text: str, chars: int) -> str:
    """`text` cut on a whole word with '…' to at most `chars` characters (whole when it fits)."""
    flat = ' '.join(text.split())
    if len(flat) <= chars:
        return flat
    cut = flat[: chars - 1]
    if ' ' in cut[chars // 2 :]:
        cut = cut.rsplit(' ', 1)[0]
    return cut.rstrip(' ,.;:') + '…'


def plot_text(text: str) -> str:
    """Text from content or people for a plotly label: plotly reads its labels as a little HTML, so '<' and '&' are
    written as entities (shown as themselves, never as markup)."""
    return escape(text, quote=False)


def wrapped(text: str, chars: int) -> str:
    """A column label in lines of about `chars` characters (plotly breaks lines only at '<br>')."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += f' {word}'
        else:
            lines.append(word)
    return '<br>'.join(plot_text(line) for line in lines)


def heatmap_figure(
    rows: Sequence[tuple[str, ld.ItemRow]],
    columns: Sequence[str],
    *,
    font: int,
    label_chars: int,
) -> dict[str, Any]:
    """A plotly heatmap (as a dict) of `rows` (a label and its item row, each with a distribution) × `columns`
    (the scale's answers in order, already written for plotly): the highest need at the top, each cell's count written
    in it, the full question in the hover."""
    counts = [list(row.distribution.counts) if row.distribution else [0] * len(columns) for _, row in rows]
    top = max((max(c) for c in counts), default=1) or 1
    answers = [column.replace('<br>', ' ') for column in columns]
    hover = [
        [f'{plot_text(label)}<br>{answer}: {n}' for answer, n in zip(answers, row_counts, strict=True)]
        for (label, _), row_counts in zip(rows, counts, strict=True)
    ]
    positions = list(range(len(rows)))
    return {
        'data': [
            {
                'type': 'heatmap',
                'z': counts,
                'x': list(range(len(columns))),
                'y': positions,
                'text': [[str(n) for n in row_counts] for row_counts in counts],
                'texttemplate': '%{text}',
                'textfont': {'size': font},
                'customdata': hover,
                'hovertemplate': '%{customdata}<extra></extra>',
                'colorscale': [[0, '#f1f5f9'], [1, BRAND]],
                'zmin': 0,
                'zmax': top,
                'showscale': False,
                'xgap': 2,
                'ygap': 2,
            }
        ],
        'layout': {
            'font': {'size': font, 'family': 'Roboto, sans-serif', 'color': '#111827'},
            'margin': {'l': 8, 'r': 8, 't': 8, 'b': 8},
            'paper_bgcolor': 'rgba(0,0,0,0)',
            'plot_bgcolor': 'rgba(0,0,0,0)',
            'xaxis': {
                'tickmode': 'array',
                'tickvals': list(range(len(columns))),
                'ticktext': list(columns),
                'side': 'top',
                'tickangle': 0,
                'automargin': True,
                'fixedrange': True,
                'showgrid': False,
                'zeroline': False,
            },
            'yaxis': {
                'tickmode': 'array',
                'tickvals': positions,
                'ticktext': [plot_text(short(label, label_chars)) for label, _ in rows],
                'autorange': 'reversed',
                'automargin': True,
                'fixedrange': True,
                'showgrid': False,
                'zeroline': False,
            },
        },
        'config': {'displayModeBar': False, 'responsive': True},
    }


def heatmap(
    rows: Sequence[tuple[str, ld.ItemRow]],
    columns: Sequence[str],
    name: str,
    *,
    font: int,
    label_chars: int,
    height: int,
) -> None:
    """The console's heatmap of `rows` × `columns` as a plotly chart `height` px high, as wide as its place, named
    for screen readers."""
    figure = heatmap_figure(rows, columns, font=font, label_chars=label_chars)
    _named(ui.plotly(figure).classes('ld-heatmap w-full').style(f'height: {height}px'), name)


def projector_heatmap(
    rows: Sequence[tuple[str, ld.ItemRow]],
    columns: Sequence[str],
    name: str,
    *,
    label_chars: int,
    width: float,
    height: float,
) -> None:
    """The projector's heatmap in a box `width` × `height` u, with 24 px text at 1920x1080 (ui/projector_chart)."""
    figure = heatmap_figure(rows, columns, font=PROJECTOR_FONT, label_chars=label_chars)
    _named(fitted_chart(figure, width=width, height=height).classes('ld-heatmap'), name)


def _named(chart: ui.plotly, name: str) -> None:
    chart.mark('ld-heatmap')
    chart.props['role'] = 'img'  # assigned: no markup from the name
    chart.props['aria-label'] = t('ld.pic.chart', group=name)


def section_bars(
    view: ld.PublicView, sections: Sequence[ld.SectionRow], *, stacked: bool = False, chars: int = 0
) -> None:
    """Per part its title, a bar of the share answered as a need with that share written beside it, and its change
    since the previous round ('te weinig antwoorden' where nothing of it may be shown). `stacked`: the change on a
    line of its own (a narrow column); `chars`: titles cut to that many characters (the full title stays readable to
    screen readers)."""
    for section in sections:
        d = section.distribution
        with ui.column().classes('gap-0 w-full ld-section'):
            title = ui.label(short(section.title, chars) if chars else section.title).classes('ld-section-title')
            if chars and title.text != section.title:
                title.props['aria-label'] = section.title  # assigned: no markup
            if d is None:
                ui.label(t('ld.pic.too_few')).classes('facilitator-note')
                continue
            pct = round(100 * d.need)
            change = change_text(section.change, view.baseline_at)
            with ui.row().classes('items-center no-wrap w-full gap-2'):
                with ui.element('span').classes('result-track').style('height: 0.9em; flex: 1 1 auto'):
                    ui.element('span').classes('result-fill').style(f'width: {pct}%; background: {BRAND}')
                ui.label(t('ld.pic.pct', pct=pct)).classes('ld-need font-bold').style('flex: none')
                if change and not stacked:
                    ui.label(change).classes('ld-change').style('flex: none')
            if change and stacked:
                ui.label(change).classes('ld-change')


def small_groups_note(view: ld.PublicView, picture: ld.TeamPicture) -> str:
    """What is not shown, in words only: where people chose their function group, always that a smaller group is not
    shown on its own (and counts in 'overig' when those together reach the minimum); with nothing to show, why.
    Never how many were left out: that is for no screen ('' : nothing to say)."""
    if not picture.shown:
        return t('ld.pic.nothing', min=picture.minimum)
    if not view.forms:
        return ''
    return t('ld.pic.small_overig' if picture.overig else 'ld.pic.small', min=picture.minimum)


def helper_names(room: LiveRoom, picture: ld.TeamPicture) -> list[str]:
    """'Anna (Incidenten melden (GIR))' for each offer to teach by someone with a chosen name (a name chosen and
    then taken back is never shown)."""
    found = []
    for helper in picture.helpers:
        person = room.state.participants.get(helper.participant_id)
        if person is not None and person.name.strip():
            found.append(t('ld.pic.helper', name=person.name, topic=helper.item.text))
    return found


def teachers(picture: ld.TeamPicture) -> list[tuple[ld.Item, int]]:
    """Per topic shown how many answered 'Ik kan het anderen leren' (the matrix; empty for a leerdoelwijzer)."""
    if picture.teach is None:
        return []
    return [
        (row.item, row.distribution.counts[picture.teach])
        for group in picture.groups
        for row in group.items
        if row.distribution is not None and row.distribution.counts[picture.teach]
    ]


def group_name(view: ld.PublicView, group: ld.GroupPicture) -> str:
    return group.group or t('ld.pic.team')
