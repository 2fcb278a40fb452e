"""The charts' floor: a bare NiceGUI page drawing the same figures as Samenspel's /incidenten, made once at start.

The page /incidenten has one `ui.plotly` per figure of the trend analysis (the same plotly figures, the same heights)
and nothing else: no access check, no reading or analysis per visit, no frame, tables or filters. What a browser
takes to draw it is the least NiceGUI and plotly need for those charts; Samenspel's page is measured against it.

    python -m bench.plot_floor --port 8082 [--registrations 200000] [--seed 7]
"""

from __future__ import annotations

import argparse

from nicegui import ui

from facilitation.incidents import analysis as an
from facilitation.incidents import charts

from .trend_charts import registrations


def figures(n: int, seed: int) -> list[tuple[dict[str, object], int]]:
    """The page's figures for the last twelve months of `n` seeded registrations, each with its height in px."""
    regs = registrations(n, seed)
    drawn = []
    for key, table in an.analyse(regs, an.last_twelve_months(regs)).items():
        if not table.empty:
            rows = len(table.rows) * len(table.columns)
            drawn.append((charts.figure(table, 'nl'), 420 if key in an.GRAINS else max(220, 60 + 44 * rows)))
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(prog='python -m bench.plot_floor', description=__doc__.splitlines()[0])
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=8082)
    parser.add_argument('--registrations', type=int, default=200_000)
    parser.add_argument('--seed', type=int, default=7)
    args = parser.parse_args()
    drawn = figures(args.registrations, args.seed)

    @ui.page('/incidenten')
    def page() -> None:
        for figure, height in drawn:
            ui.plotly(figure).classes('w-full').style(f'height: {height}px')

    @ui.page('/join')
    def join() -> None:  # what bench/server.py asks for to know the server is up
        ui.label('floor')

    ui.run(host=args.host, port=args.port, reload=False, show=False)


if __name__ in {'__main__', '__mp_main__'}:
    main()
