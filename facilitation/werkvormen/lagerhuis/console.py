"""The lagerhuis in the console: the stelling and the sides, the preparation, then the floor (queue, speaker,
time), the arguments (recorded, linked, struck with a reason), the live tally and the facilitator's own insight
into how the floor was shared; the nabespreking with its conclusions.

Forms stay put while the room moves: only the parts that show changing facts are re-made when they change."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import Clock, Step, StepButton, keyed_list, step_button, timer_buttons
from ...ui.countdown import countdown
from ...ui.frame import live_section, live_value, run_command, t, text_input
from ...ui.people import member_names, move_form
from ..base import Actor
from . import rules as lh
from .common import console, person, public, queued, result_text, side_badge, side_word, tally_text

Do = Callable[[object], bool]


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def stage() -> lh.Stage:
        return public(room, activity_id).stage

    live_section(room, stage, lambda stage: _heading(room, activity_id, stage))
    _start(room, activity_id, do)  # made once: a click on its buttons lands while phones join or the stage moves on
    live_section(room, stage, lambda stage: _stage(room, activity_id, stage, do))


def _heading(room: LiveRoom, activity_id: str, stage: lh.Stage) -> None:
    with ui.row().classes('items-center gap-2'):
        ui.label(t(f'lh.stage.{stage.value}')).classes('phase-chip')
        tally = ui.label().classes('voted-live')
        live_value(
            room,
            lambda: public(room, activity_id).tally,
            lambda _: tally.set_text(tally_text(public(room, activity_id))),
        )
    live_section(room, lambda: public(room, activity_id).statement, lambda text: _statement(text))


def _stage(room: LiveRoom, activity_id: str, stage: lh.Stage, do: Do) -> None:
    _sides(room, activity_id, do)
    if stage is lh.Stage.PREPARATION:
        live_section(room, lambda: console(room, activity_id).notes, lambda notes: _notes(notes))
    if stage is lh.Stage.DEBATE:
        _floor(room, activity_id, do)
        _record_form(room, activity_id, do)
        ui.button(t('lh.end_debate'), icon='flag', on_click=lambda: do(lh.EndDebate())).props('no-caps outline').mark(
            'end-debate'
        )
        live_section(room, lambda: console(room, activity_id).turns, lambda _: _insight(room, activity_id))
    if stage is lh.Stage.DISCUSSION:
        _discussion(room, activity_id, do)
    _arguments(room, activity_id, do, strikeable=stage is not lh.Stage.SETUP)


def _statement(text: str) -> None:
    ui.label(t('lh.statement')).classes('statement-position')
    ui.label(text or t('lh.no_statement')).classes('statement-text text-2xl').props('role=heading aria-level=2')


def _start(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The set-up form, the preparation's clock and the steps to the debate, made once and shown as the stage
    allows: *Start het debat* is one button in the set-up and the preparation, so a click lands while phones join
    or the preparation starts."""

    def stage() -> lh.Stage:
        return public(room, activity_id).stage

    def start_debate() -> Step | None:
        return Step('lh.start_debate', lh.StartDebate()) if stage() in (lh.Stage.SETUP, lh.Stage.PREPARATION) else None

    def start_preparation() -> Step | None:
        return Step('lh.start_preparation', lh.StartPreparation()) if stage() is lh.Stage.SETUP else None

    with ui.card().classes('control-card w-full') as card:
        with ui.column().classes('w-full gap-3') as setup:
            _setup(room, activity_id, do)
        _clock(room, activity_id, do)
        with ui.row().classes('items-center gap-3'):
            StepButton(room, start_preparation, do).props('no-caps outline').mark('start-preparation')
            step_button(room, start_debate, do)
    live_value(room, lambda: stage() in (lh.Stage.SETUP, lh.Stage.PREPARATION), card.set_visibility)
    live_value(room, lambda: stage() is lh.Stage.SETUP, setup.set_visibility)


def _setup(room: LiveRoom, activity_id: str, do: Do) -> None:
    setup, debate = console(room, activity_id), public(room, activity_id)
    ui.label(t('lh.console.setup_hint')).classes('facilitator-note')
    if setup.suggestions:
        options = {text: text[:110] for text in setup.suggestions}
        chosen = (
            ui.select(options, label=t('lh.choose_statement'), with_input=True)
            .props('outlined stack-label')
            .classes('w-full')
            .mark('statement-choice')
        )
    field = (
        text_input(t('lh.statement'), lh.MAX_STATEMENT, value=debate.statement).classes('w-full').mark('lh-statement')
    )
    if setup.suggestions:
        chosen.on_value_change(lambda e: field.set_value(e.value or field.value))
    ui.button(t('lh.use_statement'), on_click=lambda: do(lh.SetStatement(field.value or ''))).props('no-caps').mark(
        'use-statement'
    )
    with ui.row().classes('items-end gap-3'):
        prep = ui.number(t('lh.prep_seconds'), value=setup.prep_seconds, min=0, max=lh.MAX_SECONDS, precision=0)
        prep.props('outlined stack-label').classes('w-56')
        turn = ui.number(t('lh.turn_seconds'), value=setup.turn_seconds, min=0, max=lh.MAX_SECONDS, precision=0)
        turn.props('outlined stack-label').classes('w-56')
        ui.button(t('common.save'), on_click=lambda: do(lh.SetTimes(int(prep.value or 0), int(turn.value or 0)))).props(
            'no-caps flat'
        )
    with ui.row().classes('items-center gap-3'):
        ui.button(t('lh.divide'), icon='shuffle', on_click=lambda: do(lh.DivideSides())).props('no-caps').mark(
            'divide-sides'
        )

        def choice() -> bool:
            return public(room, activity_id).side_choice

        # set in place as the room changes (another console): on_change then fires too, and sends nothing
        switch = ui.switch(
            t('lh.allow_choice'),
            value=debate.side_choice,
            on_change=lambda e: do(lh.AllowSideChoice(e.value)) if e.value != choice() else None,
        )
        live_value(room, choice, switch.set_value)


def _sides(room: LiveRoom, activity_id: str, do: Do) -> None:
    def key() -> tuple[bool, lh.Stage]:  # the fold-out is made again only when it appears or the stage moves on
        return bool(console(room, activity_id).members), public(room, activity_id).stage

    def newcomers() -> int:  # joins change it: the row is updated in place, so its button stays clickable
        view = console(room, activity_id)
        members = dict(view.members)
        return sum(pid not in members for pid in room.state.participants) if view.places_newcomers else 0

    with ui.row().classes('items-center gap-3').props('role=status') as row:
        count = ui.label()
        place = StepButton(room, lambda: Step('lh.place_newcomers', lh.PlaceNewcomers()) if newcomers() else None, do)
        place.props('no-caps outline').mark('place-newcomers')

    def show(n: int) -> None:
        count.set_text(t('lh.newcomers', n=n))
        row.set_visibility(n > 0)

    live_value(room, newcomers, show)
    live_section(room, key, lambda _: _sides_editor(room, activity_id, do))


def _sides_editor(room: LiveRoom, activity_id: str, do: Do) -> None:
    if not console(room, activity_id).members:
        return

    def cards() -> tuple[Any, ...]:
        names = tuple((pid, p.name) for pid, p in room.state.participants.items())
        return console(room, activity_id).members, names

    def people() -> dict[str, str]:
        members = dict(console(room, activity_id).members)
        return {pid: person(room, pid, members.get(pid)) for pid in room.state.participants}

    setup = public(room, activity_id).stage is lh.Stage.SETUP
    with ui.expansion(t('lh.sides'), icon='groups', value=setup).classes('w-full'):
        live_section(room, cards, lambda _: _side_cards(room, activity_id))
        sides = {s.value: side_word(s) for s in lh.Side}
        move_form(room, people, lambda: sides, t('lh.move_to'), lambda who, side: do(lh.MoveParticipant(who, side)))


def _side_cards(room: LiveRoom, activity_id: str) -> None:
    placed = console(room, activity_id).members
    with ui.row().classes('w-full gap-4 items-start'):
        for side in lh.Side:
            members = [pid for pid, s in placed if s is side]
            with ui.card().classes('quiz-group-card'):
                with ui.row().classes('items-center gap-2'):
                    side_badge(side)
                    ui.label(t('proj.joined', n=len(members))).classes('font-bold')
                member_names([person(room, pid, side) for pid in members])


def _clock(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The clock, re-drawn as it changes, and its buttons made once beside it: a click on *Pauzeer tijd* lands
    while the clock is extended or the floor moves on."""

    def clock() -> tuple[float | None, float | None, bool]:
        view = public(room, activity_id)
        running = view.stage is lh.Stage.PREPARATION or bool(view.speaker)  # a clock only while it can run
        return view.timer_deadline, view.timer_left, running

    def buttons() -> Clock:
        deadline, left, running = clock()
        if not running:
            return Clock()
        timed = deadline is not None or left is not None
        return Clock(pause=deadline is not None, resume=left is not None, extend=True, stop=timed)

    def show(value: tuple[float | None, float | None, bool]) -> None:
        deadline, left, running = value
        if running:
            countdown(deadline, left, time.time(), 'voted-live')

    with ui.row().classes('items-center gap-2') as row:
        live_section(room, clock, show)
        timer_buttons(room, buttons, (lh.PauseTimer(), lh.ResumeTimer(), lh.ExtendTimer(30), lh.StopTimer()), do)
    live_value(room, lambda: clock()[2], row.set_visibility)


def _notes(notes: tuple[lh.Note, ...]) -> None:
    with ui.row().classes('w-full gap-4 items-start'):
        for side in lh.Side:
            with ui.card().classes('quiz-group-card'):
                mine = [n.text for n in notes if n.side is side]
                with ui.row().classes('items-center gap-2'):
                    side_badge(side)
                    ui.label(t('lh.notes_n', n=len(mine))).classes('font-bold')
                with ui.element('ul').classes('lh-notes'):
                    for text in mine:
                        with ui.element('li'):
                            ui.label(text)


def _floor(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Who speaks and who waits. Made once and updated in place: the queue changes with every phone that asks for
    the floor, and a click on a step must land meanwhile."""

    def view() -> lh.PublicView:
        return public(room, activity_id)

    def name(pid: str) -> str:  # computed outside the page (no language): the name typed, if any
        in_room = dict(view().in_room)  # stood up without a phone
        if pid in in_room:
            return f'in the room: {in_room[pid]}'
        participant = room.state.participants.get(pid)
        return participant.name if participant is not None else ''

    def speaker() -> tuple[str | None, lh.Side | None, str]:
        current = view()
        who = current.speaker or None
        return who, current.speaker_side, name(who) if who else ''

    def show_speaker(value: tuple[str | None, lh.Side | None, str]) -> None:
        who, side, _ = value
        if who is None:
            ui.label(t('lh.nobody_speaks')).classes('text-lg')
            return
        with ui.row().classes('items-center gap-3'):
            in_room = dict(view().in_room)  # stood up without a phone
            ui.label(t('lh.floor_to', name=person(room, who, side, in_room))).classes('text-xl font-bold')
            if side:
                side_badge(side)

    def give_next() -> Step | None:  # to the one first in the queue now, named: a new step when that changes
        queue = view().queue
        return Step('lh.give_next', lh.GiveFloor(queue[0][0])) if queue else None

    with ui.card().classes('control-card w-full'):
        live_section(room, speaker, show_speaker)
        end = StepButton(room, lambda: Step('lh.end_turn', lh.EndTurn()) if view().speaker else None, do)
        end.props('no-caps outline').mark('end-turn')
        step_button(room, give_next, do)
        auto = ui.switch(
            t('lh.auto_floor'),
            value=view().auto_floor,
            on_change=lambda e: do(lh.SetAutoFloor(e.value)) if e.value != view().auto_floor else None,
        )
        live_value(room, lambda: view().auto_floor, auto.set_value)
        ui.label(t('lh.queue')).classes('font-bold').props('role=heading aria-level=3')
        empty = ui.label(t('lh.queue_empty'))
        live_value(room, lambda: not view().queue, empty.set_visibility)
        entries = partial(_entries, room, activity_id)
        queue = keyed_list(room, entries, lambda entry: _queued(room, activity_id, entry, do), tag='ol', entry_tag='li')
        queue.classes('lh-queue-console')
    _stand_up_form(do)
    _clock(room, activity_id, do)


def _entries(room: LiveRoom, activity_id: str) -> tuple[str, ...]:
    """Who waits for the floor, in order: participants, and people in the room by their queue entry."""
    return tuple(entry for entry, _ in public(room, activity_id).queue)


def _queued(room: LiveRoom, activity_id: str, entry: str, do: Do) -> None:
    """One waiting entry of the queue, made once: its line and place are kept current in place, and its buttons
    name the entry (a phone's participant, or someone in the room) they were made for."""

    def line() -> tuple[str, int] | None:  # None once the entry has left the queue (the list removes it next)
        entries = _entries(room, activity_id)
        if entry not in entries:
            return None
        position = entries.index(entry)
        view = public(room, activity_id)
        return queued(room, entry, view.queue[position][1], dict(view.in_room)), position + 1

    with ui.row().classes('items-center gap-2 no-wrap'):
        text = ui.label().classes('grow')  # the side said once
        give = ui.button(t('lh.give_floor'), on_click=lambda: do(lh.GiveFloor(entry))).props('flat no-caps')
        give.mark(f'give-floor-{entry}')
        remove = ui.button(t('lh.take_off'), icon='close', on_click=lambda: do(lh.RemoveFromQueue(entry)))
        remove.props('flat dense no-caps').mark(f'take-off-{entry}')

    def show(value: tuple[str, int] | None) -> None:
        if value is None:
            return
        words, position = value
        text.set_text(words)
        for button, key in ((give, 'lh.give_floor'), (remove, 'lh.take_off')):
            button.props['aria-label'] = f'{t(key)} {position}: {words}'  # assigned: no markup
            button.update()

    live_value(room, line, show)


def _record_form(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The facilitator (or notulist) types an argument as it is said: for the speaker's side by default."""
    with ui.expansion(t('lh.record'), icon='edit_note', value=True).classes('w-full'):
        side = ui.select({s.value: side_word(s) for s in lh.Side}, value=lh.Side.VOOR.value, label=t('lh.for_side'))
        side.props('outlined stack-label').classes('w-48').mark('record-side')
        live_value(
            room,
            lambda: public(room, activity_id).speaker_side,
            lambda current: side.set_value(current.value) if current else None,
        )
        field = text_input(t('lh.argument'), lh.MAX_ARGUMENT, multiline=True).classes('w-full').mark('record-text')
        reply = ui.select({'': t('lh.no_reply')}, value='', label=t('lh.reply_to')).props('outlined stack-label')
        reply.classes('w-full').mark('record-reply')

        def arguments() -> tuple[lh.ArgumentView, ...]:
            return public(room, activity_id).arguments

        def options(items: tuple[lh.ArgumentView, ...]) -> None:  # what the projection says the side may answer
            usable = {a.id: f'{a.label}. {a.text[:60]}' for a in lh.answerable(items, lh.Side(side.value))}
            reply.set_options({'': t('lh.no_reply'), **usable}, value=reply.value if reply.value in usable else '')

        live_value(room, arguments, options)
        side.on_value_change(lambda _: options(arguments()))

        def record() -> None:
            if do(lh.RecordArgument(side.value, field.value or '', reply.value or '')):
                field.value = ''
                reply.value = ''

        ui.button(t('lh.record_button'), icon='add', on_click=record).props('no-caps').mark('record-argument')


def _arguments(room: LiveRoom, activity_id: str, do: Do, *, strikeable: bool) -> None:
    """Both sides' arguments, as on the projector but with the facilitator's buttons. Made once: an argument's entry
    is made when it comes in and struck or restored in place, so a click on *Schrappen* lands while arguments arrive.
    """

    def view() -> lh.PublicView:
        return public(room, activity_id)

    expansion = ui.expansion(t('lh.arguments'), icon='list', value=True).classes('w-full')
    with expansion, ui.row().classes('lh-columns w-full items-start gap-6'):
        for side in lh.Side:
            with ui.column().classes('lh-column grow gap-2'):
                with ui.row().classes('items-center gap-3'):
                    side_badge(side)
                    count = ui.label().classes('font-bold')
                none = ui.label(t('lh.no_arguments')).classes('text-sm lh-empty')
                live_value(room, partial(_counted, room, activity_id, side), partial(_show_count, count, none))
                arguments = keyed_list(
                    room,
                    partial(_argument_ids, room, activity_id, side),
                    lambda argument_id: _argument(room, activity_id, argument_id, do, strikeable=strikeable),
                    tag='ol',
                    entry_tag='li',
                )
                arguments.classes('lh-arguments').props['aria-label'] = side_word(side)
    live_value(room, lambda: bool(view().arguments), expansion.set_visibility)


def _argument_ids(room: LiveRoom, activity_id: str, side: lh.Side) -> tuple[str, ...]:
    return tuple(a.id for a in public(room, activity_id).arguments if a.side is side)


def _counted(room: LiveRoom, activity_id: str, side: lh.Side) -> tuple[int, bool]:
    """What counts for the side, and whether it has arguments at all."""
    view = public(room, activity_id)
    return view.tally[0 if side is lh.Side.VOOR else 1], any(a.side is side for a in view.arguments)


def _show_count(count: ui.label, none: ui.label, value: tuple[int, bool]) -> None:
    n, any_argument = value
    count.set_text(t('lh.count', n=n))
    none.set_visibility(not any_argument)


def _argument(room: LiveRoom, activity_id: str, argument_id: str, do: Do, *, strikeable: bool) -> None:
    """One argument: its text and the one it answers (fixed), struck or restored in place."""
    argument = next(a for a in public(room, activity_id).arguments if a.id == argument_id)
    with ui.element('div').classes('lh-argument') as item:
        ui.label(f'{argument.label}. {argument.text}').classes('lh-argument-text')
        if argument.reply_to:
            ui.label(t('lh.answers', label=argument.reply_to)).classes('lh-reply')
        reason = ui.label().classes('lh-struck-reason')
        if strikeable:
            restore = ui.button(t('lh.restore'), on_click=lambda: do(lh.RestoreArgument(argument_id)))
            restore.props('flat dense no-caps').props['aria-label'] = f'{t("lh.restore")} {argument.label}'
            strike = ui.button(t('lh.strike'), on_click=lambda: _strike_dialog(argument, do))
            strike.props('flat dense no-caps color=negative').props['aria-label'] = f'{t("lh.strike")} {argument.label}'

    def struck() -> tuple[bool, str]:
        current = next(a for a in public(room, activity_id).arguments if a.id == argument_id)  # never taken away
        return current.struck, current.reason

    def show(value: tuple[bool, str]) -> None:
        is_struck, why = value
        if is_struck:
            item.classes(add='struck')
        else:
            item.classes(remove='struck')
        reason.set_text(t('lh.struck', reason=why))
        reason.set_visibility(is_struck)
        if strikeable:
            restore.set_visibility(is_struck)
            strike.set_visibility(not is_struck)

    live_value(room, struck, show)


def _strike_dialog(argument: lh.ArgumentView, do: Do) -> None:
    with ui.dialog() as dialog, ui.card().classes('p-4 w-full max-w-lg'):
        ui.label(t('lh.strike_title', label=argument.label)).classes('text-xl font-bold').props(
            'role=heading aria-level=2'
        )
        ui.label(argument.text)
        reason = (
            text_input(t('lh.strike_reason'), lh.MAX_REASON, hint=t('lh.strike_hint'))
            .props('autofocus')
            .mark('strike-reason')
        )

        def strike() -> None:
            if do(lh.StrikeArgument(argument.id, reason.value or '')) and not dialog.is_deleted:
                dialog.close()

        reason.on('keydown.enter', strike)
        with ui.row():
            ui.button(t('lh.strike'), on_click=strike).props('no-caps unelevated color=negative').mark('confirm-strike')
            ui.button(t('common.cancel'), on_click=dialog.close).props('no-caps flat')
    dialog.on('hide', dialog.delete)
    dialog.open()


def _insight(room: LiveRoom, activity_id: str) -> None:
    """Only here, never on the projector: turns and speaking time per side, and per person who chose a name."""
    seen = lh.insight(console(room, activity_id), time.time())
    with ui.expansion(t('lh.insight'), icon='insights', value=False).classes('w-full'):
        for side in lh.Side:
            spoken = seen.sides[side]
            with ui.row().classes('items-center gap-3'):
                side_badge(side)
                ui.label(t('lh.insight_side', turns=spoken.turns, seconds=round(spoken.seconds)))
        named = [(pid, side, s) for pid, side, s in seen.people if (p := room.state.participants.get(pid)) and p.name]
        for pid, side, spoken in named:
            ui.label(
                t('lh.insight_person', name=person(room, pid, side), side=side_word(side), turns=spoken.turns,
                  seconds=round(spoken.seconds))
            ).classes('text-sm')  # fmt: skip


def _discussion(room: LiveRoom, activity_id: str, do: Do) -> None:
    view = public(room, activity_id)
    with ui.card().classes('control-card w-full'):
        ui.label(result_text(view)).classes('text-xl font-bold')
        field = (
            text_input(t('lh.conclusions'), lh.MAX_CONCLUSIONS, multiline=True, value=view.conclusions)
            .classes('w-full')
            .mark('conclusions')
        )

        def save() -> None:
            if do(lh.SaveConclusions(field.value or '')):
                ui.notify(t('common.saved'), type='positive')

        field.on('blur', lambda: do(lh.SaveConclusions(field.value or '')))  # leaving the field saves: never lost
        ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').mark('save-conclusions')


def _stand_up_form(do: Do) -> None:
    """Someone stands up without a phone: the facilitator puts them in the queue, by name or as someone of a side."""
    expansion = ui.expansion(t('lh.room.title'), icon='front_hand', value=False).classes('w-full')
    with expansion, ui.row().classes('items-end gap-3'):
        sides = {s.value: side_word(s) for s in lh.Side}
        side = ui.select(sides, value=lh.Side.VOOR.value, label=t('lh.for_side'))
        side.props('outlined stack-label').classes('w-48').mark('room-side')
        name = text_input(t('lh.room.name'), lh.MAX_NAME).classes('w-56').mark('room-name')

        def add() -> None:
            if do(lh.QueueInRoom(side.value or '', name.value or '')):
                name.value = ''

        ui.button(t('lh.room.add'), icon='front_hand', on_click=add).props('no-caps').mark('queue-in-room')
