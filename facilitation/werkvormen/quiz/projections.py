"""The kennisquiz's projections: what the projector, each phone and the console see of the state (pure,
frozen). The correct answer of a card is never in a public projection before the card is done."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..handcount import Channels
from . import offers
from .model import (
    Aside,
    Card,
    Kind,
    Stage,
    State,
    Step,
)
from .offers import ClockOffer, Offer


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
    steal_percent: int  # the rules on the screen say what a steal earns
    aside: tuple[tuple[str, Aside], ...]  # once finished: the questions set aside and why (empty before)


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


def public_view(state: State, minimum: int) -> PublicView:
    """The projector's and every phone's view (`minimum` is not used: no result here waits for a minimum group)."""
    play, card = state.play, state.card
    table = standings(state)
    aside = tuple((c.question, why) for c, why in aside_cards(state)) if state.stage is Stage.FINISHED else ()
    if play is None or card is None:
        return PublicView(
            state.stage, table, None, None, '', '', False, '', '', -1, '', '', -1, 0, 0, '', None, (), None, None,
            len(state.plays), len(state.cards), state.group_choice, state.steal_percent, aside,
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
        state.steal_percent,
        aside,
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


def participant_view(
    state: State, participant_id: str, minimum: int, public: PublicView | None = None
) -> ParticipantView:
    """What one participant's phone shows. `public` is public_view(state, minimum), when already made for this
    change."""
    public = public if public is not None else public_view(state, minimum)
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
    return QuizSummary(standings(state), winners(state), results, aside_cards(state))


def aside_cards(state: State) -> tuple[tuple[Card, Aside], ...]:
    """The cards set aside, in the order they were set aside, and why."""
    return tuple((state.cards[c], why) for c, why in state.aside.items() if c in state.cards)


# --- the console -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRow:
    """A group as the facilitator sees it: who is in it (participant ids) and how many take part without a phone."""

    id: str
    members: tuple[str, ...]
    room: int


@dataclass(frozen=True)
class DeckRow:
    """A card of the deck in the console: the card itself (with its answer), its place and what may be done."""

    card: Card
    position: int
    asked: bool
    aside: bool
    editable: bool  # not asked yet, the quiz not finished
    can_ask: bool  # asked now, as the next card (the quiz is being played and no card is open)


@dataclass(frozen=True)
class ConsoleView:
    """What the facilitator sees beside the public view: the card being played with its answer, the groups with
    their members, the buttons on offer, and the deck."""

    public: PublicView
    card: Card | None  # the card being played
    groups: tuple[GroupRow, ...]
    ready: bool  # two groups play along: the quiz can start
    all_asked: bool
    next_step: Offer | None  # start the quiz, ask the next card
    correct: Offer | None
    wrong: Offer | None
    not_known: Offer | None
    close_steal: Offer | None
    close_agreement: Offer | None
    undo: Offer | None
    set_aside: Offer | None
    clock: ClockOffer
    deck: tuple[DeckRow, ...]

    def group(self, group_id: str) -> GroupRow | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def deck_row(self, card_id: str) -> DeckRow | None:
        return next((row for row in self.deck if row.card.id == card_id), None)

    def newcomers(self, participants: Iterable[str]) -> int:
        """How many of the session's participants are in no group yet (once there are groups, until the end)."""
        if not self.groups or self.public.stage is Stage.FINISHED:
            return 0
        placed = {pid for group in self.groups for pid in group.members}
        return sum(pid not in placed for pid in participants)


def console_view(state: State, minimum: int) -> ConsoleView:
    """The facilitator's console."""
    public = public_view(state, minimum)
    asked = state.asked()
    between = state.play is None or state.play.step is Step.DONE
    can_ask = state.stage is Stage.PLAYING and between
    open_deck = state.stage is not Stage.FINISHED
    deck = tuple(
        DeckRow(card, position, card.id in asked, card.id in state.aside, card.id not in asked and open_deck, can_ask)
        for position, card in enumerate(state.cards.values(), start=1)
    )
    groups = tuple(GroupRow(g.id, tuple(state.members_of(g.id)), g.room) for g in state.groups.values())
    return ConsoleView(
        public,
        state.card if state.play else None,
        groups,
        offers.ready(state),
        state.next_card() is None,
        offers.next_step(state),
        offers.judging(state, True),
        offers.judging(state, False),
        offers.judging(state, None),
        offers.closing(state, Step.STEAL_OPEN),
        offers.closing(state, Step.AGREEING),
        offers.undo(state),
        offers.set_aside(state),
        offers.clock(state),
        deck,
    )
