"""The kennisquiz's decisions on the card being played: asking, answering, judging, stealing, agreeing, the
clock, and what the phones may do."""

from __future__ import annotations

from typing import Any

from ..base import (
    Context,
    Event,
    ExtendTimer,
    PauseTimer,
    ResumeTimer,
    Role,
    StopTimer,
    TimerCommand,
    UnknownItem,
    WrongPhase,
    clean_text,
    timer_change,
)
from ..handcount import checked_count
from .commands import (
    Agree,
    AskCard,
    ChooseGroup,
    ClaimSpokesperson,
    ClaimSteal,
    CloseAgreement,
    CloseSteal,
    CountAgreement,
    EndQuiz,
    Judge,
    Pass,
    PickSpokesperson,
    QuizCommand,
    SetAside,
    SetStealPercent,
    StartQuiz,
    SubmitAnswer,
    UndoScore,
)
from .model import (
    MAX_ANSWER,
    Aside,
    Card,
    Kind,
    NoGroup,
    NotYourTurn,
    Play,
    Stage,
    State,
    Step,
    TooLate,
    checked_percent,
)


def decide_play(state: State, command: QuizCommand | TimerCommand, ctx: Context) -> list[Event]:
    play, card = state.play, state.card
    match command:
        case SetStealPercent(percent):
            if state.stage is Stage.FINISHED:
                raise WrongPhase(phase=state.stage.value)
            return [ctx.event('quiz.steal_percent', percent=checked_percent(percent))]
        case StartQuiz():
            if state.stage is not Stage.SETUP:
                raise WrongPhase(phase=state.stage.value)
            if sum(1 for g in state.groups if state.plays_along(g)) < 2:
                raise WrongPhase(phase='two-groups')
            return [ctx.event('quiz.started')]
        case AskCard(card_id):
            if state.stage is not Stage.PLAYING or (play is not None and play.step is not Step.DONE):
                raise WrongPhase(phase=_phase(state))
            chosen = card_id or state.next_card()
            if chosen is None:
                raise WrongPhase(phase='no-cards')
            if chosen not in state.cards:
                raise UnknownItem(item=chosen)
            if chosen in state.asked():
                raise TooLate()
            turn = state.next_turn()
            assert turn is not None  # started with two groups
            limit = state.cards[chosen].time_limit
            return [ctx.event('quiz.asked', card=chosen, turn=turn, deadline=ctx.now + limit if limit else None)]
        case EndQuiz():
            if state.stage is not Stage.PLAYING or (play is not None and play.step is not Step.DONE):
                raise WrongPhase(phase=_phase(state))
            return [ctx.event('quiz.ended')]
        case SetAside(card_id, aside):
            if card_id not in state.cards:
                raise UnknownItem(item=card_id)
            if bool(aside) == (card_id in state.aside):
                return []
            return [ctx.event('quiz.set_aside', card=card_id, aside=bool(aside), reason=Aside.MANUAL.value)]
        case UndoScore():
            if not state.history or play is None or state.stage is not Stage.PLAYING:
                raise WrongPhase(phase='nothing-to-undo')
            return [ctx.event('quiz.undone', card=play.card)]
    if state.stage is not Stage.PLAYING or play is None or card is None:
        raise WrongPhase(phase=_phase(state))
    match command:
        case PickSpokesperson(participant_id):
            answering = state.answering_group()
            if not answering or play.step is Step.AGREEING:
                raise WrongPhase(phase=play.step.value)
            if state.members.get(participant_id) != answering:
                raise NotYourTurn()
            return [ctx.event('quiz.spokesperson', card=card.id, participant=participant_id)]
        case Judge(correct):
            return _judge(state, play, card, bool(correct), ctx)
        case Pass():
            return _pass(state, play, card, ctx)
        case SubmitAnswer():
            return _answer(state, play, card, command, ctx)
        case CloseSteal():
            if play.step is not Step.STEAL_OPEN:
                raise WrongPhase(phase=play.step.value)
            return [_scored(ctx, card, play.turn, 0, 'no_steal', Step.DONE)]
        case CloseAgreement():
            if play.step is not Step.AGREEING:
                raise WrongPhase(phase=play.step.value)
            return [_agreement_scored(state, play, card, play.agreements, ctx)]
        case CountAgreement(agree, disagree):
            if play.step is not Step.AGREEING:
                raise WrongPhase(phase=play.step.value)
            counted = checked_count(agree), checked_count(disagree)
            if sum(counted) > state.groups[play.turn].room:
                raise WrongPhase(phase='more-hands-than-members')
            return [ctx.event('quiz.counted', card=card.id, agree=counted[0], disagree=counted[1])]
        case PauseTimer() | ResumeTimer() | ExtendTimer() | StopTimer():
            if play.step is Step.DONE:
                raise WrongPhase(phase='timer')  # a card that is done has no clock
            change = timer_change(play.timer_deadline, play.timer_left, command, ctx.now)
            return [] if change is None else [ctx.event('quiz.timer', card=card.id, deadline=change[0], left=change[1])]
    raise WrongPhase(phase='unknown-command')


def _phase(state: State) -> str:
    play = state.play
    return play.step.value if state.stage is Stage.PLAYING and play else state.stage.value


def _scored(ctx: Context, card: Card, group: str, points: float, reason: str, step: Step, **extra: Any) -> Event:
    """A scoring decision: points (possibly 0) to a group, and where the card goes next."""
    return ctx.event('quiz.scored', card=card.id, group=group, points=points, reason=reason, step=step.value, **extra)


def _steal_points(state: State, card: Card) -> float:
    return card.points * state.steal_percent / 100


def _judge(state: State, play: Play, card: Card, correct: bool, ctx: Context) -> list[Event]:
    if play.step is Step.ANSWERING and card.kind is Kind.FACT:
        if correct:
            return [_scored(ctx, card, play.turn, card.points, 'correct', Step.DONE)]
        return [_scored(ctx, card, play.turn, 0, 'wrong', Step.STEAL_OPEN, aside=Aside.UNKNOWN.value)]
    if play.step is Step.STEALING:
        if correct:
            return [_scored(ctx, card, play.stealer, _steal_points(state, card), 'steal', Step.DONE)]
        return [_scored(ctx, card, play.stealer, 0, 'steal_wrong', Step.DONE)]
    raise WrongPhase(phase=play.step.value)


def _pass(state: State, play: Play, card: Card, ctx: Context) -> list[Event]:
    if ctx.actor.role is Role.PARTICIPANT and ctx.actor.id != play.spokesperson:
        raise NotYourTurn()
    if play.step is Step.ANSWERING and card.kind is Kind.FACT:
        return [_scored(ctx, card, play.turn, 0, 'unknown', Step.STEAL_OPEN, aside=Aside.UNKNOWN.value)]
    if play.step is Step.STEALING:
        return [_scored(ctx, card, play.stealer, 0, 'steal_wrong', Step.DONE)]
    raise WrongPhase(phase=play.step.value)


def _answer(state: State, play: Play, card: Card, command: SubmitAnswer, ctx: Context) -> list[Event]:
    if command.card_id and command.card_id != card.id:
        raise TooLate()
    if play.step not in (Step.ANSWERING, Step.STEALING) or play.pending_judgement:
        raise WrongPhase(phase=play.step.value)
    if ctx.actor.role is Role.PARTICIPANT and ctx.actor.id != play.spokesperson:
        raise NotYourTurn()
    option = command.option
    if card.options:
        if not isinstance(option, int) or isinstance(option, bool) or not 0 <= option < len(card.options):
            raise WrongPhase(phase='invalid-option')
        text = card.options[option]
    else:
        option = -1
        text = clean_text(command.text, 'answer', MAX_ANSWER)
    stealing = play.step is Step.STEALING
    given = ctx.event('quiz.answered', card=card.id, option=option, text=text, steal=stealing)
    if card.kind is Kind.OPINION:
        others = [m for m in state.members_of(play.turn) if m != play.spokesperson]
        if not others and state.groups[play.turn].room == 0:  # a group of one agrees with itself
            return [given, _agreement_scored(state, play, card, {}, ctx)]
        return [given]  # now the members say whether they agree
    if not card.options:
        return [given]  # an open answer: the facilitator judges it
    right = option == card.correct
    # scored with the answer: undoing it gives the group its answer back too (a mis-tap is corrected by answering)
    if stealing:
        points = _steal_points(state, card) if right else 0
        reason = 'steal' if right else 'steal_wrong'
        return [given, _scored(ctx, card, play.stealer, points, reason, Step.DONE, with_answer=True)]
    if right:
        return [given, _scored(ctx, card, play.turn, card.points, 'correct', Step.DONE, with_answer=True)]
    scored = _scored(ctx, card, play.turn, 0, 'wrong', Step.STEAL_OPEN, aside=Aside.UNKNOWN.value, with_answer=True)
    return [given, scored]


def _agreement_scored(state: State, play: Play, card: Card, agreements: dict[str, bool], ctx: Context) -> Event:
    """All members agree with the spokesperson: all points; not all (or not all responded): half, set aside."""
    members = state.members_of(play.turn)
    room = state.groups[play.turn].room
    # without a spokesperson on a phone, the spokesperson is one of the room's members (and agrees with themself)
    room_respondents = room if play.spokesperson else max(0, room - 1)
    room_agrees = play.room_disagree <= 0 and max(play.room_agree, 0) >= room_respondents
    if all(agreements.get(m, m == play.spokesperson) for m in members) and room_agrees:
        return _scored(ctx, card, play.turn, card.points, 'agreed', Step.DONE)
    return _scored(ctx, card, play.turn, card.points / 2, 'half', Step.DONE, aside=Aside.DIFFERED.value)


def decide_participant(state: State, command: QuizCommand | TimerCommand, ctx: Context) -> list[Event]:
    pid = ctx.actor.id
    group = state.members.get(pid, '')
    if isinstance(command, ChooseGroup):
        if state.stage is Stage.FINISHED or not state.group_choice:
            raise WrongPhase(phase='group-choice')
        if command.group_id not in state.groups:
            raise UnknownItem(item=command.group_id)
        if group and state.stage is not Stage.SETUP:
            raise TooLate()  # once playing, a group keeps its members (and they their score)
        if group == command.group_id:
            return []
        return [ctx.event('quiz.members.placed', members={pid: command.group_id})]
    play, card = state.play, state.card
    if state.stage is not Stage.PLAYING or play is None or card is None:
        raise WrongPhase(phase=_phase(state))
    if not group:
        raise NoGroup()
    card_id = getattr(command, 'card_id', '')
    if card_id and card_id != card.id:
        raise TooLate()  # a tap meant for an earlier card never counts for this one
    match command:
        case ClaimSpokesperson():
            if group != state.answering_group():
                raise NotYourTurn()
            if play.spokesperson == pid:
                return []
            if play.spokesperson:
                raise TooLate()  # someone else of the group was first
            return [ctx.event('quiz.spokesperson', card=card.id, participant=pid)]
        case SubmitAnswer():
            return _answer(state, play, card, command, ctx)
        case Pass():
            return _pass(state, play, card, ctx)
        case Agree(_, agree):
            if play.step is not Step.AGREEING:
                raise WrongPhase(phase=play.step.value)
            if group != play.turn:
                raise NotYourTurn()
            if pid == play.spokesperson:
                return []  # the spokesperson gave the answer: they agree with it
            if play.agreements.get(pid) is bool(agree):
                return []
            # never scored here, not even on the last response: a member may change their mind until the facilitator
            # counts (CloseAgreement)
            return [ctx.event('quiz.agreed', card=card.id, agree=bool(agree))]
        case ClaimSteal():
            if play.step is not Step.STEAL_OPEN:
                raise TooLate() if play.step is Step.STEALING else WrongPhase(phase=play.step.value)
            if group == play.turn:
                raise NotYourTurn()
            return [ctx.event('quiz.steal_claimed', card=card.id, group=group, participant=pid)]
    raise WrongPhase(phase='unknown-command')
