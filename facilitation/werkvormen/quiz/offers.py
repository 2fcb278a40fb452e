"""Which buttons the kennisquiz's console offers now, and what each one gives: part of the console's projection.

Each offer names what it acts on (`about`) where its command does not: a click made on another answer, step or
decision than the one shown does nothing (see ui.controls.StepButton).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base import ClockOffer
from .commands import AskCard, CloseAgreement, CloseSteal, Judge, Pass, QuizCommand, SetAside, StartQuiz, UndoScore
from .model import Card, Kind, Play, Stage, State, Step


@dataclass(frozen=True)
class Offer:
    """A button on offer: its label (an i18n key), the command a click gives, what it acts on, its icon."""

    key: str
    command: QuizCommand
    about: object = None  # a plain value; another one is another step
    icon: str = ''


def ready(state: State) -> bool:
    """Whether the quiz can start: two groups play along (with members on a phone or without one)."""
    return sum(1 for g in state.groups if state.plays_along(g)) >= 2


def next_step(state: State) -> Offer | None:
    """Start the quiz once two groups have members; ask the next card when none is being played."""
    if state.stage is Stage.SETUP:
        return Offer('quiz.start', StartQuiz()) if ready(state) else None
    between = state.play is None or state.card is None or state.play.step is Step.DONE
    if state.stage is Stage.PLAYING and between and state.next_card() is not None:
        return Offer('quiz.ask_next', AskCard())
    return None


def played(state: State) -> tuple[Play, Card] | None:
    """The play and its card while the quiz is being played (None between the stages)."""
    play, card = state.play, state.card
    return (play, card) if state.stage is Stage.PLAYING and play is not None and card is not None else None


def judging(state: State, verdict: bool | None) -> Offer | None:
    """Correct (True), incorrect (False) or not known (None) for the answer being judged now. The answer is in what
    the offer is about: a click made on another answer (the spokesperson typed one meanwhile, a steal began) does
    nothing."""
    now = played(state)
    if now is None:
        return None
    play, card = now
    if play.step not in (Step.ANSWERING, Step.STEALING):
        return None
    if play.step is Step.ANSWERING and card.kind is Kind.OPINION:
        return None  # an opinion given aloud is typed, then the members agree
    given = play.steal_answer if play.step is Step.STEALING else play.answer
    about = (card.id, play.step, play.stealer, given)
    if verdict is None:
        return None if play.answer or play.steal_answer else Offer('quiz.not_known', Pass(), about, 'help')
    key, icon = ('quiz.correct', 'check') if verdict else ('quiz.wrong', 'close')
    return Offer(key, Judge(verdict), about, icon)


def closing(state: State, step: Step) -> Offer | None:
    """*Niemand neemt over* while a steal is open, *Tel de reacties* while the members agree: about the card being
    played in that step (a close made on another card or step does nothing)."""
    now = played(state)
    if now is None or now[0].step is not step:
        return None
    if step is Step.STEAL_OPEN:
        return Offer('quiz.close_steal', CloseSteal(), now[1].id)
    return Offer('quiz.close_agreement', CloseAgreement(), now[1].id)


def undo(state: State) -> Offer | None:
    """Undo the last decision: the one there was when the button was shown (a click made before another decision
    does nothing, rather than undo that one)."""
    if played(state) is None or not state.history:
        return None
    return Offer('quiz.undo', UndoScore(), len(state.history), 'undo')


def set_aside(state: State) -> Offer | None:
    """Set the card being played aside, or take it back: this card's."""
    now = played(state)
    if now is None:
        return None
    aside = now[1].id in state.aside
    key, icon = ('quiz.unset_aside', 'bookmark_remove') if aside else ('quiz.set_aside', 'bookmark_add')
    return Offer(key, SetAside(now[1].id, not aside), icon=icon)


def clock(state: State) -> ClockOffer:
    """Pause or resume the card's clock, extend it, stop it; nothing once the card is done."""
    now = played(state)
    if now is None or now[0].step is Step.DONE:
        return ClockOffer()
    play = now[0]
    timed = play.timer_deadline is not None or play.timer_left is not None
    return ClockOffer(
        pause=play.timer_deadline is not None, resume=play.timer_left is not None, extend=True, stop=timed
    )
