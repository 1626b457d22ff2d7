"""Ties the stages: expand inputs → read → clean → store, in batches, with progress."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import analyze as analysis
from .clean import clean
from .extract import VERSION, extract
from .ingest import MAX_DOC_BYTES, expand, read_input
from .model import Article, Problem
from .progress import Progress
from .store import Store

BATCH_SIZE = 256


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
