"""Leren als individu (the seed's part 1 and its appendix): the state of a leerdoelwijzer or an ontwikkelmatrix
round in a session, the instruments' vocabulary and the refusals.

Both instruments are questionnaires about one's own conduct or development: items in sections, each answered on a
fixed scale (Altijd / Vaak / Soms / Nooit, or the matrix's six levels). What one person answers is theirs alone:
the state holds it (the phone must resume), the projections give it only to that person's phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base import DomainError

LEERDOELWIJZER = 'leerdoelwijzer'
ONTWIKKELMATRIX = 'ontwikkelmatrix'

MAX_GOAL = 1000  # a person's own learning goal
MAX_OWN_TOPIC = 200  # the matrix's own topic
MAX_FORMS = 20
MAX_ITEMS = 120  # per form (the seed's longest has 38)
MAX_TEXT = 500  # an item's or a title's text (content is validated again in content.py)

OFFER_KINDS = ('kennis', 'vaardigheden', 'coaching')
"""The seed's kinds of offer: 'Leeraanbod voor kennis', 'Trainingsaanbod voor vaardigheden (in groepen of
individueel)', 'Coaching on the job'."""


class NotOpen(DomainError):
    key = 'ld.error.closed'


class NoForm(DomainError):
    key = 'ld.error.no_form'


class NotNamed(DomainError):
    key = 'ld.error.not_named'


class NotTeaching(DomainError):
    key = 'ld.error.not_teaching'


@dataclass(frozen=True)
class Item:
    id: str  # '<form>.<section>.<item>', 1-based: 'boa.2.3'
    text: str
    section: str  # its section's title (the same five sections in every leerdoelwijzer)


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Form:
    """One questionnaire: a function group's leerdoelwijzer, or the ontwikkelmatrix (one form, group '')."""

    id: str
    title: str
    group: str  # the function group ('' for the matrix)
    contact: str  # its kind of contact ('' when none is said)
    goal_question: str  # the seed's closing question for the personal learning goal
    sections: tuple[Section, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)


@dataclass
class Person:
    """What one participant filled in: private to them (never in a public or console projection)."""

    form: str = ''  # the form they fill in ('' : not chosen yet)
    answers: dict[str, int] = field(default_factory=dict)  # item id -> index on the scale
    done: bool = False
    goal: str = ''  # their own learning goal
    goal_offer: str = ''  # the kind of offer they would like for it ('' or one of OFFER_KINDS)
    own_topic: str = ''  # the matrix's own topic, and its level
    own_level: int | None = None
    helps: set[str] = field(default_factory=set)  # matrix items they offer to teach colleagues (named people only)


@dataclass(frozen=True)
class Baseline:
    """The team's previous round of the same instrument, as the team plan stored it: team-level aggregates only
    (the share answered as a need per section and per item, of the groups that were shown), never an answer."""

    at: str  # the date of that round, 'YYYY-MM-DD'
    sections: dict[str, float]  # section title -> share of need (0..1)
    items: dict[str, float]  # item text -> share of need


@dataclass
class State:
    instrument: str  # LEERDOELWIJZER or ONTWIKKELMATRIX
    forms: dict[str, Form]
    scale: tuple[str, ...]  # the answers in order: Altijd, Vaak, Soms, Nooit / Bewust van … Ik kan het anderen leren
    need: frozenset[int]  # the answers that point to a learning goal (Soms, Nooit / the first two levels)
    teach: int | None  # the level at which one can teach it to others (the matrix's last), None: none
    offers: tuple[tuple[str, str], ...]  # (kind, the seed's words) the coördinator can turn goals into
    own_topic: str = ''  # the matrix's label for an own topic ('' : none asked)
    baseline: Baseline | None = None
    people: dict[str, Person] = field(default_factory=dict)
    closed: bool = False
    min_reveal: int | None = None  # recorded when it closed
    items: dict[str, Item] = field(default_factory=dict)  # every item of every form, by id

    def __post_init__(self) -> None:
        self.items = {item.id: item for form in self.forms.values() for item in form.items}

    def form_of(self, person: Person | None) -> Form | None:
        """The form a person fills in: their choice, or the only one there is."""
        if person is not None and person.form in self.forms:
            return self.forms[person.form]
        return next(iter(self.forms.values())) if len(self.forms) == 1 else None
