"""Trendanalyse's text fields: the afdeling, chosen or named with a figure (an organisation's own name)."""

from __future__ import annotations

from ...incidents.analysis import COUNT, Table
from ..fields import TextField
from .commands import ChooseAfdeling, ShowFigure

_NOTHING = Table('soort', (), (COUNT,), (), (0,), 0, 5).to_data()  # a figure of no incidents, as a console shows one

FIELDS: dict[str, TextField] = {
    'afdeling': TextField(ChooseAfdeling),
    'afdeling of a figure': TextField(lambda text: ShowFigure(_NOTHING, text)),
}
