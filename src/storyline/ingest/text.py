"""Plain text as crawlers save it: one article per file, layout left to `clean`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..model import Document, Problem
from .decode import DecodeError, decode


def read_whole(
    stream: BinaryIO, source: str, max_bytes: int
) -> tuple[bytes | None, Problem | None]:
    """Read one whole document, refusing empty and oversized ones."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return None, Problem(
            source,
            f"larger than {max_bytes / 1e6:.0f} MB, too big for one article "
            "(--max-doc-mb raises the limit)",
        )
    if not data.strip():
        return None, Problem(source, "empty file")
    return data, None


def decode_whole(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[str | Problem]:
    """The text of a one-document file, after any warning about its encoding."""
    data, problem = read_whole(stream, source, max_bytes)
    if problem:
        yield problem
        return
    try:
        text, note = decode(data)
    except DecodeError as e:
        yield Problem(source, str(e))
        return
    if note:
        yield Problem(source, note, severity="warning")
    yield text


def read_text(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Problem]:
    """A Document holding the file's text."""
    for item in decode_whole(stream, source, max_bytes):
        yield Document(source=source, format="text", text=item) if isinstance(item, str) else item
