"""Linking speed and memory on 10,000 articles, against the time analysing them takes.

    python benchmarks/link.py [--articles 10000]

Analyses the 209 Guardian articles once with `storyline run` (timed: the analysis
rate), then grows the database to N articles by repeating the corpus with edits,
reusing the stored analyses: each repeat moves a week later and to another outlet;
one repeat in three is a syndicated copy (a line added at the end), the others are
rewritten (a third of the words replaced by words of the same length, so every
offset still holds, and no longer a copy). Then links in four steps (N/8, N/4, N/2,
N) as batches arriving, each in a fresh process as `storyline link` would run,
printing time and peak resident memory: linking must take less time than
analysing the same articles, and memory must grow linearly.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyline import pipeline
from storyline.store import Store

GUARDIAN = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "guardian_syria_2019.csv"
COPY_EVERY = 3
OUTLETS = ["Wire Daily", "Evening Courier", "Global Post", "Morning Ledger", "Metro Times"]
ANALYSIS_TABLES = {  # table → its id columns that need the repeat's suffix
    "analyses": ("article_id",), "sentences": ("article_id",), "mentions": ("article_id",),
    "events": ("id", "article_id"), "quotes": ("id", "article_id"),
    "stances": ("article_id", "via"),
}  # fmt: skip


def rewrite(body: str, rng: random.Random) -> str:
    """A third of the words replaced by other words of the same length: offsets hold."""
    words = body.split(" ")
    for k in rng.sample(range(len(words)), len(words) // 3):
        w = words[k]
        words[k] = "".join(rng.choice("etaoinshrdlu") if c.isalpha() else c for c in w)
    return " ".join(words)


def grow(store: Store, total: int, seed: int = 7) -> None:
    """Repeat the stored, analysed articles with edits until there are `total`."""
    con = store.con
    originals = store._rows("SELECT * FROM articles ORDER BY published, id")
    rng = random.Random(seed)
    repeat = 0
    count = len(originals)
    while count < total:
        repeat += 1
        batch = originals[: total - count]
        suffix = f"-r{repeat}"
        copy = repeat % COPY_EVERY == 0
        rows = []
        for a in batch:
            body = a["body"] + "\n\nSyndicated by Wire Daily." if copy else rewrite(a["body"], rng)
            rows.append((a["id"] + suffix, a["source"] + suffix, a["format"], a["title"],
                         a["published"].fromordinal(a["published"].toordinal() + 7 * repeat),
                         OUTLETS[repeat % len(OUTLETS)], body))  # fmt: skip
        con.executemany(
            "INSERT INTO articles (id, source, format, title, published, outlet, body) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        ids = [a["id"] for a in batch]
        for table, keys in ANALYSIS_TABLES.items():
            columns = [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
            select = ", ".join(f"{c} || '{suffix}'" if c in keys else c for c in columns)
            con.execute(
                f"INSERT INTO {table} SELECT {select} FROM {table} "
                "WHERE article_id IN (SELECT unnest(?))",
                [ids],
            )
        count += len(batch)


STEP = """
import json, sys, time
from storyline import pipeline
from storyline.store import Store
started = time.perf_counter()
with Store(sys.argv[1]) as store:
    result = pipeline.link(store, progress=False, limit=int(sys.argv[2]))
    stories = store.con.execute("SELECT count(*) FROM stories").fetchone()[0]
print(json.dumps({"seconds": time.perf_counter() - started, "linked": result.linked,
                  "copies": result.copies, "stories": stories,
                  "peak_mb": next(int(line.split()[1]) / 1e3 for line in open("/proc/self/status")
                                  if line.startswith("VmHWM"))}))
"""


def link_step(db: Path, n: int) -> dict:
    """Link the next n articles in a fresh process, as `storyline link` would: its time
    (model load included) and its peak resident memory."""
    proc = subprocess.run([sys.executable, "-c", STEP, str(db), str(n)], capture_output=True,
                          text=True)  # fmt: skip
    if proc.returncode:
        sys.exit(f"link step failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    args = ap.parse_args()
    if not GUARDIAN.exists():
        sys.exit(f"benchmark needs {GUARDIAN} (the ../shared folder beside the project)")
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core (children inherit)
    csv.field_size_limit(sys.maxsize)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "link.duckdb"
        with Store(db) as store:
            started = time.perf_counter()
            summary = pipeline.run([str(GUARDIAN)], store, progress=False)
            t_analyse = time.perf_counter() - started
            rate = summary.analyzed / t_analyse
            grow(store, args.articles)
        print(f"link benchmark: {args.articles:,} articles (the Guardian corpus repeated "
              f"with edits; one repeat in {COPY_EVERY} a copy), one core")  # fmt: skip
        print(f"  analysis (storyline run, 209 articles)  {rate:6.2f} articles/s")
        print("  each step links the next batch in a fresh process, as `storyline link`")
        print(f"  {'linked':>8} {'step s':>7} {'total s':>8} {'articles/s':>11} "
              f"{'peak MB':>8} {'stories':>8} {'copies':>7}")  # fmt: skip
        t_link, linked, copies = 0.0, 0, 0
        steps = [args.articles // 8, args.articles // 4, args.articles // 2, args.articles]
        peaks = []
        for step in steps:
            result = link_step(db, step - linked)
            t_link += result["seconds"]
            linked += result["linked"]
            copies += result["copies"]
            peaks.append(result["peak_mb"])
            print(f"  {linked:>8,} {result['seconds']:>7.1f} {t_link:>8.1f} "
                  f"{result['linked'] / result['seconds']:>11.1f} {result['peak_mb']:>8.0f} "
                  f"{result['stories']:>8,} {copies:>7,}")  # fmt: skip
        t_analyse_all = args.articles / rate
        ratio = t_link / t_analyse_all
        print(f"  linking {args.articles:,}: {t_link:.1f}s; analysing them at the measured "
              f"rate: {t_analyse_all:.0f}s; link/analysis {ratio:.3f}  target < 1: "
              f"{'PASS' if ratio < 1 else 'FAIL'}")  # fmt: skip
        # peak memory against articles in the database: linear growth keeps the increments
        # per 1,000 articles flat (a quadratic one would double them at each doubling)
        growth = [(peaks[k + 1] - peaks[k]) / ((steps[k + 1] - steps[k]) / 1000)
                  for k in range(len(steps) - 1)]  # fmt: skip
        print(
            "  peak memory added per 1,000 more articles: "
            + ", ".join(f"{g:.0f} MB" for g in growth)
            + f" (from {steps[0]:,} to {steps[-1]:,}; flat = linear, doubling = quadratic)"
        )


if __name__ == "__main__":
    main()
