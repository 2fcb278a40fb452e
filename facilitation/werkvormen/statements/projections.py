"""Stellingen's projections: what the projector, each phone and the console see of the state (pure, frozen).

A phone never receives another person's vote, nor a result before it is revealed or below the minimum group size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base import minimum_of
from ..handcount import Channels
from .commands import CloseVoting, OpenVoting, Reveal, ShowStatement, StatementsCommand
from .model import Choice, Discussion, Phase, Round, State, Statement


@dataclass(frozen=True)
class Tally:
    eens: int
    oneens: int
    shown: bool  # False below the minimum number of votes: only the total may be shown
    minimum: int = field(default=0, compare=False)  # the minimum that applied (for "too few, at least n")
    room: int = 0  # of the total, counted in the room (cards or corners) rather than voted on a phone

    @property
    def channels(self) -> Channels:
        return Channels(self.total - self.room, self.room)

    @property
    def total(self) -> int:
        return self.eens + self.oneens

    def percent(self, choice: Choice) -> int:
        count = self.eens if choice is Choice.EENS else self.oneens
        return round(100 * count / self.total) if self.total else 0


def tally(round_: Round, min_reveal: int) -> Tally:
    """Counts derived from the votes (never kept as a counter, so concurrent votes cannot be lost).

    Shown from the minimum recorded when the round closed or was revealed on; `min_reveal` (the session's current
    minimum) counts only for a round that has none recorded (an open round, or a log from before it was recorded).
    The room's hand count is part of the counts and of the minimum: a card raised is a vote like a tap.
    """
    phone_eens = sum(1 for choice in round_.votes.values() if choice is Choice.EENS)
    eens = phone_eens + round_.room_eens
    oneens = len(round_.votes) - phone_eens + round_.room_oneens
    room = round_.room_eens + round_.room_oneens
    minimum = minimum_of(round_.min_reveal, min_reveal)
    return Tally(eens, oneens, eens + oneens >= minimum, minimum, room)


@dataclass(frozen=True)
class RoundResult:
    number: int
    tally: Tally


@dataclass(frozen=True)
class PublicView:
    """What the projector and every phone may see: no individual votes, results only once revealed.

    It compares equal until a step of the facilitator (not with every vote), so phones, which compare views,
    re-render only then; the live count of votes is beside it, left out of the comparison.
    """

    phase: Phase
    statement_id: str | None
    text: str
    clip: str
    position: int  # 1-based position of the current statement
    count: int
    round: int  # 1-based current round number (0 before voting)
    results: tuple[RoundResult, ...]  # revealed rounds of the current statement
    voted: int = field(default=0, compare=False)  # how many voted in the current round: a count, never who or what


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    my_vote: Choice | None


def public_view(state: State, minimum: int) -> PublicView:
    """The projector's and every phone's view, results shown from the minimum group size (`minimum`) on."""
    statement = state.current_statement
    if statement is None:
        return PublicView(Phase.IDLE, None, '', '', 0, len(state.statements), 0, ())
    results = tuple(RoundResult(i + 1, tally(r, minimum)) for i, r in enumerate(statement.rounds) if r.revealed)
    return PublicView(
        statement.phase,
        statement.id,
        statement.text,
        statement.clip,
        statement.position,
        len(state.statements),
        len(statement.rounds),
        results,
        voted(state),
    )


def voted(state: State) -> int:
    """How many voted in the current round: a count for the projector and console, never who or what."""
    statement = state.current_statement
    return len(statement.rounds[-1].votes) if statement and statement.rounds else 0


def my_vote(state: State, participant_id: str) -> Choice | None:
    """This participant's vote in the current round (only ever shown to that participant)."""
    statement = state.current_statement
    return statement.rounds[-1].votes.get(participant_id) if statement and statement.rounds else None


def participant_view(
    state: State, participant_id: str, minimum: int, public: PublicView | None = None
) -> ParticipantView:
    """One phone's view: the public one (shared when given) and this participant's own vote."""
    return ParticipantView(public or public_view(state, minimum), my_vote(state, participant_id))


@dataclass(frozen=True)
class StatementSummary:
    position: int
    text: str
    note: str
    rounds: tuple[RoundResult, ...]
    discussion: Discussion


def summary(state: State, min_reveal: int) -> list[StatementSummary]:
    """Every statement with its closed rounds' results and its nabespreking, in order (for page and downloads)."""
    return [
        StatementSummary(
            position,
            s.text,
            s.note,
            tuple(RoundResult(i + 1, tally(r, min_reveal)) for i, r in enumerate(s.rounds) if not r.open),
            s.discussion,
        )
        for position, s in enumerate(state.statements.values(), start=1)
    ]


# --- the console -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """A step the console offers: its label (an i18n key), the command a click gives and its icon."""

    key: str
    command: StatementsCommand
    icon: str = ''


@dataclass(frozen=True)
class HandCount:
    """The round a count of hands goes with (open or closed, not yet revealed) and what was counted so far."""

    statement_id: str
    round: int  # 1-based
    eens: int
    oneens: int


@dataclass(frozen=True)
class StatementRow:
    """A statement in the console's list: its place, its text, its phase once voted on, whether it is shown now."""

    id: str
    position: int
    text: str
    phase: Phase | None
    current: bool


@dataclass(frozen=True)
class ConsoleView:
    """What the facilitator sees beside the public view: the note, the steps on offer, the hand count, the
    nabespreking of the statement shown and every statement in order."""

    public: PublicView
    note: str
    next_step: NextStep | None  # the one obvious next step (None: every statement done)
    again: NextStep | None  # voting once more: a second round after the reveal, or open again after closing
    hand_count: HandCount | None
    discussion: Discussion | None  # of the statement shown
    rows: tuple[StatementRow, ...]

    def row(self, statement_id: str) -> StatementRow | None:
        return next((row for row in self.rows if row.id == statement_id), None)


def next_step(state: State) -> NextStep | None:
    """The one obvious next step: show the first statement, open, close, reveal, then the next statement."""
    statement = state.current_statement
    following = state.next_id()
    if statement is None:
        return NextStep('st.show_first', ShowStatement(following)) if following else None
    match statement.phase:
        case Phase.SHOWN:
            return NextStep('st.open_voting', OpenVoting())
        case Phase.VOTING:
            return NextStep('st.close_voting', CloseVoting())
        case Phase.CLOSED:
            return NextStep('st.reveal', Reveal())
    return NextStep('st.next', ShowStatement(following)) if following else None


def again(phase: Phase) -> NextStep | None:
    """Voting once more: a second round after the reveal, or open again after closing."""
    if phase is Phase.REVEALED:
        return NextStep('st.second_round', OpenVoting(), icon='replay')
    if phase is Phase.CLOSED:
        return NextStep('st.reopen', OpenVoting(), icon='lock_open')
    return None


def hand_count(statement: Statement | None) -> HandCount | None:
    """What a count of hands goes with now: the last round of the statement shown while it is not revealed."""
    if statement is None or statement.phase not in (Phase.VOTING, Phase.CLOSED):
        return None
    last = statement.rounds[-1]
    return HandCount(statement.id, len(statement.rounds), last.room_eens, last.room_oneens)


def console_view(state: State, minimum: int) -> ConsoleView:
    """The facilitator's console."""
    public = public_view(state, minimum)
    statement = state.current_statement
    rows = tuple(
        StatementRow(s.id, position, s.text, s.phase if s.rounds else None, s.id == state.current)
        for position, s in enumerate(state.statements.values(), start=1)
    )
    return ConsoleView(
        public,
        statement.note if statement else '',
        next_step(state),
        again(public.phase),
        hand_count(statement),
        statement.discussion if statement else None,
        rows,
    )
