"""Map a record's columns (JSONL keys, CSV headers) onto a Document."""

from __future__ import annotations

from typing import Any

from ..model import Comment, Document, Problem

# Column names each field is taken from, first match wins (case-insensitive).
TEXT = ("text", "body", "content", "article", "maintext", "full_text")
TITLE = ("title", "headline")
DATE = ("date", "published", "published_at", "publish_date", "pubdate", "date_publish", "datetime")
URL = ("url", "link", "uri")
OUTLET = ("outlet", "source", "site", "sitename", "publisher", "domain")
DESCRIPTION = ("description", "standfirst", "summary", "lead", "subtitle")
AUTHOR = ("author", "authors", "byline")
COMMENTS = ("comments",)
KNOWN = {*TEXT, *TITLE, *DATE, *URL, *OUTLET, *DESCRIPTION, *AUTHOR, *COMMENTS}


def has_text_column(names: list[str]) -> bool:
    """True when one of the column names can hold the article text."""
    return any(n.strip().lower() in TEXT for n in names)


def _pick(lowered: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = lowered.get(name)
        if value is None:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        value = str(value).strip()
        if value:
            return value
    return None


def _comments(value: Any) -> list[Comment]:
    """Reader comments of a JSON record: a list of texts or of {author, text, parent}."""
    if not isinstance(value, list):
        return []
    out = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(Comment(None, 0, None, item.strip()))
        elif isinstance(item, dict) and str(item.get("text") or "").strip():
            parent = item.get("parent")
            parent = parent if isinstance(parent, int) and 0 <= parent < len(out) else None
            author = item.get("author")
            out.append(Comment(str(author) if author else None, int(parent is not None), parent,
                               str(item["text"]).strip()))  # fmt: skip
    return out


def document_from_record(
    record: dict[str, Any], source: str, fmt: str, where: str
) -> Document | Problem:
    """A Document from one JSON object or CSV row; a Problem when it has no text."""
    lowered = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    text = _pick(lowered, TEXT)
    if text is None:
        return Problem(source, f"no text in any of the fields {'/'.join(TEXT[:3])}", where)
    url = _pick(lowered, URL)
    extra = {
        k: v for k, v in record.items() if k is not None and str(k).strip().lower() not in KNOWN
    }
    extra = {k: v for k, v in extra.items() if v not in (None, "")}
    return Document(
        source=url or f"{source}#{where.split()[-1]}",
        format=fmt,
        text=text,
        title=_pick(lowered, TITLE),
        published=_pick(lowered, DATE),
        outlet=_pick(lowered, OUTLET),
        url=url,
        description=_pick(lowered, DESCRIPTION),
        author=_pick(lowered, AUTHOR),
        comments=_comments(lowered.get("comments")),
        metadata={"record": where, **({"extra": extra} if extra else {})},
    )
