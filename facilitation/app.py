"""Composition root: settings -> store, rooms, content -> pages. Nothing else holds long-lived objects."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sqlite3
import sys
import time
from pathlib import Path

from nicegui import app, background_tasks, ui
from nicegui.storage import Storage
from nicegui.translations import translations

from .config import Settings, read_or_create_secret
from .content import load_content
from .datafolder import DataFolder, DataFolderError, database_problem
from .live import Rooms
from .services import Services
from .session import AddActivity, StartActivity
from .store import Store
from .teams import TeamPlan, Teams
from .tokens import Grant, GrantKind
from .ui import access, facilitator, home, incident_import, incidents_page, participant, projector, team
from .ui.access import link
from .ui.body_limit import BodyLimit
from .ui.compressed_static import CachingGZipMiddleware
from .ui.flood import PageFloodLimit
from .ui.frame import configure_theme, register_language_switch
from .ui.headers import SecurityHeaders
from .ui.socket_guard import guard_ui_events, limit_message_size
from .werkvormen import registry
from .werkvormen.base import Actor, Role
from .werkvormen.registry import WERKVORMEN

# An installed Samenspel carries its content, session plans and assets in the package (see setup.py); a checkout has
# them at the top of the repository, where a gemeente edits them.
PACKAGED = Path(__file__).resolve().parent / '_data'
ROOT = PACKAGED if PACKAGED.is_dir() else Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / 'content'
SESSIONS_DIR = ROOT / 'sessions'
ASSETS_DIR = ROOT / 'assets'
DEMO_NAME = 'Demo: thematisch werkoverleg'

log = logging.getLogger('samenspel')


def build(settings: Settings) -> Services:
    """Open the log, replay every session, load and validate content, and register the pages."""
    registry.check()  # a werkvorm registered without its views or strings stops the start, not a meeting
    folder = DataFolder(settings.data_dir, settings.database)
    folder.claim()  # one server per data folder, and nothing opened on a folder that would start wrong
    try:
        store = Store(settings.database)
        if not store.quick_check():
            raise sqlite3.DatabaseError('database disk image is malformed')
    except sqlite3.Error as error:
        folder.release(mark=False)
        raise DataFolderError(database_problem(settings.database, error)) from None
    folder.mark_running()
    media = settings.data_dir / 'media'
    media.mkdir(exist_ok=True)
    Storage.path = (settings.data_dir / 'browser-storage').resolve()
    storage_secret = read_or_create_secret(settings.data_dir, 'storage.secret')
    admin_key_new = not (settings.data_dir / 'admin.key').exists()
    rooms = Rooms(store)
    replayed = rooms.load()
    teams = Teams(store)
    teams.load()
    for room in rooms.all():  # sessions named a team before teams had plans: their team gets one now
        if room.state.team:
            teams.ensure(room.state.team)
    public_url, _ = settings.resolved_public_url()
    services = Services(
        settings,
        store,
        rooms,
        load_content(CONTENT_DIR, SESSIONS_DIR),
        read_or_create_secret(settings.data_dir, 'admin.key'),
        storage_secret,
        public_url,
        (media, ASSETS_DIR),
        teams,
        admin_key_new=admin_key_new,
    )

    # a change of a team's plan shows at once in that team's open sessions (the review on the projector)
    def plan_changed(plan: TeamPlan) -> None:
        for room in services.rooms_of(plan):
            room.nudge()

    teams.listeners.append(plan_changed)
    for plan in teams.all():  # a leerdoelwijzer round closed just before a stop is kept in its team's plan now
        registry.catch_up(services, plan)
    log.info('replayed %d events of %d sessions', replayed, len(rooms.all()))
    # The replayed rooms live as long as the server: keep them out of every full garbage collection (whose pauses
    # otherwise grow with the log and stall all phones at once).
    gc.collect()
    gc.freeze()
    app.add_static_files('/static', ASSETS_DIR / 'static')
    app.add_media_files('/media', media)
    app.add_media_files('/assets', ASSETS_DIR)
    app.on_shutdown(store.close)
    app.on_shutdown(lambda: folder.release())  # after the store: a clean stop is marked once the log is closed
    # NiceGUI's own "connection lost" notice, in Dutch (it has no Dutch text of its own)
    translations.setdefault(
        'nl',
        {
            'connection_lost': 'Verbinding verbroken',
            'trying_to_reconnect': 'Opnieuw verbinden… Wat je al verstuurde, is bewaard.',
            'message_too_long': 'Bericht te lang',
            'message_too_long_body': 'Het bericht is te groot om te versturen.',
        },
    )
    configure_theme()
    register_language_switch()
    guard_ui_events()
    limit_message_size()
    for module in (access, home, facilitator, projector, participant, team, incidents_page, incident_import):
        module.register(services)
    if settings.retention_days > 0:
        retention = settings.retention_days
        app.on_startup(lambda: background_tasks.create(keep_retention(rooms, retention), name='retention'))
    app.on_startup(lambda: background_tasks.create(keep_collections_short(), name='gc'))
    if settings.demo:
        ensure_demo(services)
    return services


FREEZE_EVERY = 5.0  # s
FULL_EVERY = 600.0  # s


async def keep_collections_short(freeze_every: float = FREEZE_EVERY, full_every: float = FULL_EVERY) -> None:
    """Keep Python's full garbage collections short: they stall every phone at once, and with 1,000 phones' pages
    in memory one took 0.5-0.7 s, every few seconds while phones joined (measured by `make bench`).

    What has lived a few seconds (the rooms, the pages of connected phones) is frozen: left out of every collection.
    Freed by reference counting as ever; only cyclic garbage among frozen objects (pages of phones that left) waits
    for the full collection made every `full_every` seconds."""
    last_full = time.monotonic()
    while True:
        await asyncio.sleep(freeze_every)
        if time.monotonic() - last_full >= full_every:
            gc.unfreeze()
            gc.collect()
            last_full = time.monotonic()
        gc.freeze()


async def keep_retention(rooms: Rooms, days: int) -> None:
    """Delete sessions older than the retention period, now and every hour while the server runs."""
    while True:
        removed = rooms.purge(days * 86400)
        if removed:
            log.info('retention: deleted %d session(s) older than %d days: %s', len(removed), days, removed)
        await asyncio.sleep(3600)


def ensure_demo(services: Services) -> str:
    """A ready demo session with every werkvorm: the starter statements, the starter quiz, a lagerhuis, an
    arenagesprek, the dilemmamethodiek, the review of the team's plan, a leerdoelwijzer (each chooses their
    function group) and the ontwikkelmatrix (made once; later starts reuse it).
    Returns its code."""
    for room in services.rooms.all():
        if room.state.name == DEMO_NAME:
            return room.code
    room, _ = services.rooms.create(DEMO_NAME, 'Team Publiekszaken')
    services.teams.ensure('Team Publiekszaken')
    actor = Actor(Role.FACILITATOR, 'facilitator')
    for kind, werkvorm in WERKVORMEN.items():
        demo = werkvorm.demo(services.content)
        if demo is not None:
            title, config = demo
            room.execute(actor, AddActivity(kind, title, services.activity_config(room, kind, config)))
    # unlike a session a facilitator makes, the demo starts its first part: it is there to be tried at once, on a
    # phone opened from its printed link, with nobody at a console yet to press Start
    room.execute(actor, StartActivity('a1'))
    return room.code


def start(settings: Settings) -> None:
    """Build and serve (blocks). Prints where the facilitator and the phones go. Raises DataFolderError."""
    os.umask(0o077)  # everything the server writes (log, secrets, browser storage) is this user's only
    services = build(settings)
    app.on_startup(lambda: print('\n'.join(start_lines(services)), flush=True))
    run_ui(services)


def start_lines(services: Services) -> list[str]:
    """What the server says at start. A link that opens the admin pages or a console is printed only to a terminal
    or when the admin key was just made: output that goes to a log or a journal says where the key is kept."""
    settings = services.settings
    public_url, origin = settings.resolved_public_url()
    links = services.admin_key_new or bool(sys.stdout and sys.stdout.isatty())
    lines = [f'Samenspel draait op {public_url}  ({origin})']
    if links:
        admin = link(services, '/', Grant(GrantKind.ADMIN))
        lines.append(f'  Beheer (alle sessies): {admin}   (eenmalige link; daarna de code uit admin.key)')
    else:
        lines.append(f'  Beheer: open {public_url}/ en typ de beheerderscode uit {settings.data_dir / "admin.key"}')
    if settings.demo:
        code = ensure_demo(services)
        room = services.rooms.get(code)
        assert room is not None
        if links:
            lines += [
                f'  Demo-sessie, console:  {link(services, f"/f/{code}", Grant(GrantKind.CONSOLE, room.record.id))}',
                f'  Demo-sessie, beamer:   {link(services, f"/p/{code}", Grant(GrantKind.PROJECTOR, room.record.id))}',
            ]
        lines.append(f'  Deelnemen (telefoon):  {public_url}/j/{code}   of {public_url}/join met code {code}')
    lines += [
        '',
        f'Vóór de bijeenkomst: open {public_url}/join op een telefoon, via de wifi die de deelnemers gebruiken.',
        '  Opent de pagina niet? Gastwifi houdt apparaten vaak van elkaar gescheiden. Zet dan de hotspot van deze',
        '  laptop aan en laat de telefoons daarmee verbinden (start opnieuw: het adres verandert), of gebruik een',
        '  centrale Samenspel-server van de gemeente. Een firewall kan poort '
        f'{settings.port} blokkeren: sta Samenspel toe.',
    ]
    return lines


def run_ui(services: Services) -> None:
    from .ui.http_limits import LongNameNotFound, quiet_when_clients_go, uvicorn_limits  # only serving needs them

    settings = services.settings
    app.on_startup(quiet_when_clients_go)  # a phone gone mid page load is one INFO line, not a traceback
    app.add_middleware(PageFloodLimit)
    app.add_middleware(LongNameNotFound)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    ui.run(
        host=settings.host,
        port=settings.port,
        title='Samenspel',
        language='nl',
        favicon=ASSETS_DIR / 'favicon.svg',
        storage_secret=services.storage_secret,
        reconnect_timeout=settings.reconnect_timeout,
        reload=False,
        show=False,
        dark=False,
        tailwind=False,
        gzip_middleware_factory=CachingGZipMiddleware,
        binding_refresh_interval=None,  # no active links (bindings are between elements): no polling loop
        **uvicorn_limits(),  # a header timeout, the keep-alive timeout and the largest unfinished request head
    )
