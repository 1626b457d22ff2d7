"""Whole-pipeline speed against bare spaCy on the same texts, in one run.

    python benchmarks/pipeline.py [--articles 209]

Runs `storyline run` (read, clean, parse, extract actors/events/dates/places,
store) on the Guardian corpus, and bare `nlp.pipe` over the same cleaned bodies
with the same model and batch size, alternating, `--repeat` rounds. The ratio of
their best rates must stay >= 0.75: extraction may cost at most a third on top of
parsing. Both sides are timed warm, as the model's own load is not timed; the
first run's one-off loads (gazetteer, tables) are printed on a line of their own,
with the ratio that first run gives. Rates are wall-clock; the same ratio in CPU
time (process time, which a busy neighbour on a shared machine does not inflate)
is printed beside it.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

from storyline import pipeline
from storyline.analyze import load_nlp
from storyline.store import Store

GUARDIAN = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "guardian_syria_2019.csv"


def _write_corpus(rows: list[dict], folder: Path) -> Path:
    """The benchmark's articles as one CSV file, as a user would hand them to `run`."""
    corpus = folder / "corpus.csv"
    with open(corpus, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=209)
    ap.add_argument("--repeat", type=int, default=3, help="alternate rounds; the best of each")
    args = ap.parse_args()
    if not GUARDIAN.exists():
        sys.exit(f"benchmark needs {GUARDIAN} (the ../shared folder beside the project)")
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    csv.field_size_limit(sys.maxsize)
    with open(GUARDIAN, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[: args.articles]
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _write_corpus(rows, Path(tmp))
        with Store(Path(tmp) / "bodies.duckdb") as store:
            pipeline.run([str(corpus)], store, progress=False, analyze=False)
            bodies = [r["body"] for r in store.list_articles()]
    # spaCy and numpy get faster once their buffers exist: warm them on these texts first,
    # so both sides are timed warm and the difference is what extraction adds
    for _ in nlp.pipe(bodies, batch_size=64):
        pass
    runs, bares = [], []  # (wall, cpu) seconds of each
    for _ in range(args.repeat):  # alternate runs and bare parses: noise hits both
        with tempfile.TemporaryDirectory() as tmp:
            corpus = _write_corpus(rows, Path(tmp))
            clock = _Clock()
            with Store(Path(tmp) / "run.duckdb") as store:
                summary = pipeline.run([str(corpus)], store, progress=False)
            runs.append(clock.read())
        clock = _Clock()
        words = sum(len(doc) for doc in nlp.pipe(bodies, batch_size=64))
        bares.append(clock.read())
    n = len(bodies)
    (run_wall, run_cpu), (bare_wall, bare_cpu) = _best(runs), _best(bares)
    print(f"pipeline benchmark: {n} Guardian articles, {words:,} tokens, one core, "
          f"{args.repeat} rounds, best of each")  # fmt: skip
    print(
        f"  storyline run (all stages)  {n / run_wall:6.2f} articles/s  "
        f"{words / run_wall:7,.0f} tokens/s  ({summary.events:,} events)"
    )
    print(f"  bare nlp.pipe               {n / bare_wall:6.2f} articles/s  "
          f"{words / bare_wall:7,.0f} tokens/s")  # fmt: skip
    ratio = bare_wall / run_wall
    print(
        f"  ratio run/bare (rate)       {ratio:6.2f}   "
        f"target >= 0.75: {'PASS' if ratio >= 0.75 else 'FAIL'}"
    )
    print(f"    in CPU time               {bare_cpu / run_cpu:6.2f}")
    first_wall = runs[0][0]
    print(
        f"    first run (one-off loads) {n / first_wall:6.2f} articles/s, "
        f"{first_wall - run_wall:+.1f} s; ratio {bare_wall / first_wall:.2f}"
    )


def _best(times: list[tuple[float, float]]) -> tuple[float, float]:
    """The least wall-clock and the least CPU seconds among rounds."""
    return min(w for w, _ in times), min(c for _, c in times)


class _Clock:
    """Wall-clock and CPU seconds since it was made."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        """(wall, cpu) seconds elapsed."""
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


if __name__ == "__main__":
    main()
