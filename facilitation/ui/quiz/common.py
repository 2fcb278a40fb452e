"""What the kennisquiz views share: group names, points in Dutch notation, the step in words, the timer."""

from __future__ import annotations

from html import escape

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement

from ...formats import quiz as qz
from ...live import LiveRoom
from ..frame import t

# Counting down happens in the browser (no message per second to every phone): an element with data-left shows the
# time left, counted from when it arrived (so the phone's own clock setting does not matter).
TIMER_SCRIPT = """<script>
setInterval(() => {
  for (const el of document.querySelectorAll('.quiz-timer[data-left]')) {
    if (!el.dataset.since) el.dataset.since = Date.now() / 1000;
    const left = Math.max(0, Math.ceil(parseFloat(el.dataset.left) - (Date.now() / 1000 - el.dataset.since)));
    const text = left > 0 ? el.dataset.running.replace('{t}', Math.floor(left / 60) + ':' +
      String(left % 60).padStart(2, '0')) : el.dataset.over;
    if (el.textContent !== text) el.textContent = text;
  }
}, 500);
</script>"""


def state_of(room: LiveRoom, activity_id: str) -> qz.State:
    state: qz.State = room.state.activities[activity_id].state
    return state


def public(room: LiveRoom, activity_id: str) -> qz.PublicView:
    """The public projection, made once per change of the room and shared by every view of it."""
    return room.memo(('quiz', activity_id), lambda: qz.public_view(state_of(room, activity_id)))


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
            return t('quiz.step.agreeing', group=turn, n=view.responded, total=view.group_size)
        case qz.Step.STEAL_OPEN:
            return t('quiz.step.steal_open', group=turn)
        case qz.Step.STEALING:
            return t('quiz.step.stealing', group=names.get(view.stealer, ''))
        case qz.Step.DONE:
            return t('quiz.step.done')
    return ''


def timer(view: qz.PublicView, now: float, css: str) -> None:
    """The time left on the question: counting down in the browser, or paused (the facilitator controls it)."""
    if view.step is qz.Step.DONE:
        return
    if view.timer_left is not None:
        left = int(view.timer_left)
        ui.label(t('quiz.timer.paused', t=f'{left // 60}:{left % 60:02d}')).classes(f'quiz-timer {css}').props(
            'role=timer'
        )
    elif view.timer_deadline is not None:
        remaining = max(0.0, view.timer_deadline - now)
        ui.html(
            f'<span class="quiz-timer {css}" role="timer" data-left="{remaining:.1f}" '
            f'data-running="{escape(t("quiz.timer.left"))}" data-over="{escape(t("quiz.timer.over"))}"></span>',
            sanitize=False,
        )


def timer_script() -> None:
    """Once per page that shows a timer."""
    ui.add_body_html(TIMER_SCRIPT)


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
