"""The dilemma in the console, steps 1 to 3: what the phones sent (held until shown, also the entries of later
steps), the candidates with the facilitator's own dilemma, the rating and the choice, the formulation, and who brought
the dilemma in."""

from __future__ import annotations

from nicegui import ui

from ...live import LiveRoom
from ...ui.frame import live_section, live_value, svg_icon, t, text_input
from . import rules as dm
from .common import Do, category_word, column_word, console, person, public, scores_line

SHOWN = 20  # held items listed at a time (oldest first); the rest follow as these are handled


def moderation(room: LiveRoom, activity_id: str, do: Do) -> None:
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


def inventory(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The set-up and step 1: the dilemmas held, the candidates, and one the facilitator adds (the console makes this
    once for both, so the start of step 1 never clears a dilemma being typed)."""
    moderation(room, activity_id, do)
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


def formulate(room: LiveRoom, activity_id: str, do: Do) -> None:
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


def inbrenger(room: LiveRoom, activity_id: str, do: Do) -> None:
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


def choosing(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Step 2: the rating and the ranking, re-made as the candidates, their raters or the choice change."""
    live_section(room, lambda: _candidates_key(room, activity_id), lambda _: _choose(room, activity_id, do))
