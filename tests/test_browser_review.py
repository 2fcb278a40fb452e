"""The team plan cycle in real browsers (issue 16): the werkoverleg's review goes through the plan with its one next
step, an escalation's follow-up (who has influence, the action, what was agreed, the date and that it is overdue) is
on the console and the projector, and an item set to *Niet gelukt* stays in the review until it is carried into the
next planning (seed: "Punten die nog niet gelukt zijn worden opgenomen in de vervolgplanning")."""

from __future__ import annotations

import datetime
import json
import re

import docx
import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import check_projector, laptop, projector_of, sign_in
from .live_server import LiveServer
from .test_browser_quiz import click
from .test_browser_werkoverleg import new_session

pytestmark = pytest.mark.browser

AGREEMENT = 'Alarmknop elke maand testen'
ESCALATION = 'Camerabeelden bij de balie'
INFLUENCE = 'Afdelingshoofd Facilitair'
ACTION = 'Mail aan het afdelingshoofd gestuurd'
AGREED = 'Voorstel komt in het MT van maart'
PLAN = {
    'version': 1,
    'team': {'name': 'Team Balie', 'unit': '', 'function_group': ''},
    'counter': 2,
    'items': [
        {'id': 'p1', 'kind': 'werkafspraak', 'what': AGREEMENT, 'result': 'Werkt altijd', 'term': '2025-01-31'},
        {
            'id': 'p2',
            'kind': 'escalatie',
            'what': ESCALATION,
            'owner': 'Teamleider',
            'influence': INFLUENCE,
            'action': ACTION,
            'agreed': AGREED,
            'follow_up': '2025-02-15',
        },
    ],
}


def plan_of_team(page: Page, server: LiveServer) -> str:
    """A werkoverleg session of Team Balie whose plan is PLAN (restored from JSON on the team page, as a team moving
    its plan does); back on its console, the review (the first part) running. Returns the session's code."""
    code = new_session(page, server, 'Werkoverleg maart', 'Team Balie')
    page.get_by_role('link', name='Teamplan van Team Balie', exact=True).click()
    with page.expect_file_chooser() as chooser:
        click(page, 'Teamplan terugzetten uit JSON (vervangt het huidige plan)')
    chooser.value.set_files(
        files=[{'name': 'plan.json', 'mimeType': 'application/json', 'buffer': json.dumps(PLAN).encode()}]
    )
    expect(page.get_by_text('Teamplan teruggezet', exact=True)).to_be_visible()
    page.goto(f'{server.url}/f/{code}')
    expect(
        page.locator('.console-stage').get_by_role('heading', name=re.compile('^Teamplan: wat is er'))
    ).to_be_visible()
    return code


def test_the_review_follows_an_escalation_and_carries_what_did_not_succeed_into_the_next_planning(
    browser: Browser, live_server: LiveServer
) -> None:
    leader = laptop(browser, f'{live_server.url}/')
    sign_in(leader, live_server.admin_key)
    plan_of_team(leader, live_server)
    stage = leader.locator('.console-stage')
    escalation = stage.locator('.control-card').filter(has_text=ESCALATION)
    agreement = stage.locator('.control-card').filter(has_text=AGREEMENT)

    # the escalation on the console: who has influence, the action, what was agreed, its follow-up date, overdue
    for line in (f'Wie heeft invloed: {INFLUENCE}', f'Actie: {ACTION}', f'Afgesproken: {AGREED}'):
        expect(escalation.get_by_text(line, exact=True)).to_be_visible()
    expect(escalation.get_by_text('opvolgen 15-02-2025 · over tijd · eigenaar: Teamleider', exact=True)).to_be_visible()
    expect(escalation).not_to_contain_text('geen termijn')

    # ... and on the projector: in the overview (waiting on others), then on the screen with all it needs
    beamer = projector_of(leader, browser)
    waiting = beamer.locator('.rv-waiting')
    expect(waiting.get_by_text(re.compile(r'^Wacht op anderen \(1\)$'))).to_be_visible()
    expect(
        waiting.get_by_text(f'opvolgen 15-02-2025 · over tijd · bij {INFLUENCE} · eigenaar: Teamleider')
    ).to_be_visible()
    check_projector(beamer, 'review overview with an overdue escalation')
    # the step goes through the plan in order: the overdue term (31 Jan) first, then the escalation (15 Feb)
    step = leader.get_by_role('button', name=f'Bespreek: {AGREEMENT}', exact=True)
    step.click()
    expect(beamer.get_by_role('heading', name=AGREEMENT, exact=True)).to_be_visible()
    leader.get_by_role('button', name=f'Volgende punt: {ESCALATION}', exact=True).click()
    expect(beamer.get_by_role('heading', name=ESCALATION, exact=True)).to_be_visible()
    for line in (f'Wie heeft invloed: {INFLUENCE}', f'Actie: {ACTION}', f'Afgesproken: {AGREED}'):
        expect(beamer.get_by_text(line, exact=True)).to_be_visible()
    expect(beamer.get_by_text('opvolgen 15-02-2025 · over tijd', exact=True)).to_be_visible()
    check_projector(beamer, 'review focus on an escalation')
    leader.get_by_role('button', name='Terug naar het overzicht', exact=True).click()
    expect(beamer.locator('.rv-waiting')).to_be_visible()

    # Niet gelukt: the card stays (console and projector), and the item goes into the next planning from here
    agreement.get_by_role('button', name='Zet op: Niet gelukt', exact=True).click()
    expect(agreement.locator('.tp-status')).to_have_text('cancelNiet gelukt')
    not_done = beamer.locator('.rv-not-done')
    expect(not_done.get_by_text('Niet gelukt: naar de vervolgplanning (1)', exact=True)).to_be_visible()
    expect(not_done.get_by_text(AGREEMENT, exact=True)).to_be_visible()
    check_projector(beamer, 'review overview with an item not succeeded')
    agreement.get_by_role('button', name='Op het scherm', exact=True).click()
    expect(beamer.get_by_role('heading', name=AGREEMENT, exact=True)).to_be_visible()
    term = (datetime.date.today() + datetime.timedelta(days=30)).strftime('%d-%m-%Y')
    agreement.get_by_role('button', name=f'Meenemen naar de volgende planning ({term})', exact=True).click()
    carried = f'Meegenomen naar de volgende planning: {term}'
    expect(beamer.get_by_text(carried, exact=True)).to_be_visible()
    check_projector(beamer, 'review focus on an item carried over')
    cards = stage.locator('.control-card').filter(has_text=AGREEMENT)
    expect(cards).to_have_count(2)  # the one on the screen (moved on) and its successor in the next planning
    old, new = cards.filter(has_text=carried), cards.filter(has_text=f'termijn {term}')
    expect(old.locator('.tp-status')).to_have_text('redoDoorgeschoven')
    expect(old.get_by_role('button', name=re.compile('^Meenemen'))).to_be_hidden()  # carried once, not twice
    expect(new.locator('.tp-status')).to_have_text('eventGepland')
    leader.get_by_role('button', name='Terug naar het overzicht', exact=True).click()
    expect(cards).to_have_count(1)  # off the screen, the item that moved on leaves the review
    expect(beamer.locator('.rv-not-done')).to_have_count(0)  # nothing waits to be carried any more
    expect(beamer.get_by_text(AGREEMENT, exact=True)).to_be_visible()  # its successor, in the plan
    check_projector(beamer, 'review overview after carrying over')
    leader.get_by_role('link', name='Het hele teamplan openen', exact=True).click()
    expect(leader.locator('.tp-item').filter(has_text='doorgeschoven van p1')).to_contain_text(AGREEMENT)


ACTING = 'Bij schelden stoppen we het gesprek, met zijn tweeën'
BASIS = 'De organisatienorm: schelden accepteren we niet'


def test_the_closing_part_confirms_a_new_handelingsafspraak_with_its_basis_into_the_plan_and_its_word_file(
    browser: Browser, live_server: LiveServer
) -> None:
    leader = laptop(browser, f'{live_server.url}/')
    sign_in(leader, live_server.admin_key)
    new_session(leader, live_server, 'Werkoverleg april', 'Team Wijk')
    # the dilemma part: a handelingsafspraak, on what basis, with its owner
    click(leader, 'Start Dilemma: wat verwachten we van elkaar?')
    stepper = leader.get_by_role('list', name='Stappenplan')
    stepper.get_by_role('button', name='4. Overeenkomsten en verschillen', exact=True).click()
    leader.get_by_role('combobox', name='Soort afspraak').click()
    leader.get_by_role('option', name='Handelingsafspraak', exact=True).click()
    leader.get_by_label('Afspraak', exact=True).fill(ACTING)
    leader.get_by_label('Eigenaar (wie zorgt ervoor?)').fill('Teamleider')
    leader.get_by_label('Op basis waarvan (waarden en normen)').fill(BASIS)
    click(leader, 'Afspraak toevoegen')
    expect(leader.get_by_text(f'Handelingsafspraak: {ACTING}', exact=True)).to_be_visible()

    # the closing part: the new agreement, its kind and basis kept, made concrete and confirmed into the plan
    click(leader, 'Start Teamplan: nieuwe afspraken')
    stage = leader.locator('.console-stage')
    expect(stage.get_by_role('heading', name='Nieuwe afspraken uit dit overleg', exact=True)).to_be_visible()
    row = stage.locator('.pr-row').filter(has_text=ACTING)
    expect(row.get_by_role('combobox', name='Soort')).to_have_value('Handelingsafspraak')
    expect(row.get_by_label('Op basis waarvan', exact=True)).to_have_value(BASIS)
    row.get_by_label('Beoogd resultaat').fill('Niemand gaat na schelden alleen verder')
    row.get_by_label('Termijn').fill('2027-02-01')
    row.get_by_role('button', name=f'In het teamplan: {ACTING}', exact=True).click()
    expect(row.get_by_role('status').filter(has_text='In het teamplan')).to_be_visible()
    expect(row.get_by_role('button', name=re.compile('^In het teamplan:'))).to_be_hidden()
    # ... and it is in the plan reviewed below, at once
    expect(leader.get_by_role('button', name=f'Bespreek: {ACTING}', exact=True)).to_be_visible()

    # the plan's Word file: under Handelingsafspraken, with its owner, term and, in the row under it, its basis
    leader.get_by_role('link', name='Het hele teamplan openen', exact=True).click()
    expect(leader.locator('.tp-item').filter(has_text=ACTING)).to_contain_text(f'Op basis waarvan: {BASIS}')
    with leader.expect_download() as download:
        click(leader, 'Word (.docx)')
    document = docx.Document(str(download.value.path()))
    assert 'Handelingsafspraken' in [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == 'Heading 1'
    ]
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    (at,) = (n for n, cells in enumerate(rows) if ACTING in cells)
    assert rows[at][2:5] == ['Niemand gaat na schelden alleen verder', '01-02-2027', 'Teamleider'], rows[at]
    assert rows[at + 1][1] == f'Op basis waarvan: {BASIS}', rows[at + 1]
