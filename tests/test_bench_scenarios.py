"""The bench measures every registered werkvorm: each kind in the registry has its scenario module in
bench/scenarios/ (fails naming the one without), and the report's sections follow the registry's order."""

from __future__ import annotations

import re

from bench.run import main_async, parse_args
from bench.scenarios import find
from facilitation.werkvormen.registry import WERKVORMEN

NOT_MEASURED = {'teamplan', 'ontwikkelmatrix'}  # each module says why (phones send nothing; one engine)


def test_every_registered_werkvorm_has_a_bench_scenario() -> None:
    scenarios, missing = find()
    assert missing == [], f'registered werkvormen without a bench scenario (add bench/scenarios/<kind>.py): {missing}'
    assert [s.kind for s in scenarios] == [kind for kind in WERKVORMEN if kind not in NOT_MEASURED]


def test_a_werkvorm_without_a_module_is_named() -> None:
    scenarios, missing = find([*WERKVORMEN, 'rollenspel'])
    assert missing == ['rollenspel']
    assert len(scenarios) == len(WERKVORMEN) - len(NOT_MEASURED)


def test_every_werkvorm_scenario_has_its_option() -> None:
    args = parse_args(['--quiz-phones', '', '--lagerhuis-phones', '3', '--arena-phones', '4,5', '--dilemma-phones', ''])
    assert (args.quiz_phones, args.lagerhuis_phones, args.arena_phones, args.dilemma_phones) == ('', '3', '4,5', '')


async def test_a_run_of_nothing_writes_every_section_in_the_registrys_order(tmp_path, capsys) -> None:
    """With every N list empty nothing is started; the report still has each scenario's section, numbered on."""
    output = tmp_path / 'BENCHMARKS.md'
    nothing = ['--phones', '', '--skip-restart', '--crash-phones', '0', '--registrations', '0', '--output', str(output)]
    kinds = ('quiz', 'lagerhuis', 'arena', 'dilemma', 'leerdoelwijzer', 'incident')
    nothing += [option for kind in kinds for option in (f'--{kind}-phones', '')]
    await main_async(parse_args(nothing))
    report = output.read_text()
    assert re.findall(r'^## (.+)$', report, re.M) == [
        'Machine and versions',
        'How it is measured',
        '1. Join wave',
        '2. Vote burst',
        '3. Phase change',
        '4. Steady state',
        '5. Restart',
        '6. Crash during a vote burst',
        '7. Kennisquiz',
        '8. Lagerhuis',
        '9. Arenagesprek',
        '10. Dilemmamethodiek',
        '11. Leerdoelwijzer',
        '12. Incidentevaluatie',
        '13. Incidenten importeren',
        '14. Trendanalyse',
        'Participant page transfer',
        'Before/after',
    ]
    assert 'Not run (`--registrations 0`).' in report
    assert 'Not run (`--quiz-phones ""`).' in report and 'Not run (`--crash-phones 0`).' in report
    assert capsys.readouterr().out.splitlines()[-1] == f'bench: written to {output}'
