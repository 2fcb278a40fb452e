"""Restoring the team plan from a JSON file: a file larger than the limit is refused before it is read whole or
parsed, one nested deeper than a plan ever is is refused before the parser recurses; the page names the file in
the refusal and the plan stays as it was."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.elements.upload_files import FileUpload
from nicegui.testing import User

from facilitation import teamplan as tp
from facilitation.werkvormen.base import Actor, Context, Role

from .test_teamplan_pages import new_session

CTX = Context(Actor(Role.FACILITATOR, 'facilitator'), 1000.0)


def a_plan() -> tp.State:
    state = tp.State()
    for event in tp.decide(state, tp.AddItem('Camerabeelden bij de balie'), CTX):
        tp.evolve(state, event)
    state.items['p1'].origin = tp.Origin(session_name='Werkoverleg', werkvorm='dilemma', source_text='Camera')
    return state


def test_a_plan_of_the_deepest_shape_the_format_has_is_read() -> None:
    state = a_plan()  # root object > items list > item object > origin object
    assert tp.plan_from_json(tp.plan_json(state)) == state


def test_a_file_larger_than_the_limit_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = tp.plan_json(a_plan())
    padded = text + ' ' * (tp.MAX_JSON_BYTES - len(text.encode()) + 1)

    def parse(*args: object, **kwargs: object) -> object:
        raise AssertionError('an over-size file was parsed')

    monkeypatch.setattr(tp.json, 'loads', parse)
    for data in (padded, padded.encode()):
        with pytest.raises(tp.PlanTooLarge) as refused:
            tp.plan_from_json(data)
        assert refused.value.params['max'] == '2'


def test_the_limit_counts_bytes_not_characters() -> None:
    text = tp.plan_json(a_plan())
    filler = 'é' * ((tp.MAX_JSON_BYTES - len(text.encode())) // 2 + 1)  # under the limit in characters, over in bytes
    with pytest.raises(tp.PlanTooLarge):
        tp.plan_from_json(text[:-1] + f', "x": "{filler}"}}')


def test_a_file_of_exactly_the_limit_is_not_refused_for_its_size() -> None:
    text = tp.plan_json(a_plan())
    assert tp.plan_from_json(text + ' ' * (tp.MAX_JSON_BYTES - len(text.encode()))) == a_plan()


@pytest.mark.parametrize(
    'text',
    [
        '[' * 100_000 + ']' * 100_000,  # the parser would recurse until Python's limit: RecursionError
        '{"version": 1, "items": ' + '[' * 5000 + ']' * 5000 + '}',
        '{"version": 1, "team": {"name": {"deeper": {"still": ["x"]}}}}',
        '{"version": 1, "items": [{"id": "p1", "origin": {"session_name": ["x"]}}]}',
    ],
    ids=['only brackets', 'deep items', 'one level too deep in the team', 'one level too deep in an origin'],
)
def test_a_file_nested_deeper_than_a_plan_is_refused_without_recursing(text: str) -> None:
    with pytest.raises(tp.PlanTooDeep) as refused:
        tp.plan_from_json(text)
    assert refused.value.params['max'] == tp.MAX_JSON_DEPTH


def test_brackets_inside_texts_are_no_nesting() -> None:
    state = a_plan()
    state.items['p1'].what = '[[[[{{{{ "\\" ]]]]'
    assert tp.plan_from_json(tp.plan_json(state)) == state


def test_the_import_command_refuses_an_over_size_or_too_deep_file_and_changes_nothing() -> None:
    state = a_plan()
    before = tp.plan_json(state)
    for text, error in (
        (' ' * (tp.MAX_JSON_BYTES + 1), tp.PlanTooLarge),
        ('[' * 100_000 + ']' * 100_000, tp.PlanTooDeep),
    ):
        with pytest.raises(error):
            tp.decide(state, tp.ImportPlan(text), CTX)
    assert tp.plan_json(state) == before


# --- the page --------------------------------------------------------------------------------------------------------


@dataclass
class Upload(FileUpload):
    """A file as NiceGUI hands it to the handler, which counts what the handler read of it."""

    content: bytes = b''
    claimed_size: int | None = None  # what size() says (None: the real size)
    read_bytes: int = field(default=0, init=False)

    def size(self) -> int:
        return len(self.content) if self.claimed_size is None else self.claimed_size

    async def read(self) -> bytes:
        self.read_bytes += len(self.content)
        return self.content

    async def text(self, encoding: str = 'utf-8') -> str:
        return (await self.read()).decode(encoding)

    def iterate(self, *, chunk_size: int = 1024 * 1024) -> AsyncIterator[bytes]:
        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, len(self.content), chunk_size):
                chunk = self.content[start : start + chunk_size]
                self.read_bytes += len(chunk)
                yield chunk

        return chunks()

    async def save(self, path: str | Path) -> None:
        raise AssertionError('the restore never saves the upload')


async def plan_page(user: User, data_dir: Path) -> bytes:
    """The team plan page (signed in with the admin key on the access page), with one item; returns its JSON."""
    await new_session(user, data_dir, 'Werkoverleg', 'Lege lijst: zelf stellingen typen')
    user.find(marker='team-plan').click()
    await user.should_see('Nog geen punten in het plan.')
    user.find(marker='tp-add').click()
    user.find(marker='tp-what').type('Camerabeelden bij de balie')
    user.find(marker='tp-add-item').click()
    await user.should_see('Camerabeelden bij de balie')
    return await plan_json(user)


async def plan_json(user: User) -> bytes:
    user.find(marker='tp-download-json').click()
    return (await user.download.next(timeout=10)).content  # a loaded machine may take more than the default second


async def restore(user: User, file: Upload) -> None:
    picker = user.find(marker='tp-import').elements.pop()
    assert isinstance(picker, ui.upload)
    await picker.handle_uploads([file])


async def test_the_page_refuses_an_over_size_file_by_name_without_reading_it(user: User, data_dir: Path) -> None:
    before = await plan_page(user, data_dir)
    huge = Upload('groot.json', 'application/json', content=before, claimed_size=50_000_000)  # as NiceGUI spooled it
    await restore(user, huge)
    await user.should_see('groot.json is niet teruggezet. Het bestand is groter dan 2 MB.')
    assert huge.read_bytes == 0  # its size was enough: not a byte of it was read
    assert await plan_json(user) == before
    await user.should_not_see('Teamplan teruggezet')


async def test_the_page_reads_at_most_the_limit_and_a_byte_of_a_file_whose_size_is_not_known(
    user: User, data_dir: Path
) -> None:
    before = await plan_page(user, data_dir)
    unknown = Upload('stroom.json', 'application/json', content=before + b' ' * 20_000_000, claimed_size=0)
    await restore(user, unknown)
    await user.should_see('stroom.json is niet teruggezet. Het bestand is groter dan 2 MB.')
    assert unknown.read_bytes <= tp.MAX_JSON_BYTES + 1024 * 1024  # stopped within a chunk of the limit
    assert await plan_json(user) == before


async def test_the_page_refuses_a_deeply_nested_file_by_name(user: User, data_dir: Path) -> None:
    before = await plan_page(user, data_dir)
    await restore(user, Upload('diep.json', 'application/json', content=b'[' * 100_000 + b']' * 100_000))
    await user.should_see('diep.json is niet teruggezet. Het bestand is dieper genest dan een teamplan ooit is.')
    assert await plan_json(user) == before
    data = json.loads(before)
    assert [item['what'] for item in data['items']] == ['Camerabeelden bij de balie']
