"""Police killings, arrests and use of force, sentence by sentence (Indian news).

Each sentence of the gold set is labelled KILL, ARREST, FORCE, FAIL or
ANY_ACTION when it reports police doing so. storyline predicts a sentence
positive when it extracts an ASSAULT or COERCE event whose source is police
(sector COP), or an arrest with no agent ("50 persons were arrested"), which
news only writes of the police; KILL when the event is an ASSAULT, ARREST when a
COERCE of people (mode arrest or none: not a cordon, a raid or a ban).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..analyze import parse
from ..extract.actors import ActorResolver
from ..extract.events import ArticleContext, extract_events

# gold label → the predicted event types that count for it
LABELS = {
    "ANY_ACTION": {"ASSAULT", "COERCE", "ARRESTED"},
    "KILL": {"ASSAULT"},
    "ARREST": {"ARRESTED"},
}
ARREST_MODES = ("arrest", None)  # COERCE modes that take people in


def _predicted(doc) -> set[str]:
    """The gold labels this sentence's police events stand for."""
    resolver = ActorResolver(doc)
    types = {
        "ARRESTED" if e.type == "COERCE" and e.mode in ARREST_MODES else e.type
        for e in extract_events(doc, ArticleContext("eval", None, resolver.resolve))
        if e.modality not in ("negated", "hypothetical")
        and (
            any(a.sector == "COP" for a in e.source)
            or (e.mode == "arrest" and not e.source)  # "50 persons were arrested": by police
        )
    }
    return {label for label, wanted in LABELS.items() if types & wanted}


def evaluate(folder: Path, limit: int | None = None) -> dict:
    """Precision and recall per label over the labelled sentences."""
    with open(folder / "sents.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()][:limit]
    started = time.perf_counter()
    texts = (r["sent_text"].strip() for r in rows)
    counts = {label: [0, 0, 0] for label in LABELS}  # tp, fp, fn
    for row, doc in zip(rows, parse(texts, batch_size=256), strict=True):
        gold = set(row["sent_labels"]) | ({"ANY_ACTION"} if row["sent_labels"] else set())
        predicted = _predicted(doc)
        for label, c in counts.items():
            c[0] += label in gold and label in predicted
            c[1] += label not in gold and label in predicted
            c[2] += label in gold and label not in predicted
    out = {"sentences": len(rows), "seconds": time.perf_counter() - started}
    for label, (tp, fp, fn) in counts.items():
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[label] = {"precision": prec, "recall": rec, "support": tp + fn}
    return out


def report(folder: Path, limit: int | None = None) -> str:
    """The figures as readable lines."""
    r = evaluate(folder, limit)
    lines = [f"police events on {r['sentences']:,} sentences ({r['seconds']:.0f}s)"]
    for label in LABELS:
        m = r[label]
        lines.append(f"  {label:<11} precision {m['precision']:.3f}  recall {m['recall']:.3f}"
                     f"  (support {m['support']:,})")  # fmt: skip
    return "\n".join(lines)
