"""The lagerhuis's text fields (see werkvormen/fields.py)."""

from __future__ import annotations

from typing import Any

from ..fields import TextField
from . import rules as lh

DEBATE = {'statement': 'Stelling'}


def speaker(state: Any) -> str:
    """The first member of a side: the one given the floor."""
    return str(next(iter(state.members)))


FLOOR = (
    lh.DivideSides(),
    lh.StartDebate(),
    (speaker, lh.RequestFloor()),
    lh.GiveFloor(),
    (speaker, lh.SubmitArgument('Eerste argument')),
)

FIELDS = {
    'lagerhuis statement': TextField(lambda text: lh.SetStatement(text), config=DEBATE, before=(lh.DivideSides(),)),
    'lagerhuis argument recorded': TextField(lambda text: lh.RecordArgument('voor', text), config=DEBATE, before=FLOOR),
    'lagerhuis argument on the phone': TextField(
        lambda text: lh.SubmitArgument(text), by=speaker, config=DEBATE, before=FLOOR
    ),
    'lagerhuis strike reason': TextField(lambda text: lh.StrikeArgument('a1', text), config=DEBATE, before=FLOOR),
    'lagerhuis conclusions': TextField(
        lambda text: lh.SaveConclusions(text), config=DEBATE, before=(*FLOOR, lh.EndDebate())
    ),
    'lagerhuis name of someone standing up without a phone': TextField(
        lambda text: lh.QueueInRoom('tegen', text), config=DEBATE, before=FLOOR
    ),
}
