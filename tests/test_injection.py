"""Hostile text into the session's and the team plan's text fields: refused with a clear reason, or kept as plain
text; never anything else. Every werkvorm's own fields are probed over the registry (tests/test_contract.py)."""

from __future__ import annotations

import pytest

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.live import Rooms
from facilitation.store import Store
from facilitation.teams import Teams
from facilitation.werkvormen.base import DomainError, EmptyText, TextTooLong

from .helpers import FACILITATOR, participant
from .hostile import HOSTILE, LONG

FIELDS = {
    'session name': lambda text: se.CreateSession(text, '', 'ABCDE'),
    'activity title': lambda text: se.AddActivity('statements', text),
    'participant name': lambda text: se.Rename(text),
}


def play(store: Store, field: str, text: str) -> se.SessionState:
    rooms = Rooms(store)
    room, _ = rooms.create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity('statements', 'S', {'statements': [{'text': 'A'}]}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    room.execute(participant('p1'), se.Join())
    command = FIELDS[field](text)
    actor = participant('p1') if field == 'participant name' else FACILITATOR
    if field == 'session name':
        rooms.create(text)
    else:
        room.execute(actor, command)
    return room.state


@pytest.mark.parametrize('field', list(FIELDS))
@pytest.mark.parametrize('text', HOSTILE)
def test_hostile_text_is_kept_as_plain_text(store: Store, field: str, text: str) -> None:
    try:
        play(store, field, text)  # accepted: stored as text (the views render text as text, see the browser test)
    except TextTooLong as refused:
        assert len(text) > refused.params['max']  # refused only for its length, with the limit to show
    for event in store.db.execute('SELECT data FROM events').fetchall():
        assert '\u202e' not in event[0] and '\x00' not in event[0] and '\x07' not in event[0]


@pytest.mark.parametrize('field', list(FIELDS))
def test_over_long_text_is_refused_with_the_limit(store: Store, field: str) -> None:
    with pytest.raises(TextTooLong) as refused:
        play(store, field, LONG)
    assert refused.value.params['max'] < len(LONG)


@pytest.mark.parametrize('field', ['session name', 'activity title'])
def test_empty_text_is_refused(store: Store, field: str) -> None:
    with pytest.raises(EmptyText):
        play(store, field, ' \t\u202e ')


def test_refusals_are_domain_errors_with_a_message_key() -> None:
    for error in (TextTooLong(max=1), EmptyText(field='x')):
        assert isinstance(error, DomainError) and error.key.startswith('error.')


PLAN_FIELDS = {
    'team unit': lambda text: tp.SetTeam('Team Balie', unit=text, function_group=text),
    'plan item': lambda text: tp.AddItem(text, result=text, owner=text),
    'plan escalation': lambda text: tp.AddItem('Camera', kind='escalatie', influence=text, action=text, agreed=text),
    'plan item edited': lambda text: tp.EditItem('p1', what=text, result=text),
}


def play_plan(store: Store, field: str, text: str) -> None:
    plan = Teams(store).ensure('Team Balie')
    plan.execute(FACILITATOR, tp.AddItem('Alarmknop testen'))
    plan.execute(FACILITATOR, PLAN_FIELDS[field](text))


@pytest.mark.parametrize('text', HOSTILE)
def test_hostile_text_in_the_team_name_and_the_checklist_is_kept_as_plain_text(store: Store, text: str) -> None:
    room, _ = Rooms(store).create('Werkoverleg')
    for command in (se.ChangeTeam(text), se.SetChecklist((text, 'Werkafspraken geformuleerd'))):
        try:
            room.execute(FACILITATOR, command)
        except TextTooLong as refused:
            assert len(text) > refused.params['max']
    no_control_characters_stored(store)


def no_control_characters_stored(store: Store) -> None:
    for event in store.db.execute('SELECT data FROM events').fetchall():
        assert '\u202e' not in event[0] and '\x00' not in event[0] and '\x07' not in event[0]


@pytest.mark.parametrize('field', list(PLAN_FIELDS))
@pytest.mark.parametrize('text', HOSTILE)
def test_hostile_text_in_every_team_plan_field_is_kept_as_plain_text(store: Store, field: str, text: str) -> None:
    try:
        play_plan(store, field, text)
    except TextTooLong as refused:
        assert len(text) > refused.params['max']
    no_control_characters_stored(store)


@pytest.mark.parametrize('field', list(PLAN_FIELDS))
def test_over_long_text_in_every_team_plan_field_is_refused_with_the_limit(store: Store, field: str) -> None:
    with pytest.raises(TextTooLong) as refused:
        play_plan(store, field, LONG)
    assert refused.value.params['max'] < len(LONG)
