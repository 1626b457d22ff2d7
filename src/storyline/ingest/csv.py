"""CSV and TSV files with a header row naming the text column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Document, Problem
from .decode import DecodeError, decode
from .fields import TEXT, document_from_record, has_text_column


def _encoding(head: bytes) -> tuple[str, str | None]:
    """Choose the encoding of the whole file from its first block."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", None
    try:
        head.decode("utf-8")
        return "utf-8", None
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 3:  # a character cut by the block's end
            return "utf-8", None
    _, note = decode(head)
    return ("cp1252" if "1252" in (note or "") else "latin-1"), note


def read_csv(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Problem]:
    """One Document per good row; a Problem for each malformed row; the rest goes on."""
    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    try:
        encoding, note = _encoding(head)
    except DecodeError as e:
        yield Problem(source, str(e))
        return
    if note:
        yield Problem(source, note, severity="warning")
    csv.field_size_limit(max_bytes)  # a giant cell becomes a csv.Error for its row
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    first = text.readline()
    delimiter = max(",\t;|", key=first.count)
    reader = csv.reader(text, delimiter=delimiter)
    header = next(csv.reader([first], delimiter=delimiter), [])
    if not has_text_column(header):
        yield Problem(source, f"no text column (expected one of {', '.join(TEXT[:3])})", "line 1")
        return
    row_number = 0
    while True:
        row_number += 1
        where = f"row {row_number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Problem(source, f"malformed CSV ({e})", where)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Problem(source, f"expected {len(header)} fields, found {len(row)}", where)
            continue
        yield document_from_record(dict(zip(header, row, strict=True)), source, "csv", where)
