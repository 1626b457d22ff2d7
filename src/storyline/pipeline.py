"""Ties the stages: expand inputs → read → clean → analyse → store, in batches, with
progress; then linking: copies, stories, merged events, summaries."""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from tqdm import tqdm

from . import analyze as analysis
from .clean import clean
from .extract import VERSION, extract
from .ingest import MAX_DOC_BYTES, expand, read_input
from .model import Article, Problem
from .progress import Progress
from .store import Store

BATCH_SIZE = 256
ARTICLES_PER_REFRESH = 300  # stories are rebuilt a few at a time: memory stays bounded


@dataclass
class Summary:
    """What a run did, for the closing line and the exit status."""

    inputs: int = 0
    read: int = 0
    stored: int = 0
    existing: int = 0
    copies: int = 0
    failed: int = 0
    warnings: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    analyzed: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)
    copied: set[str] = field(default_factory=set)  # stored articles read again elsewhere

    @property
    def skipped(self) -> int:
        """Articles read but not stored again: already there, or copies of stored ones."""
        return self.existing + self.copies

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return ("interrupted: " if self.interrupted else "") + (
            f"{self.inputs:,} inputs, {self.read:,} articles read: {self.stored:,} stored, "
            f"{self.skipped:,} skipped ({self.existing:,} already stored, {self.copies:,} copies), "
            f"{self.failed:,} failed, {self.warnings:,} warnings; "
            f"{self.analyzed:,} analysed, {self.events:,} events; in {self.seconds:.1f}s "
            f"({rate:,.0f} articles/s)"
        )


def run(
    paths: list[str],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    max_bytes: int = MAX_DOC_BYTES,
    progress: bool | None = None,
    analyze: bool = True,
    on_problem: Callable[[Problem], None] | None = None,
) -> Summary:
    """Read, clean, analyse and store everything under `paths`; bad items never stop it.

    With `analyze=False` articles are only cleaned and stored (no spaCy, no events).
    """
    started = time.perf_counter()
    summary = Summary()
    inputs, problems = expand(paths)
    summary.inputs = len(inputs)
    bar = Progress(sum(i.size for i in inputs), progress)

    def report(problem: Problem) -> None:
        if problem.severity == "error":
            summary.failed += 1
        else:
            summary.warnings += 1
        summary.problems.append(problem)
        (on_problem or (lambda p: bar.write(str(p))))(problem)

    batch: list[Article] = []

    def flush() -> None:
        analyses = []
        if analyze:
            done = store.analyzed_ids([a.id for a in batch], VERSION)
            todo = list({a.id: a for a in batch if a.id not in done}.values())
            analyses = [extract(a, doc) for a, doc in analysis.analyze(todo)]
            summary.analyzed += len(analyses)
            summary.events += sum(len(x.events) for x in analyses)
        result = store.write_articles(batch, analyses, (analysis.MODEL, VERSION))
        summary.stored += result.stored
        summary.copies += result.copies
        summary.copied |= result.copied
        summary.existing += result.existing
        batch.clear()

    try:
        for problem in problems:
            report(problem)
        for inp in inputs:
            for item in read_input(inp, max_bytes, bar.read):
                if isinstance(item, Problem):
                    report(item)
                    continue
                article, notes = clean(item)
                for note in notes:
                    report(note)
                if article is None:
                    continue
                summary.read += 1
                bar.article()
                batch.append(article)
                if len(batch) >= batch_size:
                    flush()
        flush()
    except KeyboardInterrupt:  # committed batches stay; a re-run picks up the rest
        summary.interrupted = True
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


@dataclass
class LinkSummary:
    """What linking did: articles placed, copies found, stories and events touched."""

    linked: int = 0
    copies: int = 0
    new_stories: int = 0
    stories: int = 0
    events: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"linked {self.linked:,} articles ({self.copies:,} copies, "
            f"{self.new_stories:,} new stories); {self.stories:,} stories updated, "
            f"{self.events:,} events from their reports; in {self.seconds:.1f}s"
        )


def link(
    store: Store,
    *,
    batch_size: int = 1000,
    progress: bool | None = None,
    limit: int | None = None,
    copied: Iterable[str] = (),
) -> LinkSummary:
    """Place every analysed, unlinked article (the oldest `limit` of them): copy or not,
    which story; then rebuild the merged events, title, actors and summary of each story
    that changed, and of the stories of `copied` articles (read again from another
    outlet: one more source)."""
    import numpy as np  # here, not at the top: every other command starts faster

    from .link import copies, stories

    started = time.perf_counter()
    summary = LinkSummary()
    index_copies = copies.CopyIndex()
    story_of: dict[str, str] = {}

    def known_articles() -> Iterator[tuple[str, stories.Profile]]:
        for r in store.link_state():
            signature = np.array(r["minhash"], dtype=np.uint64)
            index_copies.add(copies.Fingerprint(r["article_id"], signature, r["shingles"]),
                             r["copy_of"])  # fmt: skip
            story_of[r["article_id"]] = r["story_id"]
            vector = np.array(r["vector"], dtype=np.float32)
            terms = Counter(json.loads(r["terms"]))
            yield r["story_id"], stories.Profile(r["article_id"], r["published"], vector, terms)

    index = stories.StoryIndex.rebuild(known_articles())
    known = set(story_of.values())
    todo = store.unlinked(limit)
    seq = len(story_of)
    touched: dict[str, None] = dict.fromkeys(store.stories_of(copied))
    bar = tqdm(total=len(todo), unit="article", desc="linking", file=sys.stderr,
               disable=not (sys.stderr.isatty() if progress is None else progress))  # fmt: skip
    for k in range(0, len(todo), batch_size):
        chunk = store.link_inputs(todo[k : k + batch_size])
        names = store.mention_names([r["id"] for r in chunk])
        batch = stories.profiles(
            [(r["id"], r["published"], r["title"], r["body"]) for r in chunk],
            [names[r["id"]] for r in chunk],
        )
        rows = []
        for r, profile in zip(chunk, batch, strict=True):
            fp = copies.fingerprint(r["id"], r["body"])
            copy = index_copies.check(fp)
            index_copies.add(fp, copy.original_id if copy else None)
            if copy:
                sid, score = story_of[copy.original_id], copy.similarity
                index.join(sid, profile)
                summary.copies += 1
            else:
                sid, score = index.assign(profile)
            story_of[r["id"]] = sid
            touched[sid] = None
            rows.append((r["id"], seq, [int(x) for x in fp.signature], fp.shingles,
                         [round(float(x), 5) for x in profile.vector], dict(profile.terms),
                         copy.original_id if copy else None,
                         copy.similarity if copy else None, sid, score))  # fmt: skip
            seq += 1
        store.write_links(rows)
        summary.linked += len(rows)
        bar.update(len(rows))
    bar.close()
    summary.new_stories = len(set(touched) - known)
    ids = list(touched)
    sizes = store.story_sizes(ids)
    chunk: list[str] = []
    load = 0
    for k, sid in enumerate(ids):
        chunk.append(sid)
        load += sizes[sid]
        if load >= ARTICLES_PER_REFRESH or k == len(ids) - 1:
            summary.events += refresh_stories(store, chunk)
            chunk, load = [], 0
    summary.stories = len(ids)
    summary.seconds = time.perf_counter() - started
    return summary


ACTOR_FIELDS = ("name", "country", "sector", "mentions")


def refresh_stories(store: Store, story_ids: list[str]) -> int:
    """Rebuild these stories' merged events, title, dates, outlets, actors and summary from
    their articles; returns how many events they hold."""
    from .link import events as link_events
    from .link import summary as summarizer

    reports = store.story_reports(story_ids)
    members = store.story_members(story_ids)
    copy_of = {m["article_id"]: m["copy_of"] for m in members if m["copy_of"]}
    merged = link_events.merge(reports, copy_of)
    by_story: dict[str, list] = {sid: [] for sid in story_ids}
    for m in members:
        by_story[m["story_id"]].append(m)
    actors: dict[str, list] = {sid: [] for sid in story_ids}
    for a in store.story_actors(story_ids):
        if len(actors[a["story_id"]]) < 8:
            actors[a["story_id"]].append({k: a[k] for k in ACTOR_FIELDS})
    sentences: dict[str, list] = {sid: [] for sid in story_ids}
    for s in store.story_sentences(story_ids, summarizer.LEAD):
        sentences[s["story_id"]].append(
            {"text": s["text"], "article_id": s["article_id"], "start": s["start_char"],
             "end": s["end_char"]})  # fmt: skip
    story_rows = []
    for sid in story_ids:
        group = by_story[sid]
        dates = [m["published"] for m in group if m["published"]]
        outlets = sorted({o for m in group for o in (m["outlets"] or [m["outlet"]]) if o})
        story_rows.append((sid, _title(group), min(dates, default=None), max(dates, default=None),
                           len(group), outlets, actors[sid],
                           summarizer.summarize(sentences[sid])))  # fmt: skip
    merged_rows = []
    for m in merged:
        day, precision = m.best_date()
        merged_rows.append((m.id, m.story_id, m.source, m.target, day, precision,
                            len(m.reports), m.outlets, m.shown["id"]))  # fmt: skip
    links = [(r["id"], m.id) for m in merged for r in m.reports]
    store.replace_stories(story_rows, merged_rows, links)
    return len(merged)


def _title(members: list[dict]) -> str | None:
    """The headline of the article nearest the story's centroid (its first sentence when it
    has none), cut to a dozen words."""
    import numpy as np

    if not members:
        return None
    vectors = np.array([m["vector"] for m in members], dtype=np.float32)
    central = members[int(np.argmax(vectors @ vectors.mean(axis=0)))]
    words = (central["title"] or re.split(r"(?<=[.!?])\s", central["opening"].strip())[0]).split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
