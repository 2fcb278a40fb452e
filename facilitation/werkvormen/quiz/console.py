"""The kennisquiz in the console: groups first, then per card the one obvious next step, the facilitator's verdict
buttons, spokesperson, timer, undo and setting aside; the deck (edit, add, import, export) and the scoreboard."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from nicegui import events, ui
from nicegui.elements.upload_files import FileUpload

from ...content import ContentError, QuizDeck, deck_yaml, parse_model
from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.controls import Clock, Step, StepButton, keyed_list, step_button, timer_buttons
from ...ui.frame import language, live_section, live_value, run_command, t, text_input
from ...ui.handcount import hand_count_form, whole
from ...ui.people import member_names, move_form
from ..base import Actor
from ..handcount import MAX_COUNT
from . import rules as qz
from .common import group_names, kind_word, outcome_text, public, scoreboard, state_of, step_text, timer

Do = Callable[[object], bool]


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def control() -> tuple[Any, ...]:
        # the card's shape only: the stage, the card being played (its words) and its step. What moves while
        # people tap (counts, the spokesperson, the given answer, the clock, the outcome) is set in place inside,
        # so the opinion being typed, the spokesperson's select and every button stay while phones answer
        state = state_of(room, activity_id)
        play = state.play
        return state.stage, state.card, play.card if play else None, play.step if play else None

    def groups() -> tuple[Any, ...]:  # the shape only: names and members are updated inside, in place
        state = state_of(room, activity_id)
        return state.stage, tuple(state.groups)

    def newcomers() -> int:
        state = state_of(room, activity_id)
        shown = bool(state.groups) and state.stage is not qz.Stage.FINISHED
        return sum(pid not in state.members for pid in room.state.participants) if shown else 0

    with ui.card().classes('control-card w-full'):
        live_section(room, control, lambda _: _control(room, activity_id, do))
        # made once, outside what is re-made: a click on the next step lands while groups fill and answers come in
        _judge_buttons(room, activity_id, do)
        _close_buttons(room, activity_id, do)
        _card_buttons(room, activity_id, do)
        step_button(room, lambda: _next_step(state_of(room, activity_id)), do)
    live_section(room, lambda: replace(public(room, activity_id), responded=0), lambda view: _scores(view))
    _newcomers(room, newcomers, do)
    live_section(room, groups, lambda _: _groups_editor(room, activity_id, do))
    with ui.expansion(t('quiz.deck'), icon='style', value=False).classes('w-full statement-list'):
        _deck(room, activity_id, do)
    _add_card_form(do)
    _import_export(room, activity_id, do)


def _name_of(room: LiveRoom, pid: str, number: int) -> str:
    participant = room.state.participants.get(pid)
    return participant.name if participant and participant.name else t('quiz.anonymous_n', n=number)


def _control(room: LiveRoom, activity_id: str, do: Do) -> None:
    state = state_of(room, activity_id)
    if state.stage is qz.Stage.SETUP:
        _setup(room, activity_id, do)
    elif state.stage is qz.Stage.FINISHED:
        ui.label(t('quiz.phase.finished')).classes('phase-chip')
        live_section(room, lambda: public(room, activity_id).standings, lambda _: scoreboard(public(room, activity_id)))
        _aside_list(state)
    else:
        _play(room, activity_id, state, do)


def _scores(view: qz.PublicView) -> None:
    if view.stage is qz.Stage.PLAYING:
        with ui.card().classes('control-card w-full'):
            ui.label(t('quiz.scoreboard')).classes('text-lg font-bold').props('role=heading aria-level=3')
            scoreboard(view)


def _ready(state: qz.State) -> bool:
    return sum(1 for g in state.groups if state.plays_along(g)) >= 2


def _next_step(state: qz.State) -> Step | None:
    """Start the quiz once two groups have members; ask the next card when none is being played."""
    if state.stage is qz.Stage.SETUP:
        return Step('quiz.start', qz.StartQuiz()) if _ready(state) else None
    between = state.play is None or state.card is None or state.play.step is qz.Step.DONE
    if state.stage is qz.Stage.PLAYING and between and state.next_card() is not None:
        return Step('quiz.ask_next', qz.AskCard())
    return None


def _setup(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Made once for the set-up, each field set in place as the room changes (groups divided, another console):
    the count, the switch and the steal percentage keep what the facilitator is choosing while phones join."""

    def state() -> qz.State:
        return state_of(room, activity_id)

    ui.label(t('quiz.phase.setup')).classes('phase-chip')
    ui.label(t('quiz.console.setup_hint')).classes('facilitator-note')
    with ui.row().classes('items-end gap-3'):
        counts = {n: str(n) for n in range(2, 7)}
        count = ui.select(
            counts, value=len(state().groups) if len(state().groups) in counts else 2, label=t('quiz.groups')
        )
        count.props('outlined stack-label').classes('w-32').mark('group-count')
        divide = ui.button(t('quiz.divide'), icon='shuffle', on_click=lambda: do(qz.DivideGroups(int(count.value))))
        divide.props('no-caps').mark('divide')
        choice = ui.switch(
            t('quiz.allow_choice'),
            value=state().group_choice,
            on_change=lambda e: do(qz.AllowGroupChoice(e.value)) if e.value != state().group_choice else None,
        ).mark('group-choice')
    with ui.row().classes('items-end gap-3'):
        steal = ui.number(t('quiz.steal_percent'), value=state().steal_percent, min=0, max=100, precision=0)
        steal.props('outlined stack-label suffix=%').classes('w-48').mark('steal-percent')
        ui.button(t('common.save'), on_click=lambda: do(qz.SetStealPercent(int(steal.value or 0)))).props(
            'no-caps flat'
        ).mark('save-steal-percent')
    need = ui.label(t('quiz.console.need_groups')).classes('facilitator-note')  # else the step button starts it

    def divided(groups: int) -> None:
        if groups:
            if groups in counts:
                count.set_value(groups)
            divide.props('outline')
            choice.props(remove='disable')
        else:
            divide.props(remove='outline')
            choice.props('disable')

    live_value(room, lambda: len(state().groups), divided)
    live_value(room, lambda: state().group_choice, choice.set_value)
    live_value(room, lambda: state().steal_percent, steal.set_value)
    live_value(room, lambda: _ready(state()), lambda ready: need.set_visibility(not ready))


def _newcomers(room: LiveRoom, newcomers: Callable[[], int], do: Do) -> None:
    """Outside the folded list: latecomers are seen at once. Made once, the count kept current in place, so
    *Deel nieuwkomers in* lands while more phones join."""
    with ui.row().classes('items-center gap-3').props('role=status') as row:
        count = ui.label()
        place = StepButton(room, lambda: Step('quiz.place_newcomers', qz.PlaceNewcomers()) if newcomers() else None, do)
        place.props('no-caps outline').mark('place-newcomers')

    def show(n: int) -> None:
        count.set_text(t('quiz.newcomers', n=n))
        row.set_visibility(n > 0)

    live_value(room, newcomers, show)


def _missing(state: qz.State) -> int:
    """Who of the answering group has not responded to the spokesperson's answer yet."""
    play = state.play
    if play is None:
        return 0
    members = state.members_of(play.turn)
    return len([m for m in members if m not in play.agreements and m != play.spokesperson])


def _closing(state: qz.State, step: qz.Step) -> str | None:
    """The card being played while it is in this step (None: not now): a close made on another card or step does
    nothing."""
    played = _played(state)
    return played[1].id if played is not None and played[0].step is step else None


def _close_buttons(room: LiveRoom, activity_id: str, do: Do) -> None:
    """*Niemand neemt over* and *Tel de reacties*, made once below the card: a click lands while phones answer or
    respond (the count of who has not responded yet is set in place, and the click still counts)."""

    def state() -> qz.State:
        return state_of(room, activity_id)

    def steal() -> Step | None:
        card = _closing(state(), qz.Step.STEAL_OPEN)
        return None if card is None else Step('quiz.close_steal', qz.CloseSteal(), about=card)

    def agreement() -> Step | None:
        card = _closing(state(), qz.Step.AGREEING)
        return None if card is None else Step('quiz.close_agreement', qz.CloseAgreement(), about=card)

    def label() -> tuple[str | None, int]:
        return _closing(state(), qz.Step.AGREEING), _missing(state())

    with ui.row().classes('gap-3 items-center'):
        StepButton(room, steal, do).props('no-caps outline').mark('close-steal')
        close = StepButton(room, agreement, do).props('no-caps outline').mark('close-agreement')

    def show(value: tuple[str | None, int]) -> None:  # after the button's own update: its label with the count
        n = value[1]
        close.set_text(t('quiz.close_agreement_missing', n=n) if n else t('quiz.close_agreement'))

    live_value(room, label, show)


def _groups_editor(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The groups with their members, renaming, one form to move a person.

    One move form rather than a menu per person: a console with 200 participants stays light. Made once per set of
    groups: joins and moves update the member lists and the form in place, so typing and choosing are never cut."""
    state = state_of(room, activity_id)
    if not state.groups or state.stage is qz.Stage.FINISHED:
        return

    def names() -> dict[str, str]:
        return group_names(public(room, activity_id))

    def members(group_id: str) -> tuple[Any, ...]:
        state = state_of(room, activity_id)
        numbers = {pid: i for i, pid in enumerate(room.state.participants, start=1)}
        group = state.groups.get(group_id)
        people = [_name_of(room, pid, numbers.get(pid, 0)) for pid in state.members_of(group_id)]
        return len(people) + (group.room if group else 0), tuple(people)

    def people() -> dict[str, str]:
        numbers = enumerate(room.state.participants, start=1)
        return {pid: _name_of(room, pid, i) for i, pid in numbers}

    with ui.expansion(t('quiz.groups'), icon='groups', value=state.stage is not qz.Stage.PLAYING).classes('w-full'):
        with ui.row().classes('w-full gap-4 items-start'):
            for gid in state.groups:
                with ui.card().classes('quiz-group-card'):
                    name = text_input(t('quiz.group_name'), qz.MAX_GROUP_NAME, value=names()[gid]).classes('w-full')
                    name.on('blur', lambda _, g=gid, f=name: _rename(g, f.value, names(), do))
                    name.on('keydown.enter', lambda _, g=gid, f=name: _rename(g, f.value, names(), do))
                    live_section(room, partial(members, gid), _member_list)
                    _room_members(gid, state.groups[gid].room, do)
        move_form(room, people, names, t('quiz.move_to'), lambda who, gid: do(qz.MoveParticipant(who, gid)))


def _member_list(value: tuple[int, tuple[str, ...]]) -> None:
    count, people = value
    ui.label(t('quiz.group_members_n', n=count)).classes('text-sm')
    member_names(list(people))


def _room_members(group_id: str, count: int, do: Do) -> None:
    """How many of the group take part without a phone (they answer aloud and raise their hands)."""
    with ui.row().classes('items-end gap-2 no-wrap'):
        field = ui.number(t('quiz.hand.members'), value=count, min=0, max=MAX_COUNT, precision=0)
        field.props('outlined stack-label dense').classes('w-48').mark(f'room-members-{group_id}')
        ui.button(t('common.save'), on_click=lambda: do(qz.SetRoomMembers(group_id, whole(field.value)))).props(
            'no-caps flat'
        ).mark(f'save-room-members-{group_id}')


def _rename(group_id: str, value: str, names: dict[str, str], do: Do) -> None:
    if value and value != names[group_id]:
        do(qz.RenameGroup(group_id, value))


def _play(room: LiveRoom, activity_id: str, state: qz.State, do: Do) -> None:
    """The card being played, made once per card and step; what moves within a step is set in place."""
    play, card = state.play, state.card
    if play is None or card is None:
        ui.label(t('quiz.phase.playing')).classes('phase-chip')
        _next_card_buttons(room, activity_id, do)
        return
    with ui.row().classes('items-center gap-2'):
        ui.label(t(f'quiz.phase.{play.step.value}')).classes('phase-chip')
        turn = ui.label().classes('font-bold')
        live_value(
            room,
            lambda: group_names(public(room, activity_id)).get(play.turn, ''),
            lambda name: turn.set_text(t('quiz.turn', group=name)),
        )

        def clock() -> tuple[Any, ...]:
            view = public(room, activity_id)
            return view.step, view.timer_deadline, view.timer_left

        live_section(room, clock, lambda _: timer(public(room, activity_id), time.time(), 'voted-live'))
    view = public(room, activity_id)
    ui.label(
        t('quiz.card_n', n=view.card.position if view.card else 0, total=view.total, kind=kind_word(card.kind),
          points=card.points)
    ).classes('statement-position')  # fmt: skip
    ui.label(card.question).classes('statement-text text-2xl').props('role=heading aria-level=2')
    if card.options:
        with ui.element('ol').classes('quiz-options').props('type=A'):
            for index, option in enumerate(card.options):
                right = index == card.correct
                with ui.element('li').classes('quiz-option' + (' right' if right else '')):
                    ui.label(option + (f' · {t("quiz.right")}' if right else ''))
    elif card.kind is qz.Kind.FACT:
        ui.label(t('quiz.console.answer', answer=card.answer)).classes('quiz-right')  # only the facilitator sees it
    if card.note:
        ui.label(f'{t("st.note")}: {card.note}').classes('facilitator-note')
    status = ui.label().classes('voted-live').props('aria-live=polite')
    live_value(room, lambda: public(room, activity_id), lambda v: status.set_text(step_text(v)))  # counts in place
    _spokesperson(room, activity_id, play.step, do)
    _verdict(room, activity_id, play.step, card, do)
    live_section(room, lambda: outcome_text(public(room, activity_id)), _outcome)
    if play.step is qz.Step.DONE:  # undo, setting aside and the clock: made once below (_card_buttons)
        with ui.row().classes('gap-3 items-center'):
            _next_card_buttons(room, activity_id, do)


def _outcome(lines: list[str]) -> None:
    for line in lines:
        ui.label(line).classes('quiz-outcome')


def _spokesperson(room: LiveRoom, activity_id: str, step: qz.Step, do: Do) -> None:
    """Who answers for the group, and a select to pick them: made once per step, its options (the group's members,
    who may still join) and its value set in place, so a pick lands while phones join."""

    def state() -> qz.State:
        return state_of(room, activity_id)

    def chosen() -> str:
        play = state().play
        return play.spokesperson if play else ''

    def name(pid: str) -> str:
        numbers = {p: i for i, p in enumerate(room.state.participants, start=1)}
        return _name_of(room, pid, numbers.get(pid, 0))

    said = ui.label()
    live_value(
        room,
        lambda: name(chosen()) if chosen() else '',
        lambda who: (said.set_text(t('quiz.console.spokesperson', name=who)), said.set_visibility(bool(who))),
    )
    if step is qz.Step.AGREEING:
        return

    def options() -> dict[str, str]:
        group = state().answering_group()
        return {pid: name(pid) for pid in state().members_of(group)} if group else {}

    def pick(value: str | None) -> None:
        if value and value != chosen():
            do(qz.PickSpokesperson(value))

    members = options()
    select = ui.select(
        members,
        value=chosen() if chosen() in members else None,
        label=t('quiz.pick_spokesperson'),
        on_change=lambda e: pick(e.value),
    )
    select.props('outlined stack-label dense').classes('w-72')
    select.mark('pick-spokesperson')

    def show(value: tuple[dict[str, str], str]) -> None:
        members, who = value
        select.set_options(members, value=who if who in members else None)
        select.set_visibility(bool(members))

    live_value(room, lambda: (options(), chosen()), show)


def _verdict(room: LiveRoom, activity_id: str, step: qz.Step, card: qz.Card, do: Do) -> None:
    """Correct / incorrect / not known for a fact; the spokesperson's answer for an opinion given aloud."""

    def given() -> str:
        play = state_of(room, activity_id).play
        if play is None or play.step is not step:
            return ''
        return play.steal_answer if step is qz.Step.STEALING else play.answer

    if step in (qz.Step.ANSWERING, qz.Step.STEALING, qz.Step.AGREEING):
        answer = ui.label().classes('text-lg font-bold')
        live_value(
            room,
            given,
            lambda text: (answer.set_text(t('quiz.console.given', answer=text)), answer.set_visibility(bool(text))),
        )
    if step is qz.Step.ANSWERING and card.kind is qz.Kind.OPINION:
        with ui.row().classes('items-end gap-3 w-full no-wrap'):
            field = text_input(t('quiz.console.opinion_aloud'), qz.MAX_ANSWER).classes('grow').mark('opinion-answer')
            ui.button(t('quiz.console.record'), on_click=lambda: do(qz.SubmitAnswer('', text=field.value or ''))).props(
                'no-caps'
            ).mark('record-opinion')
        return
    if step is qz.Step.AGREEING:  # closing the steal and the agreement: made once below (_close_buttons)

        def without_phones() -> bool:  # members without a phone raise their hands
            state = state_of(room, activity_id)
            play = state.play
            return bool(play and play.turn in state.groups and state.groups[play.turn].room)

        live_section(room, without_phones, lambda shown: _hand_count(shown, do))


def _hand_count(shown: bool, do: Do) -> None:
    if shown:
        fields = [(t('quiz.hand.agree'), 'hand-agree', 0), (t('quiz.hand.disagree'), 'hand-disagree', 0)]
        hand_count_form(t('quiz.hand.title'), fields, t('hand.save'), lambda n: do(qz.CountAgreement(*n)))


def _judging(state: qz.State, verdict: bool | None) -> Step | None:
    """Correct (True), incorrect (False) or not known (None) for the answer being judged now. The answer is in the
    step: a click made on another answer (the spokesperson typed one meanwhile, a steal began) does nothing."""
    play, card = state.play, state.card
    if state.stage is not qz.Stage.PLAYING or play is None or card is None:
        return None
    if play.step not in (qz.Step.ANSWERING, qz.Step.STEALING):
        return None
    if play.step is qz.Step.ANSWERING and card.kind is qz.Kind.OPINION:
        return None  # an opinion given aloud is typed, then the members agree
    given = play.steal_answer if play.step is qz.Step.STEALING else play.answer
    about = (card.id, play.step, play.stealer, given)
    if verdict is None:
        return None if play.answer or play.steal_answer else Step('quiz.not_known', qz.Pass(), about=about, icon='help')
    key, icon = ('quiz.correct', 'check') if verdict else ('quiz.wrong', 'close')
    return Step(key, qz.Judge(verdict), about=about, icon=icon)


def _judge_buttons(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Goed / Fout / Weet niet, made once and kept current in place: a verdict clicked while answers come in lands
    on the answer it was clicked for, or not at all."""
    with ui.row().classes('gap-3'):
        for verdict, marker, look in (
            (True, 'judge-correct', 'unelevated color=positive'),
            (False, 'judge-wrong', 'unelevated color=negative'),
            (None, 'pass', 'outline'),
        ):
            button = StepButton(room, partial(lambda v: _judging(state_of(room, activity_id), v), verdict), do)
            button.props(f'no-caps size=lg {look}').mark(marker)


def _played(state: qz.State) -> tuple[qz.Play, qz.Card] | None:
    play, card = state.play, state.card
    return (play, card) if state.stage is qz.Stage.PLAYING and play is not None and card is not None else None


def _undo(state: qz.State) -> Step | None:
    """Undo the last decision: the one there was when the button was shown (a click made before another decision
    does nothing, rather than undo that one)."""
    if _played(state) is None or not state.history:
        return None
    return Step('quiz.undo', qz.UndoScore(), about=len(state.history), icon='undo')


def _aside(state: qz.State) -> Step | None:
    """Set the card being played aside, or take it back: this card's."""
    played = _played(state)
    if played is None:
        return None
    aside = played[1].id in state.aside
    key, icon = ('quiz.unset_aside', 'bookmark_remove') if aside else ('quiz.set_aside', 'bookmark_add')
    return Step(key, qz.SetAside(played[1].id, not aside), icon=icon)


def _clock(state: qz.State) -> Clock:
    played = _played(state)
    if played is None or played[0].step is qz.Step.DONE:
        return Clock()
    play = played[0]
    timed = play.timer_deadline is not None or play.timer_left is not None
    return Clock(pause=play.timer_deadline is not None, resume=play.timer_left is not None, extend=True, stop=timed)


def _card_buttons(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Undo, setting aside and the card's clock, made once and kept current in place: a click lands while answers
    come in and the clock runs."""

    def state() -> qz.State:
        return state_of(room, activity_id)

    with ui.row().classes('gap-3 items-center'):
        StepButton(room, lambda: _undo(state()), do).props('no-caps outline').mark('undo')
        StepButton(room, lambda: _aside(state()), do).props('no-caps flat').mark('set-aside')
        commands = (qz.PauseTimer(), qz.ResumeTimer(), qz.ExtendTimer(30), qz.StopTimer())
        timer_buttons(room, lambda: _clock(state()), commands, do)


def _next_card_buttons(room: LiveRoom, activity_id: str, do: Do) -> None:
    all_asked = ui.label(t('quiz.console.all_asked'))  # else the card's step button asks the next
    live_value(room, lambda: state_of(room, activity_id).next_card() is None, all_asked.set_visibility)
    ui.button(t('quiz.end'), icon='flag', on_click=lambda: do(qz.EndQuiz())).props('no-caps outline').mark('end-quiz')


def _aside_list(state: qz.State) -> None:
    aside = qz.summary(state).aside
    if not aside:
        return
    ui.label(t('quiz.aside_title')).classes('text-lg font-bold').props('role=heading aria-level=3')
    for card, why in aside:
        ui.label(f'{card.question} ({t(f"quiz.aside.{why.value}")})')


def _deck(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The deck, one row per card made once (its place, text and status kept current in place), so *Bewerk* and
    *Stel deze vraag* act on their own card while cards are asked, added or set aside."""
    empty = ui.label(t('quiz.no_cards'))
    live_value(room, lambda: not state_of(room, activity_id).cards, empty.set_visibility)
    keyed_list(room, lambda: tuple(state_of(room, activity_id).cards), partial(_deck_row, room, activity_id, do))


DeckRow = tuple[int, str, str, int, bool, bool, bool, bool]


def _deck_row(room: LiveRoom, activity_id: str, do: Do, card_id: str) -> None:
    def row() -> DeckRow | None:  # None once the card has gone (the list removes it next)
        state = state_of(room, activity_id)
        card = state.cards.get(card_id)
        if card is None:
            return None
        asked = card_id in state.asked()
        play = state.play
        can_ask = state.stage is qz.Stage.PLAYING and (play is None or play.step is qz.Step.DONE)
        editable = not asked and state.stage is not qz.Stage.FINISHED
        position = list(state.cards).index(card_id) + 1
        return position, card.kind.value, card.question, card.points, asked, card_id in state.aside, editable, can_ask

    with ui.row().classes('items-center no-wrap w-full'):
        place = ui.label().classes('w-8')
        with ui.column().classes('gap-0 grow'):
            question = ui.label()
            status = ui.label().classes('text-sm opacity-80')
        edit = ui.button(t('quiz.edit'), on_click=lambda: _edit_dialog(room, card_id, do)).props('flat no-caps')
        ask = ui.button(t('quiz.ask_this'), on_click=lambda: do(qz.AskCard(card_id))).props('flat no-caps')

    def show(value: DeckRow | None) -> None:
        if value is None:
            return
        position, kind, text, card_points, asked, aside, editable, can_ask = value
        place.set_text(f'{position}.')
        question.set_text(text)
        words = [kind_word(qz.Kind(kind)), t('quiz.points', points=card_points)]
        if asked:
            words.append(t('quiz.asked'))
        if aside:
            words.append(t('quiz.set_aside_done'))
        status.set_text(' · '.join(words))
        for button, key in ((edit, 'quiz.edit'), (ask, 'quiz.ask_this')):
            button.props['aria-label'] = f'{t(key)} {position}'  # assigned: no markup
            button.update()
        edit.set_visibility(editable)
        ask.set_visibility(editable and can_ask)

    live_value(room, row, show)


def _card_fields(card: qz.Card | None) -> tuple[Any, ...]:
    """The form of a card: kind, question, points, options (one per line), answer, note, time limit."""
    kind = ui.select({k.value: kind_word(k) for k in qz.Kind}, value=card.kind.value if card else 'feit',
                     label=t('quiz.field.kind')).props('outlined stack-label').classes('w-full')  # fmt: skip
    question = text_input(t('quiz.field.question'), qz.MAX_QUESTION, value=card.question if card else '').mark(
        'card-question'
    )
    card_points = ui.number(t('quiz.field.points'), value=card.points if card else 10, min=0, max=qz.MAX_POINTS,
                            precision=0).props('outlined stack-label').classes('w-full')  # fmt: skip
    options = (
        ui.textarea(t('quiz.field.options'), value='\n'.join(card.options) if card else '')
        .props('outlined stack-label autogrow')
        .classes('w-full')
    )
    right = card.options[card.correct] if card and card.options and card.correct >= 0 else card.answer if card else ''
    answer = text_input(t('quiz.field.answer'), qz.MAX_ANSWER, value=right, hint=t('quiz.field.answer_hint')).mark(
        'card-answer'
    )
    note = text_input(t('st.field.note'), qz.MAX_NOTE, value=card.note if card else '', hint=t('common.optional'))
    limit = ui.number(t('quiz.field.time_limit'), value=card.time_limit if card else 0, min=0,
                      max=qz.MAX_TIME_LIMIT, precision=0).props('outlined stack-label').classes('w-full')  # fmt: skip
    return kind, question, card_points, options, answer, note, limit


def _command_fields(fields: tuple[Any, ...]) -> dict[str, Any]:
    kind, question, card_points, options, answer, note, limit = fields
    choices = tuple(line.strip() for line in (options.value or '').splitlines() if line.strip())
    given = (answer.value or '').strip()
    correct = choices.index(given) if given in choices else -1
    return {
        'kind': kind.value,
        'question': question.value or '',
        'points': int(card_points.value or 0),
        'answer': '' if correct >= 0 else given,
        'options': choices,
        'correct': correct,
        'note': note.value or '',
        'time_limit': int(limit.value or 0),
    }


def _add_card_form(do: Do) -> None:
    with ui.expansion(t('quiz.new_card'), icon='add').classes('w-full'):
        fields = _card_fields(None)

        def add() -> None:
            if do(qz.AddCard(**_command_fields(fields))):
                fields[1].value = fields[3].value = fields[4].value = fields[5].value = ''
                ui.notify(t('common.saved'), type='positive')

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('add-card')


def _edit_dialog(room: LiveRoom, card_id: str, do: Do) -> None:
    activity = room.state.activity
    card = activity.state.cards.get(card_id) if activity and activity.kind == qz.KIND else None
    if card is None:
        return
    with ui.dialog() as dialog, ui.card().classes('p-4 w-full max-w-2xl'):
        ui.label(t('quiz.edit_card')).classes('text-xl font-bold').props('role=heading aria-level=2')
        fields = _card_fields(card)

        def save() -> None:
            if do(qz.EditCard(card_id, **_command_fields(fields))):
                dialog.close()

        with ui.row():
            ui.button(t('common.save'), on_click=save).props('no-caps unelevated').mark('save-card')
            ui.button(
                t('quiz.remove_card'), icon='delete', on_click=lambda: do(qz.RemoveCard(card_id)) and dialog.close()
            ).props('no-caps flat color=negative')
            ui.button(t('common.cancel'), on_click=dialog.close).props('no-caps flat')
    dialog.on('hide', dialog.delete)
    dialog.open()


async def _text_of(file: FileUpload) -> str:
    """An uploaded deck's text; a file that is not UTF-8 is refused as content is (naming the file)."""
    try:
        return await file.text()
    except UnicodeDecodeError:
        raise ContentError(Path(file.name), None, '', 'not_utf8') from None


def _import_export(room: LiveRoom, activity_id: str, do: Do) -> None:
    with ui.expansion(t('quiz.import_export'), icon='import_export').classes('w-full'):
        ui.label(t('quiz.import_hint')).classes('text-sm')

        async def imported(event: events.UploadEventArguments) -> None:
            try:
                deck = parse_model(await _text_of(event.file), event.file.name, QuizDeck)
            except ContentError as error:  # told in the reader's words: the file, the line, the field, what is wrong
                ui.notify(t('quiz.import_error', error=error.message(language())), type='warning', multi_line=True,
                          timeout=0, close_button=t('common.close'))  # fmt: skip
                return
            if do(qz.ImportCards(tuple(c.card_config() for c in deck.cards))):
                ui.notify(t('quiz.imported', n=len(deck.cards)), type='positive')

        ui.upload(label=t('quiz.import'), on_upload=imported, auto_upload=True, max_file_size=512 * 1024).props(
            'accept=.yaml,.yml flat bordered'
        ).classes('w-full').mark('import-deck')

        def export() -> None:
            title = room.state.activities[activity_id].title
            ui.download.content(deck_yaml(title, state_of(room, activity_id)), 'kennisquiz.yaml', 'application/yaml')

        ui.button(t('quiz.export'), icon='download', on_click=export).props('no-caps outline').mark('export-deck')
