"""Hand counts in the console, on the phones and in the downloads, with NiceGUI's simulated users."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nicegui.testing import User

from .test_pages import create_session, join_and_vote, next_step


async def test_a_card_count_joins_the_phone_votes_and_is_marked_as_counted_in_the_room(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await next_step(user, 'Toon eerste stelling', 'Open stemming')
    await next_step(user, 'Open stemming', '0 van 0 gestemd')
    phone = await join_and_vote(create_user(), code, 'Eens')
    user.find('Handtelling in de zaal (zonder telefoon)').click()
    user.find(marker='hand-eens').type('3')
    user.find(marker='hand-oneens').type('2')
    user.find(marker='save-hand-count').click()
    await next_step(user, 'Sluit stemming', 'Toon uitslag')
    await next_step(user, 'Toon uitslag', '1 via telefoon, 5 geteld in de zaal')
    await phone.should_see('1 via telefoon, 5 geteld in de zaal')
    await phone.should_see('4 (67%)')  # 1 phone + 3 green cards of 6

    await user.open(f'/f/{code}/summary')
    user.find(marker='download-md').click()
    markdown = (await user.download.next()).content.decode()
    assert 'Eens 4 (67%), Oneens 2 (33%) (1 via telefoon, 5 geteld in de zaal)' in markdown


async def test_a_bad_count_gets_a_clear_message_and_changes_nothing(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    await create_session(user, data_dir)
    await next_step(user, 'Toon eerste stelling', 'Open stemming')
    await next_step(user, 'Open stemming', '0 van 0 gestemd')
    user.find('Handtelling in de zaal (zonder telefoon)').click()
    user.find(marker='hand-eens').type('2.5')
    user.find(marker='save-hand-count').click()
    await user.should_see('Vul een heel aantal in, van 0 tot 1000.')


async def test_someone_standing_up_without_a_phone_is_queued_from_the_console_and_named_once_by_side(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    from .test_lagerhuis_pages import STELLING, add_lagerhuis
    from .test_pages import open_projector
    from .test_quiz_pages import _shows

    code = await create_session(user, data_dir)
    await add_lagerhuis(user)
    user.find(marker='lh-statement').type(STELLING)
    user.find(marker='use-statement').click()
    phones = [create_user() for _ in range(2)]
    for phone in phones:
        await phone.open(f'/j/{code}')
        phone.find(marker='join').click()
        await phone.should_see(STELLING)
    user.find(marker='divide-sides').click()
    for phone in phones:
        await phone.should_see('Jij zit aan de kant:')
    tegen = next(p for p in phones if _shows(p, 'TEGEN'))
    user.find(marker='next-step', content='Start het debat').click()
    await tegen.should_see('Ik wil het woord')
    beamer = create_user()
    await open_projector(user, beamer)
    tegen.find(marker='request-floor').click()
    await user.should_see('iemand van TEGEN')
    await user.should_not_see('iemand van TEGEN (TEGEN)')  # the side once, not twice
    user.find('Iemand staat op zonder telefoon').click()
    user.find(marker='queue-in-room').click()  # nameless, for VOOR (the form's first side)
    await user.should_see('iemand van VOOR, in de zaal')
    await beamer.should_see('iemand van VOOR, in de zaal')
    await beamer.should_not_see('iemand van TEGEN (TEGEN)')
    user.find(marker='room-name').type('Ans')
    user.find(marker='queue-in-room').click()
    await beamer.should_see('Ans (VOOR), in de zaal')


async def test_the_console_records_members_without_a_phone_and_their_raised_hands(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    from .test_quiz_pages import _shows, add_quiz, join

    code = await create_session(user, data_dir)
    await add_quiz(user)
    phones = [create_user() for _ in range(4)]
    for phone in phones:
        await join(phone, code)
    user.find(marker='divide').click()
    await user.should_see('2 leden')
    user.find(marker='room-members-g1').type('2')
    user.find(marker='save-room-members-g1').click()
    await user.should_see('4 leden')  # two phones and two without
    user.find(marker='next-step', content='Start de quiz').click()
    for card in range(2):  # two fact cards, to group 1 and group 2
        await user.should_see('Stel de volgende vraag')
        user.find(marker='next-step', content='Stel de volgende vraag').click()
        user.find(marker='judge-correct').click()
        await user.should_see(f'Groep {card + 1}: goed, +10 punten')
    user.find(marker='next-step', content='Stel de volgende vraag').click()  # an opinion, to group 1
    await user.should_see('Waar ligt voor ons team de grens tussen emotie en agressie?')
    for phone in phones:
        await phone.should_see('Waar ligt voor ons team de grens tussen emotie en agressie?')
    speaker, member = [p for p in phones if _shows(p, 'Jullie groep is aan de beurt!')]
    speaker.find(marker='claim-spokesperson').click()
    speaker.find(marker='quiz-answer').type('Als het persoonlijk wordt')
    speaker.find(marker='send-answer').click()
    await member.should_see('Ben je het hiermee eens?')
    member.find('Eens').click()
    await user.should_see('1 van de 1 andere groepsleden hebben gereageerd')
    user.find('Groepsleden zonder telefoon').click()
    user.find(marker='hand-agree').type('1')
    user.find(marker='hand-disagree').type('1')
    user.find(marker='save-hand-count').click()
    await user.should_see('1 eens en 1 niet eens geteld in de zaal')
    user.find(marker='close-agreement').click()
    await user.should_see('Groep 1: niet iedereen eens, +5 punten (de helft)')
