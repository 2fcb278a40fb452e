"""Kennisquiz: the seed's section 3.1.1 as a pure werkvorm.

The participants play in groups. The facilitator asks the groups a question in turn; a good answer earns the
card's points. Rules kept here, as the seed gives them:

- a fact card ("feit") has a correct answer. When the group whose turn it is does not know it (or answers wrong),
  the other groups may answer: the first group to claim it gets the chance and wins the steal points (by default
  half the card's points); a wrong steal earns nothing, and there is one steal per card;
- an opinion card ("opvatting"): one member, the spokesperson, gives the answer they think the whole group holds;
  then every member says whether they agree. All agree: the group gets all the points; not all: half;
- cards the group did not know, or on which opinions differed, are set aside ("apart houden") for later; the
  facilitator may set any card aside by hand;
- members without a phone sit with their group: the facilitator records how many a group has, types the answer
  given aloud and counts the raised hands of agreement; those count with the phones' responses;
- the group with the most points wins (equal points: equal places). No speed points: it is a learning
  conversation, not a race. An optional time limit per question can be paused, extended or skipped.

The correct answer of a card is never in a public projection before the card is done.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..base import (
    Context,
    DomainError,
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
    require_role,
    roles_of,
    timer_change,
)
from ..handcount import Channels, checked_count
from .commands import (
    AddCard,
    Agree,
    AllowGroupChoice,
    AskCard,
    ChooseGroup,
    ClaimSpokesperson,
    ClaimSteal,
    CloseAgreement,
    CloseSteal,
    CountAgreement,
    DivideGroups,
    EditCard,
    EndQuiz,
    ImportCards,
    Judge,
    MoveParticipant,
    Pass,
    PickSpokesperson,
    PlaceNewcomers,
    QuizCommand,
    RemoveCard,
    RenameGroup,
    SetAside,
    SetRoomMembers,
    SetStealPercent,
    StartQuiz,
    SubmitAnswer,
    UndoScore,
)

KIND = 'quiz'
MAX_QUESTION = 300
MAX_ANSWER = 300
MAX_OPTION = 120
MAX_OPTIONS = 6
MAX_NOTE = 500
MAX_CARDS = 100
MAX_GROUPS = 12
MAX_GROUP_NAME = 40
MAX_POINTS = 100
MAX_TIME_LIMIT = 600  # seconds
STEAL_PERCENT_DEFAULT = 50


class Kind(StrEnum):
    FACT = 'feit'
    OPINION = 'opvatting'


class Stage(StrEnum):
    SETUP = 'setup'  # rules on the screen, groups being made
    PLAYING = 'playing'
    FINISHED = 'finished'  # the closing screen: winner and the cards set aside


class Step(StrEnum):
    """Where the current card is."""

    ANSWERING = 'answering'  # the group whose turn it is answers (its spokesperson, or aloud for the facilitator)
    AGREEING = 'agreeing'  # opinion: the members say whether they agree with their spokesperson
    STEAL_OPEN = 'steal_open'  # fact: the group did not know; the first other group to claim may answer
    STEALING = 'stealing'  # a group claimed it and answers
    DONE = 'done'  # scored; the answer is shown


class Aside(StrEnum):
    UNKNOWN = 'unknown'  # the group did not know the answer
    DIFFERED = 'differed'  # opinions in the group differed
    MANUAL = 'manual'  # the facilitator set it aside


class InvalidCard(DomainError):
    key = 'error.quiz.card'


class NotYourTurn(DomainError):
    key = 'error.quiz.not_your_turn'


class NoGroup(DomainError):
    key = 'error.quiz.no_group'


class TooLate(DomainError):
    key = 'error.quiz.too_late'


# --- state -----------------------------------------------------------------------------------------------------------


@dataclass
class Card:
    id: str
    kind: Kind
    question: str
    points: int
    answer: str = ''  # fact: the correct answer in words (the facilitator's reference); opinion: unused
    options: tuple[str, ...] = ()  # multiple choice; empty: an open answer
    correct: int = -1  # fact with options: index of the right option
    note: str = ''  # for the facilitator: background, where the policy says it
    time_limit: int = 0  # seconds; 0: none


@dataclass
class Group:
    id: str
    name: str  # '' until renamed: the views say "Groep 1"
    room: int = 0  # members without a phone (their answer and agreement are given aloud and counted by hand)


@dataclass
class Award:
    card: str
    group: str
    points: float
    reason: str  # 'correct', 'steal', 'agreed', 'half', 'wrong', 'steal_wrong', 'no_steal'


@dataclass
class Play:
    """One card asked to one group."""

    card: str
    turn: str  # the group whose turn it is
    step: Step = Step.ANSWERING
    spokesperson: str = ''  # participant id of whoever answers for the answering group ('' : aloud / not yet)
    answer: str = ''  # the given answer in words (open answer, or the chosen option's text)
    option: int = -1  # the chosen option
    pending_judgement: bool = False  # an open fact answer waits for the facilitator's correct/incorrect
    agreements: dict[str, bool] = field(default_factory=dict)  # opinion: member -> agrees
    stealer: str = ''  # group that claimed the steal
    steal_answer: str = ''
    steal_option: int = -1
    timer_deadline: float | None = None  # running: when time is up
    timer_left: float | None = None  # paused: seconds left
    room_agree: int = -1  # opinion: hands counted in the room (-1: not counted)
    room_disagree: int = -1


@dataclass
class Snapshot:
    """What a scoring decision changed, so the facilitator can undo it without rewriting the log."""

    play: Play
    awards: int
    aside: dict[str, Aside]


@dataclass
class State:
    cards: dict[str, Card] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)  # participant id -> group id
    stage: Stage = Stage.SETUP
    group_choice: bool = False  # participants may pick their own group on the phone
    steal_percent: int = STEAL_PERCENT_DEFAULT
    plays: list[Play] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    aside: dict[str, Aside] = field(default_factory=dict)  # card id -> why it was set aside
    history: list[Snapshot] = field(default_factory=list)  # before each scoring decision of the current card
    next_card_number: int = 1

    @property
    def play(self) -> Play | None:
        return self.plays[-1] if self.plays else None

    @property
    def card(self) -> Card | None:
        return self.cards.get(self.plays[-1].card) if self.plays else None

    def asked(self) -> set[str]:
        return {p.card for p in self.plays}

    def members_of(self, group_id: str) -> list[str]:
        return [pid for pid, gid in self.members.items() if gid == group_id]

    def plays_along(self, group_id: str) -> bool:
        """A group takes turns when it has members: on a phone or without one."""
        return bool(self.members_of(group_id)) or self.groups[group_id].room > 0

    def score(self, group_id: str) -> float:
        return sum(a.points for a in self.awards if a.group == group_id)

    def next_turn(self) -> str | None:
        """The group after the one that had the last card, skipping groups without members; the first at the
        start."""
        order = [g for g in self.groups if self.plays_along(g)] or list(self.groups)
        if not order:
            return None
        if not self.plays:
            return order[0]
        ids = list(self.groups)
        last = ids.index(self.plays[-1].turn) if self.plays[-1].turn in ids else -1
        for step in range(1, len(ids) + 1):
            candidate = ids[(last + step) % len(ids)]
            if candidate in order:
                return candidate
        return order[0]

    def next_card(self) -> str | None:
        asked = self.asked()
        return next((c for c in self.cards if c not in asked), None)

    def answering_group(self) -> str:
        play = self.play
        if play is None:
            return ''
        return play.stealer if play.step is Step.STEALING else play.turn if play.step is Step.ANSWERING else ''


# --- commands --------------------------------------------------------------------------------------------------------

# The commands are in commands.py, each declaring who may give it: decide enforces that, and
# tests/test_authorisation.py checks every pair against it.
Command = QuizCommand | TimerCommand
ROLES = roles_of(QuizCommand, TimerCommand)


# --- cards -----------------------------------------------------------------------------------------------------------


def checked_card(card_id: str, item: dict[str, Any]) -> Card:
    """A card from its fields, validated: a known kind, points 0..MAX_POINTS, a fact with an answer (in words or
    as the right option), at most MAX_OPTIONS options. Raises InvalidCard naming the card, or a text error."""
    question = clean_text(item.get('question'), 'question', MAX_QUESTION)
    try:
        kind = Kind(str(item.get('kind')))
    except ValueError:
        raise InvalidCard(card=question[:60], problem='kind') from None
    points = item.get('points', 10)
    if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= MAX_POINTS:
        raise InvalidCard(card=question[:60], problem='points')
    raw_options = item.get('options') or ()
    if not isinstance(raw_options, list | tuple) or len(raw_options) > MAX_OPTIONS or len(raw_options) == 1:
        raise InvalidCard(card=question[:60], problem='options')
    options = tuple(clean_text(o, 'option', MAX_OPTION) for o in raw_options)
    correct = item.get('correct', -1)
    if not isinstance(correct, int) or isinstance(correct, bool) or not -1 <= correct < len(options):
        raise InvalidCard(card=question[:60], problem='correct')
    answer = clean_text(item.get('answer'), 'answer', MAX_ANSWER, required=False)
    if kind is Kind.FACT and options and correct < 0:
        raise InvalidCard(card=question[:60], problem='correct')
    if kind is Kind.FACT and not options and not answer:
        raise InvalidCard(card=question[:60], problem='answer')
    if kind is Kind.OPINION:
        correct = -1  # an opinion has no right answer
    time_limit = item.get('time_limit', 0)
    if not isinstance(time_limit, int) or isinstance(time_limit, bool) or not 0 <= time_limit <= MAX_TIME_LIMIT:
        raise InvalidCard(card=question[:60], problem='time_limit')
    note = clean_text(item.get('note'), 'note', MAX_NOTE, required=False)
    return Card(card_id, kind, question, points, answer, options, correct, note, time_limit)


def card_fields(card: Card) -> dict[str, Any]:
    """The card as plain data (config, events, YAML export)."""
    return {
        'kind': card.kind.value,
        'question': card.question,
        'points': card.points,
        'answer': card.answer,
        'options': list(card.options),
        'correct': card.correct,
        'note': card.note,
        'time_limit': card.time_limit,
    }


def _card_from_fields(card_id: str, data: dict[str, Any]) -> Card:
    return Card(
        card_id,
        Kind(data['kind']),
        data['question'],
        data['points'],
        data.get('answer', ''),
        tuple(data.get('options', ())),
        data.get('correct', -1),
        data.get('note', ''),
        data.get('time_limit', 0),
    )


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The quiz from its config ({'cards': [...], 'steal_percent': 50}); with `check`, every card is validated
    (replay passes check=False so a log always replays as it was written)."""
    state = State()
    for item in config.get('cards', []):
        card_id = f'c{state.next_card_number}'
        state.cards[card_id] = checked_card(card_id, item) if check else _card_from_fields(card_id, item)
        state.next_card_number += 1
    percent = config.get('steal_percent', STEAL_PERCENT_DEFAULT)
    if check:
        percent = _checked_percent(percent)
    state.steal_percent = percent
    return state


def config_of(state: State) -> dict[str, Any]:
    return {'cards': [card_fields(c) for c in state.cards.values()], 'steal_percent': state.steal_percent}


def _checked_percent(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        raise WrongPhase(phase='steal-percent')
    return value


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none)."""
    require_role(ctx, *ROLES[type(command)])
    if ctx.actor.role is Role.PARTICIPANT:
        return _decide_participant(state, command, ctx)
    if isinstance(command, AddCard | EditCard | RemoveCard | ImportCards):
        return _decide_card(state, command, ctx)
    if isinstance(
        command, DivideGroups | PlaceNewcomers | MoveParticipant | RenameGroup | AllowGroupChoice | SetRoomMembers
    ):
        return _decide_groups(state, command, ctx)
    return _decide_play(state, command, ctx)


def _decide_card(state: State, command: AddCard | EditCard | RemoveCard | ImportCards, ctx: Context) -> list[Event]:
    if state.stage is Stage.FINISHED:
        raise WrongPhase(phase=state.stage.value)
    if isinstance(command, ImportCards):
        asked = state.asked()
        removed = [c for c in state.cards if c not in asked] if command.replace else []
        if not isinstance(command.cards, list | tuple) or not command.cards:
            raise WrongPhase(phase='no-cards')
        if len(state.cards) - len(removed) + len(command.cards) > MAX_CARDS:
            raise WrongPhase(phase='full')
        number = state.next_card_number
        cards = []
        for item in command.cards:
            if not isinstance(item, dict):
                raise InvalidCard(card='?', problem='kind')
            cards.append({'card': f'c{number}', **card_fields(checked_card(f'c{number}', item))})
            number += 1
        return [ctx.event('quiz.cards.imported', removed=removed, cards=cards)]
    if isinstance(command, RemoveCard):
        _not_asked(state, command.card_id)
        return [ctx.event('quiz.card.removed', card=command.card_id)]
    fields = {k: getattr(command, k) for k in ('kind', 'question', 'points', 'answer', 'correct', 'note')}
    fields.update(options=list(command.options), time_limit=command.time_limit)
    if isinstance(command, EditCard):
        _not_asked(state, command.card_id)
        card = checked_card(command.card_id, fields)
        return [ctx.event('quiz.card.edited', card=card.id, **card_fields(card))]
    if len(state.cards) >= MAX_CARDS:
        raise WrongPhase(phase='full')
    card = checked_card(f'c{state.next_card_number}', fields)
    return [ctx.event('quiz.card.added', card=card.id, **card_fields(card))]


def _not_asked(state: State, card_id: str) -> None:
    if card_id not in state.cards:
        raise UnknownItem(item=card_id)
    if card_id in state.asked():
        raise TooLate()


def _balanced(participants: list[str], groups: list[str], members: dict[str, str]) -> dict[str, str]:
    """Place `participants` one by one in the smallest group (the first of equals)."""
    sizes = {g: sum(1 for gid in members.values() if gid == g) for g in groups}
    placed = {}
    for pid in participants:
        smallest = min(groups, key=lambda g: sizes[g])
        placed[pid] = smallest
        sizes[smallest] += 1
    return placed


def _decide_groups(state: State, command: Command, ctx: Context) -> list[Event]:
    if state.stage is Stage.FINISHED:
        raise WrongPhase(phase=state.stage.value)
    match command:
        case DivideGroups(count):
            if state.stage is not Stage.SETUP:
                raise TooLate()
            if not isinstance(count, int) or isinstance(count, bool) or not 2 <= count <= MAX_GROUPS:
                raise WrongPhase(phase='group-count')
            groups = [f'g{i}' for i in range(1, count + 1)]
            # participant ids are keyed hashes: sorting them is an order nobody can steer, and the same on replay
            placed = _balanced(sorted(ctx.participants), groups, {})
            return [ctx.event('quiz.groups.divided', groups=groups, members=placed)]
        case PlaceNewcomers():
            if not state.groups:
                raise WrongPhase(phase='no-groups')
            newcomers = sorted(p for p in ctx.participants if p not in state.members)
            if not newcomers:
                return []
            return [ctx.event('quiz.members.placed', members=_balanced(newcomers, list(state.groups), state.members))]
        case MoveParticipant(participant_id, group_id):
            if participant_id not in ctx.participants:
                raise UnknownItem(item=participant_id)
            if group_id not in state.groups:
                raise UnknownItem(item=group_id)
            if state.members.get(participant_id) == group_id:
                return []
            return [ctx.event('quiz.members.placed', members={participant_id: group_id})]
        case RenameGroup(group_id, name):
            if group_id not in state.groups:
                raise UnknownItem(item=group_id)
            return [ctx.event('quiz.group.renamed', group=group_id, name=clean_text(name, 'name', MAX_GROUP_NAME))]
        case SetRoomMembers(group_id, count):
            if group_id not in state.groups:
                raise UnknownItem(item=group_id)
            checked = checked_count(count)
            return (
                []
                if checked == state.groups[group_id].room
                else [ctx.event('quiz.room', group=group_id, count=checked)]
            )
        case AllowGroupChoice(allowed):
            if bool(allowed) == state.group_choice:
                return []
            if allowed and not state.groups:
                raise WrongPhase(phase='no-groups')
            return [ctx.event('quiz.group_choice', allowed=bool(allowed))]
    raise WrongPhase(phase='unknown-command')


def _decide_play(state: State, command: Command, ctx: Context) -> list[Event]:
    play, card = state.play, state.card
    match command:
        case SetStealPercent(percent):
            if state.stage is Stage.FINISHED:
                raise WrongPhase(phase=state.stage.value)
            return [ctx.event('quiz.steal_percent', percent=_checked_percent(percent))]
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


def _decide_participant(state: State, command: Command, ctx: Context) -> list[Event]:
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


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    play = state.play
    match event.type:
        case 'quiz.card.added':
            state.cards[data['card']] = _card_from_fields(data['card'], data)
            state.next_card_number += 1
        case 'quiz.card.edited':
            state.cards[data['card']] = _card_from_fields(data['card'], data)
        case 'quiz.cards.imported':
            for card_id in data['removed']:
                state.cards.pop(card_id, None)
                state.aside.pop(card_id, None)
            for item in data['cards']:
                state.cards[item['card']] = _card_from_fields(item['card'], item)
                state.next_card_number += 1
        case 'quiz.card.removed':
            state.cards.pop(data['card'], None)
            state.aside.pop(data['card'], None)
        case 'quiz.groups.divided':
            state.groups = {g: Group(g, '') for g in data['groups']}
            state.members = dict(data['members'])
        case 'quiz.members.placed':
            state.members.update(data['members'])
        case 'quiz.group.renamed':
            state.groups[data['group']].name = data['name']
        case 'quiz.group_choice':
            state.group_choice = data['allowed']
        case 'quiz.room':
            state.groups[data['group']].room = data['count']
        case 'quiz.counted' if play:
            play.room_agree, play.room_disagree = data['agree'], data['disagree']
        case 'quiz.steal_percent':
            state.steal_percent = data['percent']
        case 'quiz.started':
            state.stage = Stage.PLAYING
        case 'quiz.asked':
            state.plays.append(Play(data['card'], data['turn'], timer_deadline=data['deadline']))
            state.history.clear()  # undo reaches back to the start of the current card only
        case 'quiz.spokesperson' if play:
            play.spokesperson = data['participant']
        case 'quiz.answered' if play:
            if data['steal']:
                play.steal_answer, play.steal_option = data['text'], data['option']
            else:
                play.answer, play.option = data['text'], data['option']
            card = state.cards[play.card]
            if card.kind is Kind.OPINION:
                play.step = Step.AGREEING
            elif not card.options:
                play.pending_judgement = True
        case 'quiz.agreed' if play:
            play.agreements[event.actor.id] = data['agree']
        case 'quiz.steal_claimed' if play:
            play.step = Step.STEALING
            play.stealer = data['group']
            play.spokesperson = data['participant']  # who claimed answers for the group
            play.pending_judgement = False
        case 'quiz.scored' if play:
            before = copy.deepcopy(play)
            if data.get('with_answer'):
                if before.step is Step.STEALING:
                    before.steal_answer, before.steal_option = '', -1
                else:
                    before.answer, before.option = '', -1
            state.history.append(Snapshot(before, len(state.awards), dict(state.aside)))
            state.awards.append(Award(data['card'], data['group'], data['points'], data['reason']))
            play.step = Step(data['step'])
            play.pending_judgement = False
            if play.step is Step.STEAL_OPEN:
                play.spokesperson = ''
            if 'aside' in data:
                state.aside[data['card']] = Aside(data['aside'])
            if play.step is Step.DONE:
                play.timer_deadline = play.timer_left = None
        case 'quiz.undone' if state.history:
            snapshot = state.history.pop()
            state.plays[-1] = snapshot.play
            del state.awards[snapshot.awards :]
            state.aside = snapshot.aside
        case 'quiz.set_aside':
            if data['aside']:
                state.aside[data['card']] = Aside(data['reason'])
            else:
                state.aside.pop(data['card'], None)
        case 'quiz.timer' if play:
            play.timer_deadline, play.timer_left = data['deadline'], data['left']
        case 'quiz.ended':
            state.stage = Stage.FINISHED
    return state


# --- projections -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    group: str
    name: str  # '' : "Groep n"
    number: int  # 1-based position of the group in the list (for "Groep n")
    members: int
    points: float
    rank: int  # equal points, equal rank


def standings(state: State) -> tuple[Standing, ...]:
    """The scoreboard, best first; groups with equal points share a rank."""
    rows = [
        Standing(g.id, g.name, i, len(state.members_of(g.id)) + g.room, state.score(g.id), 0)
        for i, g in enumerate(state.groups.values(), start=1)
    ]
    rows.sort(key=lambda r: (-r.points, r.number))
    ranked: list[Standing] = []
    for position, row in enumerate(rows, start=1):
        rank = ranked[-1].rank if ranked and ranked[-1].points == row.points else position
        ranked.append(Standing(row.group, row.name, row.number, row.members, row.points, rank))
    return tuple(ranked)


def winners(state: State) -> tuple[Standing, ...]:
    table = standings(state)
    return tuple(s for s in table if s.rank == 1 and s.points > 0) if table else ()


@dataclass(frozen=True)
class CardView:
    """A card as everyone may see it: the right answer only once the card is done."""

    id: str
    kind: Kind
    question: str
    points: int
    options: tuple[str, ...]
    position: int  # 1-based number of this card in the deck
    answer: str  # '' until revealed
    correct: int  # -1 until revealed


@dataclass(frozen=True)
class PublicView:
    stage: Stage
    standings: tuple[Standing, ...]
    card: CardView | None
    step: Step | None
    turn: str
    answering: str  # the group that may answer now ('' : none)
    has_spokesperson: bool
    spokesperson: str  # participant id ('' : none); views show a name only if the participant chose one
    given_answer: str
    given_option: int
    stealer: str
    steal_answer: str
    steal_option: int
    responded: int  # opinion: members besides the spokesperson who said whether they agree
    respondents: int  # opinion: members besides the spokesperson (who gave the answer and so agrees with it)
    missed: str  # once the group whose turn it was got nothing: 'unknown' (did not know) or 'wrong' ('' : neither)
    counted: tuple[int, int] | None  # opinion: hands of the members without a phone (agree, disagree); None: none
    outcome: tuple[tuple[str, float, str], ...]  # (group, points, reason) of the current card's decisions
    timer_deadline: float | None
    timer_left: float | None
    asked: int
    total: int
    group_choice: bool


def _card_view(state: State, card: Card, revealed: bool) -> CardView:
    position = list(state.cards).index(card.id) + 1
    return CardView(
        card.id,
        card.kind,
        card.question,
        card.points,
        card.options,
        position,
        card.answer if revealed else '',
        card.correct if revealed else -1,
    )


def public_view(state: State) -> PublicView:
    play, card = state.play, state.card
    table = standings(state)
    if play is None or card is None:
        return PublicView(
            state.stage, table, None, None, '', '', False, '', '', -1, '', '', -1, 0, 0, '', None, (), None, None,
            len(state.plays), len(state.cards), state.group_choice,
        )  # fmt: skip
    done = play.step is Step.DONE
    others = [m for m in state.members_of(play.turn) if m != play.spokesperson]
    missed = next((a.reason for a in state.awards if a.card == card.id and a.reason in ('unknown', 'wrong')), '')
    return PublicView(
        state.stage,
        table,
        _card_view(state, card, done),
        play.step,
        play.turn,
        state.answering_group(),
        bool(play.spokesperson),
        play.spokesperson,
        play.answer,
        play.option,
        play.stealer,
        play.steal_answer,
        play.steal_option,
        sum(1 for m in others if m in play.agreements),
        len(others),
        missed,
        (play.room_agree, play.room_disagree) if play.room_agree >= 0 else None,
        tuple((a.group, a.points, a.reason) for a in state.awards if a.card == card.id),
        play.timer_deadline,
        play.timer_left,
        len(state.plays),
        len(state.cards),
        state.group_choice,
    )


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    group: str  # '' : not in a group yet
    is_spokesperson: bool
    my_agreement: bool | None
    can_claim_spokesperson: bool
    can_answer: bool
    can_pass: bool
    can_agree: bool
    can_claim_steal: bool
    can_choose_group: bool


def participant_view(state: State, participant_id: str, public: PublicView | None = None) -> ParticipantView:
    """What one participant's phone shows. `public` is public_view(state), when already made for this change."""
    public = public if public is not None else public_view(state)
    group = state.members.get(participant_id, '')
    play = state.play
    me = bool(play and play.spokesperson == participant_id)
    answering = bool(group) and group == public.answering and public.step in (Step.ANSWERING, Step.STEALING)
    may_answer = answering and me and play is not None and not play.pending_judgement
    fact = state.card is not None and state.card.kind is Kind.FACT
    return ParticipantView(
        public,
        group,
        me,
        play.agreements.get(participant_id) if play else None,
        answering and not public.has_spokesperson,
        may_answer,
        may_answer and fact,
        bool(group) and public.step is Step.AGREEING and group == public.turn and not me,
        bool(group) and public.step is Step.STEAL_OPEN and group != public.turn,
        state.group_choice and state.stage is not Stage.FINISHED and (not group or state.stage is Stage.SETUP),
    )


@dataclass(frozen=True)
class CardResult:
    position: int
    card: Card
    turn: str
    outcome: tuple[tuple[str, float, str], ...]
    aside: Aside | None
    channels: Channels | None = None  # an opinion with hands counted: how many reacted by phone, how many in the room


@dataclass(frozen=True)
class QuizSummary:
    standings: tuple[Standing, ...]
    winners: tuple[Standing, ...]
    results: tuple[CardResult, ...]  # asked cards, in the order asked
    aside: tuple[tuple[Card, Aside], ...]


def summary(state: State) -> QuizSummary:
    positions = {card_id: i for i, card_id in enumerate(state.cards, start=1)}
    results = tuple(
        CardResult(
            positions.get(p.card, 0),
            state.cards[p.card],
            p.turn,
            tuple((a.group, a.points, a.reason) for a in state.awards if a.card == p.card),
            state.aside.get(p.card),
            Channels(len(p.agreements), p.room_agree + p.room_disagree) if p.room_agree >= 0 else None,
        )
        for p in state.plays
        if p.card in state.cards
    )
    aside = tuple((state.cards[c], why) for c, why in state.aside.items() if c in state.cards)
    return QuizSummary(standings(state), winners(state), results, aside)
