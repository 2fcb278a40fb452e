"""Werkvorm material as YAML files, validated on load; a bad file is refused with its file, line and field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .i18n import DEFAULT_LANGUAGE, STRINGS, translate
from .werkvormen.arena import rules as ar
from .werkvormen.base import DomainError
from .werkvormen.dilemma import rules as dm
from .werkvormen.quiz import rules as qz
from .werkvormen.registry import WERKVORMEN
from .werkvormen.statements import rules as st

M = TypeVar('M', bound=BaseModel)


class ContentError(Exception):
    """A content file that cannot be used. The message names the file, the line and the field, and says what is wrong
    in the reader's words (`message(lang)`; `str()` is the Dutch one, for the start-up output)."""

    def __init__(self, path: Path, line: int | None, field: str, problem: str, **params: object) -> None:
        self.path, self.line, self.field = path, line, field
        self.problem, self.params = problem, params  # a key of content.problem.*, and its values
        super().__init__(self.message(DEFAULT_LANGUAGE))

    def message(self, lang: str) -> str:
        key = 'content.where.field' if self.field else 'content.where'
        where = translate(lang, f'{key}.line' if self.line else key, file=self.path, line=self.line, field=self.field)
        problem = translate(lang, f'content.problem.{self.problem}', **self.params)
        if item := self.params.get('item'):  # which card, statement or part: (kaart 4: 'Wie meldt …')
            named = translate(lang, f'content.item.{item}', n=self.params['number'])
            problem += f' ({named}: {self.params["text"]})' if self.params.get('text') else f' ({named})'
        return f'{where}: {problem}'


def _refuse(problem: str, **params: object) -> PydanticCustomError:
    """A check of ours that fails: its problem (a key of content.problem.*) travels through pydantic to ContentError.
    `at` (a path such as (2, 'items', 5)) points into the value checked, for the line and field of the entry."""
    return PydanticCustomError(problem, problem, params)


class _Strict(BaseModel):
    model_config = ConfigDict(extra='forbid', str_strip_whitespace=True)


class StatementItem(_Strict):
    text: str = Field(min_length=1, max_length=st.MAX_STATEMENT)
    clip: str = Field(default='', max_length=st.MAX_CLIP)
    note: str = Field(default='', max_length=st.MAX_NOTE)

    @field_validator('clip')
    @classmethod
    def _clip_is_safe(cls, value: str) -> str:
        try:
            return st.check_clip(value)
        except DomainError:
            raise _refuse('clip') from None


class StatementSet(_Strict):
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default='', max_length=500)
    statements: list[StatementItem] = Field(min_length=1, max_length=st.MAX_STATEMENTS)

    def activity_config(self) -> dict[str, Any]:
        return {'statements': [item.model_dump() for item in self.statements]}


class QuizCardItem(_Strict):
    kind: qz.Kind
    question: str = Field(min_length=1, max_length=qz.MAX_QUESTION)
    points: int = Field(default=10, ge=0, le=qz.MAX_POINTS)
    options: list[str] = Field(default_factory=list, max_length=qz.MAX_OPTIONS)
    answer: str = Field(default='', max_length=qz.MAX_ANSWER)
    note: str = Field(default='', max_length=qz.MAX_NOTE)
    time_limit: int = Field(default=0, ge=0, le=qz.MAX_TIME_LIMIT)

    @field_validator('options')
    @classmethod
    def _options(cls, value: list[str]) -> list[str]:
        cleaned = [option.strip() for option in value]
        if len(cleaned) == 1:
            raise _refuse('two_options')
        if any(not option or len(option) > qz.MAX_OPTION for option in cleaned):
            raise _refuse('option', max=qz.MAX_OPTION)
        return cleaned

    @model_validator(mode='after')
    def _answer(self) -> QuizCardItem:
        if self.kind is qz.Kind.FACT and not self.answer:
            raise _refuse('fact_answer')
        if self.kind is qz.Kind.FACT and self.options and self.answer not in self.options:
            raise _refuse('answer_option')
        return self

    def card_config(self) -> dict[str, Any]:
        """The card as the werkvorm takes it (the right option as an index)."""
        correct = self.options.index(self.answer) if self.kind is qz.Kind.FACT and self.options else -1
        fields = self.model_dump(mode='json')
        return {**fields, 'correct': correct, 'answer': '' if correct >= 0 else self.answer}


class QuizDeck(_Strict):
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default='', max_length=500)
    steal_percent: int = Field(default=qz.STEAL_PERCENT_DEFAULT, ge=0, le=100)
    cards: list[QuizCardItem] = Field(min_length=1, max_length=qz.MAX_CARDS)

    def activity_config(self) -> dict[str, Any]:
        return {'cards': [card.card_config() for card in self.cards], 'steal_percent': self.steal_percent}


def deck_yaml(title: str, deck_cards: Iterable[qz.Card], steal_percent: int) -> str:
    """A quiz's cards as a deck file that QuizDeck reads back (export, to edit and import again)."""
    cards = []
    for card in deck_cards:
        item: dict[str, Any] = {'kind': card.kind.value, 'question': card.question, 'points': card.points}
        if card.options:
            item['options'] = list(card.options)
        answer = card.options[card.correct] if card.options and card.correct >= 0 else card.answer
        if answer:
            item['answer'] = answer
        if card.note:
            item['note'] = card.note
        if card.time_limit:
            item['time_limit'] = card.time_limit
        cards.append(item)
    deck = {'title': title, 'steal_percent': steal_percent, 'cards': cards}
    return yaml.safe_dump(deck, allow_unicode=True, sort_keys=False, width=110)


class ArenaRound(_Strict):
    kind: ar.RoundKind
    title: str = Field(min_length=1, max_length=ar.MAX_TITLE)
    minutes: float = Field(default=20, ge=0, le=240)


class ArenaQuestion(_Strict):
    text: str = Field(min_length=1, max_length=ar.MAX_QUESTION)
    tag: ar.Tag | None = None
    minutes: float = Field(default=4, ge=0, le=240)


class ArenaPlan(_Strict):
    """An arenagesprek prepared in advance: rounds with their durations and the gespreksleider's questions."""

    title: str = Field(min_length=1, max_length=ar.MAX_TITLE)
    description: str = Field(default='', max_length=500)
    rounds: list[ArenaRound] = Field(min_length=1, max_length=10)
    questions: list[ArenaQuestion] = Field(default_factory=list, max_length=ar.MAX_QUESTIONS)

    def activity_config(self) -> dict[str, Any]:
        return {
            'title': self.title,
            'rounds': [{'kind': r.kind.value, 'title': r.title, 'seconds': round(r.minutes * 60)} for r in self.rounds],
            'questions': [
                {'text': q.text, 'tag': q.tag.value if q.tag else '', 'seconds': round(q.minutes * 60)}
                for q in self.questions
            ],
        }


def plan_yaml(arena: ar.ConsoleView) -> str:
    """An arena's plan (as its console shows it) as a file ArenaPlan reads back: to prepare once and run again."""
    plan = {
        'title': arena.title or 'Arenagesprek',
        'rounds': [{'kind': r.kind.value, 'title': r.title, 'minutes': r.seconds / 60} for r in arena.rounds],
        'questions': [
            {'text': q.text, **({'tag': q.tag} if q.tag else {}), 'minutes': q.seconds / 60} for q in arena.questions
        ],
    }
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=110)


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
        raise _refuse(problem, expected=', '.join(expected), **({'at': (at,)} if at < len(value) else {}))
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


class Offer(_Strict):
    """A kind of learning offer the seed names for what someone wants to learn: knowledge, skills training (in groups
    or alone) or coaching on the job."""

    kind: OfferKind
    text: str = Field(min_length=1, max_length=200)


def _each_kind_once(offers: list[Offer]) -> list[Offer]:
    if (i := _first_repeat(offer.kind for offer in offers)) is not None:
        raise _refuse('duplicate', at=(i, 'kind'))
    return offers


Offers = Annotated[list[Offer], Field(max_length=10), AfterValidator(_each_kind_once)]


class LeerdoelwijzerSection(_Strict):
    title: str = Field(min_length=1, max_length=120)
    items: list[Item] = Field(min_length=1, max_length=60)


class Leerdoelwijzer(_Strict):
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
            raise _refuse('duplicate', at=(i, 'title'))
        places = [(i, j) for i, section in enumerate(sections) for j in range(len(section.items))]
        if (k := _first_repeat(item for section in sections for item in section.items)) is not None:
            raise _refuse('duplicate', at=(places[k][0], 'items', places[k][1]))
        return sections

    @property
    def items(self) -> list[str]:
        """Every item in the order it is answered, over the sections."""
        return [item for section in self.sections for item in section.items]


class MatrixTopic(_Strict):
    text: str = Field(min_length=1, max_length=MAX_ITEM)
    settings: list[Item] = Field(default_factory=list, max_length=20)  # Veilig werken: aan de telefoon, aan de balie…

    @field_validator('settings')
    @classmethod
    def _each_once(cls, settings: list[str]) -> list[str]:
        if (i := _first_repeat(settings)) is not None:
            raise _refuse('duplicate', at=(i,))
        return settings


class Ontwikkelmatrix(_Strict):
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
            raise _refuse('duplicate', at=(i, 'text'))
        return topics


def load_leerdoelwijzers(folder: Path) -> dict[str, Leerdoelwijzer]:
    """Every leerdoelwijzer in `folder` (content/leerdoelwijzers), by file stem; a function group has one."""
    found: dict[str, Leerdoelwijzer] = {}
    for path in sorted(folder.glob('*.yaml')):
        wijzer = load_model(path, Leerdoelwijzer)
        if other := next((stem for stem, w in found.items() if w.function_group == wijzer.function_group), None):
            line = _line_of(yaml.compose(path.read_text(encoding='utf-8')), ('function_group',))
            raise ContentError(path, line, 'function_group', 'function_group_twice', other=other)
        found[path.stem] = wijzer
    return found


def load_ontwikkelmatrix(path: Path) -> Ontwikkelmatrix | None:
    """The ontwikkelmatrix (content/ontwikkelmatrix.yaml); None for a content folder without one."""
    return load_model(path, Ontwikkelmatrix) if path.exists() else None


# --- session plans: a meeting's agenda of werkvormen with planned minutes, and its checklist of outcomes ------------


class AgendaItem(_Strict):
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
            raise _refuse('werkvorm', value=value, known=', '.join(WERKVORMEN))
        return value


class SessionPlan(_Strict):
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
            raise _refuse('outcome', max=200)
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
                line = _line_of(yaml.compose(path.read_text(encoding='utf-8')), ('agenda', i, 'content'))
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


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to the line it came from (1-based)."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def load_model(path: Path, model: type[M]) -> M:
    """Parse and validate one YAML file as `model`. Raises ContentError naming the file, line and field."""
    try:
        text = path.read_text(encoding='utf-8')
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(
            path, None, '', 'not_utf8' if isinstance(error, UnicodeDecodeError) else 'unreadable'
        ) from error
    return parse_model(text, path, model)


ITEMS = {
    'cards': 'card',
    'statements': 'statement',
    'agenda': 'part',
    'rounds': 'round',
    'questions': 'question',
    'answers': 'answer',
    'sections': 'section',
    'items': 'item',
    'levels': 'level',
    'topics': 'topic',
    'settings': 'setting',
    'offers': 'offer',
}
"""The lists of a content file whose entries a message names by number (and text): 'kaart 4: "Wie meldt…"'."""

PYDANTIC = {
    'missing': 'missing',
    'extra_forbidden': 'extra',
    'string_too_long': 'too_long',
    'too_short': 'too_few',
    'too_long': 'too_many',
    'greater_than_equal': 'at_least',
    'less_than_equal': 'at_most',
    'int_parsing': 'number',
    'int_type': 'number',
    'int_from_float': 'number',
    'float_parsing': 'number',
    'float_type': 'number',
    'string_type': 'text',
    'list_type': 'list',
    'model_type': 'mapping',
    'dict_type': 'mapping',
    'model_attributes_type': 'mapping',
}
"""pydantic's checks -> our problems (content.problem.*); any other is told as 'invalid'."""


def _problem(error: dict[str, Any]) -> tuple[str, dict[str, object]]:
    """What is wrong in our words: a key of content.problem.* and its values."""
    kind, ctx = error['type'], dict(error.get('ctx') or {})
    if kind == 'string_too_short':
        return ('empty' if ctx.get('min_length', 1) <= 1 else 'too_short'), ctx
    if kind in ('enum', 'literal_error'):  # pydantic's "'feit' or 'opvatting'", in English: the values only
        return 'choice', {'expected': ', '.join(re.findall(r"'([^']*)'", str(ctx.get('expected', ''))))}
    if kind in PYDANTIC:
        return PYDANTIC[kind], ctx
    if error.get('ctx') is not None and kind.isidentifier() and 'content.problem.' + kind in STRINGS:
        return kind, {name: value for name, value in ctx.items() if name != 'at'}  # ours, raised by _refuse
    return 'invalid', {}


def _item(data: Any, loc: tuple[int | str, ...]) -> dict[str, object]:
    """The entry of a list an error lies in (the innermost), as the message names it: its kind, number and text."""
    named: dict[str, object] = {}
    above: int | str = ''
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
            if isinstance(above, str) and above in ITEMS:
                text = (data.get('question') or data.get('text') or data.get('title')) if isinstance(data, dict) else ''
                text = data if isinstance(data, str) else text  # an entry that is only its text
                named = {'item': ITEMS[above], 'number': part + 1, 'text': repr(str(text)[:60]) if text else ''}
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            break
        above = part
    return named


def parse_model(text: str, path: Path | str, model: type[M]) -> M:
    """Parse and validate YAML text (from `path`, or an upload of that name) as `model`."""
    path = Path(path)
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ContentError(path, mark.line + 1 if mark else None, '', 'yaml') from error
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = (*first['loc'], *(first.get('ctx') or {}).get('at', ()))  # ours may point into the value (_refuse)
        field = '.'.join(f'[{p}]' if isinstance(p, int) else str(p) for p in loc).replace('.[', '[')
        problem, params = _problem(dict(first))
        item = _item(data, loc)
        raise ContentError(path, _line_of(node, loc), field or '-', problem, **params, **item) from error


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
