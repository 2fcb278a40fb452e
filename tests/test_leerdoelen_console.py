"""The leerdoelwijzer and the ontwikkelmatrix in the console and on the projector, with NiceGUI's simulated users:
while people fill in only how many are done; once closed the team picture of the groups of at least the minimum."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from nicegui import ui
from nicegui.testing import User

from facilitation.live import LiveRoom
from facilitation.ratelimit import RateLimiter
from facilitation.session import ForActivity, Rename
from facilitation.ui.frame import LiveSection
from facilitation.werkvormen.base import Actor, Role
from facilitation.werkvormen.leerdoelen import common
from facilitation.werkvormen.leerdoelen import rules as ld

from .test_pages import create_session, open_projector
from .test_quiz_pages import choose

ALL_GROUPS = 'Alle functiegroepen: ieder kiest de eigen leerdoelwijzer'
SMALL = 'Een functiegroep met minder dan 3 mensen wordt niet apart getoond'


def room_of(user: User) -> LiveRoom:
    """The room the console shows (its live sections watch it), with room for the test's quick answers (a phone
    answers one question at a time; the test gives them all at once)."""
    assert user.client is not None
    room = next(e.room for e in user.client.elements.values() if isinstance(e, LiveSection))
    room.limiter = RateLimiter(burst=10_000, per_second=10_000)
    return room


def texts(user: User) -> list[str]:
    """Every text on the page, also the words of buttons and the labels of charts."""
    assert user.client is not None
    found = []
    for element in user.client.elements.values():
        text = getattr(element, 'text', None)
        if isinstance(text, str) and text:
            found.append(text)
        for name in ('label', 'aria-label'):
            if isinstance(element.props.get(name), str):
                found.append(element.props[name])
    return found


def charts(user: User) -> list[dict[str, Any]]:
    assert user.client is not None
    return [e.figure for e in user.client.elements.values() if isinstance(e, ui.plotly)]


async def add_instrument(user: User, name: str, source: str = '') -> None:
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', name)
    if source:
        choose(user, 'activity-source', source)
    user.find(marker='add-activity').click()
    user.find(marker='start-a2').click()
    await user.should_see('Sluit en toon teambeeld')


async def join(create_user: Callable[[], User], code: str, room: LiveRoom, n: int) -> list[Actor]:
    """`n` phones join; their participants, in the order they joined."""
    before = set(room.state.participants)
    for _ in range(n):
        phone = create_user()
        await phone.open(f'/j/{code}')
        phone.find(marker='join').click()
    for _ in range(100):
        if len(set(room.state.participants) - before) == n:
            break
        await asyncio.sleep(0.05)
    ids = [pid for pid in room.state.participants if pid not in before]
    assert len(ids) == n
    return [Actor(Role.PARTICIPANT, pid) for pid in ids]


def give(room: LiveRoom, actor: Actor, command: object) -> None:
    room.execute(actor, ForActivity('a2', command))


def form_items(room: LiveRoom, form_id: str) -> list[ld.Item]:
    """The items of a form (the test reads the state: the views never do)."""
    state: ld.State = room.state.activities['a2'].state
    return list(state.forms[form_id].items)


async def eventually(check: Callable[[], bool]) -> None:
    for _ in range(100):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError('never came true')


def fill_in(room: LiveRoom, actor: Actor, form: str, answers: Callable[[int], int], *, done: bool = True) -> None:
    """A participant fills in `form` (chosen where there is a choice): item i gets answers(i)."""
    state: ld.State = room.state.activities['a2'].state
    if len(state.forms) > 1:
        give(room, actor, ld.ChooseForm(form))
    for i, item in enumerate(form_items(room, form)):
        give(room, actor, ld.Answer(item.id, answers(i)))
    if done:
        give(room, actor, ld.Finish())


async def test_while_open_only_the_count_and_after_the_close_the_groups_of_at_least_three(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_instrument(user, 'Leerdoelwijzer (individueel)', ALL_GROUPS)
    await user.should_see('Instrument: Leerdoelwijzer')
    await user.should_see('Ieder kiest de eigen functiegroep uit:')
    room = room_of(user)
    beamer = create_user()
    await open_projector(user, beamer)
    await beamer.should_see('Ieder vult de vragenlijst in op de eigen telefoon.')
    people = await join(create_user, code, room, 5)
    boa = form_items(room, 'boa')
    werkpleinen = form_items(room, 'werkpleinen')
    for n, actor in enumerate(people[:3]):
        fill_in(room, actor, 'boa', lambda i, n=n: (i + n) % 4, done=n < 2)
    fill_in(room, people[3], 'werkpleinen', lambda i: 3)  # a group of one: never shown on its own

    await user.should_see('3 van 5 klaar · 1 bezig')
    await beamer.should_see('3 van 5 klaar · 1 bezig')
    for page in (user, beamer):  # nothing per item or per group while people fill in
        shown = ' '.join(texts(page))
        assert not charts(page)
        assert all(item.text not in shown for item in [*boa, *werkpleinen])
        assert 'Altijd' not in shown and 'Nooit' not in shown and '%' not in shown

    user.find(marker='next-step', content='Sluit en toon teambeeld').click()
    await user.should_see('Nog niet iedereen is klaar')  # 3 of 5 done: asked once more
    user.find(marker='ld-confirm-close').click()
    await user.should_see('Teambeeld')
    await user.should_see('Buitengewoon Opsporings Ambtenaren (3 mensen)')
    await user.should_see(SMALL)
    await beamer.should_see('Teambeeld · Leerdoelwijzer')
    await beamer.should_see(SMALL)
    await beamer.should_see('Per onderdeel: hoe vaak Soms of Nooit')

    # the console: one heatmap, of the group of three, every item with its counts written in its cells
    (figure,) = charts(user)
    heat = figure['data'][0]
    assert len(heat['y']) == len(boa)
    assert sum(sum(row) for row in heat['z']) == 3 * len(boa)
    assert heat['texttemplate'] == '%{text}' and heat['text'][0] == [str(n) for n in heat['z'][0]]
    assert figure['layout']['xaxis']['ticktext'] == ['Altijd', 'Vaak', 'Soms', 'Nooit']
    labels = ' '.join(figure['layout']['yaxis']['ticktext'])
    assert all(item.text[:20] not in labels for item in werkpleinen if item.text[:20] not in {b.text[:20] for b in boa})
    assert 'Werkpleinen (' not in ' '.join(texts(user))

    # the projector: the questions with the most need at 24 px, and how many more there are
    (shown,) = charts(beamer)
    assert shown['layout']['font']['size'] >= 24
    rows = len(shown['data'][0]['y'])
    assert rows <= 10
    await beamer.should_see(f'+ {len(boa) - rows} meer')
    await beamer.should_see(f'De {rows} vragen met de meeste leerbehoefte')
    needs = [row.need for row in _picture(room).items()][:rows]
    assert needs == sorted(needs, reverse=True)


def _picture(room: LiveRoom) -> ld.TeamPicture:
    from facilitation.ui import views

    picture = views.public(room, 'a2').picture
    assert picture is not None
    return picture


async def test_the_matrix_shows_how_many_could_teach_and_only_named_helpers(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_instrument(user, 'Ontwikkelmatrix (individueel)')
    await user.should_see('Instrument: Matrix ontwikkeling veilige publieke dienstverlening')
    room = room_of(user)
    beamer = create_user()
    await open_projector(user, beamer)
    anna, bob, anonymous = await join(create_user, code, room, 3)
    room.execute(anna, Rename('Anna'))
    room.execute(bob, Rename('Bob'))
    state: ld.State = room.state.activities['a2'].state
    (form_id,) = state.forms
    first = form_items(room, form_id)[0]
    for actor in (anna, bob, anonymous):
        fill_in(room, actor, form_id, lambda i: 5 if i == 0 else 1)  # all three could teach the first topic
    give(room, anna, ld.OfferHelp(first.id))  # only Anna offers; someone without a name cannot
    await user.should_see('3 van 3 klaar')

    user.find(marker='next-step', content='Sluit en toon teambeeld').click()  # all done: no question asked
    await user.should_see('Teambeeld')
    await user.should_see(f'{first.text}: 3 kunnen het anderen leren')
    await user.should_see(f'Wil collega’s helpen: Anna ({first.text})')
    assert not any('Bob (' in text for text in texts(user))
    await beamer.should_see('Teambeeld · Ontwikkelmatrix')
    await beamer.should_see('Niveaus: 1 Bewust van')
    assert any('Anna (' in text for text in texts(beamer))
    (figure,) = charts(beamer)
    assert figure['layout']['xaxis']['ticktext'] == ['1', '2', '3', '4', '5', '6']


async def test_one_persons_answers_reach_no_shared_screen(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_instrument(user, 'Leerdoelwijzer (individueel)', 'Werkpleinen')
    room = room_of(user)
    beamer = create_user()
    await open_projector(user, beamer)
    (only,) = await join(create_user, code, room, 1)
    items = form_items(room, 'werkpleinen')
    fill_in(room, only, 'werkpleinen', lambda i: i % 4)
    await user.should_see('1 van 1 klaar')
    await beamer.should_see('1 van 1 klaar')

    from facilitation.ui import views

    for view in (views.public(room, 'a2'), views.console(room, 'a2')):  # what console and projector are fed
        assert all(item.id not in repr(view) and item.text not in repr(view) for item in items)
    for page in (user, beamer):
        assert not charts(page)
        assert all(item.text not in ' '.join(texts(page)) for item in items)

    user.find(marker='next-step', content='Sluit en toon teambeeld').click()
    await user.should_see('Te weinig antwoorden voor een teambeeld')  # one person is no team picture: no figure
    await beamer.should_see('Te weinig antwoorden voor een teambeeld')
    assert not charts(user) and not charts(beamer)
    for page in (user, beamer):
        assert all(item.text not in ' '.join(texts(page)) for item in items)


def test_text_in_a_chart_is_written_as_text_never_as_markup() -> None:
    item = ld.Item('f.1.1', '<img src=x onerror=alert(1)> & <b>vet</b>', 'Deel')
    row = ld.ItemRow(item, ld.Distribution((1, 2, 0, 0), 0.0))
    figure = common.heatmap_figure([(item.text, row)], ['Altijd', 'Vaak', 'Soms', 'Nooit'], font=24, label_chars=80)
    label = figure['layout']['yaxis']['ticktext'][0]
    assert '<' not in label and '&lt;img' in label and '&amp;' in label
    assert all('<img' not in cell for cell in figure['data'][0]['customdata'][0])
    assert figure['data'][0]['text'] == [['1', '2', '0', '0']]


def test_a_long_label_is_cut_on_a_whole_word() -> None:
    assert common.short('een twee drie vier vijf zes', 14) == 'een twee…'
    assert common.short('kort', 14) == 'kort'
    assert common.wrapped('Ik kan het anderen leren', 10) == 'Ik kan het<br>anderen<br>leren'


async def test_small_groups_together_count_as_overig_and_the_change_since_the_last_round_is_said(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    from facilitation.app import CONTENT_DIR, SESSIONS_DIR
    from facilitation.content import load_content
    from facilitation.session import AddActivity, StartActivity
    from facilitation.werkvormen.leerdoelen import _wijzers

    code = await create_session(user, data_dir)
    room = room_of(user)
    config = _wijzers(load_content(CONTENT_DIR, SESSIONS_DIR))['alle-functiegroepen'].activity_config()
    section = config['forms'][0]['sections'][0]['title']
    at = f'{date.today().year}-03-03'  # this year's: said without the year
    config['baseline'] = {'at': at, 'sections': {section: 0.25}, 'items': {}}
    facilitator = Actor(Role.FACILITATOR, 'facilitator')
    room.execute(facilitator, AddActivity('leerdoelwijzer', 'Leerdoelwijzer', config))
    room.execute(facilitator, StartActivity('a2'))
    await user.should_see('Sluit en toon teambeeld')
    people = await join(create_user, code, room, 6)
    for actor in people[:3]:
        fill_in(room, actor, 'boa', lambda i: 2)  # all Soms: 100% need
    for actor, form in zip(people[3:], ('werkpleinen', 'werkpleinen', 'publiekszaken'), strict=True):
        fill_in(room, actor, form, lambda i: 0)
    await user.should_see('6 van 6 klaar')
    user.find(marker='next-step', content='Sluit en toon teambeeld').click()
    await user.should_see('Overig (3 mensen): kleinere functiegroepen samen')
    await user.should_see('samen tellen zulke groepen mee als ‘overig’')
    assert 'Werkpleinen (' not in ' '.join(texts(user)) and 'Publiekszaken (' not in ' '.join(texts(user))
    picture = _picture(room)
    (change,) = [s.change for s in picture.sections if s.title == section]
    assert change is not None
    points = round(100 * change)
    await user.should_see(f'+{points} punten sinds 3 maart')
    assert len(charts(user)) == 1  # the group of three only: "overig" is per part, in bars
