"""The incidentevaluatie's rules: the four steps, causes from the phones held until shown and curated, the seed's
classification, per cause a measure or why not, refusals in the interface's words (changing nothing), its outcome
in every format with the measures offered to the team plan, its Word document, and its classified causes for the
trend analysis (through the registry). Property-based: random commands from random roles keep its promises."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as s

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.i18n import STRINGS, translate
from facilitation.outcomes import candidates, promotion
from facilitation.werkvormen.base import Actor, Approve, Context, DomainError, NotAllowed, Reject, Role, WrongPhase
from facilitation.werkvormen.incident import rules as inc
from facilitation.werkvormen.incident.document import incident_docx
from facilitation.werkvormen.registry import WERKVORMEN

from .helpers import FACILITATOR, ctx, fold, participant
from .test_teamplan_export import _run, _tool

GROUPS = {
    'organisatorisch': [
        'kennisoverdracht',
        'protocollen',
        'inhoud_dienstverlening',
        'management_prioriteit',
        'cultuur',
    ],
    'medewerker': ['kennis', 'vaardigheden', 'ervaring', 'attitude'],
    'technisch': ['accommodatie', 'terrein', 'materiaal', 'ict'],
    'burger': ['verward_gedrag', 'middelengebruik', 'eerder_agressief'],
    'interactie': ['medewerker_burger', 'spanning', 'incident', 'nazorg'],
}


def run(state: inc.State, actor: Actor, command: object, now: float = 1000.0) -> list[object]:
    events = inc.decide(state, command, Context(actor, now))  # type: ignore[arg-type]
    for event in events:
        inc.evolve(state, event)
    return events


def at(step: str) -> inc.State:
    state = inc.new_state({})
    run(state, FACILITATOR, inc.GoToStep(step))
    return state


def test_the_factors_are_the_seeds_picture_with_stable_slugs() -> None:
    assert {g.value: list(f) for g, f in inc.FACTORS.items()} == GROUPS
    for group, factors in GROUPS.items():
        assert all(inc.FACTOR_GROUP[f].value == group for f in factors)
        assert STRINGS[f'inc.group.{group}'][0] and all(STRINGS[f'inc.factor.{f}'][1] for f in factors)


def test_four_steps_with_a_clock_each_and_one_next_step() -> None:
    state = inc.new_state({'minutes': {'oorzaken': 7}})
    assert inc.console_view(state, 3).forward is inc.Forward.START
    for step, minutes in zip(inc.ORDER, (15, 7, 15, 20), strict=True):
        run(state, FACILITATOR, inc.NextStep(), now=100.0)
        assert (state.step, state.deadline) == (step, 100.0 + minutes * 60)
    assert inc.console_view(state, 3).forward is inc.Forward.END
    run(state, FACILITATOR, inc.EndEvaluation())
    assert state.stage is inc.Stage.DONE and inc.console_view(state, 3).forward is inc.Forward.NONE


def test_the_description_follows_the_picture_and_asks_nothing_about_the_citizen() -> None:
    state = at('beschrijven')
    run(
        state,
        FACILITATOR,
        inc.Describe(
            'Schelden',
            'Balie',
            'Dinsdagochtend',
            'balie',
            'Vraag om uitkering',
            'Wachten',
            'Dreigen',
            'Gesprek met leidinggevende',
        ),
    )
    view = inc.public_view(state, 3)
    assert [name for name, _ in view.description] == ['wat', 'waar', 'wanneer', *inc.PHASES]
    assert view.channel == 'balie' and view.field('nazorg') == 'Gesprek met leidinggevende'


@pytest.mark.parametrize(
    ('text', 'part', 'key'),
    [
        ('Meneer Jansen begon te schelden', 'Meneer Jansen', 'error.incident.identifying.naam'),
        ('Hij belde vanaf 06-12345678', '06-12345678', 'error.incident.identifying.telefoon'),
        ('BSN 111222333 stond erop', '111222333', 'error.incident.identifying.bsn'),
    ],
)
def test_text_that_looks_identifying_is_refused_naming_the_part_until_confirmed(text: str, part: str, key: str) -> None:
    state = at('beschrijven')
    with pytest.raises(inc.LooksIdentifying) as flagged:
        run(state, FACILITATOR, inc.Describe(wat=text))
    assert (flagged.value.key, flagged.value.params['part']) == (key, part)
    assert part in translate('nl', flagged.value.key, **flagged.value.params)
    assert state.description['wat'] == ''  # nothing kept
    run(state, FACILITATOR, inc.Describe(wat=text, confirmed=True))  # the person says it identifies no one
    assert state.description['wat'] == text


def test_a_phones_causes_are_held_until_shown_then_curated() -> None:
    state = at('oorzaken')
    for pid, text in (('p1', 'Geen tweede medewerker'), ('p2', 'Alleen aan de balie'), ('p3', 'Lange wachttijd')):
        run(state, participant(pid), inc.AddCause(text, 'indirect'))
    assert inc.public_view(state, 3).causes == () and inc.public_view(state, 3).held == 3
    assert [c.text for c in inc.console_view(state, 3).held] == [
        'Geen tweede medewerker',
        'Alleen aan de balie',
        'Lange wachttijd',
    ]
    run(state, FACILITATOR, Approve('c1'))
    assert run(state, FACILITATOR, Approve('c1')) == []  # a second click changes nothing
    run(state, FACILITATOR, inc.ApproveAll())
    run(state, FACILITATOR, inc.MergeCause('c2', 'c1'))
    run(state, FACILITATOR, inc.EditCause('c1', 'Geen tweede medewerker bij de balie', 'direct'))
    run(state, FACILITATOR, Reject('c3'))
    view = inc.public_view(state, 3)
    assert [(c.text, c.origin) for c in view.causes] == [('Geen tweede medewerker bij de balie', inc.Origin.DIRECT)]
    with pytest.raises(DomainError):
        run(state, FACILITATOR, Approve('c2'))  # merged: it stays in the cause it went into
    mine = inc.participant_view(state, 'p3', 3).mine
    assert [(m.text, m.status) for m in mine] == [('Lange wachttijd', inc.Status.REFUSED)]


def test_a_phone_sends_causes_only_in_step_two_and_only_causes() -> None:
    state = at('beschrijven')
    with pytest.raises(WrongPhase):
        run(state, participant('p1'), inc.AddCause('Te vroeg'))
    run(state, FACILITATOR, inc.GoToStep('oorzaken'))
    for command in (inc.Describe(wat='x'), inc.Classify('c1', 'ict'), Approve('c1'), inc.NextStep()):
        with pytest.raises(NotAllowed):
            run(state, participant('p1'), command)
    for n in range(inc.MAX_OWN):
        run(state, participant('p1'), inc.AddCause(f'Oorzaak {n}'))
    with pytest.raises(inc.TooMany):
        run(state, participant('p1'), inc.AddCause('Een te veel'))


def test_classify_into_a_factor_of_the_picture_inside_or_outside_the_organisation() -> None:
    state = at('oorzaken')
    run(state, FACILITATOR, inc.AddCause('Alarmknop werkte niet'))
    run(state, FACILITATOR, inc.AddCause('Landelijke regel over uitkeringen'))
    run(state, FACILITATOR, inc.Classify('c1', 'materiaal'))
    run(state, FACILITATOR, inc.Classify('c2', 'inhoud_dienstverlening', outside=True))
    groups = dict(inc.public_view(state, 3).by_group())
    assert [c.text for c in groups[inc.Group.TECHNISCH]] == ['Alarmknop werkte niet']
    assert [c.outside for c in groups[inc.Group.ORGANISATORISCH]] == [True]
    extract = WERKVORMEN['incident'].extras['classified_causes']
    activity = se.Activity('a1', 'incident', 'Incidentevaluatie', state)
    assert extract(activity) == (('technisch', 'materiaal', False), ('organisatorisch', 'inhoud_dienstverlening', True))
    with pytest.raises(inc.UnknownItem):
        run(state, FACILITATOR, inc.Classify('c1', 'pech'))


@pytest.mark.parametrize(
    ('command', 'refusal'),
    [
        (inc.Assess('c1', 'ja', owner='Teamleider', term='2027-01-01'), inc.NoMeasure),
        (inc.Assess('c1', 'ja', measure='Twee aan de balie', term='2027-01-01'), inc.NoOwner),
        (inc.Assess('c1', 'ja', measure='Twee aan de balie', owner='Teamleider'), inc.NoTerm),
        (inc.Assess('c1', 'ja', 'Camera', 'Teamleider', '2027-01-01', plan_kind='escalatie'), inc.NoInfluence),
        (inc.Assess('c1', 'nee'), inc.NoReason),
        (inc.Assess('c1', 'ja', 'Camera', 'Teamleider', '31-01-2027'), inc.BadDate),
        (inc.Assess('c1', 'misschien'), inc.UnknownItem),
        (inc.Assess('c1', '', recurrence='altijd'), inc.UnknownItem),
        (inc.Assess('c9', 'nee', reason='Eenmalig'), inc.UnknownItem),
    ],
)
def test_decide_refuses_a_bad_assessment_in_the_interfaces_words_and_changes_nothing(
    command: inc.Assess, refusal: type[DomainError]
) -> None:
    state = at('acties')
    run(state, FACILITATOR, inc.AddCause('Geen tweede medewerker'))
    with pytest.raises(refusal) as refused:
        run(state, FACILITATOR, command)
    assert all(STRINGS[refused.value.key]) and state.assessments == {}


def evaluated() -> se.SessionState:
    """A session with an evaluation of three causes: a werkafspraak, an escalatie (outside the organisation) and
    one without action."""
    session, _ = fold(
        [
            (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Balie', 'ABCDE')),
            (FACILITATOR, se.AddActivity('incident', 'Incident balie', {})),
            (FACILITATOR, se.StartActivity('a1')),
            *(
                (FACILITATOR, se.ForActivity('a1', c))
                for c in (
                    inc.GoToStep('oorzaken'),
                    inc.AddCause('Geen tweede medewerker'),
                    inc.AddCause('Alarmknop werkte niet'),
                    inc.AddCause('Eenmalige drukte'),
                    inc.Classify('c2', 'materiaal', outside=True),
                    inc.Assess(
                        'c1',
                        'ja',
                        'Altijd met twee aan de balie',
                        'Teamleider',
                        '2027-03-01',
                        helped='Collega kwam',
                        recurrence='hoog',
                        recurrence_why='Vaker druk',
                    ),
                    inc.Assess(
                        'c2',
                        'ja',
                        'Alarmknop vervangen',
                        'CAG',
                        '2027-02-01',
                        plan_kind='escalatie',
                        influence='Facilitaire dienst',
                        action='Melding en overleg',
                        follow_up='2027-02-15',
                    ),
                    inc.Assess('c3', 'nee', reason='Kwam eenmalig voor'),
                )
            ),
        ]
    )
    return session


def test_a_measure_outside_the_teams_reach_becomes_an_escalatie_in_the_team_plan() -> None:
    session = evaluated()
    found = {c.text: c for c in candidates(session)}
    assert set(found) == {'Altijd met twee aan de balie', 'Alarmknop vervangen'}
    assert found['Altijd met twee aan de balie'].kind is tp.Kind.WERKAFSPRAAK
    escalation = found['Alarmknop vervangen']
    assert (escalation.kind, escalation.influence, escalation.follow_up) == (
        tp.Kind.ESCALATIE,
        'Facilitaire dienst',
        '2027-02-15',
    )
    plan = tp.State()
    for candidate in found.values():
        for event in tp.decide(plan, promotion(candidate, session), ctx(FACILITATOR)):
            tp.evolve(plan, event)
    items = {i.what: i for i in plan.items.values()}
    item = items['Alarmknop vervangen']
    assert (item.kind, item.influence, item.action, item.follow_up, item.owner) == (
        tp.Kind.ESCALATIE,
        'Facilitaire dienst',
        'Melding en overleg',
        '2027-02-15',
        'CAG',
    )
    assert items['Altijd met twee aan de balie'].influence == ''  # a werkafspraak has no escalation fields
    as_werkafspraak = promotion(escalation, session, 'werkafspraak')
    assert (as_werkafspraak.kind, as_werkafspraak.influence) == ('werkafspraak', '')  # kept only for an escalatie

    # the Word document for the CAG: the description, the causes by group, the measures, and no one's pseudonym
    document = Document(io.BytesIO(incident_docx(session, 'a1', 'nl')))
    text = '\n'.join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert document.paragraphs[0].text == 'Incidentevaluatie: Incident balie'
    for words in (
        'Technische factoren',
        'Materiaal (buiten de organisatie)',
        'Altijd met twee aan de balie',
        'Facilitaire dienst',
        'Hoog: Vaker druk',
        'Kwam eenmalig voor',
        'Geen schuldvraag',
    ):
        assert words in text, words
    assert 'facilitator' not in text


# --- property-based ------------------------------------------------------------------------------------------------

PIDS = ['p1', 'p2', 'p3']
ACTORS = [FACILITATOR, Actor(Role.PROJECTOR, 'projector')] + [participant(pid) for pid in PIDS]
CAUSES = ['c1', 'c2', 'c3', 'c4', 'c9']
TEXTS = ['Geheim-oorzaak', 'Drukte', 'Meneer de Wit', '']
FACTORS = [*inc.FACTOR_GROUP, '', 'pech']

moves = s.one_of(
    s.just(inc.NextStep()),
    s.just(inc.PreviousStep()),
    s.builds(inc.GoToStep, s.sampled_from([*[st.value for st in inc.Step], 'koffie'])),
    s.just(inc.EndEvaluation()),
    s.builds(inc.AddCause, s.sampled_from(TEXTS), s.sampled_from(['direct', 'indirect', 'x']), s.booleans()),
    s.builds(Approve, s.sampled_from(CAUSES)),
    s.builds(Reject, s.sampled_from(CAUSES)),
    s.just(inc.ApproveAll()),
    s.builds(inc.EditCause, s.sampled_from(CAUSES), s.sampled_from(TEXTS)),
    s.builds(inc.MergeCause, s.sampled_from(CAUSES), s.sampled_from(CAUSES)),
    s.builds(inc.Classify, s.sampled_from(CAUSES), s.sampled_from(FACTORS), s.booleans()),
    s.builds(
        inc.Assess,
        s.sampled_from(CAUSES),
        s.sampled_from(['ja', 'nee', '']),
        s.sampled_from(['Maatregel', '']),
        s.sampled_from(['Teamleider', '']),
        s.sampled_from(['2027-01-01', '']),
        s.sampled_from(['Reden', '']),
        s.sampled_from(['werkafspraak', 'escalatie']),
        s.sampled_from(['Directie', '']),
    ),
)
unconfirmed = s.one_of(  # text that looks identifying, never confirmed: never kept
    s.builds(inc.AddCause, s.just('Meneer Jansen schold'), s.just('direct')),
    s.builds(inc.EditCause, s.sampled_from(CAUSES), s.just('Belde met 06-12345678')),
)
steps = s.lists(s.tuples(s.sampled_from(ACTORS), s.one_of(moves, unconfirmed)), max_size=40)


def played(commands: list[tuple[Actor, object]]) -> se.SessionState:
    start = [
        (FACILITATOR, se.AddActivity('incident', 'Incident', {})),
        (FACILITATOR, se.StartActivity('a1')),
        *((participant(pid), se.Join()) for pid in PIDS),
    ]
    state, log = fold([*start, *((actor, se.ForActivity('a1', command)) for actor, command in commands)])
    replayed = se.SessionState('sid')
    for event in log:
        se.evolve(replayed, event)
    assert replayed.activities['a1'].state == state.activities['a1'].state  # the state is the fold of its log
    return state


@settings(max_examples=150, deadline=None)
@given(steps)
def test_nothing_held_reaches_the_room_and_every_classification_is_of_the_picture(
    commands: list[tuple[Actor, object]],
) -> None:
    state: inc.State = played(commands).activities['a1'].state
    view = inc.public_view(state, 3)
    shown = {c.id for c in state.causes.values() if c.status is inc.Status.SHOWN}
    assert {c.id for c in view.causes} == shown
    assert {c.id for c in inc.console_view(state, 3).held} == {c.id for c in state.held()}
    for cause in state.causes.values():
        assert cause.factor == '' or cause.factor in inc.FACTOR_GROUP
        assert not (cause.outside and not cause.factor)
        assert cause.status is not inc.Status.MERGED or state.causes[cause.into].id != cause.id
    for found in state.assessments.values():
        if found.needed is inc.Needed.JA:
            assert found.measure and found.owner and found.term
        if found.needed is inc.Needed.NEE:
            assert found.reason and not found.measure
        if found.plan_kind is not inc.PlanKind.ESCALATIE or found.needed is not inc.Needed.JA:
            assert not (found.influence or found.follow_up)
    assert not [c for c in state.causes.values() if 'Jansen schold' in c.text or '06-1234' in c.text]
    extract = WERKVORMEN['incident'].extras['classified_causes']
    activity = se.Activity('a1', 'incident', 'Incident', state)
    assert len(extract(activity)) == sum(1 for c in view.causes if c.group is not None)


@settings(max_examples=150, deadline=None)
@given(steps)
def test_a_phone_sees_its_own_causes_and_no_one_elses_authorship(commands: list[tuple[Actor, object]]) -> None:
    state: inc.State = played(commands).activities['a1'].state
    for pid in PIDS:
        mine = inc.participant_view(state, pid, 3).mine
        assert len(mine) == sum(1 for c in state.causes.values() if c.author == pid)
    assert all(pid not in repr(inc.public_view(state, 3)) for pid in PIDS)
    assert all(pid not in repr(inc.console_view(state, 3)) for pid in PIDS)


@settings(max_examples=150, deadline=None)
@given(steps, s.sampled_from(ACTORS), s.one_of(moves, unconfirmed))
def test_a_refused_command_says_why_in_both_languages_and_changes_nothing(
    commands: list[tuple[Actor, object]], actor: Actor, command: object
) -> None:
    state: inc.State = played(commands).activities['a1'].state
    before = copy.deepcopy(state)
    try:
        inc.decide(state, command, Context(actor, 5000.0))  # type: ignore[arg-type]
    except DomainError as refused:
        nl, en = STRINGS[refused.key]
        assert nl.strip() and en.strip()
        translate('nl', refused.key, **refused.params)  # every placeholder is filled
    assert state == before  # decide only decides: the state changes by evolve alone


def test_libreoffice_prints_the_word_document_with_every_part(tmp_path: Path) -> None:
    """A real office suite opens the CAG's file: LibreOffice prints it, and the PDF has the incident's parts."""
    (tmp_path / 'incident.docx').write_bytes(incident_docx(evaluated(), 'a1', 'nl'))
    profile = (tmp_path / 'profile').as_uri()
    _run(_tool('soffice'), f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'pdf', 'incident.docx',
         cwd=tmp_path)  # fmt: skip
    text = ' '.join(_run(_tool('pdftotext'), 'incident.pdf', '-', cwd=tmp_path).split())
    for words in (
        'Incidentevaluatie: Incident balie',
        'Technische factoren',
        'Alarmknop vervangen',
        'Facilitaire dienst',
    ):
        assert words in text, words
