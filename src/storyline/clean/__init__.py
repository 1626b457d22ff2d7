"""Cleaning: a reader's Document becomes an Article with a clean body.

Fields the format gave (CSV columns, HTML metadata) win over what the page
layout suggests; the layout parse still runs on every text, since crawled
bodies carry title lines, captions and comment threads whatever their format.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..model import Article, Comment, Document, Problem, article_id
from .dates import parse_date
from .layout import line_role, parse_layout
from .normalize import normalize, squash


def _field(value: str | None) -> str | None:
    """A one-line metadata field, normalised; None when blank."""
    return squash(normalize(value)) or None if value else None


def _outlet(doc: Document) -> str | None:
    if doc.outlet:
        return _field(doc.outlet)
    host = urlsplit(doc.url).hostname if doc.url and "://" in doc.url else None
    return host.removeprefix("www.") if host else None


def clean(doc: Document) -> tuple[Article | None, list[Problem]]:
    """The cleaned Article (None if nothing is left) and any problems met on the way."""
    problems: list[Problem] = []
    layout = parse_layout(normalize(doc.text), _field(doc.title))
    if not layout.body.strip():
        where = doc.metadata.get("record")
        return None, [Problem(doc.source, "no article text left after cleaning", where)]
    published = parse_date(doc.published)
    if doc.published and not published:
        problems.append(
            Problem(
                doc.source,
                f"unreadable date {doc.published!r}; using the dateline if any",
                severity="warning",
            )
        )
    given = [c for c in doc.comments if not line_role(squash(c.text), ("comments", "boilerplate"))]
    comments = [
        Comment(_field(c.author), c.depth, c.parent, normalize(c.text).strip())
        for c in [*given, *layout.comments]
    ]
    meta = dict(doc.metadata)
    meta.update(
        {
            k: v
            for k, v in (("section", layout.section), ("comment_count", layout.comment_count))
            if v is not None
        }
    )
    if layout.dropped:
        meta["dropped"] = [{"role": role, "text": text} for role, text in layout.dropped]
    title = layout.title
    return Article(
        id=article_id(title, layout.body),
        source=doc.source,
        format=doc.format,
        title=title,
        published=published or layout.published,
        outlet=_outlet(doc),
        description=_field(doc.description) or layout.description,
        body=layout.body,
        url=doc.url,
        author=_field(doc.author) or layout.author,
        comments=comments,
        metadata=meta,
    ), problems
