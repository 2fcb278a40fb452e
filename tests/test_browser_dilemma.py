"""The dilemmamethodiek in real browsers: a gespreksleider runs a short version (steps 1, 2, 3, 5 and 8) with a
projector and three phones: dilemmas held and shown, rated and ranked, formulated with two sides and judged in
private (the projector counts, never shows a sentence), a table of betrokkenen, waarden and normen, a werkafspraak
with an owner and the before/after comparison. axe-core checks every view on the way (WCAG 2.1 A/AA)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import check_projector, console, join, phone, projector_of
from .live_server import LiveServer
from .test_accessibility import violations
from .test_browser_quiz import click

pytestmark = pytest.mark.browser

RUN = ("Dilemma's inventariseren", 'Kiezen van een situatie', 'Formuleren van het dilemma', 'Waarden en normen')
LAST = 'Overeenkomsten en verschillen'
SKIPPED = (
    'Verhelderen en verplaatsen',
    'Zoeken naar alternatieven',
    'Individuele afweging van de inbrenger',
    'Terugblik',
)
LOW = 'Een klant blijft schelden terwijl ik hem help'
TOP = 'Meld ik een dreigende blik in GIR?'
SIDE_A = 'Doorgaan met helpen'
SIDE_B = 'Het gesprek beëindigen'
SENTENCES = ('De klant heeft hulp nodig', 'Mijn grens is bereikt', 'Veiligheid gaat voor')
TABLE = {'Betrokkenen': 'De baliemedewerker', 'Waarden': 'Respect', 'Normen': 'Huisregels: niet schelden'}
CRITERIA = ('Urgentie', 'Algemeen belang', 'Herkenbaarheid')
NO_FADE = '.q-notification { transition: none !important; animation: none !important; }'
AGREEMENT = 'Bij schelden stoppen we het gesprek en melden we in GIR'


def rate(page: Page, text: str, scores: tuple[int, int, int], rated: int) -> None:
    """On the dilemma the phone shows now (one at a time), tap a score on each of its three 1-5 scales and save;
    wait until the phone counts `rated` dilemmas rated."""
    card = page.locator('.phone-card').filter(has_text=text)
    for criterion, value in zip(CRITERIA, scores, strict=True):
        card.get_by_label(criterion, exact=True).get_by_role('button', name=str(value), exact=True).click()
    card.get_by_role('button', name='Beoordeling opslaan', exact=True).click()
    expect(page.get_by_text(f'Je beoordeelde {rated} van de 2 dilemma’s', exact=True)).to_be_visible()


def judge(page: Page, side: str, sentence: str = '') -> None:
    page.get_by_role('radio', name=side, exact=True).click()
    if sentence:
        page.get_by_label('In één zin: waarom?').fill(sentence)
    click(page, 'Bewaar mijn oordeel')
    expect(page.get_by_text('Bewaard (alleen voor jou)', exact=True).last).to_be_visible()  # a notice, for a while


def test_a_short_run_from_dilemmas_to_a_werkafspraak(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    leader = console(browser, live_server, code)
    click(leader, 'Start Dilemmamethodiek')
    plan = leader.locator('.q-card').filter(has_text='Welke stappen, hoe lang?')
    expect(plan).to_be_visible()
    beamer = projector_of(leader, browser)
    phones = [phone(browser) for _ in range(3)]
    for p in phones:
        join(p, f'{url}/j/{code}')
        expect(p.get_by_text('De dilemmamethodiek begint zo. Houd deze pagina open.')).to_be_visible()
    first, second, _ = phones
    found: dict[str, list[str]] = {}
    views = (('console', leader), ('projector', beamer), ('phone', first))
    for _, page in views:
        # a notice caught fading in or out (opacity near 0) fails color-contrast: notices here appear and go at once
        page.add_style_tag(content=NO_FADE)

    def check(state: str) -> None:
        check_projector(beamer, state)
        for name, page in views:
            if lines := violations(page):
                found[f'{name} · {state}'] = lines

    # the run: steps 1, 2, 3, 5 and 8 only
    for name in SKIPPED:
        plan.get_by_role('checkbox', name=name, exact=True).click()
    plan.get_by_role('button', name='Opslaan', exact=True).click()
    expect(leader.get_by_text('Opgeslagen', exact=True)).to_be_visible()
    stepper = leader.get_by_role('list', name='Stappenplan')
    expect(stepper.get_by_role('button')).to_have_text([f'{n}. {s}' for n, s in enumerate([*RUN, LAST], 1)])
    expect(beamer.locator('ol.quiz-rules li')).to_have_text([*RUN, LAST])
    check('setup')

    # step 1: two dilemmas with a category, held until the gespreksleider shows them
    click(leader, 'Start met stap 1')
    for p, category, text in ((first, 'Grenzen stellen', LOW), (second, 'Wel of niet melden in GIR', TOP)):
        expect(p.get_by_text("Stap 1 van 5 · Dilemma's inventariseren")).to_be_visible()
        p.get_by_role('radio', name=category, exact=True).click()
        p.get_by_label('Wat gebeurde er, en waar twijfelde je?').fill(text)
        click(p, 'Versturen')
        expect(p.get_by_text('wacht op de gespreksleider', exact=True)).to_be_visible()
    expect(leader.get_by_text('Binnengekomen (2): nog niet zichtbaar')).to_be_visible()
    expect(beamer.get_by_text("Stap 1 van 5 · Dilemma's inventariseren")).to_be_visible()
    expect(beamer.get_by_text(LOW)).to_have_count(0)
    expect(beamer.get_by_text(TOP)).to_have_count(0)
    check('step 1, dilemmas held')
    click(leader, 'Toon alles')
    expect(beamer.locator('.dm-list li')).to_have_text([f'Grenzen stellen: {LOW}', f'Wel of niet melden in GIR: {TOP}'])
    expect(first.get_by_text('op het scherm', exact=True)).to_be_visible()
    check('step 1, dilemmas shown')

    # step 2: all three rate both (the minimum to show a ranking is 3); while they rate the beamer shows how many
    # rated each, never a mean; once the gespreksleider closes the rating, the second dilemma ranks first
    click(leader, 'Volgende stap: Kiezen van een situatie')
    expect(
        beamer.get_by_text(
            'De rangorde verschijnt zodra de gespreksleider het beoordelen sluit (per dilemma vanaf 3 beoordelingen).'
        )
    ).to_be_visible()
    for p, low, top in zip(phones, [(2, 3, 2), (3, 3, 1), (1, 2, 3)], [(5, 4, 5), (4, 4, 4), (5, 5, 5)], strict=True):
        expect(p.get_by_role('heading', name='Beoordeel de dilemma’s (1 = laag, 5 = hoog)')).to_be_visible()
        rate(p, LOW, low, 1)  # saved: the phone moves on to the next dilemma
        rate(p, TOP, top, 2)
    expect(beamer.locator('ul.dm-rating > li')).to_have_count(2)
    expect(beamer.locator('ul.dm-rating > li').nth(0)).to_contain_text('3 beoordeeld')
    expect(beamer.locator('body')).not_to_contain_text('Gemiddeld')
    click(leader, 'Beoordelen sluiten en de rangorde tonen')
    ranking = beamer.locator('ol.dm-ranking > li')
    expect(ranking).to_have_count(2)
    expect(ranking.nth(0)).to_contain_text(TOP)
    expect(ranking.nth(0)).to_contain_text('Gemiddeld 4,6 · 3 beoordeeld')
    expect(ranking.nth(1)).to_contain_text(LOW)
    expect(ranking.nth(1)).to_contain_text('Gemiddeld 2,2 · 3 beoordeeld')
    check('step 2, rated')
    leader.locator('li').filter(has_text=TOP).get_by_role('button', name='Kies dit dilemma').click()
    expect(leader.locator('li').filter(has_text=TOP).get_by_text('Gekozen', exact=True)).to_be_visible()

    # step 3: facts and two sides; everyone writes down privately what they would do
    click(leader, 'Volgende stap: Formuleren van het dilemma')
    leader.get_by_label('Feiten: wat gebeurde er?').fill('Een klant keek dreigend bij de balie')
    leader.get_by_label('Kant A van het dilemma').fill(SIDE_A)
    leader.get_by_label('Kant B van het dilemma').fill(SIDE_B)
    click(leader, 'Opslaan')
    expect(beamer.get_by_role('heading', name=TOP)).to_be_visible()
    expect(beamer.get_by_text('Een klant keek dreigend bij de balie')).to_be_visible()
    expect(beamer.get_by_text(SIDE_B, exact=True)).to_be_visible()
    for n, (p, side, sentence) in enumerate(zip(phones, ['A', 'B', 'B'], SENTENCES, strict=True), start=1):
        expect(p.get_by_role('heading', name='Wat zou jij doen?')).to_be_visible()
        judge(p, f'A: {SIDE_A}' if side == 'A' else f'B: {SIDE_B}', sentence)
        expect(leader.get_by_text(f'{n} collega’s schreven hun oordeel op')).to_be_visible()
    expect(beamer.get_by_text('3 collega’s schreven voor zichzelf op wat ze zouden doen.')).to_be_visible()
    for sentence in SENTENCES:
        expect(beamer.locator('body')).not_to_contain_text(sentence)
    check('step 3, judged')

    # step 5: the table from the phones, shown by the gespreksleider: a betrokkene, then the value and the norm at
    # stake for them, in their row
    click(leader, 'Volgende stap: Waarden en normen')
    (who, person), *stakes = TABLE.items()
    for p in phones:
        expect(p.get_by_role('heading', name='Vul de tabel aan')).to_be_visible()
    first.get_by_role('radio', name=who, exact=True).click()
    first.get_by_label('Wat wil je toevoegen?').fill(person)
    click(first, 'Versturen')
    expect(leader.get_by_text('Binnengekomen (1): nog niet zichtbaar')).to_be_visible()
    table = beamer.get_by_role('table')
    expect(table.get_by_role('columnheader')).to_have_text(list(TABLE))
    expect(beamer.get_by_text(person)).to_have_count(0)
    click(leader, 'Toon alles')
    for p, (column, text) in zip(phones[1:], stakes, strict=True):
        p.get_by_role('radio', name=column, exact=True).click()
        p.get_by_role('combobox', name='Voor welke betrokkene?').click()
        p.get_by_role('option', name=person, exact=True).click()
        p.get_by_label('Wat wil je toevoegen?').fill(text)
        click(p, 'Versturen')
        expect(p.get_by_text('wacht op de gespreksleider', exact=True)).to_be_visible()
    expect(leader.get_by_text('Binnengekomen (2): nog niet zichtbaar')).to_be_visible()
    for _, text in stakes:
        expect(beamer.get_by_text(text)).to_have_count(0)
    click(leader, 'Toon alles')
    expect(table.locator('tbody tr')).to_have_count(1)
    expect(table.locator('tbody tr').first.locator('th, td')).to_have_text(list(TABLE.values()))
    check('step 5, table shown')

    # step 8: a werkafspraak with its owner, the judgements afterwards, then before and after
    click(leader, f'Volgende stap: {LAST}')
    leader.get_by_label('Afspraak', exact=True).fill(AGREEMENT)
    leader.get_by_label('Eigenaar (wie zorgt ervoor?)').fill('Teamleider')
    click(leader, 'Afspraak toevoegen')
    agreements = beamer.locator('.dm-list li')
    expect(agreements.filter(has_text=AGREEMENT)).to_contain_text(f'Werkafspraak: {AGREEMENT}')
    expect(agreements.filter(has_text=AGREEMENT)).to_contain_text('eigenaar: Teamleider')
    for n, p in enumerate(phones, start=1):
        expect(p.get_by_role('heading', name='En wat zou je nu doen?')).to_be_visible()
        judge(p, f'B: {SIDE_B}')
        expect(leader.get_by_text(f'{n} collega’s gaven hun oordeel achteraf', exact=True)).to_be_visible()
    check('step 8, agreed')
    click(leader, 'Afronden: voor en na vergelijken')
    comparison = beamer.locator('.dm-comparison')
    expect(comparison.get_by_role('heading', name='Wat zou je doen: vooraf en achteraf')).to_be_visible()
    expect(comparison.locator('.result-title')).to_have_text(['Vooraf (intuïtief oordeel)', 'Achteraf'])
    expect(comparison.locator('.result-count')).to_have_text(['1 (33%)', '2 (67%)', '0 (0%)', '3 (100%)'])
    words = comparison.locator('.result-word')  # each bar says in words which side it counts, not only A or B
    before = beamer.viewport_size
    for width, height in ((1920, 1080), (1024, 768)):
        beamer.set_viewport_size({'width': width, 'height': height})
        expect(words).to_have_text([f'A: {SIDE_A}', f'B: {SIDE_B}'] * 2)
        for n in range(4):
            expect(words.nth(n)).to_be_in_viewport(ratio=1)
    assert before
    beamer.set_viewport_size(before)
    expect(beamer.get_by_text(f'{AGREEMENT} (Teamleider)')).to_be_visible()
    expect(first.get_by_text(f'Jij koos vooraf A: {SENTENCES[0]}')).to_be_visible()  # only on their own phone
    expect(second.locator('body')).not_to_contain_text(SENTENCES[0])
    for sentence in SENTENCES:
        expect(beamer.locator('body')).not_to_contain_text(sentence)
    check('finished')
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


INBRENGER = 'Sanne'
QUESTION = 'Wat zei de klant precies toen hij dreigde?'
ALTERNATIVE = 'Het gesprek stoppen en een collega erbij roepen'
JUIST = 'Ik vind het juist dat ik het gesprek stop'
NODIG = 'Een alarmknop die ook echt werkt'


def at_step(page: Page, name: str) -> None:
    page.get_by_role('list', name='Stappenplan').get_by_role('button', name=name).click()
    expect(page.get_by_role('button', name=f'{name} (nu)')).to_be_visible()


def test_the_inbrengers_phone_through_clarifying_and_the_afweging(browser: Browser, live_server: LiveServer) -> None:
    """The inbrenger volunteers on their phone; in step 4 it shows their task (listen and answer) and the questions
    shown, not the question form; in step 7 they type their afweging, which the projector shows under the two sides.
    A colleague's phone asks and judges and is never told who the inbrenger is; the projector never names them."""
    code = live_server.demo_code()
    leader = console(browser, live_server, code)
    click(leader, 'Start Dilemmamethodiek')
    beamer = projector_of(leader, browser)
    inbrenger, colleague = phone(browser), phone(browser)
    join(inbrenger, f'{live_server.url}/j/{code}', INBRENGER)
    join(colleague, f'{live_server.url}/j/{code}', 'Ahmed')
    click(leader, 'Start met stap 1')
    expect(leader.get_by_role('button', name="1. Dilemma's inventariseren (nu)")).to_be_visible()
    expect(leader.get_by_text('Welke stappen, hoe lang?')).to_have_count(0)  # step 1 is on: the set-up's form went
    leader.get_by_text('Zelf een dilemma toevoegen', exact=True).click()
    field = leader.get_by_label('Dilemma', exact=True)
    expect(field).to_be_visible()
    field.fill(TOP)
    click(leader, 'Toevoegen')
    click(leader, 'Kies dit dilemma')

    # step 3: the sides; the inbrenger says it is them, and is no colleague who judges
    at_step(leader, '3. Formuleren van het dilemma')
    leader.get_by_label('Kant A van het dilemma').fill(SIDE_A)
    leader.get_by_label('Kant B van het dilemma').fill(SIDE_B)
    click(leader, 'Opslaan')
    expect(inbrenger.get_by_text('Heb jij dit dilemma ingebracht?')).to_be_visible()
    click(inbrenger, 'Ik ben de inbrenger')
    expect(inbrenger.get_by_role('heading', name='Jij bent de inbrenger')).to_be_visible()
    expect(inbrenger.get_by_role('heading', name='Wat zou jij doen?')).to_have_count(0)
    expect(leader.get_by_text(f'Inbrenger: {INBRENGER}', exact=True)).to_be_visible()
    expect(colleague.get_by_role('heading', name='Wat zou jij doen?')).to_be_visible()
    expect(colleague.get_by_text('Heb jij dit dilemma ingebracht?')).to_have_count(0)  # taken: no second one

    # step 4: verhelderen en verplaatsen; the inbrenger listens and answers, the sides stay on the projector
    at_step(leader, '4. Verhelderen en verplaatsen')
    expect(inbrenger.get_by_text('Stap 4 van 9 · Verhelderen en verplaatsen')).to_be_visible()
    expect(inbrenger.get_by_text('Luister en beantwoord de vragen', exact=False)).to_be_visible()
    expect(inbrenger.get_by_role('heading', name='Stel een verhelderingsvraag')).to_have_count(0)
    expect(colleague.get_by_role('heading', name='Stel een verhelderingsvraag')).to_be_visible()
    colleague.get_by_label('Jouw vraag').fill(QUESTION)
    click(colleague, 'Versturen')
    click(leader, 'Toon alles')
    expect(inbrenger.locator('.dm-mine').get_by_text(QUESTION)).to_be_visible()
    expect(beamer.locator('.dm-sides')).to_contain_text(f'A: {SIDE_A}')
    expect(beamer.locator('.dm-sides')).to_contain_text(f'B: {SIDE_B}')
    expect(beamer.get_by_text('Verplaats je in de situatie van de inbrenger')).to_be_visible()
    expect(beamer.get_by_text(QUESTION)).to_be_visible()
    check_projector(beamer, 'step 4, the sides and a question')

    # step 5: a value at stake for a betrokkene, in that betrokkene's row
    at_step(leader, '5. Waarden en normen')
    leader.get_by_label('Wat wil je toevoegen?').fill('De klant')
    leader.get_by_label('Wat wil je toevoegen?').press('Enter')
    colleague.get_by_role('radio', name='Waarden', exact=True).click()
    colleague.get_by_role('combobox', name='Voor welke betrokkene?').click()
    colleague.get_by_role('option', name='De klant', exact=True).click()
    colleague.get_by_label('Wat wil je toevoegen?').fill('Respect')
    click(colleague, 'Versturen')
    click(leader, 'Toon alles')
    row = beamer.get_by_role('table').locator('tbody tr').first
    expect(row.locator('th')).to_have_text('De klant')
    expect(row.locator('td').first).to_have_text('Respect')
    check_projector(beamer, 'step 5, a value for the klant')

    # step 6: the alternative goes against the value, and the table stands beside it
    at_step(leader, '6. Zoeken naar alternatieven')
    leader.get_by_label('Een mogelijke aanpak').fill(ALTERNATIVE)
    leader.get_by_label('Een mogelijke aanpak').press('Enter')
    leader.get_by_role('group', name='Respect').get_by_role('button', name='Gaat in tegen').click()
    expect(beamer.locator('.dm-list li')).to_contain_text(['Gaat in tegen: Respect'])
    expect(beamer.get_by_role('table').locator('tbody th')).to_have_text('De klant')
    check_projector(beamer, 'step 6, an alternative beside the table')

    # step 7: the inbrenger types their afweging on the phone; the colleague only follows it
    at_step(leader, '7. Individuele afweging van de inbrenger')
    expect(colleague.get_by_text('De inbrenger maakt nu een afweging.', exact=False)).to_be_visible()
    expect(colleague.get_by_label('Ik vind het juist dat ik …')).to_have_count(0)
    inbrenger.get_by_label('Ik vind het juist dat ik …').fill(JUIST)
    inbrenger.get_by_label('… van de organisatie').fill(NODIG)
    click(inbrenger, 'Bewaar mijn afweging')
    expect(beamer.locator('.dm-deliberation')).to_contain_text(JUIST)
    expect(beamer.locator('.dm-deliberation')).to_contain_text(NODIG)
    expect(beamer.locator('.dm-sides')).to_contain_text(f'A: {SIDE_A}')
    expect(leader.get_by_label('Ik vind het juist dat ik …')).to_have_value(JUIST)  # the console follows the phone
    check_projector(beamer, 'step 7, the afweging from the phone')
    expect(beamer.locator('body')).not_to_contain_text(INBRENGER)  # the room is not told who it is
    expect(colleague.locator('body')).not_to_contain_text('Jij bent de inbrenger')
