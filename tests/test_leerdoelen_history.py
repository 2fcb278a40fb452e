"""Over time (issue 19): a closed leerdoelwijzer or ontwikkelmatrix round is kept in the team's plan as its team-level
shares of need, once, never with anyone's answers or ids; the team's next round of the instrument starts with it as
its baseline; the plan page and every export show the change since the round before."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from openpyxl import load_workbook

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation import teamplan_export as ex
from facilitation.content import Content
from facilitation.live import LiveRoom, Rooms
from facilitation.services import Services
from facilitation.store import Store
from facilitation.teams import Teams
from facilitation.werkvormen.base import Actor, Context, Role
from facilitation.werkvormen.leerdoelen import history
from facilitation.werkvormen.leerdoelen import rules as ld
from facilitation.werkvormen.registry import WERKVORMEN

from .helpers import FACILITATOR, participant
from .test_teamplan_pages import new_session

TEAM = 'Team Handhaving'
RISK, LIMITS = 'Risico-inschatting', 'Stellen van grenzen'
CONFIG: dict[str, Any] = {
    'forms': [
        {
            'id': 'boa',
            'title': 'Leerdoelwijzer BOA',
            'group': 'BOA',
            'sections': [
                {'title': RISK, 'items': ['Ik schat het risico in', 'Ik ken de vluchtweg']},
                {'title': LIMITS, 'items': ['Ik zeg wat ik niet accepteer']},
            ],
        }
    ],
    'scale': ['Altijd', 'Vaak', 'Soms', 'Nooit'],
    'need': [2, 3],
    'teach': None,
    'offers': [['kennis', 'Leeraanbod voor kennis']],
    'own_topic': '',
}
PEOPLE = ('phone-anna-7f3a', 'phone-bram-91c2', 'phone-cees-0d4e')


def make_services(store: Store) -> Services:
    rooms, teams = Rooms(store, clock=lambda: 1741600000.0), Teams(store, clock=lambda: 1749550000.0)
    return Services(
        None,  # type: ignore[arg-type]  (no settings needed here)
        store,
        rooms,
        Content({}, {}, {}),
        'admin',
        'secret',
        'http://samenspel.test',
        (),
        teams,
    )


def held_round(services: Services, answers: dict[str, int], name: str = 'Werkoverleg maart') -> LiveRoom:
    """A session of the team with a leerdoelwijzer round that three people filled in (each the same answers), closed."""
    room, _ = services.rooms.create(name, TEAM)
    services.teams.ensure(TEAM)
    config = services.activity_config(room, 'leerdoelwijzer', CONFIG)
    room.execute(FACILITATOR, se.AddActivity('leerdoelwijzer', 'Leerdoelwijzer BOA', config))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    for pid in PEOPLE:
        room.execute(participant(pid), se.Join(pid[6:10].title()))
        for item, answer in answers.items():
            room.execute(participant(pid), se.ForActivity('a1', ld.Answer(item, answer)))
        room.execute(participant(pid), se.ForActivity('a1', ld.Finish()))
    room.execute(FACILITATOR, se.ForActivity('a1', ld.CloseRound()))
    return room


FIRST = {'boa.1.1': 3, 'boa.1.2': 0, 'boa.2.1': 2}  # risk: half a need, limits: all of it
SECOND = {'boa.1.1': 0, 'boa.1.2': 0, 'boa.2.1': 2}  # risk: no need any more


def test_a_closed_round_is_kept_once_with_team_shares_only(store: Store) -> None:
    services = make_services(store)
    room = held_round(services, FIRST)
    plan = services.teams.for_name(TEAM)
    assert plan is not None
    assert history.record_round(room, 'a1', services) is True
    assert history.record_round(room, 'a1', services) is False  # twice called: one measurement
    (kept,) = plan.state.measurements
    assert (kept.instrument, kept.session_code, kept.activity_id, kept.at) == (
        'leerdoelwijzer',
        room.code,
        'a1',
        '2025-03-10',
    )
    assert kept.sections == {LIMITS: 1.0, RISK: 0.5}
    assert kept.items == {
        'BOA: Ik zeg wat ik niet accepteer': 1.0,
        'BOA: Ik schat het risico in': 1.0,
        'BOA: Ik ken de vluchtweg': 0.0,
    }
    assert (kept.title, kept.session_name) == ('Leerdoelwijzer BOA', 'Werkoverleg maart')
    stored = json.dumps([e.data for e in store.iter_events(plan.id)]) + tp.plan_json(plan.state)
    for pid in PEOPLE:
        assert pid not in stored and pid[6:10].title() not in stored  # no participant id, no name
    assert 'Altijd' not in stored and 'answer' not in stored  # no answers, only the shares


def test_an_open_round_and_a_session_without_a_team_keep_nothing(store: Store) -> None:
    services = make_services(store)
    room, _ = services.rooms.create('Zonder team')
    room.execute(FACILITATOR, se.AddActivity('leerdoelwijzer', 'Leerdoelwijzer', CONFIG))
    assert history.record_round(room, 'a1', services) is False
    open_room, _ = services.rooms.create('Nog open', TEAM)
    plan = services.teams.ensure(TEAM)
    open_room.execute(FACILITATOR, se.AddActivity('leerdoelwijzer', 'Leerdoelwijzer', CONFIG))
    assert history.record_round(open_room, 'a1', services) is False
    assert history.record_round(open_room, 'a9', services) is False  # no such round
    assert plan.state.measurements == []


def test_a_round_below_the_minimum_is_not_kept(store: Store) -> None:
    services = make_services(store)
    room, _ = services.rooms.create('Klein', TEAM)
    plan = services.teams.ensure(TEAM)
    room.execute(FACILITATOR, se.AddActivity('leerdoelwijzer', 'Leerdoelwijzer', CONFIG))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    room.execute(participant('p1'), se.Join())
    room.execute(participant('p1'), se.ForActivity('a1', ld.Answer('boa.1.1', 3)))
    room.execute(FACILITATOR, se.ForActivity('a1', ld.CloseRound()))
    assert history.record_round(room, 'a1', services) is False  # one person: nothing the team may see
    assert plan.state.measurements == []


def test_a_lost_recording_is_caught_up_and_the_next_round_carries_the_baseline(store: Store) -> None:
    services = make_services(store)
    first = held_round(services, FIRST)  # closed, but the console never called record_round
    plan = services.teams.for_name(TEAM)
    assert plan is not None and plan.state.measurements == []
    assert history.record_closed(services, plan) == 1
    assert history.record_closed(services, plan) == 0
    second = held_round(services, SECOND, 'Werkoverleg juni')  # its config was prepared from the plan
    baseline = second.state.activities['a1'].state.baseline
    assert baseline == ld.Baseline('2025-03-10', {LIMITS: 1.0, RISK: 0.5}, plan.state.measurements[0].items)
    assert ld.config_of(second.state.activities['a1'].state)['baseline']['at'] == '2025-03-10'
    picture = ld.public_view(second.state.activities['a1'].state, 3).picture
    assert picture is not None
    assert {s.title: s.change for s in picture.sections} == {LIMITS: 0.0, RISK: -0.5}
    assert history.record_round(second, 'a1', services)
    assert [m.session_code for m in plan.state.measurements] == [first.code, second.code]
    assert first.code != second.code


def test_every_add_path_prepares_the_baseline_of_the_same_instrument_only() -> None:
    plan = tp.State()
    event = tp.decide(
        plan,
        tp.RecordMeasurement('leerdoelwijzer', 'QX7K2M', 'a1', '2025-03-10', {RISK: 0.5}, {'Ik schat': 1.0}),
        Context(FACILITATOR, 1.0),
    )
    tp.evolve(plan, event[0])
    wijzer, matrix = WERKVORMEN['leerdoelwijzer'], WERKVORMEN['ontwikkelmatrix']
    prepared = wijzer.prepare(CONFIG, plan)
    assert prepared['baseline'] == {'at': '2025-03-10', 'sections': {RISK: 0.5}, 'items': {'Ik schat': 1.0}}
    assert 'baseline' not in CONFIG  # the library's config is not changed
    assert 'baseline' not in matrix.prepare(CONFIG, plan)  # another instrument: no baseline of this one
    assert wijzer.prepare(CONFIG, None) is CONFIG and wijzer.prepare({}, plan) == {}  # no team; no content
    assert WERKVORMEN['quiz'].prepare({'cards': []}, plan) == {'cards': []}


def test_the_latest_round_by_date_is_the_baseline_and_changes_are_per_round() -> None:
    plan = tp.State()

    def record(code: str, at: str, risk: float, limits: float | None = None) -> None:
        sections = {RISK: risk} | ({LIMITS: limits} if limits is not None else {})
        command = tp.RecordMeasurement('leerdoelwijzer', code, 'a1', at, sections, {})
        for event in tp.decide(plan, command, Context(FACILITATOR, 1.0)):
            tp.evolve(plan, event)

    record('B', '2025-06-01', 0.25, 0.5)
    record('A', '2025-03-01', 0.5)  # recorded later, held earlier
    latest = tp.latest_measurement(plan, 'leerdoelwijzer')
    assert latest is not None and latest.session_code == 'B'
    assert tp.latest_measurement(plan, 'ontwikkelmatrix') is None
    (rounds,) = tp.over_time(plan).values()
    assert [r.measurement.session_code for r in rounds] == ['A', 'B']
    assert [(s.title, s.share, s.change) for s in rounds[1].sections] == [(RISK, 0.25, -0.25), (LIMITS, 0.5, None)]
    assert rounds[0].sections[0].change is None


@pytest.mark.parametrize(
    ('change', 'words'),
    [
        ({'instrument': 'quiz'}, 'UnknownItem'),
        ({'at': '2025-02-30'}, 'InvalidDate'),
        ({'at': ''}, 'InvalidDate'),
        ({'sections': {RISK: 1.5}}, 'InvalidText'),
        ({'sections': {RISK: float('nan')}}, 'InvalidText'),
        ({'sections': {RISK: True}}, 'InvalidText'),
        ({'sections': {'': 0.5}}, 'EmptyText'),
        ({'items': {'x' * 501: 0.5}}, 'TextTooLong'),
        ({'items': {f'item {i}': 0.5 for i in range(tp.MAX_MEASURED + 1)}}, 'InvalidText'),
        ({'session_code': ''}, 'EmptyText'),
    ],
)
def test_a_measurement_is_checked_within_its_limits(change: dict[str, Any], words: str) -> None:
    given = {
        'instrument': 'leerdoelwijzer',
        'session_code': 'QX7K2M',
        'activity_id': 'a1',
        'at': '2025-03-10',
        'sections': {RISK: 0.5},
        'items': {},
    } | change
    with pytest.raises(Exception) as refused:
        tp.decide(tp.State(), tp.RecordMeasurement(**given), Context(FACILITATOR, 1.0))
    assert type(refused.value).__name__ == words


def test_only_the_latest_rounds_are_kept_and_the_plan_file_keeps_them() -> None:
    plan = tp.State()
    for number in range(tp.MAX_MEASUREMENTS + 2):
        command = tp.RecordMeasurement('ontwikkelmatrix', f'S{number}', 'a2', '2025-03-10', {'Veilig werken': 0.1}, {})
        for event in tp.decide(plan, command, Context(FACILITATOR, 1.0)):
            tp.evolve(plan, event)
    assert len(plan.measurements) == tp.MAX_MEASUREMENTS and plan.measurements[0].session_code == 'S2'
    restored = tp.plan_from_json(tp.plan_json(plan))
    assert restored == plan
    imported = tp.State()
    for event in tp.decide(imported, tp.ImportPlan(tp.plan_json(plan)), Context(FACILITATOR, 1.0)):
        tp.evolve(imported, event)
    assert imported.measurements == plan.measurements
    twice = json.loads(tp.plan_json(plan))
    twice['measurements'].append(twice['measurements'][-1])
    twice['measurements'].pop(0)
    with pytest.raises(tp.InvalidPlan):  # one round kept twice
        tp.plan_from_json(json.dumps(twice))
    older = json.loads(tp.plan_json(plan))
    del older['measurements']
    assert tp.plan_from_json(json.dumps(older)).measurements == []  # a file from before still loads


def test_the_most_rounds_of_the_seeds_eight_leerdoelwijzers_fit_in_a_plan_file() -> None:
    items = {
        f'Ik herken bij mezelf spanningssignalen in situatie nummer {n} van de lange lijst': 0.5 for n in range(304)
    }
    sections = {f'Sectie {n}': 0.5 for n in range(5)}
    plan = tp.State(
        measurements=[
            tp.Measurement('leerdoelwijzer', f'S{n}', 'a1', '2025-03-10', sections, items, 'Leerdoelwijzer', 'Sessie')
            for n in range(tp.MAX_MEASUREMENTS)
        ]
    )
    assert len(tp.plan_json(plan).encode()) < tp.MAX_JSON_BYTES


def _plan_with_two_rounds(store: Store) -> tuple[Services, tp.State]:
    services = make_services(store)
    for answers, name in ((FIRST, 'Werkoverleg maart'), (SECOND, 'Werkoverleg juni')):
        room = held_round(services, answers, name)
        history.record_round(room, 'a1', services)
    plan = services.teams.for_name(TEAM)
    assert plan is not None
    return services, plan.state


def test_every_export_shows_the_change_since_the_round_before(store: Store) -> None:
    _, state = _plan_with_two_rounds(store)
    day = date(2025, 6, 10)
    for lang, less, first in (
        ('nl', '50 procentpunt minder behoefte', 'eerste ronde'),
        ('en', '50 percentage points less need', 'first round'),
    ):
        document = Document(io.BytesIO(ex.plan_docx(state, day, lang)))
        texts = [p.text for p in document.paragraphs]
        assert ex.label(lang, 'over_time') in texts
        rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
        assert [RISK, '0%', less] in rows and [RISK, '50%', first] in rows
        assert [LIMITS, '100%', ex.label(lang, 'change.same')] in rows
        markdown = ex.plan_markdown(state, day, lang)
        assert f'## {ex.label(lang, "over_time")}' in markdown and f'| {RISK} | 0% | {less} |' in markdown
        sheet = load_workbook(io.BytesIO(ex.plan_xlsx(state, day, lang)))[ex.label(lang, 'over_time')]
        values = list(sheet.iter_rows(values_only=True))
        assert values[0][4:6] == (ex.label(lang, 'need_percent'), ex.label(lang, 'change_points'))
        assert (values[-2][3:], values[-1][3:]) == (
            (LIMITS, 100, 0, ex.label(lang, 'change.same')),
            (RISK, 0, -50, less),
        )
        rows_csv = list(csv.reader(io.StringIO(ex.plan_csv(state, lang).decode('utf-8-sig')), delimiter=';'))
        assert [RISK, '0', '-50', less] == rows_csv[-1][3:]
    assert 'phone-' not in ex.plan_markdown(state, day)


async def test_the_plan_page_shows_the_rounds_over_time(user: User, data_dir: Path) -> None:
    await new_session(user, data_dir, 'Werkoverleg', 'Lege lijst: zelf stellingen typen', TEAM)
    user.find(marker='team-plan').click()
    await user.should_see('Nog geen punten in het plan.')
    plan = tp.State(team=tp.Team(TEAM))
    for code, at, risk in (('S1', '2025-03-10', 0.5), ('S2', '2025-06-10', 0.125)):
        command = tp.RecordMeasurement('leerdoelwijzer', code, 'a1', at, {RISK: risk, LIMITS: 0.25}, {}, 'BOA', code)
        for event in tp.decide(plan, command, Context(FACILITATOR, 1.0)):
            tp.evolve(plan, event)
    picker = user.find(marker='tp-import').elements.pop()
    assert isinstance(picker, ui.upload)
    await picker.handle_uploads([SmallFileUpload('plan.json', 'application/json', tp.plan_json(plan).encode())])
    await user.should_see('Leerdoelen door de tijd')
    await user.should_see('Ronde van 10-06-2025 · BOA · S2')
    await user.should_see('Ronde van 10-03-2025 · BOA · S1')
    rounds = {e.props['aria-label']: e.rows for e in user.find(marker='tp-over-time-round').elements}
    latest, first = rounds['Ronde van 10-06-2025 · BOA · S2'], rounds['Ronde van 10-03-2025 · BOA · S1']
    assert latest == [
        {'topic': RISK, 'need': '13%', 'change': '38 procentpunt minder behoefte'},
        {'topic': LIMITS, 'need': '25%', 'change': 'gelijk gebleven'},
    ]
    assert first[0] == {'topic': RISK, 'need': '50%', 'change': 'eerste ronde'}


def test_actor_of_a_recording_is_the_facilitator_never_a_participant(store: Store) -> None:
    services = make_services(store)
    room = held_round(services, FIRST)
    history.record_round(room, 'a1', services)
    plan = services.teams.for_name(TEAM)
    assert plan is not None
    (event,) = [e for e in store.iter_events(plan.id) if e.type == 'plan.measured']
    assert event.actor == Actor(Role.FACILITATOR, 'facilitator')
