"""BENCHMARKS.md: the figures formatted, the report's frame around the scenarios' sections, and writing the file so
the before/after rows added by hand are kept."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import Result

if TYPE_CHECKING:
    from .scenarios import Scenario

BEFORE_AFTER = '## Before/after'
HEAD = '| N · figure | Samenspel | floor | ratio |\n| --- | ---: | ---: | ---: |'
"""The head of a table comparing Samenspel with the floor, a row per N and figure."""


# --- figures as text -------------------------------------------------------------------------------------------------


def fmt_s(value: float | None) -> str:
    if value is None:
        return '—'
    return f'{value * 1000:.0f} ms' if value < 1 else f'{value:.2f} s'


def ratio(product: float | None, floor: float | None) -> str:
    if product is None or floor is None or floor == 0:
        return '—'
    return f'{product / floor:.1f}×'


def get(data: Any, *path: Any) -> Any:
    for key in path:
        if data is None:
            return None
        data = data.get(key) if isinstance(data, dict) else None
    return data


def row(label: str, product: Any, floor: Any, fmt: Callable[[Any], str], with_ratio: bool = True) -> str:
    numeric = all(isinstance(v, int | float) for v in (product, floor))
    return f'| {label} | {fmt(product)} | {fmt(floor)} | {ratio(product, floor) if with_ratio and numeric else "—"} |'


def num(value: Any, unit: str = '', digits: int = 1) -> str:
    return '—' if value is None else f'{value:.{digits}f}{unit}' if isinstance(value, float) else f'{value}{unit}'


def kb(value: Any) -> str:
    return '—' if value is None else f'{value / 1024:.1f} kB'


def werkvorm_section(
    title: str, runs: dict[Any, Result], intro: str, rows: Callable[[object, Result], list[str]], flag: str
) -> list[str]:
    """A werkvorm scenario's section of the report: its intro and a row per figure per N (or why it did not run)."""
    out = ['', f'## {title}', '']
    if not runs:
        return [*out, f'Not run (`{flag} ""`).']
    out += [intro, '', '| N · figure | value |', '| --- | ---: |']
    for n, run in runs.items():
        out += rows(n, run)
        if run.get('error'):
            out.append(f'| {n} · stopped | `{run["error"][:200]}` |')
    return out


# --- the report ------------------------------------------------------------------------------------------------------


def report(results: Result, ns: list[int], args: argparse.Namespace, scenarios: Sequence[Scenario]) -> str:
    """The generated part of BENCHMARKS.md: machine and method, the scenarios' numbered sections in the order of
    the werkvorm registry, then what each adds at the end."""
    m = results['machine']
    out = [
        '# Benchmarks',
        '',
        f'Written by `make bench PHONES={",".join(map(str, ns))}` (`python -m bench.run`, bench/run.py) on '
        f'{m["date"]}.',
        '',
        '## Machine and versions',
        '',
        f'- {m["cores"]} cores, {m["cpu"]}; {m["memory_gb"]:.1f} GB memory; Linux {m["kernel"]}',
        f'- Python {m["python"]}, NiceGUI {m["nicegui"]}, python-socketio {m["python_socketio"]} (load generator)',
        '- Server and load generator are separate processes on the same machine (127.0.0.1), sharing its cores; the '
        "generator's own CPU use is given so a saturated generator can be told from a slow server.",
        '',
        '## How it is measured',
        '',
        '- Phones are simulated (bench/phones.py), not browsers: each loads `/j/CODE` with its own cookie jar (so '
        "its own NiceGUI browser id, hence its own participant), opens NiceGUI's socket.io websocket with the "
        "page's query, and taps buttons by sending the same `event` messages as the page's script.",
        '- The floor (bench/floor.py) is a bare NiceGUI app doing the same job with the same URLs and texts: a '
        'join button, a statement label, two vote buttons, a projector label updated in place on each vote, one '
        'next-step button. Ratio = Samenspel / floor (lower is better for every figure here).',
        f'- Each N runs on a freshly started server. Join wave: phones arrive spread over {args.join_spread:g} s. '
        'Vote burst: every joined phone votes once at a random moment within 1 s. Latencies are p50 / p95 / max. '
        f'Deadline per scenario: {args.timeout:g} s ("—" means not reached).',
        '',
    ]
    number = 1
    for scenario in scenarios:
        out += scenario.sections(results, ns, args, number)
        number += scenario.numbered
    for scenario in scenarios:
        out += scenario.closing(results, ns)
    return '\n'.join(out) + '\n'


def write_report(path: Path, text: str) -> None:
    """Write the generated part; keep the before/after section (rows added by hand) if the file has one."""
    kept = ''
    if path.exists():
        old = path.read_text()
        if BEFORE_AFTER in old:
            kept = old[old.index(BEFORE_AFTER) :]
    if not kept:
        kept = (
            f'{BEFORE_AFTER}\n\n'
            'One row per optimisation, added by hand from two runs of `make bench` (this section is kept when the '
            'file is rewritten).\n\n'
            '| date | change | scenario | N | figure | before | after |\n'
            '| --- | --- | --- | ---: | --- | ---: | ---: |\n'
        )
    path.write_text(text + '\n' + kept)
