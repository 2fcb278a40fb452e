"""The arenagesprek's plan as a content file (content/arena/*.yaml, sessions/), and a running arena's plan written
back as one."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import Field

from ...yamlfile import Strict
from . import rules as ar


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
