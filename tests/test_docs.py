"""The documentation is tested: a setting or a command without documentation fails the suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from candidly.cli.main import app
from candidly.settings import Settings

DOCS = Path(__file__).resolve().parent.parent / "docs"


def command_paths(command: Any, prefix: str = "candidly") -> list[str]:
    # typer vendors click; a group is whatever has sub-commands.
    if getattr(command, "commands", None):
        paths = []
        for name, sub in command.commands.items():
            paths.extend(command_paths(sub, f"{prefix} {name}"))
        return paths
    return [prefix]


def test_every_setting_has_a_description() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 20, f"setting {name} is undocumented"


def test_every_setting_is_in_the_settings_page() -> None:
    page = (DOCS / "settings.md").read_text()
    for name in Settings.model_fields:
        assert f"`CANDIDLY_{name.upper()}`" in page, (
            f"docs/settings.md lacks CANDIDLY_{name.upper()}"
        )


def test_every_command_is_in_the_cli_page_and_has_help() -> None:
    page = (DOCS / "cli.md").read_text()
    root = typer.main.get_command(app)
    paths = command_paths(root)
    assert "candidly import" in paths and "candidly candidates list" in paths
    for path in paths:
        assert f"`{path}" in page, f"docs/cli.md does not document `{path}`"
    for path in paths:
        command = root
        for part in path.split()[1:]:
            command = command.commands[part]
        assert command.help, f"`{path}` has no help text"


def test_the_readme_gives_the_two_quick_start_commands() -> None:
    readme = (DOCS.parent / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
