"""Who may open what: grants kept server-side for this browser (app.storage.user, keyed by its signed cookie).

- The admin key, typed into the access page, grants everything. The grant carries the key's epoch (a digest of
  the key), so replacing `admin.key` ends every admin grant made with the old one.
- A session's key, typed into the access page, grants that session's console; creating a session grants it too.
- A link carries a one-time token (see facilitation/tokens.py), never a key: the page trades it for the grant and
  redirects to its address without it.
- A projector needs a grant of its own (or the console's, in the same browser): phones and the QR never carry one.
- A team's plan is open to the admin and to whoever may facilitate one of the team's sessions; a session only
  carries a team's name when someone with a grant for that team gave it (see `may_give_team`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from fastapi.responses import RedirectResponse
from nicegui import app, ui

from ..live import LiveRoom
from ..services import Services
from ..session import ChangeTeam
from ..teams import TeamPlan
from ..tokens import Grant, GrantKind
from ..werkvormen.base import Actor, DomainError
from .frame import frame, run_command, t, warn

GRANT_KEYS = ('admin', 'grants', 'projectors', 'new_keys')


def is_admin(services: Services) -> bool:
    """Granted with the admin key that is in force now (not with one that has been replaced)."""
    return app.storage.user.get('admin') == services.admin_epoch


def may_facilitate(services: Services, room: LiveRoom) -> bool:
    return is_admin(services) or room.record.id in app.storage.user.get('grants', [])


def may_project(services: Services, room: LiveRoom) -> bool:
    """The projector of a session: its own grant, or the console's in this browser."""
    return may_facilitate(services, room) or room.record.id in app.storage.user.get('projectors', [])


def may_plan(services: Services, plan: TeamPlan) -> bool:
    """The admin, or whoever may facilitate one of this team's sessions."""
    return is_admin(services) or any(may_facilitate(services, room) for room in services.rooms_of(plan))


def may_give_team(services: Services, room: LiveRoom, name: str) -> bool:
    """Whether this browser may make `room` a session of the team called `name`: a new team (it becomes theirs),
    the team the session already has, or a team whose plan this browser may open anyway. Never by naming another
    team: that would open its plan to everyone with this session's key."""
    plan = services.teams.for_name(name) if name.strip() else None
    return plan is None or plan is services.team_of(room) or may_plan(services, plan)


def set_team(room: LiveRoom, actor: Actor, services: Services, name: str) -> bool:
    """Give the session a team (its plan is made the first time the name is used). Refused, with a message, for an
    existing team this browser has no grant for: a session's key must never open another team's plan."""
    if not may_give_team(services, room, name):
        found = services.teams.for_name(name)
        warn(t('access.team_refused', team=found.name if found else name), position='top')
        return False
    if name.strip():
        try:
            services.teams.ensure(name)
        except DomainError as error:
            warn(t(error.key, **error.params), position='top')
            return False
    return run_command(room, actor, ChangeTeam(name))


def has_grants() -> bool:
    return any(app.storage.user.get(key) for key in GRANT_KEYS)


def _add(list_key: str, session_id: str) -> None:
    # by session id, not code: a code of a deleted session can be drawn again for a new one
    app.storage.user[list_key] = sorted({*app.storage.user.get(list_key, []), session_id})


def grant_with_key(services: Services, room: LiveRoom | None, key: str) -> bool:
    """Remember access for this browser when `key` (typed on the access page) is the admin key or `room`'s key."""
    if not key:
        return False
    if services.is_admin_key(key):
        app.storage.user['admin'] = services.admin_epoch
        return True
    if room is not None and room.facilitator_key_matches(key):
        _add('grants', room.record.id)
        return True
    return False


def grant_room(room: LiveRoom, key: str) -> None:
    """The creator of a session facilitates it, and is shown its key once (see `take_new_key`)."""
    _add('grants', room.record.id)
    app.storage.user['new_keys'] = {**app.storage.user.get('new_keys', {}), room.code: key}


def take_new_key(room: LiveRoom) -> str | None:
    """The key of a session this browser just created, once; afterwards only its hash exists."""
    keys = dict(app.storage.user.get('new_keys', {}))
    key = keys.pop(room.code, None)
    if key is not None:
        app.storage.user['new_keys'] = keys
    return key


def link(services: Services, path: str, grant: Grant) -> str:
    """An absolute link to `path` that grants `grant` once (for another device: a projector, a second laptop)."""
    return f'{services.public_url}{path}?token={services.tokens.issue(grant)}'


def trade_link_secret(services: Services, path: str, token: str, key: str) -> RedirectResponse | None:
    """A page opened with `?token=` trades it for its grant; the address loses it (and any old `?key=`, which is
    never accepted in a link) by a redirect to `path`. None when the address carries neither."""
    if not token and not key:
        return None
    grant = services.tokens.redeem(token) if token else None
    if grant is None:
        app.storage.user['link_refused'] = True  # the access page says why it is asking
    elif grant.kind is GrantKind.ADMIN:
        app.storage.user['admin'] = services.admin_epoch
    elif grant.kind is GrantKind.CONSOLE:
        _add('grants', grant.session_id)
    else:
        _add('projectors', grant.session_id)
    return RedirectResponse(path, status_code=303)


def sign_out() -> None:
    """Forget every grant of this browser (Afmelden): its pages need a key or a new link again."""
    for key in GRANT_KEYS:
        app.storage.user.pop(key, None)


def admin_page(services: Services, path: str) -> Callable[[Callable[[], object]], None]:
    """Register the decorated function as the page at `path` for the admin alone: a link's token is traded first,
    anyone without the admin grant gets the access page (asking for the admin code), never the page."""

    def register(build: Callable[[], object]) -> None:
        @ui.page(path, response_timeout=60)  # a build may wait for a read off the event loop (the registrations)
        async def page(token: str = '', key: str = '') -> RedirectResponse | None:
            traded = trade_link_secret(services, path, token, key)
            if traded is not None:
                return traded
            if is_admin(services):
                built = build()
                if inspect.isawaitable(built):
                    await built
            else:
                access_page(services, path)
            return None

    return register


def access_page(services: Services, target: str, room: LiveRoom | None = None, *, role: str = 'facilitator') -> None:
    """Ask for the admin code or the session's key; the right one opens `target`, a wrong one opens nothing."""
    refused = app.storage.user.pop('link_refused', False)
    with frame(t('access.title'), role=role), ui.column().classes('narrow-column'):
        ui.label(t('access.title')).classes('text-2xl font-bold').props('role=heading aria-level=1')
        if refused:
            ui.label(t('access.link_refused')).classes('access-refused').props('role=alert')
        ui.label(t('access.body_projector' if role == 'projector' else 'access.body'))
        field = ui.input(t('access.code'), password=True).props('outlined stack-label autofocus').classes('w-full')

        def submit() -> None:
            if grant_with_key(services, room, (field.value or '').strip()):
                ui.navigate.to(target)
            else:
                ui.notify(t('access.wrong'), type='negative', position='top')

        field.on('keydown.enter', submit)
        ui.button(t('access.submit'), on_click=submit).props('no-caps unelevated').mark('access-submit')


def sign_out_button() -> None:
    """*Afmelden*: this browser forgets its grants (a shared laptop, the end of a meeting)."""

    def sign_out_now() -> None:
        sign_out()
        ui.navigate.to('/signed-out')

    ui.button(t('access.sign_out'), icon='logout', on_click=sign_out_now).props('no-caps flat').mark('sign-out')


def register(services: Services) -> None:
    @ui.page('/signed-out')
    def signed_out() -> None:
        with frame(t('access.sign_out'), role='facilitator'), ui.column().classes('narrow-column'):
            ui.label(t('access.sign_out')).classes('text-2xl font-bold').props('role=heading aria-level=1')
            ui.label(t('access.signed_out')).props('role=status')
            ui.link(t('access.title'), '/')
