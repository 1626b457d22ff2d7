"""Data files the project writes itself, read once and cached."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a knowledge file."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-word-per-line list, lower-cased."""
    return frozenset(w.strip().lower() for w in lines(name))


def table(name: str) -> list[list[str]]:
    """Rows of a tab-separated knowledge file."""
    return [ln.split("\t") for ln in lines(name)]


@cache
def load_signatures() -> list[tuple[bytes, str]]:
    """Magic numbers of binary formats that must never be read as text."""
    return [(bytes.fromhex(hexmagic), name) for hexmagic, name in table("binary_signatures.tsv")]


@cache
def load_line_roles() -> dict[str, re.Pattern]:
    """Per role (caption, byline, boilerplate…), one regex to match whole page lines."""
    roles: dict[str, list[str]] = {}
    for role, pattern in table("layout_lines.tsv"):
        roles.setdefault(role, []).append(pattern)
    return {
        role: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        for role, patterns in roles.items()
    }


@cache
def event_families() -> dict[str, tuple[str, str | None]]:
    """PLOVER type → (family of types that can report one happening, stance it states)."""
    return {r[0]: (r[1], (r[2].strip() if len(r) > 2 else "") or None)
            for r in table("event_families.tsv")}  # fmt: skip
