"""The incident import in a real browser on a laptop: the admin loads the demo export (its "Omschrijving" and "Naam
melder" refused by name) and imports it, then picks a messy CSV of their own through the file dialog (`,` between
cells, UTF-8 with BOM, an e-mail column refused by name, an unknown word mapped once, a date that cannot be read)
and imports it; the result names the bad row and its column. axe-core checks the page in each state."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import laptop, sign_in
from .live_server import LiveServer
from .test_accessibility import violations

pytestmark = pytest.mark.browser

MESSY = (
    '\ufeffDatum,Soort,Ernst,Afdeling,E-mail melder,Kanaal\r\n'
    '05-03-2024,Verbale agressie,Licht,Burgerzaken,a.jansen@example.nl,Balie\r\n'
    '2024-03-06 14:30,Scheldpartij,Hoog,KCC,b.devries@example.nl,Telefonisch\r\n'
    '31-02-2024,Fysieke agressie,Gemiddeld,KCC,c.bakker@example.nl,Balie\r\n'
    '7/3/2024,Scheldpartij,Licht,Burgerzaken,d.smit@example.nl,Balie\r\n'
    '7/3/2024,Scheldpartij,Licht,Burgerzaken,d.smit@example.nl,Balie\r\n'
).encode()


def no_violations(page: Page, state: str) -> None:
    found = violations(page)
    assert not found, f'{state}:\n' + '\n'.join(found)


def test_the_demo_and_a_messy_export_are_imported_through_the_mapping(
    browser: Browser, live_server: LiveServer
) -> None:
    page = laptop(browser, f'{live_server.url}/incidenten/import')
    sign_in(page, live_server.admin_key)
    expect(page.get_by_role('heading', name='Incidenten importeren', level=1)).to_be_visible()
    expect(page.get_by_text('Nog niets geïmporteerd.')).to_be_visible()
    no_violations(page, 'empty')

    page.get_by_role('button', name='Demo-gegevens laden').click()
    expect(
        page.get_by_text('gir-export-demo.csv: 1506 rijen (Windows-1252, gescheiden door puntkomma (;))')
    ).to_be_visible()
    expect(page.get_by_text('Kolom ‘Naam melder’ geweigerd: de kolomnaam wijst op namen.')).to_be_visible()
    expect(page.get_by_text('Kolom ‘Omschrijving’ geweigerd', exact=False)).to_be_visible()
    no_violations(page, 'the demo mapped')
    page.get_by_role('button', name='Importeren (1506 rijen)').click()
    expect(page.get_by_text('1506 registraties geïmporteerd.')).to_be_visible()
    expect(page.get_by_text('Demo: GIR-export · gir-export-demo.csv · 1506 registraties', exact=False)).to_be_visible()
    no_violations(page, 'the demo imported')

    page.get_by_role('button', name='Nog een bestand importeren').click()
    page.get_by_label('Bron (het systeem of de export)').fill('Meldpunt')
    with page.expect_file_chooser() as chooser:
        page.get_by_role('button', name='Bestand kiezen (CSV of XLSX)').click()
    chooser.value.set_files(files=[{'name': 'meldingen.csv', 'mimeType': 'text/csv', 'buffer': MESSY}])
    expect(page.get_by_text('meldingen.csv: 5 rijen (UTF-8 (BOM), gescheiden door komma (,))')).to_be_visible()
    expect(page.get_by_text('Kolom ‘E-mail melder’ geweigerd: de kolomnaam wijst op contactgegevens.')).to_be_visible()
    expect(page.get_by_text('Kies voor elke onbekende waarde wat die betekent.')).to_be_visible()
    expect(page.get_by_role('button', name='Importeren (5 rijen)')).to_be_disabled()
    no_violations(page, 'a value to map')

    page.get_by_label('‘Scheldpartij’ (3×)').click()
    page.get_by_role('option', name='Verbale agressie').click()
    expect(page.get_by_text('Kies voor elke onbekende waarde wat die betekent.')).to_have_count(0)
    page.get_by_role('button', name='Importeren (5 rijen)').click()
    expect(page.get_by_text('3 registraties geïmporteerd.')).to_be_visible()
    expect(page.get_by_text('1 dubbele rij overgeslagen (rij 6).')).to_be_visible()
    expect(page.get_by_text('Rij 4, kolom ‘Datum’: ‘31-02-2024’ is geen datum (gebruik dd-mm-jjjj).')).to_be_visible()
    expect(page.get_by_text('Meldpunt · meldingen.csv · 3 registraties', exact=False)).to_be_visible()
    no_violations(page, 'the messy file imported')
