"""JSON Lines (one article object per line) and JSON files (an object or a list)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Document, Problem
from .fields import document_from_record


def _record(obj, source: str, where: str) -> Document | Problem:
    if not isinstance(obj, dict):
        return Problem(source, f"expected a JSON object, found {type(obj).__name__}", where)
    return document_from_record(obj, source, "jsonl", where)


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Problem]:
    """One Document per good line; one Problem per bad line; the rest goes on."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        where = f"line {number}"
        if len(line) > max_bytes:
            while line and not line.endswith(b"\n"):  # skip the rest of the giant line
                line = stream.readline(1 << 20)
            yield Problem(source, f"record larger than {max_bytes / 1e6:.0f} MB", where)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except UnicodeDecodeError:
            yield Problem(source, "not UTF-8 (JSON must be UTF-8)", where)
            continue
        except json.JSONDecodeError as e:
            yield Problem(source, f"malformed JSON ({e.msg} at column {e.colno})", where)
            continue
        yield _record(obj, source, where)


def read_json(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Problem]:
    """A JSON file holding one article object or a list of them."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Problem(source, f"JSON file larger than {max_bytes / 1e6:.0f} MB; use JSON Lines")
        return
    try:
        obj = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        yield Problem(source, f"malformed JSON ({getattr(e, 'msg', e)})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for number, item in enumerate(items, 1):
        yield _record(item, source, f"record {number}")
