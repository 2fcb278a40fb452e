"""A YAML content file validated against a pydantic model; a bad file is refused with its file, line and field, in the
reader's words. The werkvormen's content schemas (their content.py) and the session plans are built on this."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]
from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from .i18n import DEFAULT_LANGUAGE, STRINGS, translate

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


def refuse(problem: str, **params: object) -> PydanticCustomError:
    """A check of ours that fails: its problem (a key of content.problem.*) travels through pydantic to ContentError.
    `at` (a path such as (2, 'items', 5)) points into the value checked, for the line and field of the entry."""
    return PydanticCustomError(problem, problem, params)


class Strict(BaseModel):
    """A content model that refuses unknown keys (a misspelt field is named, not ignored) and strips its texts."""

    model_config = ConfigDict(extra='forbid', str_strip_whitespace=True)


def line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
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
        return kind, {name: value for name, value in ctx.items() if name != 'at'}  # ours, raised by refuse
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
        data = yaml.load(text, Loader=SafeLoader)  # libyaml's where PyYAML has it: the lines only on a refusal
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ContentError(path, mark.line + 1 if mark else None, '', 'yaml') from error
    try:
        return model.model_validate(data)
    except ValidationError as error:
        node = yaml.compose(text)
        first = error.errors()[0]
        loc = (*first['loc'], *(first.get('ctx') or {}).get('at', ()))  # ours may point into the value (refuse)
        field = '.'.join(f'[{p}]' if isinstance(p, int) else str(p) for p in loc).replace('.[', '[')
        problem, params = _problem(dict(first))
        item = _item(data, loc)
        raise ContentError(path, line_of(node, loc), field or '-', problem, **params, **item) from error
