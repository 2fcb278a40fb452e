"""The kennisquiz's model: its limits, kinds, stages and steps, the state the rules fold the events into, and
its cards as validated plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..base import (
    DomainError,
    WrongPhase,
    clean_text,
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


@dataclass(frozen=True)
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


def card_from_fields(card_id: str, data: dict[str, Any]) -> Card:
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


def checked_percent(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        raise WrongPhase(phase='steal-percent')
    return value
