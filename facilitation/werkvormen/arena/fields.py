"""The arenagesprek's text fields (see werkvormen/fields.py)."""

from __future__ import annotations

from ..fields import TextField
from . import rules as ar

ROUND_2 = (ar.PlaceNewcomers('buiten'), ar.AssignRing('p1', 'binnen'), ar.StartRound(), ar.StartRound())

FIELDS = {
    'arena planned question': TextField(lambda text: ar.AddQuestion(text), before=ROUND_2),
    'arena typed question': TextField(lambda text: ar.AskQuestion(text=text), before=ROUND_2),
    'arena key point': TextField(lambda text: ar.RecordPoint('ervaring', text), before=ROUND_2),
    'arena question from the outer ring': TextField(
        lambda text: ar.SubmitQuestion(text, show_name=True), by='p2', before=ROUND_2
    ),
}
