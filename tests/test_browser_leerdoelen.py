"""The leerdoelwijzer and the ontwikkelmatrix in real browsers. A facilitator starts the demo's leerdoelwijzer (every
function group to choose from) with a projector; four phones, three of Publiekszaken and one of Klant Contact Centra
(a group of one, under the minimum of 3), answer every item, one going back to change an answer and one reloading
half-way, tap Klaar, see their own profile, write their own goal, and one downloads its own file. While they fill in
the console and the projector count, nothing else; after the close the projector shows the team picture of the group
of three only, and a team learning goal goes into the team plan. The ontwikkelmatrix, shorter: a named phone can
teach a topic and offers to help. axe-core checks every view on the way (WCAG 2.1 A/AA)."""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from facilitation.ratelimit import BURST, PER_SECOND, RateLimiter
from facilitation.werkvormen.leerdoelen.content import ANSWERS as SCALE
from facilitation.werkvormen.leerdoelen.content import LEVELS

from .browser import check_projector, console, join, phone, projector_of
from .live_server import LiveServer
from .test_accessibility import violations
from .test_browser_quiz import click

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent.parent / 'content'
NO_FADE = '.q-notification { transition: none !important; animation: none !important; }'
PUBLIEKSZAKEN, KCC = 'Publiekszaken', 'Klant Contact Centra'
GOALS = (
    'Ik wil leren een grens te stellen zonder mijn stem te verheffen',
    'Ik wil sneller hulp inroepen als een gesprek aan de balie oploopt',
    'Ik wil na een incident eerder met een collega napraten',
    'Ik wil aan de telefoon rustig blijven als iemand dreigt',
)


def items_of(name: str) -> list[str]:
    """The items of a leerdoelwijzer, in order, from its content file (what the phone shows one at a time)."""
    form = yaml.safe_load((CONTENT / 'leerdoelwijzers' / f'{name}.yaml').read_text())
    return [item for section in form['sections'] for item in section['items']]


class Pace:
    """A phone keeps to the server's rate limit for participants (a burst of 10 commands, then 2 a second: a person
    reads each question before answering it). The test taps faster than a person reads, so before each command it
    waits until the server's bucket for that phone has a token again, kept here with a margin; there is no event
    to await for that, only the clock."""

    def __init__(self) -> None:
        self.limiter = RateLimiter(burst=BURST - 2, per_second=PER_SECOND * 0.8)

    def command(self, page: Page) -> None:
        key = str(id(page))
        while not self.limiter.has_token(key, time.monotonic()):
            time.sleep(0.05)
        self.limiter.take(key, time.monotonic())


def at_item(page: Page, n: int, total: int) -> None:
    expect(page.get_by_text(f'{n} van {total}', exact=True)).to_be_visible()


def answer(pace: Pace, page: Page, word: str, n: int, total: int) -> None:
    """On item `n` of `total`, tap `word`; the phone moves on to the next item (after the last: to the end)."""
    at_item(page, n, total)
    pace.command(page)
    page.get_by_role('group', name='Antwoordmogelijkheden').get_by_role('button', name=word, exact=True).click()
    if n < total:
        at_item(page, n + 1, total)
    else:
        expect(page.get_by_role('heading', name='Je bent bij het einde')).to_be_visible()


def finish(pace: Pace, page: Page) -> None:
    pace.command(page)
    click(page, 'Klaar')
    expect(page.get_by_role('heading', name='Jouw profiel')).to_be_visible()


def never_shown(page: Page, secrets: list[str]) -> None:
    """None of `secrets` is anywhere in the page: its text, its markup (labels, names) or the element tree
    the page was loaded with."""
    text = page.evaluate('document.documentElement.textContent') + page.content()
    shown = [secret for secret in secrets if secret in text]
    assert shown == [], f'{page.url} shows {shown}'


def test_four_phones_of_two_groups_through_the_leerdoelwijzer(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    pace = Pace()
    pz, kcc = items_of('publiekszaken'), items_of('klant-contact-centra')
    kcc_only = [item for item in kcc if item not in pz]  # the groups share a few items' words
    assert len(kcc_only) >= 5
    leader = console(browser, live_server, code)
    click(leader, 'Start Leerdoelwijzer')
    expect(leader.get_by_text('Ieder kiest de eigen functiegroep uit:', exact=False)).to_be_visible()
    beamer = projector_of(leader, browser)
    expect(beamer.get_by_text('Ieder vult de vragenlijst in op de eigen telefoon.')).to_be_visible()
    phones = [phone(browser) for _ in range(4)]
    for p in phones:
        pace.command(p)
        join(p, f'{url}/j/{code}')
        expect(p.get_by_role('heading', name='Kies je functiegroep')).to_be_visible()
    found: dict[str, list[str]] = {}
    for page in (leader, beamer, *phones):
        # a notice caught fading in or out (opacity near 0) fails color-contrast: notices here appear and go at once
        page.add_style_tag(content=NO_FADE)

    def check(name: str, page: Page) -> None:
        if lines := violations(page):
            found[name] = lines

    def counted(done: int) -> None:
        """Console and projector: how many are done (and busy), nothing else."""
        for page in (leader, beamer):
            expect(page.get_by_text(re.compile(rf'^{done} van 4 klaar( · \d bezig)?$'))).to_be_visible()
            never_shown(page, kcc_only + list(GOALS))

    counted(0)
    check('phone · group choice', phones[0])
    check('console · open', leader)
    check('projector · open', beamer)
    check_projector(beamer, 'filling in')

    # three of Publiekszaken, one of Klant Contact Centra
    groups = [PUBLIEKSZAKEN, PUBLIEKSZAKEN, PUBLIEKSZAKEN, KCC]
    forms = [pz, pz, pz, kcc]
    for p, group in zip(phones, groups, strict=True):
        pace.command(p)
        p.get_by_role('button', name=group, exact=True).click()
        expect(p.get_by_text(f'Functiegroep: {group}', exact=True)).to_be_visible()
    check('phone · item', phones[3])

    # every phone answers every item, its own way; round by round, as four people at their own phones
    def word(phone_nr: int, item_nr: int) -> str:
        return SCALE[(item_nr * (phone_nr + 1) + phone_nr) % 4]

    changed = SCALE[(SCALE.index(word(0, 5)) + 1) % 4]  # the first's second thought on item 5
    for n in range(1, len(pz) + 1):
        for nr, (p, items) in enumerate(zip(phones, forms, strict=True)):
            if n <= len(items):
                answer(pace, p, word(nr, n), n, len(items))
        if n == 5:  # the first goes back and changes its answer to item 5
            first = phones[0]
            click(first, 'Vorige')
            at_item(first, 5, len(pz))
            expect(first.get_by_text(f'Je antwoord: {word(0, 5)}', exact=True)).to_be_visible()
            answer(pace, first, changed, 5, len(pz))
        if n == 10:  # the second reloads and resumes at its first unanswered item
            phones[1].reload()
            at_item(phones[1], 11, len(pz))
            expect(phones[1].get_by_text(pz[10], exact=True)).to_be_visible()
        counted(0)

    for done, p in enumerate(phones, start=1):
        expect(p.get_by_text(f'Je hebt alle {len(forms[done - 1])} vragen beantwoord.', exact=True)).to_be_visible()
        finish(pace, p)
        counted(done)
    # each sees its own profile: the items it answered Soms or Nooit as possible learning goals, and nobody else's
    for nr, (p, items) in enumerate(zip(phones, forms, strict=True)):
        given = {n: word(nr, n) for n in range(1, len(items) + 1)} | ({5: changed} if nr == 0 else {})
        needs = [item for n, item in enumerate(items, start=1) if given[n] in ('Soms', 'Nooit')]
        expect(p.locator('ul.dm-mine').first.locator('li')).to_have_text(needs)
    check('phone · profile', phones[0])

    # each writes its own goal; the first downloads its own file
    for p, goal in zip(phones, GOALS, strict=True):
        p.get_by_label('Je persoonlijke leerdoel').fill(goal)
        pace.command(p)
        click(p, 'Leerdoel opslaan')
        expect(p.get_by_text('Je leerdoel is opgeslagen.', exact=True)).to_be_visible()
    counted(4)
    with phones[0].expect_download() as download:
        click(phones[0], 'Download je eigen resultaat (Word)')
    name = f'leerdoelwijzer-voor-medewerkers-publiekszaken-{date.today().isoformat()}.docx'
    assert download.value.suggested_filename == name
    own = docx.Document(str(download.value.path()))
    text = [p.text for p in own.paragraphs] + [c.text for t in own.tables for row in t.rows for c in row.cells]
    assert GOALS[0] in text
    assert not any(goal in line for goal in GOALS[1:] for line in text)

    # the close: the team picture of the group of three; the group of one is not shown, not even its questions
    click(leader, 'Sluit en toon teambeeld')
    expect(leader.get_by_text('Het invullen is gesloten.', exact=True)).to_be_visible()
    expect(beamer.get_by_text('3 deelnemers tellen mee', exact=True)).to_be_visible()
    expect(beamer.get_by_text('Een functiegroep met minder dan 3 mensen wordt niet apart getoond.')).to_be_visible()
    chart = beamer.get_by_role('img', name=re.compile('per vraag hoe vaak elk antwoord'))
    expect(chart.locator('.main-svg').first).to_be_visible()  # plotly has drawn it
    expect(leader.get_by_role('heading', name='Publiekszaken (3 mensen)')).to_be_visible()
    expect(phones[0].get_by_text('Het teambeeld staat op het scherm: 3 collega’s tellen mee.')).to_be_visible()
    for page in (leader, beamer):
        never_shown(page, kcc_only + list(GOALS))
    expect(beamer.get_by_text(KCC)).to_have_count(0)
    expect(leader.get_by_role('heading', name=re.compile(KCC))).to_have_count(0)  # named only among the choices
    check_projector(beamer, 'team picture')
    check('projector · closed', beamer)
    check('console · closed', leader)

    # a team learning goal into the team plan
    goals = leader.locator('.q-card').filter(has=leader.get_by_role('heading', name='Teamleerdoelen naar het teamplan'))
    add = goals.get_by_role('button', name=re.compile('^In het teamplan: '))
    expect(add.first).to_be_visible()
    row = goals.locator('.pr-row').first
    goal = row.locator('.lh-argument-text').inner_text()
    expect(row.get_by_role('combobox', name='Soort', exact=True)).to_have_value('Teamleerdoel')
    row.get_by_role('combobox', name='Soort aanbod', exact=True).click()  # the kind of offer, with one choice
    leader.get_by_role('option', name='Vaardigheidstraining (in groepen of individueel)', exact=True).click()
    expect(row.get_by_role('combobox', name='Soort aanbod', exact=True)).to_have_value(
        'Vaardigheidstraining (in groepen of individueel)'
    )
    row.get_by_role('button', name=re.compile('^In het teamplan: ')).click()
    expect(row.get_by_role('status').filter(has_text='In het teamplan')).to_be_visible()
    check('console · promoted', leader)
    leader.goto(f'{url}/f/{code}/summary')
    expect(leader.get_by_text(goal).first).to_be_visible()
    check('summary', leader)
    never_shown(leader, kcc_only + list(GOALS))
    leader.get_by_role('link', name='Teamplan van Team Publiekszaken openen', exact=True).click()
    expect(leader.get_by_role('heading', name='Teamplan: Team Publiekszaken', exact=True)).to_be_visible()
    item = leader.locator('.tp-item').filter(has_text=goal)
    expect(item).to_be_visible()
    expect(item).to_contain_text('Vaardigheidstraining')
    # under the heading of its kind: the one before it on the page
    expect(item.locator('xpath=preceding-sibling::*[@role="heading"][1]')).to_have_text('Teamleerdoelen')
    check('team plan page', leader)
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


TEACHER = 'Fatima'
GIR = 'Incidenten melden (GIR)'


def test_a_named_colleague_who_can_teach_a_topic_offers_help(browser: Browser, live_server: LiveServer) -> None:
    """The ontwikkelmatrix with three phones that fill it in and one that joins and does not: the named one can
    teach a topic and offers to help; an unnamed one who can teach is asked to choose a name first. The facilitator
    closes (confirming: one has not finished); the projector says how many could teach and names the one who
    offered."""
    code = live_server.demo_code()
    url = live_server.url
    pace = Pace()
    matrix = yaml.safe_load((CONTENT / 'ontwikkelmatrix.yaml').read_text())
    topics = [setting for topic in matrix['topics'] for setting in topic.get('settings', [topic['text']])]
    total, answered, gir = len(topics), 12, topics.index(GIR) + 1
    assert gir <= answered
    leader = console(browser, live_server, code)
    click(leader, 'Start Ontwikkelmatrix')
    beamer = projector_of(leader, browser)
    phones = [phone(browser) for _ in range(4)]
    teacher, unnamed, other, idle = phones
    for p, name in zip(phones, (TEACHER, '', '', ''), strict=True):
        pace.command(p)
        join(p, f'{url}/j/{code}', name)
    found: dict[str, list[str]] = {}
    for page in (beamer, *phones):
        page.add_style_tag(content=NO_FADE)

    # the first twelve topics each, then on to the end without answering the rest
    levels = {
        teacher: lambda n: LEVELS[5] if n == gir else LEVELS[n % 5],
        unnamed: lambda n: LEVELS[5] if n == 1 else LEVELS[(n + 1) % 5],
        other: lambda n: LEVELS[(n + 3) % 5],
    }
    at_item(teacher, 1, total)
    if lines := violations(teacher):
        found['phone · matrix item'] = lines
    for n in range(1, answered + 1):
        for p, level in levels.items():
            answer(pace, p, level(n), n, total)
    for p in levels:
        for n in range(answered + 1, total + 1):
            at_item(p, n, total)
            click(p, 'Volgende')
        expect(p.get_by_text(f'Je hebt {answered} van de {total} vragen beantwoord.', exact=False)).to_be_visible()
        finish(pace, p)
    expect(beamer.get_by_text('3 van 4 klaar', exact=True)).to_be_visible()

    # the named one offers help with what they can teach; the unnamed one is asked for a name first
    teach = teacher.locator('.q-checkbox').filter(has_text='Ik help collega’s hiermee')
    expect(teach).to_have_count(1)
    expect(teacher.get_by_text(GIR, exact=True).last).to_be_visible()
    pace.command(teacher)
    teach.click()
    expect(teacher.get_by_role('checkbox', name='Ik help collega’s hiermee')).to_be_checked()
    expect(unnamed.get_by_text('Kies dan eerst een naam', exact=False)).to_be_visible()
    expect(unnamed.get_by_role('checkbox')).to_have_count(0)
    expect(beamer.get_by_text(TEACHER)).to_have_count(0)  # nothing by name while people fill in

    # the close: one has not finished, so it is asked once more
    click(leader, 'Sluit en toon teambeeld')
    dialog = leader.get_by_role('alertdialog')
    expect(dialog.get_by_text('3 van 4 deelnemers zijn klaar.', exact=False)).to_be_visible()
    dialog.get_by_role('button', name='Toch sluiten', exact=True).click()
    expect(beamer.get_by_text('3 deelnemers tellen mee', exact=True)).to_be_visible()
    expect(beamer.get_by_text(f'Wil collega’s helpen: {TEACHER} ({GIR})', exact=True)).to_be_visible()
    # how many could teach, also a topic with too little need to be among the heatmap's rows
    could_teach = re.compile(rf'^Kunnen het anderen leren: .*{re.escape(GIR)}: 1')
    expect(beamer.get_by_text(could_teach)).to_be_visible()
    expect(leader.get_by_text(f'{GIR}: 1 kan het anderen leren', exact=True)).to_be_visible()
    expect(idle.get_by_role('status').filter(has_text='Het invullen is gesloten')).to_be_visible()  # it came too late
    chart = beamer.get_by_role('img', name=re.compile('per vraag hoe vaak elk antwoord'))
    expect(chart.locator('.main-svg').first).to_be_visible()  # plotly has drawn it
    check_projector(beamer, 'matrix picture')
    if lines := violations(beamer):
        found['projector · matrix picture'] = lines
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
