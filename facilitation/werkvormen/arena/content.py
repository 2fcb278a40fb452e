"""The arenagesprek's plan as a content file (content/arena/*.yaml, sessions/), and a running arena's plan written
back as one, kept in the data folder to be run again."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from ...yamlfile import ContentError, Strict, load_model, parse_model
from . import rules as ar

log = logging.getLogger(__name__)


class ArenaRound(Strict):
    kind: ar.RoundKind
    title: str = Field(min_length=1, max_length=ar.MAX_TITLE)
    minutes: float = Field(default=20, ge=0, le=240)


class ArenaQuestion(Strict):
    text: str = Field(min_length=1, max_length=ar.MAX_QUESTION)
    tag: ar.Tag | None = None
    minutes: float = Field(default=4, ge=0, le=240)


class ArenaPlan(Strict):
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


def plans_dir(data_dir: Path) -> Path:
    """Where the console keeps arena plans saved for a next time (the data folder's sessions/)."""
    return data_dir / 'sessions'


def arena_plans(shipped: Mapping[str, ArenaPlan], data_dir: Path) -> dict[str, ArenaPlan]:
    """The shipped plans and starter lists, and the plans saved from the console (a bad saved file is skipped and
    logged: it must not keep the console from adding an arena)."""
    plans = dict(shipped)
    for path in sorted(plans_dir(data_dir).glob('*.yaml')):
        try:
            plans[f'saved/{path.stem}'] = load_model(path, ArenaPlan)
        except ContentError as error:
            log.warning('skipped a saved arena plan: %s', error)
    return plans


def keep_plan(data_dir: Path, text: str) -> str:
    """Keep a plan (YAML made by plan_yaml) in the data folder; returns the file name."""
    plan = parse_model(text, 'plan.yaml', ArenaPlan)
    slug = re.sub(r'[^a-z0-9]+', '-', plan.title.lower()).strip('-')[:60] or 'arenagesprek'
    folder = plans_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f'{slug}.yaml'
    path.write_text(text, encoding='utf-8')
    return path.name
