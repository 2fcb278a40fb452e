"""The leerdoelwijzer and the ontwikkelmatrix on the phone, with NiceGUI's simulated users: choose the function group,
answer one item at a time, go back and change, resume after a reload, finish, see one's own profile, write a goal,
download one's own file; nobody else's answers on the phone; after the close the answers are final."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable
from pathlib import Path

from docx import Document
from nicegui import ui
from nicegui.testing import User

from facilitation.live import LiveRoom
from facilitation.session import ForActivity
from facilitation.werkvormen.base import Actor, DomainError, Role
from facilitation.werkvormen.leerdoelen import rules as ld

from .test_pages import create_session
from .test_quiz_pages import choose

BOA = 'Buitengewoon Opsporings Ambtenaren'
BOA_FIRST = 'Ik taxeer een situatie op het risico op agressie'
BOA_SECOND = 'Ik ken de risicolocaties in mijn werkgebied en hou hier rekening mee'
BOA_THIRD = 'Ik verdiep me voorafgaand aan een gepland contact in de achtergrond van de burger'
ALL_GROUPS = 'Alle functiegroepen: ieder kiest de eigen leerdoelwijzer'
FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')


def room_of(code: str) -> LiveRoom:
    """The running room with this code (the app keeps its rooms to itself; a test closes a round through it)."""
    return next(o for o in gc.get_objects() if isinstance(o, LiveRoom) and o.record.code == code)


def participant_of(room: LiveRoom, name: str = '') -> str:
    """The id of the one participant with this name (the newest one when several)."""
    return [p.id for p in room.state.participants.values() if p.name == name][-1]


async def add_and_start(user: User, kind: str, source: str = '') -> None:
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', kind)
    if source:
        choose(user, 'activity-source', source)
    user.find(marker='add-activity').click()
    user.find(marker='start-a2').click()


async def add_wijzer(user: User) -> None:
    await add_and_start(
        user, 'Leerdoelwijzer (individueel)', 'Alle functiegroepen: ieder kiest de eigen leerdoelwijzer'
    )
    await user.should_see('Leerdoelwijzer')


async def join(phone: User, code: str, name: str = '') -> None:
    await phone.open(f'/j/{code}')
    if name:
        phone.find(marker='participant-name').type(name)
    phone.find(marker='join').click()


async def wijzer_and_phone(user: User, create_user: Callable[[], User], data_dir: Path) -> tuple[str, User]:
    """A session with the leerdoelwijzer of all function groups started, and one phone joined: its code and phone."""
    code = await create_session(user, data_dir)
    await add_wijzer(user)
    phone = create_user()
    await join(phone, code)
    return code, phone


def labels_in(user: User, marker: str) -> list[str]:
    return [e.text for m in user.find(marker=marker).elements for e in m.descendants() if isinstance(e, ui.label)]


def goals_on(user: User) -> list[str]:
    return labels_in(user, 'ld-goals')


def pressed(user: User) -> list[str]:
    """The answer buttons marked as chosen (aria-pressed), by their words."""
    return [e.text for e in user.find(marker='ld-answer').elements if e.props.get('aria-pressed') == 'true']


async def answer(user: User, word: str, then: str) -> None:
    user.find(marker='ld-answer', content=word).click()
    await user.should_see(then)


async def test_a_participant_fills_in_resumes_finishes_and_takes_their_own_result(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_wijzer(user)
    phone, other = create_user(), create_user()
    await join(phone, code)
    await phone.should_see('Kies je functiegroep')
    phone.find(marker='ld-group', content=BOA).click()
    await phone.should_see(BOA_FIRST)
    await phone.should_see('1 van 38')
    await phone.should_see('Risico-inschatting')

    await answer(phone, 'Soms', BOA_SECOND)  # answering moves on
    await phone.should_see('2 van 38')
    await answer(phone, 'Altijd', BOA_THIRD)
    phone.find(marker='ld-previous').click()
    await phone.should_see(BOA_SECOND)
    assert pressed(phone) == ['Altijd']  # the chosen one is marked, not by colour alone
    await phone.should_see('Je antwoord: Altijd')
    await answer(phone, 'Nooit', BOA_THIRD)  # changed
    phone.find(marker='ld-previous').click()
    await phone.should_see('Je antwoord: Nooit')
    phone.find(marker='ld-next').click()
    await phone.should_see(BOA_THIRD)
    assert pressed(phone) == []

    # a second phone answers too: none of it reaches the first
    await join(other, code)
    other.find(marker='ld-group', content=BOA).click()
    await answer(other, 'Vaak', BOA_SECOND)

    await phone.open(f'/j/{code}')  # a reload opens at the first item not answered
    await phone.should_see(BOA_THIRD)
    await phone.should_see('3 van 38')
    phone.find(marker='ld-previous').click()
    await phone.should_see('Je antwoord: Nooit')
    phone.find(marker='ld-previous').click()
    await phone.should_see('Je antwoord: Soms')  # its own, not the other phone's Vaak

    for _ in range(37):  # on to the last item (the third stays open)
        phone.find(marker='ld-next').click()
    await phone.should_see('38 van 38')
    await answer(phone, 'Altijd', 'Je bent bij het einde')
    await phone.should_see('Je hebt 3 van de 38 vragen beantwoord.')
    phone.find(marker='ld-finish').click()
    await phone.should_see('Jouw profiel')
    assert goals_on(phone) == [BOA_FIRST, BOA_SECOND]  # its Soms and Nooit, not the Altijd
    profile = labels_in(phone, 'ld-profile-list')
    assert 'Soms 1 · Nooit 1 · niet beantwoord: 10' in profile  # Risico-inschatting: its own answers only
    assert not any('Vaak' in line for line in profile)  # the other phone's answer is nowhere here
    phone.find(marker='ld-goal').type('Ik wil beter grenzen leren stellen')
    choose(phone, 'ld-goal-offer', 'Coaching on the job')
    phone.find(marker='ld-goal-save').click()
    await phone.should_see('Je leerdoel is opgeslagen.')

    phone.find(marker='ld-download').click()
    response = await phone.download.next()
    text = '\n'.join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    cells = '\n'.join(c.text for t in Document(io.BytesIO(response.content)).tables for r in t.rows for c in r.cells)
    assert 'Ik wil beter grenzen leren stellen' in text and 'Coaching on the job' in text
    assert BOA_FIRST in cells and 'Soms' in cells and 'Nooit' in cells
    for pid in room_of(code).state.participants:
        assert pid not in text and pid not in cells


async def test_choosing_another_function_group_is_warned_and_starts_afresh(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    _, phone = await wijzer_and_phone(user, create_user, data_dir)
    await phone.should_not_see('Kies je een andere functiegroep, dan begin je opnieuw')  # nothing to lose yet
    phone.find(marker='ld-group', content=BOA).click()
    await answer(phone, 'Soms', BOA_SECOND)
    phone.find(marker='ld-other-group').click()
    await phone.should_see('Kies je een andere functiegroep, dan begin je opnieuw')
    chosen = [e.text for e in phone.find(marker='ld-group').elements if e.props.get('aria-pressed') == 'true']
    assert chosen == [BOA]
    phone.find(marker='ld-group', content='Publiekszaken').click()
    await phone.should_see('1 van ')
    assert pressed(phone) == []  # afresh
    (bar,) = phone.find(ui.linear_progress).elements
    assert bar.props['aria-label'].startswith('Beantwoord: 0 van ')


async def test_after_the_close_the_answers_are_final_and_the_goal_still_the_persons_own(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code, phone = await wijzer_and_phone(user, create_user, data_dir)
    phone.find(marker='ld-group', content=BOA).click()
    await answer(phone, 'Nooit', BOA_SECOND)
    room = room_of(code)
    room.execute(FACILITATOR, ForActivity('a2', ld.CloseRound()))
    await phone.should_see('Het invullen is gesloten: je antwoorden staan vast.')
    await phone.should_not_see(marker='ld-picture')  # one person is under the minimum: no team picture to speak of
    buttons = phone.find(marker='ld-answer').elements
    assert len(buttons) == 4 and not any(b.enabled for b in buttons)  # type: ignore[attr-defined]
    phone.find(marker='ld-answer', content='Altijd').click()  # a disabled button takes no tap
    me = participant_of(room)
    try:
        room.execute(Actor(Role.PARTICIPANT, me), ForActivity('a2', ld.Answer('boa.1.2', 0)))
    except DomainError as error:
        assert error.key == 'ld.error.closed'
    else:
        raise AssertionError('an answer after the close was taken')
    phone.find(marker='ld-previous').click()
    await phone.should_see('Je antwoord: Nooit')  # still its own answer
    phone.find(marker='ld-to-profile').click()
    await phone.should_see('Jouw profiel')
    assert goals_on(phone) == [BOA_FIRST]
    phone.find(marker='ld-goal').type('Grenzen stellen')
    phone.find(marker='ld-goal-save').click()
    await phone.should_see('Je leerdoel is opgeslagen.')  # the own goal stays the person's to write


TEACH = 'Ik kan het anderen leren'
MATRIX_FIRST = 'Wat is klant- of servicegericht werken'


async def fill_in_matrix(phone: User) -> None:
    """The first topic at the highest level, the rest left open, then Klaar."""
    await phone.should_see('1 van 25')
    await answer(phone, TEACH, '2 van 25')
    for _ in range(24):
        phone.find(marker='ld-next').click()
    await phone.should_see('Je bent bij het einde')


async def test_a_named_participant_offers_help_on_a_topic_they_can_teach_an_anonymous_one_is_told_to_choose_a_name(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_and_start(user, 'Ontwikkelmatrix (individueel)')
    named, anonymous = create_user(), create_user()
    await join(named, code, 'Fatima')
    await named.should_see(MATRIX_FIRST)
    await named.should_not_see(marker='ld-section')  # a topic of one item has no title above it
    await answer(named, TEACH, 'Wat is emotie en wat is agressie en hoe reageer je daar effectief op')
    for _ in range(13):
        named.find(marker='ld-next').click()
    await named.should_see('Veilig werken aan de telefoon')
    (section,) = named.find(marker='ld-section').elements
    assert section.text == 'Veilig werken'  # the one topic with settings has its title
    for _ in range(11):
        named.find(marker='ld-next').click()
    await named.should_see('Je bent bij het einde')
    named.find(marker='ld-own-topic').type('Omgaan met stress')
    choose(named, 'ld-own-level', 'Ik weet hoe het moet')
    named.find(marker='ld-finish').click()
    await named.should_see('Jouw profiel')
    await named.should_see('Wat je anderen kunt leren')
    assert labels_in(named, 'ld-teach') == [MATRIX_FIRST]
    named.find(marker='ld-help').click()
    room = room_of(code)
    person = room.state.activities['a2'].state.people[participant_of(room, 'Fatima')]
    assert (person.helps, person.own_topic, person.own_level) == ({'matrix.1.1'}, 'Omgaan met stress', 2)

    await join(anonymous, code)
    await fill_in_matrix(anonymous)
    anonymous.find(marker='ld-finish').click()
    await anonymous.should_see('Kies dan eerst een naam')
    await anonymous.should_not_see(marker='ld-help')
    assert labels_in(anonymous, 'ld-teach') == [MATRIX_FIRST]


# --- the own file, as a pure function of the person's own projection ------------------------------------------------


def _own_view(config: dict[str, object], person: ld.Person, closed: bool = False) -> ld.ParticipantView:
    from facilitation.werkvormen.leerdoelen import leerdoelwijzer

    state = leerdoelwijzer.new_state(config)
    state.people['p-7f3a9c'] = person
    state.closed = closed
    return ld.participant_view(state, 'p-7f3a9c', 3)


WIJZER = {
    'forms': [
        {
            'id': 'kcc',
            'title': 'Leerdoelwijzer voor Klant Contact Centra',
            'group': 'Klant Contact Centra',
            'contact': 'telefonisch',
            'goal_question': 'Omschrijf je persoonlijke leerdoel en overleg hierover met je leidinggevende.',
            'sections': [
                {'title': 'Risico-inschatting', 'items': ['Ik let op risico', 'Ik lees het dossier']},
                {'title': 'Stellen van grenzen', 'items': ['Ik stel mijn grens']},
            ],
        }
    ],
    'scale': ['Altijd', 'Vaak', 'Soms', 'Nooit'],
    'need': [2, 3],
    'offers': [['kennis', 'Leeraanbod voor kennis'], ['coaching', 'Coaching on the job']],
}


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return '\n'.join([p.text for p in document.paragraphs] + cells + [document.core_properties.author or ''])


def test_the_own_file_has_the_answers_in_words_the_profile_the_goal_and_the_date_and_nobody_s_id() -> None:
    from datetime import date

    from facilitation.werkvormen.leerdoelen.own_file import own_file_name, own_result_docx

    person = ld.Person(form='kcc', answers={'kcc.1.1': 0, 'kcc.2.1': 3}, done=True, goal='Grenzen <b>stellen</b>')
    person.goal_offer = 'coaching'
    view = _own_view(WIJZER, person)
    text = _docx_text(own_result_docx(view, 'nl', date(2026, 12, 3)))
    assert 'Leerdoelwijzer voor Klant Contact Centra' in text and 'Functiegroep: Klant Contact Centra' in text
    assert 'Ik let op risico\nAltijd' in text and 'Ik lees het dossier\nniet beantwoord' in text  # item, answer
    assert 'Ik stel mijn grens (Nooit)' in text  # a possible learning goal
    assert 'Grenzen <b>stellen</b>' in text and 'Gewenst aanbod: Coaching on the job' in text
    assert '03-12-2026' in text
    assert 'p-7f3a9c' not in text
    assert own_file_name(view, 'nl', date(2026, 12, 3)) == 'leerdoelwijzer-voor-klant-contact-centra-2026-12-03.docx'
    english = _docx_text(own_result_docx(view, 'en', date(2026, 12, 3)))
    assert 'Function group: Klant Contact Centra' in english and 'not answered' in english


async def test_the_phone_speaks_english_when_asked(user: User, create_user: Callable[[], User], data_dir: Path) -> None:
    code, phone = await wijzer_and_phone(user, create_user, data_dir)
    await phone.open(f'/language/en?back=/j/{code}')
    await phone.should_see('Choose your function group')
    phone.find(marker='ld-group', content=BOA).click()
    await phone.should_see('1 of 38')
    await answer(phone, 'Soms', '2 of 38')  # the seed's answers stay the seed's words
    phone.find(marker='ld-previous').click()
    await phone.should_see('Your answer: Soms')


async def test_a_tap_made_on_an_item_the_phone_has_left_answers_nothing(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    """A tap says which item it was made on: one sent before the browser saw the next item (the second half of a
    quick double tap) is not taken as the answer to the next one."""
    from nicegui.events import GenericEventArguments

    code, phone = await wijzer_and_phone(user, create_user, data_dir)
    phone.find(marker='ld-group', content=BOA).click()
    await answer(phone, 'Nooit', BOA_SECOND)
    (nooit,) = phone.find(marker='ld-answer', content='Nooit').elements
    with phone.client:  # type: ignore[union-attr]
        nooit._clicked(GenericEventArguments(sender=nooit, client=nooit.client, args=0))  # type: ignore[attr-defined]
    await phone.should_see(BOA_SECOND)
    room = room_of(code)
    assert room.state.activities['a2'].state.people[participant_of(room)].answers == {'boa.1.1': 3}
    with phone.client:  # type: ignore[union-attr]
        nooit._clicked(GenericEventArguments(sender=nooit, client=nooit.client, args=1))  # type: ignore[attr-defined]
    await phone.should_see(BOA_THIRD)  # made on this item: taken


async def test_once_closed_the_phone_says_in_one_line_how_many_the_team_picture_counts(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_wijzer(user)
    phones = [create_user() for _ in range(3)]
    for phone, word in zip(phones, ('Altijd', 'Soms', 'Nooit'), strict=True):
        await join(phone, code)
        phone.find(marker='ld-group', content=BOA).click()
        await answer(phone, word, BOA_SECOND)
    await phones[0].should_not_see(marker='ld-picture')  # while open: nothing of anyone else
    room_of(code).execute(FACILITATOR, ForActivity('a2', ld.CloseRound()))
    for phone in phones:
        await phone.should_see('Het teambeeld staat op het scherm: 3 collega’s tellen mee.')
