"""The dilemmamethodiek's text fields (see werkvormen/fields.py)."""

from __future__ import annotations

from ..fields import TextField
from . import rules as dm


def at(step: str) -> tuple[object, ...]:
    """The dilemma with two named sides, at this step."""
    return dm.Formulate(kant_a='Doorgaan', kant_b='Stoppen'), dm.GoToStep(step)


FIELDS = {
    'dilemma from a phone': TextField(
        lambda text: dm.SubmitDilemma(text, 'grenzen', show_name=True), by='p1', before=at('inventariseren')
    ),
    'dilemma typed by the facilitator': TextField(lambda text: dm.AddDilemma(text, 'gir'), before=at('inventariseren')),
    'dilemma formulation': TextField(lambda text: dm.Formulate(text, text, text, text, text), before=at('formuleren')),
    'intuitive judgement': TextField(lambda text: dm.Judge('a', text), by='p1', before=at('formuleren')),
    'table entry from a phone': TextField(lambda text: dm.AddEntry('waarden', text), by='p1', before=at('waarden')),
    'table entry from the console': TextField(lambda text: dm.AddEntry('normen', text), before=at('waarden')),
    'deliberation': TextField(lambda text: dm.Deliberate('juist', text), before=at('afweging')),
    'agreement': TextField(
        lambda text: dm.AddAgreement('werkafspraak', text, text, basis=text), before=at('afspraken')
    ),
    'evaluation': TextField(lambda text: dm.Evaluate(3, text), by='p1', before=at('terugblik')),
}
