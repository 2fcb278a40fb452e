"""The arena in the console: rings and the plan first; then the round with its clock, the next question (planned,
typed or from the outer ring after moderation), the empty chair, and the key points tagged for the summary.

Forms stay put while the room moves: only the parts that show changing facts are re-made when they change."""

from __future__ import annotations

from functools import partial
from typing import Any

from nicegui import ui

from ...content import plan_yaml
from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import Clock, Step, StepButton, Words, keyed_list, step_button, timer_buttons
from ...ui.frame import live_section, live_value, run_command, t, text_input
from ...ui.people import member_names, move_form
from ..base import Actor, ExtendTimer, PauseTimer, ResumeTimer, StopTimer
from . import rules as ar
from .common import Do, clocks, console, person, public, ring_badge, ring_word, tag_word


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    live_section(
        room, lambda: public(room, activity_id).stage, lambda stage: _stage(room, activity_id, stage, do, services)
    )


def _stage(room: LiveRoom, activity_id: str, stage: ar.Stage, do: Do, services: Services) -> None:
    ui.label(t(f'arena.stage.{stage.value}')).classes('phase-chip')
    _rings(room, activity_id, do)
    if stage is ar.Stage.SETUP:
        _plan(room, activity_id, do)
        _add_question(do)
        step_button(room, partial(_start_round, room, activity_id), do)
    if stage is ar.Stage.RUNNING:
        with ui.card().classes('control-card w-full'):
            live_section(room, lambda: _run_key(room, activity_id), lambda _: _running(room, activity_id))
            # made once, outside what is re-made: a click on the clock, a planned question or a step always lands
            with ui.row().classes('items-center gap-2'):
                timer_buttons(
                    room,
                    partial(_clock, room, activity_id),
                    (PauseTimer(), ResumeTimer(), ExtendTimer(60), StopTimer()),
                    do,
                    extend_key='arena.extend',
                )
            _planned(room, activity_id, do)
            with ui.row().classes('items-center gap-3'):
                _steps(room, activity_id, do)
        _typed_question(do)
        _moderation(room, activity_id, do)
    _points(room, activity_id, do)
    _save_plan(room, activity_id, services)


def _rings(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Requests and latecomers, then the rings folded out in set-up; the move form is made once (see move_form)."""

    def rings() -> tuple[Any, ...]:
        names = tuple((pid, p.name) for pid, p in room.state.participants.items())
        return console(room, activity_id).members, names

    def people() -> dict[str, str]:
        return {pid: f'{i}. {person(room, pid)}' for i, pid in enumerate(room.state.participants, start=1)}

    # the empty chair's requests: one row each, made once, so Toelaten and Nu niet land while phones join or ask
    keyed_list(room, lambda: console(room, activity_id).switch_requests, partial(_ask, room, activity_id, do))
    _newcomers(room, activity_id, do)
    setup = public(room, activity_id).stage is ar.Stage.SETUP
    with ui.expansion(t('arena.rings'), icon='groups', value=setup).classes('w-full'):
        live_section(room, rings, lambda _: _ring_cards(room, activity_id))
        ring_words = {r.value: ring_word(r) for r in ar.Ring}
        move_form(room, people, lambda: ring_words, t('arena.to_ring'), lambda who, r: do(ar.AssignRing(who, r)))
        _switches(room, activity_id, do)


def _ask(room: LiveRoom, activity_id: str, do: Do, pid: str) -> None:
    """Someone from the outer ring asks to step in (the empty chair): their row, made once, its name kept current."""
    with ui.row().classes('items-center gap-3 key-banner w-full').props('role=status'):
        asking = ui.label().classes('grow')
        ui.button(t('arena.accept'), on_click=lambda: do(ar.AcceptSwitch(pid))).props('no-caps unelevated').mark(
            'accept-switch'
        )
        ui.button(t('arena.decline'), on_click=lambda: do(ar.DeclineSwitch(pid))).props('no-caps flat')
    live_value(room, lambda: person(room, pid), lambda name: asking.set_text(t('arena.switch_request', name=name)))


def _newcomers(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Who joined without a ring yet, with a button per ring: made once, the count kept current in place."""

    def newcomers() -> int:
        members = dict(console(room, activity_id).members)
        return sum(pid not in members for pid in room.state.participants)

    with ui.row().classes('items-center gap-3').props('role=status') as row:
        count = ui.label()
        for ring in ar.Ring:

            def place(ring: ar.Ring = ring) -> Step | None:
                words = (('ring', Words(f'arena.ring.{ring.value}')),)
                return Step('arena.place_in', ar.PlaceNewcomers(ring.value), words) if newcomers() else None

            StepButton(room, place, do).props('no-caps outline').mark(f'place-{ring.value}')

    def show(n: int) -> None:
        count.set_text(t('arena.newcomers', n=n))
        row.set_visibility(n > 0)

    live_value(room, newcomers, show)


def _ring_cards(room: LiveRoom, activity_id: str) -> None:
    placed = console(room, activity_id).members
    with ui.row().classes('w-full gap-4 items-start'):
        for ring in ar.Ring:
            members = [pid for pid, r in placed if r is ring]
            with ui.card().classes('quiz-group-card'):
                with ui.row().classes('items-center gap-2'):
                    ring_badge(ring)
                    ui.label(t('proj.joined', n=len(members))).classes('font-bold')
                member_names([person(room, pid) for pid in members])


def _switches(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Made once, each set in place as the room changes (another console): on_change then fires too, and sends
    nothing, as the value is the room's already."""

    def choice() -> bool:
        return public(room, activity_id).ring_choice

    def allowed() -> bool:
        return public(room, activity_id).switch_allowed

    with ui.row().classes('items-center gap-6'):
        ring_choice = ui.switch(
            t('arena.allow_choice'),
            value=choice(),
            on_change=lambda e: do(ar.AllowRingChoice(e.value)) if e.value != choice() else None,
        )
        switch = ui.switch(
            t('arena.allow_switch'),
            value=allowed(),
            on_change=lambda e: do(ar.AllowSwitch(e.value)) if e.value != allowed() else None,
        )
    live_value(room, choice, ring_choice.set_value)
    live_value(room, allowed, switch.set_value)


def _plan(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The rounds with their durations and the planned questions. Made once: a round's minutes are set in place
    and each question's row is made when it is added and removed when it is, so *Verwijder* removes its own
    question while the plan changes."""

    def plan() -> ar.ConsoleView:
        return console(room, activity_id)

    with ui.card().classes('control-card w-full'):
        ui.label(t('arena.plan')).classes('text-lg font-bold').props('role=heading aria-level=3')
        keyed_list(room, lambda: tuple(r.id for r in plan().rounds), partial(_planned_round, room, activity_id, do))
        questions = keyed_list(
            room,
            lambda: tuple(q.id for q in plan().questions),
            partial(_plan_question, room, activity_id, do),
            tag='ol',
            entry_tag='li',
        )
        questions.classes('lh-queue-console')


def _planned_round(room: LiveRoom, activity_id: str, do: Do, round_id: str) -> None:
    """A round of the plan (its title and kind do not change): its minutes kept current in place."""
    round_ = next(r for r in console(room, activity_id).rounds if r.id == round_id)
    with ui.row().classes('items-end gap-3 no-wrap'):
        ui.label(f'{round_.title} ({t(f"arena.kind.{round_.kind.value}")})').classes('grow')
        minutes = ui.number(t('arena.minutes'), value=round_.seconds / 60, min=0, max=240, precision=0)
        minutes.props('outlined dense stack-label').classes('w-32')
        ui.button(
            t('common.save'), on_click=lambda: do(ar.SetRoundSeconds(round_id, int((minutes.value or 0) * 60)))
        ).props('no-caps flat')

    def seconds() -> int | None:
        return next((r.seconds for r in console(room, activity_id).rounds if r.id == round_id), None)

    live_value(room, seconds, lambda n: None if n is None else minutes.set_value(n / 60))


def _plan_question(room: LiveRoom, activity_id: str, do: Do, question_id: str) -> None:
    """A planned question (its text, time and tag do not change): *Verwijder* removes this one."""
    question = next(q for q in console(room, activity_id).questions if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        tag = f' · {tag_word(question.tag)}' if question.tag else ''
        ui.label(f'{question.text} ({question.seconds // 60} min{tag})').classes('grow')
        remove = ui.button(t('arena.remove'), on_click=lambda: do(ar.RemoveQuestion(question_id)))
        remove.props('flat dense no-caps').mark(f'remove-question-{question_id}')


def _add_question(do: Do) -> None:
    with ui.expansion(t('arena.add_question'), icon='add').classes('w-full'):
        text = text_input(t('arena.question'), ar.MAX_QUESTION).classes('w-full').mark('plan-question')
        tag = ui.select({'': '—', **{tg.value: tag_word(tg.value) for tg in ar.Tag}}, value='', label=t('arena.tag'))
        tag.props('outlined stack-label').classes('w-56')
        minutes = ui.number(t('arena.minutes'), value=4, min=0, max=240, precision=0).props('outlined stack-label')

        def add() -> None:
            if do(ar.AddQuestion(text.value or '', int((minutes.value or 0) * 60), tag.value or '')):
                text.value = ''

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('add-plan-question')


def _run_key(room: LiveRoom, activity_id: str) -> tuple[Any, ...]:
    view = public(room, activity_id)
    return (
        view.round_number,
        view.question,
        view.question_deadline,
        view.question_left,
        view.round_deadline,
        view.round_left,
    )


def _clock(room: LiveRoom, activity_id: str) -> Clock:
    """Pausing and resuming act on the whole conversation; extending and stopping on the question or the round."""
    view = public(room, activity_id)
    in_round = view.round_number > 0
    return Clock(
        pause=view.round_deadline is not None or view.question_deadline is not None,
        resume=view.round_left is not None or view.question_left is not None,
        extend=in_round,
        stop=in_round,
    )


def _planned(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The planned questions not asked yet, folded away. Made once: a question's row is removed once it is asked,
    so *Stel deze* asks its own question while the clock runs and others are asked."""

    def remaining() -> tuple[str, ...]:
        return tuple(q.id for q in console(room, activity_id).remaining)

    def show(left: int) -> None:
        expansion.set_text(t('arena.planned', n=left))
        expansion.set_visibility(left > 0)

    with ui.expansion(icon='list').classes('w-full') as expansion:
        keyed_list(room, remaining, partial(_remaining, room, activity_id, do))
    live_value(room, lambda: len(remaining()), show)


def _remaining(room: LiveRoom, activity_id: str, do: Do, question_id: str) -> None:
    text = next(q.text for q in console(room, activity_id).questions if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        ui.label(text).classes('grow')
        ask = ui.button(t('arena.ask_this'), on_click=lambda: do(ar.AskQuestion(question_id)))
        ask.props('flat dense no-caps').mark(f'ask-planned-{question_id}')


def _steps(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The next question, ending the question, the next round and the end, from the state at each change."""

    def next_question() -> Step | None:
        planned = console(room, activity_id).next_question
        return Step('arena.next_question', ar.AskQuestion(planned)) if planned else None

    def end_question() -> Step | None:
        question = public(room, activity_id).question
        return Step('arena.end_question', ar.EndQuestion(), about=question) if question else None

    step_button(room, next_question, do)
    StepButton(room, end_question, do).props('no-caps outline').mark('end-question')
    StepButton(room, partial(_start_round, room, activity_id), do).props('no-caps outline').mark('next-round')
    ui.button(t('arena.end'), icon='flag', on_click=lambda: do(ar.EndArena())).props('no-caps outline').mark(
        'end-arena'
    )


def _start_round(room: LiveRoom, activity_id: str) -> Step | None:
    """*Start ronde n*: the next round, named by its number, while there is one to offer."""
    following = console(room, activity_id).next_round
    return Step('arena.start_round', ar.StartRound(), (('n', following),)) if following else None


def _running(room: LiveRoom, activity_id: str) -> None:
    view = public(room, activity_id)
    with ui.column().classes('w-full gap-2'):
        if view.round_kind is None:
            ui.label(t('arena.between_rounds')).classes('text-lg')
        else:
            ui.label(f'{view.round_title} ({t(f"arena.kind.{view.round_kind.value}")})').classes('text-lg font-bold')
        if view.question:
            ui.label(view.question).classes('statement-text text-2xl').props('role=heading aria-level=2')
        clocks(view, 'voted-live')


def _typed_question(do: Do) -> None:
    with ui.row().classes('items-end gap-3 w-full no-wrap'):
        field = text_input(t('arena.typed'), ar.MAX_QUESTION).classes('grow').mark('typed-question')

        def ask() -> None:
            if do(ar.AskQuestion(text=field.value or '')):
                field.value = ''

        ui.button(t('arena.ask'), on_click=ask).props('no-caps').mark('ask-typed')


SHOWN = 15  # questions listed at a time: the oldest held ones, the most supported queued ones


def _moderation(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Held questions and the queue. Made once: the counts are updated in place and each question's row is made when
    it comes in, moved as the support changes and removed when it is handled, never re-made, so a click on *Toon in
    de rij* or *Stel deze vraag* lands on its own question while more questions arrive and phones support them."""

    with ui.card().classes('control-card w-full') as card:
        heading = ui.label().classes('text-lg font-bold').props('role=heading aria-level=3')

        def count() -> tuple[int, int]:
            return len(console(room, activity_id).pending), len(public(room, activity_id).queue)

        def show(counts: tuple[int, int]) -> None:
            held, queued = counts
            heading.set_text(t('arena.moderation', n=held))
            heading.set_visibility(held > 0)
            card.set_visibility(held + queued > 0)
            queue_heading.set_visibility(queued > 0)

        # handled oldest first; the rest follow
        keyed_list(
            room,
            lambda: tuple(q.id for q in console(room, activity_id).pending[:SHOWN]),
            lambda question_id: _held(room, activity_id, question_id, do),
            tag='div',
        )
        queue_heading = ui.label(t('arena.queue')).classes('text-lg font-bold').props('role=heading aria-level=3')
        keyed_list(
            room,
            lambda: tuple(q.id for q in public(room, activity_id).queue[:SHOWN]),
            lambda question_id: _queued(room, activity_id, question_id, do),
            tag='div',
        )
        live_value(room, count, show)


def _held(room: LiveRoom, activity_id: str, question_id: str, do: Do) -> None:
    """A question held for moderation (its text and author do not change): approve or reject this one."""
    question = next(q for q in console(room, activity_id).pending if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        by = f' ({person(room, question.author)})' if question.author else ''
        ui.label(question.text + by).classes('grow lh-argument-text')
        approve = ui.button(t('arena.approve'), on_click=lambda: do(ar.Approve(question_id)))
        approve.props('no-caps unelevated dense').mark('approve', f'approve-{question_id}')
        reject = ui.button(t('arena.reject'), on_click=lambda: do(ar.Reject(question_id)))
        reject.props('no-caps flat dense color=negative').mark(f'reject-{question_id}')


def _queued(room: LiveRoom, activity_id: str, question_id: str, do: Do) -> None:
    """A question in the queue: its support kept current in place; *Stel deze vraag* asks this one."""

    def support() -> int | None:  # None once it has left the queue (the list removes it next)
        return next((q.support for q in public(room, activity_id).queue if q.id == question_id), None)

    text = next(q.text for q in public(room, activity_id).queue if q.id == question_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        line = ui.label().classes('grow')
        pick = ui.button(t('arena.pick'), on_click=lambda: do(ar.PickQuestion(question_id)))
        pick.props('no-caps unelevated dense').mark('pick', f'pick-{question_id}')
    live_value(room, support, lambda n: None if n is None else line.set_text(f'{text} · {t("arena.support_n", n=n)}'))


def _points(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Key points, tagged as they are said: the summary groups them for the werkoverleg."""
    with ui.expansion(t('arena.points'), icon='edit_note', value=True).classes('w-full'):
        with ui.row().classes('items-end gap-3 w-full no-wrap'):
            tag = ui.select(
                {tg.value: tag_word(tg.value) for tg in ar.Tag}, value=ar.Tag.ERVARING.value, label=t('arena.tag')
            )
            tag.props('outlined stack-label').classes('w-56').mark('point-tag')
            text = text_input(t('arena.point'), ar.MAX_POINT).classes('grow').mark('point-text')

            def record() -> None:
                if do(ar.RecordPoint(tag.value, text.value or '')):
                    text.value = ''

            text.on('keydown.enter', record)
            ui.button(t('lh.record_button'), icon='add', on_click=record).props('no-caps').mark('record-point')
        for tag_ in ar.Tag:  # per tag, each point's row made once: *Verwijder* removes its own point
            heading = ui.label(tag_word(tag_.value)).classes('font-bold')
            ids = partial(_point_ids, room, activity_id, tag_)
            live_value(room, partial(_any_point, room, activity_id, tag_), heading.set_visibility)
            keyed_list(room, ids, partial(_point, room, activity_id, do), tag='div')


def _any_point(room: LiveRoom, activity_id: str, tag: ar.Tag) -> bool:
    return bool(_point_ids(room, activity_id, tag))


def _point_ids(room: LiveRoom, activity_id: str, tag: ar.Tag) -> tuple[str, ...]:
    return tuple(p.id for p in console(room, activity_id).points if p.tag is tag)


def _point(room: LiveRoom, activity_id: str, do: Do, point_id: str) -> None:
    """A key point (its text does not change): *Verwijder* removes this one."""
    point = next(p for p in console(room, activity_id).points if p.id == point_id)
    with ui.row().classes('items-center gap-2 no-wrap'):
        ui.label(point.text).classes('grow whitespace-pre-wrap')
        remove = ui.button(t('arena.remove'), on_click=lambda: do(ar.RemovePoint(point_id)))
        remove.props('flat dense no-caps').mark(f'remove-point-{point_id}')


def _save_plan(room: LiveRoom, activity_id: str, services: Services) -> None:
    """The plan (rounds, durations, questions) as a file, to prepare once and run again."""
    with ui.row().classes('gap-3'):

        def save() -> None:
            name = services.save_arena_plan(plan_yaml(console(room, activity_id)))
            ui.notify(t('arena.plan_saved', name=name), type='positive', position='top')

        ui.button(t('arena.save_plan'), icon='save', on_click=save).props('no-caps outline').mark('save-plan')
        ui.button(
            t('arena.download_plan'),
            icon='download',
            on_click=lambda: ui.download.content(
                plan_yaml(console(room, activity_id)), 'arenagesprek.yaml', 'application/yaml'
            ),
        ).props('no-caps outline')
