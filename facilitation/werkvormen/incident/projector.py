"""The incidentevaluatie on the projector: the steps, the incident along the seed's picture of the interaction
(medewerker–burger, spanning, incident, nazorg), the causes once shown, and from step 3 on the causes as a fishbone
(Ishikawa) diagram: a bone per group of factors leading to the incident, each cause written with its factor, the
ones outside the organisation and those with a measure said in words. A screen that never scrolls: every part is
cut to what fits, with '+ 3 meer' for the rest. Nothing a phone sent is here before the facilitator showed it."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...ui.frame import live_section, t
from ...ui.stage import HIGH, LINE, height, more, newest_within, shorten, stage_width
from . import rules as inc
from .common import clock, factor_word, group_word, origin_word, public, step_line, step_word

TEXT = 2.6  # u: a cause on a bone (at most three lines)
TITLE = 3.2  # u: a bone's group
PHASE = 2.4  # u: a phase's text
LARGE_PHASE = 3.0  # u: ... when every phase's text is short
SHORT_PHASE = 120  # characters
GAP = 1.6
TOP = (inc.Group.ORGANISATORISCH, inc.Group.MEDEWERKER, inc.Group.TECHNISCH)  # the bones above the spine
BOTTOM = (inc.Group.BURGER, inc.Group.INTERACTIE)  # below it (and what is not classified yet)


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    live_section(room, lambda: public(room, activity_id), lambda view: _render(room, view))


def _render(room: LiveRoom, view: inc.PublicView) -> None:
    ui.label(view.title or t('inc.title')).classes('projector-bar-title').props('role=heading aria-level=2')
    with ui.row().classes('items-baseline gap-6'):
        ui.label(step_line(view)).classes('projector-status font-bold').mark('inc-step')
        clock(view, 'projector-count')
    under = HIGH - (3.5 + GAP + 6.0 + GAP) - 2  # the stage under the title and the step with its clock
    if view.stage is inc.Stage.SETUP:
        with ui.element('ol').classes('quiz-rules'):
            for step in inc.ORDER:
                with ui.element('li'):
                    ui.label(step_word(step))
        ui.label(t('inc.tone')).classes('projector-status')
        return
    if view.stage is inc.Stage.DONE or view.step in (inc.Step.CLASSIFICEREN, inc.Step.ACTIES):
        if view.step is inc.Step.CLASSIFICEREN and view.stage is inc.Stage.RUNNING:
            ui.label(t('inc.proj.no_blame')).classes('projector-status').mark('inc-no-blame')
            under -= 2 * 3.0 * LINE + GAP  # at most two lines
        _fishbone(room, view, under)
        return
    if view.step is inc.Step.BESCHRIJVEN:
        _description(room, view, under)
    else:
        _causes(room, view, under)


def _description(room: LiveRoom, view: inc.PublicView, under: float) -> None:
    """Where, when and how, what happened, and the interaction's four phases as a row that reads as the picture."""
    width = stage_width(room)
    facts = [f'{t(f"inc.fact.{name}")}: {view.field(name)}' for name in ('waar', 'wanneer') if view.field(name)]
    if view.channel:
        facts.insert(0, f'{t("inc.fact.kanaal")}: {t(f"inc.channel.{view.channel}")}')
    line = shorten(' · '.join(facts), width, 3.0, 1) if facts else ''
    if line:
        ui.label(line).classes('projector-status').mark('inc-facts')
    what = shorten(view.field('wat'), width, 3.0, 3) if view.field('wat') else ''
    if what:
        ui.label(what).classes('projector-statement inc-what')
    if not (line or what or any(view.field(p) for p in inc.PHASES)):
        ui.label(t('inc.proj.describing')).classes('projector-status')
    left = under - (3.0 * LINE + GAP if line else 0) - (height(what, width, 3.0) + GAP if what else 0)
    box = (width - 3 * GAP) / 4 - 2.4  # a phase's box less its border and padding
    short = all(len(view.field(p)) <= SHORT_PHASE for p in inc.PHASES)  # short texts are written larger
    size = LARGE_PHASE if short else PHASE
    lines = max(1, int((left - 2.8 * LINE - 3) / (size * LINE)))
    with ui.element('ol').classes('inc-phases').props(f'aria-label="{t("inc.phases")}"').mark('inc-phases'):
        for name in inc.PHASES:
            with ui.element('li').classes('inc-phase'):
                ui.label(t(f'inc.field.{name}')).classes('inc-phase-title')
                text = shorten(view.field(name), box, size, lines) or '…'
                ui.label(text).classes('inc-phase-text' + (' inc-phase-large' if short else ''))


def _causes(room: LiveRoom, view: inc.PublicView, under: float) -> None:
    """The causes the facilitator showed (the newest that fit), and how many wait."""
    ui.label(t('inc.proj.causes')).classes('projector-status')
    if view.held:
        ui.label(t('inc.proj.held', n=view.held)).classes('projector-status').props('role=status')
    wide = stage_width(room) - 4
    budget = under - 2 * 3.0 * LINE - 3.4 - 2
    texts = [shorten(f'{origin_word(c.origin)}: {c.text}', wide, 2.8, 2) for c in view.causes]
    shown, left_out = newest_within(texts, budget, lambda text: height(text, wide, 2.8) + 0.4)
    if shown:
        with ui.element('ul').classes('lh-queue dm-list').mark('inc-causes'):
            for text in shown:
                with ui.element('li'):
                    ui.label(text).classes('lh-argument-text')
    more(left_out)


def _cause_text(view: inc.PublicView, cause: inc.CauseView) -> str:
    """'Protocollen: geen afspraak over … (buiten de organisatie) · maatregel'."""
    text = f'{factor_word(cause)}: {cause.text}' if cause.factor else cause.text
    found = view.assessment(cause.id)
    if found is not None and found.needed is not None:
        text += f' · {t(f"inc.proj.needed.{found.needed.value}")}'
    return text


def _fishbone(room: LiveRoom, view: inc.PublicView, under: float) -> None:
    """The causes by group as a fishbone: three bones above the spine, two (and what is not classified yet) below,
    the spine leading to the incident. Each bone shows its newest causes that fit, with '+ 3 meer'."""
    rest = view.unclassified()
    groups = dict(view.by_group())
    width = stage_width(room) - 17  # the head ('Incident') at the spine's end
    spine = 4.0
    bone_high = (under - spine - 2 * GAP - 3.0 * LINE) / 2
    with (
        ui.element('div')
        .classes('inc-fishbone w-full')
        .props(f'role=figure aria-label="{t("inc.fishbone")}"')
        .mark('inc-fishbone')
    ):
        for row, bones in (('top', TOP), ('bottom', BOTTOM)):
            if row == 'bottom':
                with ui.element('div').classes('inc-spine'):
                    ui.element('div').classes('inc-spine-line')
                    ui.label(t('inc.proj.head')).classes('inc-head')
            extra = row == 'bottom' and bool(rest)
            count = len(bones) + (1 if extra else 0)
            wide = (width - (count - 1) * GAP) / count - 2.4
            with ui.element('div').classes(f'inc-bones inc-bones-{row}'):
                for group in bones:
                    _bone(
                        group_word(group), [_cause_text(view, c) for c in groups[group]], wide, bone_high, group.value
                    )
                if extra:
                    _bone(t('inc.unclassified'), [c.text for c in rest], wide, bone_high, 'none')
    if view.stage is inc.Stage.DONE or view.step is inc.Step.ACTIES:
        ui.label(t('inc.proj.measures', n=len(view.measures()))).classes('projector-status').mark('inc-measures')


def _bone(title: str, texts: list[str], width: float, budget: float, key: str) -> None:
    with ui.element('section').classes('inc-bone').props(f'aria-label="{title}"').mark(f'inc-bone-{key}'):
        ui.label(f'{title} ({len(texts)})').classes('inc-bone-title')
        room_left = budget - TITLE * LINE - 3.4
        cut = [shorten(text, width - 2, TEXT, 3) for text in texts]
        shown, left_out = newest_within(cut, room_left, lambda text: height(text, width - 2, TEXT) + 0.3)
        if texts:
            with ui.element('ul').classes('inc-bone-causes'):
                for text in shown:
                    with ui.element('li'):
                        ui.label(text)
        more(left_out, 'projector-more inc-more')
