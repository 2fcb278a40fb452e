"""`facilitation` / `python -m facilitation`: serve the app, purge, audit and export."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings

if TYPE_CHECKING:
    from .store import Store


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog='facilitation', description='Samenspel: live leersessies voor teams.')
    commands = root.add_subparsers(dest='command', required=True)
    serve = commands.add_parser('serve', help='start the server')
    serve.add_argument('--host', default='0.0.0.0', help='address to listen on (default: all interfaces)')
    serve.add_argument('--port', type=int, default=8080, help='port (default: 8080)')
    serve.add_argument('--data-dir', type=Path, default=Path('data'), help='folder for the database and secrets')
    serve.add_argument(
        '--public-url',
        default='',
        help="base of join links and QR codes, e.g. http://10.0.0.5:8080 (default: this machine's LAN address)",
    )
    serve.add_argument('--demo', action='store_true', help='make sure a ready demo session exists')
    serve.add_argument(
        '--retention-days',
        type=int,
        default=90,
        help='delete sessions older than this many days (default 90; 0 keeps them)',
    )
    purge = commands.add_parser('purge', help='delete old sessions and all their answers')
    purge.add_argument('--older-than', required=True, type=age, help='age such as 90d, 12h or 30m')
    purge.add_argument('--data-dir', type=Path, default=Path('data'), help='folder of the database')
    audit = commands.add_parser('audit', help="print a session's audit log: who did what, when, from where")
    audit.add_argument('code', help='the room code of the session')
    audit.add_argument('--data-dir', type=Path, default=Path('data'), help='folder of the database')
    export = commands.add_parser('export', help="write a team's plan or a session's report to a file")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument('--team', help='the team whose plan to write (docx, xlsx, csv, md or json)')
    which.add_argument('--session', metavar='CODE', help='the room code of the session to report on (docx or md)')
    export.add_argument('--format', required=True, choices=('docx', 'xlsx', 'csv', 'md', 'json'), help='file type')
    export.add_argument('--out', type=Path, help='file to write (default: a name after the team or session, here)')
    export.add_argument('--lang', choices=('nl', 'en'), default='nl', help='language of the document (default: nl)')
    export.add_argument('--data-dir', type=Path, default=Path('data'), help='folder of the database')
    return root


def age(text: str) -> float:
    """'90d', '12h', '30m' or a number of days, in seconds."""
    units = {'d': 86400, 'h': 3600, 'm': 60}
    value, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, 'd')
    try:
        amount = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'{text!r} is geen duur; gebruik bijvoorbeeld 90d, 12h of 30m') from None
    if amount < 0:
        raise argparse.ArgumentTypeError('een duur kan niet negatief zijn')
    return amount * units[unit]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(name)s: %(message)s')
    if args.command == 'serve':
        from .app import start
        from .datafolder import DataFolderError, database_problem
        from .store import StorageError
        from .yamlfile import ContentError

        settings = Settings(
            host=args.host,
            port=args.port,
            data_dir=args.data_dir,
            public_url=args.public_url,
            demo=args.demo,
            retention_days=args.retention_days,
        )
        try:
            start(settings)
        except ContentError as error:
            print(f'Inhoud klopt niet: {error}', file=sys.stderr)
            return 2
        except DataFolderError as error:
            print(f'Samenspel start niet. {error}', file=sys.stderr)
            return 1
        except StorageError as error:  # the demo session or a team could not be written at start
            print(f'Samenspel start niet. {database_problem(settings.database, error)}', file=sys.stderr)
            return 1
    if args.command == 'purge':
        from .live import Rooms
        from .store import Store

        store = Store(args.data_dir / 'samenspel.db')
        rooms = Rooms(store)
        rooms.load()
        removed = rooms.purge(args.older_than)
        store.close()
        print(f'{len(removed)} sessie(s) verwijderd' + (f': {", ".join(removed)}' if removed else ''))
    if args.command == 'audit':
        return print_audit(args.data_dir, args.code)
    if args.command == 'export':
        return export_file(args.data_dir, args.team, args.session, args.format, args.out, args.lang)
    return 0


def print_audit(data_dir: Path, raw_code: str) -> int:
    """Tab-separated: time (UTC), role, pseudonymous id, event, origin. Contents and secrets are not in it."""
    import datetime

    from .join import normalise_code
    from .store import Store

    code = normalise_code(raw_code)
    store = Store(data_dir / 'samenspel.db')
    record = store.session_by_code(code) if code else None
    if record is None:
        print(f'Geen sessie met code {raw_code!r}', file=sys.stderr)
        store.close()
        return 1
    print('tijd (UTC)\trol\twie\twat\tvanwaar')
    for row in store.audit(record.id):
        when = datetime.datetime.fromtimestamp(row.at, datetime.UTC).isoformat(timespec='seconds')
        print(f'{when}\t{row.role}\t{row.actor_id}\t{row.type}\t{row.origin or "-"}')
    store.close()
    return 0


SESSION_FORMATS = ('docx', 'md')


def file_slug(name: str) -> str:
    """A file-name-safe form of a name: 'Team Bálie 2' -> 'team-balie-2'."""
    import re
    import unicodedata

    plain = unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode()
    return re.sub(r'[^a-z0-9]+', '-', plain.lower()).strip('-') or 'team'


def export_file(data_dir: Path, team: str | None, code: str | None, fmt: str, out: Path | None, lang: str) -> int:
    """Write a team's plan (--team) or a session's report (--session); 1 with a message when it does not exist."""
    database = data_dir / 'samenspel.db'
    if not database.exists():
        print(f'Geen database in {data_dir}: kies de map met --data-dir', file=sys.stderr)
        return 1
    if code is not None and fmt not in SESSION_FORMATS:
        print(f'Een sessieverslag kan als {" of ".join(SESSION_FORMATS)}, niet als {fmt}', file=sys.stderr)
        return 2
    from .store import Store

    store = Store(database)
    try:
        found = _plan_file(store, team, fmt, lang) if team is not None else _report_file(store, code or '', fmt, lang)
    finally:
        store.close()
    if isinstance(found, str):
        print(found, file=sys.stderr)
        return 1
    name, content = found
    path = out if out is not None else Path(name)
    path.write_bytes(content)
    print(f'Geschreven: {path}')
    return 0


def _plan_file(store: Store, team: str, fmt: str, lang: str) -> tuple[str, bytes] | str:
    """(default file name, content) of a team's plan, or why not."""
    import datetime

    from . import teamplan, teamplan_export
    from .teams import Teams

    teams = Teams(store)
    teams.load()
    plan = teams.for_name(team)
    if plan is None:
        known = ', '.join(p.name for p in teams.all()) or 'nog geen'
        return f'Geen team met de naam {team!r} (bekende teams: {known})'
    today = datetime.date.today()
    content: bytes | str
    if fmt == 'docx':
        content = teamplan_export.plan_docx(plan.state, today, lang)
    elif fmt == 'xlsx':
        content = teamplan_export.plan_xlsx(plan.state, today, lang)
    elif fmt == 'csv':
        content = teamplan_export.plan_csv(plan.state, lang)
    elif fmt == 'md':
        content = teamplan_export.plan_markdown(plan.state, today, lang)
    else:
        content = teamplan.plan_json(plan.state)
    data = content.encode('utf-8') if isinstance(content, str) else content
    return f'teamplan-{file_slug(plan.name)}.{fmt}', data


def _report_file(store: Store, raw_code: str, fmt: str, lang: str) -> tuple[str, bytes] | str:
    """(default file name, content) of a session's report (with its team's plan when the team exists), or why not."""
    import time

    from . import report
    from .join import normalise_code
    from .session import replay
    from .teams import Teams

    code = normalise_code(raw_code)
    record = store.session_by_code(code) if code else None
    if record is None:
        return f'Geen sessie met code {raw_code!r}'
    state = replay(record.id, store.events(record.id))
    teams = Teams(store)
    teams.load()
    team = teams.for_name(state.team) if state.team else None
    plan = team.state if team is not None else None
    now = time.time()
    if fmt == 'docx':
        content = report.session_report_docx(state, plan, lang, now)
    else:
        content = report.session_report_markdown(state, plan, lang, now).encode('utf-8')
    return f'sessie-{record.code}.{fmt}', content


if __name__ in {'__main__', '__mp_main__'}:
    sys.exit(main())
