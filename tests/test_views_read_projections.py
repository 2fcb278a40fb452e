"""Views read projections only: no view module of a werkvorm reads an activity's raw state.

A rule computed in a view (which step comes next, what may be answered) is a second copy that can disagree with
`decide`; the views get the three projections through facilitation.ui.views instead. Parsed, not run: a read in a
branch no test reaches is found too.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from facilitation.werkvormen.registry import WERKVORMEN

VIEW_NAMES = ('console', 'projector', 'phone', 'common')  # and the modules they are split into (console_<part>.py)
CHECKED = tuple(WERKVORMEN)  # every registered werkvorm: a new one is held to it from its first view


def view_modules(kind: str) -> list[Path]:
    """The package's NiceGUI modules: named as a view (or a part of one), or importing nicegui."""
    package = Path(importlib.import_module(WERKVORMEN[kind].package).__file__ or '').parent  # two may share one
    return sorted(
        path
        for path in package.glob('*.py')
        if path.stem.startswith(VIEW_NAMES) or 'nicegui' in path.read_text(encoding='utf-8')
    )


def _names_activity(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == 'activity') or (
        isinstance(node, ast.Attribute) and node.attr == 'activity'
    )


NOT_STATE = ('title', 'kind', 'id')  # what a view may read of an activity: values of the room, not its state


def raw_reads(path: Path) -> list[str]:
    """Every place in the module that reads an activity's state: `state_of(`, `.activities[` (but for its title,
    kind or id), `activity.state`."""
    tree = ast.parse(path.read_text(encoding='utf-8'), filename=str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (
            (isinstance(node.func, ast.Name) and node.func.id == 'state_of')
            or (isinstance(node.func, ast.Attribute) and node.func.attr == 'state_of')
        ):
            found.append((node.lineno, 'state_of('))
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
            parent = parents.get(node)
            named = isinstance(parent, ast.Attribute) and parent.attr in NOT_STATE
            if node.value.attr == 'activities' and not named:
                found.append((node.lineno, '.activities['))
        elif isinstance(node, ast.Attribute) and node.attr == 'state' and _names_activity(node.value):
            found.append((node.lineno, 'activity.state'))
        elif isinstance(node, ast.FunctionDef) and node.name == 'state_of':
            found.append((node.lineno, 'def state_of'))
    return [f'{path.name}:{line}: {what}' for line, what in sorted(found)]


@pytest.mark.parametrize('kind', CHECKED)
def test_views_read_no_raw_state(kind: str) -> None:
    modules = view_modules(kind)
    assert {path.stem for path in modules} >= {'console', 'projector', 'phone'}
    reads = [read for path in modules for read in raw_reads(path)]
    assert not reads, f'{kind}: views read raw state (use facilitation.ui.views): ' + ', '.join(reads)


def test_the_check_finds_each_kind_of_raw_read(tmp_path: Path) -> None:
    leaky = tmp_path / 'console.py'
    leaky.write_text(
        'def f(room, activity):\n'
        '    a = state_of(room, "a1")\n'
        '    b = room.state.activities["a1"].state\n'
        '    c = activity.state\n'
        '    d = room.state.activity.state\n'
        '    e = room.state.activities["a1"].title\n',
        encoding='utf-8',
    )
    assert raw_reads(leaky) == [
        'console.py:2: state_of(',
        'console.py:3: .activities[',
        'console.py:4: activity.state',
        'console.py:5: activity.state',
    ]
