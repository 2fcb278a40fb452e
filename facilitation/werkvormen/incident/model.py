"""The incidentevaluatie's model: its steps, the seed's picture (the groups of factors and the interaction's
phases), its limits and refusals, and its state (what the log folds into)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..base import HELD, DomainError

KIND = 'incident'
MAX_TITLE = 120
MAX_FIELD = 1000  # a part of the description
MAX_WHERE = 200
MAX_CAUSE = 300
MAX_MEASURE = 300
MAX_OWNER = 80
MAX_NOTE = 500  # why not, what helped, what hindered, why this chance of recurrence, the escalation's action
MAX_CAUSES = 200
MAX_OWN = 20  # causes one phone may send: plenty for one incident, no flood
MAX_SECONDS = 4 * 3600


class Step(StrEnum):
    BESCHRIJVEN = 'beschrijven'
    OORZAKEN = 'oorzaken'
    CLASSIFICEREN = 'classificeren'
    ACTIES = 'acties'


ORDER = tuple(Step)
DEFAULT_MINUTES = {Step.BESCHRIJVEN: 15, Step.OORZAKEN: 15, Step.CLASSIFICEREN: 15, Step.ACTIES: 20}


class Stage(StrEnum):
    SETUP = 'setup'
    RUNNING = 'running'
    DONE = 'done'


class Group(StrEnum):
    """The seed's groups of factors (PRISMA's Eindhoven Classification Model has the same), and the interaction."""

    ORGANISATORISCH = 'organisatorisch'
    MEDEWERKER = 'medewerker'
    TECHNISCH = 'technisch'
    BURGER = 'burger'
    INTERACTIE = 'interactie'


FACTORS: dict[Group, tuple[str, ...]] = {
    Group.ORGANISATORISCH: (
        'kennisoverdracht',
        'protocollen',
        'inhoud_dienstverlening',
        'management_prioriteit',
        'cultuur',
    ),
    Group.MEDEWERKER: ('kennis', 'vaardigheden', 'ervaring', 'attitude'),
    Group.TECHNISCH: ('accommodatie', 'terrein', 'materiaal', 'ict'),
    Group.BURGER: ('verward_gedrag', 'middelengebruik', 'eerder_agressief'),
    Group.INTERACTIE: ('medewerker_burger', 'spanning', 'incident', 'nazorg'),
}
FACTOR_GROUP = {factor: group for group, factors in FACTORS.items() for factor in factors}
PHASES = FACTORS[Group.INTERACTIE]  # the picture's interaction, as the description follows it
DESCRIPTION = ('wat', 'waar', 'wanneer', *PHASES)  # what happened, where, when, and along the interaction


class Channel(StrEnum):
    """Through which channel the contact ran ('' : not said)."""

    BALIE = 'balie'
    TELEFOON = 'telefoon'
    EMAIL = 'email'
    HUISBEZOEK = 'huisbezoek'
    BUITEN = 'buiten'
    ONLINE = 'online'
    ANDERS = 'anders'


class Origin(StrEnum):
    DIRECT = 'direct'
    INDIRECT = 'indirect'


class Status(StrEnum):
    PENDING = HELD  # held for the facilitator: nobody else sees it
    SHOWN = 'shown'
    REFUSED = 'refused'
    MERGED = 'merged'  # taken up in another cause (`into`)


class Recurrence(StrEnum):
    LAAG = 'laag'
    MIDDEL = 'middel'
    HOOG = 'hoog'


class PlanKind(StrEnum):
    """What a measure becomes in the team plan: within the team's reach a werkafspraak or a beleidspunt, outside
    it an escalatie (to whoever does have influence)."""

    WERKAFSPRAAK = 'werkafspraak'
    BELEIDSPUNT = 'beleidspunt'
    ESCALATIE = 'escalatie'


class Needed(StrEnum):
    JA = 'ja'
    NEE = 'nee'


class LooksIdentifying(DomainError):
    """Text that looks as if it identifies the citizen: refused until rephrased or confirmed as not identifying."""

    key = 'error.incident.identifying'

    def __init__(self, part: str, kind: str) -> None:
        super().__init__(part=part, kind=kind)
        self.key = f'error.incident.identifying.{kind}'


class TooMany(DomainError):
    key = 'error.incident.too_many'


class NoMeasure(DomainError):
    key = 'error.incident.no_measure'


class NoOwner(DomainError):
    key = 'error.incident.no_owner'


class NoTerm(DomainError):
    key = 'error.incident.no_term'


class NoReason(DomainError):
    key = 'error.incident.no_reason'


class NoInfluence(DomainError):
    key = 'error.incident.no_influence'


class BadDate(DomainError):
    key = 'error.incident.bad_date'


class NotShown(DomainError):
    """Classifying, assessing or merging a cause the room has not been shown."""

    key = 'error.incident.not_shown'


@dataclass
class Cause:
    id: str
    author: str  # a participant's pseudonym, or the facilitator's: never shown to anyone
    text: str
    origin: Origin
    status: Status
    into: str = ''  # merged into this cause
    factor: str = ''  # '' : not classified yet
    outside: bool = False  # buiten de organisatie

    @property
    def group(self) -> Group | None:
        return FACTOR_GROUP.get(self.factor)


@dataclass(frozen=True)
class Assessment:
    """Step 4 for one cause: is action needed (a measure with its owner and term, or why not), what helped and what
    hindered, and the chance of recurrence with why."""

    needed: Needed | None = None
    measure: str = ''
    owner: str = ''
    term: str = ''
    reason: str = ''
    plan_kind: PlanKind = PlanKind.WERKAFSPRAAK
    influence: str = ''  # an escalatie: who does have influence
    action: str = ''  # ... what is asked of them
    follow_up: str = ''  # ... when it is followed up (an ISO date or '')
    helped: str = ''
    hindered: str = ''
    recurrence: Recurrence | None = None
    recurrence_why: str = ''


@dataclass
class State:
    title: str = ''
    stage: Stage = Stage.SETUP
    step: Step | None = None
    deadline: float | None = None
    left: float | None = None
    seconds: dict[Step, int] = field(default_factory=dict)  # a step's own clock (else its share of the plan)
    planned: int = 0  # minutes the agenda plans for the werkvorm
    description: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DESCRIPTION, ''))
    channel: str = ''  # a Channel's value, '' : not said
    causes: dict[str, Cause] = field(default_factory=dict)
    sent: dict[str, int] = field(default_factory=dict)  # causes sent per phone
    assessments: dict[str, Assessment] = field(default_factory=dict)

    def shown(self) -> list[Cause]:
        """The causes the room sees, in the order sent."""
        return [c for c in self.causes.values() if c.status is Status.SHOWN]

    def held(self) -> list[Cause]:
        return [c for c in self.causes.values() if c.status is Status.PENDING]


def step_seconds(state: State) -> dict[Step, int]:
    """Each step's clock: its own when given, else its share of the planned minutes (by DEFAULT_MINUTES' weights),
    else DEFAULT_MINUTES."""
    seconds = {s: DEFAULT_MINUTES[s] * 60 for s in ORDER}
    free = [s for s in ORDER if s not in state.seconds]
    if state.planned > 0 and free:
        budget = max(0, state.planned - sum(state.seconds.values()) // 60)
        weight = sum(DEFAULT_MINUTES[s] for s in free)
        seconds.update({s: max(1, budget * DEFAULT_MINUTES[s] // weight) * 60 for s in free})
    seconds.update(state.seconds)
    return seconds
