"""The thematisch werkoverleg in real browsers (issue 9): a session made from the session plan runs a stelling and a
dilemma agreement, promotes both into the team plan, and the next session's review shows them; the session report
and the team plan as Word files contain both. axe-core checks the new views on the way (WCAG 2.1 A/AA)."""

from __future__ import annotations

import json
import re

import docx
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from playwright.sync_api import Browser, Page, expect

from .browser import check_projector, join, laptop, phone, projector_of, sign_in, step, vote
from .live_server import LiveServer
from .test_accessibility import violations
from .test_browser_quiz import click

pytestmark = pytest.mark.browser

WERKOVERLEG = 'Sessieplan: Thematisch werkoverleg agressie en geweld (90 min)'
PARTS = {
    'Teamplan: wat is er gelukt sinds de vorige keer?': 10,
    'Stellingen: ons protocol agressie en geweld': 25,
    'Dilemma: wat verwachten we van elkaar?': 40,
    'Teamplan: nieuwe afspraken': 15,
}
REVIEW, STATEMENTS, DILEMMA, _ = PARTS
OUTCOME = 'Werkafspraken zijn concreet geformuleerd'
NOTE = 'Het protocol noemt de meldroute in GIR nog niet'
AGREEMENT = 'Bij schelden stoppen we het gesprek en melden we in GIR'
OWNER = 'Teamleider'
NO_FADE = '.q-notification { transition: none !important; animation: none !important; }'


def new_session(page: Page, server: LiveServer, name: str, team: str) -> str:
    """Create a session from the werkoverleg plan on the start page and start its first part; return its code from
    the console's address."""
    page.goto(f'{server.url}/')
    page.get_by_label('Naam van de sessie').fill(name)
    page.get_by_label('Team', exact=True).fill(team)
    page.get_by_role('combobox', name='Eerste werkvorm op de agenda (je start hem zelf)').click()
    page.get_by_role('option', name=WERKOVERLEG, exact=True).click()
    click(page, 'Sessie aanmaken')
    expect(page).to_have_url(re.compile(rf'^{re.escape(server.url)}/f/[A-Z0-9]{{5}}$'))
    expect(page.get_by_text('Programma', exact=True)).to_be_visible()
    page.add_style_tag(content=NO_FADE)
    page.locator('.start-a1').click()  # the plan is on the agenda; its first part runs once started
    return page.url.rsplit('/', 1)[1]


def table_after(document: Document, heading: str) -> list[list[str]]:
    """The rows of the first table after the heading `heading` (in the body's order)."""
    found = False
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph) and block.text == heading:
            found = True
        elif found and isinstance(block, Table):
            return [[cell.text for cell in row.cells] for row in block.rows]
    raise AssertionError(f'no table after {heading!r}')


def test_a_werkoverleg_promotes_a_stelling_note_and_an_agreement_and_the_next_session_reviews_them(
    browser: Browser, live_server: LiveServer
) -> None:
    url = live_server.url
    found: dict[str, list[str]] = {}

    def check(view: str, page: Page) -> None:
        page.add_style_tag(content=NO_FADE)  # a notice caught fading in or out fails color-contrast
        if lines := violations(page):
            found[view] = lines
        if view.startswith('projector'):
            check_projector(page, view)

    # 1. the session from the plan: the agenda with its planned minutes, the checklist with five outcomes
    leader = laptop(browser, f'{url}/')
    sign_in(leader, live_server.admin_key)
    expect(leader.get_by_role('heading', name='Nieuwe sessie')).to_be_visible()
    check('start page', leader)
    code = new_session(leader, live_server, 'Werkoverleg januari', 'Team Balie')
    rows = leader.locator('.programme-row')
    expect(rows).to_have_count(4)
    for row, (title, minutes) in zip(rows.all(), PARTS.items(), strict=True):
        expect(row).to_contain_text(title)
        expect(row).to_contain_text(re.compile(rf'\d+ van {minutes} min'))
    expect(leader.get_by_text(re.compile(r'^Agenda: \d+ van 90 min gebruikt$'))).to_be_visible()
    expect(leader.get_by_text('Checklist (0 van 5 bereikt)', exact=True)).to_be_visible()
    expect(leader.locator('.console-side').get_by_role('checkbox')).to_have_count(5)
    leader.get_by_role('checkbox', name=OUTCOME, exact=True).click()
    expect(leader.get_by_text('Checklist (1 van 5 bereikt)', exact=True)).to_be_visible()
    expect(leader.get_by_role('checkbox', name=OUTCOME, exact=True)).to_be_checked()
    expect(leader.get_by_role('link', name='Teamplan van Team Balie', exact=True)).to_be_visible()
    expect(leader.get_by_text('Er staan geen open punten in het teamplan.', exact=True)).to_be_visible()
    check('console · agenda and checklist', leader)

    # 2. the statements part: two phones vote on one stelling; the nabespreking's 'what must change' is saved
    click(leader, f'Start {STATEMENTS}')
    phones = [phone(browser) for _ in range(2)]
    for p in phones:
        join(p, f'{url}/j/{code}')
    expect(leader.get_by_text('Deelnemers: 2', exact=True)).to_be_visible()
    step(leader, 'Toon eerste stelling')
    step(leader, 'Open stemming')
    for p, choice in zip(phones, ['eens', 'oneens'], strict=True):
        vote(p, choice)
    expect(leader.get_by_text('2 van 2 gestemd', exact=True)).to_be_visible()
    check('phone · stelling, voted', phones[0])
    step(leader, 'Sluit stemming')
    step(leader, 'Toon uitslag')
    discussion = leader.locator('.discussion')
    discussion.get_by_label('Wat moet anders in beleid of afspraken?').fill(NOTE)
    discussion.get_by_role('button', name='Opslaan', exact=True).click()
    expect(leader.get_by_text('Opgeslagen', exact=True)).to_be_visible()

    # 3. the dilemma part (the short version): with the stepper to its step 4, a werkafspraak with an owner
    click(leader, f'Start {DILEMMA}')
    expect(leader.get_by_text('Welke stappen, hoe lang?', exact=True)).to_be_visible()
    stepper = leader.get_by_role('list', name='Stappenplan')
    stepper.get_by_role('button', name='4. Overeenkomsten en verschillen', exact=True).click()
    expect(stepper.get_by_role('button', name='4. Overeenkomsten en verschillen (nu)', exact=True)).to_be_visible()
    leader.get_by_label('Afspraak', exact=True).fill(AGREEMENT)
    leader.get_by_label('Eigenaar (wie zorgt ervoor?)').fill(OWNER)
    click(leader, 'Afspraak toevoegen')
    expect(leader.get_by_text(f'Werkafspraak: {AGREEMENT}', exact=True)).to_be_visible()
    expect(leader.get_by_text(f'eigenaar: {OWNER}', exact=True)).to_be_visible()

    # 4. the summary: both into the team plan with one click each (a beleidspunt and a werkafspraak by default)
    leader.goto(f'{url}/f/{code}/summary')
    promote = leader.locator('.q-card').filter(has=leader.get_by_role('heading', name='Naar het teamplan'))
    note_row = promote.locator('.pr-row').filter(has_text=NOTE)
    agreement_row = promote.locator('.pr-row').filter(has_text=AGREEMENT)
    expect(note_row.get_by_role('combobox', name='Soort')).to_have_value('Beleidspunt')
    expect(agreement_row.get_by_role('combobox', name='Soort')).to_have_value('Werkafspraak')
    check('summary · promote card', leader)
    for row, text in ((note_row, NOTE), (agreement_row, AGREEMENT)):
        row.get_by_role('button', name=f'In het teamplan: {text}', exact=True).click()
        expect(row.get_by_text('In het teamplan', exact=True)).to_be_visible()
    check('summary · promoted', leader)
    with leader.expect_download() as download:
        click(leader, 'Verslag (Word)')
    report = docx.Document(str(download.value.path()))
    added = table_after(report, 'Toegevoegd aan het teamplan')
    assert [row[:3] for row in added[1:]] == [[NOTE, 'Beleidspunt', ''], [AGREEMENT, 'Werkafspraak', OWNER]], added

    # 5. the team plan page: both items by kind; its Word file has both, the agreement with its owner
    leader.get_by_role('link', name='Teamplan van Team Balie openen', exact=True).click()
    expect(leader.get_by_role('heading', name='Teamplan: Team Balie', exact=True)).to_be_visible()
    expect(leader.get_by_role('heading', name='Werkafspraken', exact=True)).to_be_visible()
    expect(leader.get_by_role('heading', name='Beleidspunten', exact=True)).to_be_visible()
    expect(leader.locator('.tp-item').filter(has_text=AGREEMENT)).to_contain_text(f'eigenaar: {OWNER}')
    expect(leader.locator('.tp-item').filter(has_text=NOTE)).to_be_visible()
    check('team plan page', leader)
    with leader.expect_download() as download:
        click(leader, 'Word (.docx)')
    plan = docx.Document(str(download.value.path()))
    rows_of_plan = [[cell.text for cell in row.cells] for table in plan.tables for row in table.rows]
    assert any(NOTE in row for row in rows_of_plan), rows_of_plan
    assert any(AGREEMENT in row and OWNER in row for row in rows_of_plan), rows_of_plan

    # 6. the next session of the same team (its name in another case): the review starts from the plan
    second = new_session(leader, live_server, 'Werkoverleg februari', 'team balie')
    assert second != code
    stage = leader.locator('.console-stage')
    expect(stage.get_by_role('heading', name=REVIEW, exact=True)).to_be_visible()
    expect(leader.get_by_role('link', name='Teamplan van Team Balie', exact=True)).to_be_visible()
    cards = stage.locator('.control-card')
    expect(cards.filter(has_text=NOTE)).to_have_count(1)
    expect(cards.filter(has_text=AGREEMENT)).to_contain_text(f'eigenaar: {OWNER}')
    check('console · review', leader)
    beamer = projector_of(leader, browser)
    expect(beamer.get_by_role('heading', name='Teamplan van Team Balie', exact=True)).to_be_visible()
    expect(beamer.get_by_text(NOTE, exact=True)).to_be_visible()
    expect(beamer.get_by_text(AGREEMENT, exact=True)).to_be_visible()
    expect(beamer.get_by_text(re.compile(r'^(Verder in het plan|Binnenkort of over tijd) \(2\)$'))).to_be_visible()
    check('projector · review overview', beamer)
    cards.filter(has_text=AGREEMENT).get_by_role('button', name='Zet op: Gelukt', exact=True).click()
    expect(beamer.get_by_text('Gelukt!', exact=True)).to_be_visible()
    expect(beamer.get_by_role('heading', name=AGREEMENT, exact=True)).to_be_visible()
    check('projector · celebration', beamer)
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
