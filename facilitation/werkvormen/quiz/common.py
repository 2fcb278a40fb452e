"""What the kennisquiz views share: group names, points in Dutch notation, the step in words, the timer; and what
the console's parts share: an offered button as a step, a participant's name."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement

from ...live import LiveRoom
from ...ui.controls import Step
from ...ui.countdown import countdown
from ...ui.frame import t
from . import rules as qz

Do = Callable[[object], bool]  # gives a command as this console or phone; whether it was accepted
Console = Callable[[], qz.ConsoleView]  # the console's projection now


def as_step(offer: qz.Offer | None) -> Step | None:
    """A button the console's projection offers, as its step button shows it."""
    return None if offer is None else Step(offer.key, offer.command, about=offer.about, icon=offer.icon)


def participant_name(room: LiveRoom, pid: str, number: int) -> str:
    """The name a participant chose, else 'Deelnemer n' (their place among the session's participants)."""
    participant = room.state.participants.get(pid)
    return participant.name if participant and participant.name else t('quiz.anonymous_n', n=number)


def group_names(view: qz.PublicView) -> dict[str, str]:
    return {s.group: s.name or t('quiz.group_n', n=s.number) for s in view.standings}


def points(value: float) -> str:
    """10 -> '10', 2.5 -> '2,5' (Dutch) or '2.5' (English)."""
    if value == int(value):
        return str(int(value))
    return f'{value:.1f}'.replace('.', t('quiz.decimal'))


def kind_word(kind: qz.Kind) -> str:
    return t(f'quiz.kind.{kind.value}')


def option_letter(index: int) -> str:
    return 'ABCDEF'[index]


def card_heading(view: qz.PublicView, size: str) -> None:
    card = view.card
    assert card is not None
    ui.label(
        t('quiz.card_n', n=card.position, total=view.total, kind=kind_word(card.kind), points=card.points)
    ).classes('statement-position')
    ui.label(card.question).classes(f'statement-text {size}').props('role=heading aria-level=2')


def outcome_text(view: qz.PublicView) -> list[str]:
    """The decisions on the current card in words: 'Groep 2: goed, +10 punten'."""
    names = group_names(view)
    return [
        t(f'quiz.outcome.{reason}', group=names.get(group, group), points=points(amount))
        for group, amount, reason in view.outcome
    ]


def right_answer(view: qz.PublicView) -> str:
    """The right answer, only once the card is done (the public view holds it only then)."""
    card = view.card
    if card is None:
        return ''
    if card.correct >= 0:
        return f'{option_letter(card.correct)}. {card.options[card.correct]}'
    return card.answer


def step_text(view: qz.PublicView) -> str:
    """Where the current card is, in one sentence for the projector and the phones."""
    names = group_names(view)
    turn = names.get(view.turn, '')
    match view.step:
        case qz.Step.ANSWERING:
            if view.given_answer and view.card and view.card.kind is qz.Kind.FACT:
                return t('quiz.step.judging', group=turn)
            return t('quiz.step.answering', group=turn)
        case qz.Step.AGREEING:
            text = t('quiz.step.agreeing', group=turn, n=view.responded, total=view.respondents)
            if view.counted is not None:  # hands of the members without a phone, said apart
                text += ' · ' + t('quiz.hand.counted', agree=view.counted[0], disagree=view.counted[1])
            return text
        case qz.Step.STEAL_OPEN:
            return t('quiz.step.steal_open_wrong' if view.missed == 'wrong' else 'quiz.step.steal_open', group=turn)
        case qz.Step.STEALING:
            return t('quiz.step.stealing', group=names.get(view.stealer, ''))
        case qz.Step.DONE:
            return t('quiz.step.done')
    return ''


def timer(view: qz.PublicView, now: float, css: str) -> None:
    """The time left on the question (none once the card is done)."""
    if view.step is not qz.Step.DONE:
        countdown(view.timer_deadline, view.timer_left, now, f'quiz-timer {css}')


def scoreboard(view: qz.PublicView, css: str = '') -> None:
    """The standings as a list (words and numbers; equal points, equal place)."""
    names = group_names(view)
    with ui.element('ol').classes(f'quiz-scoreboard {css}').props(f'aria-label="{t("quiz.scoreboard")}"'):
        for row in view.standings:
            with ui.element('li').classes('quiz-score-row'):
                ui.label(t('quiz.rank', rank=row.rank)).classes('quiz-rank')
                ui.label(names[row.group]).classes('quiz-group-name')
                ui.label(t('quiz.points', points=points(row.points))).classes('quiz-points')


def list_item(text: str) -> TextElement:
    """An <li> with text (shown as text, never as markup)."""
    return TextElement(tag='li', text=text)
