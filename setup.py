"""Packaging: the wheel carries the content, session plans and assets that live at the top of the repository.

`content/`, `sessions/` and `assets/` stay where the project's layout puts them (beside the package, where the
gemeente edits them in a checkout); the build copies them into the package as `facilitation/_data/`, which is where
an installed Samenspel finds them (see facilitation/app.py). Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ('content', 'sessions', 'assets')


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads them from the checkout itself
            return
        here = Path(__file__).resolve().parent
        for name in SHIPPED:
            target = Path(self.build_lib) / 'facilitation' / '_data' / name
            shutil.copytree(here / name, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns('__pycache__'))


setup(cmdclass={'build_py': BuildWithData})
