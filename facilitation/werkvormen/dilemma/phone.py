"""The dilemma on the phone, one big action per step: send a dilemma, rate the candidates, write down privately what
you would do, ask a clarifying question, add to the table, brainstorm alternatives, and look back.

Every form is made once per step: what others send never clears what you type. What you wrote down for yourself is
only ever on your own phone; the room sees counts, and the split only at the end."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ...live import LiveRoom
from ...services import Services
from ...session import ForActivity
from ...ui.frame import live_section, live_value, run_command, t, text_input
from ..base import Actor
from . import rules as dm
from .common import (
    Do,
    category_word,
    clock,
    column_word,
    comparison_bars,
    participant,
    public,
    sides,
    step_line,
)

STATUS_KEY = {
    dm.Status.PENDING: 'dm.mine.pending',
    dm.Status.SHOWN: 'dm.mine.shown',
    dm.Status.REMOVED: 'dm.mine.removed',
}


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def me() -> dm.ParticipantView:
        return _me(room, activity_id, actor)

    def head_key() -> tuple[object, ...]:
        view = me().public
        return view.stage, view.step, view.position, len(view.steps), view.deadline, view.left

    def main_key() -> tuple[object, ...]:
        view = me()
        forms = view.judge_moment, view.can_rate, view.can_evaluate  # a closed input takes its form away
        # not the chosen dilemma's words nor its sides: the card shows them in place, so an edit by the facilitator
        # never re-makes the form a colleague is typing in or a button they are tapping
        return view.public.stage, view.public.step, *forms, view.sent_all, view.inbrenger

    live_section(room, head_key, lambda _: _head(me().public))
    live_section(room, main_key, lambda _: _main(room, activity_id, actor, me(), do))


def _head(view: dm.PublicView) -> None:
    with ui.row().classes('items-baseline gap-3 w-full'):
        ui.label(step_line(view)).classes('statement-position font-bold').mark('dm-step')
        clock(view, 'quiz-timer-phone')


def _named(room: LiveRoom, actor: Actor) -> bool:
    participant = room.state.participants.get(actor.id)
    return bool(participant is not None and participant.name)


def _main(room: LiveRoom, activity_id: str, actor: Actor, view: dm.ParticipantView, do: Do) -> None:
    public_view = view.public
    if public_view.stage is dm.Stage.SETUP:
        ui.label(t('dm.phone.setup')).classes('phone-wait')
        return
    if public_view.stage is dm.Stage.DONE:
        _done(view)
        return
    step = public_view.step
    if view.can_submit:
        if view.sent_all:
            ui.label(t('dm.sent_all', n=dm.MAX_OWN)).classes('phone-hint').props('role=status')
        else:
            _send_dilemma(room, actor, do)
    elif view.can_rate:
        ui.label(t('dm.phone.rate')).classes('text-lg font-bold').props('role=heading aria-level=2')

        def rate_key() -> tuple[str, ...]:  # which dilemmas: not the ratings (a card keeps what you tapped)
            return tuple(c.id for c in public(room, activity_id).candidates)

        live_section(room, rate_key, lambda _: _rate(room, activity_id, actor, do))
    else:
        if step is dm.Step.KIEZEN and public_view.ratings_closed:
            ui.label(t('dm.phone.ratings_closed')).classes('phone-hint').props('role=status')
        live_section(room, lambda: _chosen_key(public(room, activity_id)), _chosen)
        if view.inbrenger:
            _inbrenger_task(room, activity_id, view, do)
        else:
            live_section(room, lambda: _volunteer_key(room, activity_id, actor), lambda k: _volunteer(k, do))
        if view.judge_moment:
            _judge(room, activity_id, view, do)
        if step is dm.Step.VERHELDEREN and not view.inbrenger:
            with ui.element('ul').classes('dm-reminder-phone'):
                for key in ('dm.rule.no_advice', 'dm.rule.no_own', 'dm.rule.focus', 'dm.rule.verplaatsen'):
                    with ui.element('li'):
                        ui.label(t(key))
        if view.columns and view.sent_all:
            ui.label(t('dm.sent_all', n=dm.MAX_OWN)).classes('phone-hint').props('role=status')
        elif view.columns:
            _add_entry(room, activity_id, view.columns, do)
        if step is dm.Step.AFWEGING and not view.inbrenger:
            ui.label(t('dm.phone.deliberation')).classes('phone-hint')
        if view.can_evaluate:
            _evaluate(view, do)
    live_section(room, lambda: _me(room, activity_id, actor).mine, _mine)


def _send_dilemma(room: LiveRoom, actor: Actor, do: Do) -> None:
    ui.label(t('dm.phone.inventory')).classes('text-lg font-bold').props('role=heading aria-level=2')
    category = ui.radio({c.value: category_word(c) for c in dm.Category}, value=None).classes('dm-choices')
    category.props('aria-label="' + t('dm.category') + '"').mark('dm-category')
    text = text_input(t('dm.your_dilemma'), dm.MAX_DILEMMA, multiline=True, hint=t('dm.dilemma_hint'))
    text.classes('w-full').mark('dm-dilemma')
    show = ui.checkbox(t('dm.show_name'), value=False).mark('show-name') if _named(room, actor) else None

    def send() -> None:
        if not category.value:
            ui.notify(t('dm.choose_category'), type='warning', position='top')
            return
        if do(dm.SubmitDilemma(text.value or '', category.value, bool(show.value) if show else False)):
            text.value = ''
            ui.notify(t('dm.sent'), type='positive', position='top')

    ui.button(t('dm.send'), on_click=send).props('no-caps unelevated size=lg').classes('w-full big-action').mark(
        'dm-send'
    )


def _rate(room: LiveRoom, activity_id: str, actor: Actor, do: Do) -> None:
    """One dilemma at a time with three 1-5 scales, *Vorige* and *Volgende* (one big action at a time, and a phone
    stays light however many dilemmas there are); saving moves on to the next. Made once per set of dilemmas: what
    others do never clears what you tapped; how many you rated is updated in place."""
    candidates = _me(room, activity_id, actor).public.candidates
    if not candidates:
        ui.label(t('dm.phone.no_candidates')).classes('phone-hint')
        return
    progress = ui.label().classes('phone-hint').props('role=status')

    def rated() -> int:
        ids = {c.id for c in candidates}
        return sum(1 for candidate, _ in _me(room, activity_id, actor).my_ratings if candidate in ids)

    live_value(room, rated, lambda k: progress.set_text(t('dm.rated_count', k=k, n=len(candidates))))
    area = ui.column().classes('w-full gap-2')
    mine = dict(_me(room, activity_id, actor).my_ratings)
    first = next((i for i, c in enumerate(candidates) if c.id not in mine), 0)  # the first one still to rate

    def show(index: int) -> None:
        area.clear()
        with area:
            _rating_card(room, activity_id, actor, do, candidates, index, show)

    show(first)


def _rating_card(
    room: LiveRoom,
    activity_id: str,
    actor: Actor,
    do: Do,
    candidates: tuple[dm.Candidate, ...],
    index: int,
    show: Callable[[int], None],
) -> None:
    candidate = candidates[index]
    given = dict(_me(room, activity_id, actor).my_ratings).get(candidate.id)
    with ui.card().classes('phone-card w-full').mark('dm-candidate'):
        ui.label(t('dm.candidate_n', n=index + 1, total=len(candidates))).classes('statement-position')
        ui.label(category_word(candidate.category)).classes('statement-position')
        ui.label(candidate.text).classes('statement-text').props('role=heading aria-level=3')
        toggles = []
        for i, criterion in enumerate(dm.CRITERIA):
            ui.label(t(f'dm.criterion.{criterion}')).classes('font-bold')
            toggle = ui.toggle([1, 2, 3, 4, 5], value=given[i] if given else None).props(
                'spread no-caps toggle-color=primary'
            )
            toggle.props(f'aria-label="{t(f"dm.criterion.{criterion}")}"').classes('w-full dm-scale')
            toggles.append(toggle)
        if given:
            ui.label(t('dm.rated_yours', u=given[0], b=given[1], h=given[2])).classes('phone-hint')

        def save() -> None:
            values = [s.value for s in toggles]
            if None in values:
                ui.notify(t('dm.rate_all'), type='warning', position='top')
                return
            client, text = ui.context.client, t('dm.rated')
            if do(dm.Rate(candidate.id, *values)):
                with client:
                    ui.notify(text, type='positive', position='top')
                    show(min(index + 1, len(candidates) - 1))  # on to the next one (or this one, rated)

        ui.button(t('dm.rate_again') if given else t('dm.rate_save'), on_click=save).props(
            'no-caps unelevated size=lg'
        ).classes('w-full big-action').mark('dm-rate')
        with ui.row().classes('w-full no-wrap gap-3'):
            back = ui.button(t('dm.previous_candidate'), icon='arrow_back', on_click=lambda: show(index - 1))
            back.props('no-caps outline').classes('grow').mark('dm-previous-candidate')
            back.set_enabled(index > 0)
            ahead = ui.button(t('dm.next_candidate'), icon='arrow_forward', on_click=lambda: show(index + 1))
            ahead.props('no-caps outline').classes('grow').mark('dm-next-candidate')
            ahead.set_enabled(index + 1 < len(candidates))


def _me(room: LiveRoom, activity_id: str, actor: Actor) -> dm.ParticipantView:
    """This phone's projection, made once per change of the room (shared by its parts)."""
    return participant(room, activity_id, actor.id)


def _judge(room: LiveRoom, activity_id: str, view: dm.ParticipantView, do: Do) -> None:
    """What would I do: A or B and one sentence, for myself (only counts reach the room)."""
    moment = view.judge_moment
    given = view.my_before if moment == 'before' else view.my_after
    with ui.card().classes('phone-card w-full').mark('dm-judge'):
        ui.label(t(f'dm.judge.{moment}')).classes('text-lg font-bold').props('role=heading aria-level=2')
        ui.label(t('dm.judge.private')).classes('privacy-note')

        def options(both: tuple[str, str]) -> dict[str, str]:
            a, b = both
            return {dm.Choice.A.value: f'{t("dm.side_a")}: {a}', dm.Choice.B.value: f'{t("dm.side_b")}: {b}'}

        choice = ui.radio(options(sides(view.public)), value=given.choice.value if given else None)
        choice.classes('dm-choices')
        # in place: the facilitator may still sharpen the sides while you choose
        live_value(room, lambda: sides(public(room, activity_id)), lambda both: choice.set_options(options(both)))
        choice.props('aria-label="' + t(f'dm.judge.{moment}') + '"').mark('dm-choice')
        sentence = text_input(t('dm.judge.sentence'), dm.MAX_SENTENCE, value=given.sentence if given else '')
        sentence.classes('w-full').mark('dm-sentence')

        def save() -> None:
            if not choice.value:
                ui.notify(t('dm.judge.choose'), type='warning', position='top')
                return
            if do(dm.Judge(choice.value, sentence.value or '')):
                ui.notify(t('dm.judge.saved'), type='positive', position='top')

        ui.button(t('dm.judge.save'), on_click=save).props('no-caps unelevated size=lg').classes(
            'w-full big-action'
        ).mark('dm-judge-save')
        if moment == 'after' and view.my_before is not None:
            ui.label(
                t(
                    'dm.judge.yours_before',
                    side=t(f'dm.side_{view.my_before.choice.value}'),
                    text=view.my_before.sentence,
                )
            ).classes('phone-hint')


ChosenKey = tuple[str, dm.Category | str, bool, tuple[str, str]] | None


def _chosen_key(view: dm.PublicView) -> ChosenKey:
    """The chosen dilemma's words (not its ratings, which move while others rate) and, in steps 4 and 7, its sides."""
    chosen = view.chosen
    if chosen is None:
        return None
    return chosen.text, chosen.category, view.step in (dm.Step.VERHELDEREN, dm.Step.AFWEGING), sides(view)


def _chosen(key: ChosenKey) -> None:
    if key is None:
        return
    text, category, with_sides, (a, b) = key
    with ui.card().classes('phone-card w-full'):
        ui.label(category_word(category)).classes('statement-position')
        ui.label(text).classes('statement-text text-lg').props('role=heading aria-level=2')
        if with_sides:
            _sides(a, b)


def _sides(a: str, b: str) -> None:
    if a and b:
        with ui.element('ul').classes('dm-sides-phone').mark('dm-sides'):
            for letter, text in ((t('dm.side_a'), a), (t('dm.side_b'), b)):
                with ui.element('li'):
                    ui.label(f'{letter}: {text}')


def _volunteer_key(room: LiveRoom, activity_id: str, actor: Actor) -> tuple[bool, bool]:
    view = _me(room, activity_id, actor)
    return view.can_volunteer, view.own_dilemma


def _volunteer(key: tuple[bool, bool], do: Do) -> None:
    """While nobody is the inbrenger: the one who brought the dilemma in may say so (only the facilitator sees who)."""
    can, own = key
    if not can:
        return
    with ui.card().classes('phone-card w-full').mark('dm-volunteer'):
        ui.label(t('dm.volunteer.own' if own else 'dm.volunteer.ask')).classes('font-bold')
        ui.label(t('dm.volunteer.note')).classes('privacy-note')
        ui.button(t('dm.volunteer'), on_click=lambda: do(dm.Volunteer())).props('no-caps outline').classes(
            'w-full'
        ).mark('dm-volunteer-button')


def _inbrenger_task(room: LiveRoom, activity_id: str, view: dm.ParticipantView, do: Do) -> None:
    """The inbrenger's own task in this step (only their phone shows it): tell, listen and answer, deliberate."""
    step = view.public.step
    if not view.inbrenger_task or step is None:
        return
    with ui.card().classes('phone-card w-full').mark('dm-inbrenger-task'):
        ui.label(t('dm.inbrenger.you')).classes('text-lg font-bold').props('role=heading aria-level=2')
        ui.label(t(f'dm.inbrenger.task.{step.value}')).classes('phone-hint')
        if step is dm.Step.VERHELDEREN:
            live_section(room, lambda: public(room, activity_id).column(dm.Column.VRAAG), _questions)
        if step is dm.Step.AFWEGING:
            _afweging(view, do)
        ui.button(t('dm.inbrenger.leave'), on_click=lambda: do(dm.Volunteer(on=False))).props(
            'no-caps flat dense'
        ).mark('dm-inbrenger-leave')


def _questions(questions: tuple[dm.Item, ...]) -> None:
    ui.label(t('dm.inbrenger.questions')).classes('font-bold').props('role=heading aria-level=3')
    if not questions:
        ui.label(t('dm.inbrenger.no_questions')).classes('phone-hint')
        return
    with ui.element('ol').classes('dm-mine').mark('dm-questions-phone'):
        for question in questions[-10:]:
            with ui.element('li'):
                ui.label(question.text)


def _afweging(view: dm.ParticipantView, do: Do) -> None:
    """The seed's sentences and what I need (person, team, organisation): made once in the step, shown once saved."""
    given = dict(view.public.deliberation)
    fields = {
        name: text_input(t(f'dm.deliberation.{name}'), dm.MAX_FIELD, value=given[name], multiline=True)
        .classes('w-full')
        .mark(f'dm-{name}')
        for name in dm.DELIBERATION
    }

    def save() -> None:
        client, text = ui.context.client, t('dm.inbrenger.saved')
        ok = True
        for name, field in fields.items():
            ok = ok and do(dm.Deliberate(name, field.value or ''))
        if ok:
            with client:
                ui.notify(text, type='positive', position='top')

    ui.button(t('dm.inbrenger.save'), on_click=save).props('no-caps unelevated size=lg').classes(
        'w-full big-action'
    ).mark('dm-save-afweging')


def _add_entry(room: LiveRoom, activity_id: str, columns: tuple[dm.Column, ...], do: Do) -> None:
    first = columns[0]
    ui.label(t(f'dm.phone.add.{first.value}')).classes('text-lg font-bold').props('role=heading aria-level=2')
    column = None
    if len(columns) > 1:
        column = (
            ui.radio({c.value: column_word(c) for c in columns}, value=first.value)
            .props('inline')
            .classes('dm-choices')
        )
        column.props('aria-label="' + t('dm.column') + '"').mark('dm-column')
        hints = ui.label(t(f'dm.hint.{first.value}')).classes('phone-hint')
    of = _of_select(room, activity_id) if any(c in dm.STAKES for c in columns) else None

    def changed(value: str) -> None:
        hints.set_text(t(f'dm.hint.{value}'))
        if of is not None:
            of.set_visibility(dm.Column(value) in dm.STAKES)

    if column is not None:
        column.on_value_change(lambda e: changed(e.value))
        changed(first.value)
    text = text_input(t(f'dm.entry.{first.value}'), dm.MAX_ENTRY, multiline=True).classes('w-full').mark('dm-entry')

    def send() -> None:
        chosen = column.value if column is not None else first.value
        owner = of.value if of is not None and dm.Column(chosen) in dm.STAKES and of.value != NOBODY else ''
        if do(dm.AddEntry(chosen, text.value or '', owner or '')):
            text.value = ''
            ui.notify(t('dm.sent'), type='positive', position='top')

    ui.button(t('dm.send'), on_click=send).props('no-caps unelevated size=lg').classes('w-full big-action').mark(
        'dm-send'
    )


NOBODY = 'geen'


def _of_select(room: LiveRoom, activity_id: str) -> ui.select:
    """For whom a right, interest, value or norm is at stake: the betrokkenen on the table, kept current in place."""
    select = ui.select({NOBODY: t('dm.of.none')}, value=NOBODY).props(f'outlined stack-label label="{t("dm.of")}"')
    select.classes('w-full').mark('dm-of')

    def people() -> tuple[tuple[str, str], ...]:
        return tuple((i.id, i.text) for i in public(room, activity_id).column(dm.Column.BETROKKENEN))

    def show(found: tuple[tuple[str, str], ...]) -> None:
        options = {NOBODY: t('dm.of.none'), **dict(found)}
        select.set_options(options, value=select.value if select.value in options else NOBODY)

    live_value(room, people, show)
    return select


def _evaluate(view: dm.ParticipantView, do: Do) -> None:
    given = view.my_evaluation
    with ui.card().classes('phone-card w-full').mark('dm-evaluate'):
        ui.label(t('dm.evaluate')).classes('text-lg font-bold').props('role=heading aria-level=2')
        score = ui.toggle([1, 2, 3, 4, 5], value=given.score if given else None).props('spread no-caps')
        score.props(f'aria-label="{t("dm.score")}"').classes('w-full dm-scale').mark('dm-score')
        ui.label(t('dm.score_hint')).classes('phone-hint')
        sentence = text_input(t('dm.evaluate_sentence'), dm.MAX_SENTENCE, value=given.sentence if given else '')
        sentence.classes('w-full').mark('dm-evaluation')

        def save() -> None:
            if score.value is None:
                ui.notify(t('dm.choose_score'), type='warning', position='top')
                return
            if do(dm.Evaluate(score.value, sentence.value or '')):
                ui.notify(t('dm.thanks'), type='positive', position='top')

        ui.button(t('dm.send'), on_click=save).props('no-caps unelevated size=lg').classes('w-full big-action').mark(
            'dm-evaluate-send'
        )


def _mine(mine: tuple[dm.Mine, ...]) -> None:
    if not mine:
        return
    ui.label(t('dm.mine')).classes('font-bold').props('role=heading aria-level=3')
    with ui.element('ul').classes('dm-mine'):
        for item in mine[-10:]:
            with ui.element('li'):
                kind = t('dm.dilemma') if item.column == 'dilemma' else column_word(item.column)
                ui.label(f'{kind}: {item.text}').classes('lh-argument-text')
                ui.label(t(STATUS_KEY[item.status])).classes('phone-hint')


def _done(view: dm.ParticipantView) -> None:
    ui.label(t('dm.done_phone')).classes('phone-wait')
    with ui.column().classes('w-full gap-2').mark('dm-comparison'):
        ui.label(t('dm.comparison')).classes('font-bold').props('role=heading aria-level=2')
        comparison_bars(view.public.comparison)
    for moment, given in (('before', view.my_before), ('after', view.my_after)):
        if given is not None:
            side = t(f'dm.side_{given.choice.value}')
            ui.label(t(f'dm.yours.{moment}', side=side, text=given.sentence)).classes('phone-hint')
