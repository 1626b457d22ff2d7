"""Event dates from time expressions: find them, resolve them against the article date.

News writes dates relative to the day it is published ("on Saturday", "last week",
"in December"). Which Saturday or December is meant depends on the tense of the verb
the expression hangs on: "met on Saturday" is the Saturday before, "will meet on
Tuesday" the Tuesday after. The words come from knowledge/time_*.tsv; the rules
here are general news-time rules.

Precisions of a `When`: day, week, weekend (date = its Saturday), month, quarter,
season, year, decade, and article (no expression: the article's date).
`When.date` is the first day of the span.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from storyline.knowledge import table
from storyline.model import When

from .syntax import Sentences

TENSES = ("past", "present", "future")
_LEADING_PREPOSITION = re.compile(
    r"^(?:on|in|since|by|during|until|till|from|at|as of|through|throughout|before|after)\s+",
    re.IGNORECASE,
)
_SEASON_CODE = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


@cache
def _words() -> dict[str, dict[str, list[str]]]:
    """Knowledge rows by kind: word (lower case) → the rest of its row."""
    kinds: dict[str, dict[str, list[str]]] = {}
    for kind, word, *rest in table("time_words.tsv"):
        kinds.setdefault(kind, {})[word.lower()] = rest
    return kinds


@cache
def _refs() -> dict[str, str]:
    """Vague phrases ("now", "recently") → TIMEX3 reference value."""
    return {phrase.lower(): value for phrase, value in table("time_refs.tsv")}


@cache
def _tense_words() -> dict[str, dict[str, str]]:
    """Modal and intent words → the tense they give the verb they govern."""
    kinds: dict[str, dict[str, str]] = {}
    for kind, word, tense in table("time_tense.tsv"):
        kinds.setdefault(kind, {})[word] = tense
    return kinds


def _alt(words: list[str], capital: bool = False) -> str:
    """A regex alternation of words, longest first; `capital`: first letter either case."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        text = re.escape(word)
        if capital and word[0].isalpha():
            text = f"[{word[0].upper()}{word[0].lower()}]" + re.escape(word[1:])
        parts.append(text)
    return "(?:" + "|".join(parts) + ")"


def _names(kind: str) -> str:
    """Capitalised month or weekday names; abbreviations need their period."""
    names = []
    for word in _words()[kind]:
        name = word.capitalize() if word.isalpha() or word.endswith(".") else word
        names.append(name[:-1] + r"\." if name.endswith(".") else name)
        if name.endswith("."):  # "Jan 5", "Sept 30": the period may be left out before a number
            names.append(name[:-1] + r"(?=\s+\d)")
        names.append(name.upper().replace(r"\.", r"\."))
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"


@cache
def _rules() -> list[tuple[str, re.Pattern, str]]:
    """(name, regex, finder regex text) per kind of expression, most specific first."""
    w = _words()
    wd, mon = _names("weekday"), _names("month")
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    year = r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d|,\d|\s*%| percent)"
    shift = _alt(list(w["shift"]), capital=True)
    num = r"(?:\d{1,3}|" + _alt(list(w["number"]), capital=True) + ")"
    units = _alt(list(w["unit"]))
    ordinal = _alt(list(w["ordinal"]), capital=True)
    pod = _alt(list(w["partofday"]))
    direction = _alt(list(w["direction"]))
    mod = _alt(list(w["modifier"]), capital=True) + r"[\s-]+"
    the = r"(?:[Tt]he\s+)?"
    season = _alt(list(w["season"]), capital=True)
    dayword = _alt(list(w["day"]), capital=True)
    refs = _alt(list(_refs()), capital=True)
    qual = (
        rf"(?:(?P<shift>{shift})|[Ll]atest|[Yy]ear-ago|[Yy]ear-earlier|[Cc]omparable|[Ff]iscal"
        rf"|[Cc]orresponding|(?P<pyear>(?:1[6-9]|20)\d\d))"
    )
    rules = [
        ("iso", r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
        (
            "month_day",
            rf"(?:{wd},?\s+)?(?P<month>{mon})\s+{day}(?:,?\s+{year})?",
        ),
        ("day_month", rf"(?:{wd},?\s+)?{day}\s+(?:of\s+)?(?P<month>{mon})(?:,?\s+{year})?"),
        ("month_year", rf"(?:{mod})?(?P<month>{mon}),?\s+(?:of\s+)?{year}"),
        ("month_shift_year", rf"(?P<month>{mon})\s+(?P<shift>{shift})\s+year"),
        (
            "quarter",
            rf"{the}(?:{qual}[\s-]+)*(?P<ordinal>{ordinal})[\s-]+(?:fiscal[\s-]+)?quarter"
            rf"(?:\s+of\s+{year})?",
        ),
        ("quarter", rf"{the}(?:{qual}\s+)+quarter|[Tt]he\s+quarter"),
        ("quarter", rf"{the}(?:[Ll]atest|[Yy]ear-ago|[Yy]ear-earlier)\s+period"),
        ("decade", rf"{the}(?:(?P<mod>{mod}))?(?:(?P<decade>(?:1[6-9]|20)\d0)|'(?P<dd>\d0))s\b"),
        ("season", rf"(?:(?P<shift>{shift})\s+|{the})?(?P<season>{season})(?:\s+of)?\s+{year}"),
        ("season", rf"(?:{mod})?(?P<shift>{shift})\s+(?P<season>{season})"),
        ("shift_month", rf"(?:{mod})?(?P<shift>{shift})\s+(?P<month>{mon})"),
        ("month", rf"(?:{mod})?(?P<month>{mon})(?!\s*\d)"),
        (
            "weekday",
            rf"(?:(?P<shift>{shift}|[Ee]arly|[Ll]ate)\s+)?(?P<weekday>{wd})(?:'s)?"
            rf"(?:\s+(?P<pod>{pod}))?",
        ),
        ("before_yesterday", r"(?:[Tt]he\s+)?day\s+before\s+yesterday"),
        ("after_tomorrow", r"(?:[Tt]he\s+)?day\s+after\s+tomorrow"),
        ("dayword", rf"(?:{mod})?(?P<dayword>{dayword})(?:\s+(?P<pod>{pod}))?"),
        ("last_night", rf"(?P<shift>[Ll]ast|[Tt]his)\s+(?P<pod>{pod})"),
        (
            "count",
            rf"(?:(?:[Aa]lmost|[Nn]early|[Aa]bout|[Ss]ome|[Mm]ore than)\s+)?(?P<num>{num})"
            rf"[\s-]+(?P<unit>{units})s?\s+(?:or\s+so\s+)?(?P<direction>{direction})",
        ),
        ("weekend", rf"(?:(?P<shift>{shift})\s+|[Tt]he\s+)weekend"),
        ("year_back", r"[Yy]ear-(?:earlier|ago)"),
        (
            "shift_unit",
            rf"(?:{mod})?{the}(?P<shift>{shift})\s+(?P<unit>{units})(?!s|-)",
        ),
        ("that_unit", r"(?:[Tt]hat|[Tt]he\s+same)\s+(?P<unit>day|week|month|year)\b"),
        ("year", rf"(?:(?P<mod>{mod})|[Ff]iscal\s+)?(?<![$\d.,]){year}"),
        ("ref", rf"{refs}(?!\s+(?:{num}|{units}))"),
    ]
    out = []
    for name, pattern in rules:
        finder = re.sub(r"\(\?P<\w+>", "(?:", pattern)
        out.append((name, re.compile(pattern), finder))
    return out


@cache
def _finder() -> re.Pattern:
    """All expression kinds in one regex, compiled once. Every expression begins with a word
    character or the apostrophe of "'90s": the lookahead, tested first, spares the regex
    engine trying each rule at the other side of every word boundary (twice as fast). A
    rule that can begin with another character must widen the lookahead."""
    rules = "|".join(f"(?:{f})" for _, _, f in _rules())
    return re.compile(r"(?=[\w'])\b(?:" + rules + r")(?!\w)")


_WORD = re.compile(r"[a-z]+")


@cache
def _needed_words() -> frozenset[str]:
    """Words of which every expression without a digit holds one: the names, units and
    day words the rules cannot match without, and the last word of each vague phrase."""
    w = _words()
    kinds = ("month", "weekday", "season", "day", "partofday", "unit")
    words = {part for kind in kinds for word in w[kind] for part in _WORD.findall(word)}
    words |= {unit + "s" for unit in w["unit"]} | {"period", "weekend"}
    words |= {_WORD.findall(ref)[-1] for ref in _refs()}
    return frozenset(words)


def _may_hold_time(text: str) -> bool:
    """A cheap test before the big regex: most sentences hold no digit and none of the
    words an expression needs."""
    return any(c.isdigit() for c in text) or not _needed_words().isdisjoint(
        _WORD.findall(text.lower())
    )


def find_time_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the time expressions in a text, left to right, not overlapping."""
    if not _may_hold_time(text):
        return []
    spans = []
    for match in _finder().finditer(text):
        start, end = match.span()
        while (
            end > start and text[end - 1] in ".,'" and not _ends_with_abbreviation(text[start:end])
        ):
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _ends_with_abbreviation(expression: str) -> bool:
    """Keep the period of "Jan." or "Tues." at the end of an expression."""
    last = expression.split()[-1].lower() if expression.split() else ""
    return last in _words()["month"] or last in _words()["weekday"]


# ---------------------------------------------------------------- resolving


def _month_start(year: int, month: int, add: int = 0) -> date:
    """The first day of the month `add` months after year-month."""
    index = year * 12 + month - 1 + add
    return date(index // 12, index % 12 + 1, 1)


def _monday(day: date) -> date:
    """The Monday of the ISO week holding a day."""
    return day - timedelta(days=day.weekday())


def _quarter_start(day: date, add: int = 0) -> date:
    """The first day of the quarter holding a day, shifted by `add` quarters."""
    return _month_start(day.year, 3 * ((day.month - 1) // 3) + 1, 3 * add)


def _pick(candidates: list[date], anchor: date, tense: str, factor: int = 4) -> date:
    """Of several readings (last year's, this year's, next year's), the one the tense means.

    The nearest one, where a reading against the tense counts four times as far:
    "said on Dec. 26" in January is last December, but "was set for Nov. 17" in
    early November is this November, a fortnight on. `factor` is that weight.
    """

    def distance(day: date) -> int:
        days = (day - anchor).days
        wrong_way = (tense == "past" and days > 0) or (tense == "future" and days < 0)
        return abs(days) * (factor if wrong_way else 1)

    return min(candidates, key=distance)


def _shift_value(word: str | None) -> int | None:
    """last → -1, next → 1, this → 0, None when no shift word."""
    if not word:
        return None
    return int(_words()["shift"].get(word.lower(), ["0"])[0])


def _month_number(name: str) -> int:
    """Month number of a month name or abbreviation."""
    key = name.lower().rstrip(".")
    months = _words()["month"]
    return int((months.get(key) or months.get(key + "."))[0])


def _add_units(day: date, unit: str, count: int) -> tuple[date, str]:
    """A day moved by `count` units, and the precision the result has."""
    if unit == "day":
        return day + timedelta(days=count), "day"
    if unit in ("week", "weekend"):
        return _monday(day) + timedelta(weeks=count), "week"
    if unit == "month":
        return _month_start(day.year, day.month, count), "month"
    if unit == "quarter":
        return _quarter_start(day, count), "quarter"
    if unit == "decade":
        return date(day.year // 10 * 10 + 10 * count, 1, 1), "decade"
    return date(day.year + count, 1, 1), "year"


def _day_month(m: re.Match, anchor: date, tense: str) -> tuple[date, str] | None:
    """A day of a month, in the year written or the one the tense points to."""
    month, day = _month_number(m["month"]), int(m["day"])
    if m["year"]:
        try:
            return date(int(m["year"]), month, day), "day"
        except ValueError:
            return None
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February outside leap years
            continue
    return (_pick(candidates, anchor, tense), "day") if candidates else None


def _month(m: re.Match, anchor: date, tense: str) -> tuple[date, str]:
    """A month: written year, shift word (last/next/this), or the tense decides the year."""
    month = _month_number(m["month"])
    shift = _shift_value(m.groupdict().get("shift"))
    this_year = date(anchor.year, month, 1)
    current = date(anchor.year, anchor.month, 1)
    if shift == -1:
        return (this_year if this_year < current else date(anchor.year - 1, month, 1)), "month"
    if shift == 1:
        return (this_year if this_year > current else date(anchor.year + 1, month, 1)), "month"
    if shift == 0:
        return this_year, "month"
    candidates = [date(anchor.year + k, month, 1) for k in (-1, 0, 1)]
    return _pick(candidates, current, tense, factor=100), "month"  # tense decides


def _weekday(m: re.Match, anchor: date, tense: str) -> tuple[date, str]:
    """A weekday: the anchor day itself if it is that day, else before or after by tense."""
    weekday = int(_words()["weekday"][m["weekday"].lower()][0])
    diff = weekday - anchor.isoweekday()
    shift = (
        _shift_value(m["shift"]) if m["shift"] and m["shift"].lower() in _words()["shift"] else None
    )
    before, after = (
        anchor + timedelta(days=diff - 7 if diff >= 0 else diff),
        anchor + timedelta(days=diff + 7 if diff <= 0 else diff),
    )
    if shift == -1:
        return before, "day"
    if shift == 1:
        return after, "day"
    if diff == 0:  # news says "Friday" for the day it is published
        return anchor, "day"
    if shift == 0:
        return _monday(anchor) + timedelta(days=weekday - 1), "day"
    if tense == "future":
        return after, "day"
    if tense == "present" and (after - anchor).days <= 3:
        return after, "day"
    return before, "day"


def _quarter(m: re.Match, anchor: date, tense: str, reference: When | None) -> tuple[date, str]:
    """A quarter: by ordinal (the latest one the tense allows) or relative to the article."""
    words = m.group(0).lower()
    g = m.groupdict()
    year = g.get("year") or g.get("pyear")
    if g.get("ordinal"):
        q = int(_words()["ordinal"][m["ordinal"].lower()][0])
        if year:
            return date(int(year), 3 * q - 2, 1), "quarter"
        candidates = [date(anchor.year + k, 3 * q - 2, 1) for k in (-1, 0, 1)]
        if "year-ago" in words or "year-earlier" in words or "last year" in words:
            return date(anchor.year - 1, 3 * q - 2, 1), "quarter"
        if tense == "future":
            return _pick(candidates, _quarter_start(anchor), "future"), "quarter"
        return _pick(candidates, anchor, "past"), "quarter"
    if year:
        return _quarter_start(anchor, -1).replace(year=int(year)), "quarter"
    if "year-ago" in words or "year-earlier" in words:
        base = _date(reference) if reference and reference.precision == "quarter" else None
        base = base or _quarter_start(anchor, -1)
        return base.replace(year=base.year - 1), "quarter"
    shift = _shift_value(g.get("shift"))
    if shift in (0, 1) and g["shift"].lower() in ("this", "current", "next", "coming"):
        return _quarter_start(anchor, shift), "quarter"
    if shift == -1 and g["shift"].lower() == "last":
        return _quarter_start(anchor, -1), "quarter"
    # "the quarter", "the latest quarter": the quarter last reported
    if reference and reference.precision == "quarter":
        return _date(reference), "quarter"
    return _quarter_start(anchor, -1), "quarter"


def _date(when: When) -> date:
    """The first day of a resolved expression."""
    return date.fromisoformat(when.date)


def _resolve(
    name: str, m: re.Match, anchor: date, tense: str, reference: When | None
) -> tuple[date, str] | None:
    """One kind of expression resolved to (first day, precision)."""
    g = m.groupdict()
    if name == "iso":
        try:
            return date(int(g["year"]), int(g["month"]), int(g["day"])), "day"
        except ValueError:
            return None
    if name in ("month_day", "day_month"):
        return _day_month(m, anchor, tense)
    if name == "month_year":
        return date(int(g["year"]), _month_number(g["month"]), 1), "month"
    if name == "month_shift_year":
        return date(anchor.year + _shift_value(g["shift"]), _month_number(g["month"]), 1), "month"
    if name in ("shift_month", "month"):
        return _month(m, anchor, tense)
    if name in ("quarter", "ordinal_quarter"):
        return _quarter(m, anchor, tense, reference)
    if name == "decade":
        if g["dd"]:  # "the '80s": the latest such decade before the article
            year = anchor.year // 100 * 100 + int(g["dd"])
            return date(year - 100 if year > anchor.year else year, 1, 1), "decade"
        return date(int(g["decade"]), 1, 1), "decade"
    if name == "season":
        return _season(m, anchor, tense)
    if name == "weekday":
        return _weekday(m, anchor, tense)
    if name == "before_yesterday":
        return anchor - timedelta(days=2), "day"
    if name == "after_tomorrow":
        return anchor + timedelta(days=2), "day"
    if name == "dayword":
        return anchor + timedelta(days=int(_words()["day"][g["dayword"].lower()][0])), "day"
    if name == "last_night":
        return anchor - timedelta(days=1 if g["shift"].lower() == "last" else 0), "day"
    if name == "count":
        return _count(m, anchor, reference)
    if name == "shift_unit":
        unit = g["unit"].lower()
        shift = _shift_value(g["shift"])
        if unit == "quarter":
            return _quarter_start(anchor, shift), "quarter"
        if unit == "weekend" and shift == 0 and tense == "past":
            shift = -1 if anchor.isoweekday() < 6 else 0
        return _add_units(anchor, unit, shift)
    if name == "weekend":
        return _weekend(m, anchor, tense), "weekend"
    if name == "year_back":  # "year-earlier results": the same quarter, or year, a year before
        if reference is not None and reference.precision == "quarter":
            return _quarter_start(_date(reference), -4), "quarter"
        return date(anchor.year - 1, 1, 1), "year"
    if name == "that_unit":
        base = _date(reference) if reference and reference.date else anchor
        return _add_units(base, g["unit"].lower(), 0)
    if name == "year":
        return date(int(g["year"]), 1, 1), "year"
    return None


def _weekend(m: re.Match, anchor: date, tense: str) -> date:
    """The Saturday of the weekend meant: the one before or after the article by shift or tense."""
    shift = _shift_value(m["shift"])
    if shift is None or shift == 0:
        shift = {"past": -1, "future": 1}.get(tense, 0)
    saturday = _monday(anchor) + timedelta(days=5)
    if shift < 0 and saturday > anchor:
        return saturday - timedelta(days=7)
    if shift > 0 and saturday + timedelta(days=1) < anchor:
        return saturday + timedelta(days=7)
    return saturday


def _season(m: re.Match, anchor: date, tense: str) -> tuple[date, str]:
    """A season: winter starts in December of the year before it is named for."""
    first = int(_words()["season"][m["season"].lower()][0])
    year = m.groupdict().get("year")
    if year:
        return date(int(year) - (1 if first == 12 else 0), first, 1), "season"
    shift = _shift_value(m["shift"])
    current = date(anchor.year, anchor.month, 1)
    candidates = [date(anchor.year + k, first, 1) for k in (-1, 0, 1)]
    if shift == -1:
        return max(c for c in candidates if c < current - timedelta(days=90)), "season"
    if shift == 1:
        return min(c for c in candidates if c > current), "season"
    return _pick(candidates, current, "past" if tense == "present" else tense), "season"


def _count(m: re.Match, anchor: date, reference: When | None) -> tuple[date, str]:
    """ "two days ago", "a year earlier", "three weeks later": counted from anchor or reference."""
    number = m["num"].lower()
    count = int(number) if number.isdigit() else int(_words()["number"][number][0])
    sign, base_kind = _words()["direction"][" ".join(m["direction"].lower().split())]
    unit, sign = m["unit"].lower(), int(sign)
    if reference is not None and reference.precision == "quarter" and unit == "year":
        # "a year ago" after "the third quarter": the same quarter a year before
        return _quarter_start(_date(reference), 4 * count * sign), "quarter"
    base = anchor
    if base_kind == "reference" and reference is not None and reference.date:
        base = _date(reference)
    return _add_units(base, unit, count * sign)


def resolve_time(
    expression: str, anchor: date, tense: str = "past", reference: When | None = None
) -> When | None:
    """The calendar span an expression means in an article of date `anchor`.

    `tense` (past, present, future) of the governing verb decides between the
    Saturday before and the Saturday after, last December and next. A bare
    weekday equal to the article's weekday is the article's day (wire style:
    "exploded Friday" in a Friday story). `reference` is the last span the text
    named, for "three weeks later" and "the year-ago quarter". Vague expressions
    ("recently", "now", "for years") give None: the caller keeps the article date.
    """
    text = _LEADING_PREPOSITION.sub("", " ".join(expression.split()).strip(" ,"))
    for name, pattern, _ in _rules():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        found = _resolve(name, m, anchor, tense, reference)
        if found is None:
            return None
        day, precision = found
        return When(date=day.isoformat(), precision=precision, text=expression)
    return None


def timex_value(when: When) -> str:
    """The TIMEX3 value of a resolved span: 2018-01-27, 2018-W05, 2017-12, 2017-Q4, 2011, 199."""
    if when.date is None:
        return ""
    day = date.fromisoformat(when.date)
    if when.precision in ("day", "article"):
        return day.isoformat()
    if when.precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if when.precision == "weekend":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}-WE"
    if when.precision == "month":
        return f"{day.year}-{day.month:02d}"
    if when.precision == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if when.precision == "season":
        year = day.year + (1 if day.month == 12 else 0)
        return f"{year}-{_SEASON_CODE.get(day.month, 'SU')}"
    if when.precision == "decade":
        return str(day.year)[:3]
    return str(day.year)


def timex(
    expression: str, anchor: date, tense: str = "past", reference: When | None = None
) -> str | None:
    """The TIMEX3 value of an expression: a calendar value, or PAST/PRESENT/FUTURE_REF."""
    when = resolve_time(expression, anchor, tense, reference)
    if when is not None:
        return timex_value(when)
    return _refs().get(" ".join(expression.lower().split()))


# ---------------------------------------------------------------- tense with spaCy


def _verb_of(token):
    """The verb a token belongs to: itself, or the nearest verb above it."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def tense_of(verb) -> str:
    """past, present or future for a spaCy verb token, from its auxiliaries and tag."""
    verb = _verb_of(verb)
    modals, intents = _tense_words()["modal"], _tense_words()["intent"]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = [a.lower_ for a in auxes]
    if "have" in words and any(w in ("would", "could", "might", "should", "must") for w in words):
        return "past"  # "would have attended"
    for aux in auxes:
        if aux.lower_ in modals:
            return modals[aux.lower_]
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl") and "to" in words:
        head = verb.head
        if head.lemma_.lower() in intents:
            return "future"
        if head != verb:
            return tense_of(head)
    if verb.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        return (
            "past"
            if not any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes)
            else "present"
        )
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "VBG" and verb.head != verb:
        return tense_of(verb.head) if verb.head.pos_ in ("VERB", "AUX") else "past"
    return "past"


def _spans_in(sent) -> list:
    """spaCy spans of the time expressions in a sentence span (found once per sentence:
    every event of the sentence asks)."""
    doc, base = sent.doc, sent.start_char
    found = doc.user_data.setdefault("storyline_time_spans", {})
    if base not in found:
        spans = []
        text = Sentences.of(doc).text[base : sent.end_char]  # Doc.text joins its tokens anew
        for start, end in find_time_expressions(text):
            span = doc.char_span(base + start, base + end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        found[base] = spans
    return found[base]


def _tense_of_span(span) -> str:
    """The tense for an expression: its verb's, or "present" (the nearest reading) when it
    only modifies a noun ("Wednesday's ruling", "third-quarter loss")."""
    root = span.root
    if root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return "present"
    return tense_of(root)


def expressions_in_sentence(sent) -> list[tuple[int, int, str, str]]:
    """(start, end, text, tense) per time expression in a spaCy sentence; offsets in the doc."""
    out = []
    base = sent.start_char
    for start, end in find_time_expressions(sent.text):
        span = sent.doc.char_span(base + start, base + end, alignment_mode="expand")
        tense = _tense_of_span(span) if span is not None and len(span) else "past"
        out.append((base + start, base + end, sent.text[start:end], tense))
    return out


@cache
def _reporting_verbs() -> frozenset[str]:
    """Lemmas that report speech (say, tell, claim…), from the modality cues."""
    return frozenset(w for w, m, *_ in table("modality_cues.tsv") if m.strip() == "reported")


def _dates_the_report(trigger, expression_end: int) -> bool:
    """An expression before the subject of a reported clause dates the report itself,
    whatever the parser attached it to: "said on Saturday it would not attend"."""
    if trigger.dep_ != "ccomp" or trigger.head.lemma_.lower() not in _reporting_verbs():
        return False
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and expression_end <= subject.idx


def event_time(trigger, anchor: date) -> When:
    """The date of the event a trigger token names, or the article date when the text gives none.

    The expression attached to the trigger in the dependency tree wins (its own
    child, or an expression whose head chain reaches the trigger before another
    verb); else the sentence's only expression; resolved with the trigger's tense.
    """
    sent = Sentences.of(trigger.doc).sent(trigger)
    tense = tense_of(trigger)
    candidates: list[tuple[int, int, str]] = []
    attached = None
    for span in _spans_in(sent):
        candidates.append((span.start_char, span.end_char, span.text))
        token = span.root
        while token != trigger and token.head != token:
            if token.pos_ in ("VERB", "AUX") and token not in span:
                break
            token = token.head
        if token == trigger and attached is None:
            attached = (span.start_char, span.end_char, span.text)
    chosen = attached or (candidates[0] if len(candidates) == 1 else None)
    if attached and _dates_the_report(trigger, attached[1]):
        tense = tense_of(trigger.head)  # "said on Saturday it would not attend": Saturday
    if chosen is not None:
        when = resolve_time(chosen[2], anchor, tense)
        if when is not None:
            when.start, when.end = chosen[0], chosen[1]
            return when
    return When(date=anchor.isoformat(), precision="article")
