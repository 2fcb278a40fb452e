"""The thematisch werkoverleg: a session plan (agenda with planned minutes, a checklist of outcomes), the time used
against the time planned, teams whose plan outlives sessions, and every werkvorm's outcome promoted into the plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.app import CONTENT_DIR, SESSIONS_DIR
from facilitation.content import agenda_config, load_content
from facilitation.outcomes import candidates, promoted, promotion
from facilitation.store import Store
from facilitation.teams import Teams, team_key
from facilitation.werkvormen.arena import rules as ar
from facilitation.werkvormen.base import Actor, Context, NotAllowed, UnknownItem, WrongPhase
from facilitation.werkvormen.dilemma import rules as dm
from facilitation.werkvormen.incident import rules as inc
from facilitation.werkvormen.lagerhuis import rules as lh
from facilitation.werkvormen.leerdoelen import rules as ld
from facilitation.werkvormen.quiz import rules as qz
from facilitation.werkvormen.statements import rules as st
from facilitation.yamlfile import ContentError

from .helpers import FACILITATOR, fold, participant

# The seed (hoofdstuk 4): "Aan het einde van het thematisch werkoverleg is bereikt dat: ..."
SEED_OUTCOMES = (
    'Binnen het team is gesproken over de eigen ervaringen met normoverschrijdend gedrag',
    'Het eigen teamprotocol is geëvalueerd en vragen zijn beantwoord',
    'Duidelijk is geworden wat teamleden van elkaar verwachten in het voorkomen van en reageren op '
    'normoverschrijdend gedrag',
    'Duidelijk is geworden met wie buiten het team overlegd moet worden over actuele casuïstiek, of gerelateerd aan '
    'de effectiviteit van beleid',
    'Werkafspraken zijn concreet geformuleerd',
)


def test_the_shipped_werkoverleg_plan_has_the_seeds_five_outcomes_and_valid_werkvormen() -> None:
    content = load_content(CONTENT_DIR, SESSIONS_DIR)
    plan = content.session_plans['thematisch-werkoverleg']
    assert plan.checklist == list(SEED_OUTCOMES)  # in full: none cut short
    assert [item.werkvorm for item in plan.agenda] == ['teamplan', 'statements', 'dilemma', 'teamplan']
    assert plan.minutes == 90
    assert 'arena-werkoverleg' in content.arena_plans and 'thematisch-werkoverleg' not in content.arena_plans
    state = se.SessionState('sid')
    for item in plan.agenda:  # every item makes a valid activity
        config = agenda_config(item, content)
        se.decide(state, se.AddActivity(item.werkvorm, item.title, config, item.minutes), Context(FACILITATOR, 1.0))


def test_a_session_plan_naming_unknown_content_is_refused_with_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / 'overleg.yaml').write_text(
        'title: Overleg\nagenda:\n  - werkvorm: statements\n    title: Stellingen\n    content: bestaat-niet\n',
        encoding='utf-8',
    )
    with pytest.raises(ContentError) as refused:
        load_content(CONTENT_DIR, tmp_path)
    assert refused.value.line == 5 and refused.value.field == 'agenda[0].content'
    assert 'overleg.yaml' in str(refused.value) and 'veilig-werken' in str(refused.value)


def test_the_agenda_shows_time_used_against_time_planned_and_the_checklist_is_ticked() -> None:
    state, _ = fold(
        [
            (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
            (FACILITATOR, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'A'}]}, 20)),
            (FACILITATOR, se.AddActivity('dilemma', 'Dilemma', {}, 40)),
            (FACILITATOR, se.SetChecklist(('Ervaringen besproken', 'Werkafspraken geformuleerd'))),
        ]
    )
    assert [a.minutes for a in state.activities.values()] == [20, 40]
    for now, command in ((100.0, se.StartActivity('a1')), (700.0, se.StartActivity('a2'))):
        for event in se.decide(state, command, Context(FACILITATOR, now)):
            se.evolve(state, event)
    assert se.time_used(state, 1000.0) == {'a1': 600.0, 'a2': 300.0}
    for event in se.decide(state, se.TickOutcome(1), Context(FACILITATOR, 1001.0)):
        se.evolve(state, event)
    assert [o.done for o in state.checklist] == [False, True]
    with pytest.raises(UnknownItem):
        se.decide(state, se.TickOutcome(7), Context(FACILITATOR, 1002.0))
    for event in se.decide(state, se.CloseSession(), Context(FACILITATOR, 1100.0)):
        se.evolve(state, event)
    assert se.time_used(state, 5000.0)['a2'] == 400.0  # the clock stops when the session closes


def test_an_activitys_planned_minutes_can_be_changed_within_the_agendas_limits() -> None:
    state, _ = fold(
        [
            (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
            (FACILITATOR, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'A'}]}, 25)),
            (FACILITATOR, se.PlanMinutes('a1', 30)),
        ]
    )
    assert state.activities['a1'].minutes == 30
    assert se.decide(state, se.PlanMinutes('a1', 30), Context(FACILITATOR, 2.0)) == []  # the same: nothing to log
    for wrong in (-1, se.MAX_MINUTES + 1, True, '20'):
        with pytest.raises(WrongPhase):
            se.decide(state, se.PlanMinutes('a1', wrong), Context(FACILITATOR, 2.0))  # type: ignore[arg-type]
    with pytest.raises(UnknownItem):
        se.decide(state, se.PlanMinutes('a9', 10), Context(FACILITATOR, 2.0))
    with pytest.raises(NotAllowed):
        se.decide(state, se.PlanMinutes('a1', 10), Context(participant('p1'), 2.0))


def test_the_time_a_session_was_closed_is_not_counted_when_it_is_reopened() -> None:
    state, _ = fold(
        [
            (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
            (FACILITATOR, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'A'}]}, 20)),
            (FACILITATOR, se.AddActivity('dilemma', 'Dilemma', {}, 40)),
        ]
    )
    for now, command in (
        (100.0, se.StartActivity('a1')),
        (400.0, se.CloseSession()),  # closed after 5 minutes of a1 ...
        (4000.0, se.ReopenSession()),  # ... for an hour: the break is not a1's time
        (4120.0, se.StartActivity('a2')),
        (4300.0, se.CloseSession()),
        (9000.0, se.ReopenSession()),
    ):
        for event in se.decide(state, command, Context(FACILITATOR, now)):
            se.evolve(state, event)
    assert se.time_used(state, 9060.0) == {'a1': 420.0, 'a2': 240.0}
    for event in se.decide(state, se.CloseSession(), Context(FACILITATOR, 9100.0)):
        se.evolve(state, event)
    assert se.time_used(state, 20000.0) == {'a1': 420.0, 'a2': 280.0}


def test_teams_are_found_by_name_and_their_plan_outlives_a_restart(tmp_path: Path) -> None:
    store = Store(tmp_path / 'log.db')
    teams = Teams(store, clock=lambda: 1000.0)
    plan = teams.ensure('Team Balie')
    assert teams.ensure('  team   BALIE ') is plan and team_key('Team  Balie') == 'team balie'
    told: list[str] = []
    teams.listeners.append(lambda changed: told.append(changed.id))
    plan.execute(FACILITATOR, tp.AddItem('Alarmknop maandelijks testen', owner='Fatima', term='2027-01-31'))
    assert told == [plan.id]
    store.close()
    again = Teams(Store(tmp_path / 'log.db'))
    again.load()
    restored = again.for_name('Team Balie')
    assert restored is not None and restored.state == plan.state and restored.seq == plan.seq


WIJZER = {
    'forms': [{'id': 'f', 'title': 'Leerdoelwijzer', 'sections': [{'title': 'Stellen van grenzen', 'items': ['Ik']}]}],
    'scale': ['Altijd', 'Vaak', 'Soms', 'Nooit'],
    'need': [0],
}
MATRIX = {
    **WIJZER,
    'forms': [{'id': 'f', 'title': 'Ontwikkelmatrix', 'sections': [{'title': 'Incidenten melden', 'items': ['GIR']}]}],
    'teach': 3,
}


def _round_of_three(activity: str) -> list[tuple[Actor, object]]:
    """Three participants answer the only statement of a leerdoelwijzer or ontwikkelmatrix as a need; it closes."""
    answers = [(participant(pid), se.ForActivity(activity, ld.Answer('f.1.1', 0))) for pid in ('p1', 'p2', 'p3')]
    return [
        (FACILITATOR, se.StartActivity(activity)),
        *answers,
        (FACILITATOR, se.ForActivity(activity, ld.CloseRound())),
    ]


def played_session() -> se.SessionState:
    """A session with an outcome of every werkvorm: notes, a set-aside card, conclusions, key points, agreements,
    team learning goals."""
    quiz_card = {'kind': 'feit', 'question': 'Waar staat het meldformulier?', 'answer': 'Op intranet'}
    state, _ = fold(
        [
            (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
            (FACILITATOR, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'A'}]})),
            (FACILITATOR, se.AddActivity('quiz', 'Quiz', {'cards': [quiz_card]})),
            (FACILITATOR, se.AddActivity('lagerhuis', 'Lagerhuis', {'statement': 'Melden heeft zin'})),
            (FACILITATOR, se.AddActivity('arena', 'Arena', {})),
            (FACILITATOR, se.AddActivity('dilemma', 'Dilemma', {})),
            (FACILITATOR, se.ForActivity('a1', st.SaveDiscussion('s1', '', 'Samen naar de balie', 'Protocol herzien'))),
            (FACILITATOR, se.ForActivity('a2', qz.SetAside('c1'))),
            (participant('p1'), se.Join()),
            (participant('p2'), se.Join()),
            (FACILITATOR, se.StartActivity('a3')),
            *((FACILITATOR, se.ForActivity('a3', c)) for c in (lh.DivideSides(), lh.StartDebate(), lh.EndDebate())),
            (FACILITATOR, se.ForActivity('a3', lh.SaveConclusions('Elk incident melden we binnen een dag'))),
            (FACILITATOR, se.ForActivity('a4', ar.RecordPoint('verbeterpunt', 'Nazorg na een incident'))),
            (
                FACILITATOR,
                se.ForActivity('a5', dm.AddAgreement('werkafspraak', 'Stop bij schelden', 'Jan', '2027-02-01')),
            ),
            (FACILITATOR, se.AddActivity('leerdoelwijzer', 'Leerdoelwijzer', WIJZER)),
            (FACILITATOR, se.AddActivity('ontwikkelmatrix', 'Ontwikkelmatrix', MATRIX)),
            (participant('p3'), se.Join()),
            *_round_of_three('a6'),
            *_round_of_three('a7'),
            (FACILITATOR, se.AddActivity('incident', 'Incidentevaluatie', {})),
            *((FACILITATOR, se.ForActivity('a8', c)) for c in _measured_incident()),
        ]
    )
    return state


def _measured_incident() -> list[object]:
    """An incidentevaluatie with one cause and its measure, a werkafspraak."""
    return [
        inc.GoToStep('oorzaken'),
        inc.AddCause('Geen tweede medewerker bij de balie'),
        inc.Assess('c1', 'ja', measure='Altijd met twee aan de balie', owner='Teamleider', term='2027-03-01'),
    ]


def test_every_werkvorms_outcome_becomes_a_prefilled_plan_item_with_its_origin() -> None:
    state = played_session()
    found = {(c.werkvorm, c.text): c for c in candidates(state)}
    assert {(w, c.kind) for (w, _), c in found.items()} == {
        ('statements', tp.Kind.WERKAFSPRAAK),
        ('statements', tp.Kind.BELEIDSPUNT),
        ('quiz', tp.Kind.KENNISHIAAT),
        ('lagerhuis', tp.Kind.WERKAFSPRAAK),
        ('arena', tp.Kind.TEAMLEERDOEL),
        ('dilemma', tp.Kind.WERKAFSPRAAK),
        ('leerdoelwijzer', tp.Kind.TEAMLEERDOEL),
        ('ontwikkelmatrix', tp.Kind.TEAMLEERDOEL),
        ('incident', tp.Kind.WERKAFSPRAAK),
    }
    agreement = found['dilemma', 'Stop bij schelden']
    command = promotion(agreement, state)
    assert (command.what, command.kind, command.owner, command.term) == (
        'Stop bij schelden',
        'werkafspraak',
        'Jan',
        '2027-02-01',
    )
    assert (command.origin.session_code, command.origin.werkvorm, command.origin.source_ref) == (
        'ABCDE',
        'dilemma',
        'a5/g1',
    )
    plan = tp.State()
    for candidate in (agreement, found['quiz', 'Waar staat het meldformulier?']):
        for event in tp.decide(plan, promotion(candidate, state), Context(FACILITATOR, 1.0)):
            tp.evolve(plan, event)
    assert promoted(plan, state) == {'a5/g1', 'a2/c1'}
    as_policy = promotion(found['quiz', 'Waar staat het meldformulier?'], state, kind='beleidspunt')
    assert as_policy.kind == 'beleidspunt'
    with pytest.raises(tp.NotPromotable):
        promotion(found['quiz', 'Waar staat het meldformulier?'], state, kind='werkafspraak')


def test_every_note_of_the_stellingen_nabespreking_can_go_into_the_plan_what_is_known_as_a_kennishiaat() -> None:
    state, _ = fold(
        [
            (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
            (FACILITATOR, se.AddActivity('statements', 'Stellingen', {'statements': [{'text': 'A'}]})),
            (
                FACILITATOR,
                se.ForActivity('a1', st.SaveDiscussion('s1', 'Niemand kent de meldroute', 'Samen', 'Herzien')),
            ),
        ]
    )
    found = {c.ref: c for c in candidates(state)}
    assert [(ref, c.kind) for ref, c in found.items()] == [
        ('a1/s1/known', tp.Kind.KENNISHIAAT),
        ('a1/s1/practice', tp.Kind.WERKAFSPRAAK),
        ('a1/s1/policy', tp.Kind.BELEIDSPUNT),
    ]
    plan = tp.State()
    for event in tp.decide(plan, promotion(found['a1/s1/known'], state), Context(FACILITATOR, 1.0)):
        tp.evolve(plan, event)
    (item,) = plan.items.values()
    assert (item.what, item.kind, item.origin.source_ref) == (
        'Niemand kent de meldroute',
        tp.Kind.KENNISHIAAT,
        'a1/s1/known',
    )
    assert promotion(found['a1/s1/known'], state, kind='beleidspunt').kind == 'beleidspunt'


def test_a_handelingsafspraak_goes_into_the_plan_as_one_with_what_it_rests_on() -> None:
    basis = 'De organisatienorm: schelden accepteren we niet'
    state, _ = fold(
        [
            (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
            (FACILITATOR, se.AddActivity('dilemma', 'Dilemma', {})),
            (
                FACILITATOR,
                se.ForActivity(
                    'a1', dm.AddAgreement('handelingsafspraak', 'We stoppen bij schelden', 'Jan', '2027-02-01', basis)
                ),
            ),
            (FACILITATOR, se.ForActivity('a1', dm.AddAgreement('werkafspraak', 'Melden in GIR', 'Fatima', '', ''))),
        ]
    )
    acting, working = candidates(state)
    assert (acting.kind, acting.basis, working.kind) == (tp.Kind.HANDELINGSAFSPRAAK, basis, tp.Kind.WERKAFSPRAAK)
    plan = tp.State()
    for command in (promotion(acting, state, result='Niemand gaat alleen verder'), promotion(working, state)):
        for event in tp.decide(plan, command, Context(FACILITATOR, 1.0)):
            tp.evolve(plan, event)
    first, second = plan.items.values()
    assert (first.kind, first.basis, first.owner, first.term, first.result) == (
        tp.Kind.HANDELINGSAFSPRAAK,
        basis,
        'Jan',
        '2027-02-01',
        'Niemand gaat alleen verder',
    )
    assert (second.kind, second.basis) == (tp.Kind.WERKAFSPRAAK, '')
    assert promotion(acting, state, basis='Anders').basis == 'Anders'  # the facilitator may say it better


def test_a_plan_restored_from_its_json_is_the_same_plan_and_a_bad_file_changes_nothing() -> None:
    plan = tp.State()
    for command in (
        tp.SetTeam('Team Balie', 'Publiekszaken'),
        tp.AddItem('Camerabeelden', kind='escalatie', influence='Facilitair', follow_up='2027-03-01'),
        tp.AddItem('Alarmknop testen', owner='Fatima', term='2027-01-31'),
    ):
        for event in tp.decide(plan, command, Context(FACILITATOR, 1.0)):
            tp.evolve(plan, event)
    other = tp.State()
    for event in tp.decide(other, tp.ImportPlan(tp.plan_json(plan)), Context(FACILITATOR, 2.0)):
        tp.evolve(other, event)
    assert other == plan
    with pytest.raises(tp.InvalidPlan):
        tp.decide(other, tp.ImportPlan('{"version": 1, "items": [{"id": "x"}]}'), Context(FACILITATOR, 3.0))


def test_a_session_gets_its_team_from_the_console() -> None:
    state, _ = fold(
        [(FACILITATOR, se.CreateSession('Werkoverleg', '', 'ABCDE')), (FACILITATOR, se.ChangeTeam('Team Balie'))]
    )
    assert state.team == 'Team Balie'
