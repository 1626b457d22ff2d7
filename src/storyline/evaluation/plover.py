"""Event type and source/target accuracy on PLOVER-annotated sentences.

The gold file gives one event per sentence with its type (`gold_root`) and the
source and target spans marked in `marked_sentence` as <s>…</s> and <t>…</t>.
The older label YIELD covers today's CONCEDE and RETREAT, so either counts. Our JSONL
files point into a shared corpus instead (`path`, `row`, the sentence's `start` and
`end` in that article, and the `source` and `target` words, `source_nth`/`target_nth`
when they occur more than once), so the texts stay where they were published.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter
from pathlib import Path

from ..analyze import parse
from ..extract import events_and_quotes
from ..extract.actors import ActorResolver
from ..extract.events import ArticleContext
from . import shared_text

ALIASES = {"YIELD": {"YIELD", "CONCEDE", "RETREAT"}}
_MARK = re.compile(r"</?[st]>")


def gold_spans(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain sentence and the character spans of its <s> and <t> parts."""
    plain, spans, open_at, pos = [], {}, {}, 0
    for piece in re.split(r"(</?[st]>)", marked):
        if _MARK.fullmatch(piece):
            tag = piece.strip("</>")
            if piece.startswith("</"):
                spans[tag] = (open_at.pop(tag, pos), pos)
            else:
                open_at[tag] = pos
        else:
            plain.append(piece)
            pos += len(piece)
    return "".join(plain), spans


def _overlaps(actors, span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    return any(a.start is not None and a.start < span[1] and span[0] < a.end for a in actors)


def _label(type_: str | None, gold: str) -> str:
    """The predicted label in the gold file's vocabulary (CONCEDE/RETREAT → YIELD)."""
    if type_ is None:
        return "NONE"
    return gold if type_ in ALIASES.get(gold, {gold}) else type_


Item = tuple[tuple[str, dict[str, tuple[int, int]]], str]  # (sentence, role spans), type


def _nth(text: str, words: str, n: int) -> tuple[int, int] | None:
    """The span of the n-th occurrence (1-based) of words in text."""
    at = -1
    for _ in range(n):
        at = text.find(words, at + 1)
        if at == -1:
            return None
    return at, at + len(words)


def read_items(path: Path, shared: Path | None = None) -> list[Item]:
    """Sentences with their role spans and type, from the TSV gold file or our JSONL."""
    if path.suffix != ".jsonl":
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        return [(gold_spans(r["marked_sentence"]), r["gold_root"].strip().upper()) for r in rows]
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text = shared_text(shared or Path("../shared"), rec["path"], rec["row"])
        sentence = text[rec["start"] : rec["end"]]
        spans = {}
        for tag, role in (("s", "source"), ("t", "target")):
            span = _nth(sentence, rec[role], rec.get(f"{role}_nth", 1)) if rec[role] else None
            if span is not None:
                spans[tag] = span
        items.append(((sentence, spans), rec["gold_root"].strip().upper()))
    return items


def evaluate(path: Path, limit: int | None = None, shared: Path | None = None) -> dict:
    """Per-type precision/recall/F1, type accuracy, and source/target match."""
    items = read_items(path, shared)[:limit]
    started = time.perf_counter()
    pairs: list[tuple[str, str]] = []
    source_ok = target_ok = both_ok = typed_ok = 0
    for ((_, spans), gold), doc in zip(items, parse(t for (t, _), _ in items), strict=True):
        resolver = ActorResolver(doc)
        events, _ = events_and_quotes(doc, ArticleContext("eval", None, resolver.resolve), resolver)
        pick = max(
            events,
            key=lambda e: (
                _overlaps(e.source, spans.get("s")) + _overlaps(e.target, spans.get("t")),
                e.confidence,
            ),
            default=None,
        )
        predicted = _label(pick.type if pick else None, gold)
        pairs.append((gold, predicted))
        s_ok = bool(pick) and _overlaps(pick.source, spans.get("s"))
        t_ok = bool(pick) and _overlaps(pick.target, spans.get("t"))
        source_ok += s_ok
        target_ok += t_ok
        both_ok += s_ok and t_ok
        typed_ok += predicted == gold and s_ok and t_ok
    n = len(pairs)
    labels = sorted({g for g, _ in pairs})
    per_type = {}
    for label in labels:
        tp = sum(g == p == label for g, p in pairs)
        fp = sum(p == label and g != label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[label] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    majority = Counter(g for g, _ in pairs).most_common(1)[0]
    return {
        "sentences": n,
        "type_accuracy": sum(g == p for g, p in pairs) / n,
        "no_event": sum(p == "NONE" for _, p in pairs) / n,
        "source_match": source_ok / n,
        "target_match": target_ok / n,
        "source_target_match": (source_ok + target_ok) / (2 * n),
        "both_match": both_ok / n,
        "type_and_roles": typed_ok / n,
        "majority_baseline": majority[1] / n,
        "majority_label": majority[0],
        "per_type": per_type,
        "seconds": time.perf_counter() - started,
    }


def report(path: Path, limit: int | None = None, shared: Path | None = None) -> str:
    """The figures as readable lines."""
    r = evaluate(path, limit, shared)
    out = [
        f"PLOVER events on {r['sentences']:,} sentences ({path.name}, {r['seconds']:.0f}s)",
        f"  type accuracy         {r['type_accuracy']:.3f}   (majority baseline "
        f"{r['majority_label']}: {r['majority_baseline']:.3f}; "
        f"no event found: {r['no_event']:.3f})",
        f"  source match          {r['source_match']:.3f}",
        f"  target match          {r['target_match']:.3f}",
        f"  source/target match   {r['source_target_match']:.3f}   (both: {r['both_match']:.3f})",
        f"  type and both roles   {r['type_and_roles']:.3f}",
        "  type         precision  recall  f1     support",
    ]
    for label, m in r["per_type"].items():
        scores = f"{m['precision']:9.3f}  {m['recall']:6.3f}  {m['f1']:.3f}"
        out.append(f"  {label:<12} {scores}  {m['support']:7d}")
    return "\n".join(out)
