"""A plotly chart on the projector that fits every screen at once, with its text as large on the wall.

Plotly draws in px and redraws 100 ms after a resize. So the projector's chart is drawn once at its size on a
1920x1080 screen and scaled with the screen by CSS: at 1024x768 it fits at once, no redraw and no scrollbar."""

from __future__ import annotations

from typing import Any

from nicegui import ui

DESIGN_U = 10.8  # px in 1u at 1920x1080 (the projector's unit --u is 1vh or 0.5625vw, whichever is smaller)

_FIT_CSS = f"""
.projector-fit {{ transform-origin: 0 0; transform: scale({5.76 / DESIGN_U:.4f}); }}
@supports (scale: calc(2px / 1px)) {{
  .projector-fit {{ transform: scale(calc(min(1vh, 0.5625vw) / {DESIGN_U}px)); }}
}}
"""


def fitted_chart(figure: dict[str, Any], *, width: float, height: float) -> ui.plotly:
    """`figure` in a box `width` × `height` u: drawn at that size at 1920x1080 and scaled to the screen (a browser
    without CSS typed arithmetic shows it at the 1024x768 size)."""
    px_wide, px_high = round(width * DESIGN_U), round(height * DESIGN_U)
    figure['layout'].update(width=px_wide, height=px_high, autosize=False)
    figure['config']['responsive'] = False
    storage = ui.context.client.storage
    if not storage.get('projector-fit-css'):  # once per page, however often the chart changes
        ui.add_css(_FIT_CSS)
        storage['projector-fit-css'] = True
    with ui.element('div').style(f'width: calc({width:.2f} * var(--u)); height: calc({height:.2f} * var(--u))'):
        return ui.plotly(figure).classes('projector-fit').style(f'width: {px_wide}px; height: {px_high}px')
