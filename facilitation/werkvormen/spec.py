"""What a werkvorm is to the rest of Samenspel: one typed description, registered once (`registry.py`).

Everything that lists werkvormen reads the registry: sessions (the rules), the console's add menu, session plans,
the views, the demo session. The description is pure (no NiceGUI, no SQL): its views are named by module and imported
when first shown, so the rules and the session can be used without the interface.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..content import AgendaItem, Content
    from ..services import Services
    from ..session import Activity, SessionState
    from ..teamplan_model import State as TeamPlanState
    from ..teams import TeamPlan
    from .outcome import Offer, Outcome


class Source(Protocol):
    """An entry of the add menu's library (a statement set, a quiz deck, an arena plan, a version of the steps)."""

    @property
    def title(self) -> str: ...

    def activity_config(self) -> dict[str, Any]: ...


RULES = ('KIND', 'new_state', 'config_of', 'decide', 'evolve', 'ROLES')
PROJECTIONS = ('public_view', 'participant_view', 'console_view')  # each taking the session's minimum (ui/views.py)
"""What a werkvorm's rules module provides (checked at start)."""

VIEWS = (('console', 'facilitator_panel'), ('projector', 'projector_panel'), ('phone', 'participant_panel'))
"""Its three views: a module each in its package, with one panel function."""


OUTCOME = ('outcome', 'offers')
"""What a werkvorm's outcome module provides (see outcome.py): its outcome for every format, its offers to the plan."""


@dataclass(frozen=True)
class Outcomes:
    outcome: Callable[[Activity, SessionState, str], Outcome]  # (activity, its session, language)
    offers: Callable[[Activity], tuple[Offer, ...]]


@dataclass(frozen=True)
class Views:
    facilitator: Callable[..., Any]
    projector: Callable[..., Any]
    participant: Callable[..., Any]


def _no_sources(services: Services) -> Mapping[str, Source]:
    return {}


def _no_agenda_library(content: Content) -> Mapping[str, Any]:
    return {}


def _as_given(config: dict[str, Any], plan: TeamPlanState | None) -> dict[str, Any]:
    return config


def _from_library(item: AgendaItem, content: Content, library: Mapping[str, Any]) -> dict[str, Any]:
    return library[item.content].activity_config() if item.content else {}


@dataclass(frozen=True)
class Werkvorm:
    """One werkvorm: its kind (as stored in the event log), its rules, its views and what the console offers."""

    rules: ModuleType
    package: str  # the package holding its views (console.py, projector.py, phone.py)
    name_key: str  # its name, as the programme and the add menu show it
    title_key: str  # the default title of a new activity
    on_stage: Callable[[Any], bool]  # whether the projector gives it the stage (else: the big QR)
    opening: Callable[[Any], bool]  # whether it is still at its first step (people may still come in)
    sources: Callable[[Services], Mapping[str, Source]] = _no_sources  # the add menu's library
    empty_source_key: str = ''  # the add menu's entry for none of the library ('' : the library's first is chosen)
    start_empty: bool = False  # whether the add menu proposes the empty entry rather than the library's first
    titled_by_source: bool = False  # whether a new activity is named after its library entry (a quiz's deck)
    agenda_library: Callable[[Content], Mapping[str, Any]] = _no_agenda_library  # what a session plan may name
    agenda_config: Callable[[AgendaItem, Content, Mapping[str, Any]], dict[str, Any]] = _from_library
    demo: Callable[[Content], tuple[str, dict[str, Any]] | None] = lambda content: None  # title and config
    on_home: bool = False  # whether a new session can start with one of its library entries (the start page)
    home_label_key: str = ''  # how the start page names such an entry ({title}); '': by its title alone
    needs_content: bool = False  # whether a round is always made of a content file (an empty config is refused)
    # A new activity's config as it is added to a session of a team with this plan (None: the session has no team),
    # on every add path (the console's add menu, a session plan, the start page, the demo: Services.activity_config):
    # a leerdoelwijzer's baseline is the team's last round of it.
    prepare: Callable[[dict[str, Any], TeamPlanState | None], dict[str, Any]] = _as_given
    # Whether the team plan keeps its closed rounds' team figures over time: then this stores those of the team's
    # sessions the plan still lacks (at start, when the plan's page opens; registry.catch_up). None: it keeps none.
    catch_up: Callable[[Services, TeamPlan], object] | None = None
    outcome: str = ''  # the module describing its outcome (see OUTCOME); '': none, refused at start
    extras: Mapping[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return str(self.rules.KIND)

    @cached_property
    def views(self) -> Views:
        modules = [importlib.import_module(f'{self.package}.{name}') for name, _ in VIEWS]
        facilitator, projector, participant = (
            getattr(module, function) for module, (_, function) in zip(modules, VIEWS, strict=True)
        )
        return Views(facilitator, projector, participant)

    @cached_property
    def outcomes(self) -> Outcomes:
        """Its outcome and its offers to the team plan (pure: imported when first asked for)."""
        module = importlib.import_module(self.outcome)
        return Outcomes(*(getattr(module, name) for name in OUTCOME))

    def missing(self) -> list[str]:
        """What this description lacks to be hosted (empty when complete): rules, views, outcome, strings."""
        from ..i18n import STRINGS  # the strings live beside the interface, not in the rules

        lacks = [f'{self.rules.__name__}.{name}' for name in (*RULES, *PROJECTIONS) if not hasattr(self.rules, name)]
        for module_name, function in VIEWS:
            try:
                module: ModuleType | None = importlib.import_module(f'{self.package}.{module_name}')
            except ModuleNotFoundError:
                module = None
            if module is None or not callable(getattr(module, function, None)):
                lacks.append(f'{self.package}.{module_name}.{function}')
        for module_name, table, what in (('fields', 'FIELDS', 'its text fields'), ('strings', 'STRINGS', 'its words')):
            try:
                module = importlib.import_module(f'{self.package}.{module_name}')
            except ModuleNotFoundError:
                module = None
            if not isinstance(getattr(module, table, None), dict):
                lacks.append(f'{self.package}.{module_name}.{table} ({what})')
        if not self.outcome:
            lacks.append('its outcome (Werkvorm.outcome names no module)')
        else:
            try:
                outcome: ModuleType | None = importlib.import_module(self.outcome)
            except ModuleNotFoundError:
                outcome = None
            lacks += [
                f'{self.outcome}.{name} (its outcome)' for name in OUTCOME if not callable(getattr(outcome, name, None))
            ]
        for key in (self.name_key, self.title_key, self.empty_source_key, self.home_label_key):
            if key and key not in STRINGS:
                lacks.append(f'string {key!r}')
        return lacks
