"""The kennisquiz's text fields (see werkvormen/fields.py)."""

from __future__ import annotations

from typing import Any

from ..fields import TextField
from . import rules as qz

OPINION = {'cards': [{'kind': 'opvatting', 'question': 'V'}]}


def speaker(state: Any) -> str:
    """The member of the group whose turn it is (it claimed to be the spokesperson)."""
    return next(pid for pid, group in state.members.items() if group == 'g1')


ASKED = (qz.DivideGroups(2), qz.StartQuiz(), qz.AskCard(), (speaker, qz.ClaimSpokesperson('c1')))

FIELDS = {  # a card added while the quiz is played, so that it can be asked next
    'quiz question': TextField(lambda text: qz.AddCard('opvatting', text), config=OPINION, before=ASKED, required=True),
    'quiz answer': TextField(lambda text: qz.AddCard('feit', 'Vraag', answer=text), config=OPINION, before=ASKED),
    'quiz option': TextField(
        lambda text: qz.AddCard('feit', 'Vraag', options=(text, 'b'), correct=1), config=OPINION, before=ASKED
    ),
    'quiz note': TextField(lambda text: qz.AddCard('opvatting', 'Vraag', note=text), config=OPINION, before=ASKED),
    'quiz group name': TextField(lambda text: qz.RenameGroup('g1', text), config=OPINION, before=ASKED),
    'quiz answer on the phone': TextField(
        lambda text: qz.SubmitAnswer('c1', text=text), by=speaker, config=OPINION, before=ASKED
    ),
    'quiz answer given aloud': TextField(lambda text: qz.SubmitAnswer('', text=text), config=OPINION, before=ASKED),
}
