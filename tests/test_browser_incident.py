"""The incidentevaluatie in real browsers: a gespreksleider with a projector and three phones runs it end to end.
The incident described along the seed's picture (a name named before it is kept), causes from the phones held then
shown, classified into the seed's factors (one outside the organisation), per cause a measure or why not, the
projector's fishbone read from the back of the room at every beamer size, and two team plan items at the end: a
werkafspraak and an escalatie with who does have influence. axe-core checks every view on the way (WCAG 2.1 A/AA)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import check_projector, check_projector_720, console, join, phone, projector_of
from .live_server import LiveServer
from .test_accessibility import violations
from .test_browser_dilemma import NO_FADE
from .test_browser_quiz import click

pytestmark = pytest.mark.browser

WHAT = 'De burger werd boos toen hij lang moest wachten en begon te dreigen'
CAUSES = {  # the phone that sends it, its kind, the factor it gets
    'Er stond maar één medewerker aan de balie': ('Directe oorzaak', 'Organisatorische factoren: Protocollen'),
    'De wachttijd stond nergens aangegeven': ('Indirecte oorzaak', 'Technische factoren: ICT'),
    'De burger was eerder agressief geweest': (
        'Indirecte oorzaak',
        'Burgergebonden factoren: Eerder agressief geweest',
    ),
}
WERKAFSPRAAK = 'Altijd met twee medewerkers aan de balie'
ESCALATIE = 'Een wachtrijscherm in de publiekshal'
INFLUENCE = 'Facilitaire dienst'
OWNER_REFUSAL = 'Een maatregel heeft een eigenaar: wie zorgt ervoor?'


def choose(page: Page, scope: Page | object, name: str, option: str) -> None:
    scope.get_by_role('combobox', name=name).click()  # type: ignore[attr-defined]
    page.get_by_role('option', name=option, exact=True).click()
    expect(page.get_by_role('option', name=option, exact=True)).to_have_count(0)  # the menu closed


def test_an_evaluation_from_the_incident_to_team_plan_items(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    click(leader, 'Start Incidentevaluatie')
    expect(leader.get_by_text('Zo verloopt de incidentevaluatie')).to_be_visible()
    beamer = projector_of(leader, browser)
    phones = [phone(browser) for _ in range(3)]
    for p in phones:
        join(p, f'{live_server.url}/j/{code}')
        expect(p.get_by_text('De incidentevaluatie begint zo. Houd deze pagina open.')).to_be_visible()
    views = (('console', leader), ('projector', beamer), ('phone', phones[0]))
    for _, page in views:
        page.add_style_tag(content=NO_FADE)
    found: dict[str, list[str]] = {}

    def check(state: str) -> None:
        check_projector(beamer, state)
        check_projector_720(beamer, state)
        for name, page in views:
            if lines := violations(page):
                found[f'{name} · {state}'] = lines

    expect(beamer.locator('ol.quiz-rules li')).to_have_text(
        [
            'Beschrijf het incident',
            'Directe en indirecte oorzaken',
            'Classificeer de oorzaken',
            'Per oorzaak: actie nodig?',
        ]
    )
    check('setup')

    # step 1: the incident along the picture; a name is named before anything is kept
    click(leader, 'Start met stap 1')
    leader.get_by_label('Wat gebeurde er?').fill('Meneer Jansen werd boos toen hij lang moest wachten')
    leader.get_by_label('Waar?').fill('Publiekshal, balie 2')
    leader.get_by_label('Wanneer?').fill('Dinsdagochtend')
    choose(leader, leader, 'Via welk kanaal', 'Balie')
    for label, text in (
        ('Medewerker – burger', 'Vraag over een uitkering'),
        ('Spanning', 'Lange wachttijd, geen uitleg'),
        ('Incident', 'Schelden en dreigen'),
        ('Nazorg', 'Gesprek met de leidinggevende'),
    ):
        leader.get_by_label(label, exact=True).fill(text)
    click(leader, 'Opslaan')
    flag = leader.get_by_role('alert').filter(has_text='„Meneer Jansen” lijkt een naam.')
    expect(flag).to_be_visible()
    expect(beamer.get_by_text('Jansen')).to_have_count(0)  # nothing kept
    leader.get_by_label('Wat gebeurde er?').fill(WHAT)
    click(leader, 'Opslaan')
    expect(beamer.get_by_text(WHAT)).to_be_visible()
    phases = beamer.get_by_role('list', name='De interactie, van contact tot nazorg').locator('li')
    expect(phases).to_have_count(4)
    expect(phases.nth(3)).to_contain_text('Gesprek met de leidinggevende')
    expect(phones[0].get_by_text(WHAT)).to_be_visible()
    check('step 1, described')

    # step 2: causes from the phones, held until the gespreksleider shows them
    click(leader, 'Volgende stap: Directe en indirecte oorzaken')
    expect(beamer.get_by_text('Geen schuldvraag: het gaat om wat beter kan.', exact=False)).to_be_visible()
    for p, (text, (kind, _)) in zip(phones, CAUSES.items(), strict=True):
        expect(p.get_by_role('heading', name='Welke oorzaken zie je?')).to_be_visible()
        p.get_by_role('radio', name=kind, exact=True).click()
        p.get_by_label('Een oorzaak in één of twee zinnen').fill(text)
        click(p, 'Versturen')
        expect(p.get_by_text('wacht op de gespreksleider', exact=True)).to_be_visible()
    expect(leader.get_by_text('Binnengekomen (3): nog niet zichtbaar')).to_be_visible()
    expect(beamer.get_by_text('3 oorzaken wachten op de gespreksleider')).to_be_visible()
    for text in CAUSES:
        expect(beamer.get_by_text(text)).to_have_count(0)
    check('step 2, causes held')
    click(leader, 'Toon alles')
    expect(beamer.locator('ul.dm-list li')).to_have_text([f'{kind}: {text}' for text, (kind, _) in CAUSES.items()])
    expect(phones[0].get_by_text('op het scherm', exact=True)).to_be_visible()
    check('step 2, causes shown')

    # step 3: each cause into a factor of the picture; one lies outside the organisation
    click(leader, 'Volgende stap: Classificeer de oorzaken')
    for text, (_, factor) in CAUSES.items():
        row = leader.locator('li').filter(has_text=text)
        choose(leader, row, 'Factor', factor)
    leader.locator('li').filter(has_text='De wachttijd stond nergens aangegeven').get_by_role(
        'checkbox', name='buiten de organisatie'
    ).click()
    fishbone = beamer.get_by_role(
        'figure', name='Visgraat: de oorzaken per groep van factoren, die samen tot het incident leidden'
    )
    expect(fishbone).to_be_visible()
    expect(beamer.get_by_text('niet wie schuld heeft', exact=False)).to_be_visible()  # no blame, where it matters
    expect(fishbone.locator('.inc-bone').filter(has_text='Organisatorische factoren (1)')).to_contain_text(
        'Protocollen: Er stond maar één medewerker aan de balie'
    )
    expect(fishbone.locator('.inc-bone').filter(has_text='Technische factoren (1)')).to_contain_text(
        'ICT (buiten de organisatie): De wachttijd stond nergens aangegeven'
    )
    expect(fishbone.locator('.inc-bone').filter(has_text='Burgergebonden factoren (1)')).to_contain_text(
        'Eerder agressief geweest'
    )
    expect(fishbone.locator('.inc-bone').filter(has_text='Medewerkergebonden factoren (0)')).to_be_visible()
    check('step 3, fishbone')

    # step 4: per cause a measure with owner and term, an escalatie outside the team's reach, or why not
    click(leader, 'Volgende stap: Per oorzaak: actie nodig?')
    cards = {text: leader.locator('.q-card').filter(has_text=text) for text in CAUSES}
    first, second, third = cards.values()
    first.get_by_role('radio', name='Ja, actie nodig').click()
    first.get_by_label('Maatregel').fill(WERKAFSPRAAK)
    first.get_by_label('Termijn').fill('2027-03-01')
    first.get_by_role('button', name='Bewaar voor deze oorzaak').click()
    expect(leader.get_by_text(OWNER_REFUSAL)).to_be_visible()  # nothing kept without an owner
    assert violations(leader) == []  # the refusal's notice is readable too (white on the warning colour)
    first.get_by_label('Eigenaar (wie zorgt ervoor?)').fill('Teamleider')
    first.get_by_role('radio', name='Hoog').click()
    first.get_by_label('Waarom deze kans?').fill('Het is vaak druk op dinsdag')
    first.get_by_label('Wat hielp?').fill('Een collega kwam erbij')
    first.get_by_role('button', name='Bewaar voor deze oorzaak').click()
    second.get_by_role('radio', name='Ja, actie nodig').click()
    second.get_by_label('Maatregel').fill(ESCALATIE)
    second.get_by_label('Eigenaar (wie zorgt ervoor?)').fill('Coördinator agressie en geweld')
    second.get_by_label('Termijn').fill('2027-02-01')
    choose(leader, second, 'In het teamplan als', 'Escalatie (buiten bereik van het team)')
    second.get_by_label('Wie heeft er wel invloed op?').fill(INFLUENCE)
    second.get_by_label('Opvolgdatum').fill('2027-02-15')
    second.get_by_role('button', name='Bewaar voor deze oorzaak').click()
    third.get_by_role('radio', name='Nee, geen actie').click()
    third.get_by_label('Waarom is geen actie nodig?').fill('Buiten onze invloed; afspraken met de burger lopen')
    third.get_by_role('button', name='Bewaar voor deze oorzaak').click()
    expect(fishbone.get_by_text('Protocollen: Er stond maar één medewerker aan de balie · actie')).to_be_visible()
    expect(
        fishbone.get_by_text('Eerder agressief geweest: De burger was eerder agressief geweest · geen actie')
    ).to_be_visible()
    expect(beamer.get_by_text('2 maatregelen voor het teamplan')).to_be_visible()
    expect(leader.get_by_text(OWNER_REFUSAL)).to_have_count(0)  # the refusal's notice has gone by itself
    check('step 4, actions')

    # the end: into the team plan with one click each, and the plan shows both
    click(leader, 'Afronden: naar het teamplan')
    expect(phones[0].get_by_text('Dank je wel. De maatregelen gaan naar het teamplan.')).to_be_visible()
    check('finished')
    for measure in (WERKAFSPRAAK, ESCALATIE):
        leader.get_by_role('button', name=f'In het teamplan: {measure}').click()
        expect(leader.get_by_role('button', name=f'In het teamplan: {measure}')).to_have_count(0)
    with leader.expect_download() as download:
        click(leader, 'Incidentevaluatie downloaden (Word)')
    assert download.value.suggested_filename == f'incidentevaluatie-{code.lower()}.docx'
    leader.get_by_role('link', name='Teamplan van Team Publiekszaken openen').click()
    expect(leader.get_by_role('heading', name='Werkafspraken', exact=True)).to_be_visible()
    expect(leader.get_by_role('heading', name='Escalaties: wat het team niet zelf kan oplossen')).to_be_visible()
    expect(leader.locator('.q-card').filter(has_text=WERKAFSPRAAK).last).to_contain_text('Teamleider')
    expect(leader.locator('.q-card').filter(has_text=ESCALATIE).last).to_contain_text(INFLUENCE)
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


LONG = (
    'Er was die ochtend maar één medewerker aan de balie omdat een collega ziek was en de vervanging niet geregeld '
    'kon worden, terwijl het spreekuur voor de uitkeringen juist begon en de wachtrij tot buiten stond'
)


def test_the_projector_fits_a_long_description_and_many_long_causes(browser: Browser, live_server: LiveServer) -> None:
    """The worst a room types: every part of the description as long as it may be, and more long causes than a
    bone can hold, most of them in one group: the projector cuts each to what fits, with '+ 3 meer', at every size."""
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    click(leader, 'Start Incidentevaluatie')
    beamer = projector_of(leader, browser)
    click(leader, 'Start met stap 1')
    leader.get_by_label('Wat gebeurde er?').fill((LONG + '. ') * 5)
    for label in ('Waar?', 'Wanneer?'):
        leader.get_by_label(label, exact=True).fill(LONG[:200])
    for label in ('Medewerker – burger', 'Spanning', 'Incident', 'Nazorg'):
        leader.get_by_label(label, exact=True).fill((LONG + '. ') * 5)
    click(leader, 'Opslaan')
    expect(beamer.locator('.inc-phase-text').first).to_contain_text('…')
    check_projector(beamer, 'long description')
    check_projector_720(beamer, 'long description')

    click(leader, 'Volgende stap: Directe en indirecte oorzaken')
    add = leader.locator('.q-card').filter(has_text='Zelf een oorzaak toevoegen')
    for n in range(1, 10):
        add.get_by_label('Oorzaak', exact=True).fill(f'{n}. {LONG}')
        add.get_by_role('button', name='Toevoegen').click()
        expect(leader.get_by_text(f'Op het scherm ({n})')).to_be_visible()
    check_projector(beamer, 'nine long causes')
    click(leader, 'Volgende stap: Classificeer de oorzaken')
    for n in range(1, 8):
        choose(
            leader,
            leader.locator('li').filter(has_text=f'{n}. {LONG[:40]}'),
            'Factor',
            'Organisatorische factoren: Cultuur',
        )
    bone = beamer.locator('.inc-bone').filter(has_text='Organisatorische factoren (7)')
    expect(bone.locator('.inc-more')).to_be_visible()  # '+ 5 meer': the rest of the bone's causes
    expect(beamer.locator('.inc-bone').filter(has_text='Nog niet ingedeeld (2)')).to_be_visible()
    check_projector(beamer, 'a full bone')
    check_projector_720(beamer, 'a full bone')
