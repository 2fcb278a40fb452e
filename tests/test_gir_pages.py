"""The import page (/incidenten/import) with NiceGUI's simulated users: only the admin opens it, the demo export
imports in two clicks with its identifying columns refused, a messy file goes through the column and value mapping,
and the next file of the same source imports with the saved mapping; earlier imports can be deleted."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User

from facilitation.config import settings_from_env
from facilitation.incidents import demo
from facilitation.store import Store
from facilitation.ui import body_limit
from facilitation.ui.incident_import import UPLOAD_LIMIT

from .test_pages import admin_key, sign_in
from .test_quiz_pages import choose

PATH = '/incidenten/import'
MESSY = (
    '\ufeffDatum,Soort,Ernst,Afdeling,E-mail melder,Toelichting\r\n'
    '05-03-2024,Verbale agressie,Licht,Burgerzaken,a.jansen@example.nl,Schold de medewerker uit na een afwijzing\r\n'
    '2024-03-06 14:30,Scheldpartij,Hoog,KCC,b.devries@example.nl,Belde drie keer terug en bleef schelden\r\n'
    '31-02-2024,Fysieke agressie,Gemiddeld,KCC,c.bakker@example.nl,Duwde de medewerker tegen de balie aan\r\n'
    '7/3/2024,Scheldpartij,Licht,Burgerzaken,d.smit@example.nl,Schreeuwde in de wachtruimte tegen iedereen\r\n'
    '7/3/2024,Scheldpartij,Licht,Burgerzaken,d.smit@example.nl,Schreeuwde in de wachtruimte tegen iedereen\r\n'
).encode()


def stored(data_dir: Path) -> Store:
    return Store(settings_from_env().database)


async def upload(user: User, name: str, data: bytes) -> None:
    picker = user.find(ui.upload).elements.pop()
    assert isinstance(picker, ui.upload)
    await picker.handle_uploads([SmallFileUpload(name, 'text/csv', data)])


async def test_only_the_admin_opens_the_import(user: User, data_dir: Path) -> None:
    await user.open(PATH)
    await user.should_see('Toegangscode')
    await user.should_not_see('Incidenten importeren')
    await sign_in(user, admin_key(data_dir), PATH)
    await user.should_see('1. Bestand en bron')
    await user.should_see('Nog niets geïmporteerd.')


async def test_the_demo_export_imports_without_its_names_and_descriptions(user: User, data_dir: Path) -> None:
    await sign_in(user, admin_key(data_dir), PATH)
    user.find(marker='gir-demo').click()
    await user.should_see('gir-export-demo.csv: 1506 rijen (Windows-1252, gescheiden door puntkomma (;))')
    await user.should_see('Kolom ‘Omschrijving’ geweigerd: de kolomnaam wijst op vrije tekst')
    await user.should_see('Kolom ‘Naam melder’ geweigerd: de kolomnaam wijst op namen.')
    await user.should_see('Niet gebruikt: Meldingsnummer, Tijd.')
    user.find(marker='gir-import').click()
    await user.should_see('1506 registraties geïmporteerd.', retries=200)
    await user.should_see('gir-export-demo.csv · 1506 registraties')
    store = stored(data_dir)
    assert store.incidents() == demo.registrations()
    assert store.incident_sources() == [demo.SOURCE]
    text = ' '.join(str(row) for row in store.db.execute('SELECT * FROM incidents'))
    rows = demo.export_rows(demo.registrations())
    refused = {row[i] for row in rows[1:] for i in (rows[0].index('Omschrijving'), rows[0].index('Naam melder'))}
    assert not [cell for cell in refused if cell in text]  # no description, no reporter's name anywhere
    store.close()

    assert user.find(marker='gir-to-analysis').elements.pop().props['href'] == '/incidenten'
    await user.open('/incidenten')  # the trend analysis has the demo's registrations now
    await user.should_see('Trendanalyse incidenten')
    await user.should_not_see(marker='trend-empty')
    await user.open(PATH)
    await user.should_see('gir-export-demo.csv · 1506 registraties')

    user.find(marker='gir-demo').click()  # the same export again: nothing is counted twice
    await user.should_see('gir-export-demo.csv: 1506 rijen', retries=200)
    user.find(marker='gir-import').click()
    await user.should_see('0 registraties geïmporteerd.', retries=200)
    await user.should_see('1506 rijen stonden al in een eerdere import en zijn overgeslagen', retries=1)
    assert len(stored(data_dir).incident_imports()) == 1

    user.find(marker='gir-delete').click()
    user.find(marker='gir-delete-confirm').click()
    await user.should_see('gir-export-demo.csv verwijderd (1506 registraties).')
    await user.should_see('Nog niets geïmporteerd.')


async def test_a_messy_file_goes_through_the_mapping_and_the_next_one_is_one_click(user: User, data_dir: Path) -> None:
    await sign_in(user, admin_key(data_dir), PATH)
    user.find(marker='gir-source').type('Meldpunt')
    await upload(user, 'meldingen.csv', MESSY)
    await user.should_see('meldingen.csv: 5 rijen (UTF-8 (BOM), gescheiden door komma (,))')
    await user.should_see('Kolom ‘E-mail melder’ geweigerd: de kolomnaam wijst op contactgegevens.')
    await user.should_see('Kolom ‘Toelichting’ geweigerd: de kolomnaam wijst op vrije tekst')
    await user.should_see('‘Scheldpartij’ (3×)')  # the one unknown word, asked once
    await user.should_see('Kies voor elke onbekende waarde wat die betekent.')
    assert user.find(marker='gir-import').elements.pop().props.get('disable')
    choose(user, 'gir-value-soort', 'Verbale agressie')
    await user.should_not_see('Kies voor elke onbekende waarde wat die betekent.')
    user.find(marker='gir-import').click()
    await user.should_see('3 registraties geïmporteerd.')
    await user.should_see('1 dubbele rij overgeslagen (rij 6).')
    await user.should_see('Rij 4, kolom ‘Datum’: ‘31-02-2024’ is geen datum (gebruik dd-mm-jjjj).')
    store = stored(data_dir)
    kept = store.incidents()
    assert [(r.datum.isoformat(), r.soort, r.ernst, r.afdeling) for r in kept] == [
        ('2024-03-05', 'verbaal', 'licht', 'Burgerzaken'),
        ('2024-03-06', 'verbaal', 'ernstig', 'KCC'),
        ('2024-03-07', 'verbaal', 'licht', 'Burgerzaken'),
    ]
    store.close()
    user.find(marker='gir-again').click()
    user.find(marker='gir-known-source').click()  # the saved source: its columns and its word are known now
    await upload(user, 'meldingen-april.csv', MESSY.replace(b'31-02-2024', b'01-04-2024'))
    await user.should_see('meldingen-april.csv: 5 rijen')
    await user.should_not_see('Kies voor elke onbekende waarde wat die betekent.')
    user.find(marker='gir-import').click()
    await user.should_see('1 registratie geïmporteerd.')  # the corrected row 4; the rest was imported before
    await user.should_see('3 rijen stonden al in een eerdere import en zijn overgeslagen', retries=1)

    user.find(marker='gir-again').click()  # a file read under a new name, then the known source chosen: applied
    user.find(marker='gir-source').clear()
    user.find(marker='gir-source').type('Nieuw')
    await upload(user, 'meldingen-mei.csv', MESSY)
    await user.should_see('Kies voor elke onbekende waarde wat die betekent.')
    user.find(marker='gir-known-source').click()
    await user.should_not_see('Kies voor elke onbekende waarde wat die betekent.')


async def test_a_file_that_is_no_table_is_refused_by_name(user: User, data_dir: Path) -> None:
    await sign_in(user, admin_key(data_dir), PATH)
    await upload(user, 'foto.png', b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR')
    await user.should_see('foto.png is geen CSV- of XLSX-bestand')
    await upload(user, 'leeg.csv', b'')
    await user.should_see('leeg.csv is leeg.')
    await user.should_not_see('2. Kolommen koppelen')


async def test_an_uploaded_export_is_read_from_memory_and_never_written_to_disk(
    user: User, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the page's real upload route (and BodyLimit, which lets its larger body through): a 3 MB export,
    above the 1 MB where Starlette and NiceGUI would spool to a temporary file, never makes one."""
    await sign_in(user, admin_key(data_dir), PATH)
    picker = user.find(ui.upload).elements.pop()
    url = str(picker.props['url'])
    assert body_limit.LARGER[url] == UPLOAD_LIMIT

    def no_temporary_file(*args: object) -> None:
        raise AssertionError('an upload was written to a temporary file')

    monkeypatch.setattr(tempfile, '_sanitize_params', no_temporary_file)  # every tempfile function asks it first
    rows = demo.export_csv(demo.registrations(per_day=15))
    assert len(rows) > 3_000_000
    response = await user.http_client.post(url, files={'file': ('groot.csv', rows, 'text/csv')})
    assert response.status_code == 200
    await user.should_see('groot.csv: ', retries=200)
    await user.should_see('Kolom ‘Naam melder’ geweigerd')


async def test_the_import_speaks_english_too_and_reads_a_workbook(user: User, data_dir: Path) -> None:
    import io

    import openpyxl

    await sign_in(user, admin_key(data_dir), PATH)
    user.find('English').click()
    await user.open(PATH)
    await user.should_see('Import incidents')
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(['Date', 'Type', 'Severity', 'Name of the reporter'])
    sheet.append(['2024-03-05', 'Verbal aggression', 'High', 'Jan de Vries'])
    buffer = io.BytesIO()
    book.save(buffer)
    user.find(marker='gir-source').type('Excel')
    await upload(user, 'export.xlsx', buffer.getvalue())
    await user.should_see('export.xlsx: 1 row (Excel workbook, first sheet)')
    await user.should_see('Column ‘Name of the reporter’ refused: its name points to names.')
    user.find(marker='gir-import').click()
    await user.should_see('1 registration imported.')
    store = stored(data_dir)
    assert [(r.soort, r.ernst) for r in store.incidents()] == [('verbaal', 'ernstig')]
    store.close()


async def test_an_export_of_200000_rows_imports_whole_with_a_progress_bar(user: User, data_dir: Path) -> None:
    data = demo.export_csv(demo.registrations(per_day=demo.PER_DAY * 200_000 / len(demo.registrations())))
    await sign_in(user, admin_key(data_dir), PATH)
    user.find(marker='gir-source').type('GIR')
    await upload(user, 'gir-groot.csv', data)
    await user.should_see('gir-groot.csv: ', retries=600)
    rows = str(user.find(marker='gir-file-read').elements.pop().text).split(': ')[1].split(' ')[0]
    assert int(rows) > 195_000
    user.find(marker='gir-import').click()
    await user.should_see(marker='gir-progress', retries=100)  # shown while the rows are mapped off the event loop
    await user.should_see(f'{rows} registraties geïmporteerd.', retries=1200)


async def test_a_hostile_file_name_is_shown_as_text(user: User, data_dir: Path) -> None:
    name = '<b>export</b>" onclick="alert(1).csv'
    await sign_in(user, admin_key(data_dir), PATH)
    user.find(marker='gir-source').type('<i>Bron</i>')
    await upload(user, name, MESSY.replace(b'Scheldpartij', b'Verbaal'))
    await user.should_see(f'{name}: 5 rijen', retries=200)
    user.find(marker='gir-import').click()
    await user.should_see(f'<i>Bron</i> · {name} · 3 registraties', retries=200)
    delete = user.find(marker='gir-delete').elements.pop()
    assert delete.props['aria-label'] == f'Import {name} verwijderen'
    assert 'onclick' not in {key for key in delete.props if key != 'aria-label'}
