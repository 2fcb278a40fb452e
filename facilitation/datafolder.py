"""The data folder, claimed by one server at a time and checked before anything in it is opened.

- One server per folder: a second one on the same folder would write the same sessions' logs in between the
  first one's commands and refuse what it had not seen. The claim is an operating-system lock on `samenspel.lock`
  (fcntl on Linux and macOS, msvcrt on Windows), released by the system however the process ends.
- Only this user can read it: the folder is 0700 and the files in it 0600 (the log holds team plans and answers).
- A folder that would start wrong is refused with what is wrong and what to do, and nothing in it is changed: an
  empty (0-byte) database, a database that is not one or is damaged, a full disk, and a database whose write-ahead
  log was removed after a crash (its last acknowledged changes would be gone without a word).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import IO

LOCK_NAME = 'samenspel.lock'
RUNNING = 'running'  # the lock file's content while a server runs; anything else after a clean stop
STOPPED = 'stopped'


class DataFolderError(Exception):
    """The server cannot start on this data folder; the message says what is wrong and what to do (in Dutch, like
    the rest of the server's output)."""


def _lock(handle: IO[str]) -> bool:
    """Take the exclusive lock on an open file without waiting; False when another process holds it."""
    try:
        if sys.platform == 'win32':
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class DataFolder:
    """A claimed data folder. `release()` (at a clean stop) marks it stopped and lets go of the lock."""

    def __init__(self, path: Path, database: Path) -> None:
        self.path = path
        self.database = database
        self._handle: IO[str] | None = None
        self.crashed_before = False  # the server before this one did not stop cleanly

    def claim(self) -> None:
        """Lock the folder and check it. Raises DataFolderError, changing nothing."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self.path.chmod(0o700)
            handle = open(self.path / LOCK_NAME, 'a+', encoding='utf-8')  # noqa: SIM115 - held while the server runs
        except OSError as error:
            raise DataFolderError(
                f'De datamap {self.path} kan niet worden gemaakt of geopend ({error.strerror}). Kies een map waarin '
                'deze gebruiker mag schrijven, met --data-dir.'
            ) from None
        if not _lock(handle):
            handle.close()
            raise DataFolderError(
                f'Er draait al een Samenspel-server op de datamap {self.path}. Gebruik die server, stop hem eerst, of '
                'kies voor deze een andere map met --data-dir.'
            )
        self._handle = handle
        try:
            handle.seek(0)
            self.crashed_before = handle.read().strip().startswith(RUNNING)
            self._check_database()
        except (DataFolderError, OSError):
            self.release(mark=False)
            raise

    def mark_running(self) -> None:
        """Once the database is open: from now on a stop that is not clean shows at the next start. Makes the
        folder's files this user's only."""
        try:
            self._mark(f'{RUNNING} {os.getpid()}')
        except OSError as error:
            self.release(mark=False)
            raise DataFolderError(_unwritable(self.path, error)) from None
        _private(self.path)

    def _check_database(self) -> None:
        db = self.database
        if not db.exists():
            return
        if db.stat().st_size == 0:
            raise DataFolderError(
                f'Het gegevensbestand {db} is leeg (0 bytes): de sessies en teamplannen die erin stonden, zijn weg. '
                'Zet een back-up van het bestand terug. Wilt u echt met een lege database beginnen, verwijder dan het '
                'lege bestand.'
            )
        wal = db.with_name(db.name + '-wal')
        if self.crashed_before and not wal.exists():
            raise DataFolderError(
                f'De server stopte niet netjes, en het bestand {wal.name} naast {db.name} ontbreekt: daarin staan de '
                'laatste opgeslagen wijzigingen. Zet het terug (uit de prullenbak of een back-up). Wilt u zonder die '
                f'wijzigingen verder, zet dan in {self.path / LOCK_NAME} het woord "{STOPPED}" en start opnieuw.'
            )

    def _mark(self, text: str) -> None:
        assert self._handle is not None
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(text)
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def release(self, *, mark: bool = True) -> None:
        if self._handle is None:
            return
        if mark:
            with contextlib.suppress(OSError):
                self._mark(STOPPED)
        self._handle.close()  # closing the file lets go of the lock
        self._handle = None


def _private(folder: Path) -> None:
    """The folder's files are this user's only (a database made before this rule was 0644)."""
    for path in folder.rglob('*'):
        with contextlib.suppress(OSError):
            path.chmod(0o700 if path.is_dir() else 0o600)


def _unwritable(folder: Path, error: OSError) -> str:
    return (
        f'In de datamap {folder} kan niet worden geschreven ({error.strerror}). Is de schijf vol, maak dan ruimte '
        'vrij; anders: controleer de rechten van de map.'
    )


def database_problem(database: Path, error: sqlite3.Error | Exception) -> str:
    """What to say when the database cannot be opened: what is wrong and what to do, never a traceback."""
    text = str(error).lower()
    if 'full' in text:
        return f'De schijf is vol: {database} kan niet worden bijgewerkt. Maak ruimte vrij en start opnieuw.'
    if 'not a database' in text or 'malformed' in text or 'corrupt' in text:
        return (
            f'Het gegevensbestand {database} is beschadigd of is geen Samenspel-database. Er is niets aan veranderd. '
            'Zet een back-up terug, of start met een andere map met --data-dir.'
        )
    if 'readonly' in text or 'unable to open' in text or 'permission' in text:
        return f'{database} kan niet worden geopend om te schrijven. Controleer de rechten van de datamap.'
    return f'{database} kan niet worden geopend ({error}). Er is niets aan veranderd; controleer de schijf.'
