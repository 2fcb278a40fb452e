"""The Dilemmamethodiek's projections: what the projector and every phone may see (public_view), what one phone shows
of its own (participant_view) and what the facilitator's console needs besides (console_view). Each is a frozen
value made from the state alone; nothing held, and nobody's own judgement, rating or score, reaches another's."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..base import minimum_of
from .model import (
    COLUMNS,
    DELIBERATION,
    FORMULATION,
    MAX_OWN,
    STAKES,
    VOLUNTEER_STEPS,
    Agreement,
    Category,
    Choice,
    Column,
    Entry,
    Evaluation,
    Judgement,
    Stage,
    State,
    Status,
    Step,
    Submission,
    Verdict,
    held_now,
    judge_moment,
)
from .plan import step_seconds


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
    ranked: tuple[Candidate, ...]  # the ranking once the ratings are closed (from the minimum on), best first
    comparison: Comparison  # before and after: counts, and the split only at the end (from the minimum on)

    def column(self, column: Column) -> tuple[Item, ...]:
        return dict(self.columns)[column]

    def entry(self, entry_id: str) -> Item | None:
        """A shown entry of any column (None: not shown)."""
        return next((i for _, items in self.columns for i in items if i.id == entry_id), None)

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


def public_view(state: State, minimum: int) -> PublicView:
    """What the projector and every phone may see. Counts of who answered are live; means, the ranking and the
    split only once their input is closed, from the minimum group size recorded when it closed (`minimum`, the
    session's current one, only for a log from before that was recorded)."""
    rated = state.ratings_closed
    ratings_minimum = minimum_of(rated.minimum, minimum) if rated is not None else minimum
    shown_from = ratings_minimum if rated is not None else None
    candidates = tuple(_candidate(state, s, shown_from) for s in state.submissions.values() if s.status is Status.SHOWN)
    ranked = ranking(candidates, ratings_minimum) if rated is not None else ()
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
        ranked,
        comparison(state, minimum),
    )


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
    inbrenger_task: bool = False  # I am the inbrenger and this step has a task for me (tell, answer, deliberate)


def participant_view(
    state: State, participant_id: str, minimum: int, public: PublicView | None = None
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
        inbrenger and running and state.step in VOLUNTEER_STEPS,
    )


def evaluation_sentences(state: State) -> tuple[str, ...]:
    """What the terugblik brought, anonymous (for the console and the summary)."""
    return tuple(e.sentence for e in state.evaluations.values() if e.sentence)


class Forward(StrEnum):
    """What the console's one obvious next button does."""

    START = 'start'  # start the first step
    NEXT = 'next'  # on to the next step of the run
    END = 'end'  # end the dilemma (after the last step)
    NONE = ''  # nothing: the dilemma has ended


@dataclass(frozen=True)
class Held:
    """What a phone sent, held until the facilitator shows or removes it (only the console sees it)."""

    id: str
    text: str
    kind: Category | Column  # a dilemma's category, or an entry's column
    author: str  # a dilemma's sender when they chose to show their name, else ''


@dataclass(frozen=True)
class ConsoleView:
    """What the facilitator's console needs besides the public view: what waits for them in this step, who the
    inbrenger is, the way back and on, each step's clock for the plan, and the terugblik's sentences (anonymous).
    Never what one person judged, rated or scored: the console is often the participants' leidinggevende."""

    held: tuple[Held, ...]  # what waits in the current step, oldest first (Toon alles shows these)
    inbrenger: str  # the participant who brought the dilemma in ('' : nobody marked or volunteered)
    back: bool  # whether a step back is offered
    forward: Forward
    next_step: Step | None  # where Forward.NEXT goes
    minutes: tuple[tuple[Step, int], ...]  # each step's clock in minutes (its own, or its share of the plan)
    evaluation_sentences: tuple[str, ...]


def _held(item: Submission | Entry) -> Held:
    if isinstance(item, Submission):
        return Held(item.id, item.text, item.category, item.author if item.show_name else '')
    return Held(item.id, item.text, item.column, '')


def console_view(state: State, minimum: int) -> ConsoleView:
    """The console's own projection (`minimum` is the common signature's: nothing here waits for it, the public
    view's means and splits do)."""
    running = state.stage is Stage.RUNNING
    back = state.stage is Stage.DONE or (running and state.step is not state.steps[0])
    forward, following = Forward.NONE, None
    if state.stage is Stage.SETUP:
        forward = Forward.START
    elif running:
        position = state.steps.index(state.step) if state.step in state.steps else 0
        following = state.steps[position + 1] if position + 1 < len(state.steps) else None
        forward = Forward.NEXT if following is not None else Forward.END
    return ConsoleView(
        tuple(_held(item) for item in held_now(state)),
        state.inbrenger,
        back,
        forward,
        following,
        tuple((step, seconds // 60) for step, seconds in step_seconds(state).items()),
        evaluation_sentences(state),
    )
