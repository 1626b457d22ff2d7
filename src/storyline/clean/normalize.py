"""Unicode normalisation applied to all text before any offset is taken."""

from __future__ import annotations

import re
import unicodedata

# Spaces that should be plain spaces; invisible characters that should go.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0c\x85]")


def normalize(text: str) -> str:
    """NFC, plain spaces and newlines, no invisible characters; quotes kept as written."""
    text = _NEWLINES.sub("\n", text)
    if "\t" in text:
        text = text.expandtabs(4)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces: for comparing lines, not for storing."""
    return " ".join(text.split())
