"""/incidenten with NiceGUI's simulated users: only the admin opens it, it says what to do without registrations,
its filters change what every figure shows, and no figure shows a small count."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
from nicegui.testing import User

from facilitation.incidents.model import Registration
from facilitation.store import ImportRecord, Store

from .test_access import new_session as new_session_with_key
from .test_pages import admin_key, open_projector, sign_in
from .test_quiz_pages import choose
from .test_trend_analysis import registrations


def keep(data_dir: Path, found: list[Registration], import_id: str = 'i1') -> None:
    """Registrations into the server's own database, as an import would put them there."""
    store = Store(data_dir / 'samenspel.db')
    store.add_incidents(ImportRecord(import_id, 'GIR', 'export.csv', len(found), 0.0), found)
    store.close()


def sample() -> list[Registration]:
    return [
        *registrations({'2025-01': 12, '2025-02': 14, '2025-03': 18, '2025-04': 22}, soort='verbaal'),
        *registrations({'2025-02': 3, '2025-03': 9}, soort='fysiek'),
        *registrations({'2025-01': 20, '2025-03': 2}, afdeling='Handhaving', soort='intimidatie'),
    ]


def table_texts(user: User, key: str) -> list[list[str]]:
    (table,) = user.find(marker=f'trend-table-{key}').elements
    return [[str(row[f'c{i}']) for i in range(len(row) - 1)] for row in table.rows]


async def test_only_the_admin_opens_the_trend_analysis(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    keep(data_dir, sample())
    await user.open('/incidenten')
    await user.should_see('Toegangscode')
    await user.should_not_see('Incidenten per maand')
    other = create_user()
    await other.open('/incidenten')
    other.find('Toegangscode').type('geen-code')
    other.find(marker='access-submit').click()
    await other.should_see('Toegangscode')
    await other.should_not_see('Incidenten per maand')
    await sign_in(other, admin_key(data_dir), '/incidenten')
    await other.should_see('Incidenten per maand')


async def test_without_registrations_the_page_links_to_the_import(user: User, data_dir: Path) -> None:
    await sign_in(user, admin_key(data_dir), '/incidenten')
    await user.should_see('Er zijn nog geen incidentregistraties')
    (link,) = user.find(marker='trend-import').elements
    assert link.props['href'] == '/incidenten/import'


async def test_the_figures_show_no_small_count_and_follow_the_filters(user: User, data_dir: Path) -> None:
    keep(data_dir, sample())
    await sign_in(user, admin_key(data_dir), '/incidenten')
    await user.should_see('Incidenten per maand')
    await user.should_see('Periode: 01-05-2024 tot en met 30-04-2025')  # the last twelve months of the data
    months = table_texts(user, 'maand')
    assert months[-5:] == [
        ['jan 2025', '32'],
        ['feb 2025', '17'],
        ['mrt 2025', '29'],
        ['apr 2025', '22'],
        ['Totaal', '100'],
    ]
    kinds = dict((row[0], row[1]) for row in table_texts(user, 'soort'))
    assert kinds['Verbaal'] == '66' and kinds['Fysiek'] == '12' and kinds['Intimidatie'] == '22'
    user.find(marker='trend-afdeling').elements.pop().set_value('Handhaving')
    user.find(marker='trend-apply').click()
    await user.should_see('Trendanalyse incidenten: Handhaving')
    kinds = dict((row[0], row[1]) for row in table_texts(user, 'soort'))
    assert kinds == {'Intimidatie': '22', 'Totaal': '22'}
    months = dict((row[0], row[1]) for row in table_texts(user, 'maand'))
    assert months['mrt 2025'] == '< 5' and months['feb 2025'] == '0' and months['Totaal'] == '22'
    assert months['jan 2025'] == 'afgeschermd'  # 22 - 20 would give the 2 away
    await user.should_see('“< 5”: minder dan 5 incidenten, niet getoond.', retries=20)
    for key in ('maand', 'kwartaal', 'soort', 'ernst', 'afdeling', 'periode'):
        for row in table_texts(user, key):
            assert not any(text.isdigit() and 0 < int(text) < 5 for text in row[1:]), (key, row)


async def test_a_period_typed_wrong_is_said_and_changes_nothing(user: User, data_dir: Path) -> None:
    keep(data_dir, sample())
    await sign_in(user, admin_key(data_dir), '/incidenten')
    await user.should_see('Incidenten per maand')
    user.find(marker='trend-from').clear().type('31-02-2025')
    user.find(marker='trend-apply').click()
    await user.should_see('Vul een datum in als dd-mm-jjjj')
    user.find(marker='trend-from').clear().type('01-04-2025')
    user.find(marker='trend-to').clear().type('01-01-2025')
    user.find(marker='trend-apply').click()
    await user.should_see('De begindatum ligt na de einddatum.')
    user.find(marker='trend-from').clear().type('01-01-2025')
    user.find(marker='trend-to').clear().type('31-03-2025')
    user.find(marker='trend-apply').click()
    await user.should_see('Periode: 01-01-2025 tot en met 31-03-2025')
    assert [row[0] for row in table_texts(user, 'maand')] == ['jan 2025', 'feb 2025', 'mrt 2025', 'Totaal']


async def test_the_word_and_excel_reports_are_those_of_the_filters(user: User, data_dir: Path) -> None:
    keep(data_dir, sample())
    await sign_in(user, admin_key(data_dir), '/incidenten')
    user.find(marker='trend-afdeling').elements.pop().set_value('Handhaving')
    user.find(marker='trend-apply').click()
    await user.should_see('Trendanalyse incidenten: Handhaving')
    user.find(marker='trend-docx').click()
    download = await user.download.next()
    document = docx.Document(io.BytesIO(download.content))
    assert document.paragraphs[0].text == 'Trendanalyse incidenten: Handhaving'
    user.find(marker='trend-xlsx').click()
    workbook = openpyxl.load_workbook(io.BytesIO((await user.download.next()).content))
    kinds = workbook['Soorten agressie']
    assert [[c.value for c in row] for row in kinds.iter_rows(min_row=3, max_row=4)] == [
        ['Intimidatie', 22],
        ['Totaal', 22],
    ]


# --- the werkvorm Trendanalyse in a session -------------------------------------------------------------------------


async def test_a_session_key_does_not_open_the_trend_analysis(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    keep(data_dir, sample())
    await sign_in(user, admin_key(data_dir))
    _, key = await new_session_with_key(user, 'Werkoverleg', 'Publiekszaken')
    facilitator = create_user()
    await facilitator.open('/incidenten')
    facilitator.find('Toegangscode').type(key)
    facilitator.find(marker='access-submit').click()
    await facilitator.should_see('Toegangscode')  # the session's key opens its console, not the registrations
    await facilitator.should_not_see('Incidenten per maand')


async def test_the_werkvorm_steps_through_the_teams_own_figures_on_the_projector_and_the_phones(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    keep(data_dir, sample())
    await sign_in(user, admin_key(data_dir))
    code, _ = await new_session_with_key(user, 'Werkoverleg mei', 'publiekszaken')
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Trendanalyse incidenten: de grafieken van de eigen afdeling, een voor een')
    user.find(marker='add-activity').click()
    user.find(marker='start-a2').click()  # a1: the starter statements
    await user.should_see('Toon: Incidenten per maand')
    (select,) = user.find(marker='ta-afdeling').elements
    assert select.value == 'Publiekszaken'  # the session's team, as the registrations name it
    beamer = create_user()
    await open_projector(user, beamer)
    await beamer.should_see('De begeleider toont zo de eerste grafiek.')
    phone = create_user()
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see('Kijk mee op het scherm.')
    user.find(marker='next-step').click()
    await beamer.should_see('Incidenten per maand · Afdeling: Publiekszaken')
    await phone.should_see('Incidenten per maand')
    await phone.should_see('Hoeveel incidenten er per maand zijn geregistreerd, met de trendlijn.')
    await user.should_see('Volgende: Incidenten per kwartaal')
    rows = [[str(r[f'c{i}']) for i in range(len(r) - 1)] for r in user.find(marker='ta-table').elements.pop().rows]
    assert rows[-1] == ['Totaal', '78'] and ['feb 2025', '17'] in rows  # Publiekszaken's only
    user.find(marker='ta-show-periode').click()
    await beamer.should_see('Deze periode tegenover de vorige · Afdeling: Publiekszaken')
    await user.should_see('Volgende: Herhalingsrisico op basis van achtergronden')
    await user.open(f'/f/{code}/summary')
    await user.should_see('Incidenten per maand')
    await user.should_see('Deze periode tegenover de vorige')


async def test_a_teams_facilitator_shows_only_the_teams_own_afdeling(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    keep(data_dir, sample())
    await sign_in(user, admin_key(data_dir))
    code, key = await new_session_with_key(user, 'Werkoverleg mei', 'Publiekszaken')
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Trendanalyse incidenten: de grafieken van de eigen afdeling, een voor een')
    user.find(marker='add-activity').click()
    user.find(marker='start-a2').click()
    await user.should_see('Toon: Incidenten per maand')
    (select,) = user.find(marker='ta-afdeling').elements
    assert set(select.options) == {'', 'Handhaving', 'Publiekszaken'}  # the admin may show any
    select.set_value('Handhaving')  # chosen on the admin's console
    await user.should_see('Toon: Incidenten per maand')
    team = create_user()
    await sign_in(team, key, f'/f/{code}')
    await team.should_see('Toon: Incidenten per maand')
    (own,) = team.find(marker='ta-afdeling').elements
    assert own.options == {'Publiekszaken': 'Publiekszaken'} and own.value == 'Publiekszaken'
    team.find(marker='next-step').click()
    await team.should_see('Op het scherm: Incidenten per maand (Afdeling: Publiekszaken)')
