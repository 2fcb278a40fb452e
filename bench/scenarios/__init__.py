"""The load scenarios, one module per werkvorm, found through the werkvorm registry.

Every kind in `facilitation.werkvormen.registry.WERKVORMEN` has a module here named after it
(bench/scenarios/<kind>.py) whose `SCENARIO` says how the bench runs and reports it; `SCENARIO = None` says, with
the module's reason, that the werkvorm has no load scenario. A registered werkvorm without a module (or without
`SCENARIO`) is listed by `find()` as missing: the harness says so when it starts and tests/test_bench_scenarios.py
fails naming it, so a new werkvorm cannot go unmeasured unnoticed.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

from ..common import Result
from ..report import werkvorm_section


def n_list(text: str) -> list[int]:
    """A comma-separated list of phone counts ('' for none)."""
    return [int(n) for n in text.split(',') if n.strip()]


class Scenario(Protocol):
    """What the harness needs of a werkvorm's scenario (in the order of the registry)."""

    @property
    def kind(self) -> str:
        """The werkvorm's kind in the registry (and this module's name)."""

    @property
    def numbered(self) -> int:
        """How many numbered sections of the report it writes."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Its own command line options."""

    async def run(self, workdir: Path, ns: list[int], args: argparse.Namespace, results: Result) -> None:
        """Measure, putting its figures into `results` (the raw figures `--json` writes)."""

    def sections(self, results: Result, ns: list[int], args: argparse.Namespace, number: int) -> list[str]:
        """Its numbered sections of the report, numbered from `number`."""

    def closing(self, results: Result, ns: list[int]) -> list[str]:
        """What it adds at the end of the report, after every scenario's numbered sections."""


@dataclass(frozen=True)
class WerkvormScenario:
    """A werkvorm at each N of its option `--<kind>-phones`, each on a fresh server with the demo session; one
    section of the report with a row per figure per N."""

    kind: str
    name: str  # the werkvorm as the option's help names it
    title: str  # the section's title, after its number
    intro: str
    measure: Callable[[Path, int, argparse.Namespace], Awaitable[Result]]
    rows: Callable[[object, Result], list[str]]
    numbered: ClassVar[int] = 1

    @property
    def option(self) -> str:
        return f'--{self.kind}-phones'

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            self.option, default='50,200', help=f'N list for the {self.name} run (default 50,200; "": skip)'
        )

    async def run(self, workdir: Path, ns: list[int], args: argparse.Namespace, results: Result) -> None:
        results[self.kind] = {}
        for n in n_list(getattr(args, f'{self.kind}_phones')):
            results[self.kind][n] = await self.measure(workdir, n, args)

    def sections(self, results: Result, ns: list[int], args: argparse.Namespace, number: int) -> list[str]:
        return werkvorm_section(
            f'{number}. {self.title}', results.get(self.kind) or {}, self.intro, self.rows, self.option
        )

    def closing(self, results: Result, ns: list[int]) -> list[str]:
        return []


def find(kinds: Iterable[str] | None = None) -> tuple[list[Scenario], list[str]]:
    """The scenarios of the registered werkvormen (or of `kinds`) in the registry's order, and the kinds that have
    none (neither a module here nor one that says it has no scenario)."""
    if kinds is None:
        from facilitation.werkvormen.registry import WERKVORMEN

        kinds = WERKVORMEN
    found: list[Scenario] = []
    missing: list[str] = []
    for kind in kinds:
        try:
            module = importlib.import_module(f'{__name__}.{kind}')
        except ModuleNotFoundError as error:
            if error.name != f'{__name__}.{kind}':
                raise  # the module is there but imports something that is not
            missing.append(kind)
            continue
        if not hasattr(module, 'SCENARIO'):
            missing.append(kind)
        elif module.SCENARIO is not None:
            found.append(module.SCENARIO)
    return found, missing
