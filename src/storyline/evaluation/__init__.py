"""Scoring against the development gold sets: one module per task, run by `storyline eval`."""

import csv
import sys
from functools import cache
from pathlib import Path


@cache
def _rows(table: Path) -> dict[str, dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with open(table, encoding="utf-8", newline="") as f:
        return {r[""]: r for r in csv.DictReader(f)}


def shared_text(shared: Path, path: str, row: str) -> str:
    """The text of one article of a shared CSV corpus, named by its path and row id: our
    annotation files point into ../shared instead of copying its texts."""
    return _rows(shared / path)[row]["text"]
