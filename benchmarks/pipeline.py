"""Whole-pipeline speed against bare spaCy on the same texts, in one run.

    python benchmarks/pipeline.py [--articles 209]

Runs `storyline run` (read, clean, parse, extract actors/events/dates/places,
store) on the Guardian corpus, and bare `nlp.pipe` over the same cleaned bodies
with the same model and batch size. The ratio of their rates must stay >= 0.75:
extraction may cost at most a third on top of parsing.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=209)
    ap.add_argument("--repeat", type=int, default=2, help="alternate runs; the best of each")
    args = ap.parse_args()
    if not GUARDIAN.exists():
        sys.exit(f"benchmark needs {GUARDIAN} (the ../shared folder beside the project)")
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    csv.field_size_limit(sys.maxsize)
    with open(GUARDIAN, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[: args.articles]
    nlp = load_nlp()
    nlp("warm up the model before timing anything")
    runs, t_bare = [], float("inf")
    for _ in range(args.repeat):  # alternate runs and bare parses: noise hits both
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus.csv"
            with open(corpus, "w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            started = time.perf_counter()
            with Store(Path(tmp) / "run.duckdb") as store:
                summary = pipeline.run([str(corpus)], store, progress=False)
            runs.append(time.perf_counter() - started)
            with Store(Path(tmp) / "run.duckdb", read_only=True) as store:
                bodies = [r["body"] for r in store.list_articles()]
        started = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(bodies, batch_size=64))
        t_bare = min(t_bare, time.perf_counter() - started)
    # the first run pays the one-off loads (gazetteer…) as a `storyline run` does: it counts
    t_run, t_warm = runs[0], min(runs)
    n = len(bodies)
    print(f"pipeline benchmark: {n} Guardian articles, {words:,} tokens, one core, "
          f"{args.repeat} rounds")  # fmt: skip
    print(
        f"  storyline run (all stages)  {n / t_run:6.2f} articles/s  {words / t_run:7,.0f} tokens/s"
        f"  ({summary.events:,} events)"
    )
    print(f"    warm (later runs in one process)   {n / t_warm:6.2f} articles/s")
    print(
        f"  bare nlp.pipe               {n / t_bare:6.2f} articles/s  "
        f"{words / t_bare:7,.0f} tokens/s"
    )
    ratio = t_bare / t_run  # best bare parse against the first, cold, run
    print(
        f"  ratio run/bare (rate)       {ratio:6.2f}   "
        f"target >= 0.75: {'PASS' if ratio >= 0.75 else 'FAIL'}"
    )


if __name__ == "__main__":
    main()
