"""Stories and merged events scored on ECB+ (43 topics, each two real-world events).

Every document is linked as if it had just arrived (no dates: ECB+ has none,
so time decay plays no part), in a fixed shuffled order. Stories are scored
with B-cubed against the documents' seminal events (topic + ECB or ECB+
half); merged events against the annotated event coreference chains, on the
gold action mentions our events' triggers hit in the annotated sentences.
Topics with an even number are the development half, odd ones held out.
"""

from __future__ import annotations

import csv
import random
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article


@dataclass
class EcbDoc:
    """One ECB+ document: its text rebuilt from tokens, and its gold action mentions."""

    name: str  # e.g. 1_10ecbplus
    topic: int
    seminal: str  # "1" (ECB) or "1+" (ECB+): the real-world event the document reports
    title: str | None
    text: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, chain


def _chains(root: ET.Element) -> dict[str, str]:
    """Mention id → coreference chain id (cross- or within-document)."""
    out: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        chain = rel.get("note") or rel.get("r_id", "")
        for source in rel.findall("source"):
            out[source.get("m_id", "")] = chain
    return out


def read_doc(path: Path, selected: set[tuple[str, int]]) -> EcbDoc:
    """A document as text (one line per sentence) with character offsets for its tokens."""
    root = ET.parse(path).getroot()
    name = path.stem
    plus = name.endswith("plus")
    lines: dict[int, list[ET.Element]] = defaultdict(list)
    for token in root.iter("token"):
        lines[int(token.get("sentence", "0"))].append(token)
    title = None
    text, offsets, sentence_of = "", {}, {}
    for number in sorted(lines):
        words = [t.text or "" for t in lines[number]]
        if number == 0:  # a URL in ECB+ documents, the headline in ECB ones
            title = None if plus else " ".join(words)
            continue
        for token, word in zip(lines[number], words, strict=True):
            offsets[token.get("t_id")] = (len(text), len(text) + len(word))
            sentence_of[token.get("t_id")] = number
            text += word + " "
        text = text.rstrip(" ") + "\n\n"
    topic = int(name.split("_")[0])
    doc = EcbDoc(name, topic, f"{topic}{'+' if plus else ''}", title, text.rstrip())
    chains = _chains(root)
    key = name.split("_", 1)[1]
    for markable in root.find("Markables") or []:
        if not (markable.tag.startswith("ACTION") or markable.tag.startswith("NEG_ACTION")):
            continue
        anchors = [a.get("t_id") for a in markable.findall("token_anchor")]
        spans = [offsets[t] for t in anchors if t in offsets]
        if not spans or (str(topic), key, sentence_of[anchors[0]]) not in selected:
            continue
        chain = chains.get(markable.get("m_id", ""), f"{name}:{markable.get('m_id')}")
        doc.mentions.append((min(s for s, _ in spans), max(e for _, e in spans), chain))
    return doc


def read_ecbplus(folder: Path, topics: set[int] | None = None) -> list[EcbDoc]:
    """Every document of the chosen topics, in file order."""
    selected: set = set()
    with open(folder / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            selected.add((row["Topic"], row["File"], int(row["Sentence Number"])))
    docs = []
    for path in sorted((folder / "ECB+").glob("*/*.xml")):
        if topics is None or int(path.stem.split("_")[0]) in topics:
            docs.append(read_doc(path, selected))
    return docs


def as_articles(docs: list[EcbDoc], seed: int = 7) -> list[Article]:
    """Documents as undated articles, shuffled so no topic arrives in one block."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    return [Article(d.name, "ecbplus", "xml", d.title, None, None, None, d.text) for d in order]


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering over the items both give a label."""
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_pred[predicted[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        shared = len(by_pred[predicted[i]] & by_gold[gold[i]])
        p += shared / len(by_pred[predicted[i]])
        r += shared / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def link_documents(articles: list[Article], analyses: list) -> tuple[dict[str, str], dict]:
    """Stories and merged events for analysed articles, as the pipeline links them:
    article → story id, and event id → merged event id."""
    from ..link.events import merge, report
    from ..link.stories import StoryIndex, profiles

    index = StoryIndex()
    batch = profiles(
        [(a.id, None, a.title, a.body) for a in articles],
        [[m.name for m in x.mentions if m.name] for x in analyses],
    )
    story = {p.article_id: index.assign(p)[0] for p in batch}
    reports = [
        report(e, a.body, a.outlet, story[a.id])
        for a, analysis in zip(articles, analyses, strict=True)
        for e in analysis.events
    ]
    merged = {r["id"]: m.id for m in merge(reports) for r in m.reports}
    return story, merged


def evaluate(folder: Path) -> dict:
    """B-cubed of stories (against seminal events) and of merged events (against event
    coreference chains), overall and for the development and held-out halves."""
    from .. import analyze
    from ..extract import extract

    docs = read_ecbplus(folder)
    articles = as_articles(docs)
    analyses = [extract(a, doc) for a, doc in analyze.analyze(articles)]
    story, merged = link_documents(articles, analyses)
    events_by_doc = {a.id: x.events for a, x in zip(articles, analyses, strict=True)}
    gold_mentions: dict[str, str] = {}
    predicted_mentions: dict[str, str] = {}
    for d in docs:
        for start, end, chain in d.mentions:
            key = f"{d.name}:{start}"
            gold_mentions[key] = chain
            hit = next(
                (e for e in events_by_doc[d.name]
                 if e.trigger_start is not None and e.trigger_start < end
                 and start < e.trigger_end),
                None,
            )  # fmt: skip
            if hit is not None:
                predicted_mentions[key] = merged[hit.id]
    halves = {"all": lambda t: True, "even": lambda t: t % 2 == 0, "odd": lambda t: t % 2 == 1}
    topic_of = {d.name: d.topic for d in docs}
    out: dict = {"documents": len(docs), "stories": len(set(story.values()))}
    for half, keep in halves.items():
        gold = {d.name: d.seminal for d in docs if keep(d.topic)}
        chains = {k: c for k, c in gold_mentions.items() if keep(topic_of[k.split(":")[0]])}
        found = {k: v for k, v in predicted_mentions.items() if k in chains}
        out[half] = {
            "stories": bcubed(story, gold),
            "events": bcubed(found, chains),
            "singletons": bcubed({k: k for k in found}, chains),
            "mentions": len(chains),
            "found": len(found),
        }
    a = out["all"]
    out.update(zip(("story_precision", "story_recall", "story_f1"), a["stories"], strict=True))
    out.update(zip(("event_precision", "event_recall", "event_f1"), a["events"], strict=True))
    out["singleton_f1"] = a["singletons"][2]
    return out


def report_text(folder: Path) -> str:
    """The evaluation as the CLI prints it."""
    r = evaluate(folder)
    lines = [
        f"ECB+: {r['documents']} documents linked into {r['stories']} stories "
        "(gold: 86 seminal events)",
        f"{'':10}{'stories P':>10}{'R':>7}{'F1':>7}   {'events P':>9}{'R':>7}{'F1':>7}"
        f"   {'singletons F1':>13}   mentions found",
    ]
    for half in ("all", "even", "odd"):
        h = r[half]
        s, e, b = h["stories"], h["events"], h["singletons"]
        lines.append(
            f"{half:10}{s[0]:>10.3f}{s[1]:>7.3f}{s[2]:>7.3f}   {e[0]:>9.3f}{e[1]:>7.3f}"
            f"{e[2]:>7.3f}   {b[2]:>13.3f}   {h['found']}/{h['mentions']}"
        )
    lines.append(
        "events: B-cubed on the gold action mentions our event triggers hit; singletons: "
        "the same mentions left unmerged, for scale."
    )
    return "\n".join(lines)
