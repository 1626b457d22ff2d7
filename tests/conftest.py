"""Shared fixtures: paths to ../shared, and running the real `storyline` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GUARDIAN = SHARED / "corpora" / "guardian_syria_2019.csv"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"../shared (reference articles, corpora, gold sets) not found at {SHARED}",
)


def storyline(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, check: bool = False
) -> subprocess.CompletedProcess:
    """Run the installed `storyline` command as a user would, capturing its output."""
    exe = Path(sys.executable).with_name("storyline")
    proc = subprocess.run(
        [str(exe), *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
        timeout=600,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"storyline {' '.join(args)} exited {proc.returncode}:\n{proc.stderr.decode()}"
        )
    return proc


def jsonl(proc: subprocess.CompletedProcess) -> list[dict]:
    """Parse a command's JSON Lines output."""
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


def stored(db: Path) -> list[dict]:
    """All articles in a database, through the CLI."""
    return jsonl(storyline("articles", "--db", str(db), "--format", "jsonl", check=True))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A fresh database path."""
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once for the whole test run."""
    from storyline.analyze import load_nlp

    return load_nlp()


def token_of(doc, word: str):
    """The first token of a parsed sentence with this text."""
    return next(t for t in doc if t.text == word)
