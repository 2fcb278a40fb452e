"""Stellingen as a content file (content/stellingen/*.yaml): statements, each with an optional clip and note."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ...yamlfile import Strict, refuse
from ..base import DomainError
from . import rules as st


class StatementItem(Strict):
    text: str = Field(min_length=1, max_length=st.MAX_STATEMENT)
    clip: str = Field(default='', max_length=st.MAX_CLIP)
    note: str = Field(default='', max_length=st.MAX_NOTE)

    @field_validator('clip')
    @classmethod
    def _clip_is_safe(cls, value: str) -> str:
        try:
            return st.check_clip(value)
        except DomainError:
            raise refuse('clip') from None


class StatementSet(Strict):
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default='', max_length=500)
    statements: list[StatementItem] = Field(min_length=1, max_length=st.MAX_STATEMENTS)

    def activity_config(self) -> dict[str, Any]:
        return {'statements': [item.model_dump() for item in self.statements]}
