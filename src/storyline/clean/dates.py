"""Publication dates as written in datelines and metadata fields, to YYYY-MM-DD."""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS = [  # (regex, order of year/month/day groups)
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b", re.IGNORECASE), "mdy"),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE), "dmy"),
]


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first full calendar date in the text, as ISO, with its match."""
    best = None
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["m"]
            month = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            try:
                found = date(int(parts["y"]), month, int(parts["d"])).isoformat()
            except ValueError:
                continue
            if best is None or match.start() < best[1].start():
                best = (found, match)
            break
    return best


def parse_date(value: str | None) -> str | None:
    """A metadata date (ISO, ISO datetime or written out) as YYYY-MM-DD, or None."""
    if not value:
        return None
    found = find_date(value.strip())
    return found[0] if found else None
