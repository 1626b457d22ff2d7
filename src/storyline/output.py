"""Render query rows for the terminal: aligned table, JSON Lines, CSV, or readable text."""

from __future__ import annotations

import csv
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any, TextIO

Column = tuple[str, Callable[[dict[str, Any]], Any]]  # header, value from a row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def table(rows: list[dict[str, Any]], columns: Sequence[Column], out: TextIO = sys.stdout) -> None:
    """Columns sized to their content; the last column is cut to the terminal width."""
    cells = [[_cell(get(r)) for _, get in columns] for r in rows]
    headers = [h for h, _ in columns]
    widths = [max([len(h), *(len(c[k]) for c in cells)]) for k, h in enumerate(headers)]
    room = shutil.get_terminal_size((120, 24)).columns - sum(w + 2 for w in widths[:-1])
    widths[-1] = max(10, min(widths[-1], room))

    def line(values: list[str]) -> str:
        parts = [
            v[: w - 1] + "…" if len(v) > w else v.ljust(w)
            for v, w in zip(values, widths, strict=True)
        ]
        return "  ".join(parts).rstrip()

    print(line(headers), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for c in cells:
        print(line(c), file=out)


def jsonl(rows: list[dict[str, Any]], out: TextIO = sys.stdout) -> None:
    """One JSON object per line, UTF-8 as written."""
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")


def csv_rows(
    rows: list[dict[str, Any]], columns: Sequence[Column], out: TextIO = sys.stdout
) -> None:
    """CSV with a header row; nested values as JSON."""
    writer = csv.writer(out)
    writer.writerow([h for h, _ in columns])
    for r in rows:
        values = [get(r) for _, get in columns]
        writer.writerow(
            [
                ""
                if v is None
                else json.dumps(v, ensure_ascii=False)
                if isinstance(v, list | dict)
                else v
                for v in values
            ]
        )


def wrap(text: str, width: int = 88, indent: str = "") -> str:
    """Paragraphs wrapped for reading, blank lines kept."""
    return "\n".join(
        textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent)
        if p.strip()
        else ""
        for p in text.split("\n")
    )
