"""The dilemma in the console: the stappenplan as a row of steps (go to any, back one, or on to the next: always one
obvious next step), the step's clock, and per step what the facilitator does there: show or hold what the phones
sent, pick the dilemma, write down its facts and two sides, curate the table, mark the alternatives, record the
inbrenger's deliberation and the agreements with their owners.

Forms stay put while the room moves: only the lists that show changing facts are re-made when they change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import Step, StepButton, Words, keyed_list, step_button
from ...ui.frame import live_section, live_value, run_command, svg_icon, t, tell, text_input
from ..base import Actor, ExtendTimer, PauseTimer, ResumeTimer, StopTimer
from . import rules as dm
from .common import (
    category_word,
    clock,
    column_word,
    comparison_bars,
    console,
    person,
    public,
    scores_line,
    step_line,
    step_word,
    terugblik_line,
)

Do = Callable[[object], bool]
SHOWN = 20  # held items listed at a time (oldest first); the rest follow as these are handled


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def key() -> tuple[object, ...]:
        view = public(room, activity_id)
        return view.stage, view.step, view.steps

    def heading(_: object) -> None:
        view = public(room, activity_id)
        ui.label(step_line(view)).classes('phase-chip').mark('dm-step')
        _stepper(view, do)

    live_section(room, key, heading)
    _controls(room, activity_id, do)
    live_section(room, key, lambda _: _stage(room, activity_id, do))


def _stage(room: LiveRoom, activity_id: str, do: Do) -> None:
    view = public(room, activity_id)
    if view.stage is dm.Stage.SETUP:
        _setup(view, console(room, activity_id), do)
        _inventory(room, activity_id, do)
        return
    if view.stage is dm.Stage.DONE:
        _done(room, activity_id, do)
        return
    match view.step:
        case dm.Step.INVENTARISEREN:
            _inventory(room, activity_id, do)
        case dm.Step.KIEZEN:
            live_section(room, lambda: _candidates_key(room, activity_id), lambda _: _choose(room, activity_id, do))
        case dm.Step.FORMULEREN:
            _inbrenger(room, activity_id, do)
            _formulate(room, activity_id, do)
        case dm.Step.VERHELDEREN:
            _inbrenger(room, activity_id, do)
            ui.label(t('dm.rule.reminder')).classes('facilitator-note')
            _entries(room, activity_id, (dm.Column.VRAAG,), do)
        case dm.Step.WAARDEN:
            _inbrenger(room, activity_id, do)
            _entries(room, activity_id, dm.COLUMNS[dm.Step.WAARDEN], do)
        case dm.Step.ALTERNATIEVEN:
            _inbrenger(room, activity_id, do)
            _entries(room, activity_id, (dm.Column.ALTERNATIEF,), do)
            _marks(room, activity_id, do)
        case dm.Step.AFWEGING:
            _inbrenger(room, activity_id, do)
            _deliberate(room, activity_id, do)
        case dm.Step.AFSPRAKEN:
            _entries(room, activity_id, (dm.Column.EENS, dm.Column.VERSCHIL), do)
            _agreements(room, activity_id, do)
            live_section(room, lambda: public(room, activity_id).judged_after, _judged_after)
        case dm.Step.TERUGBLIK:
            live_section(room, lambda: _evaluation_key(room, activity_id), lambda _: _evaluation(room, activity_id))
            live_section(room, lambda: public(room, activity_id).judged_after, _judged_after)


def _stepper(view: dm.PublicView, do: Do) -> None:
    """Every step of the run as a button; the current one says so in words (aria-current and a marker)."""
    with ui.element('ol').classes('dm-stepper').props(f'aria-label="{t("dm.stappenplan")}"'):
        for number, step in enumerate(view.steps, start=1):
            current = step is view.step and view.stage is dm.Stage.RUNNING
            with ui.element('li'):
                label = f'{number}. {step_word(step)}' + (f' ({t("dm.now")})' if current else '')
                button = ui.button(label, on_click=lambda s=step: do(dm.GoToStep(s.value)))
                button.props('no-caps dense ' + ('unelevated' if current else 'flat'))
                if current:
                    button.props['aria-current'] = 'step'
                button.mark(f'dm-go-{step.value}')


def _controls(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Back, the next step and the step's timer: made once and updated in place, so a click always lands."""

    def previous() -> Step | None:
        view = public(room, activity_id)
        if not console(room, activity_id).back:
            return None
        return Step('dm.previous', dm.PreviousStep(), about=(view.stage, view.step), icon='arrow_back')

    def following() -> Step | None:
        own = console(room, activity_id)
        match own.forward:
            case dm.Forward.START:
                return Step('dm.start', dm.NextStep())
            case dm.Forward.NEXT if own.next_step is not None:
                words = (('name', Words(f'dm.step.{own.next_step.value}')),)
                return Step('dm.next', dm.NextStep(), words, about=public(room, activity_id).step, icon='arrow_forward')
            case dm.Forward.END:
                return Step('dm.end', dm.EndDilemma(), icon='flag')
        return None

    with ui.row().classes('items-center gap-3'):
        StepButton(room, previous, do).props('no-caps outline').mark('dm-previous')
        step_button(room, following, do)

    def timer_key() -> tuple[object, ...]:
        view = public(room, activity_id)
        return view.stage, view.deadline, view.left

    live_section(
        room, timer_key, lambda key: _timer(public(room, activity_id), do) if key[0] is dm.Stage.RUNNING else None
    )


def _timer(view: dm.PublicView, do: Do) -> None:
    with ui.row().classes('items-center gap-2'):
        clock(view, 'voted-live')
        if view.deadline is not None:
            ui.button(t('quiz.timer.pause'), icon='pause', on_click=lambda: do(PauseTimer())).props('no-caps flat')
        if view.left is not None:
            ui.button(t('quiz.timer.resume'), icon='play_arrow', on_click=lambda: do(ResumeTimer())).props(
                'no-caps flat'
            )
        ui.button(t('arena.extend'), icon='more_time', on_click=lambda: do(ExtendTimer(60))).props('no-caps flat')
        if view.deadline is not None or view.left is not None:
            ui.button(t('quiz.timer.stop'), icon='timer_off', on_click=lambda: do(StopTimer())).props('no-caps flat')


def _setup(view: dm.PublicView, own: dm.ConsoleView, do: Do) -> None:
    """Which steps to run (all, or a short version for a werkoverleg) and how long each may take."""
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.plan')).classes('text-lg font-bold').props('role=heading aria-level=3')
        with ui.row().classes('gap-3'):
            ui.button(t('dm.all_steps'), on_click=lambda: do(dm.SetSteps(tuple(s.value for s in dm.ORDER)))).props(
                'no-caps outline'
            ).mark('dm-all-steps')
            ui.button(t('dm.short'), on_click=lambda: do(dm.SetSteps(tuple(s.value for s in dm.SHORT)))).props(
                'no-caps outline'
            ).mark('dm-short')
        minutes: dict[dm.Step, ui.number] = {}
        checks: dict[dm.Step, ui.checkbox] = {}
        shown = dict(own.minutes)  # the plan's share, or the step's own
        for step in dm.ORDER:
            with ui.row().classes('items-center gap-3 no-wrap'):
                checks[step] = ui.checkbox(step_word(step), value=step in view.steps).classes('grow')
                minutes[step] = (
                    ui.number(t('arena.minutes'), value=shown[step], min=0, max=240, precision=0)
                    .props('outlined dense stack-label')
                    .classes('w-32')
                )

        def save() -> None:
            client, text = ui.context.client, t('common.saved')  # taken now: a new run of steps re-makes this card
            chosen = tuple(s.value for s, box in checks.items() if box.value)
            ok = do(dm.SetSteps(chosen))
            for step, field in minutes.items():
                given = int(field.value or 0)
                if ok and given != shown[step]:  # changed here: this step's own; the rest keep following the plan
                    ok = do(dm.SetStepSeconds(step.value, given * 60))
            if ok:
                tell(client, text)

        ui.button(t('common.save'), on_click=save).props('no-caps').mark('dm-save-plan')


# --- what the phones send: held, shown or removed ---------------------------------------------------------------------


def _moderation(room: LiveRoom, activity_id: str, do: Do) -> None:
    """What the phones sent, held until shown. The heading's count and *Toon alles* are updated in place (a click on
    them is never lost to a re-render while more arrive); only the listed items are re-made when they change."""
    with ui.card().classes('control-card w-full key-banner') as card:
        with ui.row().classes('items-center gap-3 w-full'):
            heading = ui.label().classes('text-lg font-bold grow').props('role=heading aria-level=3')
            ui.button(t('dm.show_all'), on_click=lambda: do(dm.ApproveAll())).props('no-caps outline').classes(
                'dm-show-all'
            ).mark('dm-show-all')

        def count() -> int:
            return len(console(room, activity_id).held)

        def show(n: int) -> None:
            heading.set_text(t('dm.held', n=n))
            card.set_visibility(n > 0)

        live_value(room, count, show)

        def key() -> tuple[str, ...]:
            return tuple(i.id for i in console(room, activity_id).held[:SHOWN])

        live_section(room, key, lambda _: _held(room, activity_id, do))


def _held(room: LiveRoom, activity_id: str, do: Do) -> None:
    for item in console(room, activity_id).held[:SHOWN]:  # oldest first; the rest follow
        with ui.row().classes('items-center gap-2 no-wrap w-full'):
            if isinstance(item.kind, dm.Category):  # a dilemma
                by = person(room, item.author) if item.author else ''
                word = category_word(item.kind) + (f' · {by}' if by else '')
            else:
                word = column_word(item.kind)
            ui.label(f'{word}: {item.text}').classes('grow lh-argument-text')
            ui.button(t('dm.show'), on_click=lambda i=item.id: do(dm.Approve(i))).props(
                'no-caps unelevated dense'
            ).mark('dm-approve')
            ui.button(t('arena.reject'), on_click=lambda i=item.id: do(dm.Reject(i))).props(
                'no-caps flat dense color=negative'
            )


def _inventory(room: LiveRoom, activity_id: str, do: Do) -> None:
    _moderation(room, activity_id, do)
    live_section(room, lambda: _candidates_key(room, activity_id), lambda _: _candidates(room, activity_id, do))
    with ui.expansion(t('dm.add_dilemma'), icon='add').classes('w-full'):
        category = ui.select({c.value: category_word(c) for c in dm.Category}, value=dm.Category.GRENZEN.value)
        category.props('outlined stack-label').classes('w-72').props(f'label="{t("dm.category")}"')
        text = text_input(t('dm.dilemma'), dm.MAX_DILEMMA, multiline=True).classes('w-full').mark('dm-own-dilemma')

        def add() -> None:
            if do(dm.AddDilemma(text.value or '', category.value)):
                text.value = ''

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('dm-add-dilemma')


def _candidates_key(room: LiveRoom, activity_id: str) -> tuple[object, ...]:
    view = public(room, activity_id)
    return view.candidates, view.ratings_closed, view.ratings_minimum, view.chosen.id if view.chosen else ''


def _candidates(room: LiveRoom, activity_id: str, do: Do) -> None:
    view = public(room, activity_id)
    chosen_id = view.chosen.id if view.chosen is not None else ''
    if not view.candidates:
        return
    ui.label(t('dm.candidates', n=len(view.candidates))).classes('text-lg font-bold').props('role=heading aria-level=3')
    for candidate in view.candidates:
        with ui.row().classes('items-center gap-2 no-wrap w-full'):
            chosen = candidate.id == chosen_id
            prefix = f'{t("dm.chosen")} · ' if chosen else ''
            ui.label(f'{prefix}{category_word(candidate.category)}: {candidate.text}').classes(
                'grow lh-argument-text' + (' font-bold' if chosen else '')
            )
            if not chosen:
                ui.button(t('dm.choose'), on_click=lambda c=candidate.id: do(dm.ChooseDilemma(c))).props(
                    'no-caps outline dense'
                ).mark('dm-choose')
                ui.button(t('arena.remove'), on_click=lambda c=candidate.id: do(dm.Reject(c))).props(
                    'no-caps flat dense'
                )


def _choose(room: LiveRoom, activity_id: str, do: Do) -> None:
    """While people rate: how many rated each dilemma, and the button that closes the rating. Then the ranking (the
    console shows what the projector shows: a mean that moves with every rating would show each person's)."""
    view = public(room, activity_id)
    chosen_id = view.chosen.id if view.chosen is not None else ''
    ranked = view.ranked
    others = [c for c in view.candidates if c not in ranked]
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.ranking')).classes('text-lg font-bold').props('role=heading aria-level=3')
        if not view.candidates:
            ui.label(t('dm.no_candidates')).classes('facilitator-note')
        elif not view.ratings_closed:
            ui.label(t('dm.ratings_open', min=view.ratings_minimum)).classes('facilitator-note')
            ui.button(t('dm.close_ratings'), icon='lock', on_click=lambda: do(dm.CloseRatings())).props(
                'no-caps outline'
            ).mark('dm-close-ratings')
        elif not ranked:
            ui.label(t('dm.ratings_hidden', min=view.ratings_minimum)).classes('facilitator-note')
        with ui.element('ol').classes('lh-queue-console'):
            for candidate in [*ranked, *others]:
                with ui.element('li'), ui.row().classes('items-center gap-2 no-wrap'):
                    chosen = candidate.id == chosen_id
                    with ui.column().classes('grow gap-0'):
                        with ui.row().classes('items-center gap-1 no-wrap'):
                            if chosen:
                                ui.icon(svg_icon('check_circle'), size='1.25rem').props('aria-hidden=true')
                            ui.label(candidate.text).classes('font-bold' if chosen else '')
                        ui.label(scores_line(candidate)).classes('text-sm')
                    if not chosen:
                        ui.button(t('dm.choose'), on_click=lambda c=candidate.id: do(dm.ChooseDilemma(c))).props(
                            'no-caps unelevated dense'
                        ).mark('dm-choose')
                    else:
                        ui.label(t('dm.chosen')).classes('phase-chip small')


def _formulate(room: LiveRoom, activity_id: str, do: Do) -> None:
    view = public(room, activity_id)
    chosen, formulation = view.chosen, dict(view.formulation)
    with ui.card().classes('control-card w-full'):
        if chosen is None:
            ui.label(t('dm.choose_first')).classes('facilitator-note')
        else:
            ui.label(chosen.text).classes('statement-text text-xl').props('role=heading aria-level=3')
        fields = {}
        for name in dm.FORMULATION:
            side = name.startswith('kant')
            fields[name] = (
                text_input(
                    t(f'dm.field.{name}'),
                    dm.MAX_SIDE if side else dm.MAX_FIELD,
                    value=formulation[name],
                    multiline=not side,
                )
                .classes('w-full')
                .mark(f'dm-{name}')
            )

        def save() -> None:
            if do(dm.Formulate(**{name: field.value or '' for name, field in fields.items()})):
                ui.notify(t('common.saved'), type='positive', position='top')

        ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').classes('dm-save-formulation').mark(
            'dm-save-formulation'
        )
    live_section(
        room,
        lambda: public(room, activity_id).judged_before,
        lambda n: ui.label(t('dm.judged_count', n=n)).classes('voted-live').props('role=status'),
    )


def _entries(room: LiveRoom, activity_id: str, columns: tuple[dm.Column, ...], do: Do) -> None:
    """Held entries to show or remove, the shown ones per column (moved or removed), and one to add."""
    _moderation(room, activity_id, do)

    _columns(room, activity_id, columns, do)
    with ui.row().classes('items-end gap-3 w-full no-wrap'):
        column = None
        if len(columns) > 1:
            column = ui.select({c.value: column_word(c) for c in columns}, value=columns[0].value)
            column.props(f'outlined stack-label label="{t("dm.column")}"').classes('w-48').mark('dm-add-column')
        text = text_input(t(f'dm.entry.{columns[0].value}'), dm.MAX_ENTRY).classes('grow').mark('dm-add-text')

        def add() -> None:
            if do(dm.AddEntry(column.value if column is not None else columns[0].value, text.value or '')):
                text.value = ''

        text.on('keydown.enter', add)
        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('dm-add-entry')


def _columns(room: LiveRoom, activity_id: str, columns: tuple[dm.Column, ...], do: Do) -> None:
    """Each column's shown entries, each row made once (a click on it lands while others arrive): moved, linked to a
    betrokkene (step 5) or removed."""
    with ui.row().classes('w-full gap-4 items-start'):
        for column in columns:
            with ui.card().classes('quiz-group-card grow'):
                heading = ui.label().classes('font-bold').props('role=heading aria-level=3')

                def count(c: dm.Column = column) -> int:
                    return len(public(room, activity_id).column(c))

                def title(n: int, c: dm.Column = column, label: ui.label = heading) -> None:
                    label.set_text(f'{column_word(c)} ({n})')

                live_value(room, count, title)

                def keys(c: dm.Column = column) -> tuple[str, ...]:
                    return tuple(i.id for i in public(room, activity_id).column(c))

                def row(key: str, c: dm.Column = column) -> None:
                    _entry_row(room, activity_id, key, c, columns, do)

                keyed_list(room, keys, row)


def _entry_row(
    room: LiveRoom, activity_id: str, key: str, column: dm.Column, columns: tuple[dm.Column, ...], do: Do
) -> None:
    """A shown entry of `column` (a move re-makes it in the other column's list)."""
    entry = public(room, activity_id).entry(key)
    if entry is None:
        return
    with ui.row().classes('items-center gap-1 no-wrap w-full'):
        ui.label(entry.text).classes('grow lh-argument-text')
        if column in dm.STAKES and dm.Column.BETROKKENEN in columns:
            _assign(room, activity_id, key, do)
        others = [c for c in columns if c is not column]
        if len(columns) == 2:
            move = ui.button(
                column_word(others[0]),
                icon='arrow_forward',
                on_click=lambda o=others[0].value: do(dm.MoveEntry(key, o)),
            )
            move.props('flat dense no-caps')
        elif len(columns) > 2:
            ui.select(
                {c.value: column_word(c) for c in columns},
                value=column.value,
                on_change=lambda e: do(dm.MoveEntry(key, e.value)) if e.value != column.value else None,
            ).props(f'outlined dense stack-label label="{t("dm.move_to")}"').classes('w-44')
        remove = ui.button(t('arena.remove'), on_click=lambda: do(dm.Reject(key)))
        remove.props('flat dense no-caps')


def _assign(room: LiveRoom, activity_id: str, key: str, do: Do) -> None:
    """Which betrokkene a right, interest, value or norm belongs to: a select kept current in place."""
    none = 'geen'
    select = ui.select({none: t('dm.of.none')}, value=none).props(
        f'outlined dense stack-label label="{t("dm.assign")}"'
    )
    select.classes('w-48').mark('dm-assign')
    quiet = [False]  # while the room sets it: not a choice to send

    def current() -> tuple[tuple[tuple[str, str], ...], str]:
        view = public(room, activity_id)
        people = tuple((i.id, i.text) for i in view.column(dm.Column.BETROKKENEN))
        item = view.entry(key)
        return people, (item.of if item is not None and item.of else none)

    def show(value: tuple[tuple[tuple[str, str], ...], str]) -> None:
        people, of = value
        quiet[0] = True
        select.set_options({none: t('dm.of.none'), **dict(people)}, value=of)
        quiet[0] = False

    def chosen(event: Any) -> None:
        if not quiet[0] and event.value is not None:
            do(dm.Assign(key, '' if event.value == none else event.value))

    select.on_value_change(chosen)
    live_value(room, current, show)


NONE = 'geen'  # a toggle's value for 'no verdict'


def _marks(room: LiveRoom, activity_id: str, do: Do) -> None:
    """For each alternative and each value or norm: does it do justice to it, or go against it (as the group says)?
    Each alternative's row and each of its toggles is made once and kept current in place."""
    with ui.card().classes('control-card w-full') as card:
        ui.label(t('dm.marks')).classes('text-lg font-bold').props('role=heading aria-level=3')
        note = ui.label(t('dm.no_values')).classes('facilitator-note')

        def shape() -> tuple[bool, bool]:
            view = public(room, activity_id)
            return bool(view.alternatives), any(view.column(c) for c in dm.VALUES)

        def show(value: tuple[bool, bool]) -> None:
            card.set_visibility(value[0])
            note.set_visibility(not value[1])

        live_value(room, shape, show)
        keyed_list(
            room,
            lambda: tuple(a.id for a in public(room, activity_id).alternatives),
            lambda key: _alternative_marks(room, activity_id, key, do),
        )


def _alternative_marks(room: LiveRoom, activity_id: str, key: str, do: Do) -> None:
    alternative = public(room, activity_id).entry(key)
    if alternative is None:
        return
    ui.label(alternative.text).classes('font-bold')

    def values() -> tuple[str, ...]:
        view = public(room, activity_id)
        return tuple(i.id for c in dm.VALUES for i in view.column(c))

    keyed_list(room, values, lambda value: _verdict(room, activity_id, key, value, do), tag='ul', entry_tag='li')


def _verdict(room: LiveRoom, activity_id: str, alternative: str, value: str, do: Do) -> None:
    entry = public(room, activity_id).entry(value)
    if entry is None:
        return
    options = {NONE: t('dm.verdict.none'), **{v.value: t(f'dm.verdict.{v.value}') for v in dm.Verdict}}
    with ui.row().classes('items-center gap-2 no-wrap'):
        ui.label(entry.text).classes('grow')
        toggle = ui.toggle(options, value=NONE).props('no-caps dense toggle-color=primary')
        toggle.props(f'role=group aria-label="{entry.text}"').mark('dm-mark')
    quiet = [False]

    def current() -> str:
        found = next((a for a in public(room, activity_id).alternatives if a.id == alternative), None)
        if found is None:
            return NONE
        if value in found.does_justice:
            return dm.Verdict.RECHT.value
        return dm.Verdict.TEGEN.value if value in found.goes_against else NONE

    def show(verdict: str) -> None:
        quiet[0] = True
        toggle.set_value(verdict)
        quiet[0] = False

    def chosen(event: Any) -> None:
        if quiet[0] or event.value is None:
            return
        if event.value == NONE:
            do(dm.Mark(alternative, value, on=False))
        else:
            do(dm.Mark(alternative, value, True, event.value))

    toggle.on_value_change(chosen)
    live_value(room, current, show)


def _deliberate(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The inbrenger's afweging, typed here or on their own phone: each field follows what was saved (from either)."""
    given = dict(public(room, activity_id).deliberation)
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.deliberation')).classes('text-lg font-bold').props('role=heading aria-level=3')
        fields = {
            name: text_input(t(f'dm.deliberation.{name}'), dm.MAX_FIELD, value=given[name], multiline=True)
            .classes('w-full')
            .mark(f'dm-{name}')
            for name in dm.DELIBERATION
        }
        for name, field in fields.items():

            def saved(n: str = name) -> str:
                return dict(public(room, activity_id).deliberation)[n]

            def follow(text: str, f: Any = field) -> None:
                if f.value != text:
                    f.set_value(text)

            live_value(room, saved, follow)

        def save() -> None:
            ok = True
            for name, field in fields.items():
                ok = ok and do(dm.Deliberate(name, field.value or ''))
            if ok:
                ui.notify(t('common.saved'), type='positive', position='top')

        ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').mark('dm-save-deliberation')


def _inbrenger(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Who brought the dilemma in: marked here (from the named participants) or volunteered on a phone. Made once per
    step, kept current in place; only this console and the inbrenger's own phone know who it is."""
    with ui.card().classes('control-card w-full').mark('dm-inbrenger'):
        ui.label(t('dm.inbrenger')).classes('text-lg font-bold').props('role=heading aria-level=3')
        status = ui.label().props('role=status')
        with ui.row().classes('items-end gap-3'):
            who = ui.select({}, value=None).props(f'outlined dense stack-label label="{t("dm.inbrenger.who")}"')
            who.classes('w-64').mark('dm-inbrenger-who')
            ui.button(
                t('dm.inbrenger.mark'), on_click=lambda: do(dm.SetInbrenger(who.value)) if who.value else None
            ).props('no-caps outline').mark('dm-inbrenger-mark')
            clear = ui.button(t('dm.inbrenger.clear'), on_click=lambda: do(dm.SetInbrenger('')))
            clear.props('no-caps flat').mark('dm-inbrenger-clear')

    def current() -> tuple[str, str]:
        pid = console(room, activity_id).inbrenger
        return pid, (person(room, pid) or t('dm.inbrenger.anonymous')) if pid else ''

    def show(value: tuple[str, str]) -> None:
        pid, name = value
        status.set_text(t('dm.inbrenger.is', name=name) if pid else t('dm.inbrenger.none'))
        clear.set_visibility(bool(pid))

    def named() -> tuple[tuple[str, str], ...]:
        return tuple((p.id, p.name) for p in room.state.participants.values() if p.name)

    def choices(people: tuple[tuple[str, str], ...]) -> None:
        options = dict(people)
        who.set_options(options, value=who.value if who.value in options else None)

    live_value(room, current, show)
    live_value(room, named, choices)


def _agreements(room: LiveRoom, activity_id: str, do: Do) -> None:
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.agreements')).classes('text-lg font-bold').props('role=heading aria-level=3')
        live_section(room, lambda: public(room, activity_id).agreements, lambda items: _agreement_list(items, do))
        kind = ui.select(
            {k.value: t(f'dm.kind.{k.value}') for k in dm.AgreementKind}, value=dm.AgreementKind.WERK.value
        )
        kind.props(f'outlined stack-label label="{t("dm.kind")}"').classes('w-64').mark('dm-agreement-kind')
        text = text_input(t('dm.agreement'), dm.MAX_ENTRY, multiline=True).classes('w-full').mark('dm-agreement')
        with ui.row().classes('items-end gap-3 w-full'):
            owner = text_input(t('dm.owner'), dm.MAX_OWNER).classes('w-64').mark('dm-owner')
            term = ui.input(t('dm.term')).props('type=date outlined stack-label').classes('w-48').mark('dm-term')
        basis = text_input(t('dm.basis'), dm.MAX_ENTRY).classes('w-full').mark('dm-basis')

        def add() -> None:
            if do(
                dm.AddAgreement(kind.value, text.value or '', owner.value or '', term.value or '', basis.value or '')
            ):
                text.value = owner.value = term.value = basis.value = ''

        ui.button(t('dm.add_agreement'), icon='add', on_click=add).props('no-caps').mark('dm-add-agreement')


def _agreement_list(agreements: tuple[dm.Agreement, ...], do: Do) -> None:
    with ui.element('ol').classes('lh-queue-console'):
        for agreement in agreements:
            with ui.element('li'), ui.row().classes('items-center gap-2 no-wrap'):
                with ui.column().classes('grow gap-0'):
                    ui.label(f'{t(f"dm.kind.{agreement.kind.value}")}: {agreement.text}').classes('font-bold')
                    details = [t('dm.owner_is', owner=agreement.owner)]
                    if agreement.term:
                        details.append(t('dm.term_is', term=agreement.term))
                    if agreement.basis:
                        details.append(t('dm.basis_is', basis=agreement.basis))
                    ui.label(' · '.join(details)).classes('text-sm')
                ui.button(t('arena.remove'), on_click=lambda a=agreement.id: do(dm.RemoveAgreement(a))).props(
                    'flat dense no-caps'
                )


def _judged_after(n: int) -> None:
    ui.label(t('dm.judged_after_count', n=n)).classes('voted-live').props('role=status')


def _evaluation_key(room: LiveRoom, activity_id: str) -> tuple[Any, ...]:
    view = public(room, activity_id)
    closed = view.answers_closed, view.answers_minimum
    return view.evaluated, view.mean_score, closed, console(room, activity_id).evaluation_sentences


def _evaluation(room: LiveRoom, activity_id: str) -> None:
    view = public(room, activity_id)
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.evaluation')).classes('text-lg font-bold').props('role=heading aria-level=3')
        if view.evaluated:
            ui.label(terugblik_line(view)).classes('voted-live').props('role=status')
        else:
            ui.label(t('dm.no_evaluation')).classes('facilitator-note')
        with ui.element('ul'):
            for sentence in console(room, activity_id).evaluation_sentences:
                with ui.element('li'):
                    ui.label(sentence)


def _done(room: LiveRoom, activity_id: str, do: Do) -> None:
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.comparison')).classes('text-lg font-bold').props('role=heading aria-level=3')
        view = public(room, activity_id)
        comparison_bars(view.comparison)
        if view.evaluated:
            ui.label(f'{t("dm.step.terugblik")}: {terugblik_line(view)}').mark('dm-terugblik')
    _agreements(room, activity_id, do)
    ui.link(t('dm.to_summary'), f'/f/{room.code}/summary')
