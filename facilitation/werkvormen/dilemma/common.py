"""What the dilemma views share: their projections (typed, through ui.views: a view never reads the raw state), the
steps and their words, the clock, names (only when chosen), the comparison."""

from __future__ import annotations

import time
from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...ui import views
from ...ui.countdown import countdown
from ...ui.frame import t
from . import rules as dm

Do = Callable[[object], bool]  # a view gives a command: True when it was taken
SOFT = 60  # a step's clock signals its end a minute before


PROJECTIONS = views.Projections[dm.PublicView, dm.ConsoleView, dm.ParticipantView]()
public, console, participant = PROJECTIONS.public, PROJECTIONS.console, PROJECTIONS.participant


def step_word(step: dm.Step | None) -> str:
    return t(f'dm.step.{step.value}') if step is not None else t('dm.setup')


def step_line(view: dm.PublicView) -> str:
    """'Stap 3 van 9 · Formuleren': the number in words besides the name (never the highlight alone)."""
    if view.stage is dm.Stage.DONE:
        return t('dm.done')
    if view.step is None:
        return t('dm.setup')
    return t('dm.step_of', n=view.position, total=len(view.steps), name=step_word(view.step))


def category_word(category: dm.Category | str) -> str:
    return t(f'dm.category.{dm.Category(category).value}')


def column_word(column: dm.Column | str) -> str:
    return t(f'dm.column.{dm.Column(column).value}')


def person(room: LiveRoom, pid: str) -> str:
    participant = room.state.participants.get(pid)
    return participant.name if participant is not None and participant.name else ''


def clock(view: dm.PublicView, css: str) -> None:
    if view.stage is dm.Stage.RUNNING and (view.deadline is not None or view.left is not None):
        countdown(view.deadline, view.left, time.time(), css, soft=SOFT, overrun=True)


def sides(view: dm.PublicView) -> tuple[str, str]:
    formulation = dict(view.formulation)
    return formulation['kant_a'], formulation['kant_b']


def side_words(view: dm.PublicView, chars: int = 40) -> tuple[str, str]:
    """'A: Doorgaan met helpen' and 'B: …': the sides' letters with their words, shortened to fit beside a bar."""
    words = []
    for letter, text in zip((t('dm.side_a'), t('dm.side_b')), sides(view), strict=True):
        short = text if len(text) <= chars else text[: chars - 1].rstrip() + '…'
        words.append(f'{letter}: {short}' if short else letter)
    return words[0], words[1]


def comparison_bars(result: dm.Comparison, words: tuple[str, str] | None = None) -> None:
    """Before and after side by side, as counts with words and bars (never colour alone); `words` names the sides
    (else their letters)."""
    for moment, split, judged in (
        ('before', result.before, result.judged_before),
        ('after', result.after, result.judged_after),
    ):
        ui.label(t(f'dm.judged.{moment}')).classes('result-title')
        if split is None:
            ui.label(t('dm.too_few', total=judged, min=result.minimum)).classes('result-hidden')
            continue
        total = max(1, sum(split))
        with ui.column().classes('result-bars w-full'):
            a, b = words or (t('dm.side_a'), t('dm.side_b'))
            for word, count in ((a, split[0]), (b, split[1])):
                percent = round(100 * count / total)
                with ui.row().classes('result-row no-wrap'):
                    ui.label(word).classes('result-word')
                    with ui.element('span').classes('result-track'):
                        ui.element('span').classes('result-fill dm-fill').style(f'width: {percent}%')
                    ui.label(t('st.count_pct', count=count, pct=percent)).classes('result-count')


def score_text(score: float) -> str:
    return f'{score:.1f}'.replace('.', ',') if t('dm.decimal') == ',' else f'{score:.1f}'


def scores_line(candidate: dm.Candidate) -> str:
    """'Gemiddeld 4,6 · 3 beoordeeld (…)' once the ranking is shown, else only how many rated it."""
    if candidate.means is None or candidate.score is None:
        return t('dm.raters', n=candidate.raters)
    u, b, h = (score_text(m) for m in candidate.means)
    return t('dm.scores', score=score_text(candidate.score), n=candidate.raters, u=u, b=b, h=h)


def terugblik_line(view: dm.PublicView) -> str:
    """The terugblik's mean once the dilemma ended (from the minimum on); before, how many gave theirs."""
    if view.mean_score is not None:
        return t('dm.mean_score', score=score_text(view.mean_score), n=view.evaluated)
    if view.answers_closed:
        return t('dm.too_few', total=view.evaluated, min=view.answers_minimum)
    return t('dm.evaluated_count', n=view.evaluated)


def values_table(view: dm.PublicView, shown: int | None = None, most: int | None = None) -> None:
    """The seed's table, one row per betrokkene: who (with their rights, interests or wishes), and the values and
    norms at stake for them; then a row for what belongs to nobody in particular. A real table, read as one. `shown`
    keeps it to that many rows (the newest betrokkenen, and that last row), `most` each cell to its newest entries,
    with '+ 3 meer' for the rest."""
    rows = view.rows()
    left_out = max(0, len(rows) - shown) if shown is not None else 0
    if left_out:
        rows = rows[len(rows) - (shown or 0) :]

    def newest(items: tuple[dm.Item, ...]) -> tuple[tuple[dm.Item, ...], int]:
        if most is None or len(items) <= most:
            return items, 0
        return items[len(items) - most :], len(items) - most

    with ui.element('table').classes('dm-table w-full').mark('dm-table'):
        with ui.element('thead'), ui.element('tr'):
            for column in dm.TABLE:
                with ui.element('th').props('scope=col'):
                    ui.label(column_word(column))
        with ui.element('tbody'):
            for row in rows:
                with ui.element('tr'):
                    cell = ui.element('th').props('scope=row') if row.betrokkene is not None else ui.element('td')
                    with cell:
                        who = row.betrokkene.text if row.betrokkene is not None else t('dm.table.none')
                        ui.label(who).classes('dm-who' if row.betrokkene is not None else 'dm-nobody')
                        stakes, hidden = newest(row.belangen)
                        if stakes:
                            text = t('dm.table.stakes', items='; '.join(i.text for i in stakes))
                            ui.label(text + (f' ({t("proj.more", n=hidden)})' if hidden else '')).classes('dm-stake')
                    for items in (row.waarden, row.normen):
                        kept, hidden = newest(items)
                        with ui.element('td'):
                            for item in kept:
                                ui.label(item.text)
                            if hidden:
                                ui.label(t('proj.more', n=hidden)).classes('dm-more')
            if left_out:
                with ui.element('tr'), ui.element('td').classes('dm-more').props('colspan=3'):
                    ui.label(t('proj.more', n=left_out))
