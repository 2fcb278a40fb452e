"""Views take projections only: no view module of a werkvorm reads an activity's raw state (`state_of(...)`, the
session's `.activities`, an `activity.state`); it gets the public, participant and console projections through
facilitation/ui/views.py. What the room holds besides the activities (participants, min_reveal) it may still read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import facilitation.werkvormen as werkvormen

PACKAGES = ('dilemma',)  # the werkvormen whose views read projections only
VIEWS = ('console', 'projector', 'phone', 'common')  # a view module's name starts with one of these


def raw_state_reads(source: str, name: str) -> list[str]:
    """'file:line what' for every place in `source` that reads an activity's raw state, in the order of the file."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            called = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if called == 'state_of':
                found.append((node.lineno, 'state_of(...)'))
        elif isinstance(node, ast.Attribute) and node.attr == 'activities':
            found.append((node.lineno, '.activities'))
        elif isinstance(node, ast.Attribute) and node.attr == 'state' and _name(node.value) == 'activity':
            found.append((node.lineno, 'activity.state'))
    return [f'{name}:{line} {what}' for line, what in sorted(found)]


def _name(node: ast.expr) -> str:
    """The name an expression ends in (`activity` for `activity` and `room.state.activity`), else ''."""
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ''


def view_modules(package: str) -> list[Path]:
    folder = Path(werkvormen.__file__).parent / package
    return sorted(path for path in folder.glob('*.py') if path.stem.startswith(VIEWS))


@pytest.mark.parametrize('package', PACKAGES)
def test_no_view_reads_an_activitys_raw_state(package: str) -> None:
    modules = view_modules(package)
    assert {path.stem for path in modules} >= {'console', 'projector', 'phone'}
    found = [hit for path in modules for hit in raw_state_reads(path.read_text(), f'{package}/{path.name}')]
    assert not found, 'views read raw state (use facilitation/ui/views.py):\n' + '\n'.join(found)


def test_the_check_finds_each_way_of_reading_raw_state_and_allows_the_rooms_own() -> None:
    source = '\n'.join(
        (
            'a = state_of(room, activity_id)',
            'b = room.state.activities[activity_id].state',
            'c = activity.state',
            'd = room.state.activity.state',
            'e = room.state.participants, room.state.min_reveal, views.public(room, activity_id)',
        )
    )
    assert raw_state_reads(source, 'x.py') == [
        'x.py:1 state_of(...)',
        'x.py:2 .activities',
        'x.py:3 activity.state',
        'x.py:4 activity.state',
    ]
