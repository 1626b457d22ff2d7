"""The README documents every command and every option (as datasette's test_docs does)."""

from __future__ import annotations

import click
import pytest
from conftest import ROOT

from storyline.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    """Every command by its full name ("eval plover"), groups included."""
    out = {}
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        out[full] = command
        if isinstance(command, click.Group):
            out |= _commands(command, full + " ")
    return out


ALL = _commands(main)
COMMANDS = sorted(ALL)


def test_first_lines_are_the_two_setup_commands():
    lines = README.splitlines()[:4]
    assert lines[1].startswith("bash bootstrap.sh demo") and lines[2].startswith(
        "bash bootstrap.sh test"
    )
    assert "bash bootstrap.sh test" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("name", COMMANDS)
def test_command_and_options_documented(name):
    command = ALL[name]
    assert f"`storyline {name}" in README, f"README has no section for {name}"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), f"{name} {param.opts} undocumented"
