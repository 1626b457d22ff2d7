"""Linking: copies, stories as articles arrive, one event from many reports, stances,
summaries — through the pure functions and through the CLI on a real database."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import numpy as np
from conftest import SEEDS, jsonl, needs_shared, storyline

from storyline.link import copies, events, stories, summary

WIRE = (
    "Government forces and rebels agreed on Sunday to a ceasefire in the northern province "
    "after three weeks of fighting that killed more than two hundred people, the United "
    "Nations said. The truce, brokered by envoys from Turkey and Qatar, takes effect at "
    "midnight and will be monitored by observers from the African Union. Aid agencies said "
    "they hoped to reach tens of thousands of displaced families within days. Rebel "
    "commanders said they would withdraw from two towns if the army pulled back its "
    "artillery. The government spokesman said the army would respect the agreement. "
    "Fighting broke out last month when rebels seized a border crossing. "
)


def test_a_trimmed_copy_with_other_boilerplate_is_a_copy():
    original = copies.fingerprint("a", WIRE * 2)
    trimmed = copies.fingerprint(
        "b",
        "By Wire Staff. "
        + WIRE[: len(WIRE) * 2 // 3]
        + " Read more on our site. Sign up for our newsletter.",
    )
    other = copies.fingerprint("c", " ".join(reversed(WIRE.split())))
    index = copies.CopyIndex()
    index.add(original)
    found = index.check(trimmed)
    assert found is not None and found.original_id == "a" and found.similarity >= 0.7
    assert index.check(other) is None


def test_a_copy_of_a_copy_is_a_copy_of_the_first():
    index = copies.CopyIndex()
    index.add(copies.fingerprint("a", WIRE))
    second = copies.fingerprint("b", WIRE + " Updated at noon.")
    index.add(second, index.check(second).original_id)
    third = index.check(copies.fingerprint("c", "Breaking: " + WIRE))
    assert third is not None and third.original_id == "a"


def test_short_texts_are_never_copies():
    index = copies.CopyIndex()
    index.add(copies.fingerprint("a", "Photograph: Reuters"))
    assert index.check(copies.fingerprint("b", "Photograph: Reuters")) is None


def _profile(aid: str, vector: list[float], words: str, day: date | None = None):
    v = np.array(vector, dtype=np.float32)
    v /= np.linalg.norm(v)
    full = np.zeros(256, dtype=np.float32)
    full[: len(v)] = v
    return stories.Profile(aid, day, full, Counter(words.split()))


def test_stories_grow_as_articles_arrive_and_fade_with_time():
    index = stories.StoryIndex()
    a, _ = index.assign(_profile("a1", [1, 0], "sochi congress opposition", date(2018, 1, 1)))
    b, _ = index.assign(_profile("b1", [1, 0.1], "sochi congress boycott", date(2018, 1, 5)))
    c, _ = index.assign(_profile("c1", [0, 1], "earthquake aceh", date(2018, 1, 5)))
    late, _ = index.assign(_profile("d1", [1, 0], "sochi congress opposition", date(2019, 6, 1)))
    assert a == b == stories.story_id("a1")
    assert c != a and late != a


def test_a_rebuilt_index_places_newcomers_as_the_live_one_did():
    live = stories.StoryIndex()
    members = []
    for k, (vec, words) in enumerate([([1, 0], "x y"), ([0, 1], "p q"), ([1, 0.1], "x z")]):
        p = _profile(f"a{k}", vec, words)
        members.append((live.assign(p)[0], p))
    rebuilt = stories.StoryIndex.rebuild(members)
    newcomer = _profile("n", [0.1, 1], "p q r")
    assert rebuilt.assign(newcomer) == live.assign(newcomer)


def _report(i, article, type_, source, target, day, precision="day", modality="asserted",
            trigger="boycott", outlet=None, story="s1"):  # fmt: skip
    actor = lambda c, s: {"text": c, "name": None, "country": c, "sector": s}  # noqa: E731
    return {
        "id": i, "article_id": article, "type": type_, "source": [actor(*source)],
        "target": [actor(*target)] if target else [], "trigger": trigger,
        "modality": modality, "background": False, "date": day, "date_precision": precision,
        "place": None, "outlet": outlet, "story_id": story, "sentence": i,
    }  # fmt: skip


def test_planned_and_happened_reports_of_one_boycott_merge():
    reports = [
        _report("e1", "a", "REJECT", ("SYR", "OPP"), ("RUS", "GOV"), "2018-01-27",
                modality="planned", trigger="attend", outlet="Reuters"),
        _report("e2", "b", "PROTEST", ("SYR", "OPP"), ("RUS", None), "2018-01-29", "week",
                outlet="Guardian"),
        _report("e3", "b", "PROTEST", ("SYR", "OPP"), ("RUS", "GOV"), "2018-01-29", "week",
                outlet="Guardian"),
    ]  # fmt: skip
    merged = events.merge(reports)
    assert len(merged) == 1 and merged[0].id == "e1" and merged[0].shown["id"] == "e2"
    assert len(merged[0].reports) == 3 and merged[0].outlets == 2
    assert merged[0].best_date() == ("2018-01-27", "day")


def test_a_threat_and_the_act_it_announced_are_one_happening():
    """Saying one would boycott is coded THREATEN; the boycott that follows is the same event."""
    reports = [
        {**_report("e1", "a", "THREATEN", ("SYR", "OPP"), ("RUS", "GOV"), "2018-01-27",
                   modality="planned", trigger="boycott"), "mode": "restrict"},
        _report("e2", "b", "PROTEST", ("SYR", "OPP"), ("RUS", "GOV"), "2018-01-29",
                trigger="boycotted"),
        _report("e3", "c", "PROTEST", ("SYR", "OPP"), ("RUS", "GOV"), "2018-01-29",
                modality="planned", trigger="boycott"),  # planned but not coded as a threat
        _report("e4", "d", "SANCTION", ("SYR", "OPP"), ("RUS", "GOV"), "2018-01-29",
                trigger="recalled"),  # not an act a threat to restrict announces
    ]  # fmt: skip
    merged = events.merge(reports)
    assert [[r["id"] for r in m.reports] for m in merged] == [["e1", "e2", "e3"], ["e4"]]
    assert merged[0].shown["id"] == "e2"


def test_reports_of_other_happenings_stay_apart():
    reports = [
        _report("e1", "a", "ASSAULT", ("RUS", "MIL"), ("SYR", "REB"), "2018-01-02",
                trigger="bombed"),
        _report("e2", "b", "ASSAULT", ("RUS", "MIL"), ("SYR", "REB"), "2018-02-20",
                trigger="bombed"),  # weeks later
        _report("e3", "c", "ASSAULT", ("TUR", "MIL"), ("SYR", "REB"), "2018-01-02",
                trigger="bombed"),  # another attacker
        _report("e4", "d", "AGREE", ("RUS", "MIL"), ("SYR", "REB"), "2018-01-02",
                trigger="agreed"),  # another kind of event
        _report("e5", "e", "ASSAULT", ("RUS", "MIL"), ("SYR", "REB"), "2018-01-02",
                trigger="bombed", story="s2"),  # another story
    ]  # fmt: skip
    assert len(events.merge(reports)) == 5


def test_a_copy_reports_nothing_new():
    original = _report("e1", "a", "ASSAULT", ("RUS", "MIL"), ("SYR", "REB"), "2018-01-02")
    edited = _report("e2", "b", "COERCE", ("USA", "GOV"), (), "2018-03-02", trigger="arrest")
    edited["sentence"] = "an edited sentence"
    merged = events.merge([original, edited], {"b": "a"})
    assert len(merged) == 1 and len(merged[0].reports) == 2


def test_date_spans_follow_precision_and_modality():
    def days(d, precision, modality="asserted"):
        got = events.span({"date": d, "date_precision": precision, "modality": modality})
        return tuple(x.isoformat() for x in got)

    assert days("2018-01-27", "day") == ("2018-01-27", "2018-01-27")
    assert days("2018-01-29", "week") == ("2018-01-29", "2018-02-04")
    assert days("2018-02-01", "month") == ("2018-02-01", "2018-02-28")
    assert days("2011-01-01", "year") == ("2011-01-01", "2011-12-31")
    assert days("2018-01-29", "article") == ("2018-01-26", "2018-01-29")
    assert days("2018-01-27", "day", "planned") == ("2018-01-27", "2018-02-26")


def test_summary_sentences_are_central_and_not_repeated():
    say = "Russia will host a Syrian peace congress in the Black Sea resort of Sochi on Tuesday."
    candidates = [
        {"text": say, "article_id": "a", "start": 0, "end": len(say)},
        {"text": say, "article_id": "b", "start": 0, "end": len(say)},
        {"text": "The Syrian opposition said it would boycott the congress in Sochi this week.",
         "article_id": "b", "start": 90, "end": 170},
        {"text": "Short line.", "article_id": "c", "start": 0, "end": 11},
    ]  # fmt: skip
    picked = summary.summarize(candidates, k=2)
    assert len(picked) == 2
    assert {p["article_id"] for p in picked} == {"a", "b"} or picked[0]["text"] != picked[1]["text"]
    assert all(p["text"] != "Short line." for p in picked)


# -- through the CLI ----------------------------------------------------------------------

PARAPHRASES = [
    {"title": "Syrian opposition to boycott Sochi congress", "outlet": "Daily Wire",
     "published": "2018-01-27",
     "text": "The Syrian opposition said on Saturday it would boycott the Russian-hosted "
             "congress in Sochi, calling it an attempt to sideline the UN peace process.\n\n"
             "Russia says 1,600 delegates have been invited to the congress."},
    {"title": "Opposition stays away from Russia's Syria talks", "outlet": "Evening Post",
     "published": "2018-01-28",
     "text": "Syria's main opposition group boycotted the Russian congress in Sochi, its "
             "spokesman said on Sunday, accusing Moscow of sidelining the UN peace process.\n\n"
             "The congress opens on Tuesday in the Black Sea resort."},
    {"title": "Earthquake strikes Indonesia's Aceh province", "outlet": "Daily Wire",
     "published": "2018-01-28",
     "text": "A strong earthquake struck Indonesia's Aceh province on Sunday, killing at least "
             "ten people and destroying hundreds of homes, officials said.\n\n"
             "Rescue teams searched collapsed buildings in the town of Bireuen."},
]  # fmt: skip


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_paraphrased_reports_are_one_event_in_one_story(tmp_path, db):
    storyline("run", str(_write(tmp_path / "news.jsonl", PARAPHRASES)), "--db", str(db),
              check=True)  # fmt: skip
    listed = jsonl(storyline("stories", "--db", str(db), "--format", "jsonl", check=True))
    assert sorted(len(s["articles"]) for s in listed) == [1, 2]
    sochi = next(s for s in listed if len(s["articles"]) == 2)
    assert sochi["outlets"] == ["Daily Wire", "Evening Post"]
    assert sochi["summary"] and all(x["article_id"] in sochi["articles"] for x in sochi["summary"])
    rows = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", "--story",
                           sochi["id"], check=True))  # fmt: skip
    boycott = [e for e in rows if e["type"] in ("REJECT", "PROTEST")]
    assert len(boycott) == 1, boycott
    assert boycott[0]["reports"] == 2 and boycott[0]["sources"] == 2
    assert boycott[0]["story_id"] == sochi["id"]
    every = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", "--reports",
                            check=True))  # fmt: skip
    assert sum(e["merged_id"] == boycott[0]["merged_id"] for e in every) == 2
    # what happened stands for what was planned: "boycotted", not "said it would boycott"
    assert boycott[0]["trigger"] == "boycotted" and boycott[0]["modality"] != "planned"


def test_copies_add_sources_not_events_and_reruns_change_nothing(tmp_path, db):
    news = _write(tmp_path / "news.jsonl", PARAPHRASES)
    storyline("run", str(news), "--db", str(db), check=True)
    before = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", check=True))
    copy = dict(PARAPHRASES[0], outlet="Syndicated Times", published="2018-01-28",
                title="Opposition will boycott Sochi (wire)")  # fmt: skip
    copy["text"] = "From our wire service.\n\n" + copy["text"] + "\n\nFollow us for more."
    proc = storyline("run", str(_write(tmp_path / "copy.jsonl", [copy])), "--db", str(db),
                     check=True)  # fmt: skip
    assert b"1 copies" in proc.stderr
    after = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", check=True))
    assert len(after) == len(before)
    boycott = next(e for e in after if e["type"] in ("REJECT", "PROTEST"))
    assert boycott["reports"] == 3 and boycott["sources"] == 3
    again = storyline("run", str(news), str(tmp_path / "copy.jsonl"), "--db", str(db),
                      check=True)  # fmt: skip
    assert b"linked 0 articles" in again.stderr
    assert jsonl(storyline("events", "--db", str(db), "--format", "jsonl")) == after


@needs_shared
def test_reference_articles_are_one_story_in_time_order(db):
    storyline("run", str(SEEDS / "004_4ec3a7dda4ddd710.txt"), "--db", str(db), check=True)
    first = jsonl(storyline("stories", "--db", str(db), "--format", "jsonl", check=True))
    storyline("run", str(SEEDS / "000_7a79db549a72b3ce.txt"), "--db", str(db), check=True)
    listed = jsonl(storyline("stories", "--db", str(db), "--format", "jsonl", check=True))
    assert len(listed) == 1 and listed[0]["id"] == first[0]["id"]  # the old id stays
    assert listed[0]["first"] == "2017-12-26" and listed[0]["last"] == "2018-01-29"
    story = jsonl(storyline("story", listed[0]["id"], "--db", str(db), "--format", "jsonl",
                            check=True))[0]  # fmt: skip
    timeline = [(e["date"], e["type"]) for e in story["timeline"]]
    rejection = timeline.index(("2017-12-25", "REJECT"))
    boycott = next(k for k, (d, t) in enumerate(timeline)
                   if d == "2018-01-27" and t in ("REJECT", "PROTEST"))  # fmt: skip
    congress = next(k for k, (d, t) in enumerate(timeline)
                    if d == "2018-01-30" and t == "CONSULT")  # fmt: skip
    assert rejection < boycott < congress
    stance = {(s["actor"]["country"], s["actor"]["sector"], s["stance"]) for s in story["stances"]}
    assert ("SYR", "OPP", "against") in stance and ("SYR", "REB", "against") in stance
    assert ("RUS", "GOV", "for") in stance and ("UNO", "IGO", "conditional") in stance
    text = storyline("story", listed[0]["id"][:6], "--db", str(db), check=True).stdout.decode()
    assert "Timeline" in text and "Summary" in text and "Stances" in text


def test_an_exact_copy_from_another_outlet_is_another_source(tmp_path, db):
    first = _write(tmp_path / "a.jsonl", PARAPHRASES[:1])
    again = _write(tmp_path / "b.jsonl", [dict(PARAPHRASES[0], outlet="Syndicated Times")])
    storyline("run", str(first), "--db", str(db), check=True)
    proc = storyline("run", str(again), "--db", str(db), check=True)  # a later run
    assert b"0 stored" in proc.stderr and b"1 copies" in proc.stderr
    rows = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", check=True))
    boycott = next(e for e in rows if e["trigger"] == "boycott")  # a threat until it happens
    assert boycott["reports"] == 1 and boycott["sources"] == 2
    listed = jsonl(storyline("stories", "--db", str(db), "--format", "jsonl", check=True))
    assert listed[0]["outlets"] == ["Daily Wire", "Syndicated Times"]


def test_a_guessed_role_neither_joins_nor_parts_reports():
    """Reports of one boycott with a told target merge though one report's target is only a
    guess, even a wrong one; the merged event keeps the told target."""
    reports = [
        _report("e1", "a", "PROTEST", ("SYR", "OPP"), ("RUS", "GOV"), "2018-01-29"),
        {**_report("e2", "b", "PROTEST", ("SYR", "OPP"), ("TUR", "GOV"), "2018-01-29"),
         "guessed": ["target"]},
    ]  # fmt: skip
    merged = events.merge(reports)
    assert len(merged) == 1 and [a["country"] for a in merged[0].target] == ["RUS"]
    alone = events.merge(reports[1:])
    assert [a["country"] for a in alone[0].target] == ["TUR"]  # shown, as a guess


@needs_shared
def test_events_mark_guessed_roles_and_filter_by_confidence(db):
    storyline("run", str(SEEDS), "--db", str(db), check=True)
    rows = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", check=True))
    guessed = [r for r in rows if r["guessed"]]
    assert guessed and all(set(r["guessed"]) <= {"source", "target"} for r in rows)
    assert all(r[role] for r in guessed for role in r["guessed"])  # a guess names someone
    sure = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", "--min-confidence",
                           "0.8", check=True))  # fmt: skip
    assert sure and len(sure) < len(rows) and all(r["confidence"] >= 0.8 for r in sure)
    table = storyline("events", "--db", str(db), check=True).stdout.decode()
    assert any(line.count("?") for line in table.splitlines()[2:])  # a guess ends in '?'
