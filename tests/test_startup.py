"""The server starts without what only a download needs: python-docx and openpyxl (the Word and Excel files) load at
the first download, Pillow and lxml (the QR code, the report's pictures) when one is first drawn. Each adds tens of
milliseconds to every start when a module imported at start imports them at its top."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
LATER = ('docx', 'openpyxl', 'PIL', 'lxml', 'qrcode')


def _loaded_after(code: str) -> list[str]:
    """Which of LATER a fresh interpreter has imported after running `code`."""
    script = f'import json, sys\n{code}\nprint(json.dumps([m for m in {LATER!r} if m in sys.modules]))'
    env = {**os.environ, 'PYTHONPATH': os.pathsep.join(filter(None, (str(ROOT), os.environ.get('PYTHONPATH'))))}
    done = subprocess.run(
        [sys.executable, '-c', script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_the_server_starts_without_the_word_excel_and_picture_libraries() -> None:
    assert _loaded_after('import facilitation.app') == []


def test_the_first_download_loads_them() -> None:
    code = """
import datetime
import facilitation.app
from facilitation import teamplan as tp, teamplan_export
teamplan_export.plan_docx(tp.State(), datetime.date(2025, 3, 10))
teamplan_export.plan_xlsx(tp.State(), datetime.date(2025, 3, 10))
"""
    assert {'docx', 'openpyxl'} <= set(_loaded_after(code))
