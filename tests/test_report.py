"""The session report (Markdown and Word) and the `facilitation export` command: a played werkoverleg with an
outcome of every werkvorm is opened the way a team opens it (python-docx, openpyxl), and no participant or device id
ever reaches a file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from facilitation import report
from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.__main__ import file_slug, main
from facilitation.live import Rooms
from facilitation.outcomes import candidates, promotion
from facilitation.store import Store
from facilitation.teams import Teams
from facilitation.werkvormen.arena import rules as ar
from facilitation.werkvormen.base import Actor, Context, Role
from facilitation.werkvormen.dilemma import rules as dm
from facilitation.werkvormen.lagerhuis import rules as lh
from facilitation.werkvormen.outcome import Round
from facilitation.werkvormen.quiz import rules as qz
from facilitation.werkvormen.statements import rules as st

from .helpers import participant

# Realistic ids (as the join page makes them): none of them may appear in a report.
PEOPLE = ('p3f9a2b7c1d4e5f6', 'p8e1c0d4a9b7f2e3', 'p5d2b8e6f0a1c3d7', 'p1a7c9e3b5d8f0e2')
FACILITATOR = Actor(Role.FACILITATOR, 'f7e2c9d1a0b3c4d5')  # the console's device id: not in a report either
SESSION_ID = '4b1e9f0c2d7a4e8b9c1d3f5a7b9e0c2d'
PLANNED = (15, 20, 10, 10, 30)
STARTS = (100.0, 700.0, 1900.0, 2500.0, 2800.0)  # a1 10 min, a2 20, a3 10, a4 5, a5 until the close: 30
CLOSED = 4600.0


# the report's parts in order: the same in Word (level-1 headings) and Markdown (## sections)
SECTIONS = [
    'Agenda',
    'Beoogde uitkomsten',
    'Stellingen',
    'Kennisquiz',
    'Lagerhuis',
    'Arena',
    'Dilemma',
    'Apart gehouden',
    'Afspraken',
    'Toegevoegd aan het teamplan',
]


def _run(state: se.SessionState, at: float, actor: Actor, command: object) -> None:
    for event in se.decide(state, command, Context(actor, at)):  # type: ignore[arg-type]
        se.evolve(state, event)


def _commands() -> list[tuple[float, Actor, object]]:
    """A werkoverleg with every werkvorm (at the given times): votes shown and hidden, a quiz with a winner and a card
    set aside, a debate with a reply and conclusions, key points, and a dilemma sent by a colleague who showed their
    name, judged before and after, with its table and two agreements."""
    cards = [
        {'kind': 'feit', 'question': 'Waar staat het meldformulier?', 'answer': 'Op intranet'},
        {'kind': 'feit', 'question': 'Wie belt de politie?', 'answer': 'De teamleider'},
    ]
    statements = {'statements': [{'text': 'Ik voel me veilig aan de balie'}, {'text': 'Melden heeft zin'}]}
    add = [
        se.AddActivity('statements', 'Stellingen', statements, PLANNED[0]),
        se.AddActivity('quiz', 'Kennisquiz', {'cards': cards}, PLANNED[1]),
        se.AddActivity('lagerhuis', 'Lagerhuis', {'statement': 'Een beveiliger hoort aan de balie'}, PLANNED[2]),
        se.AddActivity('arena', 'Arena', {}, PLANNED[3]),
        se.AddActivity('dilemma', 'Dilemma', {}, PLANNED[4]),
    ]
    f = FACILITATOR
    votes = [
        (PEOPLE[0], 'eens', 's1'),
        (PEOPLE[1], 'eens', 's1'),
        (PEOPLE[2], 'oneens', 's1'),
        (PEOPLE[3], 'eens', 's1'),
        (PEOPLE[0], 'eens', 's2'),
        (PEOPLE[1], 'oneens', 's2'),
    ]
    steps: list[tuple[float, Actor, object]] = [
        (10.0, f, se.CreateSession('Werkoverleg maart', 'Team Balie', 'ABCDE')),
        *((11.0, f, command) for command in add),
        (12.0, f, se.SetChecklist(('Ervaringen gedeeld', 'Werkafspraken concreet geformuleerd'))),
        (13.0, f, se.TickOutcome(1)),
        *((14.0, participant(pid), se.Join('')) for pid in PEOPLE),
        (STARTS[0], f, se.StartActivity('a1')),
    ]
    for statement in ('s1', 's2'):
        steps += [
            (101.0, f, se.ForActivity('a1', st.ShowStatement(statement))),
            (102.0, f, se.ForActivity('a1', st.OpenVoting())),
        ]
        steps += [
            (103.0, participant(pid), se.ForActivity('a1', st.CastVote(choice, s, 1)))
            for pid, choice, s in votes
            if s == statement
        ]
        steps += [(104.0, f, se.ForActivity('a1', st.CloseVoting()))]
    steps += [
        (105.0, f, se.ForActivity('a1', st.SaveDiscussion('s1', '', 'Samen naar de balie', 'Protocol herzien'))),
        (STARTS[1], f, se.StartActivity('a2')),
        *(
            (701.0, f, se.ForActivity('a2', command))
            for command in (qz.DivideGroups(2), qz.StartQuiz(), qz.AskCard('c1'), qz.Judge(True), qz.SetAside('c2'))
        ),
        (STARTS[2], f, se.StartActivity('a3')),
        *(
            (1901.0, f, se.ForActivity('a3', command))
            for command in (
                lh.DivideSides(),
                lh.StartDebate(),
                lh.RecordArgument('voor', 'Dan voelt iedereen zich veiliger'),
                lh.RecordArgument('tegen', 'Het schrikt bezoekers af', 'a1'),
                lh.EndDebate(),
                lh.SaveConclusions('Elk incident melden we binnen een dag'),
            )
        ),
        (STARTS[3], f, se.StartActivity('a4')),
        (2501.0, f, se.ForActivity('a4', ar.RecordPoint('verbeterpunt', 'Nazorg na een incident'))),
        (2502.0, f, se.ForActivity('a4', ar.RecordPoint('succesfactor', 'Collega’s die even meekijken'))),
        (STARTS[4], f, se.StartActivity('a5')),
        (2801.0, f, se.ForActivity('a5', dm.NextStep())),  # inventariseren
        (
            2802.0,
            participant(PEOPLE[0]),
            se.ForActivity('a5', dm.SubmitDilemma('Een klant scheldt mij uit', 'grenzen', True)),
        ),
        (2803.0, f, se.ForActivity('a5', dm.Approve('d1'))),
        (2804.0, f, se.ForActivity('a5', dm.ChooseDilemma('d1'))),
        (2805.0, f, se.ForActivity('a5', dm.Formulate('Hij scheldt', '', '', 'Het gesprek stoppen', 'Doorgaan'))),
        (2806.0, f, se.ForActivity('a5', dm.GoToStep('formuleren'))),
        *((2807.0, participant(pid), se.ForActivity('a5', dm.Judge('a', 'Ik stop'))) for pid in PEOPLE[:3]),
        (2808.0, f, se.ForActivity('a5', dm.GoToStep('waarden'))),
        (2809.0, f, se.ForActivity('a5', dm.AddEntry('betrokkenen', 'De klant'))),
        (2810.0, f, se.ForActivity('a5', dm.AddEntry('waarden', 'Veiligheid', of='e1'))),
        (2811.0, f, se.ForActivity('a5', dm.AddEntry('normen', 'Niemand wordt uitgescholden', of='e1'))),
        (2812.0, f, se.ForActivity('a5', dm.GoToStep('afspraken'))),
        *((2813.0, participant(pid), se.ForActivity('a5', dm.Judge('b'))) for pid in PEOPLE[:3]),
        (2814.0, f, se.ForActivity('a5', dm.AddAgreement('werkafspraak', 'Stop bij schelden', 'Jan', '2027-02-01'))),
        (2815.0, f, se.ForActivity('a5', dm.AddAgreement('handelingsafspraak', 'Altijd een collega erbij', 'Fatima'))),
        (2816.0, f, se.ForActivity('a5', dm.EndDilemma())),
        (CLOSED, f, se.CloseSession()),
    ]
    return steps


def played() -> se.SessionState:
    state = se.SessionState(SESSION_ID)
    for at, actor, command in _commands():
        _run(state, at, actor, command)
    return state


def plan_for(state: se.SessionState) -> tp.State:
    """A team plan with the dilemma's first agreement and the quiz card from this session, and one item of another."""
    plan = tp.State()
    found = {c.text: c for c in candidates(state)}
    commands = [
        tp.SetTeam('Team Balie'),
        promotion(found['Stop bij schelden'], state),
        promotion(found['Wie belt de politie?'], state),
        tp.AddItem('Iets uit een andere sessie', owner='Piet', origin=tp.Origin(session_code='ZZZZZ')),
    ]
    for command in commands:
        for event in tp.decide(plan, command, Context(FACILITATOR, 1.0)):
            tp.evolve(plan, event)
    return plan


def _rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _table_after(document: DocumentType, heading: str) -> list[list[str]]:
    """The rows of the first table after the heading with this text."""
    body = list(document.element.body)
    start = next(i for i, e in enumerate(body) if e.tag.endswith('}p') and Paragraph(e, document).text == heading)
    element = next(e for e in body[start:] if e.tag.endswith('}tbl'))
    table = next(t for t in document.tables if t._tbl is element)
    return _rows(table)


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [shape._inline.docPr.get('descr', '') for shape in document.inline_shapes]
    return '\n'.join(parts)


def test_the_word_report_has_headings_agenda_checklist_every_outcome_and_what_went_into_the_plan() -> None:
    state = played()
    document = Document(io.BytesIO(report.session_report_docx(state, plan_for(state), 'nl', now=99999.0)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(('Heading', 'Title'))]
    level1 = [text for style, text in headings if style == 'Heading 1']
    assert headings[0] == ('Title', 'Verslag: Werkoverleg maart')
    assert level1 == SECTIONS
    assert 'Team: Team Balie · Datum: 01-01-1970 · Deelnemers: 4' in [p.text for p in document.paragraphs]
    assert _table_after(document, 'Agenda') == [
        ['Onderdeel', 'Werkvorm', 'Gepland (min)', 'Gebruikt (min)'],
        ['Stellingen', 'Stellingen', '15', '10'],
        ['Kennisquiz', 'Kennisquiz', '20', '20'],
        ['Lagerhuis', 'Lagerhuisdiscussie', '10', '10'],
        ['Arena', 'Arenagesprek', '10', '5'],
        ['Dilemma', 'Dilemmamethodiek', '30', '30'],  # the clock stopped at the close, not at `now`
        ['Totaal', '', '85', '75'],
    ]
    texts = [p.text for p in document.paragraphs]
    assert '[ ] Ervaringen gedeeld' in texts and '[x] Werkafspraken concreet geformuleerd' in texts
    assert _table_after(document, 'Stellingen')[1:] == [
        ['1. Ik voel me veilig aan de balie', '1', '3 (75%)', '1 (25%)'],
        ['2. Melden heeft zin', '1', *['Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).'] * 2],
    ]  # a merged cell reads the same in both columns
    assert _table_after(document, 'Stand')[0] == ['Plaats', 'Groep', 'Punten']
    assert _table_after(document, 'Stand')[1][:2] == ['1', 'Groep 1']
    assert _table_after(document, 'VOOR') == [
        ['Nr', 'Argument', 'Opmerking'],
        ['V1', 'Dan voelt iedereen zich veiliger', ''],
    ]
    assert _table_after(document, 'TEGEN')[1][:2] == ['T1', 'Het schrikt bezoekers af']
    assert 'Elk incident melden we binnen een dag' in texts
    assert 'Nazorg na een incident' in texts and ('Heading 3', 'Verbeterpunt') in headings
    assert _table_after(document, 'Wat zou je doen: vooraf en achteraf') == [
        ['Moment', 'A', 'B'],
        ['Vooraf (intuïtief oordeel)', '3', '0'],
        ['Achteraf', '0', '3'],
    ]
    assert _table_after(document, 'Waarden en normen') == [
        ['Betrokkenen', 'Waarden', 'Normen'],
        ['De klant', 'Veiligheid', 'Niemand wordt uitgescholden'],
    ]
    agreements = [
        ['Soort afspraak', 'Afspraken', 'Eigenaar', 'Termijn'],
        ['Werkafspraak', 'Stop bij schelden', 'Jan', '01-02-2027'],
        ['Handelingsafspraak', 'Altijd een collega erbij', 'Fatima', ''],
    ]
    assert [row[:4] for row in _table_after(document, 'Afspraken (voor het teamplan)')] == agreements
    assert _table_after(document, 'Afspraken') == agreements
    assert _table_after(document, 'Apart gehouden') == [
        ['Vraag', 'Waarom', 'Onderdeel'],
        ['Wie belt de politie?', 'apart gehouden door de begeleider', 'Kennisquiz'],
    ]
    assert _table_after(document, 'Toegevoegd aan het teamplan') == [
        ['Activiteit', 'Soort', 'Eigenaar', 'Termijn'],
        ['Stop bij schelden', 'Werkafspraak', 'Jan', '01-02-2027'],
        ['Wie belt de politie?', 'Kennishiaat', '', ''],
    ]  # the item of another session is not in this report


def test_the_markdown_report_has_the_same_parts() -> None:
    state = played()
    text = report.session_report_markdown(state, plan_for(state), 'nl', now=99999.0)
    assert text.startswith('# Verslag: Werkoverleg maart\n')
    assert 'Team: Team Balie' in text and 'Datum: 01-01-1970' in text
    assert '| Onderdeel | Werkvorm | Gepland (min) | Gebruikt (min) |' in text
    assert '| Stellingen | Stellingen | 15 | 10 |' in text and '| Totaal |   | 85 | 75 |' in text
    assert '| Dilemma | Dilemmamethodiek | 30 | 30 |' in text
    assert '- [ ] Ervaringen gedeeld\n- [x] Werkafspraken concreet geformuleerd' in text
    assert '- Ronde 1: Eens 3 (75%), Oneens 1 (25%)' in text
    assert '- Ronde 1: Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).' in text
    assert '1. Groep 1: 10 punten' in text and '**Winnaar: Groep 1**' in text
    assert 'Elk incident melden we binnen een dag' in text and 'Nazorg na een incident' in text
    assert '- Vooraf (intuïtief oordeel): A 3, B 0' in text
    sections = text.split('\n## ')
    titles = [section.split('\n', 1)[0] for section in sections[1:]]
    assert titles == SECTIONS
    assert '| Werkafspraak | Stop bij schelden | Jan | 01-02-2027 |' in sections[9]
    assert '| Handelingsafspraak | Altijd een collega erbij | Fatima |   |' in sections[9]
    assert '| Wie belt de politie? | apart gehouden door de begeleider | Kennisquiz |' in sections[8]
    added = sections[10]
    assert '| Activiteit | Soort | Eigenaar | Termijn |' in added
    assert '| Stop bij schelden | Werkafspraak | Jan | 01-02-2027 |' in added
    assert '| Wie belt de politie? | Kennishiaat |   |   |' in added
    assert 'andere sessie' not in text


def test_no_participant_or_device_id_and_no_individual_judgement_reaches_a_report() -> None:
    state = played()
    assert state.activities['a5'].state.submissions['d1'].show_name  # the sender chose to show their name
    plan = plan_for(state)
    for lang in ('nl', 'en'):
        for text in (
            report.session_report_markdown(state, plan, lang),
            _docx_text(report.session_report_docx(state, plan, lang)),
        ):
            for secret in (
                *PEOPLE,
                FACILITATOR.id,
                SESSION_ID,
                'Ik stop',
            ):  # 'Ik stop': one person's judgement sentence
                assert secret not in text


def test_english_report_and_a_session_without_plan() -> None:
    state = played()
    text = report.session_report_markdown(state, None, 'en', now=0.0)
    assert (
        text.startswith('# Report: Werkoverleg maart\n')
        and '| Part | Activity type | Planned (min) | Used (min) |' in text
    )
    assert 'This session has no team plan.' in text
    document = Document(io.BytesIO(report.session_report_docx(state, None, 'en')))
    assert 'This session has no team plan.' in [p.text for p in document.paragraphs]
    assert document.core_properties.title == 'Report: Werkoverleg maart'


def test_an_empty_open_session_counts_time_up_to_now_and_says_there_is_no_outcome_yet() -> None:
    state = se.SessionState('sid')
    _run(state, 0.0, FACILITATOR, se.CreateSession('Leeg', '', 'QWERT'))
    _run(state, 1.0, FACILITATOR, se.AddActivity('arena', 'Arena', {}, 0))
    _run(state, 1.0, FACILITATOR, se.AddActivity('teamplan', 'Teamplan', {}, 10))
    _run(state, 60.0, FACILITATOR, se.StartActivity('a1'))
    text = report.session_report_markdown(state, tp.State(), 'nl', now=60.0 + 150)
    assert '| Arena | Arenagesprek | – | 3 |' in text and '| Teamplan | Teamplan bespreken | 10 | 0 |' in text
    assert 'Niets uit deze sessie staat in het teamplan.' in text
    document = Document(io.BytesIO(report.session_report_docx(state, tp.State(), 'nl', now=210.0)))
    texts = [p.text for p in document.paragraphs]
    assert 'Het teamplan is besproken.' in texts and 'Beoogde uitkomsten' not in texts


def test_charts_of_the_statements_are_pictures_with_their_numbers_in_the_alt_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state = played()
    document = Document(io.BytesIO(report.session_report_docx(state, None)))
    descriptions = [shape._inline.docPr.get('descr') for shape in document.inline_shapes]
    assert report.CHARTS  # Pillow is a dependency
    assert descriptions == ['Ronde 1: eens 3 (75%), oneens 1 (25%)']  # one chart: the second result is hidden
    monkeypatch.setattr(report, 'CHARTS', False)
    assert len(Document(io.BytesIO(report.session_report_docx(state, None))).inline_shapes) == 0


def test_the_chart_is_a_png_with_a_pair_of_bars_per_round() -> None:
    from PIL import Image as image_module

    rounds = [Round('Ronde 1', '', (3, 1), (75, 25), True), Round('Ronde 2', '', (0, 4), (0, 100), True)]
    image = image_module.open(io.BytesIO(report.chart_png(('Eens', 'Oneens'), rounds)))
    assert image.format == 'PNG' and image.width == 1200 and image.height > 4 * 40


# --- the command line ------------------------------------------------------------------------------------------------


def _data_dir(tmp_path: Path) -> tuple[Path, str]:
    """A data folder with Team Balie's plan and one played (still open) session of that team; returns it and the
    session's code."""
    store = Store(tmp_path / 'samenspel.db')
    team = Teams(store).ensure('Team Balie')
    team.execute(FACILITATOR, tp.AddItem('Alarmknop maandelijks testen', owner='Fatima', term='2027-01-31'))
    clock = [10.0]
    room, _ = Rooms(store, clock=lambda: clock[0]).create('Werkoverleg maart', 'Team Balie')
    for at, actor, command in _commands()[1:-1]:  # made by Rooms; left open
        clock[0] = at
        room.execute(actor, command)  # type: ignore[arg-type]
    agreement = next(c for c in candidates(room.state) if c.text == 'Stop bij schelden')
    team.execute(FACILITATOR, promotion(agreement, room.state))
    store.close()
    return tmp_path, room.code


def test_export_team_writes_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = _data_dir(tmp_path)
    out = tmp_path / 'plan.xlsx'
    assert main(['export', '--team', 'team balie', '--format', 'xlsx', '--out', str(out), '--data-dir', str(data)]) == 0
    assert str(out) in capsys.readouterr().out
    sheet = load_workbook(out).worksheets[0]
    whats = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert whats == ['Alarmknop maandelijks testen', 'Stop bij schelden']
    assert (
        main(
            [
                'export',
                '--team',
                'Team Balie',
                '--format',
                'docx',
                '--out',
                str(tmp_path / 'p.docx'),
                '--data-dir',
                str(data),
            ]
        )
        == 0
    )
    document = Document(str(tmp_path / 'p.docx'))
    assert document.paragraphs[0].text == 'Teamplan Team Balie'
    assert any('Stop bij schelden' in cell.text for t in document.tables for row in t.rows for cell in row.cells)
    for fmt, check in (('json', 'Alarmknop'), ('md', '# Teamplan Team Balie'), ('csv', 'Alarmknop')):
        target = tmp_path / f'plan.{fmt}'
        assert (
            main(['export', '--team', 'Team Balie', '--format', fmt, '--out', str(target), '--data-dir', str(data)])
            == 0
        )
        assert check in target.read_text(encoding='utf-8-sig')
    assert json.loads((tmp_path / 'plan.json').read_text())['team']['name'] == 'Team Balie'


def test_export_without_out_writes_a_named_file_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / 'data').mkdir()
    data, code = _data_dir(tmp_path / 'data')
    monkeypatch.chdir(tmp_path)
    assert main(['export', '--team', 'Team Balie', '--format', 'docx', '--data-dir', str(data)]) == 0
    assert (tmp_path / 'teamplan-team-balie.docx').exists()
    assert main(['export', '--session', code.lower(), '--format', 'md', '--data-dir', str(data)]) == 0
    assert (tmp_path / f'sessie-{code}.md').exists()
    assert f'sessie-{code}.md' in capsys.readouterr().out
    assert file_slug('Team Bálie / Noord ') == 'team-balie-noord'


def test_export_session_writes_the_report_with_its_teams_plan(tmp_path: Path) -> None:
    data, code = _data_dir(tmp_path)
    out = tmp_path / 'verslag.docx'
    assert main(['export', '--session', code, '--format', 'docx', '--out', str(out), '--data-dir', str(data)]) == 0
    document = Document(str(out))
    assert document.paragraphs[0].text == 'Verslag: Werkoverleg maart'
    assert _table_after(document, 'Toegevoegd aan het teamplan') == [
        ['Activiteit', 'Soort', 'Eigenaar', 'Termijn'],
        ['Stop bij schelden', 'Werkafspraak', 'Jan', '01-02-2027'],
    ]  # the team's other item did not come from this session
    assert _table_after(document, 'Agenda')[1][:3] == ['Stellingen', 'Stellingen', '15']
    text = _docx_text(out.read_bytes())
    assert not any(pid in text for pid in PEOPLE)
    md = tmp_path / 'verslag.md'
    assert main(['export', '--session', code, '--format', 'md', '--out', str(md), '--data-dir', str(data)]) == 0
    assert '| Stop bij schelden | Werkafspraak | Jan | 01-02-2027 |' in md.read_text(encoding='utf-8')


def test_export_refuses_unknown_teams_sessions_and_formats_with_a_dutch_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, code = _data_dir(tmp_path)
    assert main(['export', '--team', 'Team Onbekend', '--format', 'xlsx', '--data-dir', str(data)]) == 1
    assert "Geen team met de naam 'Team Onbekend'" in capsys.readouterr().err
    assert main(['export', '--session', 'ZZZZZ', '--format', 'docx', '--data-dir', str(data)]) == 1
    assert "Geen sessie met code 'ZZZZZ'" in capsys.readouterr().err
    assert main(['export', '--session', code, '--format', 'xlsx', '--data-dir', str(data)]) == 2
    assert 'sessieverslag' in capsys.readouterr().err
    assert main(['export', '--team', 'Team Balie', '--format', 'md', '--data-dir', str(tmp_path / 'nergens')]) == 1
    assert 'Geen database' in capsys.readouterr().err
    assert not (tmp_path / 'nergens').exists()
    with pytest.raises(SystemExit):
        main(['export', '--team', 'Team Balie', '--session', code, '--format', 'md'])
    with pytest.raises(SystemExit):
        main(['export', '--format', 'md'])
