"""Dilemmamethodiek: the seed's section 2 as a pure werkvorm, its stappenplan as steps the facilitator moves through.

1. inventariseren: participants send dilemma situations with a category; each is held for the facilitator first;
2. kiezen: participants rate the candidates on urgentie, algemeen belang and herkenbaarheid; the facilitator closes
   the rating (or moves on), then the ranking is shown and the facilitator picks;
3. formuleren: facts, actions and feelings, the two sides (A and B); everyone writes down privately what they would
   do. Those judgements stay hidden (counts only) until the end, where before and after are compared;
4. verhelderen en verplaatsen: clarifying questions (no advice, no own experience, the dilemma as brought in).
   The inbrenger (marked by the facilitator, or volunteering on their phone) answers them and asks none;
5. waarden en normen: a table of betrokkenen, waarden and normen, from the phones, curated by the facilitator: a
   value, a norm and a right, interest or wish may belong to a betrokkene (what is at stake for whom);
6. alternatieven: a brainstorm of actions, each marked with the values and norms it does justice to or goes against;
7. afweging: the inbrenger's four sentences and what they need (person, team, organisation), typed on their own
   phone or left to the facilitator;
8. overeenkomsten en verschillen: where the team agrees and differs, the handelingsafspraak and work agreements,
   each with an owner (the team plan takes them over);
9. terugblik: one score and one sentence from every phone; the mean is shown at the end.

The facilitator may run only some steps (a short version), go back a step and control each step's clock. A step's
clock defaults to its share of the minutes the agenda plans for the werkvorm (its weight in DEFAULT_MINUTES among the
steps of the run); without a plan, to DEFAULT_MINUTES; a step given minutes of its own keeps them.

While people answer, the room sees how many did, never a mean or a split: a mean that moves as the count goes up by
one shows what that one person gave. Ratings close when the facilitator closes them or leaves the choosing step;
judgements and the terugblik close at the end. A closed input stays closed (a step back and forth must not show,
by difference, what one person changed), and its result is gated by the minimum group size in force when it closed,
recorded in the closing event.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..base import (
    HELD,
    MIN_REVEAL_DEFAULT,
    Approve,
    Context,
    DomainError,
    Event,
    ExtendTimer,
    ModerationCommand,
    PauseTimer,
    Reject,
    ResumeTimer,
    Role,
    StopTimer,
    TimerCommand,
    UnknownItem,
    VotingClosed,
    WrongPhase,
    clean_text,
    minimum_of,
    moderation,
    require_role,
    roles_of,
    timer_change,
)
from .commands import (
    AddAgreement,
    AddDilemma,
    AddEntry,
    ApproveAll,
    Assign,
    ChooseDilemma,
    CloseRatings,
    Deliberate,
    DilemmaCommand,
    EndDilemma,
    Evaluate,
    Formulate,
    GoToStep,
    Judge,
    Mark,
    MoveEntry,
    NextStep,
    PreviousStep,
    Rate,
    RemoveAgreement,
    SetInbrenger,
    SetSteps,
    SetStepSeconds,
    SubmitDilemma,
    Volunteer,
)

KIND = 'dilemma'
MAX_TITLE = 120
MAX_DILEMMA = 600
MAX_ENTRY = 300
MAX_FIELD = 1000
MAX_SIDE = 300
MAX_SENTENCE = 300
MAX_OWNER = 80
MAX_SUBMISSIONS = 300
MAX_ENTRIES = 1500
MAX_AGREEMENTS = 100
MAX_OWN = 30  # what one phone may send in all (dilemmas and entries): plenty for a meeting, no flood
MAX_SECONDS = 4 * 3600
SCORES = range(1, 6)


class Step(StrEnum):
    INVENTARISEREN = 'inventariseren'
    KIEZEN = 'kiezen'
    FORMULEREN = 'formuleren'
    VERHELDEREN = 'verhelderen'
    WAARDEN = 'waarden'
    ALTERNATIEVEN = 'alternatieven'
    AFWEGING = 'afweging'
    AFSPRAKEN = 'afspraken'
    TERUGBLIK = 'terugblik'


ORDER = tuple(Step)
SHORT = (Step.INVENTARISEREN, Step.FORMULEREN, Step.WAARDEN, Step.AFSPRAKEN)  # a short version for a werkoverleg
DEFAULT_MINUTES = {
    Step.INVENTARISEREN: 10,
    Step.KIEZEN: 5,
    Step.FORMULEREN: 10,
    Step.VERHELDEREN: 10,
    Step.WAARDEN: 15,
    Step.ALTERNATIEVEN: 15,
    Step.AFWEGING: 10,
    Step.AFSPRAKEN: 15,
    Step.TERUGBLIK: 5,
}


class Category(StrEnum):
    """What dilemmas are about, in the seed's words (and 'anders' for what fits none)."""

    GRENZEN = 'grenzen'
    PROFESSIONEEL = 'professioneel'
    HULP = 'hulp'
    GIR = 'gir'
    POLITIE = 'politie'
    BEDREIGING = 'bedreiging'
    ANDERS = 'anders'


class Column(StrEnum):
    VRAAG = 'vraag'
    BETROKKENEN = 'betrokkenen'
    WAARDEN = 'waarden'
    NORMEN = 'normen'
    BELANGEN = 'belangen'  # rechten, belangen of wensen (of a betrokkene)
    ALTERNATIEF = 'alternatief'
    EENS = 'eens'
    VERSCHIL = 'verschil'


TABLE = (Column.BETROKKENEN, Column.WAARDEN, Column.NORMEN)  # the seed's table
STAKES = (Column.BELANGEN, Column.WAARDEN, Column.NORMEN)  # what may belong to a betrokkene
VALUES = (Column.WAARDEN, Column.NORMEN)  # what an alternative does justice to or goes against
COLUMNS = {  # what participants add in which step
    Step.VERHELDEREN: (Column.VRAAG,),
    Step.WAARDEN: (Column.BETROKKENEN, Column.BELANGEN, Column.WAARDEN, Column.NORMEN),
    Step.ALTERNATIEVEN: (Column.ALTERNATIEF,),
    Step.AFSPRAKEN: (Column.EENS, Column.VERSCHIL),
}
GROUPS = (COLUMNS[Step.WAARDEN], (Column.EENS, Column.VERSCHIL))  # an entry may be moved within its group
CRITERIA = ('urgentie', 'belang', 'herkenbaarheid')
FORMULATION = ('feiten', 'handelingen', 'gevoelens', 'kant_a', 'kant_b')
DELIBERATION = ('juist', 'omwille', 'ondanks', 'schade', 'nodig_persoon', 'nodig_team', 'nodig_organisatie')


class Status(StrEnum):
    PENDING = HELD  # held for the facilitator: nobody else sees it
    SHOWN = 'shown'
    REMOVED = 'removed'


class Stage(StrEnum):
    SETUP = 'setup'
    RUNNING = 'running'
    DONE = 'done'


class Choice(StrEnum):
    A = 'a'
    B = 'b'


class Verdict(StrEnum):
    """What an alternative does to a value or norm."""

    RECHT = 'recht'  # doet er recht aan
    TEGEN = 'tegen'  # gaat ertegen in


class AgreementKind(StrEnum):
    HANDELING = 'handelingsafspraak'  # what the team chooses, and on what basis
    WERK = 'werkafspraak'  # a practical work agreement


class TooMany(DomainError):
    key = 'error.dilemma.too_many'


class NoSides(DomainError):
    key = 'error.dilemma.no_sides'


class BadDate(DomainError):
    key = 'error.dilemma.bad_date'


class NotInbrenger(DomainError):
    """Only the inbrenger types their afweging on a phone."""

    key = 'error.dilemma.not_inbrenger'


class InbrengerAnswers(DomainError):
    """The inbrenger answers the clarifying questions and makes the afweging: colleagues ask and judge."""

    key = 'error.dilemma.inbrenger_answers'


class InbrengerTaken(DomainError):
    key = 'error.dilemma.inbrenger_taken'


# --- state -----------------------------------------------------------------------------------------------------------


@dataclass
class Submission:
    id: str
    author: str  # participant id, or 'facilitator'
    text: str
    category: Category
    show_name: bool
    status: Status


@dataclass
class Entry:
    id: str
    column: Column
    author: str
    text: str
    status: Status
    of: str = ''  # the betrokkene (an entry id) a right, interest, value or norm belongs to; '' : none


@dataclass(frozen=True)
class Judgement:
    choice: Choice
    sentence: str


@dataclass(frozen=True)
class Evaluation:
    score: int
    sentence: str


@dataclass(frozen=True)
class Agreement:
    id: str
    kind: AgreementKind
    text: str
    owner: str
    term: str  # ISO date, '' : none
    basis: str  # on what basis (the handelingsafspraak's values and norms), '' : none


@dataclass(frozen=True)
class Closed:
    """An input that no longer changes, with the minimum group size in force when it closed (None: an older log)."""

    minimum: int | None = None


@dataclass
class State:
    title: str = ''
    steps: list[Step] = field(default_factory=lambda: list(ORDER))
    seconds: dict[Step, int] = field(default_factory=dict)  # a step's own seconds (else see step_seconds)
    planned: int = 0  # the minutes the agenda plans for the werkvorm (0: none; see plan_minutes)
    inbrenger: str = ''  # the participant who brought the dilemma in ('' : none marked)
    stage: Stage = Stage.SETUP
    step: Step | None = None
    deadline: float | None = None
    left: float | None = None
    submissions: dict[str, Submission] = field(default_factory=dict)
    sent: dict[str, int] = field(default_factory=dict)  # participant -> items sent (MAX_OWN)
    ratings: dict[str, dict[str, tuple[int, int, int]]] = field(default_factory=dict)  # candidate -> rater -> scores
    chosen: str = ''
    formulation: dict[str, str] = field(default_factory=lambda: dict.fromkeys(FORMULATION, ''))
    before: dict[str, Judgement] = field(default_factory=dict)
    after: dict[str, Judgement] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    marks: dict[tuple[str, str], Verdict] = field(default_factory=dict)  # (alternative, value or norm): verdict
    deliberation: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DELIBERATION, ''))
    agreements: list[Agreement] = field(default_factory=list)
    evaluations: dict[str, Evaluation] = field(default_factory=dict)
    agreement_counter: int = 0
    ratings_closed: Closed | None = None  # set once: from then on the ranking shows and no rating changes
    answers_closed: Closed | None = None  # set at the first end: the judgements and the terugblik, likewise

    def shown(self, column: Column) -> list[Entry]:
        return [e for e in self.entries.values() if e.column is column and e.status is Status.SHOWN]


# --- commands --------------------------------------------------------------------------------------------------------

# The commands are in commands.py, each declaring who may give it: decide enforces that, and
# tests/test_authorisation.py checks every pair against it.
Command = DilemmaCommand | TimerCommand | ModerationCommand
ROLES = roles_of(DilemmaCommand, TimerCommand, ModerationCommand)


# --- configuration ---------------------------------------------------------------------------------------------------


def _step(value: object) -> Step:
    try:
        return Step(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None


def _steps(values: object) -> list[Step]:
    if not isinstance(values, list | tuple) or not values:
        raise WrongPhase(phase='no-steps')
    chosen = {_step(v) for v in values}
    return [s for s in ORDER if s in chosen]  # always in the stappenplan's order


def _seconds(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SECONDS:
        raise WrongPhase(phase='seconds')
    return value


def new_state(config: dict[str, Any], *, check: bool = True) -> State:
    """The werkvorm from its plan: {'title', 'steps': [step, ...], 'minutes': {step: minutes}}."""
    state = State()
    title = config.get('title', '')
    state.title = clean_text(title, 'title', MAX_TITLE, required=False) if check else title
    if config.get('steps'):
        state.steps = _steps(config['steps']) if check else [Step(s) for s in config['steps']]
    minutes = config.get('minutes') or {}
    if check and not isinstance(minutes, dict):
        raise WrongPhase(phase='minutes')
    for name, value in minutes.items():
        if check and (not isinstance(value, int) or isinstance(value, bool)):
            raise WrongPhase(phase='minutes')
        state.seconds[_step(name) if check else Step(name)] = _seconds(value * 60) if check else value * 60
    return state


def config_of(state: State) -> dict[str, Any]:
    """The plan as it goes into the log: only the minutes of steps that have their own (the rest follow the plan;
    a log from before this kept all nine, which then stay as they were)."""
    return {
        'title': state.title,
        'steps': [s.value for s in state.steps],
        'minutes': {s.value: state.seconds[s] // 60 for s in ORDER if s in state.seconds},
    }


def plan_minutes(state: State, minutes: int) -> State:
    """The session tells the werkvorm the minutes its agenda plans for it (when added, and when re-planned)."""
    state.planned = minutes
    return state


def step_seconds(state: State) -> dict[Step, int]:
    """Each step's clock: its own seconds when given, else its share of the planned minutes among the run's steps
    without their own (by its weight in DEFAULT_MINUTES, whole minutes that add up to the plan; at least one), else
    DEFAULT_MINUTES."""
    seconds = {s: DEFAULT_MINUTES[s] * 60 for s in ORDER}
    free = [s for s in state.steps if s not in state.seconds]
    if state.planned > 0 and free:
        budget = max(0, state.planned - sum(state.seconds[s] for s in state.steps if s in state.seconds) // 60)
        weights = [DEFAULT_MINUTES[s] for s in free]
        exact = [budget * w / sum(weights) for w in weights]
        shares = [int(x) for x in exact]
        by_rest = sorted(range(len(free)), key=lambda i: (-(exact[i] - shares[i]), i))
        for i in by_rest[: budget - sum(shares)]:
            shares[i] += 1
        seconds.update({s: max(1, m) * 60 for s, m in zip(free, shares, strict=True)})
    seconds.update(state.seconds)
    return seconds


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none)."""
    require_role(ctx, *ROLES[type(command)])
    if ctx.actor.role is Role.PARTICIPANT:
        return _decide_participant(state, command, ctx)
    match command:
        case SetSteps(steps):
            if state.stage is not Stage.SETUP:
                raise WrongPhase(phase=state.stage.value)
            chosen = _steps(steps)
            return [] if chosen == state.steps else [ctx.event('dilemma.steps', steps=[s.value for s in chosen])]
        case SetStepSeconds(step, seconds):
            return [ctx.event('dilemma.seconds', step=_step(step).value, seconds=_seconds(seconds))]
        case NextStep():
            if state.stage is Stage.DONE:
                raise WrongPhase(phase=state.stage.value)
            position = state.steps.index(state.step) + 1 if state.step in state.steps else 0
            if position >= len(state.steps):
                raise WrongPhase(phase='last-step')
            return _to_step(state, state.steps[position], ctx)
        case PreviousStep():
            if state.stage is Stage.DONE:
                return _to_step(state, state.steps[-1], ctx)
            position = state.steps.index(state.step) if state.step in state.steps else 0
            if position == 0:
                raise WrongPhase(phase='first-step')
            return _to_step(state, state.steps[position - 1], ctx)
        case GoToStep(step):
            target = _step(step)
            if target not in state.steps:
                raise UnknownItem(item=target.value)
            return [] if target is state.step and state.stage is Stage.RUNNING else _to_step(state, target, ctx)
        case EndDilemma():
            if state.stage is not Stage.RUNNING:
                raise WrongPhase(phase=state.stage.value)
            return [*_leaving(state, None, ctx), ctx.closing('dilemma.ended')]
        case CloseRatings():
            if state.stage is not Stage.RUNNING or state.step is not Step.KIEZEN or state.ratings_closed is not None:
                raise WrongPhase(phase=str(state.step))
            return [ctx.closing('dilemma.ratings.closed')]
    if state.stage is Stage.DONE and not isinstance(command, AddAgreement | RemoveAgreement | Approve | Reject):
        raise WrongPhase(phase=state.stage.value)  # afterwards only the agreements and the curation can change
    match command:
        case PauseTimer() | ResumeTimer() | ExtendTimer() | StopTimer():
            if state.step is None:
                raise WrongPhase(phase='timer')
            change = timer_change(state.deadline, state.left, command, ctx.now)
            return [] if change is None else [ctx.event('dilemma.timer', deadline=change[0], left=change[1])]
        case AddDilemma(text, category):
            if len(state.submissions) >= MAX_SUBMISSIONS:
                raise TooMany()
            return [_submitted(state, text, category, False, Status.SHOWN, ctx)]
        case Approve(item_id) | Reject(item_id):
            item = state.submissions.get(item_id) or state.entries.get(item_id)
            status = moderation(item, command, Status.SHOWN, Status.REMOVED)
            if status is None:
                return []
            if status is Status.REMOVED and item_id == state.chosen:
                raise WrongPhase(phase='chosen')  # the dilemma being discussed stays
            return [ctx.event('dilemma.moderated', items={item_id: status.value})]
        case ApproveAll():
            pending = [i.id for i in held_now(state)]
            return [ctx.event('dilemma.moderated', items=dict.fromkeys(pending, Status.SHOWN.value))] if pending else []
        case ChooseDilemma(submission_id):
            submission = state.submissions.get(submission_id)
            if submission is None or submission.status is not Status.SHOWN:
                raise UnknownItem(item=submission_id)
            return [] if submission_id == state.chosen else [ctx.event('dilemma.chosen', submission=submission_id)]
        case Formulate():
            fields = {
                name: clean_text(
                    getattr(command, name),
                    name,
                    MAX_SIDE if name.startswith('kant') else MAX_FIELD,
                    required=False,
                    multiline=not name.startswith('kant'),
                )
                for name in FORMULATION
            }
            return [] if fields == state.formulation else [ctx.event('dilemma.formulated', **fields)]
        case AddEntry(column, text, of):
            return [_entry(state, _column(column), text, Status.SHOWN, ctx, of)]
        case Assign(entry_id, of):
            entry = state.entries.get(entry_id)
            if entry is None or entry.column not in STAKES:
                raise UnknownItem(item=str(entry_id)[:20])
            owner = _betrokkene(state, of) if of else ''
            return [] if owner == entry.of else [ctx.event('dilemma.assigned', entry=entry_id, of=owner)]
        case SetInbrenger(participant_id):
            if participant_id and participant_id not in ctx.participants:
                raise UnknownItem(item=str(participant_id)[:20])
            same = participant_id == state.inbrenger
            return [] if same else [ctx.event('dilemma.inbrenger', participant=str(participant_id))]
        case MoveEntry(entry_id, column):
            entry = state.entries.get(entry_id)
            if entry is None:
                raise UnknownItem(item=entry_id)
            into = _column(column)
            if not any(entry.column in group and into in group for group in GROUPS):
                raise WrongPhase(phase='column')
            return [] if into is entry.column else [ctx.event('dilemma.moved', entry=entry_id, column=into.value)]
        case Mark(alternative_id, entry_id, on, verdict):
            alternative = state.entries.get(alternative_id)
            if alternative is None or alternative.column is not Column.ALTERNATIEF:
                raise UnknownItem(item=alternative_id)
            entry = state.entries.get(entry_id)
            if entry is None or entry.column not in VALUES:
                raise UnknownItem(item=entry_id)
            try:
                how = Verdict(str(verdict))
            except ValueError:
                raise UnknownItem(item=str(verdict)[:20]) from None
            if state.marks.get((alternative_id, entry_id)) == (how if on else None):
                return []
            return [
                ctx.event('dilemma.marked', alternative=alternative_id, entry=entry_id, on=bool(on), verdict=how.value)
            ]
        case Deliberate():
            return _deliberated(state, command, ctx)
        case AddAgreement(kind, text, owner, term, basis):
            if len(state.agreements) >= MAX_AGREEMENTS:
                raise TooMany()
            try:
                chosen_kind = AgreementKind(str(kind))
            except ValueError:
                raise UnknownItem(item=str(kind)[:20]) from None
            return [
                ctx.event(
                    'dilemma.agreement',
                    agreement=f'g{state.agreement_counter + 1}',
                    kind=chosen_kind.value,
                    text=clean_text(text, 'agreement', MAX_ENTRY, multiline=True),
                    owner=clean_text(owner, 'owner', MAX_OWNER),
                    term=_date(term),
                    basis=clean_text(basis, 'basis', MAX_ENTRY, required=False, multiline=True),
                )
            ]
        case RemoveAgreement(agreement_id):
            if agreement_id not in {a.id for a in state.agreements}:
                raise UnknownItem(item=agreement_id)
            return [ctx.event('dilemma.agreement.removed', agreement=agreement_id)]
    raise WrongPhase(phase='unknown-command')


def _to_step(state: State, step: Step, ctx: Context) -> list[Event]:
    seconds = step_seconds(state)[step]
    deadline = ctx.now + seconds if seconds else None
    return [*_leaving(state, step, ctx), ctx.event('dilemma.step', step=step.value, deadline=deadline)]


def _leaving(state: State, target: Step | None, ctx: Context) -> list[Event]:
    """Leaving the choosing step closes the ratings once anyone rated: moving on is the end of that input."""
    return [ctx.closing('dilemma.ratings.closed')] if _leaves_open_ratings(state, target) else []


def _leaves_open_ratings(state: State, target: Step | None) -> bool:
    return (
        state.stage is Stage.RUNNING
        and state.step is Step.KIEZEN
        and target is not Step.KIEZEN
        and state.ratings_closed is None
        and any(state.ratings.values())
    )


def _category(value: object) -> Category:
    try:
        return Category(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None


def _column(value: object) -> Column:
    try:
        return Column(str(value))
    except ValueError:
        raise UnknownItem(item=str(value)[:20]) from None


def _date(value: object) -> str:
    if value in ('', None):
        return ''
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise BadDate(value=str(value)[:20]) from None


def _submitted(state: State, text: str, category: str, show_name: bool, status: Status, ctx: Context) -> Event:
    return ctx.event(
        'dilemma.submitted',
        item=f'd{len(state.submissions) + 1}',  # dilemmas are never deleted (only removed): ids stay unique
        text=clean_text(text, 'dilemma', MAX_DILEMMA, multiline=True),
        category=_category(category).value,
        show_name=bool(show_name),
        status=status.value,
    )


def _entry(state: State, column: Column, text: str, status: Status, ctx: Context, of: str = '') -> Event:
    if len(state.entries) >= MAX_ENTRIES:
        raise TooMany()
    if of and column not in STAKES:
        raise WrongPhase(phase='of')  # only a right, interest, value or norm belongs to a betrokkene
    owner = _betrokkene(state, of) if of else ''
    return ctx.event(
        'dilemma.entry',
        item=f'e{len(state.entries) + 1}',
        column=column.value,
        text=clean_text(text, column.value, MAX_ENTRY, multiline=True),
        status=status.value,
        **({'of': owner} if owner else {}),
    )


def _betrokkene(state: State, entry_id: object) -> str:
    """A betrokkene on the table (shown), by its entry id."""
    entry = state.entries.get(str(entry_id))
    if entry is None or entry.column is not Column.BETROKKENEN or entry.status is not Status.SHOWN:
        raise UnknownItem(item=str(entry_id)[:20])
    return entry.id


def _deliberated(state: State, command: Deliberate, ctx: Context) -> list[Event]:
    if command.field not in DELIBERATION:
        raise UnknownItem(item=str(command.field)[:20])
    clean = clean_text(command.text, command.field, MAX_FIELD, required=False, multiline=True)
    if clean == state.deliberation[command.field]:
        return []
    return [ctx.event('dilemma.deliberated', field=command.field, text=clean)]


def _score(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value not in SCORES:
        raise UnknownItem(item=str(value)[:20])
    return value


def held_now(state: State) -> list[Submission | Entry]:
    """What waits for the facilitator in the current step (oldest first): the dilemmas before a dilemma is
    formulated, else the entries of this step's columns. *Toon alles* shows these, nothing from another step."""
    if state.step in (None, Step.INVENTARISEREN, Step.KIEZEN):
        return [s for s in state.submissions.values() if s.status is Status.PENDING]
    columns = COLUMNS.get(state.step, ())
    return [e for e in state.entries.values() if e.status is Status.PENDING and e.column in columns]


def judge_moment(state: State) -> str:
    """When a participant's judgement counts as 'before' (while formulating) or 'after' (at the end); '' : not now,
    and never again once the dilemma has ended."""
    if state.stage is not Stage.RUNNING or state.answers_closed is not None:
        return ''
    if state.step is Step.FORMULEREN:
        return 'before'
    if state.step in (Step.AFSPRAKEN, Step.TERUGBLIK):
        return 'after'
    return ''


def _decide_participant(state: State, command: Command, ctx: Context) -> list[Event]:
    pid = ctx.actor.id
    if state.stage is not Stage.RUNNING:
        raise WrongPhase(phase=state.stage.value)
    match command:
        case SubmitDilemma(text, category, show_name):
            if state.step is not Step.INVENTARISEREN:
                raise WrongPhase(phase=str(state.step))
            if state.sent.get(pid, 0) >= MAX_OWN or len(state.submissions) >= MAX_SUBMISSIONS:
                raise TooMany()
            return [_submitted(state, text, category, show_name, Status.PENDING, ctx)]
        case AddEntry(column, text, of):
            chosen = _column(column)
            if state.step not in COLUMNS or chosen not in COLUMNS[state.step]:
                raise WrongPhase(phase=str(state.step))
            if chosen is Column.VRAAG and pid == state.inbrenger:
                raise InbrengerAnswers()
            if state.sent.get(pid, 0) >= MAX_OWN:
                raise TooMany()
            return [_entry(state, chosen, text, Status.PENDING, ctx, of)]
        case Volunteer(on):
            if not state.chosen:
                raise WrongPhase(phase='no-dilemma')
            if not on:
                return [ctx.event('dilemma.inbrenger', participant='')] if state.inbrenger == pid else []
            if state.inbrenger and state.inbrenger != pid:
                raise InbrengerTaken()
            return [] if state.inbrenger == pid else [ctx.event('dilemma.inbrenger', participant=pid)]
        case Deliberate():
            if pid != state.inbrenger:
                raise NotInbrenger()
            if state.step is not Step.AFWEGING:
                raise WrongPhase(phase=str(state.step))
            return _deliberated(state, command, ctx)
        case Rate(submission_id, urgentie, belang, herkenbaarheid):
            if state.step is not Step.KIEZEN:
                raise WrongPhase(phase=str(state.step))
            if state.ratings_closed is not None:
                raise VotingClosed()
            submission = state.submissions.get(submission_id)
            if submission is None or submission.status is not Status.SHOWN:
                raise UnknownItem(item=submission_id)
            scores = (_score(urgentie), _score(belang), _score(herkenbaarheid))
            if state.ratings.get(submission_id, {}).get(pid) == scores:
                return []  # the same rating again (a double tap): counted once
            return [ctx.event('dilemma.rated', submission=submission_id, scores=list(scores))]
        case Judge(choice, sentence):
            if state.answers_closed is not None:
                raise VotingClosed()
            if pid == state.inbrenger:
                raise InbrengerAnswers()  # colleagues write down what they would do; the inbrenger deliberates
            moment = judge_moment(state)
            if not moment:
                raise WrongPhase(phase=str(state.step))
            if not (state.formulation['kant_a'] and state.formulation['kant_b']):
                raise NoSides()
            try:
                side = Choice(str(choice))
            except ValueError:
                raise UnknownItem(item=str(choice)[:20]) from None
            judgement = Judgement(side, clean_text(sentence, 'sentence', MAX_SENTENCE, required=False))
            if (state.before if moment == 'before' else state.after).get(pid) == judgement:
                return []
            return [ctx.event('dilemma.judged', moment=moment, choice=side.value, sentence=judgement.sentence)]
        case Evaluate(score, sentence):
            if state.step is not Step.TERUGBLIK:
                raise WrongPhase(phase=str(state.step))
            if state.answers_closed is not None:
                raise VotingClosed()
            evaluation = Evaluation(_score(score), clean_text(sentence, 'sentence', MAX_SENTENCE, required=False))
            if state.evaluations.get(pid) == evaluation:
                return []
            return [ctx.event('dilemma.evaluated', score=evaluation.score, sentence=evaluation.sentence)]
    raise WrongPhase(phase='unknown-command')


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    match event.type:
        case 'dilemma.steps':
            state.steps = [Step(s) for s in data['steps']]
        case 'dilemma.seconds':
            state.seconds[Step(data['step'])] = data['seconds']
        case 'dilemma.step':
            if _leaves_open_ratings(state, Step(data['step'])):
                state.ratings_closed = Closed()  # a log from before the closing was an event of its own
            state.stage = Stage.RUNNING
            state.step = Step(data['step'])
            state.deadline, state.left = data['deadline'], None
        case 'dilemma.ratings.closed':
            state.ratings_closed = state.ratings_closed or Closed(data.get('min_reveal'))
        case 'dilemma.ended':
            if _leaves_open_ratings(state, None):
                state.ratings_closed = Closed()
            state.answers_closed = state.answers_closed or Closed(data.get('min_reveal'))  # the first end counts
            state.stage = Stage.DONE
            state.deadline = state.left = None
        case 'dilemma.timer':
            state.deadline, state.left = data['deadline'], data['left']
        case 'dilemma.submitted':
            author = event.actor.id
            state.submissions[data['item']] = Submission(
                data['item'],
                author,
                data['text'],
                Category(data['category']),
                data['show_name'],
                Status(data['status']),
            )
            if event.actor.role is Role.PARTICIPANT:
                state.sent[author] = state.sent.get(author, 0) + 1
        case 'dilemma.moderated':
            for item_id, status in data['items'].items():
                item = state.submissions.get(item_id) or state.entries[item_id]
                item.status = Status(status)
                if item.status is Status.REMOVED:
                    state.marks = {m: v for m, v in state.marks.items() if item_id not in m}
        case 'dilemma.chosen':
            state.chosen = data['submission']
        case 'dilemma.formulated':
            state.formulation = {name: data[name] for name in FORMULATION}
        case 'dilemma.rated':
            scores = data['scores']
            state.ratings.setdefault(data['submission'], {})[event.actor.id] = (scores[0], scores[1], scores[2])
        case 'dilemma.judged':
            judgements = state.before if data['moment'] == 'before' else state.after
            judgements[event.actor.id] = Judgement(Choice(data['choice']), data['sentence'])
        case 'dilemma.entry':
            author = event.actor.id
            state.entries[data['item']] = Entry(
                data['item'], Column(data['column']), author, data['text'], Status(data['status']), data.get('of', '')
            )
            if event.actor.role is Role.PARTICIPANT:
                state.sent[author] = state.sent.get(author, 0) + 1
        case 'dilemma.moved':
            state.entries[data['entry']].column = Column(data['column'])
            if state.entries[data['entry']].column not in VALUES:
                state.marks = {m: v for m, v in state.marks.items() if m[1] != data['entry']}
        case 'dilemma.marked':
            mark = (data['alternative'], data['entry'])
            if data['on']:
                state.marks[mark] = Verdict(data.get('verdict', Verdict.RECHT.value))  # older logs: only 'recht'
            else:
                state.marks.pop(mark, None)
        case 'dilemma.assigned':
            state.entries[data['entry']].of = data['of']
        case 'dilemma.inbrenger':
            state.inbrenger = data['participant']
        case 'dilemma.deliberated':
            state.deliberation[data['field']] = data['text']
        case 'dilemma.agreement':
            state.agreement_counter += 1
            state.agreements.append(
                Agreement(
                    data['agreement'],
                    AgreementKind(data['kind']),
                    data['text'],
                    data['owner'],
                    data['term'],
                    data['basis'],
                )
            )
        case 'dilemma.agreement.removed':
            state.agreements = [a for a in state.agreements if a.id != data['agreement']]
        case 'dilemma.evaluated':
            state.evaluations[event.actor.id] = Evaluation(data['score'], data['sentence'])
    return state


# --- projections -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    id: str
    text: str
    category: Category
    author: str  # participant id when the sender chose to show their name, else ''
    raters: int  # shown live: a count says who is done, not what they gave
    means: tuple[float, float, float] | None  # urgentie, algemeen belang, herkenbaarheid; None until the ratings
    # are closed, and after it below the minimum number of raters
    score: float | None  # the mean of the three (None when the means are)


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    of: str = ''  # the betrokkene it belongs to (a shown one's id), '' : none


@dataclass(frozen=True)
class Alternative:
    id: str
    text: str
    does_justice: tuple[str, ...]  # ids of the values and norms it does justice to
    goes_against: tuple[str, ...] = ()  # ids of the values and norms it goes against


@dataclass(frozen=True)
class Row:
    """One row of the seed's table: a betrokkene (None: what belongs to nobody in particular) with its rights,
    interests or wishes, and the values and norms at stake for them."""

    betrokkene: Item | None
    belangen: tuple[Item, ...]
    waarden: tuple[Item, ...]
    normen: tuple[Item, ...]


@dataclass(frozen=True)
class PublicView:
    stage: Stage
    title: str
    step: Step | None
    steps: tuple[Step, ...]
    deadline: float | None
    left: float | None
    candidates: tuple[Candidate, ...]  # shown dilemmas, in the order sent
    chosen: Candidate | None
    formulation: tuple[tuple[str, str], ...]  # (field, text) for FORMULATION
    judged_before: int  # counts only: what people chose stays hidden until the end
    judged_after: int
    columns: tuple[tuple[Column, tuple[Item, ...]], ...]  # shown entries per column
    alternatives: tuple[Alternative, ...]
    deliberation: tuple[tuple[str, str], ...]
    agreements: tuple[Agreement, ...]
    evaluated: int
    mean_score: float | None  # None until the dilemma ended, and below the minimum
    ratings_closed: bool
    ratings_minimum: int  # the minimum number of raters a candidate needs to be ranked
    answers_closed: bool  # the judgements and the terugblik (at the end)
    answers_minimum: int  # the minimum for the terugblik's mean and the before-and-after split

    def column(self, column: Column) -> tuple[Item, ...]:
        return dict(self.columns)[column]

    def rows(self) -> tuple[Row, ...]:
        """The table by betrokkene, in the order they were shown, then a row for what belongs to none (if any)."""
        people = self.column(Column.BETROKKENEN)
        ids = {p.id for p in people}

        def of(column: Column, owner: str) -> tuple[Item, ...]:
            return tuple(i for i in self.column(column) if (i.of if i.of in ids else '') == owner)

        rows = [Row(p, *(of(c, p.id) for c in STAKES)) for p in people]
        rest = Row(None, *(of(c, '') for c in STAKES))
        return (*rows, rest) if rest.belangen or rest.waarden or rest.normen else tuple(rows)

    @property
    def position(self) -> int:
        """The current step's number in this run (1-based; 0 before the first)."""
        return self.steps.index(self.step) + 1 if self.step in self.steps else 0


def _candidate(state: State, submission: Submission, minimum: int | None) -> Candidate:
    """A candidate with its number of raters; its means only from `minimum` raters on (None: none shown yet)."""
    ratings = list(state.ratings.get(submission.id, {}).values())
    n = len(ratings)
    author = submission.author if submission.show_name else ''
    if minimum is None or n < max(1, minimum):
        return Candidate(submission.id, submission.text, submission.category, author, n, None, None)
    urgency, interest, recognition = (round(sum(r[i] for r in ratings) / n, 2) for i in range(3))
    score = round((urgency + interest + recognition) / 3, 2)
    return Candidate(
        submission.id, submission.text, submission.category, author, n, (urgency, interest, recognition), score
    )


def _of(state: State, entry: Entry) -> str:
    """The betrokkene an entry belongs to, as far as the room may see it: a shown betrokkene, else none."""
    owner = state.entries.get(entry.of) if entry.of and entry.column in STAKES else None
    shown = owner is not None and owner.column is Column.BETROKKENEN and owner.status is Status.SHOWN
    return owner.id if shown and owner is not None else ''


def ranking(candidates: tuple[Candidate, ...], minimum: int = 1) -> tuple[Candidate, ...]:
    """The candidates with means (rated by at least `minimum` people), best first (then more raters, then oldest)."""
    order = {c.id: i for i, c in enumerate(candidates)}
    rated = [c for c in candidates if c.score is not None and c.raters >= max(1, minimum)]
    return tuple(sorted(rated, key=lambda c: (-(c.score or 0.0), -c.raters, order[c.id])))


def public_view(state: State, minimum: int = MIN_REVEAL_DEFAULT) -> PublicView:
    """What the projector and every phone may see. Counts of who answered are live; means, the ranking and the
    split only once their input is closed, from the minimum group size recorded when it closed (`minimum`, the
    session's current one, only for a log from before that was recorded)."""
    rated = state.ratings_closed
    ratings_minimum = minimum_of(rated.minimum, minimum) if rated is not None else minimum
    shown_from = ratings_minimum if rated is not None else None
    candidates = tuple(_candidate(state, s, shown_from) for s in state.submissions.values() if s.status is Status.SHOWN)
    chosen = state.submissions.get(state.chosen)
    closed = state.answers_closed
    answers_minimum = minimum_of(closed.minimum, minimum) if closed is not None else minimum
    evaluated = len(state.evaluations)
    mean_shown = closed is not None and evaluated >= max(1, answers_minimum)
    shown = {e.id for e in state.entries.values() if e.status is Status.SHOWN}
    return PublicView(
        state.stage,
        state.title,
        state.step,
        tuple(state.steps),
        state.deadline,
        state.left,
        candidates,
        _candidate(state, chosen, shown_from) if chosen is not None else None,
        tuple((name, state.formulation[name]) for name in FORMULATION),
        len(state.before),
        len(state.after),
        tuple((column, tuple(Item(e.id, e.text, _of(state, e)) for e in state.shown(column))) for column in Column),
        tuple(
            Alternative(
                a.id,
                a.text,
                *(
                    tuple(sorted(e for (alt, e), v in state.marks.items() if (alt, v) == (a.id, how) and e in shown))
                    for how in Verdict
                ),
            )
            for a in state.shown(Column.ALTERNATIEF)
        ),
        tuple((name, state.deliberation[name]) for name in DELIBERATION),
        tuple(state.agreements),
        evaluated,
        round(sum(e.score for e in state.evaluations.values()) / evaluated, 1) if mean_shown else None,
        rated is not None,
        ratings_minimum,
        closed is not None,
        answers_minimum,
    )


@dataclass(frozen=True)
class Comparison:
    """Before and after, as counts only; a split is None when fewer than the minimum judged (or before the end)."""

    judged_before: int
    judged_after: int
    before: tuple[int, int] | None  # A, B
    after: tuple[int, int] | None
    minimum: int  # the minimum that applies


def comparison(state: State, minimum: int) -> Comparison:
    """The split of before and after once the dilemma ended, from the minimum recorded at that end on (`minimum`,
    the session's current one, only for a log from before it was recorded)."""
    closed = state.answers_closed
    applied = minimum_of(closed.minimum, minimum) if closed is not None else minimum

    def split(judgements: dict[str, Judgement]) -> tuple[int, int] | None:
        if closed is None or len(judgements) < max(1, applied):
            return None
        a = sum(1 for j in judgements.values() if j.choice is Choice.A)
        return a, len(judgements) - a

    return Comparison(len(state.before), len(state.after), split(state.before), split(state.after), applied)


@dataclass(frozen=True)
class Mine:
    text: str
    status: Status
    column: str  # 'dilemma' for a dilemma, else the entry's column


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    mine: tuple[Mine, ...]  # what I sent, with whether it is shown
    my_ratings: tuple[tuple[str, tuple[int, int, int]], ...]
    my_before: Judgement | None  # my own judgements: only ever in my own view
    my_after: Judgement | None
    my_evaluation: Evaluation | None
    judge_moment: str  # 'before', 'after' or '' (not now)
    columns: tuple[Column, ...]  # what I may add in this step
    can_submit: bool
    can_rate: bool
    can_evaluate: bool
    sent_all: bool  # reached MAX_OWN
    inbrenger: bool = False  # I am the inbrenger: my phone shows my task (only mine says so)
    can_volunteer: bool = False  # nobody is the inbrenger yet: I may say it is me
    own_dilemma: bool = False  # the chosen dilemma is the one I sent


VOLUNTEER_STEPS = (Step.FORMULEREN, Step.VERHELDEREN, Step.WAARDEN, Step.ALTERNATIEVEN, Step.AFWEGING)


def participant_view(
    state: State, participant_id: str, public: PublicView | None = None, minimum: int = MIN_REVEAL_DEFAULT
) -> ParticipantView:
    """What one phone shows: the public view (`public`, when already made for this change) and its own answers."""
    public = public if public is not None else public_view(state, minimum)
    running = state.stage is Stage.RUNNING
    mine = [Mine(s.text, s.status, 'dilemma') for s in state.submissions.values() if s.author == participant_id]
    mine += [Mine(e.text, e.status, e.column.value) for e in state.entries.values() if e.author == participant_id]
    ratings = tuple((sid, by[participant_id]) for sid, by in state.ratings.items() if participant_id in by)
    inbrenger = bool(state.inbrenger) and state.inbrenger == participant_id
    moment = judge_moment(state) if not inbrenger else ''  # the inbrenger deliberates (step 7), colleagues judge
    sides = bool(state.formulation['kant_a'] and state.formulation['kant_b'])
    columns = COLUMNS.get(state.step, ()) if running and state.step is not None else ()
    chosen = state.submissions.get(state.chosen)
    return ParticipantView(
        public,
        tuple(mine),
        ratings,
        state.before.get(participant_id),
        state.after.get(participant_id),
        state.evaluations.get(participant_id),
        moment if sides else '',
        tuple(c for c in columns if not (inbrenger and c is Column.VRAAG)),  # the inbrenger answers the questions
        running and state.step is Step.INVENTARISEREN,
        running and state.step is Step.KIEZEN and state.ratings_closed is None,
        running and state.step is Step.TERUGBLIK and state.answers_closed is None,
        state.sent.get(participant_id, 0) >= MAX_OWN,
        inbrenger,
        running and chosen is not None and not state.inbrenger and state.step in VOLUNTEER_STEPS,
        chosen is not None and chosen.author == participant_id,
    )


def evaluation_sentences(state: State) -> tuple[str, ...]:
    """What the terugblik brought, anonymous (for the console and the summary)."""
    return tuple(e.sentence for e in state.evaluations.values() if e.sentence)
