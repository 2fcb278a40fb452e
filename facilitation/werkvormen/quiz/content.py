"""The kennisquiz's deck as a content file (content/quiz/*.yaml), and a running quiz's cards written back as one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml
from pydantic import Field, field_validator, model_validator

from ...yamlfile import Strict, refuse
from . import rules as qz


class QuizCardItem(Strict):
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
            raise refuse('two_options')
        if any(not option or len(option) > qz.MAX_OPTION for option in cleaned):
            raise refuse('option', max=qz.MAX_OPTION)
        return cleaned

    @model_validator(mode='after')
    def _answer(self) -> QuizCardItem:
        if self.kind is qz.Kind.FACT and not self.answer:
            raise refuse('fact_answer')
        if self.kind is qz.Kind.FACT and self.options and self.answer not in self.options:
            raise refuse('answer_option')
        return self

    def card_config(self) -> dict[str, Any]:
        """The card as the werkvorm takes it (the right option as an index)."""
        correct = self.options.index(self.answer) if self.kind is qz.Kind.FACT and self.options else -1
        fields = self.model_dump(mode='json')
        return {**fields, 'correct': correct, 'answer': '' if correct >= 0 else self.answer}


class QuizDeck(Strict):
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
