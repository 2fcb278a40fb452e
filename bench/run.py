"""The performance harness: Samenspel and the floor (bench/floor.py) under the same simulated phones.

    python -m bench.run --phones 50,200,1000        (make bench PHONES=50,200,1000)

This is the harness: the command line, the runs in order, BENCHMARKS.md. What is measured is in the scenarios, one
module per werkvorm of the registry (bench/scenarios/<kind>.py, see bench/scenarios/__init__.py), run and reported in
the registry's order: stellingen first, against Samenspel and the bare NiceGUI floor (bench/scenarios/statements.py,
sections 1 to 6 of the report), then each other werkvorm on Samenspel. Shared pieces: bench/common.py (figures,
waits on many phones, the server's log, a room with the demo session), bench/report.py (formatting, the report's
frame), bench/weight.py (the participant page's transfer size); the servers are started by bench/server.py.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import re
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path

from .common import Result
from .report import report, write_report
from .scenarios import find, n_list
from .server import ROOT

SCENARIOS, MISSING = find()
"""The werkvormen's scenarios in the registry's order, and the registered kinds without one."""


def machine() -> Result:
    meminfo = Path('/proc/meminfo').read_text()
    cpuinfo = Path('/proc/cpuinfo').read_text()
    total = re.search(r'MemTotal:\s+(\d+) kB', meminfo)
    model = re.search(r'model name\s*:\s*(.+)', cpuinfo)
    return {
        'date': datetime.datetime.now().astimezone().isoformat(timespec='minutes'),
        'cores': os.cpu_count(),
        'memory_gb': int(total.group(1)) / 1024 / 1024 if total else None,
        'cpu': model.group(1).strip() if model else platform.processor(),
        'kernel': platform.release(),
        'python': platform.python_version(),
        'nicegui': version('nicegui'),
        'python_socketio': version('python-socketio'),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog='python -m bench.run', description=__doc__.splitlines()[0])
    parser.add_argument('--phones', default='50,200,1000', help='comma-separated N (default: 50,200,1000)')
    parser.add_argument('--timeout', type=float, default=180.0, help='deadline per scenario in s (default: 180)')
    parser.add_argument('--join-spread', type=float, default=3.0, help='the join wave arrives within this many s')
    for scenario in SCENARIOS:
        scenario.add_arguments(parser)
    parser.add_argument('--output', type=Path, default=ROOT / 'BENCHMARKS.md', help='the report (BENCHMARKS.md)')
    parser.add_argument('--json', type=Path, help='also write the raw figures here')
    parser.add_argument('--keep', action='store_true', help="keep the servers' data folders and logs")
    return parser.parse_args(argv)


async def main_async(args: argparse.Namespace) -> Result:
    ns = n_list(args.phones)
    workdir = Path(tempfile.mkdtemp(prefix='samenspel-bench-'))
    print(f'bench: N = {ns}; servers and logs in {workdir}')
    for kind in MISSING:
        print(f'bench: the werkvorm {kind!r} has no scenario (bench/scenarios/{kind}.py): not measured')
    results: Result = {'machine': machine(), 'phones': ns}
    try:
        for scenario in SCENARIOS:
            await scenario.run(workdir, ns, args, results)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    write_report(args.output, report(results, ns, args, SCENARIOS))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    print(f'bench: written to {args.output}')
    return results


def main(argv: list[str] | None = None) -> None:
    asyncio.run(main_async(parse_args(argv)))


if __name__ == '__main__':
    main()
