"""The dilemma on the phone from step 3 on: what you would do (for yourself), a clarifying question or an entry for
the table, the alternatives and the agreements, the inbrenger's own task (the questions, the afweging), and the
terugblik."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...ui.frame import live_section, live_value, t, text_input, warn
from . import rules as dm
from .common import Do, column_word, public, sides


def judge(room: LiveRoom, activity_id: str, view: dm.ParticipantView, do: Do) -> None:
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
                warn(t('dm.judge.choose'), position='top')
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


def inbrenger_task(room: LiveRoom, activity_id: str, view: dm.ParticipantView, do: Do) -> None:
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


def add_entry(room: LiveRoom, activity_id: str, columns: tuple[dm.Column, ...], do: Do) -> None:
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


def evaluate(view: dm.ParticipantView, do: Do) -> None:
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
                warn(t('dm.choose_score'), position='top')
                return
            if do(dm.Evaluate(score.value, sentence.value or '')):
                ui.notify(t('dm.thanks'), type='positive', position='top')

        ui.button(t('dm.send'), on_click=save).props('no-caps unelevated size=lg').classes('w-full big-action').mark(
            'dm-evaluate-send'
        )
