"""A leerdoelwijzer or ontwikkelmatrix round on the projector: while people fill in, only how many are done; once
closed the team picture on one screen: on the left per part the team's need to learn (the parts with the most need,
as many as fit), on the right the questions with the most need as a heatmap of questions × answers with each cell's
count in it, and how many more there are; what is not shown (a group under the minimum) is said in words.

It reads the public projection only (the same as every phone's), never one person's answers."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui import views
from ...ui.frame import live_section, live_value, t
from ...ui.projector_chart import DESIGN_U
from ...ui.stage import CHAR, HIGH, LINE, height, more, shorten, stage_width
from . import rules as ld
from .common import (
    PROJECTOR_FONT,
    count_text,
    helper_names,
    item_label,
    joined,
    plot_text,
    projector_heatmap,
    section_bars,
    short,
    small_groups_note,
    teachers,
)

PROJECTIONS = views.Projections[ld.PublicView, ld.ConsoleView, ld.ParticipantView]()

ROWS = 10  # the heatmap's questions on the screen at most (those with the most need); '+ 30 meer' for the rest
TEXT = 2.6  # u: the picture's text
ROW = 4.4  # u a heatmap row takes (its 24 px label at 1920x1080, where 1u is 10.8 px, and room around it)
AXIS = 4.4  # u: the answers above the heatmap
FONT_U = PROJECTOR_FONT / DESIGN_U  # the heatmap's 24 px in u (its labels' width)
LEFT = 0.36  # of the stage: the parts' column
GAP = 1.6


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    def public() -> ld.PublicView:  # the same as every phone's: made once per change
        return PROJECTIONS.public(room, activity_id)

    def key() -> tuple[object, ...]:
        view = public()
        return (
            view.instrument,
            view.title,
            view.closed,
            view.picture,
            view.baseline_at,
            room.state.min_reveal,
            stage_width(room),
            tuple(helper_names(room, view.picture)) if view.picture else (),
        )

    live_section(room, key, lambda _: _render(room, public))


def _title(view: ld.PublicView) -> str:
    """The function group's leerdoelwijzer by its title; the matrix (whose form's title is a sentence) by its name."""
    if view.instrument == ld.ONTWIKKELMATRIX:
        return t('ld.matrix.title')
    return view.title or t('ld.wijzer.title')


def _render(room: LiveRoom, public: Callable[[], ld.PublicView]) -> None:
    view = public()
    width = stage_width(room)
    title = _title(view) if view.picture is None else f'{t("ld.pic.title")} · {_title(view)}'
    ui.label(shorten(title, width, 3.0, 1)).classes('projector-bar-title').props('role=heading aria-level=2')
    if view.picture is None:
        _filling(room, public)
        return
    _picture(room, view, view.picture, width)


def _filling(room: LiveRoom, public: Callable[[], ld.PublicView]) -> None:
    """While people fill in: that they do it on their own phone, how many are done (one live region, updated in
    place), and what stays private."""
    ui.label(t('ld.proj.filling')).classes('projector-status')
    count = ui.label().classes('projector-count').props('aria-live=polite').mark('ld-count')
    live_value(
        room,
        lambda: (public().done, public().busy, joined(room)),
        lambda _: count.set_text(count_text(public(), joined(room))),
    )
    ui.label(t('ld.proj.private', min=room.state.min_reveal)).classes('projector-status')


def _picture(room: LiveRoom, view: ld.PublicView, picture: ld.TeamPicture, width: float) -> None:
    room_left = HIGH - 3.0 * 1.15 - GAP - 2
    left = width * LEFT
    right = width - left - GAP
    with ui.row().classes('w-full no-wrap items-start ld-picture').mark('ld-picture'):
        with ui.column().classes('gap-2').style(f'width: calc({left} * var(--u)); font-size: calc({TEXT} * var(--u))'):
            _parts(room, view, picture, left, room_left)
        if picture.shown:
            with ui.column().classes('gap-2').style(f'width: calc({right} * var(--u))'):
                _questions(view, picture, right, room_left)


def _lines_height(text: str, width: float) -> float:
    return height(text, width, TEXT) if text else 0.0


def _parts(room: LiveRoom, view: ld.PublicView, picture: ld.TeamPicture, width: float, budget: float) -> None:
    """The left column: how many count, what is not shown, (matrix) who offers help, and the parts by need."""
    people = t('ld.pic.people', n=picture.people)
    note = small_groups_note(view, picture)
    too_few = sum(1 for g in picture.groups for row in g.items if row.distribution is None)
    too_few_text = t('ld.pic.too_few_items', n=too_few) if too_few else ''
    names = helper_names(room, picture)
    helpers = shorten(t('ld.pic.helpers', names='; '.join(names)), width, TEXT, 3) if names else ''
    taught = sorted(teachers(picture), key=lambda found: -found[1])  # the matrix: also topics not in the heatmap
    topics = '; '.join(f'{short(item_label(view.instrument, item), 40)}: {n}' for item, n in taught)
    teach = shorten(t('ld.proj.teachers', topics=topics), width, TEXT, 3) if taught else ''
    heading = t(f'ld.pic.sections.{view.instrument}') if picture.shown else ''
    texts = [text for text in (people, heading, note, too_few_text, teach, helpers) if text]
    budget -= sum(_lines_height(text, width) + 0.8 for text in texts) + TEXT * LINE + 0.8  # and '+ 3 meer'
    per = 2 * TEXT * LINE + (TEXT * LINE if view.baseline_at else 0) + 0.8
    shown = max(1, int(budget / per)) if picture.shown else 0
    sections = picture.sections[:shown]

    ui.label(people).classes('font-bold')
    if picture.shown:
        ui.label(heading).classes('font-bold').props('role=heading aria-level=3')
        section_bars(view, sections, stacked=True, chars=max(8, int(width / (TEXT * CHAR))))
        more(len(picture.sections) - len(sections))
    if note:
        ui.label(note).mark('ld-small-groups')
    if too_few_text:
        ui.label(too_few_text)
    if teach:
        ui.label(teach).mark('ld-teachers')
    if helpers:
        ui.label(helpers).mark('ld-helpers')


def _questions(view: ld.PublicView, picture: ld.TeamPicture, width: float, budget: float) -> None:
    """The right column: the questions with the most need, of every group shown, as one heatmap."""
    matrix = view.instrument == ld.ONTWIKKELMATRIX
    legend = (
        t('ld.pic.levels', levels=' · '.join(f'{i} {answer}' for i, answer in enumerate(view.scale, start=1)))
        if matrix
        else ''
    )
    rows_all = picture.items()
    budget -= TEXT * LINE + 0.8 + TEXT * LINE + 0.8 + (_lines_height(legend, width) + 0.8 if legend else 0) + AXIS
    rows = rows_all[: max(1, min(ROWS, int(budget / ROW)))]
    groups = {g.form: g.group for g in picture.groups}
    several = len(groups) > 1

    def label(row: ld.ItemRow) -> str:
        text = item_label(view.instrument, row.item)
        group = groups.get(row.item.id.split('.')[0], '')
        return f'{short(group, 16)}: {text}' if several and group else text

    top = ui.label(t(f'ld.proj.top.{view.instrument}', n=len(rows))).classes('font-bold')
    top.style(f'font-size: calc({TEXT} * var(--u))')
    columns = [str(i) for i in range(1, len(view.scale) + 1)] if matrix else [plot_text(a) for a in view.scale]
    name = _title(view)
    share = 0.55 if matrix else 0.45  # of the chart's width for its labels: the matrix's six columns are numbers
    chars = max(10, int(share * width / (FONT_U * CHAR)))
    projector_heatmap(
        [(label(row), row) for row in rows],
        columns,
        name,
        label_chars=chars,
        width=width,
        height=len(rows) * ROW + AXIS,
    )
    more(len(rows_all) - len(rows))
    if legend:
        ui.label(legend).style(f'font-size: calc({TEXT} * var(--u))')
