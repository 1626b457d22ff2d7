"""Ingest speed: read + clean + store the Guardian corpus, repeated, on one core.

    python benchmarks/ingest.py [--articles 5000] [--format csv|jsonl|text]

Each repetition of the 209 articles gets a marker in its title and body so that
every article is new to the store (the benchmark measures storing, not skipping).
Prints articles/s for the whole `storyline run` stage chain, for its parts, and
for a bare csv/json parse of the same file as the floor no reader can beat.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from storyline import pipeline
from storyline.clean import clean
from storyline.ingest import expand, read_input
from storyline.model import Document
from storyline.store import Store

GUARDIAN = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "guardian_syria_2019.csv"


def build(folder: Path, n: int, fmt: str) -> list[Path]:
    """Write the corpus repeated to `n` articles in one file (csv/jsonl) or many (text)."""
    csv.field_size_limit(sys.maxsize)
    with open(GUARDIAN, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    records = []
    for k in range(n):
        row, rep = rows[k % len(rows)], k // len(rows)
        title = f"Guardian {row['']} (copy {rep})"
        records.append(
            {
                "title": title,
                "date": row["date"],
                "source": row["source"],
                "text": f"{row['text']} [copy {rep}]",
            }
        )
    if fmt == "csv":
        path = folder / "corpus.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
        return [path]
    if fmt == "jsonl":
        path = folder / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return [path]
    texts = folder / "texts"
    texts.mkdir()
    for k, r in enumerate(records):
        (texts / f"{k:06d}.txt").write_text(
            f"date {r['date']} {r['title']}\n\n{r['title']}\n\n{r['text']}\n", encoding="utf-8"
        )
    return [texts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5016)
    ap.add_argument("--format", choices=["csv", "jsonl", "text"], default="csv")
    args = ap.parse_args()
    if not GUARDIAN.exists():
        sys.exit(f"benchmark needs {GUARDIAN} (the ../shared folder beside the project)")
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = [str(p) for p in build(folder, args.articles, args.format)]
        size = sum(
            f.stat().st_size
            for p in paths
            for f in ([Path(p)] if Path(p).is_file() else Path(p).iterdir())
        )

        start = time.perf_counter()
        inputs, _ = expand(paths)
        docs = [d for inp in inputs for d in read_input(inp) if isinstance(d, Document)]
        t_read = time.perf_counter() - start
        start = time.perf_counter()
        articles = [a for d in docs if (a := clean(d)[0])]
        t_clean = time.perf_counter() - start
        start = time.perf_counter()
        with Store(folder / "parts.duckdb") as store:
            for k in range(0, len(articles), pipeline.BATCH_SIZE):
                store.write_articles(articles[k : k + pipeline.BATCH_SIZE])
        t_store = time.perf_counter() - start

        start = time.perf_counter()
        with Store(folder / "run.duckdb") as store:
            summary = pipeline.run(paths, store, progress=False, analyze=False)
        t_run = time.perf_counter() - start
        assert summary.stored == args.articles, summary.line()

        start = time.perf_counter()
        if args.format == "csv":
            with open(paths[0], encoding="utf-8", newline="") as f:
                bare = sum(1 for _ in csv.DictReader(f))
        elif args.format == "jsonl":
            with open(paths[0], encoding="utf-8") as f:
                bare = sum(1 for line in f if json.loads(line))
        else:
            bare = sum(1 for p in Path(paths[0]).iterdir() if p.read_text(encoding="utf-8"))
        t_bare = time.perf_counter() - start

    n = args.articles
    mb = size / 1e6
    print(f"ingest benchmark: {n:,} Guardian articles ({mb:.1f} MB, {args.format}), one core")
    print(
        f"  storyline run (read+clean+store) {n / t_run:8,.0f} articles/s  {mb / t_run:6.1f} MB/s"
    )
    print(f"    read                           {n / t_read:8,.0f} articles/s")
    print(f"    clean                          {n / t_clean:8,.0f} articles/s")
    print(f"    store (DuckDB)                 {n / t_store:8,.0f} articles/s")
    print(f"  bare parse of the same file      {bare / t_bare:8,.0f} articles/s")
    print(f"  run / bare parse time ratio      {t_run / t_bare:8.1f}x")
    print(f"  target > 500 articles/s: {'PASS' if n / t_run > 500 else 'FAIL'}")


if __name__ == "__main__":
    main()
