"""What the stellingen views share: words, icons, colours, the statement heading and the result displays."""

from __future__ import annotations

from html import escape

from nicegui import ui

from ...ui.frame import t
from ...ui.handcount import channels_text
from . import rules as st

CHOICE_ICON = {st.Choice.EENS: 'thumb_up', st.Choice.ONEENS: 'thumb_down'}  # files in assets/static/icons
CHOICE_COLOR = {st.Choice.EENS: '#1b6e35', st.Choice.ONEENS: '#b3261e'}


def choice_word(choice: st.Choice) -> str:
    return t(f'st.{choice.value}')


def statement_heading(view: st.PublicView, size: str) -> None:
    ui.label(t('st.statement_n', n=view.position, total=view.count)).classes('statement-position')
    ui.label(view.text).classes(f'statement-text {size}').props('role=heading aria-level=2')


def result_bars(tally: st.Tally, min_reveal: int) -> None:
    """A light result for phones and the console: words, icons, numbers and bars (never colour alone).

    Made as one HTML element (every text in it is ours and escaped): a reveal re-renders every phone at once.
    """
    if not tally.shown:
        ui.label(t('st.too_few', total=tally.total, min=tally.minimum or min_reveal)).classes('result-hidden')
        return
    ui.html(result_markup(tally, min_reveal), sanitize=False).classes('result-bars w-full')


def result_markup(tally: st.Tally, min_reveal: int) -> str:
    """The bars of result_bars as HTML (every text in it is ours and escaped), or why the result is hidden."""
    if not tally.shown:
        too_few = t('st.too_few', total=tally.total, min=tally.minimum or min_reveal)  # the minimum that applied
        return f'<div class="result-hidden">{escape(too_few)}</div>'
    rows = []
    for choice in st.Choice:
        count = tally.eens if choice is st.Choice.EENS else tally.oneens
        percent = tally.percent(choice)
        rows.append(
            f'<div class="result-row choice-{choice.value}">'
            f'<img src="/static/icons/{CHOICE_ICON[choice]}.svg" alt="" width="24" height="24">'
            f'<span class="result-word">{escape(choice_word(choice))}</span>'
            f'<span class="result-track"><span class="result-fill" style="width: {percent}%"></span></span>'
            f'<span class="result-count">{escape(t("st.count_pct", count=count, pct=percent))}</span></div>'
        )
    if counted := channels_text(tally.channels):  # marked as counted in the room, beside the phones
        rows.append(f'<div class="result-channels">{escape(counted)}</div>')
    return ''.join(rows)


def chart_markup(results: tuple[st.RoundResult, ...], round_name: str) -> str:
    """The projector's result chart as HTML columns: per choice its word and icon under its bars, one bar per round
    (named when there are more), the count and percentage written above each bar (never colour alone). Every text
    in it is ours and escaped; sized in screen units, so it fits any beamer without a chart library."""
    top = max((max(r.tally.eens, r.tally.oneens) for r in results), default=1) or 1
    groups = []
    for choice in st.Choice:
        bars = []
        for result in results:
            count = result.tally.eens if choice is st.Choice.EENS else result.tally.oneens
            earlier = ' earlier' if result.number != results[-1].number else ''
            name = (
                f'<span class="chart-round">{escape(round_name.format(n=result.number))}</span>'
                if len(results) > 1
                else ''
            )
            value = escape(t('st.count_pct', count=count, pct=result.tally.percent(choice)))
            bars.append(
                f'<div class="chart-bar{earlier}"><span class="chart-value">{value}</span>'
                f'<span class="chart-track"><span class="result-fill" style="height: {round(100 * count / top)}%">'
                f'</span></span>{name}</div>'
            )
        groups.append(
            f'<div class="chart-group choice-{choice.value}"><div class="chart-bars">{"".join(bars)}</div>'
            f'<div class="chart-word"><img src="/static/icons/{CHOICE_ICON[choice]}.svg" alt="">'
            f'{escape(choice_word(choice))}</div></div>'
        )
    return ''.join(groups)


def result_chart(results: tuple[st.RoundResult, ...]) -> None:
    """The projector's result chart: Eens and Oneens in words under their bars, per round."""
    ui.html(chart_markup(results, t('st.round_n', n='{n}')), sanitize=False).classes('result-chart w-full')
    for result in results:
        if counted := channels_text(result.tally.channels):  # cards or corners counted in the room, said so
            prefix = f'{t("st.round_n", n=result.number)}: ' if len(results) > 1 else ''
            ui.label(prefix + counted).classes('projector-status result-channels')
