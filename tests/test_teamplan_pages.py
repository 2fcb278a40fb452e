"""The thematisch werkoverleg and the team plan, with NiceGUI's simulated users: a session made from the plan, an
agreement promoted with one click, the plan page (status, carry-over, files) and the next session's review."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User

from .test_pages import admin_key, open_projector, sign_in
from .test_quiz_pages import choose


async def new_session(user: User, data_dir: Path, name: str, start: str, team: str = 'Team Balie') -> str:
    await sign_in(user, admin_key(data_dir))
    user.find(marker='session-name').type(name)
    user.find(marker='team-name').type(team)
    choose(user, 'session-start', start)
    user.find(marker='create').click()
    await user.should_see('Deelnemers: 0')
    return str(user.find(marker='room-code').elements.pop().text)


WERKOVERLEG = 'Sessieplan: Thematisch werkoverleg agressie en geweld (90 min)'


async def test_a_werkoverleg_promotes_an_agreement_and_the_next_session_reviews_it(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await new_session(user, data_dir, 'Werkoverleg januari', WERKOVERLEG)
    await user.should_see('Teamplan: wat is er gelukt sinds de vorige keer?')
    await user.should_see('Agenda: 0 van 90 min gebruikt')
    await user.should_see('Checklist (0 van 5 bereikt)')
    user.find(marker='outcome-4').click()  # 'Werkafspraken zijn concreet geformuleerd'
    await user.should_see('Checklist (1 van 5 bereikt)')
    user.find(marker='start-a1').click()  # a plan's first part starts when the facilitator starts it
    await user.should_see('Er staan geen open punten in het teamplan.')  # a new team: an empty plan

    user.find(marker='start-a3').click()  # the dilemma, short version
    await user.should_see('Welke stappen, hoe lang?')
    user.find(marker='dm-go-afspraken').click()
    user.find(marker='dm-agreement').type('Bij schelden stoppen we het gesprek')
    user.find(marker='dm-owner').type('Teamleider')
    user.find(marker='dm-term').type('2027-02-01')
    user.find(marker='dm-add-agreement').click()
    await user.should_see('eigenaar: Teamleider')

    await user.open(f'/f/{code}/summary')
    await user.should_see('Naar het teamplan')
    await user.should_see('Maak het concreet: welk resultaat moet het opleveren, en op welke termijn?')
    term = user.find(marker='pr-term')
    assert [e.value for e in term.elements] == ['2027-02-01']  # the agreement's own term, prefilled
    user.find(marker='pr-result').type('Niemand gaat na schelden alleen verder')
    term.clear()  # and the facilitator leaves the term open for now
    user.find(marker='pr-add').click()
    await user.should_see('In het teamplan')
    await user.should_see('nog in te vullen: termijn')  # what it still lacks, said where it was promoted
    user.find(marker='pr-open-plan').click()
    await user.should_see('Werkafspraken')
    await user.should_see('Bij schelden stoppen we het gesprek')
    await user.should_see('Beoogd resultaat: Niemand gaat na schelden alleen verder')
    await user.should_see('eigenaar: Teamleider')
    await user.should_see('nog in te vullen: termijn')

    user.find(marker='tp-download-docx').click()
    document = docx.Document(io.BytesIO((await user.download.next()).content))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ['p1', 'Bij schelden stoppen we het gesprek', 'Niemand gaat na schelden alleen verder'] in [
        row[:3] for row in rows
    ]
    assert any('Teamleider' in row and 'nog in te vullen' in row for row in rows)  # the term, in its own cell
    user.find(marker='tp-download-xlsx').click()
    sheet = openpyxl.load_workbook(io.BytesIO((await user.download.next()).content)).active
    assert 'Bij schelden stoppen we het gesprek' in [c.value for row in sheet.iter_rows() for c in row]

    await new_session(user, data_dir, 'Werkoverleg februari', WERKOVERLEG, team='team balie')  # the same team
    user.find(marker='start-a1').click()
    await user.should_see('Bij schelden stoppen we het gesprek')  # the review starts from the plan
    beamer = create_user()
    await open_projector(user, beamer)
    await beamer.should_see('Teamplan van Team Balie')
    await beamer.should_see('Bij schelden stoppen we het gesprek')
    user.find(marker='rv-gelukt').click()
    await beamer.should_see('Gelukt!')  # celebrated on the projector


async def _code(user: User) -> str:
    return str(user.find(marker='room-code').elements.pop().text)


async def test_the_plan_page_carries_over_what_did_not_succeed_and_restores_from_json(
    user: User, data_dir: Path
) -> None:
    await new_session(user, data_dir, 'Werkoverleg', 'Lege lijst: zelf stellingen typen')
    user.find(marker='team-plan').click()
    await user.should_see('Nog geen punten in het plan.')
    user.find(marker='tp-add').click()
    choose(user, 'tp-kind', 'Escalatie')
    user.find(marker='tp-what').type('Camerabeelden bij de balie')
    user.find(marker='tp-influence').type('Afdeling Facilitair')
    user.find(marker='tp-term').type('2020-01-31')
    user.find(marker='tp-add-item').click()
    await user.should_see('Escalaties: wat het team niet zelf kan oplossen')
    await user.should_see('termijn 31-01-2020 · over tijd')
    await user.should_see('Wie heeft invloed: Afdeling Facilitair')
    await user.should_see('nog in te vullen: beoogd resultaat')  # a term, but no result yet
    choose(user, 'tp-status', 'Niet gelukt')
    await user.should_see('Niet gelukt')
    user.find(marker='tp-carry-over').click()
    await user.should_see('doorgeschoven van p1')
    await user.should_see('doorgeschoven naar p2')
    # the old one has moved on (a word and an icon), only the new one is open: one status to set, one carry-over
    assert len(user.find(kind=ui.label, content='doorgeschoven van p1').elements) == 1
    (old,) = user.find(marker='tp-item-p1').elements
    assert 'Doorgeschoven' in [e.text for e in old.descendants() if isinstance(e, ui.label)]
    assert 'redo' in [e.name for e in old.descendants() if isinstance(e, ui.icon)]
    assert len(user.find(marker='tp-status').elements) == 1 and len(user.find(marker='tp-carry-over').elements) == 1
    assert len(user.find(kind=ui.label, content='Gepland').elements) == 1
    user.find(marker='tp-download-json').click()
    backup = (await user.download.next()).content
    assert b'Camerabeelden bij de balie' in backup and b'"carried_from": "p1"' in backup

    # the backup goes back in on another team's page: the same items, nothing lost
    await new_session(user, data_dir, 'Ander team', 'Lege lijst: zelf stellingen typen', team='Team Wijkteam')
    user.find(marker='team-plan').click()
    await user.should_see('Nog geen punten in het plan.')
    picker = user.find(marker='tp-import').elements.pop()
    assert isinstance(picker, ui.upload)
    await picker.handle_uploads([SmallFileUpload('teamplan.json', 'application/json', backup)])
    await user.should_see('Teamplan teruggezet')
    await user.should_see('Camerabeelden bij de balie')
    await user.should_see('doorgeschoven van p1')
    picker = user.find(marker='tp-import').elements.pop()  # the page was re-made with the restored plan
    assert isinstance(picker, ui.upload)
    await picker.handle_uploads([SmallFileUpload('kapot.json', 'application/json', b'{"version": 1, "items": 3}')])
    await user.should_see('Het teamplan is onleesbaar bij items (-).')  # a clear message, nothing changes


async def test_the_review_can_be_added_to_any_session_of_a_team(user: User, data_dir: Path) -> None:
    await new_session(user, data_dir, 'Losse sessie', 'Lege lijst: zelf stellingen typen', team='Team Wijkteam')
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Teamplan bespreken')
    user.find(marker='add-activity').click()
    user.find(marker='start-a1').click()
    await user.should_see('Er staan geen open punten in het teamplan.')
    await user.should_see('Het hele teamplan openen')


async def test_the_agenda_plans_minutes_when_a_werkvorm_is_added_and_changes_a_plans_minutes(
    user: User, data_dir: Path
) -> None:
    await new_session(user, data_dir, 'Werkoverleg maart', WERKOVERLEG)
    await user.should_see('Agenda: 0 van 90 min gebruikt')
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Teamplan bespreken')
    number = user.find(marker='activity-minutes').elements.pop()
    assert isinstance(number, ui.number)
    number.set_value(20)
    user.find(marker='add-activity').click()
    await user.should_see('Agenda: 0 van 110 min gebruikt')
    await user.should_see('0 van 20 min')
    user.find(marker='plan-minutes-a2').click()  # the stellingen of the plan: 25 minutes, made 30
    await user.should_see('Tijd plannen: Stellingen: ons protocol agressie en geweld')
    field = user.find(marker='minutes').elements.pop()
    assert isinstance(field, ui.number) and field.value == 25
    field.set_value(30)
    user.find(marker='save-minutes').click()
    await user.should_see('Agenda: 0 van 115 min gebruikt')
    await user.should_see('0 van 30 min')


async def test_a_learning_goal_gets_its_kind_of_offer_on_the_plan_page(user: User, data_dir: Path) -> None:
    await new_session(user, data_dir, 'Werkoverleg', 'Lege lijst: zelf stellingen typen')
    user.find(marker='team-plan').click()
    await user.should_see('Nog geen punten in het plan.')
    user.find(marker='tp-add').click()
    await user.should_not_see(marker='tp-offer')  # a werkafspraak has no kind of offer
    choose(user, 'tp-kind', 'Teamleerdoel')
    await user.should_see(marker='tp-offer')
    choose(user, 'tp-offer', 'Coaching on the job')
    user.find(marker='tp-what').type('Grenzen stellen aan de balie')
    user.find(marker='tp-add-item').click()
    await user.should_see('Teamleerdoelen')
    await user.should_see('Soort aanbod: Coaching on the job')
    user.find(marker='tp-download-md').click()
    markdown = (await user.download.next()).content.decode()
    assert '| Coaching on the job |' in markdown
    user.find(marker='tp-download-json').click()
    assert b'"offer": "coaching"' in (await user.download.next()).content
