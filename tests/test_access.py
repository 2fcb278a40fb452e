"""Who may open what, decided on the server: a team's plan only with a grant for that team, the projector only with
a grant of its own, links that work once, keys that never sit in an address, and *Afmelden*."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nicegui.testing import User

from .test_pages import PUBLIC_URL, admin_key, open_projector, sign_in
from .test_quiz_pages import choose


async def new_session(user: User, name: str, team: str) -> tuple[str, str]:
    """As the signed-in admin: a session of `team`; returns its code and its key (shown once on the console)."""
    await user.open('/')
    user.find(marker='session-name').type(name)
    user.find(marker='team-name').type(team)
    user.find(marker='create').click()
    await user.should_see('Bewaar deze sessiesleutel')
    code = str(user.find(marker='room-code').elements.pop().text)
    key = str(user.find(marker='session-key').elements.pop().value)
    return code, key


async def plan_path(user: User, code: str) -> str:
    await user.open(f'/f/{code}')
    return str(user.find(marker='team-plan').elements.pop().props['href'])


async def test_a_session_key_cannot_open_another_teams_plan_by_renaming_its_team(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    await sign_in(user, admin_key(data_dir))
    balie, _ = await new_session(user, 'Werkoverleg Balie', 'Team Balie')
    balie_plan = await plan_path(user, balie)
    noord, noord_key = await new_session(user, 'Werkoverleg Noord', 'Team Noord')

    other = create_user()  # the facilitator of team Noord, with that session's key only
    await sign_in(other, noord_key, f'/f/{noord}')
    await other.should_see('Teamplan van Team Noord')
    other.find('Instellingen').click()
    other.find(marker='team').clear().type('team balie')  # the other team's name, in other letters
    other.find(marker='save-team').click()
    await other.should_see('Het team Team Balie bestaat al en deze browser heeft er geen toegang toe.')
    await other.should_see('Teamplan van Team Noord')  # nothing changed
    await other.should_not_see('Teamplan van Team Balie')
    await other.open(balie_plan)
    await other.should_see('Alleen voor de begeleider')
    await other.should_not_see('Teamplan: Team Balie')

    await other.open(f'/f/{noord}')
    other.find('Instellingen').click()
    other.find(marker='team').clear().type('Team Zuid')  # a new team is theirs to make
    other.find(marker='save-team').click()
    await other.should_see('Teamplan van Team Zuid')


async def test_the_admin_may_move_a_session_to_any_team(user: User, data_dir: Path) -> None:
    await sign_in(user, admin_key(data_dir))
    await new_session(user, 'Werkoverleg Balie', 'Team Balie')
    noord, _ = await new_session(user, 'Werkoverleg Noord', 'Team Noord')
    await user.open(f'/f/{noord}')
    user.find('Instellingen').click()
    user.find(marker='team').clear().type('Team Balie')
    user.find(marker='save-team').click()
    await user.should_see('Teamplan van Team Balie')


async def test_the_projector_needs_a_grant_of_its_own_and_shows_nothing_without_it(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    await sign_in(user, admin_key(data_dir))
    code, _ = await new_session(user, 'Werkoverleg Balie', 'Team Balie')
    plan = await plan_path(user, code)
    await user.open(plan)
    user.find(marker='tp-add').click()
    user.find(marker='tp-what').type('Vertrouwelijke afspraak over de balie')
    user.find(marker='tp-add-item').click()
    await user.should_see('Vertrouwelijke afspraak over de balie')
    await user.open(f'/f/{code}')
    choose(user, 'activity-kind', 'Teamplan bespreken')
    user.find(marker='add-activity').click()
    user.find(marker='start-a2').click()
    await user.should_see('Vertrouwelijke afspraak over de balie')  # the review runs

    stranger = create_user()  # any laptop on the network that knows the (public) room code
    await stranger.open(f'/p/{code}')
    await stranger.should_see('Deze beamer is nog niet gekoppeld.')
    await stranger.should_not_see('Vertrouwelijke afspraak over de balie')
    await stranger.should_not_see(code)

    beamer = create_user()
    await open_projector(user, beamer)  # a one-time link from the console pairs it
    await beamer.should_see('Vertrouwelijke afspraak over de balie')


async def test_a_link_opens_once_and_an_old_key_in_an_address_opens_nothing(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    await sign_in(user, admin_key(data_dir))
    code, _ = await new_session(user, 'Werkoverleg Balie', 'Team Balie')
    user.find(marker='projector-link').click()
    link = str(user.find(marker='projector-link-url').elements.pop().value).removeprefix(PUBLIC_URL)
    assert link.startswith(f'/p/{code}?token=')

    first = create_user()
    await first.open(link)
    await first.should_see('Scan de QR-code')
    second = create_user()  # the same link again (from the history of a shared laptop, a forwarded mail)
    await second.open(link)
    await second.should_see('Deze link is al gebruikt of verlopen.')
    await second.should_not_see('Scan de QR-code')

    keyed = create_user()  # a key in an address is never accepted: it would stay in the browser's history
    await keyed.open(f'/f/{code}?key={admin_key(data_dir)}')
    await keyed.should_see('Alleen voor de begeleider')
    await keyed.should_not_see('Programma')


async def test_signing_out_ends_every_grant_of_this_browser(user: User, data_dir: Path) -> None:
    await sign_in(user, admin_key(data_dir))
    code, _ = await new_session(user, 'Werkoverleg Balie', 'Team Balie')
    plan = await plan_path(user, code)
    user.find(marker='sign-out').click()
    await user.should_see('Je bent afgemeld.')
    for path in ('/', f'/f/{code}', f'/p/{code}', plan):
        await user.open(path)
        await user.should_see('Alleen voor de begeleider')


async def test_wrong_room_codes_on_the_join_page_are_limited(user: User, data_dir: Path) -> None:
    await sign_in(user, admin_key(data_dir))
    code, _ = await new_session(user, 'Werkoverleg Balie', 'Team Balie')
    phone = user  # one page trying codes, as a script over its socket would
    await phone.open('/join')
    for _ in range(8):
        phone.find('Sessiecode').clear().type('ZZZZZ')
        phone.find('Ga verder').click()
    await phone.should_see('Controleer de code op het scherm.')
    phone.find('Sessiecode').clear().type(code)  # even the right code waits now: trying more tells nothing
    phone.find('Ga verder').click()
    await phone.should_see('Te veel pogingen met een onbekende code.')
