"""Werkvorm material as YAML files, validated on load; a bad file is refused with its file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .formats import statements as st
from .formats.base import DomainError

M = TypeVar('M', bound=BaseModel)


class ContentError(Exception):
    """A content file that cannot be used. The message names the file, the line and the field."""

    def __init__(self, path: Path, line: int | None, field: str, problem: str) -> None:
        self.path, self.line, self.field, self.problem = path, line, field, problem
        where = f'{path}, regel {line}' if line else str(path)
        super().__init__(f'{where}, veld {field}: {problem}' if field else f'{where}: {problem}')


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
            raise ValueError('een clip is een http(s)-link of een bestandsnaam in de mediamap') from None


class StatementSet(_Strict):
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default='', max_length=500)
    statements: list[StatementItem] = Field(min_length=1, max_length=st.MAX_STATEMENTS)

    def activity_config(self) -> dict[str, Any]:
        return {'statements': [item.model_dump() for item in self.statements]}


@dataclass(frozen=True)
class Content:
    statement_sets: dict[str, StatementSet]  # file stem -> set


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
        raise ContentError(path, None, '', f'niet te lezen ({error})') from error
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ContentError(path, mark.line + 1 if mark else None, '', f'geen geldige YAML: {error.problem}') from error
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first['loc'])
        field = '.'.join(f'[{p}]' if isinstance(p, int) else str(p) for p in loc).replace('.[', '[')
        raise ContentError(path, _line_of(node, loc), field or '(bestand)', first['msg']) from error


def load_content(folder: Path) -> Content:
    """Every content file under `folder`; the first bad file stops the load with a ContentError."""
    sets = {path.stem: load_model(path, StatementSet) for path in sorted((folder / 'stellingen').glob('*.yaml'))}
    return Content(sets)
