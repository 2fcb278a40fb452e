"""The app as NiceGUI's `user` fixture runs it: settings from the environment (a fresh data folder per test)."""

from facilitation.app import build, run_ui
from facilitation.config import settings_from_env

run_ui(build(settings_from_env()))
