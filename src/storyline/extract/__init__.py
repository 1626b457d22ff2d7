"""Extraction: actors, events, time and places from one analysed article.

`extract(article, doc)` is the one entry point the pipeline calls; each part
lives in its own module and works on the spaCy Doc of the article body, so
every offset it reports is an offset in the stored body.
"""

from __future__ import annotations

from datetime import date

from ..model import Analysis, Article, Event, Quote
from .actors import ActorResolver, mentions
from .events import ArticleContext, accusations, extract_events
from .places import event_place
from .quotes import comment_quotes, extract_quotes
from .stances import event_stances, quote_stances
from .syntax import Sentences, release_caches
from .time import event_time

VERSION = "10"  # bump when extraction changes what it stores


def extract(article: Article, doc) -> Analysis:
    """Sentences, actor mentions, quotes, events and stances of one article; comments are
    never used."""
    try:
        return _extract(article, doc)
    finally:
        release_caches(doc)  # so the Doc can be freed


def _extract(article: Article, doc) -> Analysis:
    """See `extract`."""
    anchor = date.fromisoformat(article.published) if article.published else None
    resolver = ActorResolver(doc)
    ctx = ArticleContext(
        article.id,
        anchor,
        resolver.resolve,
        when=(lambda token: event_time(token, anchor)) if anchor else None,
        where=lambda token: event_place(token, doc),
    )
    events, quotes = events_and_quotes(doc, ctx, resolver)
    stances = event_stances(events) + quote_stances(doc, quotes)
    quotes += comment_quotes(article.id, article.comments)  # never a source of events
    analysis = Analysis(
        article.id,
        Sentences.of(doc).records(article.id),
        mentions(doc, resolver),
        events,
        quotes,
        stances,
    )
    return analysis


def events_and_quotes(
    doc, ctx: ArticleContext, resolver: ActorResolver
) -> tuple[list[Event], list[Quote]]:
    """The events of a parsed text, in text order, with the quotes whose accusations count
    among them: one path for the store and the evaluation."""
    quotes = extract_quotes(doc, ctx.article_id, resolver)
    events = extract_events(doc, ctx) + accusations(doc, quotes, ctx)
    events.sort(key=lambda e: (e.start, e.trigger_start or 0))
    return events, quotes
