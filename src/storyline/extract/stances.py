"""Stances read from one article: who is for, against or conditional on whom or what.

From events: the source of a rejection, accusation, boycott or attack is against
its target and its object, the source of an agreement, meeting or support is for
them (`knowledge/event_families.tsv`), a hypothetical act makes it conditional.
From statements: a speaker whose words make something depend on a condition
("Russia's plan … is dependent on its ability to support the Geneva talks") is
conditional on it (`knowledge/stance_cues.tsv`). Negated and background events
say nothing of a position now.
"""

from __future__ import annotations

from functools import cache

from ..knowledge import event_families, table
from ..model import Actor, Event, Quote, Stance
from .syntax import Sentences, noun_phrase

CLAUSE_HEADS = ("VERB", "AUX", "ADJ")


def _known(actor: Actor) -> bool:
    return bool(actor.name or actor.country)


def _same(a: Actor, b: Actor) -> bool:
    return (a.name or a.text).lower() == (b.name or b.text).lower() or (
        bool(a.country) and a.country == b.country and a.sector == b.sector
    )


def _bare(words: str) -> str:
    """Words without a leading article or possessive, lower-cased, for comparing."""
    parts = words.lower().split()
    while parts and parts[0] in ("the", "a", "an", "its", "their", "his", "her"):
        parts = parts[1:]
    return " ".join(parts)


def label(actor: Actor) -> str:
    """How an actor is named in a stance row."""
    return actor.name or " ".join(actor.text.split())


def event_stances(events: list[Event]) -> list[Stance]:
    """The position each event states for its source towards its targets and object."""
    out = []
    for e in events:
        stance = event_families().get(e.type, ("", None))[1]
        if stance is None or e.background or e.modality == "negated":
            continue
        if e.modality == "hypothetical":
            stance = "conditional"
        if "source" in e.guessed:  # a position is never put in a guessed mouth
            continue
        targets = [] if "target" in e.guessed else e.target
        for actor in filter(_known, e.source):
            objects = [(label(t), "actor", t) for t in targets if _known(t) and not _same(t, actor)]
            named = {_bare(w) for t in e.target for w in (t.text, t.name or "")}
            if e.object and _bare(e.object) not in named:
                objects.append((e.object, "proposal", None))
            for text, kind, other in objects:
                out.append(Stance(e.article_id, actor, stance, text, kind, e.sentence, e.start,
                                  e.end, e.id, other))  # fmt: skip
    return out


@cache
def stance_cues() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First lemma → (lemmas, stance) of the words that qualify a statement."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, stance in table("stance_cues.tsv"):
        lemmas = tuple(words.lower().split())
        out.setdefault(lemmas[0], []).append((lemmas, stance.strip()))
    return out


def _conditioned(cue) -> object | None:
    """What a condition is put on: the subject of "X is dependent on …", or the object (else
    the subject) of the main clause an "if …" clause hangs from."""
    head = cue
    while head.pos_ not in CLAUSE_HEADS and head.head.i != head.i:
        head = head.head
    if head.dep_ == "advcl":  # "we will attend only if …"
        main = head.head
        return next((c for c in main.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")), None)
    if head.dep_ in ("acomp", "xcomp"):  # "is dependent on": the subject of "is"
        head = head.head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def quote_stances(doc, quotes: list[Quote]) -> list[Stance]:
    """Conditions speakers put on things, from their news statements."""
    out = []
    cues = stance_cues()
    sents = Sentences.of(doc)
    for q in quotes:
        if q.in_comment or q.speaker is None or not _known(q.speaker):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is None:
            continue
        lemmas = [t.lemma_.lower() for t in span]
        for k, token in enumerate(span):
            entry = next(
                (e for e in cues.get(lemmas[k], ()) if tuple(lemmas[k : k + len(e[0])]) == e[0]),
                None,
            )
            if entry is None:
                continue
            thing = _conditioned(token)
            if thing is None or thing.pos_ == "PRON":
                continue
            k_sent = sents.index(token.i)
            sent = sents.spans[k_sent]
            text = " ".join(noun_phrase(thing).text.split())
            end = sent.start_char + len(sents.texts[k_sent].rstrip())
            out.append(Stance(q.article_id, q.speaker, entry[1], text, "proposal",
                              sents.index(token.i), sent.start_char, end, q.id))  # fmt: skip
            break
    return out
