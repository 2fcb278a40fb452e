"""The content a server starts with: every werkvorm's material (each schema in its werkvorm's content.py), the session
plans and the leerdoelwijzers, validated on load; a bad file is refused with its file, line and field (yamlfile.py)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, field_validator

from .werkvormen.arena.content import ArenaPlan
from .werkvormen.dilemma import rules as dm
from .werkvormen.leerdoelen.content import (
    Leerdoelwijzer,
    Ontwikkelmatrix,
    load_leerdoelwijzers,
    load_ontwikkelmatrix,
)
from .werkvormen.quiz.content import QuizDeck
from .werkvormen.registry import WERKVORMEN
from .werkvormen.statements.content import StatementSet
from .yamlfile import ContentError, SafeLoader, Strict, line_of, load_model, refuse


def load_plans(*folders: Path) -> dict[str, ArenaPlan]:
    """Every arena plan in these folders (content/arena, sessions/, the data folder's sessions/), by file stem.

    A session plan (a file with an `agenda`) in the same folder is not an arena plan: see load_session_plans."""
    return {
        path.stem: load_model(path, ArenaPlan)
        for folder in folders
        for path in sorted(folder.glob('*.yaml'))
        if not _is_session_plan(path)
    }


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
        data = yaml.load(path.read_text(encoding='utf-8'), Loader=SafeLoader)
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
