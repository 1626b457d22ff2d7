"""The records every stage passes along: the vocabulary of the whole code.

Readers produce `Document`s (what a file said, before cleaning) and `Problem`s
(what went wrong with an item); cleaning turns a Document into an `Article`,
whose `body` is the text every later character offset refers to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Comment:
    """One reader comment; `parent` is the index of the comment it replies to."""

    author: str | None
    depth: int
    parent: int | None
    text: str


@dataclass
class Document:
    """What a reader found in one item, with the fields the format itself gave."""

    source: str
    format: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    description: str | None = None
    author: str | None = None
    comments: list[Comment] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: True when `text` is the raw page as a crawler saved it (title lines, datelines…)
    raw_layout: bool = True


@dataclass
class Article:
    """A cleaned news article: title, date, outlet, standfirst, body and comments."""

    id: str
    source: str
    format: str
    title: str | None
    published: str | None
    outlet: str | None
    description: str | None
    body: str
    url: str | None = None
    author: str | None = None
    comments: list[Comment] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Problem:
    """Why one item (a file, a line, a record) was refused or needed a fix."""

    source: str
    reason: str
    where: str | None = None
    severity: str = "error"  # "error" (item not stored) or "warning" (stored anyway)

    def __str__(self) -> str:
        place = f"{self.source}:{self.where}" if self.where else self.source
        return f"{self.severity}: {place}: {self.reason}"


def article_id(title: str | None, body: str) -> str:
    """A stable id from the normalised content, so the same article is stored once."""
    key = " ".join((title or "").split()) + "\n" + " ".join(body.split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
