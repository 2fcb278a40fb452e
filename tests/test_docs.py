"""The README documents every command-line option and both set-up commands (fails when one is added silently)."""

from __future__ import annotations

from pathlib import Path

from facilitation.__main__ import parser

README = (Path(__file__).parent.parent / 'README.md').read_text(encoding='utf-8')


def test_every_command_and_option_is_documented() -> None:
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    missing = [f'facilitation {name}' for name in commands if f'facilitation {name}' not in README]
    for command in commands.values():
        options = [opt for action in command._actions for opt in action.option_strings if opt.startswith('--')]
        missing += [opt for opt in options if opt != '--help' and f'`{opt}`' not in README]
    assert missing == []


def test_readme_shows_the_two_setup_commands() -> None:
    assert 'make run' in README and 'make test' in README
