"""`facilitation` / `python -m facilitation`: serve the app."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .config import Settings


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
        from .content import ContentError

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


if __name__ in {'__main__', '__mp_main__'}:
    sys.exit(main())
