"""The authorisation table: for every command of every werkvorm, exactly the listed roles may give it."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.app import CONTENT_DIR, SESSIONS_DIR
from facilitation.content import load_content
from facilitation.werkvormen.base import (
    BOTH,
    PARTICIPANT,
    Actor,
    Approve,
    Command,
    Context,
    DomainError,
    ExtendTimer,
    NotAllowed,
    PauseTimer,
    Reject,
    ResumeTimer,
    Role,
    StopTimer,
    TimerCommand,
    WrongPhase,
    roles_of,
)
from facilitation.werkvormen.base import FACILITATOR as FACILITATOR_ONLY
from facilitation.werkvormen.registry import WERKVORMEN

from .helpers import FACILITATOR


def sample(command_type: type) -> object:
    """An instance with plausible field values (the role check comes before any other)."""
    values = {'str': 's1', 'int': 1}
    required = [f for f in dataclasses.fields(command_type) if f.default is dataclasses.MISSING]
    return command_type(**{f.name: values.get(str(f.type), 'x') for f in required})


CONTENT = load_content(CONTENT_DIR, SESSIONS_DIR)
ACTIVITY = {kind: f'a{n}' for n, kind in enumerate(WERKVORMEN, start=1)}  # one activity of every werkvorm


def config(kind: str) -> dict[str, object]:
    """The werkvorm as its demo sets it up (with cards, statements, a plan to work on)."""
    demo = WERKVORMEN[kind].demo(CONTENT)
    return demo[1] if demo else {}


def room(kind: str | None) -> se.SessionState:
    state = se.SessionState('sid')
    for command in [
        se.CreateSession('W', '', 'ABCDE'),
        *(se.AddActivity(k, k, config(k)) for k in ACTIVITY),
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
    assert set(ACTIVITY) == set(WERKVORMEN) and all(WERKVORMEN[k].demo(CONTENT) for k in ACTIVITY)


def test_every_command_of_every_werkvorm_is_in_the_table() -> None:
    """The table is the commands' own declarations; each is known as rules.<Name> (as the views name it)."""
    for module in (w.rules for w in WERKVORMEN.values()):
        for command_type, roles in module.ROLES.items():
            assert issubclass(command_type, module.Command)
            assert getattr(module, command_type.__name__) is command_type
            assert roles == command_type.roles
    assert all(issubclass(t, se.SessionCommand) and roles == t.roles for t, roles in se.ROLES.items())


@pytest.mark.parametrize('kind', list(WERKVORMEN))
def test_every_class_in_a_commands_module_is_in_its_table(kind: str) -> None:
    """A command written without the werkvorm's base would be in no table: every page giving it would fail."""
    rules = WERKVORMEN[kind].rules
    commands = importlib.import_module(rules.__name__.rsplit('.', 1)[0] + '.commands')
    defined = {v for v in vars(commands).values() if dataclasses.is_dataclass(v) and v.__module__ == commands.__name__}
    assert defined and defined <= set(rules.ROLES)


@pytest.mark.parametrize(
    ('shared', 'kinds'),
    [
        ({PauseTimer, ResumeTimer, ExtendTimer, StopTimer}, {'quiz', 'lagerhuis', 'arena', 'dilemma', 'incident'}),
        ({Approve, Reject}, {'arena', 'dilemma', 'incident'}),  # they hold what phones send for the facilitator
    ],
    ids=['clock', 'moderation'],
)
def test_shared_commands_are_the_facilitators_wherever_taken(shared: set[type], kinds: set[str]) -> None:
    assert {kind for kind, w in WERKVORMEN.items() if shared <= set(w.rules.ROLES)} == kinds
    assert all(WERKVORMEN[kind].rules.ROLES[t] == {Role.FACILITATOR} for kind in kinds for t in shared)
    assert all(getattr(WERKVORMEN[kind].rules, t.__name__) is t for kind in kinds for t in shared)


@pytest.mark.parametrize('kind', list(WERKVORMEN))
def test_a_command_it_does_not_know_is_refused_even_if_it_claims_roles(kind: str) -> None:
    """The table decides, not an attribute of the command: a class of its own saying anyone may give it is refused
    (as before the roles moved onto the classes: the table has no entry for it)."""

    @dataclasses.dataclass(frozen=True)
    class Forged(Command):
        roles = frozenset(Role)

    state = room(kind)
    with pytest.raises(KeyError):
        se.decide(state, se.ForActivity(ACTIVITY[kind], Forged()), Context(FACILITATOR, 2.0))
    with pytest.raises(KeyError):
        se.decide(state, Forged(), Context(FACILITATOR, 2.0))  # type: ignore[arg-type]
    with pytest.raises(WrongPhase):
        tp.decide(tp.State(), Forged(), Context(FACILITATOR, 2.0))  # type: ignore[arg-type]


# --- the table is derived from the classes (base.roles_of) -----------------------------------------------------------


def test_the_table_holds_every_command_under_a_base_in_order_of_definition() -> None:
    class Probe(Command):
        pass

    class Group(Probe):  # a base of its own may group commands
        pass

    @dataclasses.dataclass(frozen=True)
    class First(Group):
        roles = FACILITATOR_ONLY
        text: str

    @dataclasses.dataclass(frozen=True)
    class Second(Probe):
        roles = BOTH

    assert list(roles_of(Probe).items()) == [(First, FACILITATOR_ONLY), (Second, BOTH)]
    assert list(roles_of(TimerCommand)) == [PauseTimer, ResumeTimer, ExtendTimer, StopTimer]


@pytest.mark.parametrize('declared', ['none', 'empty', 'inherited'])
def test_a_command_without_roles_of_its_own_stops_the_import(declared: str) -> None:
    """roles_of runs when a werkvorm's rules are imported: a forgotten declaration is an error at start, never a
    command that nobody, or everybody, may give."""

    class Probe(Command):
        if declared == 'inherited':
            roles = PARTICIPANT

    @dataclasses.dataclass(frozen=True)
    class Forgotten(Probe):
        if declared == 'empty':
            roles = frozenset()
        text: str

    with pytest.raises(TypeError, match='Forgotten'):
        roles_of(Probe)


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
    assert all(issubclass(t, tp.Command) and roles == t.roles for t, roles in tp.ROLES.items())
    assert {v for v in vars(tp).values() if isinstance(v, type) and issubclass(v, tp.Command)} - {tp.Command} == set(
        tp.ROLES
    )
