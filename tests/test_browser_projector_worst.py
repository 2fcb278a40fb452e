"""The projector in its worst cases, in a real browser: the longest texts and the longest lists each werkvorm meets
in practice still fit 1920x1080, 1280x800 and 1024x768 without scrolling or cut-off text (check_projector). Each
state is reached the fastest way: typed in at the console, with phones only where only a phone can send it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import check_projector, console, join, laptop, phone, projector_of, sign_in, step
from .live_server import LiveServer
from .test_browser_quiz import click

pytestmark = pytest.mark.browser

# 185 characters: the longest statement a starter set could hold, with the chart under it
STATEMENT = (
    'Als een inwoner aan de balie blijft schelden nadat ik hem twee keer rustig heb gevraagd daarmee te stoppen, '
    'mag ik het gesprek direct beëindigen en hem vragen om later terug te komen.'
)
SESSION = 'Thematisch werkoverleg Publiekszaken: omgaan met agressie en geweld aan de balie en telefoon'
TEAM = 'Team Publiekszaken en Burgerzaken'
NAMES = [  # four who typed their full names (40 characters at most): two rows of them
    'Annemarie van den Heuvel-Bakker',
    'Geertruida Schimmelpenninck van der Oye',
    'Jan-Willem van den Broek',
    'Wilhelmina van Oranje-Nassau',
]
DILEMMA = (
    'Een inwoner die ik ken van de sportclub vraagt aan de balie of ik zijn aanvraag voor een vergunning even '
    'voorrang kan geven, omdat zijn verbouwing anders stil komt te liggen. Help ik hem, of zeg ik nee?'
)
TABLE = {  # thirteen rows: the norms
    'Betrokkenen': [
        'De baliemedewerker',
        'De inwoner',
        'De teamleider',
        'Collega’s van vergunningen',
        'De aannemer',
        'Andere aanvragers die wachten',
        'De wethouder',
        'De buren van de verbouwing',
        'De sportclub',
        'De afdeling communicatie',
        'De ombudsman',
        'De gemeenteraad',
        'Het gezin van de inwoner',
    ],
    'Waarden': [
        'Gelijke behandeling van alle inwoners',
        'Behulpzaamheid',
        'Integriteit',
        'Betrouwbaarheid',
        'Loyaliteit',
        'Rechtvaardigheid',
        'Zorgvuldigheid',
        'Vertrouwen in de gemeente',
        'Collegialiteit',
        'Transparantie',
        'Klantgerichtheid',
        'Onafhankelijkheid',
        'Eerlijkheid tegenover jezelf en anderen',
    ],
    'Normen': [
        'Aanvragen worden behandeld in volgorde van binnenkomst',
        'Geen voorkeursbehandeling voor bekenden',
        'Melden bij de leidinggevende als je iemand persoonlijk kent',
        'De wettelijke beslistermijn van acht weken',
        'De gedragscode integriteit',
        'Afspraak is afspraak',
        'Vriendelijk maar duidelijk',
        'Niet beloven wat je niet kunt waarmaken',
        'Doorverwijzen naar de juiste afdeling',
        'Vastleggen in het zaaksysteem',
        'Vier ogen bij uitzonderingen',
        'Geen geschenken aannemen',
        'Altijd uitleggen waarom iets niet kan',
    ],
}
DELIBERATION = {
    'Ik vind het juist dat ik …': 'de inwoner vriendelijk maar duidelijk uitleg dat zijn aanvraag op volgorde wordt '
    'behandeld, net als die van iedereen, en dat ik hem niet voor kan laten gaan omdat ik hem ken.',
    'Omwille van … (waarden en normen)': 'gelijke behandeling, integriteit en het vertrouwen dat inwoners in de '
    'gemeente moeten kunnen hebben; de gedragscode zegt dat ik geen voorkeur mag geven aan bekenden.',
    'Ondanks … (wat kost het?)': 'dat hij boos kan worden, dat het op de sportclub ongemakkelijk wordt en dat zijn '
    'verbouwing misschien weken stil ligt, wat hem en zijn gezin veel geld kost.',
    'Hoe kan ik schade beperken?': 'Ik leg uit wat hij zelf kan doen: een volledige aanvraag, een spoedverzoek via '
    'de officiële weg, en ik vraag de collega van vergunningen wat de verwachte termijn is.\n'
    'Ik vertel het hem niet aan de balie waar anderen meeluisteren, maar in een spreekkamer.\n'
    'Ik bel hem na een week op om te vragen hoe het staat, zodat hij merkt dat ik hem niet laat vallen.\n'
    'Op de sportclub zeg ik er zelf iets over voordat het gaat rondzingen.',  # longer than its share: cut with …
    'Wat heb ik nodig om het echt te kunnen doen: van mezelf': 'De rust om nee te zeggen zonder me schuldig te '
    'voelen, en de woorden om het uit te leggen.',
    '… van het team': 'Dat collega’s het overnemen als een bekende aan mijn balie komt, zonder dat ik het hoef uit te '
    'leggen.',
    '… van de organisatie': 'Een duidelijke regel over bekenden aan de balie en een leidinggevende die mij steunt '
    'als een inwoner klaagt.',
}
LH_STATEMENT = 'Als een inwoner blijft schelden, mag ik het gesprek direct beëindigen zonder eerst te waarschuwen.'
ARGUMENTS = [  # (side, text): four for, four against, as a notulist types them while people speak
    ('VOOR', 'Je eigen veiligheid en die van je collega’s gaat altijd voor, ook als de inwoner zelf klem zit.'),
    ('TEGEN', 'De inwoner zit vaak zelf klem; wie het gesprek stopt, laat hem met zijn probleem en boosheid staan.'),
    ('VOOR', 'Wie schelden accepteert, leert de inwoner dat schelden werkt; de volgende collega krijgt het over zich.'),
    ('TEGEN', 'Een waarschuwing geeft iemand de kans zich te herpakken; direct stoppen maakt het conflict groter.'),
    ('VOOR', 'Veiligheid gaat altijd voor.'),  # a repeat of V1: struck
    ('TEGEN', 'De huisregels zeggen dat we eerst waarschuwen; daar moeten we ons als gemeente zelf ook aan houden.'),
    ('VOOR', 'Je mag als medewerker een grens stellen; daar heb je geen toestemming of waarschuwing voor nodig.'),
    ('TEGEN', 'Schelden is niet altijd agressie: soms is het machteloosheid, en dan helpt even doorpraten meer.'),
]
CONCLUSIONS = (
    'We stoppen een gesprek pas na één duidelijke waarschuwing.\n'
    'Wie een gesprek stopt, meldt het dezelfde dag in GIR.\n'
    'De teamleider bespreekt elke melding binnen een week met de collega.\n'
    'We oefenen de waarschuwing samen in het volgende werkoverleg.'
)
STANDING = ['Annemarie van den Heuvel-Bakker', 'Mohammed', 'Jan-Willem', 'Fatima', 'Karin', 'Pieter', 'Sanne']
OUTER_QUESTIONS = [
    'Wat had u op dat moment het meest nodig van uw leidinggevende, en kreeg u dat ook?',
    'Hoe merkte u dat de inwoner zou gaan schelden, en wat deed u toen als eerste?',
    'Heeft u het incident gemeld in GIR, en wat gebeurde er daarna met uw melding?',
    'Wat zou u een nieuwe collega aan de balie willen meegeven over zulke gesprekken?',
    'Hoe lang bleef het incident u bij, en met wie kon u er thuis of op het werk over praten?',
    'Wat zou de organisatie anders moeten doen om u beter te beschermen tegen agressie?',
]


def test_a_long_statement_with_two_rounds_counted_in_the_room(browser: Browser, live_server: LiveServer) -> None:
    leader = console(browser, live_server, live_server.demo_code())
    beamer = projector_of(leader, browser)
    leader.get_by_text('Nieuwe stelling', exact=True).click()
    leader.get_by_label('Stelling', exact=True).fill(STATEMENT)
    click(leader, 'Toevoegen')
    show = leader.get_by_role('button', name='Toon 15', exact=True, include_hidden=True)
    expect(show).to_have_count(1)
    leader.get_by_text('Stellingen', exact=True).click()
    show.click()
    expect(beamer.get_by_role('heading', name=STATEMENT)).to_be_visible()
    check_projector(beamer, 'long statement shown')
    for round_, (eens, oneens) in enumerate(((6, 3), (4, 5)), start=1):
        step(leader, 'Open stemming' if round_ == 1 else 'Nieuwe stemronde (na bespreking)')
        leader.get_by_text('Handtelling in de zaal (zonder telefoon)', exact=True).click()
        leader.get_by_label('Groene kaarten / eens-hoek').fill(str(eens))
        leader.get_by_label('Rode kaarten / oneens-hoek').fill(str(oneens))
        click(leader, 'Telling vastleggen')
        recorded = f'Vastgelegd: Groene kaarten / eens-hoek {eens}, Rode kaarten / oneens-hoek {oneens}'
        expect(leader.get_by_text(recorded, exact=True)).to_be_visible()  # the folded form says what it holds
        step(leader, 'Sluit stemming')
        step(leader, 'Toon uitslag')
        expect(beamer.locator('.chart-bar')).to_have_count(2 * round_)
    expect(beamer.get_by_text('Eens', exact=True)).to_be_visible()
    expect(beamer.get_by_text('Oneens', exact=True)).to_be_visible()
    check_projector(beamer, 'long statement, two rounds counted')


def test_the_lobby_of_a_session_with_a_long_name(browser: Browser, live_server: LiveServer) -> None:
    admin = laptop(browser, f'{live_server.url}/')
    sign_in(admin, live_server.admin_key)
    admin.get_by_label('Naam van de sessie').fill(SESSION)
    admin.get_by_label('Team', exact=True).fill(TEAM)
    click(admin, 'Sessie aanmaken')
    expect(admin.get_by_text('Programma', exact=True)).to_be_visible()
    code = admin.url.rsplit('/', 1)[1]
    beamer = projector_of(admin, browser)
    phones = [phone(browser) for _ in NAMES]
    for p, name in zip(phones, NAMES, strict=True):  # all at once: each waits only for its page
        p.goto(f'{live_server.url}/j/{code}')
        p.get_by_label('Je naam').fill(name)
        p.get_by_role('button', name='Doe mee', exact=True).click()
    expect(beamer.get_by_text(f'{len(NAMES)} deelnemers', exact=True)).to_be_visible()
    check_projector(beamer, 'lobby, long name, thirteen names')


def dilemma_at(page: Page, step_name: str) -> None:
    page.get_by_role('list', name='Stappenplan').get_by_role('button', name=step_name).click()
    expect(page.get_by_role('button', name=f'{step_name} (nu)')).to_be_visible()


def test_the_dilemma_table_and_deliberation_full(browser: Browser, live_server: LiveServer) -> None:
    leader = console(browser, live_server, live_server.demo_code())
    click(leader, 'Start Dilemmamethodiek')
    beamer = projector_of(leader, browser)
    click(leader, 'Start met stap 1')
    expect(leader.get_by_role('button', name="1. Dilemma's inventariseren (nu)")).to_be_visible()
    leader.get_by_text('Zelf een dilemma toevoegen', exact=True).click()
    field = leader.get_by_label('Dilemma', exact=True)
    expect(field).to_be_visible()
    field.fill(DILEMMA)
    click(leader, 'Toevoegen')
    click(leader, 'Kies dit dilemma')
    dilemma_at(leader, '5. Waarden en normen')
    field = leader.get_by_label('Wat wil je toevoegen?')
    for column, entries in TABLE.items():
        leader.get_by_role('combobox', name='Kolom').click()
        leader.get_by_role('option', name=column, exact=True).click()
        for entry in entries:
            field.fill(entry)
            field.press('Enter')
            expect(field).to_have_value('')
    expect(beamer.get_by_text(TABLE['Normen'][-1])).to_be_visible()
    check_projector(beamer, 'step 5, 13 rows')

    dilemma_at(leader, '7. Individuele afweging van de inbrenger')
    for label, text in DELIBERATION.items():
        leader.get_by_label(label, exact=True).fill(text)
    click(leader, 'Opslaan')
    expect(beamer.get_by_text(DELIBERATION['… van de organisatie'])).to_be_visible()
    shortened = beamer.locator('.dm-deliberation').get_by_text('Ik leg uit wat hij zelf kan doen', exact=False)
    expect(shortened).to_have_text(re.compile('…$'))  # more than its share of the column: cut with …
    check_projector(beamer, 'step 7, filled')


def test_eight_lagerhuis_arguments_one_struck(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    click(leader, 'Start Lagerhuisdiscussie')
    leader.get_by_role('textbox', name='Stelling').fill(LH_STATEMENT)
    click(leader, 'Gebruik deze stelling')
    beamer = projector_of(leader, browser)
    phones = [phone(browser) for _ in range(2)]  # the debate needs both sides
    for p in phones:
        join(p, f'{live_server.url}/j/{code}')
    click(leader, 'Verdeel iedereen over VOOR en TEGEN')
    for p in phones:
        expect(p.get_by_text('Jij zit aan de kant:')).to_be_visible()
    click(leader, 'Start het debat')
    side = leader.get_by_role('combobox', name='Voor de kant')
    field = leader.get_by_role('textbox', name='Je argument, kort samengevat')
    for n, (word, text) in enumerate(ARGUMENTS, start=1):
        side.click()
        leader.get_by_role('option', name=word, exact=True).click()
        field.fill(text)
        if n in (2, 4):  # T1 and T2 answer V1 and V2
            leader.get_by_role('combobox', name='Antwoord op (optioneel)').click()
            leader.get_by_role('option', name=f'V{n // 2}. ', exact=False).click()
        click(leader, 'Leg vast')
        expect(beamer.locator('.lh-argument-text').filter(has_text=text)).to_be_visible()  # the newest is shown
    click(leader, 'Schrappen V3')
    leader.get_by_label('Reden').fill('herhaling van V1')
    leader.get_by_role('button', name='Schrappen', exact=True).click()
    expect(beamer.get_by_text('geschrapt: herhaling van V1')).to_be_visible()
    check_projector(beamer, 'eight arguments, one struck')

    leader.get_by_text('Iemand staat op zonder telefoon', exact=True).click()
    name = leader.get_by_label('Naam (mag leeg blijven)')
    for person in STANDING:
        name.fill(person)
        click(leader, 'In de rij zetten')
        expect(name).to_have_value('')
    click(leader, 'Geef het woord aan de volgende')
    expect(beamer.get_by_text(f'Het woord is aan {STANDING[0]}', exact=False)).to_be_visible()
    check_projector(beamer, 'a speaker from the room, a long queue')

    click(leader, 'Einde debat: naar de nabespreking')
    leader.get_by_label('Conclusies').fill(CONCLUSIONS)
    click(leader, 'Opslaan')
    expect(beamer.get_by_text('Conclusies', exact=True)).to_be_visible()
    check_projector(beamer, 'nabespreking with conclusions')


def test_the_arena_second_round_with_a_queue_of_questions(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    click(leader, 'Start Arenagesprek')
    beamer = projector_of(leader, browser)
    inner, asking = phone(browser), phone(browser)
    for p in (inner, asking):
        join(p, f'{live_server.url}/j/{code}')
    expect(leader.get_by_text('2 deelnemers nog zonder ring')).to_be_visible()
    click(leader, 'Zet in de Buitenring')
    leader.get_by_role('combobox', name='Deelnemer').click()
    leader.get_by_role('option', name='1. iemand (anoniem)').click()
    leader.get_by_role('combobox', name='Naar ring').click()
    leader.get_by_role('option', name='Binnenring').click()
    click(leader, 'Verplaats')
    expect(inner.locator('.arena-ring-binnen')).to_be_visible()
    click(leader, 'Start ronde 1')
    click(leader, 'Start ronde 2')
    expect(beamer.get_by_text('Ronde 2: de buitenring vraagt door')).to_be_visible()
    for question in OUTER_QUESTIONS:
        asking.get_by_label('Je vraag').fill(question)
        click(asking, 'Verstuur vraag')
        expect(asking.get_by_text(f'Wacht op de gespreksleider: {question}')).to_be_visible()
    approve = leader.get_by_role('button', name=re.compile('^Toon in de rij'))
    for n in range(len(OUTER_QUESTIONS), 0, -1):
        expect(approve).to_have_count(n)
        approve.first.click()
    expect(approve).to_have_count(0)
    expect(beamer.get_by_text(OUTER_QUESTIONS[0])).to_be_visible()  # the queue's top
    check_projector(beamer, 'round 2, queue, no question yet')
    leader.get_by_role('button', name=re.compile('^Stel deze vraag')).first.click()
    expect(beamer.get_by_role('heading', name=OUTER_QUESTIONS[0])).to_be_visible()
    check_projector(beamer, 'round 2, question asked, queue beside it')
