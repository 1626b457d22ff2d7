"""Who said what: direct quotations and reported statements, with their speakers.

Direct quotes are found in the text by their marks (“…”, "…", ‘…’, «…»); a quote left
open at the end of a paragraph continues when the next paragraph opens with a mark.
Short quoted words are scare quotes unless a speech verb reports them ("hoped “common
sense” would prevail"). The speaker of a direct quote is the subject of a speech verb in
its sentence, of a bare reporting sentence right after it (“…!” Trump tweeted.), or of
the sentence ending in a colon before it, or — for a quote with no verb of its own — the
person named right after it, the speaker of the quote it continues (a heading between
the two does not break the chain) or the last speaker when the sentence before is about
them. A quotation inside a quotation is kept when a verb in the outer words gives it a
speaker of its own (“…, she said, ‘…’”). Reported statements are the clauses of speech
verbs ("X said that …", "…, claimed the opposition") and "according to X". Speakers
resolve to actors with the article-wide resolver; "the statement added" takes the actor
of the statement named before ("the rebel statement said").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cache
from itertools import islice, takewhile

from ..knowledge import table, word_set
from ..model import Actor, Comment, Quote
from .actors import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    ActorResolver,
    entity_of,
    person_nouns,
    role_words,
    strip_det,
    token_table,
)
from .marks import NESTED_TERM_WORDS, OPENERS, inside, nested_spans, quote_spans
from .syntax import (
    TENSED,
    Sentences,
    antecedent,
    document_issuer,
    documents,
    inverted_subject,
    is_speech_verb,
    issued_by,
    noun_phrase,
    speech_lemma,
    speech_verbs,
    that_clause_verbs,
)

SUBJECTS = ("nsubj", "nsubjpass")
CLOSING_PUNCT = ",.;:?! \u2019'\"\u201d"  # what may close quoted words before the mark
# speech verbs that never take a that-clause: one the parser hangs on them belongs to a noun
# ("was speaking in the wake of the announcement by Trump that troops will leave")
CLAUSELESS = frozenset({"speak"})
DESCRIBED_REACH = 3  # sentences back "the peer said" looks for who spoke
SOON_AFTER = 6  # sentences after a quote a quote with no speaker of its own takes its speaker
BODY_LABELS = ("ORG", "GPE", "NORP")  # entity labels of bodies that speak: parties, states
PEOPLE_SECTORS = frozenset({"CVL", "REB", "OPP", "LAB", "EDU", "MED", "REF"})  # groups of people
THING_REACH = 2  # sentences back a speaking "it" looks for the body it takes up
SELF_NAMING = frozenset({"call", "name"})  # "who called himself X", "who named himself X"
REPORTING_POS = frozenset({"VERB", "AUX", "NOUN"})  # speech verbs and nouns ("claims that")
SOURCE_WORDS = {"according": "according to", "per": "per"}  # "…, according to X", "…, per X"
SHARED_SUBJECT = ("advcl", "xcomp", "conj")  # "denounced it, calling it …": the same speaker
MIN_WORDS = 4  # fewer quoted words are a term or a scare quote unless a speech verb reports them
CLOSING = "".join(OPENERS.values())  # closing quotation marks
_HEADING = re.compile(r"^[^a-z.!?\u201d\"]{2,80}$")  # "IMMEDIATE BREAKTHROUGHS IMPROBABLE"


def _quote_id(article_id: str, start: int, end: int, comment: int | None = None) -> str:
    where = "" if comment is None else f":c{comment}"
    return hashlib.sha1(f"{article_id}{where}:q:{start}:{end}".encode()).hexdigest()[:16]


class _Speakers:
    """Finds and resolves the speaker of speech verbs, remembering document speakers."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolve = resolver.resolve
        self.resolver = resolver
        self.named: dict[int, Actor] = {}  # token → speaker named there as a person
        self.quoted: list[tuple[int, int]] = []  # spans of the direct quotes
        self.groups: dict[int, Actor | None] = {}  # "they"/"them" → the group it takes up

    def subject(self, verb):
        """The speaker word of a speech verb: its subject, the subject after it, or for a
        verb without one ("…, saying it had only “started the process”") the subject of
        the clause it depends on."""
        quoted = _quoted_as(verb) or _agent(verb) or _spoken_by(verb)
        if quoted is not None:
            return quoted
        for _ in range(3):
            # of several subjects, the nearest ("The co-chair of … Carl Bildt tweeted", a
            # phrase parsed as three subjects)
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS and self._outside(c)]
            found = max(subjects, key=lambda c: (c.i < verb.i, c.i), default=None)
            if found is None:
                found = inverted_subject(verb)
            if found is not None and not self._outside(found):
                found = None
            if found is not None and found.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                found = antecedent(found)  # "Lister, who pointed out that …"
                # "fired off a tweet that told Moscow to …": who fired it off
                found = (self.issuer(found) if found is not None else None) or found
            written = _document_before(verb)
            if found is None and written is not None:  # "quotes Pompeo's note saying: …"
                return self.issuer(written) or written
            if found is None:
                found = _relative_subject(verb)  # "Comey, who Trump calls a “slime ball”"
            if found is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                issuer = self.issuer(verb.head)
                if issuer is None and _misattached_participle(verb):
                    verb = _clause_verb(verb)  # "wrote a thread on Twitter arguing": who wrote
                    continue
                # "with the minister, Florence Parly, announcing that …"
                return issuer or verb.head
            if found is None and verb.dep_ == "advcl":
                found = _with_subject(verb)  # the same, the participle hung on the clause
            if found is not None and found.dep_ in SUBJECTS:
                found = self.issuer(found) or found  # "a statement from Unicef said"
            if found is None:
                found = self._name_before(verb) or _participle_subject(verb)
            if found is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head  # "Adam says, before admitting: …": who says admits
                continue
            if found is not None or not (verb.dep_ in SHARED_SUBJECT or _set_off(verb)):
                return found
            told = _made_to(verb)
            if told is not None:  # "The row forced Jeremy Hunt to admit: …": Hunt
                return told
            head = self._narrated_head(verb)
            clause = head  # "said Clinton will have to choose …, saying": the clause said
            while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
                clause = clause.head
            said = clause.head
            joined = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
            if joined and clause.dep_ == "ccomp" and is_speech_verb(said) and not _own_say(verb):
                # "He said attacks had inspired him and added: …": he added; "said the
                # fight would continue, noting …": he notes, not the fight
                head = said
            verb = head
        return None

    def narrated_speech(self, verb) -> bool:
        """A speech verb of the narration, in the active: one whose subject may speak."""
        return is_speech_verb(verb) and self._outside_quote(verb.i) and not _passive(verb)

    def issuer(self, noun):
        """Who issued a document that speaks ("Olsen put out a statement saying")."""
        if noun.lemma_.lower() not in documents():
            return None
        return document_issuer(noun, self._outside)

    def _name_before(self, verb):
        """A person's name before a verb the parser gave no subject is its subject, right
        before it ("In May Smith declared", where "May Smith" was read as one phrase) or
        before an appositive with no verb of its own ("Responding on Twitter, Shiraz Maher,
        director at King's College London, said"); or a state or body named right before it
        ("a situation Turkey said constituted a threat")."""
        doc, first, last = verb.doc, verb.sent.start, None
        before = doc[verb.i - 1] if verb.i > first else None
        described = self._described_before(verb)
        if described is not None:  # "…, Barrett, who was formerly head of …, said"
            return described
        body = before is not None and before.pos_ == "PROPN" and before.ent_type_ in BODIES
        if body and verb.tag_ != "VB":  # not "inside the White House confirm", misparsed
            return None if _merely_placed(before, verb) else before
        for i in range(verb.i - 1, first - 1, -1):
            word = doc[i]
            person = word.ent_type_ == "PERSON" or self.resolver.person_at(i, i + 1)
            named = word.pos_ == "PROPN" or (word.pos_ == "ADV" and word.is_title)  # "Shibly"
            # a name modifying a noun is part of an appositive ("a top Clinton adviser")
            modifier = word.dep_ == "compound" and word.head.i > word.i
            if named and person and not (modifier and word.head.ent_type_ != "PERSON"):
                last = i if last is None else last  # the name's last word
                if word.ent_iob_ != "I":
                    break  # its first word
            elif last is not None:
                break  # the name has ended
            elif word.pos_ in ("VERB", "AUX") or word.is_quote or not self._outside_quote(i):
                return None  # another clause, or a quotation: not an appositive
            elif word.dep_ == "cc" and word.head.pos_ in ("VERB", "AUX"):
                return None  # clauses joined ("… attacks from Trump, but admitted")
        if last is None:
            return None
        # an appositive only before a finite verb ("…, adding that" shares its subject with
        # the verb it hangs on)
        apposed = doc[last + 1].text == "," and verb.tag_ in TENSED
        if not (last == verb.i - 1 or apposed):
            return None
        name, prep = doc[last], doc[last].head
        if name.dep_ == "pobj" and prep.head.dep_ == "appos" and prep.head.head.pos_ == "PROPN":
            return prep.head.head  # "Hassan Idris, father of Layla Idris, said": the father
        return None if _merely_placed(name, verb) else name

    def _described_before(self, verb):
        """A person whose relative clause ends right before a finite verb the parser gave
        no subject: "Barrett, who is now director of …, said", "a White House official who
        spoke anonymously to discuss internal strategy said"."""
        comma = verb.doc[verb.i - 1].text == ","
        if verb.i - 1 - comma < verb.sent.start or verb.tag_ not in TENSED:
            return None
        last = verb.doc[verb.i - 1 - comma]
        clause = next((a for a in (last, *last.ancestors) if a.dep_ == "relcl"), None)
        name = clause.head if clause is not None else None
        if name is None or name.i >= verb.i or clause.right_edge.i not in (last.i, last.i + 1):
            return None
        if name.pos_ == "NOUN":  # a role: "a White House official who spoke …"
            return name if name.lemma_.lower() in person_nouns() else None
        person = name.ent_type_ == "PERSON" or self.resolver.person_at(name.i, name.i + 1)
        return name if name.pos_ == "PROPN" and person else None

    def _narrated_head(self, verb):
        """The head a verb shares its subject with, passing over words inside a quotation
        the parser hung it on ("claiming “I never met him” and asking: …")."""
        head = verb.head
        while not self._outside(head) and head.head.i != head.i:
            head = head.head
        return head

    def actor(self, word) -> Actor:
        """The actor a speaker word names; a bare document takes the last one's author."""
        named = [t for t in word.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
        named += [
            t
            for clause in word.children
            if clause.dep_ == "relcl" and clause.lemma_.lower() in SELF_NAMING
            for t in clause.children
            if t.dep_ in ("oprd", "dobj", "attr") and t.ent_type_ == "PERSON"
        ]  # "the 26-year-old, who called himself Abu Saad"
        if word.pos_ in ("NOUN", "PRON", "NUM", "ADJ") and named:
            word = named[0]  # "one of those featured in the film, Madiha Alghothani, told"
        elif word.pos_ == "NOUN":
            word = _name_before_title(word) or _name_after_post(word) or word
        actor = self.resolve(self._phrase(word))
        lemma = word.lower_ if word.pos_ == "PRON" else word.lemma_.lower()
        if lemma in PERSON_PRONOUNS:
            if actor.name is None:  # no named person in reach: an unnamed one ("a woman")
                described = self.resolver.person_noun_before(word)
                if described is not None:  # "an east London schoolgirl … she said": the
                    later = self.resolver.named_after_lede(described)  # one named next
                    if later is not None:
                        found = Actor(later.name, later.name, later.country, later.sector)
                    else:
                        found = self.resolve(noun_phrase(described))
                    return actor.standing_for(found)
                # … or else the last person who spoke
                known = self._last_named(word) or self._person(word)
                if known is not None:
                    return actor.standing_for(known)
            return actor
        if lemma == "it" and word.pos_ == "PRON" and self._opens_sentence(word):
            known = self._thing_before(word)  # "The campaign has … It said on Twitter:"
            if known is not None:
                return actor.standing_for(known)
        pronoun = lemma in GROUP_PRONOUNS or (lemma == "it" and word.pos_ == "PRON")
        if pronoun and actor.name is None and actor.country is None:
            group = self._group(word, PLURAL if lemma in GROUP_PRONOUNS else SINGULAR)
            if group is None and lemma in GROUP_PRONOUNS:
                group = self._body_that_spoke(word)  # British "they" for an organisation
            if group is not None:
                return actor.standing_for(group)
            return actor
        if word.ent_type_ == "PERSON" or self.resolver.person_at(word.i, word.i + 1):
            self.named[word.i] = actor
        elif word.pos_ == "NOUN" or word.ent_type_ == "NORP":
            later = self.resolver.named_after_lede(word)  # "An American woman … says"
            if later is not None:  # what the phrase says fills in ("a Pentagon spokesman")
                country, sector = later.country or actor.country, later.sector or actor.sector
                return actor.standing_for(Actor(later.name, later.name, country, sector))
            # a role word names no one: "the monitor" ("monitor") is still the one named
            unnamed = actor.name is None or actor.name.islower()
            named = self._organisation_before(word) if unnamed else None
            if named is not None:  # "… International Volunteers Report. The group said"
                return actor.standing_for(named)
            described = self._described_speaker(word, actor)
            if described is not None:  # "Carlile said … The Liberal Democrat peer added:"
                return actor.standing_for(described)
        if lemma in documents() and not (actor.country or actor.sector or actor.name):
            known = self._document_named_before(word)  # "the statement continued"
            if known is not None:
                return actor.standing_for(known)
        return actor

    def _document_named_before(self, word) -> Actor | None:
        """For a bare "the statement": the author of the last statement named before it
        with one ("the White House issued a statement"; "the rebel statement")."""
        lemma, doc = word.lemma_.lower(), word.doc
        for i in range(word.i - 1, -1, -1):
            named = doc[i]
            if named.lemma_.lower() != lemma or not self._outside(named):
                continue
            issuer = document_issuer(named, self._outside)
            author = self.actor(issuer) if issuer is not None else self.resolve(self._phrase(named))
            if author.country or author.sector or author.name:
                return author
        return None

    def _thing_before(self, pronoun, depth: int = 0) -> Actor | None:
        """For a speaking "it": the body or document the sentence before is about, its
        subject (an "it" there taken up in turn); none when that sentence is about a
        person or several. A sentence with no noun for subject is passed over."""
        sents = Sentences.of(pronoun.doc)
        here = sents.index(pronoun.i)
        before = (sents.spans[k] for k in range(here - 1, -1, -1))
        narrated = (s for s in before if self._outside(s.root))
        for sent in islice(narrated, THING_REACH):  # quoted words are passed over
            root = sent.root
            subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
            if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            if subject.lower_ == "it":
                return self._thing_before(subject, depth + 1) if depth < THING_REACH else None
            if self.resolver.person_at(subject.i, subject.i + 1) or subject.ent_type_ == "PERSON":
                # "In another tweet, Trump appeared to … “…” it said": the tweet, his
                return self.actor(subject) if _written_in(root) else None
            if subject.tag_ not in SINGULAR:
                return None
            lemma = subject.lemma_.lower()
            bodylike = subject.ent_type_ in ("ORG", "GPE", "NORP") or lemma in word_set(
                "organisation_nouns.txt"
            )
            issuer = self.issuer(subject)
            actor = self.actor(issuer if issuer is not None else subject)
            # a body, a document or a phrase naming a sector ("Russia's embassy"); the
            # pronoun shows the words of one without a name
            if not (bodylike or actor.sector or issuer is not None):
                return None
            return actor if actor.name else replace(actor, name=strip_det(actor.text))
        return None

    def _body_that_spoke(self, pronoun) -> Actor | None:
        """For "they" with no plural before it: the organisation that spoke in the sentence
        before ("…, the group Friends of Kurdistan Manchester said … “…,” they said")."""
        sents = Sentences.of(pronoun.doc)
        k = sents.index(pronoun.i)
        for verb in sents.spans[k - 1] if k else ():
            if not self.narrated_speech(verb):
                continue
            word = self.subject(verb)
            if word is not None and (word.ent_type_ == "ORG" or _named_body(word)):
                actor = self.actor(word)
                return actor if actor.name else None
        return None

    def _opens_sentence(self, subject) -> bool:
        """A subject of its sentence's main verb with no other subject before it outside
        quotations: "It said on Twitter", not "As the army did so, it suggested" or
        "groups it says are"."""
        verb = subject.head
        if subject.dep_ not in SUBJECTS or verb.dep_ != "ROOT":
            return False
        before = verb.doc[verb.sent.start : subject.i]
        return not any(t.dep_ in SUBJECTS and self._outside(t) for t in before)

    def _phrase(self, word):
        """The speaker's noun phrase, stopping where a quotation begins (the parser may hang
        quoted words on "He" in "He said: “Second to those …”")."""
        phrase, doc = noun_phrase(word), word.doc
        left, right = word.i, word.i
        while left > phrase.start and not doc[left - 1].is_quote and self._outside_quote(left - 1):
            left -= 1
        while (
            right + 1 < phrase.end
            and not doc[right + 1].is_quote
            and self._outside_quote(right + 1)
        ):
            right += 1
        return doc[left : right + 1]

    def _outside_quote(self, i: int) -> bool:
        """Whether token i lies outside every direct quote found so far."""
        return not inside(self.resolver.doc[i].idx, self.quoted)

    def other_than(self, word, actor: Actor) -> Actor:
        """For a pronoun that cannot be `actor`: the person it takes up besides, if any."""
        if word.lower_ not in PERSON_PRONOUNS:
            return actor
        p = self.resolver.person_other_than(word, actor.name)
        if p is None:
            return Actor(actor.text, None, None, None, actor.start, actor.end)
        return actor.standing_for(Actor(p.name, p.name, p.country, p.sector))

    def _described_speaker(self, noun, actor: Actor) -> Actor | None:
        """For "the peer added", "the former MP said" that name no one the article titled
        so: the person who spoke last, a sentence or two before, of the noun's gender."""
        lemma = noun.lemma_.lower()
        gender = person_nouns().get(lemma)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if not definite or (gender is None and lemma not in word_set("person_titles.txt")):
            return None
        if any(p.name == actor.name for p in self.resolver.persons):
            return None  # the titled person the resolver found
        # the person named last as a subject (reported speech is read after quotes, so
        # its speakers are not yet known here)
        sents = Sentences.of(noun.doc)
        here = sents.index(noun.i)
        best = self.resolver.person_before(
            noun.i,
            gender=gender,
            mention=lambda s, e: (
                here - sents.index(s) <= DESCRIBED_REACH
                and noun.doc[s:e].root.dep_ in SUBJECTS
                and self._outside(noun.doc[s])
            ),
        )
        return Actor(best.name, best.name, best.country, best.sector) if best else None

    def _last_named(self, pronoun) -> Actor | None:
        """The last speaker named as a person before a pronoun, of its gender when known:
        direct quotes are read before reported ones, so the one read last may stand further
        on in the text."""
        for k in sorted((k for k in self.named if k < pronoun.i), reverse=True):
            person = self.resolver.person_at(k, k + 1)
            if person is None or person.may_be(pronoun):
                return self.named[k]
        return None

    def _outside(self, word) -> bool:
        """A subject inside the quoted words, or a quote mark the parser took for one, is
        not the speaker."""
        return not word.is_punct and not inside(word.idx, self.quoted)

    def _group(self, word, tags: tuple[str, ...]) -> Actor | None:
        """For "they" (or "it"): the nearest plural (singular) actor before it, in its
        sentence or the one before ("In a statement by nearly 40 rebel groups, …, they
        said"; "the Kurdish-led SDF …, it said"); not a place something happens in."""
        sents = Sentences.of(word.doc)
        first = sents.spans[max(sents.index(word.i) - 1, 0)].start
        best, best_depth = None, None
        for i in range(word.i - 1, first - 1, -1):  # nearest first; then the least embedded
            tok = word.doc[i]
            joint = tags == PLURAL and _joint_persons(tok)  # "Sanders and Feinstein … they"
            # "I met a group of women … I asked them … They said": the group taken up before
            chain = tags == PLURAL and tok.lower_ in ("they", "them") and self._outside(tok)
            if (tok.tag_ not in tags and not joint and not chain) or (
                tok.dep_ == "compound" or _where(tok)
            ):
                continue
            if chain:
                if tok.i not in self.groups:
                    self.groups[tok.i] = self._group(tok, tags)
                actor = self.groups[tok.i]
                if actor is None:
                    continue
            else:
                actor = self._together(tok, joint) if joint else self.resolve(noun_phrase(tok))
            # not "…, including military factions"; persons named together are actors
            # whatever the knowledge files say of them, and the subject before an object
            # … and a "they" that already took up a group before all (a chain goes on)
            depth = (
                not chain and (not joint or tok.dep_ not in SUBJECTS),
                sum(1 for _ in tok.ancestors),
            )
            if (actor.country or actor.sector or joint) and (
                best_depth is None or depth < best_depth
            ):
                best, best_depth = actor, depth
        return best

    def _together(self, first, last) -> Actor:
        """Persons named together, as one speaker: "Bernie Sanders and Dianne Feinstein"."""
        members = [self.resolve(noun_phrase(t)) for t in (first, *first.conjuncts)]
        span = first.doc[first.left_edge.i : last.i + 1]
        shared = {(m.country, m.sector) for m in members}
        country, sector = shared.pop() if len(shared) == 1 else (None, None)
        names = " and ".join(m.name or m.text for m in members)
        return Actor(span.text, names, country, sector, span.start_char, span.end_char)

    def _organisation_before(self, word) -> Actor | None:
        """For "the group" or "the organisation": the organisation named last before it, in
        its sentence or the three before (a quote of two sentences between), outside
        quotations."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in word.children)
        if not definite or word.lemma_.lower() not in word_set("organisation_nouns.txt"):
            return None
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in word.children):
            return None  # "the Free John Cantlie campaign" names itself
        sents = Sentences.of(word.doc)
        first = sents.spans[max(sents.index(word.i) - 3, 0)].start
        found = [
            (e.start, e)
            for e in word.doc.ents
            if first <= e.start and e.end <= word.i and e.label_ == "ORG"
        ]
        if word.lemma_.lower() == "group":  # "about 100 protesters … The group, who …"
            found += [(t.i, noun_phrase(t)) for t in word.doc[first : word.i] if _people(t)]
        for start, phrase in sorted(found, key=lambda f: f[0], reverse=True):
            if self._outside_quote(start):
                return self.resolve(phrase)
        return None

    def _person(self, pronoun) -> Actor | None:
        p = self.resolver.person_before(pronoun.i, pronoun=pronoun)
        return Actor(p.name, p.name, p.country, p.sector) if p is not None else None


PLURAL = ("NNS", "NNPS")
SINGULAR = ("NN", "NNP")


def _written_in(verb) -> bool:
    """Whether a verb says where it was written: "In a tweet, Trump said"."""
    return any(
        g.lemma_.lower() in documents()
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("in", "on")
        for g in p.children
        if g.dep_ == "pobj"
    )


def _named_body(word) -> bool:
    """A body named in apposition to its kind: "the group Friends of Kurdistan"."""
    return word.lemma_.lower() in word_set("organisation_nouns.txt") and any(
        c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in word.children
    )


def _people(token) -> bool:
    """A plural subject naming people by their part ("about 100 protesters demonstrated")."""
    return (
        token.tag_ == "NNS"
        and token.dep_ in SUBJECTS
        and token.lower_ in role_words()
        and role_words()[token.lower_][0] in PEOPLE_SECTORS
    )


def _joint_persons(name):
    """The last of persons named together with this one ("Senators Bernie Sanders and
    Dianne Feinstein"), or None."""
    if name.ent_type_ != "PERSON" or name.dep_ == "conj":
        return None
    last = None
    for other in name.conjuncts:
        if other.i > name.i and other.ent_type_ == "PERSON":
            last = other if last is None or other.i > last.i else last
    return last


def _name_before_title(word):
    """The name a title subject stands in apposition to, where the parser hung the name on
    the verb ("Bashar Ja'afari, Syria's ambassador to the UN, said")."""
    left = word.left_edge.i
    if left < 2 or word.doc[left - 1].text != ",":
        return None
    name = word.doc[left - 2]
    hung = name.head.i in (word.i, word.head.i)  # on the title, or a second subject
    return name if name.ent_type_ == "PERSON" and hung else None


def _name_after_post(word):
    """The name closing a title's phrase after the place of the post, which the parser
    reads as one name ("the former UK ambassador to Lebanon Tom Fletcher spoke")."""
    for tok in word.subtree:
        posted = any(c.dep_ == "compound" and c.ent_type_ in PLACE_ENTS for c in tok.children)
        if tok.ent_type_ == "PERSON" and tok.dep_ == "pobj" and posted:
            return tok
    return None


PLACE_ENTS = ("GPE", "LOC", "ORG", "NORP")


def _where(token) -> bool:
    """A place named as where something is or happens ("fighting in Syria")."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "into", "from", "across")


def _quotes_in_phrase(verb, start: int, end: int) -> bool:
    """A verb like "call" or "praise" whose own phrase holds the quote ("calling it “…”",
    "dismissed the talks as “a farce”"); a short name in quotes ("what others call “the
    Daeshis”") is not a quotation."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in word_set("quoting_verbs.txt"):
        return False
    if _names_term(verb, start, end):
        return False
    right = verb.right_edge
    return verb.idx < start and end <= right.idx + len(right) + 2


def _names_term(verb, start: int, end: int) -> bool:
    """Whether a naming verb gives a short quoted name ("what others call “the Daeshis”",
    "was called a “quack”"): a term, not a quotation."""
    demand = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)  # "call for"
    phrasal = any(c.dep_ == "prt" for c in verb.children)  # "called out the “…”": denounced
    if verb.lemma_.lower() not in word_set("naming_verbs.txt") or demand or phrasal:
        return False
    text = Sentences.of(verb.doc).text
    return len(text[start:end].split()) < MIN_WORDS and not _judged(text, start)


def _judged(text: str, start: int) -> bool:
    """Whether short quoted words are a verdict, not a name: "branded the polling a “sham”",
    "calls it a “major blunder”" (a name goes without "a": "what others call “the Daeshis”")."""
    return re.search(r"\b(a|an)\s+\W?$", text[max(0, start - 6) : start], re.IGNORECASE) is not None


# prepositions whose object may be the subject of a participle after it: "with the
# minister announcing …", "despite Syria's Kurds saying …", "footage of Clinton asking …"
GERUND_PREPS = frozenset(("with", "despite", "after", "before", "without", "upon", "of"))


def _merely_placed(name, verb) -> bool:
    """Whether a name right before a participle is only the object of a preposition, not
    who speaks ("instructions from Donald Trump, adding that …", "a thread on Twitter
    arguing …"): the clause's subject does."""
    return verb.tag_ == "VBG" and name.dep_ == "pobj" and name.head.lower_ not in GERUND_PREPS


def _document_before(verb):
    """A document named right before a participle, whatever the parser hung it on: "It
    quotes Pompeo's note saying: …" (the note says it)."""
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is None or before.pos_ != "NOUN" or verb.tag_ != "VBG":
        return None
    return before if before.lemma_.lower() in documents() else None


def _misattached_participle(verb) -> bool:
    """A speech participle the parser hung on the object of a preposition ("wrote a thread
    on Twitter arguing …"): the subject of the clause above speaks."""
    return _merely_placed(verb.head, verb) and _clause_verb(verb) is not None


def _clause_verb(word):
    """The nearest verb above a word: the clause it belongs to."""
    return next((a for a in word.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _with_subject(verb):
    """The subject of "…, with X, the minister, saying: …" where the parser hung "saying" on
    the clause: the object of a "with" set off by a comma that ends right before it (not
    "clashed with Trump, pointing out …", where the subject points out)."""
    for prep in verb.head.children:
        set_off = prep.i == prep.sent.start or verb.doc[prep.i - 1].is_punct
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < verb.i and set_off:
            gap = verb.doc[prep.right_edge.i + 1 : verb.i]
            if all(t.is_punct for t in gap):
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _quoted_as(verb):
    """Whom "quoted X as saying" quotes: X, not who quoted them."""
    prep = verb.head
    quoting = prep.head.lemma_.lower() in ("quote", "cite")
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or not quoting:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def _agent(verb):
    """Who speaks in the passive: "they were told by police officers that …" (the
    subject is who was told; "asked by officials to find …" asks, and says nothing)."""
    said = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if not said or verb.doc[said[0].left_edge.i - 1].is_punct:  # "…: “There are …”"
        return None
    by = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return by[0] if by else None


def _spoken_by(verb, start: int | None = None, end: int | None = None):
    """Who speaks a passive verb's words ("has been described by Ankara as a “last
    chance”"): its agent, when the verb's phrase holds the quote or, with no quote
    given, when it names something as something (not "asked by officials to find")."""
    if not _passive(verb):
        return None
    by = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    naming = [c for c in verb.children if c.dep_ == "oprd" or (c.dep_, c.lower_) == ("prep", "as")]
    if start is not None and end is not None:  # the quote is what it was called
        naming = [c for c in naming if c.left_edge.idx <= start and end <= _end_of(c.right_edge)]
        if _names_term(verb, start, end):
            return None
    return by[0] if by and naming else None


def _end_of(token) -> int:
    """The character offset just past a token."""
    return token.idx + len(token)


def _set_off(verb) -> bool:
    """A participle set off by a comma that the parser took for a clause of the verb
    before ("Trump countermanded that, saying …": he says)."""
    return verb.dep_ == "ccomp" and verb.tag_ == "VBG" and verb.doc[verb.i - 1].text == ","


def _relative_subject(verb):
    """The subject of a relative clause the parser broke up, taking its verb, tense and
    all, for a participle of the noun ("the director who Trump calls a …": Trump)."""
    if verb.dep_ != "acl" or verb.tag_ not in TENSED or verb.i < 2:
        return None
    name = verb.doc[verb.i - 1]
    relative = verb.doc[verb.i - 2].tag_ in ("WP", "WDT") or name.dep_ == "relcl"
    return name if relative and name.pos_ == "PROPN" else None


def _participle_subject(verb):
    """The subject the parser gave a participle set before the verb instead of the verb
    ("Durbin, noting the size of …, said, “…”": Durbin says), or None."""
    before = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    if verb.dep_ == "parataxis":
        before.append(verb.head)
    subjects = (c for p in before if p.i < verb.i for c in p.children if c.dep_ == "nsubj")
    return next(subjects, None)


def _imperative(verb) -> bool:
    """A bare verb opening its sentence tells the reader to do something ("Read more in our
    business blog"): no one is quoted."""
    return verb.tag_ == "VB" and verb.i == verb.sent.start


def _passive(verb) -> bool:
    """A verb in the passive: its subject is spoken to or of, not the speaker ("anyone
    affiliated … had been denied entry", "an exiled cleric accused of …")."""
    reduced = verb.tag_ == "VBN" and verb.dep_ == "acl"
    return reduced or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _verb_for(sents: Sentences, start: int, end: int, spans: list[tuple[int, int]]):
    """The speech verb outside the quotes in the sentences a quote begins and ends in: the
    innermost one whose clause holds the quote ("insisted the ceasefire did not apply to
    areas “held by the terrorists”, Tasnim reported": insisted), else the nearest; else
    the verb of the sentence ending in a colon before it."""
    found = {sents.at_char(start), sents.at_char(max(start, end - 1))} - {None}
    candidates = [
        t
        for k in sorted(found)
        for t in sents.spans[k]
        if (is_speech_verb(t) or _quotes_in_phrase(t, start, end))
        and t.dep_ != "amod"  # "in a written statement"
        and not inside(t.idx, spans)
        and (not _passive(t) or _spoken_by(t, start, end) is not None)
        and not _imperative(t)
    ]
    given = _attributed_in(sents, start)  # not "who speaks like a poet" in "According to
    if given is not None:  # Cherin, a mother from Aleppo who speaks like a poet: “…”"
        candidates = [t for t in candidates if not given.left_edge.i <= t.i <= given.right_edge.i]
    # a verb after the quote holds it but for the comma closing it ("“…,” Lavrov told
    # reporters, Reuters reports": told)
    said_end = start + len(sents.text[start:end].rstrip(CLOSING_PUNCT))
    holding = [t for t in candidates if _reports(t, start, said_end if t.idx >= end else end)]
    holding = [t for t in holding if not _relay(t)] or holding  # "…, PA reports."
    if holding:
        return min(holding, key=lambda t: t.right_edge.i - t.left_edge.i)
    if _ends_sentence(sents.text[start:end]):  # “… on the beach …” The UNHCR said that …
        candidates = [t for t in candidates if t.idx < end or not _has_clause(t)]
    if candidates:
        return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    after = _reporting_after(sents, end)
    if after is not None:
        return after
    before = sents.text[: start - 1].rstrip()
    if before.endswith(":") and found:
        k = sents.at_char(len(before) - 1)
        if k is not None:
            colon = len(before) - 1
            if _attributed_in(sents, colon) is not None:
                return None  # "According to Cherin, a mother … who speaks like a poet: “…”"
            verbs = [t for t in sents.spans[k] if is_speech_verb(t) and t.idx < colon]
            if verbs:
                return verbs[-1]
            # else the sentence's own verb: "Begum continued:", "Khalil, a defected army
            # officer, articulates a common sentiment:"; or the last verb with a subject
            # before the colon when the parser rooted the sentence in the quote ("He went
            # on: “It seems …”")
            said = [
                t
                for t in sents.spans[k]
                if t.pos_ == "VERB"
                and t.idx < colon
                and any(c.dep_ in SUBJECTS for c in t.children)
            ]
            root = sents.spans[k].root
            if said:
                return root if root in said else said[-1]
    return None


def _ends_sentence(quoted: str) -> bool:
    """Whether quoted words end with a sentence's final mark ("… the beach …”")."""
    return quoted.rstrip(CLOSING + " ").endswith((".", "!", "?", "…"))


def _relay(verb) -> bool:
    """A news agency closing the sentence as the one who passes it on ("The OPCW noted
    that …, PA reports."): whoever speaks inside comes first."""
    subject = verb.doc[verb.i - 1] if verb.i > verb.sent.start + 1 else None
    set_off = subject is not None and verb.doc[subject.i - 1].text == ","
    last = all(t.is_punct for t in verb.doc[verb.i + 1 : verb.sent.end])
    agency = subject is not None and subject.dep_ == "nsubj" and subject.pos_ == "PROPN"
    agency = agency and subject.ent_type_ != "PERSON"
    return set_off and last and agency


REPORTING_WORDS = 6  # at most this many words in a sentence that only reports a quote


def _past_marks(text: str, end: int) -> int:
    """Where the words after a quote begin: past its closing marks and spaces."""
    while end < len(text) and text[end] in CLOSING + " ":
        end += 1
    return end


def _reporting_after(sents: Sentences, end: int):
    """The speech verb of a bare reporting sentence right after a quote that ended its own
    sentence (“… necessary!..” Trump tweeted.)."""
    after = _past_marks(sents.text, end)
    k = sents.at_char(after)
    if k is None or sents.spans[k].start_char != after:
        return None
    sent = sents.spans[k]
    said = [t for t in sent if is_speech_verb(t) and not _has_clause(t) and not _imperative(t)]
    # a sentence opening in lower case goes on from the quote, however long
    # (“… at all!” the president said in his latest early morning tweet.); so does one
    # opening on the speaker and a verb with nothing to report of its own ("“…?” Lichtman
    # said about McCain's effort to …")
    short = sum(not t.is_punct for t in sent) <= REPORTING_WORDS
    if not (short or sents.texts[k][:1].islower() or (said and _opens_on_speaker(said[0]))):
        return None
    return said[0] if said else None


PLAIN_SAYING = ("say", "tell", "ask", "add")  # verbs that attribute, not begin a turn


def _opens_on_speaker(verb) -> bool:
    """Whether a sentence opens on the verb's subject, the verb right after it ("Trump
    asked reporters …", "Miller, a retired worker, said pleasantly into the phone")."""
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECTS), None)
    if subject is None or subject.left_edge.i != verb.sent.start:
        return False
    if verb.lemma_ not in PLAIN_SAYING or subject.lower_ in ("i", "we"):
        return False  # "Her spokeswoman responded by …", "I interjected": the next turn
    between = verb.doc[subject.right_edge.i + 1 : verb.i]  # past "Miller, a retired worker,"
    return all(t.is_punct or t.dep_ in ("aux", "advmod", "neg") for t in between)


def _has_clause(verb) -> bool:
    """Whether a verb reports words of its own (a clause or quoted object; not the one
    told: "“…?’” Renteria told reporters")."""
    told = speech_verbs().get(verb.lemma_.lower(), False)
    return any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not told) for c in verb.children
    )


_SIGNATURE = re.compile(  # after the quote, or opening the next line ("\n- Bernie Sanders.")
    r"[\u201d\"\u2019\u00bb]?(?:[ \t\u00a0]*[\u2015\u2014\u2013]|[ \t]*\n\s*[\u2015\u2014\u2013-])"
    r"[ \t\u00a0]*"
    r"([A-Z][\w.'\u2019-]*(?:[ \u00a0][A-Z][\w.'\u2019-]*){0,4})"
)


def _signed(sents: Sentences, end: int):
    """The name signed after a quote with a dash (“…” ― Jacklyn Ashley), as a Span."""
    m = _SIGNATURE.match(sents.text, end)
    if m is None:
        return None
    name_end = m.end(1)
    if sents.text[name_end - 1] == "." and len(m.group(1).split()[-1]) > 2:
        name_end -= 1  # the sentence's full stop, not an initial ("Oscar P.")
    return sents.doc.char_span(m.start(1), name_end, alignment_mode="expand")


TITLE_WORDS = 4  # at most this many words of a title before a name


def _named_after(sents: Sentences, end: int):
    """A person named right after a quote ending in a comma, where the verb was left out
    (“…,” Sinan Ülgen, a former diplomat. “…,” Attorney General Karl Racine in a
    statement.), as a Span."""
    if sents.text[end - 1 : end] != ",":
        return None
    after = _past_marks(sents.text, end)
    first = sents.doc.char_span(after, after + 1, alignment_mode="expand")
    if first is None:
        return None
    # past a title in capitals ("…,” Attorney General Karl Racine in a statement)
    titled = takewhile(lambda t: t.is_title, sents.doc[first[0].i : first[0].i + TITLE_WORDS])
    name = next((t for t in titled if t.ent_type_ == "PERSON"), None)
    if name is None or name.ent_iob_ != "B":
        return None
    return entity_of(sents.doc, name.i)


FRAME_OPENERS = ("he", "she", "they", "i", "we")  # pronouns that open a reporting clause


def _frame_after(sents: Sentences, start: int, end: int, speakers: _Speakers):
    """The verb and speaker word of the clause right after a quote cut off by a comma,
    question or exclamation mark inside its closing mark; in that frame any verb reports
    (“…?” Hannity pressed. “…,” an angry Hollande retaliated. “…,” remembered Roy
    Verley); None unless a person or body speaks it."""
    if not sents.text[start:end].rstrip(CLOSING + " ").endswith((",", "?", "!")):
        return None
    after = _past_marks(sents.text, end)
    first = sents.doc.char_span(after, after + 1, alignment_mode="expand")
    if first is None or first[0].is_punct:
        return None
    doc, i, sent = sents.doc, first[0].i, first[0].sent
    stop = _next_quotation(doc, i, sent.end)
    if (
        i == sent.start
        and first[0].is_title
        and (sum(not t.is_punct for t in doc[i:stop]) > REPORTING_WORDS)
    ):
        return None  # “…?” Aid came at first from …: a new sentence, not a reporting clause
    verb = next((t for t in doc[i:stop] if t.pos_ == "VERB" and t.tag_ in TENSED), None)
    if verb is None:
        return None
    if verb.i == i:  # inverted: "remembered Roy Verley", "exhorted her introducer, …"
        word = next((c for c in verb.rights if c.dep_ in ("nsubj", "dobj")), None)
    else:
        word = next((c for c in verb.lefts if c.dep_ in SUBJECTS and c.i >= i), None)
        if word is None and doc[verb.i - 1].pos_ == "PROPN" and doc[verb.i - 1].head == verb:
            word = doc[verb.i - 1]  # "Conway notes" read as one noun
        if word is None:
            word = _name_set_off(doc, i, verb)
        if word is not None and word.left_edge.i != i:
            return None
    if word is None or not speakers._outside(word):
        return None
    if word.pos_ == "PRON":
        return (verb, word) if word.lower_ in FRAME_OPENERS else None
    actor = speakers.actor(word)
    named = word.ent_type_ == "PERSON" or word.pos_ == "PROPN" or word.is_title  # "Hannity"
    return (verb, word) if actor.name or actor.sector or named else None


def _next_quotation(doc, i: int, end: int) -> int:
    """The first quote mark from token i on that opens more than a quoted term ("Texas
    delegate Bill Eastland, wearing “Ted Cruz” pins, said"), or end."""
    marks = [t.i for t in doc[i:end] if t.is_quote]
    for k in range(0, len(marks), 2):
        if k + 1 == len(marks) or marks[k + 1] - marks[k] > NESTED_TERM_WORDS + 1:
            return marks[k]
    return end


def _name_set_off(doc, i: int, verb):
    """The name opening a reporting clause and set off by commas from its verb, which the
    parser left without a subject (“…,” Texas delegate Bill Eastland, wearing a cowboy
    hat, said), or None."""
    comma = next((t.i for t in doc[i : verb.i] if t.text == ","), None)
    if comma is None or comma == i or doc[verb.i - 1].text != "," or verb.i - 1 == comma:
        return None
    phrase = doc[i:comma]
    nominal = all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET") for t in phrase)
    return phrase[-1] if nominal and phrase[-1].pos_ == "PROPN" else None


_WORDS_OF = re.compile(
    r"[\u201d\"\u2019]?\s*(?:(?:These|Those|That|This|Such)\s+(?:are|were|is|was)\s+"
    r"(?:the\s+)?|The\s+)(?:words|verdict|view|warning|message)\s+of\s+"
    r"|[\u201d\"\u2019]?\s*(?:That|This|The)\s+(?:quote|remark|comment|line)\s+(?:from|by)\s+"
)


def _words_of(sents: Sentences, end: int):
    """Who a quote is given to right after it: “…” Those are the words of Alexander
    Norton, …", “…” The words of Anna Campbell's father …, “…” That quote from a
    commissioner …, as the head word of that phrase."""
    m = _WORDS_OF.match(sents.text, end)
    span = sents.doc.char_span(m.end(), m.end() + 1, alignment_mode="expand") if m else None
    if span is None:
        return None
    word = span[0]
    while word.dep_ in ("compound", "poss", "case") and word.head.i > word.i:
        word = word.head  # "Alexander" → "Norton"; "Anna Campbell's father" → "father"
    return word


def _attributed_in(sents: Sentences, start: int):
    """Who the sentence of a quote with no verb gives it to: "in the words of X", "in X's
    words", "according to X" ("…, in the words of the US general Joseph Votel, were
    exemplary at “…”")."""
    k = sents.at_char(start)
    for word in sents.spans[k] if k is not None else ():
        of = word.lower_ == "words" and word.head.lower_ == "in"
        owner = next((c for c in word.children if c.dep_ == "poss"), None) if of else None
        if owner is not None:
            return owner  # "in one informant's words"
        to = word.lower_ == "according"
        prep = "of" if of else "to" if to else None
        for p in word.children if prep else ():
            if p.lower_ == prep:
                return next((c for c in p.children if c.dep_ == "pobj"), None)
    return None


def _introduced(sents: Sentences, start: int, speakers: _Speakers):
    """For a quote opening its sentence with no verb of its own: the speech verb and speaker
    of the sentence before, when that sentence reports what someone said."""
    k = sents.at_char(start)
    if not k or sents.spans[k].start_char < start - 2:
        return None, None
    # the sentence's main speech verb first: "Shibly suggests she could be used to warn
    # others." is Shibly's
    verbs = sorted(sents.spans[k - 1], key=lambda t: (sum(1 for _ in t.ancestors), -t.i))
    for verb in verbs:
        if speakers.narrated_speech(verb):
            word = speakers.subject(verb)
            if word is not None:
                return verb, word
    return None, None


def _about(sents: Sentences, start: int, speaker: Actor | None, speakers: _Speakers) -> bool:
    """Whether a quote opening its sentence follows one about the last speaker: the sentence
    before has that person as its subject (“…,” recalled Renas. Renas had heard … “…”)."""
    k = sents.at_char(start)
    if not k or speaker is None or speaker.name is None:
        return False
    if sents.spans[k].start_char < start - 2:
        return False
    root = sents.spans[k - 1].root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    return subject is not None and speakers.resolve(noun_phrase(subject)).name == speaker.name


def _said_since(sents: Sentences, previous: Quote, start: int, speakers: _Speakers):
    """The last speech verb with a speaker in the sentences between the previous quote and
    this one ("…, said Helen Fenwick, professor of law. But …, “obviously …”"), and its
    speaker word; (None, None) if none reports anything there."""
    first, here = sents.at_char(previous.end), sents.at_char(start)
    if first is None or here is None:
        return None, None
    if previous.verb_start is not None and sents.at_char(previous.verb_start) == first:
        first += 1  # not the quote's own sentence: “…,” Trump assured Jones, after Jones …
    for k in range(here - 1, first - 1, -1):
        for verb in reversed(sents.spans[k]):
            if verb.idx < previous.end or not speakers.narrated_speech(verb):
                continue
            word = speakers.subject(verb)
            if word is not None:
                return verb, word
    return None, None


def _body_after_person(word, previous: Quote, speakers: _Speakers) -> bool:
    """Whether a body spoke between a person's quote and this one: its statement is
    reported, the quote is the person's still."""
    if word.ent_type_ not in BODY_LABELS or previous.speaker is None:
        return False
    said = previous.speaker
    doc = word.doc
    span = (
        doc.char_span(said.start, said.end, alignment_mode="expand")
        if said.start is not None
        else None
    )
    return span is not None and speakers.resolver.person_at(span.start, span.end) is not None


def _own_say(verb) -> bool:
    """A speech verb set off by ", and" after another's reported clause shares that clause's
    speaker: "AFP said the ambassador denied that …, and suggested …" — the ambassador."""
    head = verb.head
    cc = [c for c in head.children if c.dep_ == "cc" and c.i < verb.i]
    comma = bool(cc) and cc[-1].i > 0 and verb.doc[cc[-1].i - 1].text == ","
    return verb.dep_ == "conj" and comma and is_speech_verb(head)


def _made_to(verb):
    """The object of a verb that makes it say what its "to" infinitive says ("forced
    Jeremy Hunt to admit"; knowledge/object_control_verbs.txt)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in word_set("object_control_verbs.txt"):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _soon_after(sents: Sentences, previous: Quote, start: int) -> bool:
    """Whether a quote comes within a few sentences of the previous one: with no speaker
    of its own, it is most often the same person's (an interviewee, a remark between)."""
    here, there = sents.at_char(start), sents.at_char(max(previous.end - 1, previous.start))
    if here is None or there is None:
        return False
    return here - there <= SOON_AFTER


def _continues(sents: Sentences, previous: Quote, start: int) -> bool:
    """Whether a quote goes on from the previous one: only its reporting sentence lies
    between (“…,” he said from his base in Qamishli. “…”), or only closing marks, blank
    lines and headings."""
    text = sents.text
    gap = text[previous.end : start]
    verb = previous.verb_start
    if verb is not None and previous.end <= verb < start:
        said, here = sents.at_char(verb), sents.at_char(start)
        if said is not None and here is not None and here - said <= 1:
            return True
        line_end = text.find("\n", verb, start)  # the reporting sentence, then headings
        gap = text[line_end:start] if line_end != -1 else gap
    lines = [ln.strip(" \t\u201d\u201c\"'\u2019\u00bb\u00ab") for ln in gap.split("\n")]
    return all(not ln or _HEADING.match(ln) for ln in lines)


def _too_short(sents: Sentences, start: int, end: int, verb) -> bool:
    """A quoted term, title or scare quote: fewer than MIN_WORDS words no verb reports."""
    said_end = start + len(sents.text[start:end].rstrip(" ,.;:!?"))  # “Yes, entirely,” he said
    words = len(sents.text[start:end].split())
    return words < MIN_WORDS and not (
        verb is not None and (_reports(verb, start, said_end) or _answered(sents, end, verb))
    )


def _answered(sents: Sentences, end: int, verb) -> bool:
    """A short reply the speech verb right after it reports: “Good,” said El Hindawi;
    “Haram?” he asked."""
    uttered = sents.text[max(0, end - 8) : end].rstrip()[-1:] in (",", "?", "!")
    return uttered and verb.idx >= end and len(sents.text[end : verb.idx].split()) <= 2


TERM_WORDS = 8  # at most this many quoted words without a verb or a speaker are a term


def _term(sents: Sentences, start: int, end: int) -> bool:
    """Quoted words no one is found to say that are no clause, or a heading between
    paragraphs: a name or slogan ("the “mother of all bombs”"), not a quotation."""
    words = sents.text[start:end].split()
    span = sents.doc.char_span(start, end, alignment_mode="expand")
    verbless = span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)
    return len(words) <= TERM_WORDS and (verbless or _crosshead(sents.text, start, end))


def _crosshead(text: str, start: int, end: int) -> bool:
    """A quoted line standing as a heading between paragraphs: after a finished sentence,
    with no stop of its own, and followed by a new sentence (‘Added room for error’ The…)."""
    before = text[: max(start - 1, 0)].rstrip()
    after = text[end + 1 :].lstrip()
    finished = not before or before[-1] in ".!?\u201d\u2019\"'"
    return finished and text[start:end].rstrip()[-1:].isalnum() and after[:1].isupper()


def _direct(sents: Sentences, article_id: str, span: tuple[int, int], speaker, said) -> Quote:
    """A direct quote of a span, its speaker and its speech verb (lemma, start, end)."""
    start, end = span
    return Quote(
        article_id, sents.text[start:end], "direct", speaker, said[0], start, end,
        sents.at_char(start) or 0, verb_start=said[1], verb_end=said[2],
        id=_quote_id(article_id, start, end),
    )  # fmt: skip


def _said(verb) -> tuple[str, int, int]:
    """A speech verb as a quote records it: lemma and character offsets."""
    return speech_lemma(verb) or verb.lemma_.lower(), verb.idx, verb.idx + len(verb)


def nested_quotes(
    sents: Sentences, article_id: str, speakers: _Speakers, direct: list[Quote]
) -> list[Quote]:
    """Quotations inside quotations with a speech verb of their own in the outer words
    (“When I asked, she said, ‘I’m going to fight.’”): that verb's subject said them, and
    a "she" there is not whoever speaks the outer quotation."""
    outer = speakers.quoted
    quotes = []
    for start, end in nested_spans(sents.text, outer):
        # the words around are the speaker's own: only the quote itself and others bar
        speakers.quoted = [(s, e) for s, e in outer if not s <= start < e] + [(start, end)]
        verb = _verb_for(sents, start, end, speakers.quoted)
        word = speakers.subject(verb) if verb is not None else None
        if word is None or _too_short(sents, start, end, verb):
            continue
        around = next((q for q in direct if q.start <= start < q.end and q.speaker), None)
        said_by = around.speaker.name if around is not None else None
        speaker = speakers.actor(word)
        if speaker.name and speaker.name == said_by:  # "she" in Renas's words is not Renas
            speaker = speakers.other_than(word, speaker)
        # "I", "you", "they" or a lost "she": no one else the article names
        pronoun = word.pos_ == "PRON"
        if pronoun and (speaker.name is None or word.lower_ not in PERSON_PRONOUNS):
            continue
        if around is not None and speaker.name == said_by:
            continue  # one quoting their own words: the quotation around says it
        quotes.append(_direct(sents, article_id, (start, end), speaker, _said(verb)))
    speakers.quoted = outer
    return quotes


def _reports(verb, start: int, end: int) -> bool:
    """Whether a speech verb's clause takes in the quoted words (a partial quote); not
    through another speech verb joined to it ("a woman asked for a photo and Clinton
    said, “…”": said)."""
    for child in verb.children:
        if child.dep_ == "conj" and is_speech_verb(child):
            continue
        if child.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj", "prep", "oprd", "acomp"):
            sub = list(child.subtree)
            if sub[0].idx <= start and end <= sub[-1].idx + len(sub[-1]):
                return True
    return False


def direct_quotes(sents: Sentences, article_id: str, speakers: _Speakers) -> list[Quote]:
    """Quotations in marks, with the speaker of each (or of the quote they continue)."""
    text = sents.text
    spans = speakers.quoted = quote_spans(text)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end in spans:
        verb = _verb_for(sents, start, end, spans)
        if _too_short(sents, start, end, verb):
            continue
        speaker, said = None, (None, None, None)  # speech verb: lemma, start, end
        owner = _noun_speaker(sents, start) if verb is not None else None
        noun = (owner.head if owner.dep_ == "poss" else owner.head.head) if owner else None
        label = _labelled(sents, start)
        named = speakers.resolve(label) if label is not None else None
        if named is not None and named.name:
            speaker, verb = named, None  # "Trump: ‘I’m the worst thing …’"
        elif noun is not None and verb in noun.ancestors:
            # "reporting Emmanuel Macron's claim that France has “proof”": his, not theirs
            speaker, said = speakers.actor(owner), _said(noun)
        elif verb is not None:
            word = speakers.subject(verb)
            if word is None:  # "“…,” Conway notes": the parser took the name for a noun's
                verb, word = _frame_after(sents, start, end, speakers) or (verb, None)
            speaker = speakers.actor(word) if word is not None else None
            said = _said(verb)
        elif (frame := _frame_after(sents, start, end, speakers)) is not None:
            verb, word = frame  # "“…?” Hannity pressed": any verb in the reporting frame
            speaker, said = speakers.actor(word), _said(verb)
        elif (signed := _signed(sents, end) or _named_after(sents, end)) is not None:
            speaker = speakers.resolve(signed)
        elif (named := _words_of(sents, end) or _attributed_in(sents, start)) is not None:
            speaker = speakers.actor(named)
        elif (owner := _noun_speaker(sents, start)) is not None:
            speaker = speakers.actor(owner)  # "Trump's announcement that troops would be “…”"
        elif previous is not None and _continues(sents, previous, start):
            speaker = previous.speaker
            said = (previous.verb, previous.verb_start, previous.verb_end)
        else:  # "Renas says she and her colleagues face a tense wait. “The thinking is …”"
            verb, word = _introduced(sents, start, speakers)
            if (
                word is not None
                and previous is not None
                and _soon_after(sents, previous, start)
                and _body_after_person(word, previous, speakers)
            ):
                speaker = previous.speaker  # Hariri “…”. The SNC … said it … “Can the UN …?”
                said = (previous.verb, previous.verb_start, previous.verb_end)
            elif word is not None:
                speaker = speakers.actor(word)
                said = _said(verb)
            elif previous is not None and _about(sents, start, previous.speaker, speakers):
                speaker = previous.speaker  # “…,” recalled Renas. But Renas had heard … “…”
                said = (previous.verb, previous.verb_start, previous.verb_end)
            elif (subject := _person_subject(sents, start, end, speakers)) is not None:
                speaker = speakers.actor(subject)  # "she felt “numbed by the sense of …”"
            elif previous is not None and _goes_on(sents, previous, start, end, speakers):
                speaker = previous.speaker  # "He maintained … “not possible”. It needed a “…”"
                said = (previous.verb, previous.verb_start, previous.verb_end)
            elif (actor := _actor_before(sents, start, end, speakers)) is not None:
                speaker = speakers.actor(actor)  # "Sharf laughed. “Our goals are …”"
        if speaker is None and _term(sents, start, end):
            continue
        if speaker is None and previous is not None and _soon_after(sents, previous, start):
            verb, word = _said_since(sents, previous, start, speakers)
            named = speakers.actor(word) if word is not None else None
            if named is not None and named.name:  # “…,” said Javid. …, said Helen Fenwick.
                speaker, said = named, _said(verb)  # But …, “obviously …”
            else:  # the interviewee still talking, a remark between
                speaker = previous.speaker
                said = (previous.verb, previous.verb_start, previous.verb_end)
        quote = _direct(sents, article_id, (start, end), speaker, said)
        quotes.append(quote)
        previous = quote
    return quotes


LABEL_WORDS = 10  # at most this many words in a line that names a speaker before a colon


_QUOTE_ENDED = re.compile(r"[.!?][\u201d\"\u2019\u00bb]\s+")


def _labelled(sents: Sentences, start: int):
    """The name heading the line a quote opens after a colon, as in headlines and live
    blogs ("Trump: ‘I’m the worst thing …’", "Gillibrand on Clinton's speeches: ‘I think
    she will’"), as a Span; None if the line does not begin with a name."""
    text = sents.text
    line = text.rfind("\n", 0, start) + 1
    ended = list(_QUOTE_ENDED.finditer(text, line, start))  # “…” Bush: “…”, on one line
    line = ended[-1].end() if ended else line
    head = text[line:start].rstrip(" " + "".join(OPENERS))
    if not head.endswith(":") or len(head.split()) > LABEL_WORDS:
        return None
    span = sents.doc.char_span(line, line + len(head) - 1, alignment_mode="contract")
    if span is None:
        return None
    named = next((e for e in span.ents if e.start == span.start), None)
    if named is not None and named.label_ not in ("PERSON", "ORG"):
        return None
    if named is None:  # headlines defeat the tagger ("Trump: …" read as a noun)
        words = list(takewhile(lambda t: t.is_title or t.is_upper, span))
        named = span[: len(words)] if 0 < len(words) <= 3 else None
    # the name alone, or with what it speaks on; not a sentence ("X met Y. The latter said:")
    rest = span[len(named) :] if named is not None else None
    return named if rest is not None and (not rest or rest[0].lower_ == "on") else None


def _noun_speaker(sents: Sentences, start: int):
    """Whose statement a quote is part of when a speech noun holds it: "Trump's surprise
    announcement that US troops would be “coming out …”", "his claim of “victory”"."""
    k = sents.at_char(start)
    if k is None:
        return None
    for noun in sents.spans[k]:
        if noun.pos_ != "NOUN" or noun.idx >= start or _speech_noun(noun) is None:
            continue
        if _occasion(noun.head.head) == noun:
            continue  # the verb's words: "warned after Trump's announcement that …".
        right = noun.right_edge
        if not noun.left_edge.idx <= start < right.idx + len(right):
            continue
        by = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) or (by or [None])[0]
        if owner is not None:
            return owner
    return None


def _goes_on(sents: Sentences, previous: Quote, start: int, end: int, speakers) -> bool:
    """Whether a quote no verb reports carries on the quote of the sentence before: it is
    no term (enough words), and its own sentence names no person before it."""
    here, before = sents.at_char(start), sents.at_char(max(previous.end - 1, 0))
    if here is None or before is None or here - before != 1 or previous.speaker is None:
        return False
    words = len(sents.text[start:end].split())
    if words < MIN_WORDS or _crosshead(sents.text, start, end):
        return False  # a term, or a heading ("‘Trump and Putin could end the world today’")
    return not any(
        (t.ent_type_ == "PERSON" or t.lower_ in PERSON_PRONOUNS) and speakers._outside(t)
        for t in sents.spans[here]
        if t.idx < start
    )


def _person_subject(sents: Sentences, start: int, end: int, speakers: _Speakers):
    """For a quote no verb, noun or neighbour gives a speaker: the person its sentence is
    about, when that person is the main subject ("she felt “numbed by …”", "Ruaa found her
    way on to a course, “even though my heart sank …”"); the quote must not be a term."""
    k = sents.at_char(start)
    if k is None or len(sents.text[start:end].split()) < MIN_WORDS:
        return None
    quoted = sents.doc.char_span(start, end, alignment_mode="contract")
    if quoted is None or not len(quoted) or quoted.root.dep_ in ("compound", "amod", "nmod"):
        return None
    before = [t for t in sents.doc[max(quoted.start - 2, 0) : quoted.start] if not t.is_quote]
    if before and before[-1].tag_ == "DT":
        return None  # "a “zero problems with neighbours” foreign policy": a name
    root = sents.spans[k].root
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.idx < start), None)
    if subject is None or not speakers._outside(subject):
        return None
    named = subject.ent_type_ == "PERSON" or speakers.resolver.person_at(subject.i, subject.i + 1)
    # "The international development secretary, Penny Mordaunt, has banned …"
    apposed = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return subject if named or apposed or subject.lower_ in PERSON_PRONOUNS else None


SCENE_WORDS = 10  # at most this many words in a sentence that sets a speaker in motion
NAMED_SCENE_WORDS = 25  # … or this many, when it names the person


def _actor_before(sents: Sentences, start: int, end: int, speakers: _Speakers):
    """For a quote standing as a sentence of its own after a short sentence in which a
    person acts ("Sharf laughed. “Our goals are just to survive.”", "He looked at each of
    us in turn. “These are not big goals.”"): that person."""
    k = sents.at_char(start)
    if not k or sents.spans[k].start_char < start - 2 or sents.spans[k].end_char > end + 3:
        return None
    scene = sents.spans[k - 1]
    words = [t for t in scene if not t.is_punct]
    if any(t.is_quote for t in scene):
        return None
    # the subject of the scene's last clause ("The support heartens her, but Valerio has a
    # less-than-optimistic forecast. “I worry …”")
    clauses = [scene.root, *(c for c in scene.root.children if c.dep_ == "conj")]
    verb = clauses[-1] if clauses[-1].pos_ in ("VERB", "AUX") else scene.root
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    person = speakers.resolver.person_at(subject.i, subject.i + 1)
    named = subject.ent_type_ == "PERSON" or person is not None
    if len(words) > SCENE_WORDS and not (named and len(words) <= NAMED_SCENE_WORDS):
        return None  # a longer scene only for a person it names
    opening = sents.doc.char_span(start, end, alignment_mode="contract")
    told_of = opening is not None and len(opening) and opening[0].lower_ in ("he", "she")
    if told_of and (person is None or person.may_be(opening[0])):
        return None  # "Rashida called him. “She said Yusuf had …”": told of, not telling
    return subject if named or subject.lower_ in PERSON_PRONOUNS else None


def _content(verb):
    """The reported clause of a speech verb: its clausal complement, or for an inverted
    verb ("Moscow is trying…, claimed the opposition") the words before it."""
    for child in verb.children:
        if child.dep_ == "ccomp" and verb.lemma_.lower() not in CLAUSELESS:
            sub = list(child.subtree)
            return sub[0], sub[-1]
    occasion = _occasion(verb)
    if occasion is not None:
        return _that_clause(occasion)
    if inverted_subject(verb) is not None:
        sent = verb.sent  # rare: only for a speech verb after its content
        if verb.i - 2 > sent.start:
            return sent[0], verb.doc[verb.i - 2]
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:  # "…, he said, officials should…"
        head = verb.head
        last = head.right_edge
        while last.i > head.left_edge.i and last.is_punct:
            last = verb.doc[last.i - 1]
        return head.left_edge, last
    return None


@cache
def speech_nouns() -> dict[str, str]:
    """Noun that reports a statement → the verb it names (knowledge/speech_nouns.tsv)."""
    return {noun.strip(): verb.strip() for noun, verb in table("speech_nouns.tsv")}


def _speech_noun(token) -> str | None:
    """The speech verb a noun names ("announcement" → announce, "claim" → claim), if any."""
    lemma = token.lemma_.lower()
    if lemma in speech_verbs() and lemma not in that_clause_verbs():  # not "a hold"
        return lemma
    return speech_nouns().get(lemma)


def _verb_of(token) -> str:
    """The lemma a quote's cue is recorded under: a noun's verb ("announcement": announce),
    a phrasal verb with its particle ("shot back")."""
    if token.pos_ == "NOUN":
        return _speech_noun(token) or token.lemma_.lower()
    return speech_lemma(token) or token.lemma_.lower()


NAMED = ("PERSON", "ORG", "GPE", "NORP")
BODIES = ("ORG", "GPE", "NORP")  # states and organisations that speak


def _claim_content(noun):
    """For "Trump's claim that …": the clause a speech noun reports and who made it (its
    possessor or "by" agent), or None."""
    clause = _that_clause(noun)
    if clause is None or _occasion(noun.head.head) == noun:
        return None
    author = _author_of(noun)
    if author is None:
        return None
    return author, clause


def _that_clause(noun):
    """The that-clause a noun holds ("the announcement that troops would leave"), as its
    first and last word, or None."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    return None if clause is None else (clause.left_edge, clause.right_edge)


OCCASIONS = ("after", "before", "following")


def _occasion(verb):
    """A speech noun naming when a speech verb with no clause of its own was said, the
    parser having hung the verb's clause on the noun ("warned shortly after Trump's
    announcement that the US president's actions would …": what was warned), or None."""
    if not is_speech_verb(verb) or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in OCCASIONS:
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and _speech_noun(noun) and _that_clause(noun) is not None:
                return noun
    return None


def _author_of(noun):
    """Who made the statement a speech noun names: its possessor, a named modifier ("a US
    announcement") or its "by" agent."""
    author = next((c for c in noun.children if c.dep_ == "poss"), None)
    author = author or next(
        (c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_ in NAMED),
        None,
    )
    if author is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        author = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
    return author


def _misattached_claim(verb):
    """For a verb that takes no clause ("was speaking in the wake of the announcement by
    Trump that troops will leave"): that noun's author, the clause the parser hung on the
    verb as the noun's claim, and the noun; or None."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    nouns = [t for t in verb.subtree if t.i < clause.left_edge.i and t.pos_ == "NOUN"]
    for noun in reversed(nouns):
        author = _author_of(noun) if _speech_noun(noun) is not None else None
        if author is not None:
            return author, (clause.left_edge, clause.right_edge), noun
    return None


def _cited_after(per):
    """The source a sentence ends by citing, "…, per Reuters" / "per a Newsday reporter" (not
    "3 per cent" or "per day"): a name or a person after a comma."""
    source = next((c for c in per.children if c.dep_ == "pobj"), None)
    if per.i < 2 or per.nbor(-1).text != "," or source is None:
        return None
    named = source.ent_type_ in ("PERSON", "ORG", "NORP") and source.pos_ == "PROPN"
    person = source.lemma_.lower() in person_nouns() and any(
        c.dep_ in ("det", "poss", "compound") for c in source.children
    )  # "per a Newsday reporter", not "per person"
    return source if named or person else None


def indirect_quotes(
    sents: Sentences, article_id: str, speakers: _Speakers, direct: list[Quote]
) -> list[Quote]:
    """Reported statements: speech verbs with a clause, and "according to X"."""
    spans = [(q.start, q.end) for q in direct]
    quotes: list[Quote] = []
    doc = sents.doc
    table = token_table(doc)  # only verbs, nouns and "according" report: skip the rest unmade
    for k, sent in enumerate(sents.spans):
        for i in range(sent.start, sent.end):
            if table.pos[i] not in REPORTING_POS and table.lower[i] not in SOURCE_WORDS:
                continue
            token = doc[i]
            word, content = None, None
            if is_speech_verb(token) and token.lemma_.lower() in CLAUSELESS:
                word, content, token = _misattached_claim(token) or (None, None, token)
            elif is_speech_verb(token):
                content = _content(token)
                word = speakers.subject(token) if content else None
            elif token.pos_ == "NOUN" and _speech_noun(token) is not None:
                word, content = _claim_content(token) or (None, None)
            elif (
                token.lower_ == "according"
                and token.i + 1 < len(doc)
                and doc[token.i + 1].lower_ == "to"
            ):
                word = next((g for g in doc[token.i + 1].children if g.dep_ == "pobj"), None)
                if word is not None and word.pos_ == "NOUN":
                    # "according to figures released by X", "… to a transcript of his remarks"
                    word = speakers.issuer(word) or issued_by(word) or word
                head = token.head if token.head.i != token.i else None
                if word is not None and head is not None:
                    cited = range(token.i, max(word.right_edge.i, token.right_edge.i) + 1)
                    sub = [t for t in head.subtree if t.i not in cited]
                    while sub and sub[-1].is_punct and not sub[-1].is_quote:
                        sub.pop()  # the full stop after "…, according to X."
                    content = (sub[0], sub[-1]) if sub else None
            elif token.lower_ == "per":
                word = _cited_after(token)
                content = (sent[0], doc[token.i - 2]) if word is not None else None
            if content is None or word is None or inside(token.idx, spans):
                continue
            first, last = content
            while first.i < last.i and first.is_punct:  # "according to X, …"
                first = doc[first.i + 1]
            start, end = first.idx, last.idx + len(last)
            quoted = sum(max(0, min(e, end) - max(s, start)) for s, e in spans)
            if quoted * 2 > end - start:
                continue  # the clause is mostly a direct quote, already counted
            quotes.append(
                Quote(
                    article_id,
                    sents.text[start:end],
                    "indirect",
                    speakers.actor(word),
                    SOURCE_WORDS.get(token.lower_) or _verb_of(token),
                    start,
                    end,
                    k,
                    verb_start=token.idx,
                    verb_end=token.idx + len(token),
                    id=_quote_id(article_id, start, end),
                )
            )
    return quotes


def comment_quotes(article_id: str, comments: list[Comment]) -> list[Quote]:
    """Quotations inside reader comments, each with its comment's author as speaker.

    Comments are not parsed: a quotation of at least MIN_WORDS words in marks counts,
    and its offsets are in the comment's text.
    """
    quotes = []
    for k, comment in enumerate(comments):
        author = Actor(comment.author, comment.author) if comment.author else None
        for start, end in quote_spans(comment.text):
            text = comment.text[start:end]
            if len(text.split()) < MIN_WORDS:
                continue
            quotes.append(Quote(
                article_id, text, "direct", author, None, start, end, -1, in_comment=True,
                id=_quote_id(article_id, start, end, comment=k), comment=k,
            ))  # fmt: skip
    return quotes


def extract_quotes(doc, article_id: str, resolver: ActorResolver) -> list[Quote]:
    """Every direct and reported statement of an article body, in text order."""
    speakers = _Speakers(resolver)
    sents = Sentences.of(doc)
    direct = direct_quotes(sents, article_id, speakers)
    nested = nested_quotes(sents, article_id, speakers, direct)
    quotes = direct + nested + indirect_quotes(sents, article_id, speakers, direct)
    return sorted(quotes, key=lambda q: q.start)
