"""One event from many reports: events that describe the same happening merge.

Two reports are of one event when they belong to the same story, their types
are of one family (`knowledge/event_families.tsv`), their actors overlap (by
name, or by country with agreeing sectors; a side one report leaves empty
agrees with anything), their dates agree within their precision, and their
places are compatible. Planned and happened are the same event seen at two
times: "will boycott" on the 25th and "boycotted" on the 27th of one
congress merge. A copy of an article reports nothing new: its events join
those of the article it copies.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..extract.events import recoding, type_table
from ..knowledge import event_families

PLANNED_DAYS = 30  # an undated plan may happen within a month of the article
UNDATED_DAYS = 3  # an undated happening, within days before the article
REPRESENTATIVES = 8  # a newcomer is compared with an event's first reports only


def family(type_: str) -> str:
    """The family of types a report of this type can merge with."""
    return event_families().get(type_, (type_.lower(), None))[0]


def families(event: dict[str, Any]) -> set[str]:
    """The families a report can merge with: its type's, and for a plan coded by what it
    promises or threatens ("will meet" is AGREE, "would boycott" THREATEN), those of the
    acts such a plan announces."""
    own = {family(event["type"])}
    if event.get("modality") == "planned":  # THREATEN restrict announces a boycott or a
        mode = event.get("mode")  # blockade, THREATEN violence an attack
        own |= {
            family(was)
            for (modality, was), (now, coded) in recoding().items()
            if modality == "planned"
            and now == event["type"]
            and (mode == coded or (was, mode) in type_table())
        }
    return own


@dataclass
class MergedEvent:
    """A happening with every report of it; `id` is the id of its first report, `shown`
    the report that stands for it (the first that tells it happened, when earlier ones
    only planned it)."""

    id: str
    story_id: str | None
    shown: dict[str, Any]  # the report that stands for it
    reports: list[dict[str, Any]] = field(default_factory=list)
    source: list[dict] = field(default_factory=list)
    target: list[dict] = field(default_factory=list)
    start: date | None = None  # the span the reports allow
    end: date | None = None

    @property
    def outlets(self) -> int:
        """Distinct outlets reporting it (an article of unknown outlet counts as one), the
        outlets of exact copies stored once included."""
        return len(
            {
                o
                for r in self.reports
                for o in (r.get("outlets") or [r.get("outlet") or r["article_id"]])
            }
        )

    def best_date(self) -> tuple[str | None, str]:
        """The most precise date any report gives, preferring what happened to what was
        planned."""
        rank = {"day": 0, "week": 1, "month": 2, "year": 3, "article": 4}
        best = min(
            self.reports,
            key=lambda r: (rank.get(r["date_precision"], 5), r["modality"] == "planned"),
        )
        return best["date"], best["date_precision"]


def span(event: dict[str, Any]) -> tuple[date, date] | None:
    """The days an event's date allows, given its precision and modality: a plan may come
    true up to PLANNED_DAYS after the day it is dated by ("said on Saturday it would not
    attend" is the boycott of Tuesday's congress)."""
    if not event.get("date"):
        return None
    d = date.fromisoformat(event["date"])
    first, last = {
        "day": (d, d),
        "week": (d, d + timedelta(days=6)),
        "month": (d, d.replace(day=calendar.monthrange(d.year, d.month)[1])),
        "year": (d, d.replace(month=12, day=31)),
    }.get(event.get("date_precision") or "", (d - timedelta(days=UNDATED_DAYS), d))
    if event.get("modality") == "planned":
        last = max(last, d + timedelta(days=PLANNED_DAYS))
    return first, last


_NOT_NAME = frozenset({"the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr"})


def _words(actor: dict) -> frozenset[str]:
    """The words that name an actor: its resolved name, else the capitalised words it was
    written with ("The Boston Red Sox"); common nouns ("a man", "officials") name no one."""
    return _name_words(actor.get("name"), actor.get("text"))


@lru_cache(maxsize=65536)
def _name_words(name: str | None, text: str | None) -> frozenset[str]:
    words = (name or text or "").replace("-", " ").split()
    if not name:
        words = [w for w in words if w[:1].isupper()]
    return frozenset(w.lower() for w in words if w.lower() not in _NOT_NAME)


def _agree(a: dict, b: dict) -> bool:
    """Same actor: one's name words within the other's ("Teixeira", "Mark Teixeira"), or
    the same country with the same or an unknown sector."""
    wa, wb = _words(a), _words(b)
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    if not a.get("country") or a.get("country") != b.get("country"):
        return False
    return not a.get("sector") or not b.get("sector") or a["sector"] == b["sector"]


def _distinct(a: dict, b: dict) -> bool:
    """Certainly not the same actor: other countries, or other names of named actors."""
    if a.get("country") and b.get("country"):
        return a["country"] != b["country"]
    return bool(a.get("name") and b.get("name"))


def overlap(left: list[dict], right: list[dict]) -> bool | None:
    """True if the sides share an actor, False if every pair is certainly distinct, None
    when the reports cannot tell (a side is empty or unresolved)."""
    if not left or not right:
        return None
    if any(_agree(a, b) for a in left for b in right):
        return True
    return False if all(_distinct(a, b) for a in left for b in right) else None


def _places_agree(a: dict | None, b: dict | None) -> bool:
    if not a or not b:
        return True
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    if a.get("precision") == "city" and b.get("precision") == "city":
        return a.get("name") == b.get("name")
    return True


def _fit(event: dict[str, Any], other: dict[str, Any]) -> float:
    """How well two reports fit as one happening (0: not at all)."""
    if not families(event) & families(other) or event["background"] != other["background"]:
        return 0.0
    side_by_side = event["article_id"] == other["article_id"] and event.get("start") is not None
    if side_by_side and event.get("start") == other.get("start"):
        return 0.0  # one sentence naming two acts ("sieges, torture of civilians") names two
    if not _places_agree(event.get("place"), other.get("place")):
        return 0.0
    sides = [overlap(told(event, role), told(other, role)) for role in ("source", "target")]
    if False in sides:
        return 0.0
    shared = sides.count(True)
    same_words = _stem(event["trigger"]) == _stem(other["trigger"])
    if not shared and not same_words:
        return 0.0
    return shared + 0.5 * same_words


def compatible(event: dict[str, Any], merged: MergedEvent, days: tuple[date, date] | None) -> float:
    """How well a report (whose `span` is `days`) fits an event: its best fit with one of
    the event's reports, if its dates agree with the span all of them allow and it
    contradicts none of them."""
    if days and merged.start and (days[1] < merged.start or days[0] > merged.end):
        return 0.0
    fits = [_fit(event, r) for r in merged.reports[:REPRESENTATIVES]]
    return 0.0 if not all(fits) and _contradicts(event, merged) else max(fits, default=0.0)


def _contradicts(event: dict[str, Any], merged: MergedEvent) -> bool:
    """A report whose actors clash with some report already merged (no chaining through a
    third report that fits both)."""
    return any(
        overlap(told(event, role), told(r, role)) is False
        for r in merged.reports[:REPRESENTATIVES]
        for role in ("source", "target")
    )


def told(event: dict[str, Any], role: str) -> list[dict]:
    """The actors of a role as the sentence's syntax gives them; a role guessed from the
    nearest actor tells nothing for or against two reports being one event."""
    return [] if role in event.get("guessed", ()) else event[role]


@lru_cache(maxsize=65536)
def _stem(words: str) -> str:
    """A trigger's words without inflection, crudely: "checked into" = "checks into"."""
    return " ".join(w[:5] for w in words.lower().split())


def _union(actors: list[dict], more: list[dict]) -> list[dict]:
    out = list(actors)
    for a in more:
        if not any(_agree(a, b) for b in out):
            out.append(a)
    return out


def merge(events: list[dict[str, Any]], copies: dict[str, str] | None = None) -> list[MergedEvent]:
    """Reports in arrival order → events. Each report dict needs id, article_id, type,
    source, target, trigger, modality, background, date, date_precision, place, outlet, and
    optionally story_id and sentence; `copies` maps a copy's article id to its original's."""
    copies = copies or {}
    out: list[MergedEvent] = []
    by_story: dict[Any, list[MergedEvent]] = {}  # (story, family) → its events
    order: dict[int, int] = {}  # an event's place in `out`
    by_sentence: dict[tuple, MergedEvent] = {}  # (article, type, sentence words) of originals
    for event in events:
        original = copies.get(event["article_id"])
        key = (original or event["article_id"], event["type"], event.get("sentence", ""))
        target = by_sentence.get(key) if original else None
        blocks = [(event.get("story_id"), f) for f in sorted(families(event))]
        seen = {id(m): m for b in blocks for m in by_story.get(b, [])}
        candidates = sorted(seen.values(), key=lambda m: order[id(m)])
        days = span(event)
        if target is None:
            scored = [(compatible(event, m, days), -k) for k, m in enumerate(candidates)]
            best = max(scored, default=(0.0, 0))
            if best[0] > 0:
                target = candidates[-best[1]]
        if target is None and original:  # an edited sentence of a copy: same kind of event
            target = next(
                (m for m in candidates
                 if any(copies.get(r["article_id"], r["article_id"]) == original
                        for r in m.reports)),
                None,
            )  # fmt: skip
        if target is None:
            target = MergedEvent(event["id"], event.get("story_id"), event)
            order[id(target)] = len(out)
            out.append(target)
            for block in blocks:
                by_story.setdefault(block, []).append(target)
        target.reports.append(event)
        if target.shown.get("modality") == "planned" and event.get("modality") != "planned":
            target.shown = event  # what happened stands for what was planned
        target.source = _union(target.source, told(event, "source"))
        target.target = _union(target.target, told(event, "target"))
        if days:
            target.start = max(target.start, days[0]) if target.start else days[0]
            target.end = min(target.end, days[1]) if target.end else days[1]
            if target.start > target.end:  # reports disagree: keep the newest report's span
                target.start, target.end = days
        by_sentence.setdefault(
            (event["article_id"], event["type"], event.get("sentence", "")), target
        )
    for m in out:  # no report tells a role: the guess of the report shown
        m.source = m.source or m.shown["source"]
        m.target = m.target or m.shown["target"]
    return out


def report(event, body: str, outlet: str | None, story_id: str | None) -> dict[str, Any]:
    """An extracted `Event` as the dict `merge` reads (the store gives the same keys)."""
    return {
        "id": event.id, "article_id": event.article_id, "type": event.type, "mode": event.mode,
        "source": [vars(a) for a in event.source], "target": [vars(a) for a in event.target],
        "trigger": event.trigger, "modality": event.modality, "background": event.background,
        "date": event.date, "date_precision": event.date_precision,
        "place": vars(event.place) if event.place else None, "outlet": outlet,
        "story_id": story_id, "sentence": body[event.start : event.end],
        "guessed": list(event.guessed),
    }  # fmt: skip
