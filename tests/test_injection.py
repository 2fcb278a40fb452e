"""Hostile text into every text field: refused with a clear reason, or kept as plain text; never anything else."""

from __future__ import annotations

import pytest

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.live import Rooms
from facilitation.store import Store
from facilitation.teams import Teams
from facilitation.werkvormen.arena import rules as ar
from facilitation.werkvormen.base import DomainError, EmptyText, TextTooLong
from facilitation.werkvormen.dilemma import rules as dm
from facilitation.werkvormen.lagerhuis import rules as lh
from facilitation.werkvormen.quiz import rules as qz
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, participant
from .hostile import HOSTILE, LONG

FIELDS = {
    'session name': lambda text: se.CreateSession(text, '', 'ABCDE'),
    'activity title': lambda text: se.AddActivity('statements', text),
    'statement': lambda text: se.ForActivity('a1', st.AddStatement(text)),
    'statement note': lambda text: se.ForActivity('a1', st.AddStatement('Stelling', note=text)),
    'discussion': lambda text: se.ForActivity('a1', st.SaveDiscussion('s1', text, text, text)),
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


@pytest.mark.parametrize('field', ['session name', 'activity title', 'statement'])
def test_empty_text_is_refused(store: Store, field: str) -> None:
    with pytest.raises(EmptyText):
        play(store, field, ' \t\u202e ')


def test_refusals_are_domain_errors_with_a_message_key() -> None:
    for error in (TextTooLong(max=1), EmptyText(field='x')):
        assert isinstance(error, DomainError) and error.key.startswith('error.')


QUIZ_FIELDS = {
    'quiz question': lambda text: qz.AddCard('opvatting', text),
    'quiz answer': lambda text: qz.AddCard('feit', 'Vraag', answer=text),
    'quiz option': lambda text: qz.AddCard('feit', 'Vraag', options=(text, 'b'), correct=1),
    'quiz note': lambda text: qz.AddCard('opvatting', 'Vraag', note=text),
    'quiz group name': lambda text: qz.RenameGroup('g1', text),
    'quiz answer on the phone': lambda text: qz.SubmitAnswer('c1', text=text),
    'quiz answer given aloud': lambda text: qz.SubmitAnswer('', text=text),
}


def play_quiz(store: Store, field: str, text: str) -> None:
    """A quiz with two groups of one, an opinion card asked to group 1, whose member is its spokesperson."""
    room, _ = Rooms(store).create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity('quiz', 'Q', {'cards': [{'kind': 'opvatting', 'question': 'V'}]}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    for pid in ('p1', 'p2'):
        room.execute(participant(pid), se.Join())
    for command in (qz.DivideGroups(2), qz.StartQuiz(), qz.AskCard()):
        room.execute(FACILITATOR, se.ForActivity('a1', command))
    speaker = next(pid for pid, group in room.state.activities['a1'].state.members.items() if group == 'g1')
    room.execute(participant(speaker), se.ForActivity('a1', qz.ClaimSpokesperson('c1')))
    actor = participant(speaker) if field == 'quiz answer on the phone' else FACILITATOR
    room.execute(actor, se.ForActivity('a1', QUIZ_FIELDS[field](text)))


LAGERHUIS_FIELDS = {
    'lagerhuis statement': lambda text: lh.SetStatement(text),
    'lagerhuis argument recorded': lambda text: lh.RecordArgument('voor', text),
    'lagerhuis argument on the phone': lambda text: lh.SubmitArgument(text),
    'lagerhuis strike reason': lambda text: lh.StrikeArgument('a1', text),
    'lagerhuis conclusions': lambda text: lh.SaveConclusions(text),
    'lagerhuis name of someone standing up without a phone': lambda text: lh.QueueInRoom('tegen', text),
}


def play_lagerhuis(store: Store, field: str, text: str) -> None:
    """A debate with two sides of one; the first person has the floor and brought in argument a1."""
    room, _ = Rooms(store).create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity('lagerhuis', 'L', {'statement': 'Stelling'}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    for pid in ('p1', 'p2'):
        room.execute(participant(pid), se.Join())
    state = room.state.activities['a1'].state
    room.execute(FACILITATOR, se.ForActivity('a1', lh.DivideSides()))
    if field == 'lagerhuis statement':
        room.execute(FACILITATOR, se.ForActivity('a1', LAGERHUIS_FIELDS[field](text)))
        return
    room.execute(FACILITATOR, se.ForActivity('a1', lh.StartDebate()))
    speaker = next(iter(state.members))
    room.execute(participant(speaker), se.ForActivity('a1', lh.RequestFloor()))
    room.execute(FACILITATOR, se.ForActivity('a1', lh.GiveFloor()))
    room.execute(participant(speaker), se.ForActivity('a1', lh.SubmitArgument('Eerste argument')))
    if field == 'lagerhuis conclusions':
        room.execute(FACILITATOR, se.ForActivity('a1', lh.EndDebate()))
    actor = participant(speaker) if field == 'lagerhuis argument on the phone' else FACILITATOR
    room.execute(actor, se.ForActivity('a1', LAGERHUIS_FIELDS[field](text)))


ARENA_FIELDS = {
    'arena planned question': lambda text: ar.AddQuestion(text),
    'arena typed question': lambda text: ar.AskQuestion(text=text),
    'arena key point': lambda text: ar.RecordPoint('ervaring', text),
    'arena question from the outer ring': lambda text: ar.SubmitQuestion(text, show_name=True),
}


def play_arena(store: Store, field: str, text: str) -> None:
    """An arena with p1 inside and p2 outside, round 2 (the outer ring asks) running."""
    room, _ = Rooms(store).create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity('arena', 'A', {}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    for pid in ('p1', 'p2'):
        room.execute(participant(pid), se.Join())
    for command in (ar.PlaceNewcomers('buiten'), ar.AssignRing('p1', 'binnen'), ar.StartRound(), ar.StartRound()):
        room.execute(FACILITATOR, se.ForActivity('a1', command))
    actor = participant('p2') if field == 'arena question from the outer ring' else FACILITATOR
    room.execute(actor, se.ForActivity('a1', ARENA_FIELDS[field](text)))


DILEMMA_FIELDS = {  # field -> (sent from a phone, in which step, the command)
    'dilemma from a phone': (True, 'inventariseren', lambda text: dm.SubmitDilemma(text, 'grenzen', show_name=True)),
    'dilemma typed by the facilitator': (False, 'inventariseren', lambda text: dm.AddDilemma(text, 'gir')),
    'dilemma formulation': (False, 'formuleren', lambda text: dm.Formulate(text, text, text, text, text)),
    'intuitive judgement': (True, 'formuleren', lambda text: dm.Judge('a', text)),
    'table entry from a phone': (True, 'waarden', lambda text: dm.AddEntry('waarden', text)),
    'table entry from the console': (False, 'waarden', lambda text: dm.AddEntry('normen', text)),
    'deliberation': (False, 'afweging', lambda text: dm.Deliberate('juist', text)),
    'agreement': (False, 'afspraken', lambda text: dm.AddAgreement('werkafspraak', text, text, basis=text)),
    'evaluation': (True, 'terugblik', lambda text: dm.Evaluate(3, text)),
}


def play_dilemma(store: Store, field: str, text: str) -> None:
    """A dilemma with two named sides, at the step where the field is filled in."""
    room, _ = Rooms(store).create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity('dilemma', 'D', {}))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    room.execute(participant('p1'), se.Join())
    from_phone, step, command = DILEMMA_FIELDS[field]
    for setup in (dm.Formulate(kant_a='Doorgaan', kant_b='Stoppen'), dm.GoToStep(step)):
        room.execute(FACILITATOR, se.ForActivity('a1', setup))
    room.execute(participant('p1') if from_phone else FACILITATOR, se.ForActivity('a1', command(text)))


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


WERKVORMEN = {  # every werkvorm's text fields and how to reach them
    'kennisquiz': (QUIZ_FIELDS, play_quiz),
    'lagerhuis': (LAGERHUIS_FIELDS, play_lagerhuis),
    'arenagesprek': (ARENA_FIELDS, play_arena),
    'dilemmamethodiek': (DILEMMA_FIELDS, play_dilemma),
    'teamplan': (PLAN_FIELDS, play_plan),
}
CASES = [(werkvorm, field) for werkvorm, (fields, _) in WERKVORMEN.items() for field in fields]


def no_control_characters_stored(store: Store) -> None:
    for event in store.db.execute('SELECT data FROM events').fetchall():
        assert '\u202e' not in event[0] and '\x00' not in event[0] and '\x07' not in event[0]


@pytest.mark.parametrize(('werkvorm', 'field'), CASES)
@pytest.mark.parametrize('text', HOSTILE)
def test_hostile_text_in_every_werkvorm_field_is_kept_as_plain_text(
    store: Store, werkvorm: str, field: str, text: str
) -> None:
    try:
        WERKVORMEN[werkvorm][1](store, field, text)
    except TextTooLong as refused:
        assert len(text) > refused.params['max']
    no_control_characters_stored(store)


@pytest.mark.parametrize(('werkvorm', 'field'), CASES)
def test_over_long_text_in_every_werkvorm_field_is_refused_with_the_limit(
    store: Store, werkvorm: str, field: str
) -> None:
    with pytest.raises(TextTooLong) as refused:
        WERKVORMEN[werkvorm][1](store, field, LONG)
    assert refused.value.params['max'] < len(LONG)
