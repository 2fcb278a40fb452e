"""The kennisquiz console's deck: one row per card (edit, ask this one), a new card, import and export."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from nicegui import events, ui
from nicegui.elements.upload_files import FileUpload

from ...live import LiveRoom
from ...ui.controls import keyed_list
from ...ui.frame import language, live_value, t, text_input, warn
from ...yamlfile import ContentError, parse_model
from . import rules as qz
from .common import Console, Do, kind_word
from .content import QuizDeck, deck_yaml


def deck(room: LiveRoom, console: Console, do: Do) -> None:
    """The deck, one row per card made once (its place, text and status kept current in place), so *Bewerk* and
    *Stel deze vraag* act on their own card while cards are asked, added or set aside."""
    empty = ui.label(t('quiz.no_cards'))
    live_value(room, lambda: not console().deck, empty.set_visibility)
    keyed_list(room, lambda: tuple(row.card.id for row in console().deck), partial(_deck_row, room, console, do))


def _deck_row(room: LiveRoom, console: Console, do: Do, card_id: str) -> None:
    with ui.row().classes('items-center no-wrap w-full'):
        place = ui.label().classes('w-8')
        with ui.column().classes('gap-0 grow'):
            question = ui.label()
            status = ui.label().classes('text-sm opacity-80')
        edit = ui.button(t('quiz.edit'), on_click=lambda: _edit_dialog(console, card_id, do)).props('flat no-caps')
        edit.mark(f'edit-{card_id}')
        ask = ui.button(t('quiz.ask_this'), on_click=lambda: do(qz.AskCard(card_id))).props('flat no-caps')

    def show(row: qz.DeckRow | None) -> None:  # None once the card has gone (the list removes it next)
        if row is None:
            return
        card = row.card
        place.set_text(f'{row.position}.')
        question.set_text(card.question)
        words = [kind_word(card.kind), t('quiz.points', points=card.points)]
        if row.asked:
            words.append(t('quiz.asked'))
        if row.aside:
            words.append(t('quiz.set_aside_done'))
        status.set_text(' · '.join(words))
        for button, key in ((edit, 'quiz.edit'), (ask, 'quiz.ask_this')):
            button.props['aria-label'] = f'{t(key)} {row.position}'  # assigned: no markup
            button.update()
        edit.set_visibility(row.editable)
        ask.set_visibility(row.editable and row.can_ask)

    live_value(room, lambda: console().deck_row(card_id), show)


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


def add_card_form(do: Do) -> None:
    with ui.expansion(t('quiz.new_card'), icon='add').classes('w-full'):
        fields = _card_fields(None)

        def add() -> None:
            if do(qz.AddCard(**_command_fields(fields))):
                fields[1].value = fields[3].value = fields[4].value = fields[5].value = ''
                ui.notify(t('common.saved'), type='positive')

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('add-card')


def _edit_dialog(console: Console, card_id: str, do: Do) -> None:
    row = console().deck_row(card_id)
    if row is None:
        return
    card = row.card
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


def import_export(room: LiveRoom, activity_id: str, console: Console, do: Do) -> None:
    with ui.expansion(t('quiz.import_export'), icon='import_export').classes('w-full'):
        ui.label(t('quiz.import_hint')).classes('text-sm')

        async def imported(event: events.UploadEventArguments) -> None:
            try:
                deck = parse_model(await _text_of(event.file), event.file.name, QuizDeck)
            except ContentError as error:  # told in the reader's words: the file, the line, the field, what is wrong
                warn(t('quiz.import_error', error=error.message(language())), multi_line=True,
                          timeout=0, close_button=t('common.close'))  # fmt: skip
                return
            if do(qz.ImportCards(tuple(c.card_config() for c in deck.cards))):
                ui.notify(t('quiz.imported', n=len(deck.cards)), type='positive')

        ui.upload(label=t('quiz.import'), on_upload=imported, auto_upload=True, max_file_size=512 * 1024).props(
            'accept=.yaml,.yml flat bordered'
        ).classes('w-full').mark('import-deck')

        def export() -> None:
            title = room.state.activities[activity_id].title
            cards = tuple(row.card for row in console().deck)
            ui.download.content(
                deck_yaml(title, cards, console().public.steal_percent), 'kennisquiz.yaml', 'application/yaml'
            )

        ui.button(t('quiz.export'), icon='download', on_click=export).props('no-caps outline').mark('export-deck')
