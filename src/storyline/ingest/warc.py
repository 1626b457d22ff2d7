"""WARC and WARC.gz archives: every HTML response record is one page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Document, Problem
from .decode import DecodeError
from .html import decode_html, document_from_html


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return None


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Problem]:
    """One Document per HTML response; other records are passed over."""
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type is None:
                yield Problem(source, "malformed WARC record header", f"record {number}")
                return
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{number}"
            where = f"record {number}"
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Problem(source, f"page larger than {max_bytes / 1e6:.0f} MB ({url})", where)
                continue
            try:
                html, _ = decode_html(data, _charset(content_type))
            except DecodeError as e:
                yield Problem(source, f"{e} ({url})", where)
                continue
            doc = document_from_html(html, url, url)
            if isinstance(doc, Document):
                doc.format = "warc"
                doc.metadata["warc"] = source
            else:
                doc.where = where
            yield doc
        if number == 0:
            yield Problem(source, "no WARC records")
    except ArchiveLoadFailed as e:
        yield Problem(
            source, f"not a valid WARC ({str(e).strip().splitlines()[0]})", f"record {number + 1}"
        )
