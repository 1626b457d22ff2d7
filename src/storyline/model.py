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
class Sentence:
    """A sentence of an article body; `start`/`end` are character offsets in the body."""

    article_id: str
    idx: int
    start: int
    end: int
    text: str


@dataclass
class Actor:
    """Who acts or is acted on: the words as written, resolved to name, country and sector.

    `country` is an ISO-3 code or an IGO code (UNO, NATO, EUR…); `sector` a PLOVER
    agent code (GOV, MIL, REB, OPP, COP, JUD, LEG, CVL, MED, IGO, NGO, IMG…).
    `start`/`end` are offsets in the article body (the evidence).
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None

    def standing_for(self, other) -> Actor:
        """These words and offsets as a mention of another actor (a pronoun, a document)."""
        return Actor(self.text, other.name, other.country, other.sector, self.start, self.end)


@dataclass
class Place:
    """Where: a resolved toponym with coordinates; precision is city, region or country."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    geonameid: int | None = None


@dataclass
class When:
    """An event's own date, resolved against the article date.

    `date` is YYYY-MM-DD for the first day of the span meant (the Monday of a
    week, the first of a month, 1 January of a year); `precision` is day,
    week, month, year, or article (no expression: the article's date).
    """

    date: str | None
    precision: str
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Event:
    """Who did what to whom, when and where, traced to its sentence."""

    article_id: str
    type: str
    source: list[Actor]
    target: list[Actor]
    trigger: str
    sentence: int
    start: int
    end: int
    mode: str | None = None
    cameo: str | None = None
    score: float | None = None
    modality: str = "asserted"  # asserted | planned | negated | hypothetical | reported
    background: bool = False
    date: str | None = None
    date_precision: str = "article"
    place: Place | None = None
    confidence: float = 0.5
    trigger_start: int | None = None  # offsets of the trigger word in the body
    trigger_end: int | None = None
    id: str = ""
    object: str | None = None  # what is acted on, as written ("the Sochi congress")
    # roles ("source", "target") taken from the nearest actor, not from the syntax
    guessed: tuple[str, ...] = ()


@dataclass
class Quote:
    """Who said what: a direct quotation or a reported statement, with its speaker."""

    article_id: str
    text: str
    kind: str  # direct | indirect
    speaker: Actor | None
    verb: str | None
    start: int  # offsets of the quoted or reported words in the body
    end: int
    sentence: int
    in_comment: bool = False  # then start/end are offsets in that comment's text
    verb_start: int | None = None  # offsets of the speech verb, when there is one
    verb_end: int | None = None
    id: str = ""
    comment: int | None = None  # the index of the comment it was found in


@dataclass
class Stance:
    """An actor for, against, or conditional on another actor or a proposal, with the
    sentence that says so; `via` is the id of the event or quote it was read from."""

    article_id: str
    actor: Actor
    stance: str  # for | against | conditional
    object: str  # the other actor's name, or the proposal's words
    object_kind: str  # actor | proposal
    sentence: int
    start: int  # the sentence's offsets in the body
    end: int
    via: str
    object_actor: Actor | None = None


@dataclass
class Analysis:
    """What extraction found in one article: its sentences, actor mentions and events."""

    article_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)


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
