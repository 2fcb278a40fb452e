"""The content a server starts with: every werkvorm's material (each schema in its werkvorm's content.py), the session
plans and the leerdoelwijzers, validated on load; a bad file is refused with its file, line and field (yamlfile.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, Field, field_validator

from .werkvormen.arena.content import ArenaPlan
from .werkvormen.dilemma import rules as dm
from .werkvormen.quiz.content import QuizDeck
from .werkvormen.registry import WERKVORMEN
from .werkvormen.statements.content import StatementSet
from .yamlfile import ContentError, Strict, line_of, load_model, refuse


def load_plans(*folders: Path) -> dict[str, ArenaPlan]:
    """Every arena plan in these folders (content/arena, sessions/, the data folder's sessions/), by file stem.

    A session plan (a file with an `agenda`) in the same folder is not an arena plan: see load_session_plans."""
    return {
        path.stem: load_model(path, ArenaPlan)
        for folder in folders
        for path in sorted(folder.glob('*.yaml'))
        if not _is_session_plan(path)
    }


# --- leren als individu: the leerdoelwijzers and the ontwikkelmatrix that each person fills in for themselves --------

ANSWERS = ('Altijd', 'Vaak', 'Soms', 'Nooit')
"""The leerdoelwijzer's answers, as the seed has them: every item is answered with one of these."""

LEVELS = (
    'Bewust van',
    'Ik weet hoe het zit',
    'Ik weet hoe het moet',
    'Ik ben ervaren in het doen',
    'Ik heb meesterschap',
    'Ik kan het anderen leren',
)
"""The ontwikkelmatrix's levels as the seed has them, from the first to the highest."""

MAX_ITEM = 300  # the seed's longest item has 198 characters
Item = Annotated[str, Field(min_length=1, max_length=MAX_ITEM)]


def _exactly(value: list[str], expected: tuple[str, ...], problem: str) -> list[str]:
    """A scale that is the seed's and no other: refused at its first entry that differs (at the list when short)."""
    if tuple(value) != expected:
        differs = [i for i, (got, want) in enumerate(zip(value, expected, strict=False)) if got != want]
        at = differs[0] if differs else len(expected)  # else the first one too many, if any
        raise refuse(problem, expected=', '.join(expected), **({'at': (at,)} if at < len(value) else {}))
    return value


def _first_repeat(texts: Iterable[str]) -> int | None:
    """The position of the first text that was already there (case aside), or None when each is there once."""
    seen: set[str] = set()
    for i, text in enumerate(texts):
        if text.casefold() in seen:
            return i
        seen.add(text.casefold())
    return None


OfferKind = Literal['kennis', 'vaardigheden', 'coaching']


class Offer(Strict):
    """A kind of learning offer the seed names for what someone wants to learn: knowledge, skills training (in groups
    or alone) or coaching on the job."""

    kind: OfferKind
    text: str = Field(min_length=1, max_length=200)


def _each_kind_once(offers: list[Offer]) -> list[Offer]:
    if (i := _first_repeat(offer.kind for offer in offers)) is not None:
        raise refuse('duplicate', at=(i, 'kind'))
    return offers


Offers = Annotated[list[Offer], Field(max_length=10), AfterValidator(_each_kind_once)]


class LeerdoelwijzerSection(Strict):
    title: str = Field(min_length=1, max_length=120)
    items: list[Item] = Field(min_length=1, max_length=60)


class Leerdoelwijzer(Strict):
    """The questionnaire of one function group (the seed's appendix): statements about one's own conduct in its kind
    of contact, each answered Altijd, Vaak, Soms or Nooit, and at the end the question for a personal learning goal."""

    title: str = Field(min_length=1, max_length=160)
    function_group: str = Field(min_length=1, max_length=80)
    contact_type: str = Field(min_length=1, max_length=200)
    answers: list[str]
    sections: list[LeerdoelwijzerSection] = Field(min_length=1, max_length=12)
    learning_goal: str = Field(min_length=1, max_length=500)
    offers: Offers = Field(default_factory=list)

    @field_validator('answers')
    @classmethod
    def _the_seeds_answers(cls, value: list[str]) -> list[str]:
        return _exactly(value, ANSWERS, 'answers')

    @field_validator('sections')
    @classmethod
    def _each_once(cls, sections: list[LeerdoelwijzerSection]) -> list[LeerdoelwijzerSection]:
        if (i := _first_repeat(section.title for section in sections)) is not None:
            raise refuse('duplicate', at=(i, 'title'))
        places = [(i, j) for i, section in enumerate(sections) for j in range(len(section.items))]
        if (k := _first_repeat(item for section in sections for item in section.items)) is not None:
            raise refuse('duplicate', at=(places[k][0], 'items', places[k][1]))
        return sections

    @property
    def items(self) -> list[str]:
        """Every item in the order it is answered, over the sections."""
        return [item for section in self.sections for item in section.items]


class MatrixTopic(Strict):
    text: str = Field(min_length=1, max_length=MAX_ITEM)
    settings: list[Item] = Field(default_factory=list, max_length=20)  # Veilig werken: aan de telefoon, aan de balie…

    @field_validator('settings')
    @classmethod
    def _each_once(cls, settings: list[str]) -> list[str]:
        if (i := _first_repeat(settings)) is not None:
            raise refuse('duplicate', at=(i,))
        return settings


class Ontwikkelmatrix(Strict):
    """The seed's matrix for each person's own development: topics (with an own topic) against the six levels from
    'Bewust van' to 'Ik kan het anderen leren'."""

    title: str = Field(min_length=1, max_length=160)
    levels: list[str]
    topics: list[MatrixTopic] = Field(min_length=1, max_length=40)
    own_topic: str = Field(min_length=1, max_length=120)
    offers: Offers = Field(default_factory=list)

    @field_validator('levels')
    @classmethod
    def _the_seeds_levels(cls, value: list[str]) -> list[str]:
        return _exactly(value, LEVELS, 'levels')

    @field_validator('topics')
    @classmethod
    def _each_once(cls, topics: list[MatrixTopic]) -> list[MatrixTopic]:
        if (i := _first_repeat(topic.text for topic in topics)) is not None:
            raise refuse('duplicate', at=(i, 'text'))
        return topics


def load_leerdoelwijzers(folder: Path) -> dict[str, Leerdoelwijzer]:
    """Every leerdoelwijzer in `folder` (content/leerdoelwijzers), by file stem; a function group has one."""
    found: dict[str, Leerdoelwijzer] = {}
    for path in sorted(folder.glob('*.yaml')):
        wijzer = load_model(path, Leerdoelwijzer)
        if other := next((stem for stem, w in found.items() if w.function_group == wijzer.function_group), None):
            line = line_of(yaml.compose(path.read_text(encoding='utf-8')), ('function_group',))
            raise ContentError(path, line, 'function_group', 'function_group_twice', other=other)
        found[path.stem] = wijzer
    return found


def load_ontwikkelmatrix(path: Path) -> Ontwikkelmatrix | None:
    """The ontwikkelmatrix (content/ontwikkelmatrix.yaml); None for a content folder without one."""
    return load_model(path, Ontwikkelmatrix) if path.exists() else None


# --- session plans: a meeting's agenda of werkvormen with planned minutes, and its checklist of outcomes ------------


class AgendaItem(Strict):
    werkvorm: str
    title: str = Field(min_length=1, max_length=120)
    minutes: int = Field(default=10, ge=0, le=600)
    content: str = Field(default='', max_length=120)  # a statement set, quiz deck or arena plan, by file name
    statement: str = Field(default='', max_length=300)  # the lagerhuis's stelling
    steps: list[dm.Step] = Field(default_factory=list)  # the dilemmamethodiek's steps (empty: all nine)

    @field_validator('werkvorm')
    @classmethod
    def _registered(cls, value: str) -> str:
        if value not in WERKVORMEN:
            raise refuse('werkvorm', value=value, known=', '.join(WERKVORMEN))
        return value


class SessionPlan(Strict):
    """A meeting prepared in advance (for example the thematisch werkoverleg): werkvormen in order with their
    planned minutes, and the outcomes it means to reach, ticked off as they happen."""

    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default='', max_length=500)
    agenda: list[AgendaItem] = Field(min_length=1, max_length=50)
    checklist: list[str] = Field(default_factory=list, max_length=20)

    @field_validator('checklist')
    @classmethod
    def _outcomes(cls, value: list[str]) -> list[str]:
        cleaned = [text.strip() for text in value]
        if any(not text or len(text) > 200 for text in cleaned):
            raise refuse('outcome', max=200)
        return cleaned

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)


def agenda_config(item: AgendaItem, content: Content) -> dict[str, Any]:
    """The activity config of one agenda item (its `content` was checked when the plan was loaded)."""
    werkvorm = WERKVORMEN[item.werkvorm]
    return werkvorm.agenda_config(item, content, werkvorm.agenda_library(content))


def _is_session_plan(path: Path) -> bool:
    try:
        data = yaml.safe_load(path.read_text(encoding='utf-8'))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False  # the arena loader names the problem
    return isinstance(data, dict) and 'agenda' in data


def load_session_plans(folder: Path, content: Content) -> dict[str, SessionPlan]:
    """Every session plan in `folder`, checked against the content it names (file, line and field when not)."""
    plans: dict[str, SessionPlan] = {}
    for path in sorted(folder.glob('*.yaml')):
        if not _is_session_plan(path):
            continue
        plan = load_model(path, SessionPlan)
        for i, item in enumerate(plan.agenda):
            library = WERKVORMEN[item.werkvorm].agenda_library(content)
            if item.content and item.content not in library:
                line = line_of(yaml.compose(path.read_text(encoding='utf-8')), ('agenda', i, 'content'))
                known = ', '.join(sorted(library)) or '-'
                raise ContentError(path, line, f'agenda[{i}].content', 'unknown', value=item.content, known=known)
        plans[path.stem] = plan
    return plans


@dataclass(frozen=True)
class Content:
    statement_sets: dict[str, StatementSet]  # file stem -> set
    quiz_decks: dict[str, QuizDeck]  # file stem -> deck
    arena_plans: dict[str, ArenaPlan]  # file stem -> plan (content/arena and sessions/)
    session_plans: dict[str, SessionPlan] = field(default_factory=dict)  # file stem -> plan (sessions/)
    leerdoelwijzers: dict[str, Leerdoelwijzer] = field(default_factory=dict)  # file stem -> one per function group
    ontwikkelmatrix: Ontwikkelmatrix | None = None


def load_content(folder: Path, sessions: Path | None = None) -> Content:
    """Every content file under `folder` (and the plans in `sessions`); the first bad file stops the load with a
    ContentError."""
    sets = {path.stem: load_model(path, StatementSet) for path in sorted((folder / 'stellingen').glob('*.yaml'))}
    decks = {path.stem: load_model(path, QuizDeck) for path in sorted((folder / 'quiz').glob('*.yaml'))}
    plans = load_plans(folder / 'arena', *([sessions] if sessions else []))
    wijzers = load_leerdoelwijzers(folder / 'leerdoelwijzers')
    content = Content(
        sets,
        decks,
        plans,
        leerdoelwijzers=wijzers,
        ontwikkelmatrix=load_ontwikkelmatrix(folder / 'ontwikkelmatrix.yaml'),
    )
    if sessions is not None:
        content = replace(content, session_plans=load_session_plans(sessions, content))
    return content
