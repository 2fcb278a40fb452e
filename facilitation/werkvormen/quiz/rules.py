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
    require_role,
    roles_of,
)
from .arranging import decide_card, decide_groups
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
from .model import (
    KIND,
    MAX_ANSWER,
    MAX_CARDS,
    MAX_GROUP_NAME,
    MAX_GROUPS,
    MAX_NOTE,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_POINTS,
    MAX_QUESTION,
    MAX_TIME_LIMIT,
    STEAL_PERCENT_DEFAULT,
    Aside,
    Award,
    Card,
    Group,
    InvalidCard,
    Kind,
    NoGroup,
    NotYourTurn,
    Play,
    Snapshot,
    Stage,
    State,
    Step,
    TooLate,
    card_fields,
    card_from_fields,
    checked_card,
    checked_percent,
)
from .playing import decide_participant, decide_play
from .projections import (
    CardResult,
    CardView,
    ClockOffer,
    ConsoleView,
    DeckRow,
    GroupRow,
    Offer,
    ParticipantView,
    PublicView,
    QuizSummary,
    Standing,
    aside_cards,
    console_view,
    participant_view,
    public_view,
    standings,
    summary,
    winners,
)

__all__ = [  # what the views, the session, the exports and the tests use by this module's name
    'KIND',
    'MAX_ANSWER',
    'MAX_CARDS',
    'MAX_GROUPS',
    'MAX_GROUP_NAME',
    'MAX_NOTE',
    'MAX_OPTION',
    'MAX_OPTIONS',
    'MAX_POINTS',
    'MAX_QUESTION',
    'MAX_TIME_LIMIT',
    'ROLES',
    'STEAL_PERCENT_DEFAULT',
    'AddCard',
    'Agree',
    'AllowGroupChoice',
    'Aside',
    'AskCard',
    'Award',
    'Card',
    'CardResult',
    'CardView',
    'ChooseGroup',
    'ClaimSpokesperson',
    'ClaimSteal',
    'ClockOffer',
    'CloseAgreement',
    'CloseSteal',
    'Command',
    'ConsoleView',
    'CountAgreement',
    'DeckRow',
    'DivideGroups',
    'EditCard',
    'EndQuiz',
    'ExtendTimer',
    'Group',
    'GroupRow',
    'ImportCards',
    'InvalidCard',
    'Judge',
    'Kind',
    'MoveParticipant',
    'NoGroup',
    'NotYourTurn',
    'Offer',
    'ParticipantView',
    'Pass',
    'PauseTimer',
    'PickSpokesperson',
    'PlaceNewcomers',
    'Play',
    'PublicView',
    'QuizCommand',
    'QuizSummary',
    'RemoveCard',
    'RenameGroup',
    'ResumeTimer',
    'SetAside',
    'SetRoomMembers',
    'SetStealPercent',
    'Snapshot',
    'Stage',
    'Standing',
    'StartQuiz',
    'State',
    'Step',
    'StopTimer',
    'SubmitAnswer',
    'TimerCommand',
    'TooLate',
    'UndoScore',
    'aside_cards',
    'card_fields',
    'card_from_fields',
    'checked_card',
    'checked_percent',
    'config_of',
    'console_view',
    'decide',
    'evolve',
    'new_state',
    'participant_view',
    'public_view',
    'standings',
    'summary',
    'winners',
]


# --- commands --------------------------------------------------------------------------------------------------------

# The commands are in commands.py, each declaring who may give it: decide enforces that, and
# tests/test_authorisation.py checks every pair against it.
Command = QuizCommand | TimerCommand
ROLES = roles_of(QuizCommand, TimerCommand)


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The quiz from its config ({'cards': [...], 'steal_percent': 50}); with `check`, every card is validated
    (replay passes check=False so a log always replays as it was written)."""
    state = State()
    for item in config.get('cards', []):
        card_id = f'c{state.next_card_number}'
        state.cards[card_id] = checked_card(card_id, item) if check else card_from_fields(card_id, item)
        state.next_card_number += 1
    percent = config.get('steal_percent', STEAL_PERCENT_DEFAULT)
    if check:
        percent = checked_percent(percent)
    state.steal_percent = percent
    return state


def config_of(state: State) -> dict[str, Any]:
    return {'cards': [card_fields(c) for c in state.cards.values()], 'steal_percent': state.steal_percent}


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none)."""
    require_role(ctx, *ROLES[type(command)])
    if ctx.actor.role is Role.PARTICIPANT:
        return decide_participant(state, command, ctx)
    if isinstance(command, AddCard | EditCard | RemoveCard | ImportCards):
        return decide_card(state, command, ctx)
    if isinstance(
        command, DivideGroups | PlaceNewcomers | MoveParticipant | RenameGroup | AllowGroupChoice | SetRoomMembers
    ):
        return decide_groups(state, command, ctx)
    return decide_play(state, command, ctx)


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    play = state.play
    match event.type:
        case 'quiz.card.added':
            state.cards[data['card']] = card_from_fields(data['card'], data)
            state.next_card_number += 1
        case 'quiz.card.edited':
            state.cards[data['card']] = card_from_fields(data['card'], data)
        case 'quiz.cards.imported':
            for card_id in data['removed']:
                state.cards.pop(card_id, None)
                state.aside.pop(card_id, None)
            for item in data['cards']:
                state.cards[item['card']] = card_from_fields(item['card'], item)
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
