"""The authorisation table: for every command of every werkvorm, exactly the listed roles may give it."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.werkvormen.base import Actor, Context, DomainError, NotAllowed, Role
from facilitation.werkvormen.registry import WERKVORMEN

from .helpers import FACILITATOR


def sample(command_type: type) -> object:
    """An instance with plausible field values (the role check comes before any other)."""
    values = {'str': 's1', 'int': 1}
    required = [f for f in dataclasses.fields(command_type) if f.default is dataclasses.MISSING]
    return command_type(**{f.name: values.get(str(f.type), 'x') for f in required})


ACTIVITY = {
    'statements': 'a1',
    'quiz': 'a2',
    'lagerhuis': 'a3',
    'arena': 'a4',
    'dilemma': 'a5',
    'teamplan': 'a6',
}  # one activity of every werkvorm
CONFIG = {
    'statements': {'statements': [{'text': 'A'}]},
    'quiz': {'cards': [{'kind': 'feit', 'question': 'V', 'answer': 'A'}]},
    'lagerhuis': {'statement': 'S'},
    'arena': {'questions': [{'text': 'V', 'seconds': 60}]},
    'dilemma': {'steps': ['inventariseren', 'formuleren']},
    'teamplan': {},
}


def room(kind: str | None) -> se.SessionState:
    state = se.SessionState('sid')
    for command in [
        se.CreateSession('W', '', 'ABCDE'),
        *(se.AddActivity(k, k, CONFIG[k]) for k in ACTIVITY),
        se.StartActivity(ACTIVITY[kind or 'statements']),
    ]:
        for event in se.decide(state, command, Context(FACILITATOR, 0.0)):
            se.evolve(state, event)
    return state


CASES = [(None, t, roles) for t, roles in se.ROLES.items() if t is not se.ForActivity] + [
    (kind, t, roles)
    for kind, module in ((k, w.rules) for k, w in WERKVORMEN.items())
    for t, roles in module.ROLES.items()
]


def case_id(value: object) -> str:
    """A test id that is the same in every process (a set's order is not): pytest-xdist's workers must agree."""
    if isinstance(value, (set, frozenset)):
        return '+'.join(sorted(getattr(v, 'value', str(v)) for v in value))
    return getattr(value, '__name__', str(value))


@pytest.mark.parametrize(('kind', 'command_type', 'allowed'), CASES, ids=case_id)
@pytest.mark.parametrize('role', list(Role))
def test_only_the_listed_roles_may_give_each_command(kind, command_type, allowed, role: Role) -> None:
    state = room(kind)
    actor = Actor(role, 'p1' if role is Role.PARTICIPANT else role.value)
    if role is Role.PARTICIPANT:
        for event in se.decide(state, se.Join(), Context(actor, 1.0)):
            se.evolve(state, event)
    command = sample(command_type)
    if kind is not None:
        command = se.ForActivity(ACTIVITY[kind], command)
    try:
        se.decide(state, command, Context(actor, 2.0))  # type: ignore[arg-type]
    except NotAllowed:
        assert role not in allowed, f'{role} was refused {command_type.__name__}'
    except DomainError:
        assert role in allowed, f'{role} got past the role check of {command_type.__name__}'
    else:
        assert role in allowed, f'{role} may not give {command_type.__name__}'


def test_every_werkvorm_has_an_activity_here() -> None:
    assert set(ACTIVITY) == set(WERKVORMEN)


def test_every_command_of_every_werkvorm_is_in_the_table() -> None:
    for module in (w.rules for w in WERKVORMEN.values()):
        assert set(typing.get_args(module.Command)) == set(module.ROLES)
    assert set(typing.get_args(se.SessionCommand)) == set(se.ROLES)


@pytest.mark.parametrize(('command_type', 'allowed'), list(tp.ROLES.items()), ids=case_id)
@pytest.mark.parametrize('role', list(Role))
def test_only_the_facilitator_changes_the_team_plan(command_type, allowed, role: Role) -> None:
    state = tp.State()
    for event in tp.decide(state, tp.AddItem('Alarmknop testen'), Context(FACILITATOR, 1.0)):
        tp.evolve(state, event)
    actor = Actor(role, 'p1' if role is Role.PARTICIPANT else role.value)
    try:
        tp.decide(state, sample(command_type), Context(actor, 2.0))  # type: ignore[arg-type]
    except NotAllowed:
        assert role not in allowed
    except DomainError:
        assert role in allowed
    else:
        assert role in allowed


def test_every_command_of_the_team_plan_is_in_its_table() -> None:
    assert set(typing.get_args(tp.Command)) == set(tp.ROLES)
