"""Actor resolution: names, countries and sectors of actor phrases, coreference, knowledge rows."""

from __future__ import annotations

import re

import pytest

from storyline.extract.actors import (
    SECTORS,
    ActorResolver,
    mentions,
    one_edit,
    resolve_phrase,
    valid_country_code,
)
from storyline.knowledge import table

spacy = pytest.importorskip("spacy")


def phrase(nlp, sentence: str, words: str, context: str | None = None):
    """Resolve the first occurrence of `words` in a parsed sentence."""
    doc = nlp(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    return resolve_phrase(span, context)


@pytest.mark.parametrize(
    "sentence, words, name, country, sector",
    [
        (
            "Kremlin spokesman Dmitry Peskov said the talks would go ahead.",
            "Kremlin spokesman Dmitry Peskov",
            "Dmitry Peskov",
            "RUS",
            "GOV",
        ),
        (
            "Syrian President Bashar al-Assad met the delegation.",
            "Syrian President Bashar al-Assad",
            "Bashar al-Assad",
            "SYR",
            "GOV",
        ),
        (
            "UN Syria envoy Staffan de Mistura welcomed the move.",
            "UN Syria envoy Staffan de Mistura",
            "Staffan de Mistura",
            "UNO",
            "IGO",
        ),
        # a country's envoy to a body is the country's, a body's envoy the body's
        (
            "Britain's UN ambassador, Karen Pierce, said no.",
            "Britain's UN ambassador, Karen Pierce",
            "Karen Pierce",
            "GBR",
            "GOV",
        ),
        ("Russia's EU ambassador said no.", "Russia's EU ambassador", None, "RUS", "GOV"),
        ("Turkey's Nato allies said no.", "Turkey's Nato allies", None, "IGO", None),
        ("Russian forces shelled the town.", "Russian forces", None, "RUS", "MIL"),
        ("The Syrian opposition rejected the plan.", "The Syrian opposition", None, "SYR", "OPP"),
        ("Isis fighters attacked the village.", "Isis fighters", "Islamic State", None, "IMG"),
        ("Protesters gathered in the square.", "Protesters", None, None, "CVL"),
        ("The Kremlin shrugged off the boycott.", "The Kremlin", "Kremlin", "RUS", "GOV"),
        ("The Pentagon announced new strikes.", "The Pentagon", "Pentagon", "USA", "MIL"),
        ("Moscow rejected the accusation.", "Moscow", "Moscow", "RUS", "GOV"),
        ("Damascus denied the report.", "Damascus", "Damascus", "SYR", "GOV"),
        ("Tehran warned Washington.", "Tehran", "Tehran", "IRN", "GOV"),
        ("The White House said nothing.", "The White House", "White House", "USA", "GOV"),
        ("Ankara threatened a new offensive.", "Ankara", "Ankara", "TUR", "GOV"),
        ("Hezbollah fighters crossed the border.", "Hezbollah fighters", "Hezbollah", "LBN", "REB"),
        ("Nato allies met in Brussels.", "Nato allies", "NATO", "IGO", None),
        ("The Arab League condemned the strike.", "The Arab League", "Arab League", "IGO", "IGO"),
        ("The Taliban attacked a checkpoint.", "The Taliban", "Taliban", "AFG", "REB"),
        (
            "Turkish-backed Syrian rebels advanced.",
            "Turkish-backed Syrian rebels",
            None,
            "SYR",
            "REB",
        ),
        ("Human Rights Watch accused the army.", "Human Rights Watch", None, "NGO", "NGO"),
        (
            "Iranian Foreign Minister Mohammad Javad Zarif said.",
            "Iranian Foreign Minister Mohammad Javad Zarif",
            "Mohammad Javad Zarif",
            "IRN",
            "GOV",
        ),
        (  # the possessor is whose envoy he is; the country word is his brief
            "Putin's Syria envoy Alexander Lavrentiev told reporters the talks would go ahead.",
            "Putin's Syria envoy Alexander Lavrentiev",
            "Alexander Lavrentiev",
            "RUS",
            "GOV",
        ),
        (
            "The rebels insisted on Bashar al-Assad's departure.",
            "Bashar al-Assad's departure",
            "Bashar al-Assad",
            "SYR",
            "GOV",
        ),
    ],
)
def test_resolve_phrase(nlp, sentence, words, name, country, sector):
    actor = phrase(nlp, sentence, words)
    if name is not None:
        assert actor.name == name
    if country is not None:
        assert actor.country == country
    if sector is not None:
        assert actor.sector == sector


def test_offsets_and_text(nlp):
    doc = nlp("On Monday the Syrian opposition rejected the plan.")
    span = doc[2:5]
    actor = resolve_phrase(span)
    assert actor.text == "the Syrian opposition"
    assert (actor.start, actor.end) == (span.start_char, span.end_char)
    assert doc.text[actor.start : actor.end] == actor.text


def test_role_phrases_take_the_context_country(nlp):
    actor = phrase(
        nlp, "Nearly 40 rebel groups rejected the talks.", "Nearly 40 rebel groups", "SYR"
    )
    assert (actor.country, actor.sector) == ("SYR", "REB")
    assert phrase(nlp, "Rebel groups rejected the talks.", "Rebel groups").country is None
    # a phrase's own country wins over the context
    assert phrase(nlp, "Russian forces advanced.", "Russian forces", "SYR").country == "RUS"


def test_named_people_do_not_take_the_context_country(nlp):
    actor = phrase(nlp, "John Smith arrived.", "John Smith", "SYR")
    assert actor.country is None


def test_role_words(nlp):
    cases = {
        "Human rights groups condemned the raid.": ("Human rights groups", "NGO"),
        "Police arrested three men.": ("Police", "COP"),
        "A judge ordered the release.": ("A judge", "JUD"),
        "Lawmakers voted against the bill.": ("Lawmakers", "LEG"),
        "Journalists were detained.": ("Journalists", "JRN"),
        "The opposition spokesman denied it.": ("The opposition spokesman", "OPP"),
        "Army officers refused.": ("Army officers", "MIL"),
        "Dozens of demonstrators were detained.": ("Dozens of demonstrators", "CVL"),
    }
    for sentence, (words, sector) in cases.items():
        assert phrase(nlp, sentence, words).sector == sector, sentence


def test_igos_and_armed_groups(nlp):
    assert phrase(nlp, "The UN Security Council met.", "The UN Security Council").country == "UNO"
    assert phrase(nlp, "The EU imposed sanctions.", "The EU").country == "EUR"
    assert phrase(nlp, "The ICC issued a warrant.", "The ICC").sector == "JUD"
    assert phrase(nlp, "Al-Shabaab claimed the attack.", "Al-Shabaab").country == "SOM"
    sdf = phrase(nlp, "The SDF captured the town.", "The SDF")
    assert (sdf.country, sdf.sector) == ("SYR", "REB")
    # a transnational group takes the article's country when it fights there
    assert phrase(nlp, "Isis claimed the attack.", "Isis", "IRQ").country == "IRQ"
    assert phrase(nlp, "Isis claimed the attack.", "Isis", "FRA").country == "IMG"


def test_a_longer_unknown_name_is_not_the_un(nlp):
    actor = phrase(
        nlp,
        "Burundi's National Security Council banned the groups.",
        "Burundi's National Security Council",
    )
    assert actor.country == "BDI"


def test_coreference_of_people_and_pronouns(nlp):
    doc = nlp(
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi. "
        "Putin said the talks were useful. He added that a congress would follow."
    )
    resolver = ActorResolver(doc)
    putin = next(t for t in doc if t.text == "Putin" and t.i > 10)
    actor = resolver.resolve(doc[putin.i : putin.i + 1])
    assert (actor.name, actor.country, actor.sector) == ("Vladimir Putin", "RUS", "GOV")
    he = next(t for t in doc if t.text == "He")
    actor = resolver.resolve(doc[he.i : he.i + 1])
    assert (actor.text, actor.name, actor.country) == ("He", "Vladimir Putin", "RUS")


def _resolved(nlp, text: str, words: str):
    """The actor the resolver gives the first occurrence of the words in the text."""
    doc = nlp(text)
    start = re.search(rf"\b{words}\b", text).start()
    return ActorResolver(doc).resolve(doc.char_span(start, start + len(words)))


@pytest.mark.parametrize(
    "text, words, name",
    [
        (  # "he" in a clause on someone's words is their owner
            "Jeremy Corbyn condemned Donald Trump's rhetoric on Syria. Asked about the US "
            "president's tweet yesterday in which he said that missiles would soon be fired, "
            "Corbyn said the world should be alarmed.",
            "he",
            "Donald Trump",
        ),
        (  # a misspelt surname is the one person so named
            "Labour leader Jeremy Corbyn spoke in Derby on Monday. Cobyn said the war was wrong.",
            "Cobyn",
            "Jeremy Corbyn",
        ),
        (  # "the president" with no country may be a foreign one named just before
            "Syria's army attacked Douma in Syria, where Bashar al-Assad's forces fight on. "
            "Syria denied it. Mr Trump is another reason to be cautious. His presidency has "
            "not been burdened with pretence. The president called out the attack.",
            "The president",
            "Donald Trump",
        ),
    ],
)
def test_who_a_mention_takes_up(nlp, text, words, name):
    assert _resolved(nlp, text, words).name == name


@pytest.mark.parametrize(
    "a, b, near",
    [
        ("cobyn", "corbyn", True),
        ("erodgan", "erdogan", True),
        ("smyth", "smith", True),
        ("smith", "smith", False),
        ("smith", "smithers", False),
        ("putin", "pupil", False),
    ],
)
def test_one_edit(a, b, near):
    assert one_edit(a, b) is near and one_edit(b, a) is near


def test_a_name_modifying_a_role_is_whose_agent_it_is(nlp):
    doc = nlp(
        "Donald Trump's defense secretary, Jim Mattis, resigned. A Trump aide said the "
        "Obama national security adviser Susan Rice had praised Mattis."
    )
    resolver = ActorResolver(doc)
    for words, name in (
        ("A Trump aide", "aide"),
        ("Susan Rice", "Susan Rice"),
        ("Jim Mattis", "Jim Mattis"),
    ):
        start = doc.text.index(words)
        actor = resolver.resolve(doc.char_span(start, start + len(words)))
        assert (actor.name, actor.country) == (name, "USA"), words
    start = doc.text.index("Obama national security adviser Susan Rice")
    span = doc.char_span(start, start + len("Obama national security adviser Susan Rice"))
    assert resolver.resolve(span).name == "Susan Rice"


def test_the_name_beside_an_owned_role_is_the_person(nlp):
    text = "Viktor Orbán's fiercest rival, opposition leader Péter Magyar, said he would run."
    actor = phrase(nlp, text, "Viktor Orbán's fiercest rival, opposition leader Péter Magyar")
    assert actor.name == "Péter Magyar"
    assert phrase(
        nlp, "Viktor Orbán's departure was demanded.", "Viktor Orbán's departure"
    ).name == ("Viktor Orbán")


def test_a_relative_of_a_named_person_is_someone_else(nlp):
    doc = nlp("Anna Campbell died in Afrin. Anna Campbell's father said she was brave.")
    resolver = ActorResolver(doc)
    start = doc.text.index("Anna Campbell's father")
    span = doc.char_span(start, start + len("Anna Campbell's father"))
    assert resolver.resolve(span).name is None
    start = doc.text.index("Anna Campbell")
    assert resolver.resolve(doc.char_span(start, start + 13)).name == "Anna Campbell"


def test_coreference_without_a_known_person(nlp):
    doc = nlp(
        "Opposition spokesman Yahya al-Aridi said the group would not attend. "
        "Aridi called the congress a trap."
    )
    resolver = ActorResolver(doc)
    tok = next(t for t in doc if t.text == "Aridi" and t.i > 5)
    actor = resolver.resolve(doc[tok.i : tok.i + 1])
    assert actor.name.endswith("al-Aridi")
    assert actor.sector == "OPP"


def test_they_is_left_unresolved(nlp):
    doc = nlp("The rebels and the army clashed. They said the truce was over.")
    they = next(t for t in doc if t.text == "They")
    actor = ActorResolver(doc).resolve(doc[they.i : they.i + 1])
    assert actor.text == "They" and actor.country is None and actor.sector is None


def test_main_country(nlp):
    doc = nlp(
        "Syrian rebel groups rejected the Sochi congress. The Syrian opposition said Damascus "
        "and Moscow wanted to bypass Geneva. Russia denied it."
    )
    resolver = ActorResolver(doc)
    assert resolver.main_country == "SYR"
    rebels = resolver.resolve(doc[0:3])
    assert (rebels.country, rebels.sector) == ("SYR", "REB")


def test_mentions(nlp):
    doc = nlp(
        "Moscow is trying to bypass the UN-led talks, claimed the Syrian opposition. "
        "In Syria, nearly 40 rebel groups rejected Russia's plan for Syria's future, "
        "and protesters gathered in Idlib."
    )
    found = {a.text: a for a in mentions(doc)}
    assert found["Moscow"].sector == "GOV"
    assert found["the Syrian opposition"].sector == "OPP"
    assert found["nearly 40 rebel groups"].country == "SYR"
    assert "Russia's" in found or "Russia" in found
    assert found["protesters"].sector == "CVL"
    assert "Idlib" not in found  # a place, not an actor
    assert found["UN"].country == "UNO"  # the patron in "UN-led" is itself a mention
    for a in found.values():
        assert doc.text[a.start : a.end] == a.text


# --- knowledge rows ---------------------------------------------------------------------------


def _codes(cell: str) -> list[str]:
    return [c for c in cell.split("|") if c]


def test_countries_rows_are_well_formed():
    rows = table("countries.tsv")
    assert len(rows) >= 190
    seen = set()
    for row in rows:
        assert len(row) == 5, row
        iso = row[0]
        assert valid_country_code(iso), iso
        assert iso not in seen, iso
        seen.add(iso)
        assert row[1], row
    for iso in ("RUS", "SYR", "USA", "GBR", "TUR", "IRN", "PSE"):
        assert iso in seen


@pytest.mark.parametrize(
    "fname", ["igos.tsv", "armed_groups.tsv", "institutions.tsv", "people.tsv"]
)
def test_named_entity_rows_are_well_formed(fname):
    for row in table(fname):
        assert 3 <= len(row) <= 4, (fname, row)
        assert _codes(row[0]), (fname, row)
        for code in _codes(row[0]):
            assert valid_country_code(code), (fname, code)
        assert row[1] in SECTORS, (fname, row)
        assert row[2].strip(), (fname, row)


def test_sector_word_rows_are_well_formed():
    rows = table("sector_words.tsv")
    assert len(rows) > 500
    for row in rows:
        assert 2 <= len(row) <= 3, row
        assert row[0] == row[0].lower().strip() and row[0], row
        assert row[1] in SECTORS, row
        if len(row) == 3:
            assert row[2] == "weak", row


def test_a_place_once_tagged_as_a_person_keeps_its_other_mentions_as_places(nlp):
    doc = nlp(
        "The fighters were heading by coach into Kobani, northern Syria, to help defend the "
        "town. With Kobani on the brink of being overrun, Sara had heard the commanders were "
        "leaving. Kobani fell a week later."
    )
    resolver = ActorResolver(doc)
    kobani = [t.i for t in doc if t.text == "Kobani"]
    assert all(resolver.person_at(i, i + 1) is None for i in (kobani[0], kobani[-1]))
    assert [p.name for p in resolver.persons] == ["Sara"]  # a place the tagger once misread


@pytest.mark.parametrize(
    "text, words, name",
    [
        ("After the resignation of the defence secretary, Jim Mattis, Trump has said he will "
         "not allow US troops to leave.", "Trump", "Donald Trump"),
        ("The three leaders – Russia’s Vladimir Putin, Turkey’s Recep Erdoğan and Iran’s "
         "Hassan Rouhani – will meet.", "Recep Erdoğan", "Recep Tayyip Erdogan"),
    ],
)  # fmt: skip
def test_a_known_person_is_not_merged_into_the_name_before_it(nlp, text, words, name):
    doc = nlp(text)
    found = {m.text: m.name for m in mentions(doc, ActorResolver(doc))}
    assert found[words] == name


def test_a_name_tagged_a_person_anywhere_is_the_person_everywhere(nlp):
    """spaCy's small model tags a first name an organisation in most places; where it once
    calls it a person, the name and the full name it opens are that person."""
    doc = nlp(
        "Ricardo Vilanova never wanted to be part of the story. The rebels he trusted "
        "handed him over. Ricardo was freed in 2014. Last month I met Ricardo again. "
        "Ricardo said he wanted to face them."
    )
    resolver = ActorResolver(doc)
    ricardo = [p for p in resolver.persons if "Ricardo" in p.name]
    assert [p.name for p in ricardo] == ["Ricardo Vilanova"]
    assert len(ricardo[0].mentions) >= 4


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Joe Robinson, a former soldier, was arrested in Turkey. His mother, Sharon "
            "Robinson, said he was innocent. Sharon told reporters her son wanted to help.",
            ["Joe Robinson", "Sharon Robinson"],
        ),
        (  # "Hussen" is in no list of first names, "Amira" is: two people, not one woman
            "Amira Abase, a schoolgirl from Bethnal Green, left in 2015. Speaking to the "
            "Telegraph, Hussen Abase, father of Amira Abase, said his daughter made a mistake.",
            ["Amira Abase", "Hussen Abase"],
        ),
    ],
)
def test_relatives_sharing_a_surname_stay_apart(nlp, text, names):
    assert sorted(p.name for p in ActorResolver(nlp(text)).persons) == names


def test_a_known_surname_after_another_first_name_is_someone_else(nlp):
    doc = nlp(
        "President Barack Obama left office in 2017. Former First Lady Michelle Obama said "
        "she stopped even trying to smile. Obama did not comment."
    )
    resolver = ActorResolver(doc)
    michelle = next(t.i for t in doc if t.text == "Michelle")
    actor = resolver.resolve(doc[michelle : michelle + 2])
    assert actor.name == "Michelle Obama" and actor.sector != "GOV"
    last = [t.i for t in doc if t.text == "Obama"][-1]
    assert resolver.resolve(doc[last : last + 1]).name == "Barack Obama"  # the known one


def test_a_place_seldom_tagged_a_person_is_no_person(nlp):
    """The tagger calls "Ghouta" an organisation in most places and once a person: no person
    "Ghouta" takes up "he" (a first name so tagged stays a person: see Ricardo above)."""
    doc = nlp(
        "Ghouta fell in April. Ghouta was besieged for years. Ghouta has no water. "
        "Ghouta is near Damascus."
    )
    first = spacy.tokens.Span(doc, 0, 1, label="PERSON")
    others = [
        spacy.tokens.Span(doc, t.i, t.i + 1, label="ORG") for t in doc[1:] if t.text == "Ghouta"
    ]
    doc.ents = [first, *others]
    assert not any(p.name == "Ghouta" for p in ActorResolver(doc).persons)


def test_a_name_with_a_person_in_apposition_is_a_person_whatever_its_tag(nlp):
    doc = nlp("Abu Mukhtar, an unemployed 48-year-old Idlib resident, said nerves were calmer.")
    doc.ents = [spacy.tokens.Span(doc, 0, 2, label="NORP")]  # as the tagger once had it
    persons = ActorResolver(doc).persons
    assert [p.name for p in persons] == ["Abu Mukhtar"]


def test_a_known_organisation_tagged_as_a_person_keeps_its_name(nlp):
    doc = nlp("Jets struck Hayat Tahrir al-Sham (HTS) on Monday. HTS said it had shot one down.")
    i = [t.i for t in doc if t.text == "HTS"][1]
    person = spacy.tokens.Span(doc, i, i + 1, label="PERSON")  # as the tagger once had it
    doc.ents = [e for e in doc.ents if not e.start <= i < e.end] + [person]
    resolver = ActorResolver(doc)
    assert resolver.resolve(doc[i : i + 1]).name == "Hayat Tahrir al-Sham"
    assert not any(p.name == "HTS" for p in resolver.persons)


def test_a_person_entity_ends_in_a_name():
    from spacy.tokens import Span

    from storyline.analyze import parse
    from storyline.extract.actors import _trimmed_person

    doc = next(parse(["Photographs of the boy moved Prince Mohammed’s agenda along."]))
    photographs, prince = Span(doc, 0, 2, "PERSON"), Span(doc, 5, 9, "PERSON")
    assert _trimmed_person(photographs) is None  # no name left
    assert _trimmed_person(prince).text == "Prince Mohammed’s"


def test_two_full_names_apposed_to_one_noun_are_two_people():
    from storyline.analyze import parse

    doc = next(parse(["One of the schoolfriends with whom she travelled, Zarin Malouf, had "
                      "been killed two years ago, while the other, Layla Idris, and a fourth "
                      "Bethnal Green schoolgirl who left a year earlier, Nadia Karim, had "
                      "decided to stay in Baghuz."]))  # fmt: skip
    persons = {p.name: len(p.mentions) for p in ActorResolver(doc).persons}
    assert persons == {"Zarin Malouf": 1, "Layla Idris": 1, "Nadia Karim": 1}


@pytest.mark.parametrize(
    "sentence, words, name, country",
    [
        ("Donald Trump's White House issued a statement.", "Donald Trump's White House",
         "White House", "USA"),
        ("Putin's Kremlin denied it.", "Putin's Kremlin", "Kremlin", "RUS"),
        ("Assad's departure is near.", "Assad's departure", "Bashar al-Assad", "SYR"),
    ],
)  # fmt: skip
def test_a_body_owned_by_a_leader_is_the_body(nlp, sentence, words, name, country):
    actor = phrase(nlp, sentence, words)
    assert (actor.name, actor.country) == (name, country)


def test_a_surname_tagged_a_noun_as_a_subject_is_the_person(nlp):
    """Sentence-first "Sawers" comes out a plural noun: as a bare subject it is still him,
    and the "he" after it too (not the agent inside what he claimed)."""
    doc = nlp(
        "The former MI6 chief John Sawers said action was needed. Sawers claimed the "
        "strike ordered by Trump had failed. He said the deterrent was insufficient."
    )
    resolver = ActorResolver(doc)
    for words in ("Sawers claimed", "He said"):
        start = doc.text.index(words)
        span = doc.char_span(start, start + len(words.split()[0]))
        assert resolver.resolve(span).name == "John Sawers", words


def test_he_in_what_someone_said_is_first_the_one_who_said_it(nlp):
    """An unclosed quotation runs the sentences into one stretch of words, where "he" used
    for Trump would win; the subject whose clause holds the pronoun comes first."""
    text = (
        "Donald Trump tweeted on Thursday. In a statement it said: “The team will arrive "
        "tomorrow. We are ready to act, and he will decide. Russia’s foreign minister, Sergei "
        "Lavrov, has said he hoped that there would be no repeat of Libya. “Nothing is "
        "decided,” a spokesman said."
    )
    doc = nlp(text)
    he = next(t for t in doc if t.idx == text.index("said he hoped") + 5)
    assert ActorResolver(doc).resolve(doc[he.i : he.i + 1]).name == "Sergei Lavrov"
