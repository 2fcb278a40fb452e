"""Pages with NiceGUI's simulated users: the console, the phone and the projector of one room."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from nicegui.testing import User

PUBLIC_URL = 'http://samenspel.test:8080'  # as tests/conftest.py sets it


def admin_key(data_dir: Path) -> str:
    return (data_dir / 'admin.key').read_text().strip()


async def sign_in(user: User, key: str, path: str = '/') -> None:
    """Open `path` and, when it asks for a code, type `key` into the access page, as a person does."""
    await user.open(path)
    try:
        field = user.find('Toegangscode')
    except AssertionError:
        return  # this browser is signed in already
    field.type(key)
    user.find(marker='access-submit').click()
    await user.should_not_see('Alleen voor de begeleider', retries=100)  # let in: the redirect may take a while


async def open_projector(console: User, beamer: User) -> None:
    """Pair `beamer` (another device) as the projector of the console's session, through the console's one-time
    projector link."""
    console.find(marker='projector-link').click()
    await console.should_see('Eenmalige beamerlink')
    url = str(console.find(marker='projector-link-url').elements.pop().value)
    console.find('Sluiten').click()
    await beamer.open(url.removeprefix(PUBLIC_URL))


async def create_session(user: User, data_dir: Path, name: str = 'Werkoverleg december', start: bool = True) -> str:
    """As the facilitator: sign in on the start page with the admin key, create a session with the starter
    statements and (with `start`) start them: a new session starts nothing by itself."""
    await sign_in(user, admin_key(data_dir))
    user.find(marker='session-name').type(name)
    user.find(marker='create').click()
    await user.should_see('Deelnemers: 0')
    code = user.find(marker='room-code').elements.pop()
    if start:
        user.find(marker='start-a1').click()
        await user.should_see('Toon eerste stelling')
    return str(code.text)


async def next_step(user: User, label: str, then: str) -> None:
    """Click the console's one obvious next step, which must say `label`, and wait until the page shows `then`."""
    user.find(marker='next-step', content=label).click()
    await user.should_see(then)


async def join_and_vote(phone: User, code: str, choice: str) -> User:
    """As a participant: open the join link, join anonymously, vote `choice` ('Eens'/'Oneens') once it is open."""
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see('Stelling 1 van 14')
    phone.find(choice).click()
    await phone.should_see(f'Je stem is opgeslagen: {choice}')
    return phone


async def test_facilitator_creates_session_and_statement(user: User, data_dir: Path) -> None:
    code = await create_session(user, data_dir)
    await user.should_see('Toon eerste stelling')
    user.find('Nieuwe stelling').click()
    user.find(marker='statement-text').type('Ik voel me veilig bij huisbezoeken.')
    user.find(marker='add-statement').click()
    await user.should_see('Ik voel me veilig bij huisbezoeken.')
    assert len(code) == 5


async def test_two_participants_join_and_vote_and_console_counts(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await next_step(user, 'Toon eerste stelling', 'Open stemming')
    await next_step(user, 'Open stemming', '0 van 0 gestemd')

    phones = [await join_and_vote(create_user(), code.lower(), choice) for choice in ('Eens', 'Oneens')]

    await user.should_see('2 van 2 gestemd')
    await user.should_see('Deelnemers: 2')
    phones[0].find('Oneens').click()  # changing a vote is still one vote
    await phones[0].should_see('Je stem is opgeslagen: Oneens')
    await user.should_see('2 van 2 gestemd')


async def test_participant_may_join_with_a_name(user: User, create_user: Callable[[], User], data_dir: Path) -> None:
    code = await create_session(user, data_dir)
    phone = create_user()
    await phone.open(f'/j/{code}')
    phone.find(marker='participant-name').type('Ans')
    phone.find(marker='join').click()
    await phone.should_see('Je doet mee als Ans')


async def test_unknown_code_gets_a_friendly_page(user: User) -> None:
    await user.open('/j/ZZZZZ')
    await user.should_see('Deze sessie bestaat niet')
    await user.open('/j/not-a-code')
    await user.should_see('Deze sessie bestaat niet')


async def test_console_needs_a_key(user: User, create_user: Callable[[], User], data_dir: Path) -> None:
    code = await create_session(user, data_dir)
    stranger = create_user()
    await stranger.open(f'/f/{code}')
    await stranger.should_see('Alleen voor de begeleider')
    await stranger.should_not_see('Toon eerste stelling')
    await stranger.open(f'/f/{code}?key=wrong-key')
    await stranger.should_see('Alleen voor de begeleider')
    await stranger.open(f'/f/{code}/summary')
    await stranger.should_not_see('Download Markdown')


async def test_closed_session_refuses_new_participants(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    user.find('Instellingen').click()
    user.find('Sessie sluiten').click()
    await user.should_see('Deze sessie is gesloten: deelnemers kunnen niet meer meedoen.')
    phone = create_user()
    await phone.open(f'/j/{code}')
    await phone.should_see('Deze sessie is gesloten')
    await phone.should_not_see('Doe mee')


async def test_deleting_a_session_from_the_console_removes_it_and_all_its_answers(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await next_step(user, 'Toon eerste stelling', 'Open stemming')
    await next_step(user, 'Open stemming', '0 van 0 gestemd')
    phone = await join_and_vote(create_user(), code, 'Eens')

    user.find('Instellingen').click()
    user.find(marker='delete-session').click()
    await user.should_see('Sessie definitief verwijderen?')
    user.find(marker='cancel-delete').click()  # a first click deletes nothing
    await user.should_see('1 van 1 gestemd')
    user.find(marker='delete-session').click()
    user.find(marker='confirm-delete').click()
    await user.should_see('Sessie verwijderd')

    with contextlib.closing(sqlite3.connect(data_dir / 'samenspel.db')) as db:
        assert db.execute('SELECT count(*) FROM events').fetchone() == (0,)
        assert db.execute('SELECT count(*) FROM sessions').fetchone() == (0,)
    await phone.should_see('Deze sessie is gesloten')  # the open phone is told, and can send nothing more
    await phone.open(f'/j/{code}')
    await phone.should_see('Deze sessie bestaat niet')


async def test_summary_downloads_markdown(user: User, create_user: Callable[[], User], data_dir: Path) -> None:
    code = await create_session(user, data_dir)
    for label, then in [
        ('Toon eerste stelling', 'Open stemming'),
        ('Open stemming', 'Sluit stemming'),
        ('Sluit stemming', 'Toon uitslag'),
        ('Toon uitslag', 'Te weinig stemmen'),
    ]:
        await next_step(user, label, then)
    await user.open(f'/f/{code}/summary')
    await user.should_see('Samenvatting: Werkoverleg december')
    user.find(marker='download-md').click()
    response = await user.download.next()
    assert b'# Werkoverleg december' in response.content
    assert b'Niet gestemd' in response.content


async def test_english_interface_is_one_click_away(user: User, data_dir: Path) -> None:
    await user.open('/join')
    await user.should_see('Sessiecode')
    user.find('English').click()
    await user.open('/join')
    await user.should_see('Session code')


async def test_lowering_the_minimum_keeps_a_hidden_result_hidden_and_the_next_round_uses_it(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await next_step(user, 'Toon eerste stelling', 'Open stemming')
    await next_step(user, 'Open stemming', 'Sluit stemming')
    phones = [await join_and_vote(create_user(), code, choice) for choice in ('Eens', 'Oneens')]
    await next_step(user, 'Sluit stemming', 'Toon uitslag')
    await next_step(user, 'Toon uitslag', 'Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).')
    await phones[0].should_see('Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).')
    beamer = create_user()
    await open_projector(user, beamer)
    await beamer.should_see('Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).')
    user.find('Instellingen').click()
    user.find(marker='min-reveal').clear().type('2')
    user.find(marker='save-settings').click()
    await user.should_see('Nieuwe stemronde (na bespreking)')
    for page in (user, phones[0], beamer):  # the room was told it is hidden: a lower minimum now does not show it
        await page.should_see('Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).')
        await page.should_not_see('1 (50%)')
    user.find('Nieuwe stemronde (na bespreking)').click()
    await user.should_see('Sluit stemming')
    for phone, choice in zip(phones, ('Eens', 'Oneens'), strict=True):
        await phone.should_see(choice)  # the phone shows the new round's buttons
        phone.find(choice).click()
        await phone.should_see(f'Je stem is opgeslagen: {choice}')
    await next_step(user, 'Sluit stemming', 'Toon uitslag')
    await next_step(user, 'Toon uitslag', '1 (50%)')  # the new round is revealed under the new minimum of 2
    await phones[0].should_see('1 (50%)')
    await phones[0].should_see('Te weinig stemmen om de verdeling te tonen (2 gestemd, minimaal 3).')  # round 1


async def test_a_failing_disk_is_told_and_nothing_is_pretended(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    with contextlib.closing(sqlite3.connect(data_dir / 'samenspel.db')) as db:  # the disk says no from now on
        db.execute("CREATE TRIGGER disk_full BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
        db.commit()
    user.find(marker='next-step', content='Toon eerste stelling').click()
    await user.should_see(
        'Opslaan is mislukt: de schijf van de server is vol. Er is niets veranderd; maak ruimte vrij en probeer '
        'het opnieuw.'
    )
    await user.should_see('Toon eerste stelling')  # still the same step: nothing happened
    phone = create_user()
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see('Opslaan is mislukt')
    await phone.should_not_see('Naam wijzigen')  # not joined: the page did not pretend


async def test_a_new_session_starts_nothing_until_the_facilitator_starts_it(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir, start=False)
    await user.should_see('Veilig werken in de publieke dienstverlening')  # on the agenda
    await user.should_not_see('Toon eerste stelling')
    phone = create_user()
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see('Je doet mee!')
    await phone.should_not_see('van 14')  # no statement set runs
    user.find(marker='start-a1').click()
    await next_step(user, 'Toon eerste stelling', 'Open stemming')
    await phone.should_see('Stelling 1 van 14')


async def test_a_session_made_for_a_quiz_has_the_deck_on_its_agenda_under_the_deck_name(
    user: User, data_dir: Path
) -> None:
    from .test_quiz_pages import choose

    await sign_in(user, admin_key(data_dir))
    user.find(marker='session-name').type('Quizmiddag')
    choose(user, 'session-start', 'Kennisquiz: Kennisquiz veilig werken')
    user.find(marker='create').click()
    await user.should_see('Deelnemers: 0')
    await user.should_see('Kennisquiz veilig werken')
    await user.should_not_see('Groepen maken')  # not started
    user.find(marker='start-a1').click()
    await user.should_see('Groepen maken')
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Kennisquiz (in groepen)')
    assert user.find(marker='activity-title').elements.pop().value == 'Kennisquiz veilig werken'
