"""Plain text as crawlers save it: one article per file, layout left to `clean`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..model import Document, Problem
from .decode import DecodeError, decode


def decode_whole(
    stream: BinaryIO, source: str, max_bytes: int, decoder: Callable = decode
) -> Iterator[str | Problem]:
    """The text of a one-document file, refusing empty, oversized and binary ones."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        mb = max_bytes / 1e6
        yield Problem(source, f"larger than {mb:.0f} MB, too big for one article "
                      "(--max-doc-mb raises the limit)")  # fmt: skip
        return
    if not data.strip():
        yield Problem(source, "empty file")
        return
    try:
        text, note = decoder(data)
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
