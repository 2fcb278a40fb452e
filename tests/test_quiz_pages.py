"""The kennisquiz in the console and on a group member's phone, with NiceGUI's simulated users."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from .test_pages import create_session


async def add_quiz(user: User) -> None:
    """As the facilitator: add the starter quiz deck to the programme and start it."""
    user.find('Werkvorm toevoegen').click()
    user.find(marker='activity-kind').click()  # opens the list of werkvormen
    user.find('Kennisquiz (in groepen)').click()
    await user.should_see('Kennisquiz veilig werken')
    user.find(marker='add-activity').click()
    await user.should_see('Kennisquiz')
    user.find(marker='start-a2').click()
    await user.should_see('Groepen maken')


async def join(phone: User, code: str) -> None:
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see('Je zit nog niet in een groep')


async def test_console_makes_groups_and_plays_a_card_with_a_phone(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_quiz(user)
    phones = [create_user() for _ in range(4)]
    for phone in phones:
        await join(phone, code)
    await user.should_see('Verdeel iedereen automatisch')
    user.find(marker='divide').click()
    await user.should_see('2 leden')
    for phone in phones:
        await phone.should_see('Jouw groep: Groep')
    user.find(marker='next-step', content='Start de quiz').click()
    await user.should_see('Stel de volgende vraag')
    user.find(marker='next-step', content='Stel de volgende vraag').click()
    await user.should_see('Welke vormen van gedrag vallen onder normoverschrijdend gedrag?')
    await user.should_see('Aan de beurt: Groep 1')
    for phone in phones:
        await phone.should_see('Welke vormen van gedrag vallen onder normoverschrijdend gedrag?')

    in_turn = [p for p in phones if _shows(p, 'Jullie groep is aan de beurt!')]
    others = [p for p in phones if p not in in_turn]
    assert len(in_turn) == 2 and len(others) == 2
    for phone in others:
        await phone.should_not_see('Ik geef het antwoord')  # not their turn: no action but waiting
    speaker = in_turn[0]
    speaker.find(marker='claim-spokesperson').click()
    await speaker.should_see('Jij bent de woordvoerder')
    await in_turn[1].should_not_see('Ik geef het antwoord')  # the group has its spokesperson
    speaker.find('C. Schelden, intimideren, discrimineren, bedreigen en fysiek geweld').click()
    await speaker.should_see('Het goede antwoord: C. Schelden, intimideren, discrimineren, bedreigen en fysiek geweld')
    await speaker.should_see('Groep 1: goed, +10 punten')
    await user.should_see('Groep 1: goed, +10 punten')
    await others[0].should_see('Jouw groep: Groep 2 · 0 punten')
    await speaker.should_see('Jouw groep: Groep 1 · 10 punten')
    await speaker.open(f'/j/{code}')  # the phone drops out and comes back: same group, same score
    await speaker.should_see('Jouw groep: Groep 1 · 10 punten')

    user.find(marker='undo').click()  # a mistake: the card goes back to the group
    await user.should_see('Groep 1 geeft het antwoord')
    await speaker.should_see('Jouw groep: Groep 1 · 0 punten')


def choose(user: User, marker: str, option: str) -> None:
    """Open the select with this marker and pick the option with this label (as a person clicks them)."""
    select = user.find(marker=marker)
    select.click()
    UserInteraction(user, select.elements, option).click()


def _shows(user: User, text: str) -> bool:
    try:
        user.find(text)
    except AssertionError:
        return False
    return True


async def test_a_member_says_whether_they_agree_with_the_spokesperson(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_quiz(user)
    phones = [create_user() for _ in range(4)]
    for phone in phones:
        await join(phone, code)
    user.find(marker='divide').click()
    user.find(marker='next-step', content='Start de quiz').click()
    await user.should_see('Kaarten')
    user.find('Kaarten').click()
    user.find(marker='next-step', content='Stel de volgende vraag').click()
    await user.should_see('Groep 1 geeft het antwoord')
    user.find(marker='judge-correct').click()
    await user.should_see('Groep 1: goed, +10 punten')
    user.find(marker='next-step', content='Stel de volgende vraag').click()
    user.find(marker='judge-correct').click()  # question 2 to group 2
    await user.should_see('Groep 2: goed, +10 punten')
    user.find(marker='next-step', content='Stel de volgende vraag').click()  # question 3: an opinion, group 1
    await user.should_see('Waar ligt voor ons team de grens tussen emotie en agressie?')
    for phone in phones:
        await phone.should_see('Waar ligt voor ons team de grens tussen emotie en agressie?')
    in_turn = [p for p in phones if _shows(p, 'Jullie groep is aan de beurt!')]
    speaker, member = in_turn
    speaker.find(marker='claim-spokesperson').click()
    speaker.find(marker='quiz-answer').type('Als het persoonlijk wordt')
    speaker.find(marker='send-answer').click()
    await member.should_see('Als het persoonlijk wordt')
    await member.should_see('Ben je het hiermee eens?')
    await user.should_see('0 van de 1 andere groepsleden hebben gereageerd')  # the spokesperson is not counted
    member.find('Eens').click()
    await user.should_see('1 van de 1 andere groepsleden hebben gereageerd')
    await user.should_not_see('Groep 1: iedereen eens')  # everyone responded, and it stays open until counted
    member.find('Niet eens').click()  # so the last member can still change their mind
    await member.should_see('Je reactie is opgeslagen: Niet eens')
    user.find(marker='close-agreement').click()
    await user.should_see('Groep 1: niet iedereen eens, +5 punten (de helft)')
    await member.should_see('Jouw groep: Groep 1 · 15 punten')
    await user.should_see('Niet meer apart houden')  # set aside automatically: the console offers to take it back

    user.find(marker='end-quiz').click()
    await user.should_see('Quiz afgelopen')
    await member.should_see('De quiz is afgelopen.')
    await user.open(f'/f/{code}/summary')
    await user.should_see('Winnaar: Groep 1')
    user.find(marker='download-md').click()
    markdown = (await user.download.next()).content.decode()
    assert (
        'Winnaar: Groep 1' in markdown and '1. Groep 1: 15 punten' in markdown and '2. Groep 2: 10 punten' in markdown
    )
    assert 'Groep 1: niet iedereen eens, +5 punten (de helft)' in markdown
    assert 'Apart gehouden om te bespreken' in markdown and 'meningen verschilden' in markdown
    user.find(marker='download-csv').click()
    table = (await user.download.next()).content.decode('utf-8-sig')
    assert 'Waar ligt voor ons team de grens tussen emotie en agressie?' in table and 'meningen verschilden' in table
    assert not re.search(r'\bp[0-9a-f]{15}\b', markdown + table)  # no participant pseudonyms in any export


async def test_a_latecomer_is_placed_in_the_smallest_group(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_quiz(user)
    phones = [create_user() for _ in range(3)]
    for phone in phones:
        await join(phone, code)
    user.find(marker='divide').click()
    user.find(marker='next-step', content='Start de quiz').click()
    await user.should_see('Stel de volgende vraag')
    late = create_user()
    await join(late, code)
    await user.should_see('1 deelnemer nog zonder groep')
    user.find(marker='place-newcomers').click()
    await late.should_see('Jouw groep: Groep 2 · 0 punten')  # groups of 2 and 1: the second was smaller
    user.find('Groepen').click()
    choose(user, 'move-who', 'Deelnemer 4 (anoniem)')
    choose(user, 'move-to', 'Groep 1')
    user.find(marker='move').click()
    await late.should_see('Jouw groep: Groep 1 · 0 punten')  # moved by the facilitator


async def test_after_a_wrong_answer_the_room_hears_the_group_had_it_wrong_not_that_it_did_not_know(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_quiz(user)
    phones = [create_user() for _ in range(4)]
    for phone in phones:
        await join(phone, code)
    user.find(marker='divide').click()
    user.find(marker='next-step', content='Start de quiz').click()
    await user.should_see('Stel de volgende vraag')
    user.find(marker='next-step', content='Stel de volgende vraag').click()
    await user.should_see('Groep 1 geeft het antwoord')
    user.find(marker='judge-wrong').click()
    await user.should_see('Groep 1 had het niet goed. Welke groep weet het wel?')
    await user.should_not_see('Groep 1 wist het niet')
    for phone in phones:
        await phone.should_see('Welke vormen van gedrag vallen onder normoverschrijdend gedrag?')
    others = [p for p in phones if _shows(p, 'Wij weten het!')]
    assert len(others) == 2
    await others[0].should_see('Groep 1 had het niet goed. Weet jouw groep het wel?')
    user.find(marker='undo').click()
    user.find(marker='pass').click()  # the group says it does not know
    await user.should_see('Groep 1 wist het niet. Welke groep weet het?')


async def test_a_bad_deck_file_is_refused_in_the_readers_words_naming_file_line_and_field(
    user: User, data_dir: Path
) -> None:
    """The console's deck import: a file that is not a deck says where and what (in Dutch, or in English for an
    English console) and adds no card; a file that is not UTF-8 is refused the same way."""
    await create_session(user, data_dir)
    await add_quiz(user)
    user.find('Importeren en exporteren (YAML)').click()
    picker = user.find(marker='import-deck').elements.pop()
    assert isinstance(picker, ui.upload)
    bad = b'title: Deck\ncards:\n  - kind: raadsel\n    question: Wat is dit?\n'
    await picker.handle_uploads([SmallFileUpload('deck.yaml', 'application/yaml', bad)])
    await user.should_see("Import geweigerd: deck.yaml, regel 3, veld cards[0].kind: kies uit feit, opvatting"
                          " (kaart 1: 'Wat is dit?')")  # fmt: skip
    await picker.handle_uploads([SmallFileUpload('deck.yaml', 'application/yaml', b'\xff\xfe title')])
    await user.should_see('deck.yaml: het bestand is geen tekst in UTF-8 (sla het op als UTF-8)')


async def test_a_card_is_edited_from_the_deck(user: User, data_dir: Path) -> None:
    await create_session(user, data_dir)
    await add_quiz(user)
    user.find(marker='edit-c1').click()
    await user.should_see('Kaart bewerken')
    # the dialog's question holds the card's (the new card's form is empty)
    question = next(e for e in user.find(marker='card-question').elements if e.value)  # type: ignore[attr-defined]
    question.value = 'Wat doe je bij schelden aan de balie?'  # type: ignore[attr-defined]
    user.find(marker='save-card').click()
    await user.should_see(kind=ui.label, content='Wat doe je bij schelden aan de balie?')  # the deck's row
