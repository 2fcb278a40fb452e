"""The leerdoelwijzer's and the ontwikkelmatrix's outcome: the team picture only, in every download.

A round with two function groups, one of at least the session's minimum and one below it: the summary's Markdown
and CSV, the report's Markdown and its Word file carry the shown group's figures, say the small group is not shown,
and contain no single person's learning goal or own topic; the Word file has the heatmap as a picture with its
numbers as alternative text; what goes to the team plan are sections and statements by need, as team learning goals.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from docx import Document
from nicegui import ui
from nicegui.testing import User

from facilitation import report
from facilitation import session as se
from facilitation.export import outcome_of, summary_csv, summary_markdown
from facilitation.outcomes import candidates, promotion
from facilitation.report import heatmap_png, session_report_docx, session_report_markdown
from facilitation.teamplan_model import Kind
from facilitation.ui.summary import outcome_page
from facilitation.werkvormen import outcome as oc
from facilitation.werkvormen.leerdoelen import outcome as lo
from facilitation.werkvormen.leerdoelen import rules as ld

from .helpers import FACILITATOR, fold, participant

SCALE = ['Altijd', 'Vaak', 'Soms', 'Nooit']
CONFIG = {
    'forms': [
        {
            'id': 'boa',
            'title': 'Leerdoelwijzer BOA',
            'group': 'BOA',
            'sections': [
                {'title': 'Risico-inschatting', 'items': ['Ik schat het risico in', 'Ik roep hulp in']},
                {'title': 'Stellen van grenzen', 'items': ['Ik zeg dat schelden moet stoppen']},
            ],
        },
        {
            'id': 'kcc',
            'title': 'Leerdoelwijzer KCC',
            'group': 'Klant Contact Centra',
            'sections': [{'title': 'Risico-inschatting', 'items': ['Ik herken een dreigend gesprek']}],
        },
    ],
    'scale': SCALE,
    'need': [2, 3],
}
BOA = {  # each person's answers to the BOA's three statements (Altijd 0 … Nooit 3)
    'p1': (0, 2, 0),
    'p2': (1, 2, 2),
    'p3': (0, 3, 2),
    'p4': (0, 1, 0),
}
GOALS = {pid: f'Mijn-eigen-doel-{pid}-zwartkat' for pid in (*BOA, 'p5')}


def wijzer_session(
    close: bool = True, config: dict[str, object] = CONFIG, minimum: int = 3, small: dict[str, str] | None = None
) -> se.SessionState:
    """Four BOA's (p1 named 'Anna') and one from the KCC (p5, below the minimum of 3), each with a goal of their own;
    `small`: who else answers which other form's only statement (as Nooit)."""
    kcc = small or {'p5': 'kcc'}
    commands: list[tuple[object, object]] = [
        (FACILITATOR, se.CreateSession('Werkoverleg', 'Team Handhaving', 'LDOUT', minimum)),
        (FACILITATOR, se.AddActivity('leerdoelwijzer', 'Leerdoelwijzer', config)),
        (FACILITATOR, se.StartActivity('a1')),
    ]
    for pid in (*BOA, *kcc):
        commands.append((participant(pid), se.Join('Anna' if pid == 'p1' else '')))
    for pid, answers in BOA.items():
        commands.append((participant(pid), se.ForActivity('a1', ld.ChooseForm('boa'))))
        for number, answer in enumerate(answers):
            item = ('boa.1.1', 'boa.1.2', 'boa.2.1')[number]
            commands.append((participant(pid), se.ForActivity('a1', ld.Answer(item, answer))))
        commands.append((participant(pid), se.ForActivity('a1', ld.Finish())))
    for pid, form in kcc.items():
        commands += [
            (participant(pid), se.ForActivity('a1', ld.ChooseForm(form))),
            (participant(pid), se.ForActivity('a1', ld.Answer(f'{form}.1.1', 3))),
            (participant(pid), se.ForActivity('a1', ld.Finish())),
        ]
    goals = {pid: f'Mijn-eigen-doel-{pid}-zwartkat' for pid in (*BOA, *kcc)}
    commands += [(participant(pid), se.ForActivity('a1', ld.SetGoal(goal, 'coaching'))) for pid, goal in goals.items()]
    if close:
        commands.append((FACILITATOR, se.ForActivity('a1', ld.CloseRound())))
    state, _ = fold(commands)  # type: ignore[arg-type]
    assert len(state.activities['a1'].state.people) == 4 + len(kcc) and state.activities['a1'].state.closed == close
    return state


def downloads(state: se.SessionState) -> dict[str, str]:
    """Every download as text: the Word file's paragraphs, tables and pictures' alternative texts too."""
    docx = session_report_docx(state, None, 'nl', 0.0)
    document = Document(io.BytesIO(docx))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read('word/document.xml').decode()
    return {
        'summary.md': summary_markdown(state, 'nl'),
        'summary.csv': summary_csv(state, 'nl'),
        'report.md': session_report_markdown(state, None, 'nl', 0.0),
        'report.docx': '\n'.join([*(p.text for p in document.paragraphs), *cells, xml]),
    }


def test_the_shown_groups_figures_are_in_every_download_and_no_ones_own_words() -> None:
    files = downloads(wijzer_session())
    for name, text in files.items():
        for goal in GOALS.values():
            assert goal not in text, (name, goal)
        assert 'zwartkat' not in text, name
        assert 'BOA' in text, name
        assert 'Ik herken een dreigend gesprek' not in text, name  # the small group's statement: not shown
    for name in ('summary.md', 'report.md'):
        text = files[name]
        assert 'Niet apart getoond (minder dan 3 deelnemers, of niemand): Klant Contact Centra.' in text
        assert 'Ze tellen in geen enkel cijfer mee' in text  # one person: no "overig" either
        assert 'Het teambeeld telt 4 deelnemers.' in text
        assert '| Ik roep hulp in | 0 | 1 | 2 | 1 | 75 % behoefte |' in text  # the heatmap as a table, by need
        assert '- Ik roep hulp in: Vaak 1, Soms 2, Nooit 1 (75 % behoefte)' in text
        # the team per section adds up only the groups shown: BOA's two risk statements, not the KCC's one
        assert '| Risico-inschatting | 3 | 2 | 2 | 1 | 38 % |' in text
    assert 'Klant Contact Centra' in files['report.docx']


def test_the_spreadsheet_has_a_row_per_section_and_statement_shown_and_none_for_the_small_group() -> None:
    rows = list(csv.DictReader(io.StringIO(summary_csv(wijzer_session(), 'nl'))))
    assert {row['groep'] for row in rows} == {'team', 'BOA'}
    found = {(row['groep'], row['tekst']): row for row in rows}
    assert set(found) == {
        ('team', 'Risico-inschatting'),
        ('team', 'Stellen van grenzen'),
        ('BOA', 'Ik schat het risico in'),
        ('BOA', 'Ik roep hulp in'),
        ('BOA', 'Ik zeg dat schelden moet stoppen'),
    }
    help_row = found['BOA', 'Ik roep hulp in']
    assert (help_row['totaal'], help_row['behoefte (%)'], help_row['antwoorden']) == (
        '4',
        '75',
        'Altijd 0; Vaak 1; Soms 2; Nooit 1',
    )
    assert found['team', 'Risico-inschatting']['totaal'] == '8'  # the BOA's 4 × 2, not the KCC's one answer


def test_the_word_report_has_the_heatmap_as_a_picture_with_its_numbers_as_alternative_text() -> None:
    docx = session_report_docx(wijzer_session(), None, 'nl', 0.0)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        pictures = [name for name in archive.namelist() if name.startswith('word/media/')]
        xml = archive.read('word/document.xml').decode()
    assert pictures
    assert (
        'descr="Antwoorden per uitspraak: BOA. Ik roep hulp in: Altijd 0, Vaak 1, Soms 2, Nooit 1 (75 % behoefte)'
        in xml
    )


def test_before_the_close_only_how_many_are_done() -> None:
    state = wijzer_session(close=False)
    files = downloads(state)
    for name in ('summary.md', 'report.md'):
        assert 'de ronde is niet gesloten' in files[name] and '5 deelnemers zijn klaar.' in files[name]
        assert 'Ik roep hulp in' not in files[name] and 'BOA' not in files[name]
    assert len(list(csv.reader(io.StringIO(files['summary.csv'])))) == 1  # the headings only
    assert candidates(state) == []


def test_the_offers_are_team_learning_goals_by_need() -> None:
    state = wijzer_session()
    offers = lo.offers(state.activities['a1'])
    assert [(o.ref, o.text) for o in offers] == [
        ('item-boa.1.2', 'Risico-inschatting: Ik roep hulp in'),  # 75 %
        ('section-2', 'Stellen van grenzen'),  # 50 %, the section before its statement
        ('item-boa.2.1', 'Stellen van grenzen: Ik zeg dat schelden moet stoppen'),
        ('section-1', 'Risico-inschatting'),  # 38 %; 'Ik schat het risico in' (0 %) is no goal
    ]
    assert all(o.kind == Kind.TEAMLEERDOEL and o.kinds == (Kind.TEAMLEERDOEL,) for o in offers)
    assert offers[0].result == (
        'Bij de volgende meting antwoordt het team minder vaak Soms of Nooit dan nu (75 % van de antwoorden).'
    )
    for candidate in candidates(state):
        command = promotion(candidate, state)
        assert command.kind == 'teamleerdoel' and command.result


MATRIX = {
    'forms': [
        {
            'id': 'matrix',
            'title': 'Ontwikkelmatrix',
            'sections': [
                {'title': 'Incidenten melden', 'items': ['Incidenten melden']},
                {'title': 'Veilig werken', 'items': ['Veilig werken aan de balie', 'Veilig werken op huisbezoek']},
            ],
        }
    ],
    'scale': ['Bewust van', 'Ik weet hoe het zit', 'Ik weet hoe het moet', 'Ervaren', 'Meesterschap', 'Anderen leren'],
    'need': [0, 1],
    'teach': 5,
    'own_topic': 'Eigen onderwerp',
}


def test_the_matrix_says_how_many_could_teach_a_topic_and_names_only_who_offered_by_name() -> None:
    levels = {'p1': (5, 0, 5), 'p2': (5, 1, 2), 'p3': (0, 1, 3)}
    commands: list[tuple[object, object]] = [
        (FACILITATOR, se.CreateSession('Werkoverleg', 'Team', 'MATRX')),
        (FACILITATOR, se.AddActivity('ontwikkelmatrix', 'Ontwikkelmatrix', MATRIX)),
        (FACILITATOR, se.StartActivity('a1')),
    ]
    for pid, answers in levels.items():
        commands.append((participant(pid), se.Join('Bram' if pid == 'p1' else '')))
        for item, level in zip(('matrix.1.1', 'matrix.2.1', 'matrix.2.2'), answers, strict=True):
            commands.append((participant(pid), se.ForActivity('a1', ld.Answer(item, level))))
        commands.append((participant(pid), se.ForActivity('a1', ld.SetOwnTopic(f'Eigen-{pid}-geheim', 4))))
    commands += [
        (participant('p1'), se.ForActivity('a1', ld.OfferHelp('matrix.1.1'))),
        (participant('p2'), se.ForActivity('a1', ld.OfferHelp('matrix.1.1'))),  # anonymous: refused, never named
        (FACILITATOR, se.ForActivity('a1', ld.CloseRound())),
    ]
    state, _ = fold(commands)  # type: ignore[arg-type]
    files = downloads(state)
    for name, text in files.items():
        assert 'geheim' not in text, name
    text = files['summary.md']
    assert '- Incidenten melden (2 kunnen het anderen leren; hulp aan collega’s aangeboden door: Bram)' in text
    assert '- Veilig werken op huisbezoek (1 kan het anderen leren)' in text
    offers = lo.offers(state.activities['a1'])
    assert [o.text for o in offers] == ['Veilig werken aan de balie', 'Veilig werken', 'Incidenten melden']


@pytest.mark.parametrize('most', [0, 1, 7])
def test_a_heatmap_picture_is_drawn_for_any_counts(most: int) -> None:
    heatmap = oc.Heatmap(
        'Titel',
        'Uitspraak',
        ('Een heel lange uitspraak ' * 12, 'Kort'),
        tuple(SCALE),
        ((most, 0, 1, 2), (0, 0, 0, most)),
        'Behoefte',
        ('50 % behoefte', '100 % behoefte'),
    )
    assert heatmap_png(heatmap).startswith(b'\x89PNG')
    assert heatmap.description().startswith('Titel. Een heel lange uitspraak')


async def test_the_summary_page_shows_the_heatmap_as_a_table_with_every_count(user: User) -> None:
    state = wijzer_session()

    @ui.page('/test/leerdoelen-outcome')
    def page() -> None:
        outcome_page(outcome_of(state.activities['a1'], state, 'nl').blocks)

    await user.open('/test/leerdoelen-outcome')
    await user.should_see('Antwoorden per uitspraak: BOA')  # the table's caption
    await user.should_see('Ik roep hulp in')
    await user.should_see('75 % behoefte')
    await user.should_see('Niet apart getoond (minder dan 3 deelnemers, of niemand): Klant Contact Centra.')
    await user.should_not_see('zwartkat')
    await user.should_not_see('Ik herken een dreigend gesprek')


def test_the_change_since_the_previous_round_is_said_per_section_and_statement() -> None:
    baseline = {'at': '2026-05-01', 'sections': {'Risico-inschatting': 0.25}, 'items': {'BOA: Ik roep hulp in': 0.5}}
    state = wijzer_session(config={**CONFIG, 'baseline': baseline})
    text = summary_markdown(state, 'nl')
    assert 'Vergeleken met de vorige ronde van 01-05-2026.' in text
    assert '| Risico-inschatting | 3 | 2 | 2 | 1 | 38 % | +12 punten sinds 01-05-2026 |' in text
    assert '| Stellen van grenzen | 2 | 0 | 2 | 0 | 50 % |   |' in text  # not in the previous round: no change
    assert '| Ik roep hulp in | 0 | 1 | 2 | 1 | 75 % behoefte, +25 punten sinds 01-05-2026 |' in text
    rows = {row['tekst']: row for row in csv.DictReader(io.StringIO(summary_csv(state, 'nl')))}
    assert (rows['Risico-inschatting']['verandering (punten)'], rows['Ik roep hulp in']['verandering (punten)']) == (
        '12',
        '25',
    )
    assert 'since 2026-05-01' in summary_markdown(state, 'en')


def test_small_groups_together_at_the_minimum_are_shown_as_overig_per_section_only() -> None:
    two = wijzer_session(minimum=2, small={'p5': 'kcc', 'p6': 'kcc'})  # the KCC's two reach the minimum of 2
    assert '### Klant Contact Centra (2 deelnemers)' in summary_markdown(two, 'nl')
    forms = [*CONFIG['forms'], {**CONFIG['forms'][1], 'id': 'pz', 'group': 'Publiekszaken'}]  # type: ignore[misc]
    state = wijzer_session(config={**CONFIG, 'forms': forms}, minimum=2, small={'p5': 'kcc', 'p6': 'pz'})
    text = summary_markdown(state, 'nl')
    assert 'Niet apart getoond (minder dan 2 deelnemers, of niemand): Klant Contact Centra, Publiekszaken.' in text
    assert 'De kleinere groepen staan samen, alleen per onderdeel, onder "Overig".' in text
    assert '### Overig (2 deelnemers)' in text and '| Risico-inschatting | 0 | 0 | 0 | 2 | 100 % |' in text
    assert 'Ik herken een dreigend gesprek' not in text  # their statements: never one by one
    # the team adds up the groups shown and "overig": the BOA's 8 risk answers and the two of overig
    assert '| Risico-inschatting | 3 | 2 | 2 | 3 | 50 % |' in text
    rows = list(csv.DictReader(io.StringIO(summary_csv(state, 'nl'))))
    assert {row['groep'] for row in rows} == {'team', 'BOA', 'Overig'}
    assert 'Ik herken een dreigend gesprek' not in {row['tekst'] for row in rows}


def test_without_pillow_the_word_report_gives_the_heatmap_as_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, 'CHARTS', False)
    document = Document(io.BytesIO(session_report_docx(wijzer_session(), None, 'nl', 0.0)))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ['Ik roep hulp in', '0', '1', '2', '1', '75 % behoefte'] in rows
