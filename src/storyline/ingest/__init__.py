"""Readers: paths in, Documents and Problems out; one bad item never stops the rest.

Each format has one module with one `read_*(stream, source, max_bytes)` generator.
`expand` turns command-line arguments into inputs, `read_input` sniffs each
input's format and runs its reader.
"""

from __future__ import annotations

import glob
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..model import Document, Problem
from .csv import read_csv
from .decode import Gunzip, is_gzip
from .fields import has_text_column
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text
from .warc import read_warc

Reader = Callable[[BinaryIO, str, int], Iterator[Document | Problem]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "warc": read_warc,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
}
SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
}  # fmt: skip
MAX_DOC_BYTES = 16_000_000


@dataclass
class Input:
    """One file, or standard input, as named on the command line."""

    name: str
    path: Path | None
    size: int


def expand(args: list[str]) -> tuple[list[Input], list[Problem]]:
    """Files, folders, globs and '-' for stdin.

    Folders are walked recursively for files with an article extension (or none,
    as some crawlers save them); hidden entries and other files are passed over.
    """
    inputs: list[Input] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path, name: str) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            inputs.append(Input(name, path, path.stat().st_size))

    for arg in args:
        if arg == "-":
            inputs.append(Input("-", None, 0))
            continue
        path = Path(arg)
        if path.is_dir():
            before = len(inputs)
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and _looks_like_input(f):
                        add(Path(root) / f, os.path.join(root, f))
            if len(inputs) == before:
                problems.append(Problem(arg, "no article files in this folder"))
        elif path.is_file():
            add(path, arg)
        else:
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                problems.append(Problem(arg, "no such file, folder or glob match"))
            for match in matches:
                if Path(match).is_file():
                    add(Path(match), match)
    return inputs, problems


def _looks_like_input(name: str) -> bool:
    """In a folder walk: a file with a known article extension, or with none."""
    suffixes = [s.lower() for s in Path(name).suffixes if s.lower() != ".gz"]
    return not suffixes or suffixes[-1] in SUFFIXES or not suffixes[-1][1:].isalpha()


def sniff(name: str, head: bytes) -> str:
    """The format of an input: by its extension, else by its first bytes."""
    suffixes = [s.lower() for s in Path(name).suffixes if s.lower() != ".gz"]
    if suffixes and suffixes[-1] in SUFFIXES:
        return SUFFIXES[suffixes[-1]]
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = start[:1024].lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"<") and any(
        t in lowered for t in (b"<html", b"<!doctype", b"<body", b"<p")
    ):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    first = start.split(b"\n", 1)[0].decode("utf-8", "replace")
    if any(d in first for d in ",\t;") and has_text_column(first.replace("\t", ",").split(",")):
        return "csv"
    return "text"


class _Counted(io.RawIOBase):
    """A raw stream that reports every byte read, for the progress bar."""

    def __init__(self, raw: BinaryIO, on_read: Callable[[int], None]):
        self.raw, self.on_read = raw, on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        self.on_read(n or 0)
        return n


def _open(inp: Input, on_read: Callable[[int], None]) -> BinaryIO:
    raw = sys.stdin.buffer if inp.path is None else open(inp.path, "rb")  # noqa: SIM115
    return io.BufferedReader(_Counted(raw, on_read), buffer_size=1 << 16)


def read_input(
    inp: Input, max_bytes: int = MAX_DOC_BYTES, on_read: Callable[[int], None] = lambda n: None
) -> Iterator[Document | Problem]:
    """Every Document and Problem in one input, whatever its format or damage."""
    try:
        stream = _open(inp, on_read)
    except OSError as e:
        yield Problem(inp.name, f"cannot open ({e.strerror})")
        return
    count = 0
    with stream:
        try:
            head = stream.peek(4096)[:4096]
            gunzip = None
            if is_gzip(head):
                gunzip = Gunzip(stream)
                stream = io.BufferedReader(gunzip, buffer_size=1 << 16)
                head = stream.peek(4096)[:4096]
            if not head.strip():
                yield Problem(inp.name, "empty file")
                return
            fmt = sniff(inp.name, head)
            for item in READERS[fmt](stream, inp.name, max_bytes):
                count += isinstance(item, Document)
                yield item
            if gunzip is not None and gunzip.truncated:  # the reader swallowed the EOFError
                raise EOFError
        except (EOFError, zlib.error) as e:
            reason = "truncated gzip stream" if isinstance(e, EOFError) else f"corrupt gzip ({e})"
            yield Problem(inp.name, reason, f"after {count} articles" if count else None)
        except OSError as e:
            yield Problem(inp.name, f"read error ({e})")
