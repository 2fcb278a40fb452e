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

The model (state, steps, limits) is in model.py, the plan in plan.py, evolve in evolve.py and the three projections
in projections.py; this module decides, and is the werkvorm's face: it re-exports all of them, so `rules.X` is the
one name the session, the views, the exports and the tests use.
"""

from __future__ import annotations

import datetime

from ..base import (
    Approve,
    Context,
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
    moderation,
    require_role,
    roles_of,
    step_after,
    step_before,
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
from .evolve import evolve as evolve
from .model import *  # noqa: F403 (re-exported)
from .model import (
    COLUMNS,
    DELIBERATION,
    FORMULATION,
    GROUPS,
    MAX_AGREEMENTS,
    MAX_DILEMMA,
    MAX_ENTRIES,
    MAX_ENTRY,
    MAX_FIELD,
    MAX_OWN,
    MAX_OWNER,
    MAX_SENTENCE,
    MAX_SIDE,
    MAX_SUBMISSIONS,
    SCORES,
    STAKES,
    VALUES,
    AgreementKind,
    BadDate,
    Category,
    Choice,
    Column,
    Evaluation,
    InbrengerAnswers,
    InbrengerTaken,
    Judgement,
    NoSides,
    NotInbrenger,
    Stage,
    State,
    Status,
    Step,
    TooMany,
    Verdict,
    held_now,
    judge_moment,
    leaves_open_ratings,
)
from .plan import config_of as config_of
from .plan import new_state as new_state
from .plan import plan_minutes as plan_minutes
from .plan import seconds_of, step_of, step_seconds, steps_of
from .projections import *  # noqa: F403 (re-exported)

# The commands are in commands.py, each declaring who may give it: decide enforces that, and
# tests/test_authorisation.py checks every pair against it.
Command = DilemmaCommand | TimerCommand | ModerationCommand
ROLES = roles_of(DilemmaCommand, TimerCommand, ModerationCommand)


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """Validate `command` against `state` and return the events it causes (possibly none)."""
    require_role(ctx, *ROLES[type(command)])
    if ctx.actor.role is Role.PARTICIPANT:
        return _decide_participant(state, command, ctx)
    match command:
        case SetSteps(steps):
            if state.stage is not Stage.SETUP:
                raise WrongPhase(phase=state.stage.value)
            chosen = steps_of(steps)
            return [] if chosen == state.steps else [ctx.event('dilemma.steps', steps=[s.value for s in chosen])]
        case SetStepSeconds(step, seconds):
            return [ctx.event('dilemma.seconds', step=step_of(step).value, seconds=seconds_of(seconds))]
        case NextStep():
            return _to_step(state, step_after(state.steps, state.step, state.stage is Stage.DONE), ctx)
        case PreviousStep():
            return _to_step(state, step_before(state.steps, state.step, state.stage is Stage.DONE), ctx)
        case GoToStep(step):
            target = step_of(step)
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
    return [ctx.closing('dilemma.ratings.closed')] if leaves_open_ratings(state, target) else []


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
