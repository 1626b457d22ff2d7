"""Consistency of the event knowledge tables: PLOVER types, trigger lexicon, modality cues."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest
from conftest import SHARED

from storyline.knowledge import table, word_set

ONTOLOGY = SHARED / "ontology"
needs_ontology = pytest.mark.skipif(
    not (ONTOLOGY / "cameo_eventcodes.csv").is_file(),
    reason=f"CAMEO code list not found at {ONTOLOGY} (../shared is absent)",
)

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
MODALITIES = {"planned", "negated", "hypothetical", "reported"}
PREPOSITIONS = {
    "with", "against", "on", "to", "of", "for", "from", "at", "in", "into", "over", "about",
    "between", "behind", "around", "as", "upon", "near", "outside", "toward", "towards",
}  # fmt: skip
NEEDS_KEYS = {
    "obj", "notobj", "gov", "notgov", "prep", "mod", "notmod", "objent", "dep", "nodep", "judged",
}  # fmt: skip
CODE = re.compile(r"\d{2,4}")
LEMMA = re.compile(r"[a-z][a-z'-]*( [a-z'-]+)*")


def padded(name: str, n: int) -> list[list[str]]:
    """Rows of a knowledge table padded to n cells (editors may trim trailing empty cells)."""
    rows = table(name)
    for row in rows:
        assert len(row) <= n, f"{name}: too many cells in {row}"
    return [row + [""] * (n - len(row)) for row in rows]


TYPE_ROWS = padded("plover_types.tsv", 5)
TRIGGERS = padded("event_triggers.tsv", 8)
CUES = padded("modality_cues.tsv", 2)
MODES = {(t, m) for t, m, *_ in TYPE_ROWS}


def listed(word: str) -> list[str]:
    """A word of a constraint, or the words of the list '@name' refers to (which must exist)."""
    if not word.startswith("@"):
        return [word]
    words = sorted(word_set(word[1:] + ".txt"))
    assert words, f"{word}: no such word list in knowledge/"
    return words


def parse_needs(needs: str) -> dict[str, set[str]]:
    """`key:a|b;key:c` → {key: {a, b}, ...}."""
    out: dict[str, set[str]] = {}
    for part in filter(None, needs.split(";")):
        key, sep, values = part.partition(":")
        assert sep and key in NEEDS_KEYS, f"bad constraint {part!r}"
        words = [x for w in values.split("|") for x in listed(w)]
        labels = key in ("objent", "dep", "nodep")  # entity labels, dependency labels
        valid = (lambda w: w.isupper() or w.islower()) if labels else LEMMA.fullmatch
        assert words == ["*"] or all(valid(w) for w in words), f"bad word list in {part!r}"
        out[key] = set(words)
    return out


def cameo_codes() -> set[str]:
    with open(ONTOLOGY / "cameo_eventcodes.csv", encoding="utf-8") as f:
        return {row[0].strip() for row in csv.reader(f) if row and CODE.fullmatch(row[0].strip())}


def goldstein() -> dict[str, float]:
    lines = (ONTOLOGY / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()
    return {code: float(v) for code, v in (ln.split("\t") for ln in lines[1:] if ln.strip())}


# -- plover_types.tsv ------------------------------------------------------------------


def test_types_cover_the_sixteen_types_each_with_a_default_row():
    assert {t for t, _ in MODES} == TYPES
    assert all((t, "") in MODES for t in TYPES)
    assert len(MODES) == len(TYPE_ROWS), "duplicate (type, mode) rows"


def test_type_rows_have_codes_scores_and_descriptions():
    for t, mode, cameo, score, description in TYPE_ROWS:
        assert mode == mode.strip().lower(), (t, mode)
        assert CODE.fullmatch(cameo), (t, mode, cameo)
        assert -10 <= float(score) <= 10, (t, mode, score)
        assert len(description) > 10, (t, mode)


@needs_ontology
def test_type_codes_exist_and_scores_are_their_goldstein_values():
    codes, scale = cameo_codes(), goldstein()
    for t, mode, cameo, score, _ in TYPE_ROWS:
        assert cameo in codes, (t, mode, cameo)
        known = next(cameo[:n] for n in range(len(cameo), 1, -1) if cameo[:n] in scale)
        assert float(score) == scale[known], (t, mode, cameo, score)


# -- event_triggers.tsv ----------------------------------------------------------------


def test_trigger_rows_are_well_formed():
    for lemma, pos, typ, mode, cameo, target, needs, note in TRIGGERS:
        row = (lemma, pos, typ, mode)
        assert LEMMA.fullmatch(lemma.replace(" - ", "-")), row
        assert pos in {"VERB", "NOUN"}, row
        assert typ in TYPES, row
        assert (typ, mode) in MODES, f"mode not in plover_types.tsv: {row}"
        assert CODE.fullmatch(cameo), row
        parts = target.split(",")
        assert parts in (["none"], ["within"]) or set(parts) <= PREPOSITIONS | {"dobj"}, row
        parse_needs(needs)
        assert note, row


@needs_ontology
def test_trigger_cameo_codes_exist():
    codes = cameo_codes()
    unknown = {(lemma, cameo) for lemma, _, _, _, cameo, *_ in TRIGGERS if cameo not in codes}
    assert not unknown


def test_no_conflicting_duplicate_triggers():
    by_key: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in TRIGGERS:
        by_key[row[0], row[1]].append(row)
    for key, rows in by_key.items():
        defaults = [r for r in rows if not r[6]]
        assert len(defaults) <= 1, f"{key}: several unconstrained rows {defaults}"
        needs = [r[6] for r in rows]
        assert len(needs) == len(set(needs)), f"{key}: same constraint twice"
        # Object lists of rows giving a different (type, mode) must not overlap, unless a
        # modifier tells them apart ("test-fired a missile" is no attack).
        seen: dict[tuple[str, str], tuple[str, str]] = {}
        for r in rows:
            needs = parse_needs(r[6])
            modified = "|".join(sorted(needs.get("mod", ())))
            for word in needs.get("obj", ()):
                other = seen.setdefault((word, modified), (r[2], r[3]))
                assert other == (r[2], r[3]), f"{key}: obj {word!r} gives {other} and {r[2:4]}"


# Modes of the manual whose CAMEO codes cameo_to_plover.txt (which the gold data follows)
# sends to another type: court convictions (116) are ACCUSE there.
MAPPED_ELSEWHERE = {("SANCTION", "convict")}


def test_every_type_and_mode_has_triggers():
    covered = {(typ, mode) for _, _, typ, mode, *_ in TRIGGERS}
    wanted = {(t, m) for t, m in MODES if m or not any(t == t2 and m2 for t2, m2 in MODES)}
    wanted -= MAPPED_ELSEWHERE
    assert not wanted - covered, f"no trigger for {sorted(wanted - covered)}"
    per_type = defaultdict(int)
    for row in TRIGGERS:
        per_type[row[2]] += 1
    assert min(per_type.values()) >= 10, dict(per_type)


@pytest.mark.parametrize(
    "lemma, pos, typ, mode",
    [
        ("boycott", "VERB", "PROTEST", "boycott"),
        ("visit", "VERB", "CONSULT", "visit"),
        ("talk", "NOUN", "CONSULT", ""),
        ("call for", "VERB", "REQUEST", ""),
        ("accuse", "VERB", "ACCUSE", "allege"),
        ("withdraw", "VERB", "RETREAT", "withdraw"),
        ("arrest", "VERB", "COERCE", "arrest"),
        ("sanction", "NOUN", "COERCE", ""),  # 163 is COERCE in cameo_to_plover.txt
        ("hunger strike", "NOUN", "PROTEST", "hunger"),
        ("apologize", "VERB", "SUPPORT", ""),  # 055 is SUPPORT in cameo_to_plover.txt
    ],
)
def test_default_readings_follow_manual_and_mapping(lemma, pos, typ, mode):
    defaults = [r for r in TRIGGERS if r[:2] == [lemma, pos] and not r[6]]
    assert [r[2:4] for r in defaults] == [[typ, mode]]


# -- modality_cues.tsv -----------------------------------------------------------------


def test_modality_cues():
    words = [w for w, _ in CUES]
    assert len(words) == len(set(words)), "a cue word listed twice"
    assert 40 <= len(CUES) <= 120
    for word, modality in CUES:
        assert LEMMA.fullmatch(word), word
        assert modality in MODALITIES, (word, modality)
    assert {m for _, m in CUES} == MODALITIES


def test_undone_events_recode_to_plover_types():
    rows = padded("undone_events.tsv", 5)
    assert {r[0] for r in rows} <= TYPES
    for undone, typ, mode, cameo, note in rows:
        assert (typ, mode) in MODES, f"mode not in plover_types.tsv: {(typ, mode)}"
        assert CODE.fullmatch(cameo) and note, (undone, typ)


def test_recoding_rows_name_known_modalities_and_modes():
    for modality, typ, new_type, new_mode, *_ in padded("modality_recoding.tsv", 5):
        # joint: two or more sources; crowd: protesters acting; verbal: a person's attack;
        # helping: forces sent to help; frontier: arms sent up to a border
        named = {"joint", "crowd", "verbal", "helping", "frontier"}
        assert modality in MODALITIES | named, modality
        assert typ in TYPES and (new_type, new_mode) in MODES, (modality, typ)


def test_lemma_fixes_are_applied():
    """Each form in lemma_fixes.tsv gets its lemma however the lemmatizer would read it."""
    from storyline.analyze import parse

    rows = table("lemma_fixes.tsv")
    docs = parse(f"The officials {form} the group." for form, _ in rows)
    for (form, lemma), doc in zip(rows, docs, strict=True):
        assert doc[2].lemma_ == lemma, (form, doc[2].lemma_)
