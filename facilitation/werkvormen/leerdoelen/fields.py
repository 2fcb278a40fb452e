"""The text the individual instruments accept from people (see werkvormen/fields.py): a person's own learning goal
(both) and the matrix's own topic."""

from __future__ import annotations

from ..fields import TextField
from . import rules as ld

ONE_FORM = {
    'forms': [{'id': 'f', 'title': 'Leerdoelwijzer', 'sections': [{'title': 'Risico-inschatting', 'items': ['Ik']}]}],
    'scale': ['Altijd', 'Vaak', 'Soms', 'Nooit'],
    'need': [2, 3],
}

FIELDS = {
    'learning goal': TextField(lambda text: ld.SetGoal(text), by='p1', config=ONE_FORM),
    'own topic': TextField(
        lambda text: ld.SetOwnTopic(text, 0), by='p1', config={**ONE_FORM, 'own_topic': 'Eigen onderwerp'}
    ),
}
