"""The stellingen's text fields (see werkvormen/fields.py)."""

from __future__ import annotations

from ..fields import TextField
from . import rules as st

ONE = {'statements': [{'text': 'Stelling'}]}

FIELDS = {
    'statement': TextField(lambda text: st.AddStatement(text), required=True),
    'statement note': TextField(lambda text: st.AddStatement('Stelling', note=text)),
    'discussion': TextField(lambda text: st.SaveDiscussion('s1', text, text, text), config=ONE),
}
