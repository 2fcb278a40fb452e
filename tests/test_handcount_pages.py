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
