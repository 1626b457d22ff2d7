"""Progress: a bar with articles, rate and time left on a terminal; nothing when piped."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

BODY = "The electoral commission said on Friday that turnout had reached 61 percent in the capital."


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for n in range(300):
        (folder / f"{n}.txt").write_text(f"Turnout {n}\n\n{BODY} Item {n}.")


def test_bar_on_a_terminal(tmp_path):
    _corpus(tmp_path / "c")
    exe = str(Path(sys.executable).with_name("storyline"))
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real size
    proc = subprocess.run(
        [exe, "run", str(tmp_path / "c"), "--db", str(tmp_path / "t.duckdb"), "--no-analyze"],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    text = seen.decode(errors="replace")
    assert proc.returncode == 0
    assert "300 articles" in text and "articles/s" in text and "<" in text  # count, rate, time left
    assert "\r" in text  # redrawn in place


def test_quiet_when_piped(tmp_path):
    _corpus(tmp_path / "c")
    exe = str(Path(sys.executable).with_name("storyline"))
    proc = subprocess.run(
        [exe, "run", str(tmp_path / "c"), "--db", str(tmp_path / "t.duckdb"), "--no-analyze"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0
    assert proc.stdout == b""
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("300 inputs, 300 articles read: 300 stored")
