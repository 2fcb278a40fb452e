"""Teamplan rules (seed: "Borg de leer- en ontwikkelaanpak"): items with a result, term and owner, escalations with
whom to involve, status moves, carrying over what did not succeed, due items, promotion of werkvorm outcomes and a
lossless JSON round trip."""

from __future__ import annotations

import importlib
import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation import teamplan as tp
from facilitation.werkvormen.base import (
    Actor,
    Context,
    DomainError,
    EmptyText,
    Event,
    InvalidText,
    NotAllowed,
    Role,
    TextTooLong,
    UnknownItem,
)
from facilitation.werkvormen.registry import WERKVORMEN

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
TODAY = date(2025, 3, 10)


class Plan:
    def __init__(self) -> None:
        self.state = tp.State()

    def run(self, command: object, actor: Actor = FACILITATOR) -> list[Event]:
        events = tp.decide(self.state, command, Context(actor, 1000.0))  # type: ignore[arg-type]
        for event in events:
            tp.evolve(self.state, event)
        return events

    def add(self, what: str = 'Elke maand een casus bespreken', **fields: object) -> str:
        (event,) = self.run(tp.AddItem(what, **fields))  # type: ignore[arg-type]
        return str(event.data['item'])


def test_team_name_unit_and_function_group() -> None:
    plan = Plan()
    (event,) = plan.run(tp.SetTeam('  Team Burgerzaken ', 'Publiekszaken', 'Baliemedewerkers'))
    assert event.type == 'plan.team'
    assert plan.state.team == tp.Team('Team Burgerzaken', 'Publiekszaken', 'Baliemedewerkers')
    assert plan.run(tp.SetTeam('Team Burgerzaken', 'Publiekszaken', 'Baliemedewerkers')) == []  # nothing changed
    with pytest.raises(EmptyText):
        plan.run(tp.SetTeam('   '))


def test_an_item_has_what_result_term_owner_and_starts_planned() -> None:
    plan = Plan()
    item_id = plan.add(
        'Teamprotocol agressie evalueren',
        kind='teamleerdoel',
        result='Iedereen kent het protocol',
        term='2025-06-30',
        owner='Fatima',
    )
    item = plan.state.items[item_id]
    assert (item.id, item.kind, item.what, item.result, item.term, item.owner, item.status) == (
        'p1',
        tp.Kind.TEAMLEERDOEL,
        'Teamprotocol agressie evalueren',
        'Iedereen kent het protocol',
        '2025-06-30',
        'Fatima',
        tp.Status.GEPLAND,
    )
    assert plan.add() == 'p2'


@pytest.mark.parametrize(
    ('fields', 'error'),
    [
        ({'what': ''}, EmptyText),
        ({'what': ' \n\t '}, EmptyText),
        ({'what': 'x' * 301}, TextTooLong),
        ({'what': 42}, InvalidText),
        ({'result': 'x' * 501}, TextTooLong),
        ({'owner': 'x' * 121}, TextTooLong),
        ({'term': '30-06-2025'}, tp.InvalidDate),
        ({'term': '2025-02-30'}, tp.InvalidDate),
        ({'term': '20250630'}, tp.InvalidDate),
        ({'term': '2025-6-3'}, tp.InvalidDate),
        ({'term': 20250630}, tp.InvalidDate),
        ({'kind': 'wens'}, UnknownItem),
        ({'influence': 'Wethouder'}, tp.NotAnEscalation),  # only an escalation has escalation fields
    ],
)
def test_add_refuses_bad_fields(fields: dict[str, object], error: type[DomainError]) -> None:
    plan = Plan()
    with pytest.raises(error):
        plan.run(tp.AddItem(**{'what': 'Iets', **fields}))  # type: ignore[arg-type]
    assert plan.state.items == {}


def test_text_is_cleaned_and_the_limit_is_inclusive() -> None:
    plan = Plan()
    item_id = plan.add('x' * 300, result='regel 1\nregel 2', term=' 2025-06-30 ')
    item = plan.state.items[item_id]
    assert (len(item.what), item.result, item.term) == (300, 'regel 1\nregel 2', '2025-06-30')
    assert plan.state.items[plan.add('a\u202eb\nc')].what == 'ab c'  # bidi override gone, one line


@pytest.mark.parametrize('role', [Role.PARTICIPANT, Role.PROJECTOR])
def test_only_the_facilitator_changes_the_plan(role: Role) -> None:
    plan = Plan()
    item_id = plan.add()
    other = Actor(role, 'someone')
    for command in (
        tp.SetTeam('Team'),
        tp.AddItem('Iets'),
        tp.EditItem(item_id, what='Anders'),
        tp.SetStatus(item_id, 'bezig'),
        tp.RemoveItem(item_id),
        tp.CarryOver(item_id, '2025-12-01'),
        tp.ImportPlan(tp.plan_json(tp.State())),
        tp.RecordMeasurement('leerdoelwijzer', 'QX7K2M', 'a1', '2025-03-10', {'Grenzen': 0.5}, {}),
    ):
        with pytest.raises(NotAllowed):
            plan.run(command, other)
    assert set(tp.ROLES) == {
        tp.SetTeam,
        tp.AddItem,
        tp.EditItem,
        tp.SetStatus,
        tp.RemoveItem,
        tp.CarryOver,
        tp.ImportPlan,
        tp.RecordMeasurement,
    }
    assert all(roles == {Role.FACILITATOR} for roles in tp.ROLES.values())


def test_unknown_items_are_refused() -> None:
    plan = Plan()
    for command in (
        tp.EditItem('p9', what='x'),
        tp.SetStatus('p9', 'bezig'),
        tp.RemoveItem('p9'),
        tp.CarryOver('p9', '2025-12-01'),
    ):
        with pytest.raises(UnknownItem):
            plan.run(command)
    item_id = plan.add()
    with pytest.raises(UnknownItem):
        plan.run(tp.SetStatus(item_id, 'klaar'))


def test_edit_changes_only_the_given_fields() -> None:
    plan = Plan()
    item_id = plan.add('Casus bespreken', owner='Jan', term='2025-04-01')
    (event,) = plan.run(tp.EditItem(item_id, owner='Sanne', term=''))
    assert event.data['changes'] == {'owner': 'Sanne', 'term': ''}
    item = plan.state.items[item_id]
    assert (item.what, item.owner, item.term) == ('Casus bespreken', 'Sanne', '')
    assert plan.run(tp.EditItem(item_id, what='Casus bespreken')) == []  # nothing changed
    with pytest.raises(EmptyText):
        plan.run(tp.EditItem(item_id, what=''))
    with pytest.raises(tp.InvalidDate):
        plan.run(tp.EditItem(item_id, term='morgen'))


def test_escalation_fields_belong_to_escalations() -> None:
    plan = Plan()
    item_id = plan.add(
        'Beveiliging bij de balie na 17 uur',
        kind='escalatie',
        influence='Afdelingshoofd Facilitair',
        action='Mail gestuurd en agenda-verzoek',
        agreed='Voorstel in MT van mei',
        follow_up='2025-05-20',
    )
    item = plan.state.items[item_id]
    assert (item.influence, item.action, item.agreed, item.follow_up) == (
        'Afdelingshoofd Facilitair',
        'Mail gestuurd en agenda-verzoek',
        'Voorstel in MT van mei',
        '2025-05-20',
    )
    with pytest.raises(tp.InvalidDate):
        plan.run(tp.EditItem(item_id, follow_up='20 mei'))
    other = plan.add('Werkafspraak')
    with pytest.raises(tp.NotAnEscalation):
        plan.run(tp.EditItem(other, agreed='iets'))
    plan.run(tp.EditItem(other, kind='escalatie', agreed='iets'))  # becoming an escalation in the same edit is fine
    (event,) = plan.run(tp.EditItem(item_id, kind='beleidspunt'))  # no longer an escalation: its fields go
    assert event.data['changes'] == {
        'kind': 'beleidspunt',
        'influence': '',
        'action': '',
        'agreed': '',
        'follow_up': '',
    }
    assert plan.state.items[item_id].influence == ''


@pytest.mark.parametrize(
    ('path', 'allowed'),
    [
        (['bezig', 'gelukt'], True),
        (['bezig', 'gepland'], True),
        (['niet_gelukt'], True),
        (['vervallen', 'gepland', 'bezig'], True),  # reopened
        (['gelukt', 'gepland'], True),
        (['gelukt', 'niet_gelukt'], False),  # an ended item is reopened first
        (['vervallen', 'bezig'], False),
        (['niet_gelukt', 'gelukt'], False),
    ],
)
def test_status_transitions(path: list[str], allowed: bool) -> None:
    plan = Plan()
    item_id = plan.add()
    *before, last = path
    for status in before:
        plan.run(tp.SetStatus(item_id, status))
    if allowed:
        plan.run(tp.SetStatus(item_id, last))
        assert plan.state.items[item_id].status == last
    else:
        with pytest.raises(tp.InvalidTransition):
            plan.run(tp.SetStatus(item_id, last))
        assert plan.state.items[item_id].status == before[-1]


def test_setting_the_same_status_changes_nothing() -> None:
    plan = Plan()
    item_id = plan.add()
    assert plan.run(tp.SetStatus(item_id, 'gepland')) == []


def test_every_ended_status_can_only_be_reopened() -> None:
    for ended in tp.FINAL:
        assert tp.TRANSITIONS[ended] == {tp.Status.GEPLAND}
    assert set(tp.TRANSITIONS) == set(tp.Status)


def test_remove() -> None:
    plan = Plan()
    first, second = plan.add('een'), plan.add('twee')
    (event,) = plan.run(tp.RemoveItem(first))
    assert event.type == 'plan.item.removed'
    assert list(plan.state.items) == [second]
    assert plan.add('drie') == 'p3'  # ids are never reused


def test_carry_over_makes_a_new_planned_item_and_the_old_one_moves_on() -> None:
    plan = Plan()
    old = plan.add(
        'Oefenen met de-escalatie',
        kind='teamleerdoel',
        result='Iedereen heeft geoefend',
        owner='Jan',
        term='2025-03-01',
        origin=tp.Origin(session_name='Werkoverleg maart', werkvorm='arena'),
    )
    plan.run(tp.SetStatus(old, 'niet_gelukt'))
    (event,) = plan.run(tp.CarryOver(old, '2025-09-01'))
    assert event.type == 'plan.item.carried'
    new = plan.state.items[str(event.data['item'])]
    assert (new.status, new.term, new.carried_from) == (tp.Status.GEPLAND, '2025-09-01', old)
    assert (new.what, new.kind, new.result, new.owner) == (
        'Oefenen met de-escalatie',
        tp.Kind.TEAMLEERDOEL,
        'Iedereen heeft geoefend',
        'Jan',
    )
    assert new.origin.session_name == 'Werkoverleg maart'
    assert plan.state.items[old].status is tp.Status.DOORGESCHOVEN  # only the new one is open
    assert tp.successor(plan.state, old) == new.id
    with pytest.raises(tp.NotCarriable):
        plan.run(tp.CarryOver(old, '2025-12-01'))  # once


@pytest.mark.parametrize('before', ['gepland', 'bezig', 'niet_gelukt'])
def test_a_carried_item_is_doorgeschoven_and_stays_so_while_its_successor_exists(before: str) -> None:
    plan = Plan()
    old = plan.add('Oefenen', term='2025-03-01', kind='escalatie', influence='Facilitair')
    plan.run(tp.SetStatus(old, before))
    (event,) = plan.run(tp.CarryOver(old, '2025-03-15'))
    new = str(event.data['item'])
    item = plan.state.items[old]
    assert item.status is tp.Status.DOORGESCHOVEN and item.status in tp.FINAL
    assert not tp.is_overdue(item, TODAY)
    assert [i.id for i in tp.due(plan.state, TODAY)] == [new]  # one matter, once
    assert [i.id for i in tp.waiting_on_others(plan.state)] == [new]
    assert tp.next_statuses(plan.state, item) == frozenset()
    for status in ('gepland', 'bezig', 'gelukt'):
        with pytest.raises(tp.MovedOn) as refused:
            plan.run(tp.SetStatus(old, status))
        assert refused.value.params == {'item': old, 'successor': new}
    assert plan.state.items[old].status is tp.Status.DOORGESCHOVEN  # a refusal changes nothing
    plan.run(tp.RemoveItem(new))  # the successor was a mistake: the old one may be reopened
    assert tp.next_statuses(plan.state, item) == {tp.Status.GEPLAND}
    plan.run(tp.SetStatus(old, 'gepland'))
    assert plan.state.items[old].status is tp.Status.GEPLAND


def test_no_status_is_set_to_doorgeschoven_by_hand() -> None:
    plan = Plan()
    item_id = plan.add()
    with pytest.raises(tp.InvalidTransition):
        plan.run(tp.SetStatus(item_id, 'doorgeschoven'))
    assert all(tp.Status.DOORGESCHOVEN not in targets for targets in tp.TRANSITIONS.values())


def test_a_file_from_before_doorgeschoven_shows_the_carried_item_moved_on() -> None:
    items = [
        {'id': 'p1', 'what': 'Oefenen', 'status': 'niet_gelukt'},
        {'id': 'p2', 'what': 'Oefenen', 'carried_from': 'p1'},
        {'id': 'p3', 'what': 'Klaar', 'status': 'gelukt'},
        {'id': 'p4', 'what': 'Klaar', 'carried_from': 'p3'},  # an ended item keeps its ending
    ]
    state = tp.plan_from_json(json.dumps({'version': 1, 'counter': 4, 'items': items}))
    assert [i.status for i in state.items.values()] == [
        tp.Status.DOORGESCHOVEN,
        tp.Status.GEPLAND,
        tp.Status.GELUKT,
        tp.Status.GEPLAND,
    ]


def test_carry_over_refusals() -> None:
    plan = Plan()
    done, dropped, open_ = plan.add('a'), plan.add('b'), plan.add('c')
    plan.run(tp.SetStatus(done, 'gelukt'))
    plan.run(tp.SetStatus(dropped, 'vervallen'))
    for item_id in (done, dropped):
        with pytest.raises(tp.NotCarriable):
            plan.run(tp.CarryOver(item_id, '2025-12-01'))
    with pytest.raises(EmptyText):
        plan.run(tp.CarryOver(open_, ''))
    with pytest.raises(tp.InvalidDate):
        plan.run(tp.CarryOver(open_, '2025-13-01'))
    plan.run(tp.CarryOver(open_, '2025-12-01'))  # still open: it can go into the next planning too


def test_carrying_an_escalation_keeps_its_fields() -> None:
    plan = Plan()
    old = plan.add('Camera bij de balie', kind='escalatie', influence='Facilitair', follow_up='2025-03-01')
    (event,) = plan.run(tp.CarryOver(old, '2025-06-01'))
    new = plan.state.items[str(event.data['item'])]
    assert (new.kind, new.influence, new.follow_up) == (tp.Kind.ESCALATIE, 'Facilitair', '2025-03-01')


def test_due_lists_open_items_due_soon_or_overdue_earliest_first() -> None:
    plan = Plan()
    overdue = plan.add('te laat', term='2025-03-01')
    soon = plan.add('binnenkort', term=(TODAY + timedelta(days=14)).isoformat())
    plan.add('later', term=(TODAY + timedelta(days=15)).isoformat())
    plan.add('geen termijn')
    finished = plan.add('klaar', term='2025-03-02')
    plan.run(tp.SetStatus(finished, 'gelukt'))
    busy = plan.add('bezig', term='2025-03-10')
    plan.run(tp.SetStatus(busy, 'bezig'))
    assert [i.id for i in tp.due(plan.state, TODAY)] == [overdue, busy, soon]
    assert [i.id for i in tp.due(plan.state, TODAY, within_days=0)] == [overdue, busy]
    assert tp.is_overdue(plan.state.items[overdue], TODAY) and not tp.is_overdue(plan.state.items[busy], TODAY)
    plan.run(tp.CarryOver(overdue, '2025-04-30'))  # its successor is the one to watch
    assert overdue not in [i.id for i in tp.due(plan.state, TODAY, within_days=60)]


def test_celebrate_and_waiting_on_others() -> None:
    plan = Plan()
    won = plan.add('Gelukt')
    plan.run(tp.SetStatus(won, 'gelukt'))
    late = plan.add('Later', kind='escalatie', follow_up='2025-06-01')
    early = plan.add('Eerder', kind='escalatie', follow_up='2025-04-01')
    undated = plan.add('Zonder datum', kind='escalatie')
    closed = plan.add('Afgehandeld', kind='escalatie')
    plan.run(tp.SetStatus(closed, 'gelukt'))
    assert [i.id for i in tp.celebrate(plan.state)] == [won, closed]
    assert [i.id for i in tp.waiting_on_others(plan.state)] == [early, late, undated]


def test_what_did_not_succeed_waits_in_the_review_until_it_is_carried_into_the_next_planning() -> None:
    plan = Plan()
    failed = plan.add('Niet gelukt', term='2025-03-01')
    plan.run(tp.SetStatus(failed, 'niet_gelukt'))
    dropped = plan.add('Vervallen', term='2025-03-02')
    plan.run(tp.SetStatus(dropped, 'vervallen'))
    assert [i.id for i in tp.not_succeeded(plan.state)] == [failed]
    assert failed in [i.id for i in tp.to_review(plan.state, TODAY)] and dropped not in [
        i.id for i in tp.to_review(plan.state, TODAY)
    ]
    plan.run(tp.CarryOver(failed, '2025-04-30'))  # into the next planning: its successor is reviewed instead
    (successor,) = (i.id for i in plan.state.items.values() if i.carried_from == failed)
    assert tp.not_succeeded(plan.state) == ()
    assert [i.id for i in tp.to_review(plan.state, TODAY)] == [successor]
    assert [i.id for i in tp.to_review(plan.state, TODAY, keep=failed)] == [failed, successor]  # on the screen


def test_the_review_goes_through_what_is_due_first_by_term_or_follow_up_date() -> None:
    plan = Plan()
    later = plan.add('later', term='2025-06-01')
    undated = plan.add('zonder datum')
    escalation = plan.add('escalatie', kind='escalatie', follow_up='2025-03-05')
    soon = plan.add('binnenkort', term='2025-03-20')
    won = plan.add('gelukt', term='2025-03-01')
    plan.run(tp.SetStatus(won, 'gelukt'))
    assert [i.id for i in tp.to_review(plan.state, TODAY)] == [escalation, soon, later, undated]
    assert [i.id for i in tp.to_review(plan.state, TODAY, keep=won)] == [won, escalation, soon, later, undated]


def test_an_escalations_follow_up_is_overdue_once_its_date_has_passed_while_it_is_open() -> None:
    plan = Plan()
    past = plan.add('Camera', kind='escalatie', influence='Facilitair', follow_up='2025-03-09')
    today = plan.add('Beveiliging', kind='escalatie', follow_up=TODAY.isoformat())
    undated = plan.add('Zonder datum', kind='escalatie')
    items = plan.state.items
    assert [tp.follow_up_overdue(items[i], TODAY) for i in (past, today, undated)] == [True, False, False]
    plan.run(tp.SetStatus(past, 'gelukt'))
    assert not tp.follow_up_overdue(items[past], TODAY)  # handled: nothing to follow up


def test_an_open_item_says_whether_it_still_lacks_a_result_or_a_term() -> None:
    plan = Plan()
    bare, no_term, concrete = (
        plan.add('a'),
        plan.add('b', result='Rust aan de balie'),
        plan.add('c', result='x', term='2025-06-01'),
    )
    items = plan.state.items
    assert [tp.missing(items[i]) for i in (bare, no_term, concrete)] == [('result', 'term'), ('term',), ()]
    plan.run(tp.SetStatus(bare, 'vervallen'))
    assert tp.missing(items[bare]) == ()  # an ended item lacks nothing any more
    plan.run(tp.EditItem(no_term, term='2025-09-01'))
    assert tp.missing(items[no_term]) == ()


def test_items_by_kind_in_the_order_of_the_kinds() -> None:
    plan = Plan()
    a = plan.add('a', kind='werkafspraak')
    b = plan.add('b', kind='kennishiaat')
    c = plan.add('c', kind='werkafspraak')
    grouped = tp.items_by_kind(plan.state)
    assert list(grouped) == list(tp.Kind)
    assert [i.id for i in grouped[tp.Kind.WERKAFSPRAAK]] == [a, c]
    assert [i.id for i in grouped[tp.Kind.KENNISHIAAT]] == [b]
    assert grouped[tp.Kind.ESCALATIE] == ()


# --- promotion -------------------------------------------------------------------------------------------------------


def plan_kinds(werkvorm: str) -> tuple[tp.Kind, ...]:
    """What an outcome of the werkvorm may become, the default first (its outcome module says)."""
    kinds: tuple[tp.Kind, ...] = importlib.import_module(WERKVORMEN[werkvorm].outcome).PLAN_KINDS
    return kinds


@pytest.mark.parametrize(
    ('source', 'kind', 'other'),
    [
        ('quiz', tp.Kind.KENNISHIAAT, tp.Kind.BELEIDSPUNT),
        ('statements', tp.Kind.WERKAFSPRAAK, tp.Kind.BELEIDSPUNT),
        ('lagerhuis', tp.Kind.WERKAFSPRAAK, tp.Kind.BELEIDSPUNT),
        ('arena', tp.Kind.TEAMLEERDOEL, tp.Kind.BELEIDSPUNT),
        ('dilemma', tp.Kind.WERKAFSPRAAK, tp.Kind.BELEIDSPUNT),
    ],
)
def test_promotion_from_each_werkvorm(source: str, kind: tp.Kind, other: tp.Kind) -> None:
    origin = tp.Origin(
        session_code='ABC123', session_name='Werkoverleg', werkvorm=source, activity='Ronde 1', source_ref='x1'
    )
    kinds = plan_kinds(source)
    command = tp.promote('  Wat doen we bij een dreigement?  ', kinds, owner='Sanne', origin=origin)
    assert (command.kind, command.what, command.owner) == (kind.value, 'Wat doen we bij een dreigement?', 'Sanne')
    assert command.origin == replace(origin, source_text='Wat doen we bij een dreigement?')
    assert tp.promote('x', kinds, kind=other.value).kind == other.value
    plan = Plan()
    item = plan.state.items[plan.add(**{k: getattr(command, k) for k in ('what', 'kind', 'owner', 'origin')})]
    assert (item.kind, item.origin.source_ref) == (kind, 'x1')


def test_promotion_refusals() -> None:
    quiz = plan_kinds('quiz')
    with pytest.raises(tp.NotPromotable):
        tp.promote('tekst', quiz, kind='werkafspraak')
    with pytest.raises(UnknownItem):
        tp.promote('tekst', quiz, kind='wens')
    with pytest.raises(EmptyText):
        tp.promote('   ', plan_kinds('arena'))


def test_a_long_outcome_is_shortened_at_a_word_and_kept_whole_in_the_origin() -> None:
    conclusion = ('We spreken af dat we elkaar aanspreken op gedrag. ' * 20).strip()
    command = tp.promote(conclusion, plan_kinds('lagerhuis'))
    assert len(command.what) <= tp.MAX_WHAT and command.what.endswith('…')
    assert conclusion.startswith(command.what[:-1] + ' ')  # cut between two words
    assert command.origin.source_text == conclusion
    Plan().run(command)  # the prefilled command is valid as it is


def test_a_dilemma_agreement_becomes_a_werkafspraak_with_its_owner() -> None:
    command = tp.promote('We bellen bij twijfel altijd een collega', plan_kinds('dilemma'), owner='Teamleider')
    assert (command.kind, command.owner) == ('werkafspraak', 'Teamleider')


# --- JSON ------------------------------------------------------------------------------------------------------------


def _full_plan() -> Plan:
    plan = Plan()
    plan.run(tp.SetTeam('Team Wijkzaken', 'Publiekszaken', 'Handhavers'))
    first = plan.add(
        'Casus bespreken',
        result='Meer begrip\nen rust',
        term='2025-04-01',
        owner='Ömer',
        origin=tp.Origin('ABC123', 'Werkoverleg', 'quiz', 'Kennisquiz', 'c3', 'Wat is een NOG?'),
    )
    plan.add(
        'Escalatie', kind='escalatie', influence='Wethouder', action='Brief', agreed='Overleg', follow_up='2025-05-01'
    )
    plan.run(tp.SetStatus(first, 'niet_gelukt'))
    plan.run(tp.CarryOver(first, '2025-10-01'))
    plan.run(tp.RemoveItem(plan.add('weg')))
    return plan


def test_json_round_trip_keeps_everything() -> None:
    plan = _full_plan()
    text = tp.plan_json(plan.state)
    assert json.loads(text)['version'] == tp.VERSION
    assert tp.plan_from_json(text) == plan.state
    assert tp.plan_from_json(text.encode()) == plan.state
    assert 'facilitator' not in text  # who made the plan is in the event log, not in the plan


@pytest.mark.parametrize(
    ('change', 'field', 'item'),
    [
        (lambda d: '{not json', 'json', '-'),
        (lambda d: [], 'plan', '-'),
        (lambda d: {**d, 'version': 2}, 'version', '-'),
        (lambda d: {**d, 'team': {'name': 5}}, 'name', '-'),
        (lambda d: {**d, 'team': {'colour': 'blauw'}}, 'colour', '-'),
        (lambda d: {**d, 'items': {}}, 'items', '-'),
        (lambda d: {**d, 'items': ['x']}, 'item', '1'),
        (lambda d: {**d, 'items': [{'what': 'x'}]}, 'id', '1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': ''}]}, 'what', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x', 'kind': 'wens'}]}, 'kind', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x', 'status': 'klaar'}]}, 'status', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x', 'term': '1-4-2025'}]}, 'term', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x', 'agreed': 'y'}]}, 'agreed', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x', 'origin': {'device': 'd'}}]}, 'device', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x', 'origin': {'werkvorm': 3}}]}, 'origin', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x', 'carried_from': 'oud'}]}, 'carried_from', 'p1'),
        (lambda d: {**d, 'items': [{'id': 'p1', 'what': 'x'}, {'id': 'p1', 'what': 'y'}]}, 'id', 'p1'),
        (lambda d: {**d, 'counter': 1}, 'counter', '-'),  # below the highest id
    ],
)
def test_malformed_json_names_the_field_and_item(change: object, field: str, item: str) -> None:
    data = json.loads(tp.plan_json(_full_plan().state))
    changed = change(data)  # type: ignore[operator]
    with pytest.raises(tp.InvalidPlan) as refused:
        tp.plan_from_json(changed if isinstance(changed, str) else json.dumps(changed))
    assert (refused.value.params['field'], refused.value.params['item']) == (field, item)


def test_minimal_json_fills_in_defaults() -> None:
    state = tp.plan_from_json('{"version": 1, "counter": 3, "items": [{"id": "p3", "what": "Oefenen"}]}')
    item = state.items['p3']
    assert (item.kind, item.status, item.term, state.team.name) == (tp.Kind.WERKAFSPRAAK, tp.Status.GEPLAND, '', '')


_TEXT = st.text(max_size=40)
_WHAT = st.text(min_size=1, max_size=40)
_DATE = st.one_of(st.just(''), st.dates().map(date.isoformat))
_ANY_DATE = st.one_of(_DATE, st.sampled_from(['2025-02-30', 'morgen']))
_IDS = st.sampled_from([f'p{n}' for n in range(1, 4)])
_KIND = st.sampled_from([k.value for k in tp.Kind])
_MAYBE = st.one_of(st.just(''), _TEXT)
_ORIGIN = st.builds(tp.Origin, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT)


@st.composite
def _add(draw: st.DrawFn) -> tp.AddItem:
    """Mostly valid: escalation fields (mostly) only on escalations."""
    kind = draw(_KIND)
    extra = _TEXT if kind == tp.Kind.ESCALATIE else st.just('')
    return tp.AddItem(
        draw(_WHAT),
        kind,
        draw(_MAYBE),
        draw(_DATE),
        draw(_MAYBE),
        draw(extra),
        draw(extra),
        draw(extra),
        draw(_DATE if kind == tp.Kind.ESCALATIE else st.just('')),
        draw(_ORIGIN),
    )


_COMMANDS = st.one_of(
    st.builds(tp.SetTeam, _WHAT, _TEXT, _TEXT),
    _add(),
    _add(),
    _add(),
    st.builds(
        tp.EditItem,
        _IDS,
        st.none() | _KIND,
        st.none() | _WHAT,
        st.none() | _TEXT,
        st.none() | _DATE,
        st.none() | _TEXT,
        st.none() | _TEXT,
        st.none(),
        st.none() | _TEXT,
        st.none() | _ANY_DATE,
    ),
    st.builds(tp.SetStatus, _IDS, st.sampled_from([s.value for s in tp.Status])),
    st.builds(tp.RemoveItem, _IDS),
    st.builds(tp.CarryOver, _IDS, _ANY_DATE),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_COMMANDS, min_size=6, max_size=30))
def test_json_round_trip_of_any_plan(commands: list[tp.Command]) -> None:
    plan = Plan()
    for command in commands:
        try:
            plan.run(command)
        except DomainError:
            continue  # a refused command changes nothing
    assert tp.plan_from_json(tp.plan_json(plan.state)) == plan.state
    escalation_fields = [
        getattr(i, f) for i in plan.state.items.values() if i.kind != 'escalatie' for f in tp.ESCALATION_FIELDS
    ]
    assert not any(escalation_fields)


# --- a learning goal's kind of offer (issue 19) ------------------------------------------------------------------


def test_a_learning_goal_has_a_kind_of_offer_and_no_other_kind_has_one() -> None:
    plan = Plan()
    goal = plan.add('Grenzen stellen aan de telefoon', kind='teamleerdoel', offer='vaardigheden')
    assert plan.state.items[goal].offer == 'vaardigheden'
    own = plan.add('Vroegsignalering', kind='individueel_leerdoel', offer='coaching')
    assert plan.state.items[own].offer == 'coaching'
    assert plan.state.items[plan.add('Zonder aanbod', kind='teamleerdoel')].offer == ''
    with pytest.raises(UnknownItem):
        plan.add('Onbekend aanbod', kind='teamleerdoel', offer='cursus')
    with pytest.raises(tp.NotALearningGoal):
        plan.add('Een afspraak', kind='werkafspraak', offer='kennis')
    assert tp.OFFERS == importlib.import_module('facilitation.werkvormen.leerdoelen.model').OFFER_KINDS


def test_editing_the_offer_and_a_kind_that_is_no_learning_goal_any_more_drops_it() -> None:
    plan = Plan()
    goal = plan.add('Grenzen stellen', kind='teamleerdoel', offer='kennis')
    plan.run(tp.EditItem(goal, offer='coaching'))
    assert plan.state.items[goal].offer == 'coaching'
    with pytest.raises(tp.NotALearningGoal):
        plan.run(tp.EditItem(goal, kind='werkafspraak', offer='kennis'))
    (event,) = plan.run(tp.EditItem(goal, kind='werkafspraak'))
    assert event.data['changes'] == {'kind': 'werkafspraak', 'offer': ''}
    assert plan.state.items[goal].offer == ''
    plan.run(tp.SetStatus(goal, 'niet_gelukt'))
    other = plan.add('Coaching', kind='teamleerdoel', offer='coaching')
    plan.run(tp.SetStatus(other, 'niet_gelukt'))
    (carried,) = plan.run(tp.CarryOver(other, '2027-01-01'))
    assert plan.state.items[carried.data['item']].offer == 'coaching'  # carried on with its offer


def test_an_older_log_without_offers_still_replays() -> None:
    state = tp.State()
    data = {
        'item': 'p1', 'kind': 'teamleerdoel', 'what': 'Grenzen stellen', 'result': '', 'term': '', 'owner': '',
        'influence': '', 'action': '', 'agreed': '', 'follow_up': '', 'origin': {}, 'carried_from': '',
    }  # fmt: skip
    tp.evolve(state, Event('plan.item.added', data, FACILITATOR, 1.0))
    assert state.items['p1'].offer == '' and state.items['p1'].kind is tp.Kind.TEAMLEERDOEL


def test_promotion_carries_the_offer_only_into_a_learning_goal() -> None:
    kinds = (tp.Kind.TEAMLEERDOEL, tp.Kind.KENNISHIAAT)
    command = tp.promote('Grenzen stellen', kinds, offer='coaching', origin=tp.Origin(werkvorm='leerdoelwijzer'))
    assert (command.kind, command.offer) == ('teamleerdoel', 'coaching')
    assert tp.promote('Grenzen stellen', kinds, kind='kennishiaat', offer='coaching').offer == ''
    with pytest.raises(UnknownItem):
        tp.promote('Grenzen stellen', kinds, offer='cursus')
    plan = Plan()
    (event,) = plan.run(command)
    assert plan.state.items[event.data['item']].offer == 'coaching'


def test_the_offer_is_in_the_plan_file_and_an_older_file_without_it_still_loads() -> None:
    plan = Plan()
    plan.add('Grenzen stellen', kind='teamleerdoel', offer='vaardigheden')
    text = tp.plan_json(plan.state)
    assert tp.plan_from_json(text) == plan.state
    older = json.loads(text)
    del older['items'][0]['offer']
    assert tp.plan_from_json(json.dumps(older)).items['p1'].offer == ''
    wrong = json.loads(text)
    wrong['items'][0]['offer'] = 'cursus'
    with pytest.raises(tp.InvalidPlan):
        tp.plan_from_json(json.dumps(wrong))
    wrong['items'][0] |= {'offer': 'kennis', 'kind': 'werkafspraak'}
    with pytest.raises(tp.InvalidPlan) as refused:
        tp.plan_from_json(json.dumps(wrong))
    assert refused.value.params['field'] == 'offer'


def test_a_werkvorms_offer_of_a_learning_goal_is_promoted_with_its_kind_of_offer() -> None:
    from facilitation.outcomes import Candidate, promotion
    from facilitation.session import SessionState

    session = SessionState('sid', name='Werkoverleg maart', code='QX7K2M')
    kinds = (tp.Kind.TEAMLEERDOEL, tp.Kind.INDIVIDUEEL_LEERDOEL)
    candidate = Candidate('a1', 'leerdoelwijzer', 'BOA', 'a1/goal1', 'Grenzen stellen', kinds[0], kinds, offer='kennis')
    assert promotion(candidate, session).offer == 'kennis'
    assert promotion(candidate, session, offer='coaching').offer == 'coaching'  # as the facilitator chose
    assert promotion(candidate, session, 'individueel_leerdoel', offer='').offer == ''
