"""HTML pages: main text, metadata and comments by trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

import trafilatura

from ..model import Comment, Document, Problem
from .decode import decode
from .text import decode_whole

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode a page, trusting its HTTP or <meta> charset only after valid UTF-8."""
    match = _META_CHARSET.search(data[:4096])
    charsets = (declared, match and match.group(1).decode("ascii"))
    return decode(data, tuple(c for c in charsets if c))


def document_from_html(html: str, source: str, url: str | None = None) -> Document | Problem:
    """Extract the article; a Problem when the page has no main text."""
    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=True, include_tables=False
        )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        return Problem(source, f"could not parse HTML ({type(e).__name__}: {e})")
    if found is None or not (found.text or "").strip():
        return Problem(source, "no article text found in the HTML")
    comments = [
        Comment(author=None, depth=0, parent=None, text=part.strip())
        for part in (found.comments or "").split("\n")
        if part.strip()
    ]
    meta = {k: v for k, v in {"categories": found.categories, "tags": found.tags}.items() if v}
    return Document(
        source=source,
        format="html",
        text=found.text,
        title=found.title,
        published=found.date,
        outlet=found.sitename or found.hostname,
        url=url or found.url,
        description=found.description,
        author=found.author,
        comments=comments,
        metadata=meta,
    )


def read_html(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Problem]:
    """One Document per HTML file."""
    url = source if "://" in source else None
    for item in decode_whole(stream, source, max_bytes, decode_html):
        yield document_from_html(item, source, url) if isinstance(item, str) else item
