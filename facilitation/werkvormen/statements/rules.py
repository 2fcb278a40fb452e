"""Stellingen (eens/oneens): the seed's section 3.1.2 as a pure werkvorm.

The group takes a position on statements (optionally after a video clip); the result shows quickly what is known
and what less so, and the nabespreking translates it to practice. Rules kept here:

- one vote per participant per round, keyed by participant id; voting again replaces the earlier vote;
- votes count only while voting is open; results are revealed by the facilitator, and the distribution is shown
  only from `min_reveal` votes on (a small group's individual votes stay private). The minimum that counts is the
  one in force when the round was revealed (recorded in its event): lowering it later never reveals a hidden round;
- re-opening voting after the reveal starts a new round, kept apart so "before" and "after" can be compared;
- people without a phone vote with green and red cards or a corner of the room: the facilitator records that hand
  count with the round (until it is revealed); the result and the minimum count both, and say which was which.
"""

from __future__ import annotations

from typing import Any

from ..base import (
    Context,
    Event,
    UnknownItem,
    VotingClosed,
    WrongPhase,
    clean_text,
    require_role,
    roles_of,
)
from ..handcount import checked_count
from .commands import (
    AddStatement,
    CastVote,
    CloseVoting,
    CountHands,
    OpenVoting,
    Reveal,
    SaveDiscussion,
    ShowStatement,
    StatementsCommand,
)
from .model import (
    KIND,
    MAX_CLIP,
    MAX_DISCUSSION,
    MAX_NOTE,
    MAX_STATEMENT,
    MAX_STATEMENTS,
    Choice,
    Discussion,
    InvalidClip,
    Phase,
    Round,
    State,
    Statement,
)
from .projections import (
    ConsoleView,
    HandCount,
    NextStep,
    ParticipantView,
    PublicView,
    RoundResult,
    StatementRow,
    StatementSummary,
    Tally,
    console_view,
    my_vote,
    participant_view,
    public_view,
    summary,
    tally,
    voted,
)

__all__ = [  # what the views, the session and the tests use by this module's name
    'KIND',
    'MAX_CLIP',
    'MAX_DISCUSSION',
    'MAX_NOTE',
    'MAX_STATEMENT',
    'MAX_STATEMENTS',
    'ROLES',
    'AddStatement',
    'CastVote',
    'Choice',
    'CloseVoting',
    'Command',
    'ConsoleView',
    'CountHands',
    'Discussion',
    'HandCount',
    'InvalidClip',
    'NextStep',
    'OpenVoting',
    'ParticipantView',
    'Phase',
    'PublicView',
    'Reveal',
    'Round',
    'RoundResult',
    'SaveDiscussion',
    'ShowStatement',
    'State',
    'Statement',
    'StatementRow',
    'StatementSummary',
    'StatementsCommand',
    'Tally',
    'check_clip',
    'config_of',
    'console_view',
    'decide',
    'evolve',
    'my_vote',
    'new_state',
    'participant_view',
    'public_view',
    'summary',
    'tally',
    'voted',
]


# --- commands --------------------------------------------------------------------------------------------------------

# The commands are in commands.py, each declaring who may give it: decide enforces that, and
# tests/test_authorisation.py checks every pair against it.
Command = StatementsCommand
ROLES = roles_of(StatementsCommand)


def check_clip(value: object) -> str:
    """A clip is a web link (http/https) or a file name in the media folder; anything else is refused."""
    clip = clean_text(value, 'clip', MAX_CLIP, required=False)
    if not clip or clip.startswith(('http://', 'https://')):
        return clip
    if clip.startswith(('/', '\\')) or '..' in clip.replace('\\', '/').split('/') or ':' in clip:
        raise InvalidClip(clip=clip)
    return clip


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The activity's starting state from its config ({'statements': [{'text', 'clip', 'note'}, ...]}).

    With `check` (a new activity) every statement is validated and normalised; replay passes check=False, so a log
    written under older rules always replays as it was written.
    """
    state = State()
    for item in config.get('statements', []):
        position = len(state.statements) + 1
        if check:
            statement = _checked_statement(position, item.get('text'), item.get('clip'), item.get('note'))
        else:
            statement = Statement(f's{position}', position, item['text'], item.get('clip', ''), item.get('note', ''))
        state.statements[statement.id] = statement
    return state


def config_of(state: State) -> dict[str, Any]:
    """The config that `new_state` turns back into this state's statements (as stored in the log)."""
    return {'statements': [{'text': s.text, 'clip': s.clip, 'note': s.note} for s in state.statements.values()]}


def _checked_statement(position: int, text: object, clip: object, note: object) -> Statement:
    return Statement(
        f's{position}',
        position,
        clean_text(text, 'text', MAX_STATEMENT),
        check_clip(clip),
        clean_text(note, 'note', MAX_NOTE, required=False),
    )


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none).

    Raises NotAllowed for a role that may not give it, VotingClosed for a vote outside voting, WrongPhase for a
    step out of order, UnknownItem for an unknown statement, and text errors for bad input.
    """
    require_role(ctx, *ROLES[type(command)])
    if isinstance(command, CastVote):
        return _decide_vote(state, command, ctx)
    statement = state.current_statement
    match command:
        case AddStatement(text, clip, note):
            if len(state.statements) >= MAX_STATEMENTS:
                raise WrongPhase(phase='full')
            checked = _checked_statement(len(state.statements) + 1, text, clip, note)
            return [
                ctx.event(
                    'statement.added', statement=checked.id, text=checked.text, clip=checked.clip, note=checked.note
                )
            ]
        case ShowStatement(statement_id):
            if statement_id not in state.statements:
                raise UnknownItem(item=statement_id)
            events = []
            if statement is not None and statement.phase is Phase.VOTING:
                events.append(ctx.closing('voting.closed', statement=statement.id))
            if statement_id != state.current:
                events.append(ctx.event('statement.shown', statement=statement_id))
            return events
        case OpenVoting():
            if statement is None or statement.phase is Phase.VOTING:
                raise WrongPhase(phase=state.phase.value)
            reopen = statement.phase is Phase.CLOSED
            number = len(statement.rounds) - 1 if reopen else len(statement.rounds)
            return [ctx.event('voting.opened', statement=statement.id, round=number)]
        case CloseVoting():
            if statement is None or statement.phase is not Phase.VOTING:
                raise WrongPhase(phase=state.phase.value)
            return [ctx.closing('voting.closed', statement=statement.id)]
        case Reveal():
            if statement is None or statement.phase is not Phase.CLOSED:
                raise WrongPhase(phase=state.phase.value)
            return [ctx.closing('result.revealed', statement=statement.id)]
        case CountHands(eens, oneens):
            if statement is None or statement.phase not in (Phase.VOTING, Phase.CLOSED):
                raise WrongPhase(phase=state.phase.value)  # a revealed result stays as the room saw it
            counted = checked_count(eens), checked_count(oneens)
            last = statement.rounds[-1]
            if counted == (last.room_eens, last.room_oneens):
                return []
            return [
                ctx.event(
                    'hands.counted',
                    statement=statement.id,
                    round=len(statement.rounds) - 1,
                    eens=counted[0],
                    oneens=counted[1],
                )
            ]
        case SaveDiscussion(statement_id, known, practice, policy):
            if statement_id not in state.statements:
                raise UnknownItem(item=statement_id)
            return [
                ctx.event(
                    'discussion.saved',
                    statement=statement_id,
                    known=clean_text(known, 'known', MAX_DISCUSSION, required=False, multiline=True),
                    practice=clean_text(practice, 'practice', MAX_DISCUSSION, required=False, multiline=True),
                    policy=clean_text(policy, 'policy', MAX_DISCUSSION, required=False, multiline=True),
                )
            ]
    raise WrongPhase(phase='unknown-command')


def _decide_vote(state: State, command: CastVote, ctx: Context) -> list[Event]:
    statement = state.current_statement
    if statement is None or statement.phase is not Phase.VOTING:
        raise VotingClosed()
    if command.statement_id and (command.statement_id, command.round) != (statement.id, len(statement.rounds)):
        raise VotingClosed()  # a late tap (e.g. sent after a reconnect) never counts for the next question
    try:
        choice = Choice(command.choice)
    except ValueError:
        raise WrongPhase(phase='invalid-choice') from None
    if statement.rounds[-1].votes.get(ctx.actor.id) is choice:
        return []  # the same vote again changes nothing: still exactly one vote
    return [ctx.event('vote.cast', statement=statement.id, round=len(statement.rounds) - 1, choice=choice.value)]


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event. Events were validated by decide, so evolve only records them (it is also the replay)."""
    data = event.data
    match event.type:
        case 'statement.added':
            position = len(state.statements) + 1
            state.statements[data['statement']] = Statement(
                data['statement'], position, data['text'], data['clip'], data['note']
            )
        case 'statement.shown':
            state.current = data['statement']
        case 'voting.opened':
            rounds = state.statements[data['statement']].rounds
            if data['round'] < len(rounds):
                rounds[data['round']].open = True
            else:
                rounds.append(Round())
        case 'voting.closed':
            closed = state.statements[data['statement']].rounds[-1]
            closed.open = False
            closed.min_reveal = data.get('min_reveal')
        case 'result.revealed':
            revealed = state.statements[data['statement']].rounds[-1]
            revealed.revealed = True
            revealed.min_reveal = data.get('min_reveal', revealed.min_reveal)
        case 'hands.counted':
            counted = state.statements[data['statement']].rounds[data['round']]
            counted.room_eens, counted.room_oneens = data['eens'], data['oneens']
        case 'vote.cast':
            state.statements[data['statement']].rounds[data['round']].votes[event.actor.id] = Choice(data['choice'])
        case 'discussion.saved':
            state.statements[data['statement']].discussion = Discussion(data['known'], data['practice'], data['policy'])
    return state
