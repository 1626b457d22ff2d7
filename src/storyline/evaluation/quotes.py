"""Quote spans and speakers against hand annotation: our JSONL files or PolNeAR.

Our format (eval/quotes/*.jsonl) has one article per line: its text (`text`) or where
to read it (`path` of a CSV relative to the shared data folder, and its `row`), and
its quotes, each given by its first and last words (`start`, `end`), `kind` (direct
or indirect) and `speaker` (the fullest name in the article). PolNeAR (brat) marks
every attribution with source, cue and content spans; the ones scored are those whose
cue is a speech verb or whose content is in quotation marks, as a quote extractor is
meant to find — a prediction matching any other attribution is not counted wrong.

A predicted quote matches a gold one when their spans overlap (one to one, largest
overlap first); its speaker is right when the words naming the speakers share a
content word, or when the predicted speaker's mention overlaps the gold source span.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..analyze import parse
from ..extract.actors import ActorResolver
from ..extract.marks import OPENERS
from ..extract.quotes import extract_quotes
from ..extract.syntax import speech_verbs, that_clause_verbs
from ..knowledge import table, word_set
from ..model import Actor, Quote
from . import shared_text

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_STOP = frozenset((
    "the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "by", "from", "with",
    "its", "his", "her", "their", "our", "mr", "mrs", "ms", "dr",
))  # fmt: skip
_IRREGULAR = {"women": "woman", "men": "man", "children": "child", "people": "person"}
QUOTE_MARKS = set(OPENERS) | set(OPENERS.values())


@dataclass
class Gold:
    """One annotated quote: its span in the text, kind and speaker."""

    start: int
    end: int
    kind: str
    speaker: str | None
    source: tuple[int, int] | None = None  # the speaker's words in the text, when marked
    scored: bool = True  # PolNeAR: whether recall counts it (speech verb or quotation marks)
    country: str | None = None  # the speaker's country code, when annotated


@dataclass
class Article:
    """A text and its annotated quotes."""

    name: str
    text: str
    date: str | None
    quotes: list[Gold] = field(default_factory=list)


# -- reading ------------------------------------------------------------------


def _locate(text: str, words: str, after: int = 0) -> int:
    """Where the annotated words are, looking from `after` first and then from the start."""
    at = text.find(words, after)
    return at if at != -1 else text.find(words)


def read_jsonl(path: Path, shared: Path) -> list[Article]:
    """Articles of our own format; `path` entries are read relative to `shared`."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if "text" in rec:
            text, name = rec["text"], rec.get("name", f"{path.name}:{n}")
        else:
            text = shared_text(shared, rec["path"], rec["row"])
            name = f"{rec['path']}#{rec['row']}"
        article = Article(name, text, rec.get("date"))
        start = 0
        for q in rec["quotes"]:  # in text order: a repeated passage is the copy after the last
            start = _locate(text, q["start"], start)
            end = _locate(text, q["end"], start)
            if start == -1 or end == -1:
                raise ValueError(f"{path}:{n}: quote words not in the text: {q['start']!r}")
            article.quotes.append(
                Gold(start, max(end + len(q["end"]), start + len(q["start"])), q["kind"],
                     q.get("speaker"), country=q.get("country"))
            )  # fmt: skip
        out.append(article)
    return out


def _brat(path: Path) -> tuple[dict[str, tuple[str, int, int]], list[dict[str, str]]]:
    """Text-bound annotations (id → label, start, end) and attribution records of a file."""
    spans, records = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            spans[parts[0]] = (label, min(p[0] for p in pieces), max(p[1] for p in pieces))
        elif line.startswith("E") and len(parts) >= 2:
            records.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    return spans, records


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether content is a quotation: it opens with a mark, or a mark comes right before."""
    inner = text[start:end].strip()
    before = text[max(0, start - 2) : start].strip()
    return bool(inner) and (inner[0] in QUOTE_MARKS or before[-1:] in QUOTE_MARKS)


def _speech_cues(cues: list[str]) -> list[bool]:
    """Which cues are speech verbs ("said", "told reporters", "according to"); not those that
    say only with a that-clause, which a cue alone cannot show ("hold")."""
    verbs = speech_verbs().keys() - that_clause_verbs()
    out = []
    for doc in parse(cues):
        lemmas = [t.lemma_.lower() for t in doc]
        out.append(lemmas[:2] == ["accord", "to"] or lemmas[:2] == ["according", "to"]
                   or any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs for t in doc)
                   or any(lemma in verbs for lemma in lemmas[:1]))  # fmt: skip
    return out


def read_polnear(folder: Path) -> list[Article]:
    """PolNeAR texts with their attributions; `folder` holds text/ and attributions/."""
    out, seen, cues = [], set(), []
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]  # "<article>_<annotator>": the first annotator only
        if name in seen:
            continue
        seen.add(name)
        text = (folder / "text" / (name + ".txt")).read_text(encoding="utf-8")
        spans, records = _brat(ann)
        article = Article(name, text, None)
        for rec in records:
            content = spans.get(rec.get("Content", ""))
            if content is None:
                continue
            cue = spans.get(rec.get("Cue", ""))
            source = spans.get(rec.get("Source", ""))
            _, start, end = content
            quoted = _quoted(text, start, end)
            article.quotes.append(Gold(
                start, end, "direct" if quoted else "indirect",
                text[source[1] : source[2]] if source else None,
                (source[1], source[2]) if source else None, quoted,
            ))  # fmt: skip
            cues.append((article.quotes[-1], text[cue[1] : cue[2]] if cue else ""))
        out.append(article)
    for (gold, _), speech in zip(cues, _speech_cues([c for _, c in cues]), strict=True):
        gold.scored = gold.scored or speech
    return out


# -- scoring ------------------------------------------------------------------


def predict(articles: list[Article]) -> list[list[Quote]]:
    """The quotes storyline finds in each text."""
    out = []
    for article, doc in zip(articles, parse(a.text for a in articles), strict=True):
        resolver = ActorResolver(doc)
        out.append(extract_quotes(doc, article.name, resolver))
    return out


def _words(text: str | None) -> set[str]:
    """Content words, singular ("officials" and "official" name the same speakers)."""
    folded = unicodedata.normalize("NFKD", (text or "").lower())  # "Çavuşoğlu", "Cavusoglu"
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = (_IRREGULAR.get(w, w) for w in _WORD.findall(folded) if w not in _STOP)
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def same_speaker(actor: Actor | None, gold: Gold) -> bool:
    """Whether a predicted speaker is the annotated one (shared name word or same words)."""
    if actor is None or gold.speaker is None:
        return False
    src = gold.source
    if src and actor.start is not None and actor.start < src[1] and src[0] < actor.end:
        return True
    return bool(
        _words(actor.name) & _words(gold.speaker)
        or _words(actor.text) & _words(gold.speaker)
        or _same_state(actor, gold)
        or _same_body(actor, gold)
    )


@cache
def _names_in(file: str, column: int, value: int) -> dict[str, str]:
    """The names (in `column`) and aliases (in the next) of a knowledge table, lower case →
    the row's `value` cell: a country's code, a body's canonical name."""
    return {
        name.lower(): row[value]
        for row in table(file)
        for name in (row[column], *row[column + 1].split("|"))
        if name
    }


BODY_TABLES = ("igos.tsv", "armed_groups.tsv", "institutions.tsv")


def _same_body(actor: Actor, gold: Gold) -> bool:
    """The same body under another of its names ("UN", "United Nations"), or one of its
    people left unnamed ("an SDF spokesman" for the Syrian Democratic Forces; not "UN
    envoy Staffan de Mistura", whom the annotator named)."""
    names = {k: v for file in BODY_TABLES for k, v in _names_in(file, 2, 2).items()}
    found = names.get((actor.name or "").lower()) or names.get(actor.text.lower())
    if found is None:
        return False
    speaker = _words(gold.speaker)
    unnamed = _words(" ".join(word_set("person_titles.txt")))
    return any(
        canonical == found and name and name <= speaker and not speaker - name - unnamed
        for alias, canonical in names.items()
        for name in (_words(alias),)
    )


def _same_state(actor: Actor, gold: Gold) -> bool:
    """A government speaking for the state the annotator named ("Ankara said" for Turkey)."""
    code = _names_in("countries.tsv", 1, 0).get((gold.speaker or "").lower())
    return code is not None and actor.country == code and actor.sector == "GOV"


def match(predicted: list[Quote], gold: list[Gold]) -> dict[int, int]:
    """For each gold quote found, the predicted quote overlapping it most (gold → predicted).

    A quote split by its reporting clause ("…,” he said. “…") is one gold quote that
    two predictions overlap: each prediction is right, the gold quote is found once.
    Of predictions overlapping it equally, one of its kind and then the tightest is its
    match: a quote inside a quotation is found by the inner prediction, not the one
    around it.
    """
    found: dict[int, tuple[int, bool, int, int]] = {}
    for i, q in enumerate(predicted):
        for j, g in enumerate(gold):
            size = min(q.end, g.end) - max(q.start, g.start)
            rank = (size, q.kind == g.kind, -(q.end - q.start), i)
            if size > 0 and rank[:3] > found.get(j, (0, False, 0, -1))[:3]:
                found[j] = rank
    return {j: rank[-1] for j, rank in found.items()}


def _best_overlap(q: Quote, gold: list[Gold]) -> Gold | None:
    """The gold quote a prediction overlaps most, if any."""
    size, best = max(((min(q.end, g.end) - max(q.start, g.start), g) for g in gold),
                     key=lambda x: x[0], default=(0, None))  # fmt: skip
    return best if size > 0 else None


def score(articles: list[Article], predictions: list[list[Quote]]) -> dict:
    """Precision/recall of spans per kind and overall, and speaker accuracy and P/R.

    Precision counts a prediction right when it matches any annotated quote; recall
    counts the scored ones found; per kind, precision is by the predicted kind and
    recall by the annotated kind.
    """
    n: dict[str, int] = defaultdict(int)
    per_article = []
    for article, predicted in zip(articles, predictions, strict=True):
        pairs = match(predicted, article.quotes)
        right = 0
        for q in predicted:
            best = _best_overlap(q, article.quotes)
            if best is not None:
                n[f"right_{q.kind}"] += 1  # precision side
                n["right_all"] += 1
                n["speaker_right"] += same_speaker(q.speaker, best)
        for j, i in pairs.items():
            q, g = predicted[i], article.quotes[j]
            if not g.scored:
                continue
            ok = same_speaker(q.speaker, g)
            for kind in (g.kind, "all"):
                n[f"found_{kind}"] += 1  # recall side
                if g.speaker:
                    n[f"speaker_gold_{kind}"] += 1
                    n[f"speaker_ok_{kind}"] += ok
            right += ok
        for q in predicted:
            n[f"pred_{q.kind}"] += 1
            n["pred_all"] += 1
        for g in article.quotes:
            n[f"gold_{g.kind}"] += g.scored
            n["gold_all"] += g.scored
        per_article.append((article.name, len(pairs), len(predicted), len(article.quotes), right))
    result: dict = {"articles": len(articles), "per_article": per_article}
    for kind in ("direct", "indirect", "all"):
        pred, gold = n[f"pred_{kind}"], n[f"gold_{kind}"]
        p = n[f"right_{kind}"] / pred if pred else 0.0
        r = n[f"found_{kind}"] / gold if gold else 0.0
        sg = n[f"speaker_gold_{kind}"]
        result[kind] = {
            "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "predicted": pred, "gold": gold,
            "speaker_accuracy": n[f"speaker_ok_{kind}"] / sg if sg else 0.0,
        }  # fmt: skip
    pred, gold = n["pred_all"], n["gold_all"]
    p = n["speaker_right"] / pred if pred else 0.0
    r = n["speaker_ok_all"] / gold if gold else 0.0
    result["speaker"] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    result["speaker_accuracy"] = result["all"]["speaker_accuracy"]
    return result


def _as_list(path: Path | Sequence[Path]) -> list[Path]:
    """One path or several, as a list."""
    return [path] if isinstance(path, Path) else list(path)


def evaluate(
    path: Path | Sequence[Path], polnear: bool = False, shared: Path | None = None
) -> dict:
    """Read, predict and score; `path` is our JSONL file (or several, pooled) or, with
    `polnear`, a brat folder."""
    started = time.perf_counter()
    paths = _as_list(path)
    if polnear:
        articles = [a for p in paths for a in read_polnear(p)]
    else:
        articles = [a for p in paths for a in read_jsonl(p, shared or Path("../shared"))]
    result = score(articles, predict(articles))
    result["seconds"] = time.perf_counter() - started
    return result


def report(path: Path | Sequence[Path], polnear: bool = False, shared: Path | None = None) -> str:
    """The figures as readable lines."""
    r = evaluate(path, polnear, shared)
    what = "PolNeAR attributions with a speech verb or quotation marks" if polnear else "quotes"
    paths = _as_list(path)
    names = paths[0].name if len(paths) == 1 else f"{len(paths)} files pooled"
    out = [f"{what}: {r['articles']} articles ({names}, {r['seconds']:.0f}s)",
           "  quotes       precision  recall  f1     speaker acc.  predicted  gold"]  # fmt: skip
    for kind in ("direct", "indirect", "all"):
        m = r[kind]
        acc = f"{m['speaker_accuracy']:12.3f}" if "speaker_accuracy" in m else " " * 12
        out.append(f"  {kind:<12} {m['precision']:9.3f}  {m['recall']:6.3f}  {m['f1']:.3f}  "
                   f"{acc}  {m['predicted']:9d}  {m['gold']:4d}")  # fmt: skip
    s = r["speaker"]
    out.append(f"  speakers     {s['precision']:9.3f}  {s['recall']:6.3f}  {s['f1']:.3f}  "
               f"(accuracy on matched quotes {r['speaker_accuracy']:.3f})")  # fmt: skip
    return "\n".join(out)
