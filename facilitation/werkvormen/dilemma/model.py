"""The Dilemmamethodiek's model: its steps, columns and limits, its refusals, its state (what the log folds into),
and the questions about the state that both the rules and the projections ask (what is held now, when a judgement
counts, whether leaving a step closes the ratings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..base import HELD, DomainError

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


VOLUNTEER_STEPS = (Step.FORMULEREN, Step.VERHELDEREN, Step.WAARDEN, Step.ALTERNATIEVEN, Step.AFWEGING)
"""The steps in which a participant may say they are the inbrenger (and the inbrenger's phone shows their task)."""


# --- questions about the state ------------------------------------------------------------------------------------


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


def leaves_open_ratings(state: State, target: Step | None) -> bool:
    return (
        state.stage is Stage.RUNNING
        and state.step is Step.KIEZEN
        and target is not Step.KIEZEN
        and state.ratings_closed is None
        and any(state.ratings.values())
    )
