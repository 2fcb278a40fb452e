"""The leerdoelwijzers and the ontwikkelmatrix as content files (content/leerdoelwijzers/*.yaml, one per function
group, and content/ontwikkelmatrix.yaml), validated on load like all content, and what a round in a session is
made of them (its config, see rules.new_state): the add menu's entries and a session plan's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, Field, field_validator

from ...yamlfile import ContentError, Strict, line_of, load_model, refuse

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


# --- what a round is made of: the add menu's entries and a session plan's ------------------------------------------

NEED_ANSWERS = (2, 3)  # Soms, Nooit: the seed's items to learn from
NEED_LEVELS = (0, 1)  # Bewust van, Ik weet hoe het zit: one knows of it but cannot do it yet
TEACH_LEVEL = len(LEVELS) - 1  # Ik kan het anderen leren


def form_config(stem: str, wijzer: Leerdoelwijzer) -> dict[str, Any]:
    return {
        'id': stem,
        'title': wijzer.title,
        'group': wijzer.function_group,
        'contact': wijzer.contact_type,
        'goal_question': wijzer.learning_goal,
        'sections': [{'title': s.title, 'items': list(s.items)} for s in wijzer.sections],
    }


def wijzer_config(wijzers: Mapping[str, Leerdoelwijzer]) -> dict[str, Any]:
    """A leerdoelwijzer round of these function groups (several: each participant chooses their own)."""
    first = next(iter(wijzers.values()))
    return {
        'forms': [form_config(stem, wijzer) for stem, wijzer in wijzers.items()],
        'scale': list(ANSWERS),
        'need': list(NEED_ANSWERS),
        'teach': None,
        'offers': [[offer.kind, offer.text] for offer in first.offers],
        'own_topic': '',
    }


def matrix_config(matrix: Ontwikkelmatrix) -> dict[str, Any]:
    """An ontwikkelmatrix round: every topic is a part of its own, 'Veilig werken' one with its settings."""
    sections = [
        {'title': topic.text, 'items': [f'{topic.text} {setting}' for setting in topic.settings] or [topic.text]}
        for topic in matrix.topics
    ]
    return {
        'forms': [{'id': 'matrix', 'title': matrix.title, 'group': '', 'contact': '', 'goal_question': '',
                   'sections': sections}],
        'scale': list(matrix.levels),
        'need': list(NEED_LEVELS),
        'teach': TEACH_LEVEL,
        'offers': [[offer.kind, offer.text] for offer in matrix.offers],
        'own_topic': matrix.own_topic,
    }  # fmt: skip


@dataclass(frozen=True)
class WijzerSource:
    """An entry of the add menu: one function group's leerdoelwijzer, or all of them (each chooses on the phone)."""

    wijzers: Mapping[str, Leerdoelwijzer]
    everyone: bool = False

    @property
    def title(self) -> str:
        if self.everyone:
            from ...ui.frame import t  # in the viewer's language

            return t('ld.all_groups')
        return next(iter(self.wijzers.values())).title

    def activity_config(self) -> dict[str, Any]:
        return wijzer_config(self.wijzers)


@dataclass(frozen=True)
class MatrixSource:
    title: str
    matrix: Ontwikkelmatrix

    def activity_config(self) -> dict[str, Any]:
        return matrix_config(self.matrix)


ALL = 'alle-functiegroepen'  # the add menu's and a session plan's name for "each chooses their own"


def wijzer_sources(wijzers: Mapping[str, Leerdoelwijzer]) -> dict[str, WijzerSource]:
    """All function groups first (teams mix BOA's and KCC staff), then each function group's own."""
    if not wijzers:
        return {}
    return {
        ALL: WijzerSource(dict(wijzers), everyone=True),
        **{stem: WijzerSource({stem: wijzer}) for stem, wijzer in wijzers.items()},
    }


class WijzerLibrary(Mapping[str, WijzerSource]):
    """What a session plan may name for a leerdoelwijzer: an entry of the add menu (all function groups, or one
    group's file name) or several groups' file names with commas between them ('boa, klant-contact-centra'):
    a team of BOA's and KCC staff then chooses between those two on the phone."""

    def __init__(self, wijzers: Mapping[str, Leerdoelwijzer]) -> None:
        self.wijzers = dict(wijzers)
        self.entries = wijzer_sources(wijzers)

    def _stems(self, key: str) -> list[str] | None:
        stems = [stem.strip() for stem in key.split(',')]
        return stems if len(stems) > 1 and all(stem in self.wijzers for stem in stems) else None

    def __getitem__(self, key: str) -> WijzerSource:
        if key in self.entries:
            return self.entries[key]
        stems = self._stems(key)
        if stems is None:
            raise KeyError(key)
        return WijzerSource({stem: self.wijzers[stem] for stem in dict.fromkeys(stems)})

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.entries or self._stems(key) is not None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def matrix_sources(matrix: Ontwikkelmatrix | None) -> dict[str, MatrixSource]:
    return {'ontwikkelmatrix': MatrixSource(matrix.title, matrix)} if matrix else {}
