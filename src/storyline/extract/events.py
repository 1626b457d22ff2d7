"""PLOVER events from parsed sentences: a trigger lexicon plus the dependency tree.

For every verb or noun whose lemma is in `knowledge/event_triggers.tsv`:
 1. the trigger: the lemma, with its particle or preposition for multiword
    entries ("call for", "pull out"); the longest entry wins;
 2. roles from syntax: source = subject (or the `by` agent of a passive, or
    the subject of the clause a control verb or participle hangs from, or the
    possessor/modifier of a nominal event); target = direct object (or the
    passive subject, or the object of the prepositions the entry names);
 3. each role's noun phrase goes to the actor resolver (`extract/actors.py`);
 4. modality from negation, modal and planning words, conditionals and
    reporting verbs (`knowledge/modality_cues.tsv`); a negated participation
    verb ("would not attend") is a boycott;
 5. date and place from `extract/time.py` and `extract/places.py`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..knowledge import table, word_set
from ..model import Actor, Event, Place, When
from .actors import entity_of, known_name, role_words, token_table
from .places import gazetteer, place_types
from .syntax import (
    CACHE,
    REFLEXIVES,
    Sentences,
    antecedent,
    document_issuer,
    documents,
    free_relative_object,
    inverted_subject,
    is_speech_verb,
    noun_phrase,
    speech_verbs,
)

# Dependency labels
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
ACTING = (*SUBJECTS, "agent")  # who does it: never searched for whom it is done to
OBJECTS = ("dobj", "dative", "attr")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: the lemmas that state an event and how its target attaches."""

    lemmas: tuple[str, ...]  # in sentence order; the head is the first (verbs, "state of
    # emergency") or last (nouns)
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    target: tuple[str, ...]  # "dobj" and/or prepositions; ("none",) for no recipient
    needs: tuple[tuple[str, frozenset[str]], ...]  # (constraint, lemmas): obj, notobj, gov, …

    @property
    def head(self) -> str:
        return self.lemmas[0] if self.pos == "VERB" or "of" in self.lemmas else self.lemmas[-1]


def _expand(words) -> list[str]:
    """Words of a constraint, with '@name' standing for the list in knowledge/name.txt."""
    return [x for w in words for x in (word_set(w[1:] + ".txt") if w.startswith("@") else [w])]


def _needs(cell: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Parse 'obj:a|b;notmod:c' into constraint pairs."""
    out = []
    for part in cell.split(";"):
        if ":" in part:
            kind, words = part.split(":", 1)
            listed = (w.strip() for w in words.split("|") if w.strip())
            out.append((kind.strip(), frozenset(_expand(listed))))
    return tuple(out)


@cache
def lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """Entries by (head lemma, pos): longest first, constrained before the default row."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in table("event_triggers.tsv"):
        lemma, pos, type_, mode, cameo, target, needs, _ = (
            c.strip() for c in [*row, *[""] * 8][:8]
        )
        trigger = Trigger(
            tuple(lemma.lower().split()),
            pos.upper(),
            type_.upper(),
            mode or None,
            cameo or None,
            tuple(t.strip() for t in target.split(",") if t.strip()) or ("dobj",),
            _needs(needs),
        )
        out.setdefault((trigger.head, trigger.pos), []).append(trigger)
    for entries in out.values():  # stable: file order kept within each group
        entries.sort(key=lambda t: (-len(t.lemmas), not t.needs))
    return out


@cache
def type_table() -> dict[tuple[str, str | None], tuple[str | None, float | None]]:
    """(type, mode) → (CAMEO code, Goldstein score)."""
    out = {}
    for row in table("plover_types.tsv"):
        type_, mode, cameo, score = [*row, "", "", "", ""][:4]
        out[(type_.strip().upper(), mode.strip() or None)] = (
            cameo.strip() or None,
            float(score) if score.strip() else None,
        )
    return out


@cache
def recoding() -> dict[tuple[str, str], tuple[str, str | None]]:
    """(modality, type) → the (type, mode) PLOVER codes it as: a promise to help is AGREE,
    a refusal to yield is REJECT (knowledge/modality_recoding.tsv)."""
    out = {}
    for row in table("modality_recoding.tsv"):
        mod, type_, new_type, new_mode = (c.strip() for c in [*row, "", ""][:4])
        out[(mod, type_)] = (new_type, new_mode or None)
    return out


@cache
def modality_cues() -> dict[str, str]:
    """Word → modality it marks (planned, negated, hypothetical, reported)."""
    return {w.strip().lower(): m.strip() for w, m, *_ in table("modality_cues.tsv")}


# Prepositions of cause and time: their objects are circumstances, not what the verb acts on
CIRCUMSTANCE_PREPS = frozenset(
    ("because", "after", "before", "during", "despite", "since", "until", "amid", "following")
)


TIME_MARKS = CIRCUMSTANCE_PREPS | {"when", "while", "as", "once", "because", "although"}


def _object_tokens(token) -> list:
    """A trigger's objects: direct, prepositional, the verb of its to-clause, and the
    words conjoined with them ("sent doctors, equipment and drugs")."""
    out = [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else []  # "people evacuated"
    for c in token.children:
        phrase = c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")  # "to X"
        if c.dep_ in (*OBJECTS, "xcomp", "nsubjpass") and not phrase:
            out += [c, *c.conjuncts]
        elif phrase and not {c.lemma_.lower(), c.lower_} & CIRCUMSTANCE_PREPS:
            out += [x for g in c.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
    return out


def _objects(token, compounds: bool = True) -> set[str]:
    """Lemmas of a trigger's objects and of what they measure ("a shipment of ventilators",
    "$4 million worth of equipment", "a team of doctors, equipment and drugs"), and with
    `compounds` their modifiers ("a ceasefire deal"; not to rule one out: "struck an oil
    refinery" is no "striking oil")."""
    objects = _object_tokens(token)
    inner = [x for o in objects for g in _pobjs(o, ("of",)) for x in (g, *g.conjuncts)]
    # "a team of medical experts and 31 tonnes of medical supplies": what the last measures
    inner += [x for o in inner for g in _pobjs(o, ("of",)) for x in (g, *g.conjuncts)]
    if compounds:
        # "search-and-rescue teams": nmod "search" and its conjunct "rescue" too
        mods = [c for o in objects for c in o.children if c.dep_ in ("compound", "nmod")]
        inner += [x for c in mods for x in (c, *c.conjuncts)]
    return {c.lemma_.lower() for c in (*objects, *inner)}


def _governor(token):
    """The verb a noun depends on, directly or through a preposition (for a compound, the
    verb its head depends on: "violated the ceasefire agreement")."""
    if token.dep_ == "compound" and token.head.i != token.i:
        return _governor(token.head)
    head = token.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _holds(kind: str, words: frozenset[str], token) -> bool:
    """Whether one `needs` constraint holds for the token."""
    if kind == "obj" and "*" in words:  # any direct object: "returned X to Y", "X was returned"
        described = token.dep_ == "acl" and token.tag_ == "VBN"  # "the tents provided by X"
        return described or any(c.dep_ in (*OBJECTS, "nsubjpass") for c in token.children)
    if kind == "objent":  # an object names a MONEY amount: "gave $2 million to"
        return any(
            t.ent_type_ in words
            for c in token.children
            if c.dep_ in (*OBJECTS, "nsubjpass")
            for t in c.subtree
        )
    if kind in ("obj", "notobj"):
        found = bool(words & _objects(token, compounds=kind == "obj"))
        return found if kind == "obj" else not found
    if kind in ("gov", "notgov"):
        gov = _governor(token)
        found = gov is not None and gov.lemma_.lower() in words
        return found if kind == "gov" else not found
    if kind == "prep":
        expressive = word_set("expressive_verbs.txt")
        voiced = token.dep_ == "dobj" and token.head.lemma_.lower() in expressive
        # "carried out strikes on", "expressed remorse to"
        owners = [token, token.head] if _carried(token) or voiced else [token]
        preps = [c for o in owners for c in o.children if c.dep_ == "prep"]
        return any(c.lemma_.lower() in words for c in preps)
    if kind == "judged":  # "called the strike illegal", "described the move as provocative"
        holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
        said = [c for c in token.children if c.dep_ in ("oprd", "acomp")]
        said += [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as"]
        return any(t.lemma_.lower() in words for c in said for t in c.subtree)
    if kind in ("dep", "nodep"):
        found = any(c.dep_ in words for c in token.children)
        return found if kind == "dep" else not found
    if kind == "mod":  # "test-fired a missile": "test" hangs on the verb
        return any(
            c.dep_ in ("compound", "amod", "npadvmod") and c.lemma_.lower() in words
            for c in token.children
        )
    if kind == "notmod":
        return not any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in words for c in token.children
        )
    return True


def _carried(noun, deps: tuple[str, ...] = ("dobj",)) -> bool:
    """A noun a light verb carries: "launched an attack", "failed to reach agreement"."""
    return noun.dep_ in deps and noun.head.lemma_.lower() in word_set("light_verbs.txt")


HEADS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})  # the parts of speech a trigger heads


def _pos(token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    return "NOUN" if token.pos_ in ("NOUN", "PROPN") else None


def _dated(child) -> bool:
    """A preposition that only dates the verb ("called him on Tuesday" is no "call on")."""
    return child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children)


def _parts(token) -> list:
    """Words a multiword trigger may add to its head: its children ("hunger strike",
    "pull out") and what its "of" names ("state of emergency")."""
    return [c for c in token.children if not _dated(c)] + _pobjs(token, ("of",))


def _trigger_words(token, entry: Trigger) -> tuple:
    """The trigger's words, its head first."""
    others = set(entry.lemmas) - {entry.head}
    return (token, *(c for c in _parts(token) if c.lemma_.lower() in others))


@cache
def _head_lemmas() -> frozenset[str]:
    """Every lemma that can head a trigger: a lexicon head or an undoing verb."""
    return frozenset(head for head, _ in lexicon()) | word_set("undo_verbs.txt")


def match(token) -> Trigger | None:
    """The lexicon entry this token heads: longest first, then constrained, then default."""
    pos = _pos(token)
    entries = lexicon().get((token.lemma_.lower(), pos)) if pos else None
    if pos == "NOUN" and token.i > 1 and token.doc[token.i - 1].text == "-":
        joined = token.doc[token.i - 2].lower_ + token.lemma_.lower()  # "cease-fire"
        entries = lexicon().get((joined, pos)) or entries
    if not entries:
        return _undoing(token)
    child_lemmas = {c.lemma_.lower() for c in _parts(token)}
    for entry in entries:
        if token.pos_ == "PROPN" and not any(kind == "gov" for kind, _ in entry.needs):
            continue  # a name ("the Congress of National Dialogue") is an event only when held
        others = [w for w in entry.lemmas if w != entry.head]
        if not all(w in child_lemmas for w in others if w != "-"):
            continue
        if all(_holds(kind, words, token) for kind, words in entry.needs):
            return entry if entry.needs or pos != "VERB" else _undoing(token) or entry
    return _undoing(token)


@cache
def undone_events() -> dict[str, Trigger]:
    """Type of an event undone → the trigger entry of undoing it (knowledge/undone_events.tsv)."""
    out = {}
    for row in table("undone_events.tsv"):
        undone, type_, mode, cameo = (c.strip() for c in [*row, "", "", ""][:4])
        out[undone] = Trigger(("*",), "VERB", type_, mode or None, cameo or None, ("dobj",), ())
    return out


def _undoing(token) -> Trigger | None:
    """A verb that lifts, ends or cancels the event its object names ("lifted a boycott")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in word_set("undo_verbs.txt"):
        return None
    for child in token.children:
        if child.dep_ == "dobj" and _pos(child) == "NOUN":
            entry = match(child) or _named_event(child)
            if entry is not None and entry.type in undone_events():
                return undone_events()[entry.type]
    return None


def _named_event(noun) -> Trigger | None:
    """The event a noun names whatever verb governs it: "cancelled the deal" undoes a deal,
    though a deal is an event of its own only when reached or struck."""
    entries = lexicon().get((noun.lemma_.lower(), "NOUN")) or []
    single = (e for e in entries if len(e.lemmas) == 1)  # not "arms deal" for a bare "deal"
    return next((e for e in single if all(kind == "gov" for kind, _ in e.needs)), None)


def _is_content_of_trigger(token) -> bool:
    """What another trigger governs is that event's content, not an event of its own:
    "rejected the talks", "agreed to release", "threatened to attack", "demanded that X go"."""
    if token.dep_ in ("xcomp", "ccomp") and token.head.i != token.i:
        return match(token.head) is not None and not _voiced(token)
    if token.pos_ == "VERB" and _under_trigger_clause(token):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if _voiced(token) or _directed(token) is not None:
        return False
    if token.head.head.i != token.i and token in _means(token.head.head):
        return False  # the act something was done with is an event of its own
    gov = _governor(token)
    return (
        gov is not None and token.dep_ in ("dobj", "pobj", "nsubjpass") and match(gov) is not None
    )


VERBAL_TYPES = ("SUPPORT", "ACCUSE", "REJECT")


def _under_trigger_clause(verb) -> bool:
    """A verb conjoined with or serving the clause another trigger governs: "agreed to
    lift sanctions and provide guarantees", "agreed to lend $1bn to aid Indonesia"."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or node.head.i == node.i:
            return False
        head = node.head
        if node.i != verb.i and node.dep_ in ("xcomp", "ccomp") and match(head) is not None:
            return not _voiced(node)
        node = head
    return False


def _voiced(word) -> bool:
    """An act named by what a verb that only voices or orders it governs ("pledged support
    for X", "voiced criticism of Y", "ordered sanctions on Z", "ordered troops to withdraw"):
    that word is the event, the verb adds nothing."""
    if word.dep_ not in ("dobj", "xcomp", "ccomp") or word.head.i == word.i:
        return False
    verb = word.head.lemma_.lower()
    if verb in word_set("directive_verbs.txt"):
        # what one's forces, officials or a court's parties are ordered to do is done;
        # another state or body is asked ("ordered the troops to withdraw" withdraws,
        # "instructed the Kurds to surrender" asks)
        told = [c for c in word.head.children if c.dep_ == "dobj" and c.i != word.i]
        return match(word) is not None and not any(_other_party(t) for t in told)
    if word.dep_ != "dobj" or verb not in word_set("expressive_verbs.txt"):
        return False
    entry = match(word)
    return entry is not None and entry.type in VERBAL_TYPES


PARTIES = frozenset(("GOV", "REB", "OPP", "IGO", "PTY", "LEG"))  # sectors of bodies one asks


def _other_party(token) -> bool:
    """A state, people or body one can only ask ("the Kurds", "the federal government"),
    not forces or officials under the one who orders ("the troops", "his generals")."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return False  # "his ministers"
    sector = role_words().get(token.lemma_.lower(), ("",))[0]
    body = token.ent_type_ in ("GPE", "NORP", "ORG") or sector in PARTIES
    return body and sector not in FORCES and token.lemma_.lower() not in word_set("force_units.txt")


def _voices(verb) -> bool:
    """Whether a verb only voices or orders the act it governs, or says what the act it
    was done by was ("Moscow retaliated by imposing sanctions": the sanctions)."""
    if any(_voiced(c) for c in verb.children):
        return True
    if any(match(g) is not None for g in _means(verb)):
        return True
    directive = verb.lemma_.lower() in word_set("directive_verbs.txt")
    return directive and any(_directed(t) == verb for t in verb.subtree if t.dep_ == "pobj")


def _means(verb) -> list:
    """The acts a verb says it was done by ("retaliated by imposing sanctions"), or, for a
    response, with ("retaliated with a violent attack on PUK areas")."""
    passive = any(c.dep_ in (*PASSIVE_SUBJECTS, "auxpass") for c in verb.children)
    responds = verb.lemma_.lower() in word_set("response_verbs.txt") and not passive
    return [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("by", "with")
        for g in p.children
        if (g.dep_ == "pcomp" and p.lower_ == "by")
        or (g.dep_ == "pobj" and p.lower_ == "with" and g.pos_ == "NOUN" and responds)
    ]  # fmt: skip


def _directed(noun):
    """The verb ordering the state a noun names into being ("ordered the army on high
    alert", "ordered his forces put on alert", "ordered troops placed on alert"), or None:
    the state is the orderer's act."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in PUT_PREPS or match(noun) is None:
        return None
    verb = noun.head.head
    for _ in range(2):
        if verb.lemma_.lower() in word_set("directive_verbs.txt"):
            return verb
        if verb.dep_ not in ("ccomp", "xcomp", "acl"):
            return None
        verb = verb.head.head if verb.dep_ == "acl" else verb.head  # "troops placed on …"
    return None


def _conjuncts(token) -> list:
    """A head and the heads conjoined with it ("Turkey and Iran")."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _subject_of(verb, depth: int = 0):
    """The subject of a verb, climbing control verbs, conjunctions and participles."""
    subjects = [_past_dateline(c) for c in verb.children if c.dep_ in SUBJECTS]
    subjects = [c for c in subjects if c is not None]
    if subjects:  # "KABUL (Pajhwok): President Ghani has held …": the nearest is the subject
        return min(subjects, key=lambda c: abs(verb.i - c.i))
    agent = _agent(verb)
    if agent is not None:
        return agent
    inverted = inverted_subject(verb)
    if inverted is not None:
        return inverted
    if depth > 3:
        return None
    if verb.dep_ == "relcl":  # … but "a statue that was looted" names what was done to
        passive = any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children)
        return None if passive else verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None  # "prisoners released": the noun is what was done to
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return _noun_source(verb.head) or None
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":  # "Egypt is willing to withdraw"
        return _subject_of(verb.head.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):  # "violated it by shelling"
        controller = _object_controller(verb)
        return controller if controller is not None else _subject_of(verb.head.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.head.dep_ == "acomp":  # "were guilty of violating"
        return _subject_of(verb.head.head.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.head.dep_ == "advmod":  # "stopped short of endorsing"
        return _subject_of(verb.head.head.head, depth + 1)
    causative = verb.head.lemma_.lower() in word_set("causative_verbs.txt")
    if verb.dep_ == "ccomp" and causative:  # "Ethiopia let free 74 prisoners"
        return _subject_of(verb.head, depth + 1)
    return None


def _object_controller(gerund):
    """Who does what a gerund after "of", "for", "with" or "against" names: the object of
    the verb it hangs on ("accused Kyiv of shelling", "blamed Iran for attacking")."""
    if gerund.head.lower_ not in CONTROL_PREPS:
        return None
    objects = [c for c in gerund.head.head.children if c.dep_ == "dobj" and c.i < gerund.i]
    return objects[0] if objects and _actorish(objects[0]) else None


def _agent(verb):
    """The "by" agent of a passive verb: "was hit by a bomb planted by militants" (whoever
    set off a weapon, not the weapon), "were handed out to victims by the Red Crescent"
    (the parser hung "by" on the victims)."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not agents and any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        agents = [x for g in _pobjs(verb, ("to",)) for x in _pobjs(g, ("by",))]
    if not agents:
        return None
    planted = [
        g
        for clause in agents[0].children
        if clause.dep_ == "acl"
        for c in clause.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return planted[0] if planted and _munition(agents[0]) else agents[0]


def _past_dateline(subject):
    """A subject, or when the parser took the dateline for it ("NAIROBI (Reuters) -
    Al-Shabaab threatened", with Al-Shabaab hung on NAIROBI) the phrase after the dateline."""
    sents = Sentences.of(subject.doc)
    if not sents.in_dateline(subject.i):
        return subject
    after = [
        t for t in subject.subtree if not sents.in_dateline(t.i) and sents.in_dateline(t.head.i)
    ]
    return after[0] if after else None


def _named_carrier(noun) -> bool:
    """Whether the verb a noun is the object of is one its lexicon row names ("violated the
    ceasefire", "violated the ceasefire agreement"): that verb's subject owns the event."""
    entry, gov = match(noun), _governor(noun)
    phrase = noun.head if noun.dep_ == "compound" else noun
    return (
        entry is not None
        and gov is not None
        and phrase.dep_ in ("dobj", "nsubjpass")
        and any(kind == "gov" and gov.lemma_.lower() in words for kind, words in entry.needs)
    )


def _noun_source(noun):
    """Who a nominal event belongs to: possessor, actor modifier, or the light verb's subject."""
    head = noun.head
    carried = noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in (
        word_set("light_verbs.txt")
        | word_set("expressive_verbs.txt")
        | word_set("directive_verbs.txt")
    )
    carried = carried or _named_carrier(noun)
    voiced = carried and head.lemma_.lower() in word_set("expressive_verbs.txt")
    for child in noun.children:
        if child.ent_type_ in ("DATE", "TIME"):
            continue  # "Sunday's bombing" is not Sunday's
        if child.dep_ == "poss" and not ((carried and child.pos_ == "PRON") or voiced):
            owner = _subject_of(head) if child.pos_ == "PRON" and noun.dep_ == "dobj" else None
            return owner or child  # "Washington tightened its embargo": Washington's
    for child in noun.children:
        if child.dep_ == "compound" and child.lemma_.lower() in role_words():
            return child
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and (
            child.ent_type_ in ACTOR_ENTS or (child.pos_ == "PROPN" and not child.ent_type_)
        ):  # "Turkish attacks", not "a 50-minute meeting"
            return child
    agent = next((g for g in _pobjs(noun, ("by",))), None)
    # "the expulsion of two diplomats by Moscow", "by" hung on the diplomats
    agent = agent or next((g for o in _pobjs(noun, ("of",)) for g in _pobjs(o, ("by",))), None)
    if carried:
        carrier = _governor(noun) or head
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return _subject_of(carrier) or owner or agent  # "… by Moscow was announced"
    # "launched a mediation effort", "expressed its rejection and condemnation" (but "talks
    # and the order by Putin" is Putin's)
    if noun.dep_ in ("compound", "conj") and head.pos_ == "NOUN" and agent is None:
        return _noun_source(head)
    # "a state of siege", "a new round of talks", "50 million euros in aid"
    measure = head.head
    measured = noun.dep_ == "pobj" and measure.pos_ == "NOUN" and match(measure) is None
    counted = measure.ent_type_ == "MONEY" or any(c.dep_ == "nummod" for c in measure.children)
    measured = measured and (head.lemma_.lower() == "of" or counted)
    if measured:
        return _noun_source(head.head)
    ordered = noun.dep_ == "pobj" and head.lemma_.lower() in ("for", "of")
    if ordered and head.head.lemma_.lower() in word_set("directive_verbs.txt"):
        return _noun_source(head.head)  # "the order by Putin for a partial withdrawal"
    on_verb = noun.dep_ == "pobj" and head.lemma_.lower() in PUT_PREPS
    on_verb = on_verb and head.head.pos_ == "VERB"
    placed = [c for c in head.head.children if c.dep_ in PASSIVE_SUBJECTS] if on_verb else []
    if placed and getattr(match(noun), "type", None) == "MOBILIZE":
        return placed[0]  # "soldiers were placed on alert"
    directed = _directed(noun)
    if directed is not None:
        return _subject_of(directed)  # "Putin ordered his forces put on alert": Putin's
    if noun.dep_ == "pobj" and noun in _means(head.head):
        return _subject_of(head.head)  # "Israel responded with airstrikes": Israel's
    if on_verb:
        # "teachers went on strike", "troops remained on alert", "placed X under arrest",
        # "X was taken into custody by police"
        return _subject_of(head.head)
    taking_part = noun.dep_ == "pobj" and head.lemma_.lower() == "in"
    taking_part = taking_part and head.head.pos_ in ("VERB", "AUX")
    if taking_part and head.head.lemma_.lower() in word_set("partaking_verbs.txt"):
        return _subject_of(head.head)  # "troops participate in peacekeeping operations"
    done_in = noun.dep_ == "pobj" and head.lemma_.lower() == "in"
    if done_in and noun.lemma_.lower() in word_set("done_in.txt"):
        # "drivers blocked roads (for hours) in protest against X": the drivers'
        verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
        return _subject_of(verb) if verb is not None else agent
    blamer = head.head.head if head.head.dep_ in ("oprd", "acomp") else head.head
    blamed = noun.dep_ == "pobj" and head.lemma_.lower() in ("for", "of")
    if blamed and getattr(match(blamer), "type", None) == "ACCUSE":
        # "held Israel responsible for the assassination": Israel's, as the accuser says
        accused = [c for c in blamer.children if c.dep_ in ("dobj", "nsubjpass")]
        if accused:
            return accused[0]
    owned = noun.dep_ == "pobj" and head.lemma_.lower() == "for"
    if owned and head.head.lemma_.lower() == "responsibility" and head.head.dep_ == "dobj":
        return _subject_of(head.head.head)  # "Isis claimed responsibility for the bombing"
    going = noun.dep_ == "pobj" and head.lemma_.lower() == "for"
    if going and head.head.lemma_.lower() in {"be", *word_set("travel_verbs.txt")}:
        # "Pompeo arrived in Pyongyang for talks", "was in Ankara for talks"
        return _subject_of(head.head)
    return agent


ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")


@cache
def _known_place(name: str) -> bool:
    """A country or a large town of that name."""
    return any(
        c.precision == "country" or c.population >= KNOWN_TOWN
        for c, _ in gazetteer().candidates(name)
    )


def _hyphenated(token) -> bool:
    """A word that opens a hyphenated modifier ("state-run", "state-of-the-art")."""
    doc, i = token.doc, token.i
    return i + 1 < len(doc) and not token.whitespace_ and doc[i + 1].text == "-"


MISTAKEN_ENTS = ("PRODUCT", "WORK_OF_ART", "EVENT", "FAC")  # labels a city name may get
KNOWN_TOWN = 100_000  # people: a town this size is a place, whatever the tagger said


def _actorish(token) -> bool:
    """A word that can head an actor: a named entity, a pronoun, or a role noun."""
    if (token.is_upper or token.ent_type_) and Sentences.of(token.doc).in_dateline(token.i):
        return False  # where the story was filed: "RABAT (Reuters) -"
    if token.lower_ in REFLEXIVES:  # "blew himself up inside a mosque": not the target
        return False
    if token.ent_type_ in ACTOR_ENTS or token.pos_ == "PRON":
        return True
    if _acronym(token):  # "talks with the ELN", untagged: a group's initials
        return True
    if token.pos_ == "PROPN" and token.is_title and token.dep_ in SUBJECTS and not token.ent_type_:
        return not _known_place(token.text)  # "Ja’afari accused …", a name the tagger missed
    if token.pos_ == "PROPN" and not token.ent_type_ and known_name(token.text):
        return True  # "accused Kyiv of shelling …", untagged
    if token.ent_type_ in MISTAKEN_ENTS and token.pos_ == "PROPN":  # "a visit to Montevideo"
        return _known_place(token.text)
    if token.lemma_.lower() in role_words():
        # "the military", not "military exercises" or "state-run"; nor "a state of
        # emergency" or "the state of the economy"
        of_a_thing = any(c.lower_ == "of" for c in token.children) and token.lower_ == "state"
        return token.pos_ != "ADJ" and not _hyphenated(token) and not of_a_thing
    # "his British counterpart Gordon Brown", "UNSCOM weapons inspectors", "an Israeli
    # company": people or bodies a name places
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or (lemma, "NOUN") in lexicon() or lemma in place_types():
        return False  # "the Sochi peace conference", "the Russian city of …": not who acts
    return any(
        (c.dep_ in ("appos", "compound", "amod") and c.ent_type_ in ACTOR_ENTS)
        or (c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP", "ORG"))  # "Indonesia's donors"
        for c in token.children
    )


def _acronym(token) -> bool:
    """An untagged name in capitals ("ELN", "PKK"): news writes groups' initials so."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.is_upper
        and token.is_alpha
        and 2 <= len(token) <= 6
        and not _known_place(token.text)
    )


# Types whose direct object is usually the actor's own force: "mobilized troops for a battle
# against X", "withdrew peacekeepers from Y" — X and Y are the other side
FORCE_TYPES = frozenset(("MOBILIZE", "RETREAT", "SANCTION"))
FORCES = frozenset(("MIL", "COP"))


def _other(token, type_: str | None = None) -> bool:
    """An actor other than the source's own people ("withdrew its troops from X": X)."""
    sector = role_words().get(token.lemma_.lower(), ("",))[0]
    own = sector in FORCES and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)
    # sent as the object itself or counted in it ("withdrew a batch of 200 peacekeepers")
    held = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    sent = held.dep_ == "dobj" or (held.dep_ == "conj" and held.head.dep_ == "dobj")
    if type_ in FORCE_TYPES and sent and not token.ent_type_:  # "sent in troops and police"
        own = own or sector in FORCES or sector == "IGO"  # peacekeepers sent are one's own
        # "recalled its ambassador", "closed its embassy in Somalia"
        own = own or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)
    return _actorish(token) and not (own and token.pos_ == "NOUN")


def _is_participant(token) -> bool:
    """An actor who can be hosted or received, not a meeting ("hosting the Congress")."""
    return _actorish(token) and (token.lemma_.lower(), "NOUN") not in lexicon()


def _pobjs(token, preps) -> list:
    """Objects of the token's prepositions in `preps`, in order."""
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lemma_.lower() in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


CONTROL_PREPS = ("of", "for", "with", "against")  # "accused X of …ing": X does it
SELF_PRONOUNS = ("it", "we", "i")  # in a clause one reports, most often the reporter itself
RECIPIENT_PREPS = ("against", "on", "with", "to", "for", "toward", "towards", "between")
PLACE_PREPS = ("in", "at")
PLACE_ENTS = ("GPE", "LOC")


def _recipient(token) -> list:
    """When the direct object is missing or a thing ("imposed sanctions on X", "lifted a ban
    on Y", "demanded that X apologise"), the recipient is an actor attached nearby."""
    found = [g for g in _pobjs(token, RECIPIENT_PREPS) if _actorish(g)]
    # what an act is "against" is its target, named or not ("sanctions against a company")
    found = found or [g for o in (token, *_object_tokens(token)) for g in _pobjs(o, ("against",))]
    for child in token.children:
        if found:
            break
        if child.dep_ in ("dobj", "nsubjpass"):
            # "rejected a call from Bush for his movement to disarm": Bush's call
            # … and "rejected an ASEAN request for its envoy to meet X": ASEAN's (but "a
            # Cabinet meeting" is where one meets, not whom)
            named = [c for c in child.children if c.dep_ in ("compound", "amod")
                     and c.ent_type_ in ("ORG", "GPE", "NORP")]  # fmt: skip
            asked = getattr(match(child), "type", "CONSULT") != "CONSULT"
            asked = asked and (_pobjs(child, ("from", "by")) or named)
            found = _behind_event([child]) if asked else []
            # "criticised the army's treatment of detainees": the army's
            found = found or [
                c for c in child.children if c.dep_ == "poss" and c.pos_ != "PRON" and _actorish(c)
            ]
            found = found or [g for g in _pobjs(child, (*RECIPIENT_PREPS, "of")) if _actorish(g)]
            found = found or [  # "discussed finance and policing with X"
                g for o in child.conjuncts for g in _pobjs(o, RECIPIENT_PREPS) if _actorish(g)
            ]
            found = found or [g for g in _pobjs(child, PLACE_PREPS) if g.ent_type_ == "GPE"]
        elif child.dep_ == "ccomp":  # "demanded that the prime minister apologise"
            # … but "warned it would take action": "it" is the one warning
            found = [
                g for g in child.children
                if g.dep_ in SUBJECTS and _actorish(g) and g.lower_ not in SELF_PRONOUNS
            ]  # fmt: skip
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":  # "agreed to allow X access"
            found = [
                g for g in child.children
                if g.dep_ in ("dobj", "dative") and _actorish(g) and not _made(g)
            ]  # fmt: skip
            found = found or _met_in(child)  # "refused to take part in talks with X"
            found = found or _recipient(child) or _behind_event(_pobjs(child, RECIPIENT_PREPS))
    if not found and not any(c.dep_ == "dobj" for c in token.children):
        found = [g for g in _pobjs(token, PLACE_PREPS) if g.ent_type_ in ("GPE", "ORG")]
    if not found:  # "agreed to a ceasefire in eastern Ukraine": the country it is about
        found = [g for o in _object_tokens(token) for g in _pobjs(o, PLACE_PREPS)
                 if g.ent_type_ in PLACE_ENTS]  # fmt: skip
    return found[:1]


def _behind_event(targets: list) -> list:
    """Whose act an event noun target names: "condemned the protest by white farmers",
    "rejected a call from Mandela"."""
    for t in targets:
        if t.pos_ in ("NOUN", "PROPN") and match(t) is not None:
            # "accepted an invitation from X": X's, not the one accepting it
            src = next(iter(_pobjs(t, ("from", "by"))), None) or _noun_source(t)
            if src is not None and _actorish(src):
                return [src]
        elif t.pos_ == "NOUN":  # "welcomed the decision by the Forum", "Trump's plan"
            src = next(iter(_pobjs(t, ("by", "from"))), None) or next(
                (c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"), None
            )
            if src is not None and _actorish(src):
                return [src]
    return []


CLAUSES = frozenset(("relcl", "ccomp", "advcl", "acl", "csubj", "parataxis", "appos", "conj"))


def _made(token) -> bool:
    """What a verb brings into being ("set up a hospital and a team of health workers") is
    not acted on, nor what it is made of."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head  # "a team of health workers": the team
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_.lower() in word_set("creation_verbs.txt")


def _named_within(heads: list, exclude: set[int], actor=_actorish) -> list:
    """The nearest named actor inside the phrases a trigger acts on, breadth first and not
    across clauses: "lift a ban on imports of British beef", "condemnation of the Israeli
    Prime Minister's declaration"."""

    def inside(c) -> bool:  # "sanctions imposed on India" continues the phrase
        if c.dep_ == "conj":  # "rejection and condemnation of X", not a second clause
            return c.pos_ == "NOUN"
        return c.dep_ not in CLAUSES or (c.dep_ == "acl" and c.tag_ == "VBN")

    seen = []
    # who acts is not acted on (a dateline read as a second subject: "KABUL: X condemned")
    queue = [c for h in heads for c in h.children if inside(c) and c.dep_ not in ACTING]
    while queue:
        token = queue.pop(0)
        seen.append(token)
        if (
            token.i not in exclude
            and token.pos_ in ("NOUN", "PROPN", "ADJ")  # not "a" inside an entity span
            and token.dep_ != "compound"  # "mob members", "Saudi-led"
            and not _made(token)
            and actor(token)
        ):
            return [token]
        queue += [c for c in token.children if inside(c)]
    # no one named: the place it is done in ("imposed a curfew in parts of Kashmir")
    return [t for t in seen if t.ent_type_ == "LOC" and t.dep_ == "pobj"][:1]


PUT_PREPS = ("on", "under", "into")  # "went on strike", "placed under arrest", "into custody"
NOUN_PREPS = ("of", "on", "against", "with", "to")  # a nominal event's recipient, by default


TIMES = frozenset(("DATE", "TIME"))


def _roles(trigger_token, entry: Trigger) -> tuple[list, list]:
    """Head tokens of the source and target of an event."""
    if "none" in entry.target or "within" in entry.target:
        preps: tuple[str, ...] = ()
    else:
        preps = tuple(t for t in entry.target if t != "dobj")
        if entry.pos == "NOUN":
            preps = preps or NOUN_PREPS
    if entry.pos == "NOUN":
        sources, targets = _noun_roles(trigger_token, preps)
    else:
        sources, targets = _verb_roles(trigger_token, entry, preps)
    sources, targets = _settled(trigger_token, entry, preps, sources, targets)
    # a time is not acted on ("agreed on Tuesday to resume talks")
    targets = [t for t in targets if t.ent_type_ not in TIMES]
    return [antecedent(t) for t in sources], [antecedent(t) for t in targets]


def _reporters(sent) -> frozenset[int]:
    """Words that name who reports the sentence ("X said", "…, the agency reported",
    "according to X"): they tell of the act, they do not undergo it. Once per sentence:
    each of its events asks."""
    known = sent.doc.user_data.setdefault(CACHE + "reporters", {})
    if (sent.start, sent.end) not in known:
        known[(sent.start, sent.end)] = frozenset(_find_reporters(sent))
    return known[(sent.start, sent.end)]


def _find_reporters(sent) -> set[int]:
    """See `_reporters`."""
    found: set[int] = set()
    for word in sent:
        if word.lower_ == "according":
            heads = [word]
        elif is_speech_verb(word):
            heads = [c for c in word.children if c.dep_ in SUBJECTS] or [inverted_subject(word)]
        else:
            continue
        found |= {t.i for h in heads if h is not None for t in h.subtree}
    return found


def _guessed(trigger, entry: Trigger, sources: list, targets: list):
    """The roles with, when the syntax gives none, the nearest actor for the target, or for
    the source of an act the sentence tells (not one in passing); and which role was
    guessed, if any. One guess at most: a guessed pair says nothing about who did what."""
    if not targets and "none" not in entry.target:
        return sources, nearest_actor(trigger, sources, entry.type), "target"
    if not sources and _main(trigger):
        return nearest_actor(trigger, targets, entry.type, before=True), targets, "source"
    return sources, targets, None


def nearest_actor(trigger, others: list, type_: str, before: bool = False) -> list:
    """The actor nearest the trigger in its sentence, for an act whose syntax names no one
    who does it or undergoes it ("agreed to open its borders for aid trucks to enter
    Afghanistan"): a guess, worth less confidence. A target is sought after the trigger
    first, a source (`before`) before it; neither is who reports the act nor the other role."""
    taken = {trigger.i} | {t.i for s in others for x in _conjuncts(s) for t in x.subtree}
    named = {t.lower_ for s in others for t in noun_phrase(s)}  # "the UN … the UN"
    taken |= _reporters(trigger.sent)
    if (own := entity_of(trigger.doc, trigger.i)) is not None:  # "the Congress of National
        taken |= set(range(own.start, own.end))  # Dialogue" is not its own target
    if trigger.dep_ in ("compound", "amod"):  # "the national dialogue congress"
        taken.add(trigger.head.i)
    side = (lambda t: t.i > trigger.i) if before else (lambda t: t.i < trigger.i)
    for t in sorted(trigger.sent, key=lambda t: (abs(t.i - trigger.i), side(t))):
        if (
            t.i not in taken
            and t.lower_ not in named
            and t.pos_ in ("NOUN", "PROPN")
            and t.dep_ != "compound"
            and not _made(t)
            and _other(t, type_)
        ):
            return [antecedent(t)]
    return []


def _noun_roles(noun, preps: tuple[str, ...]) -> tuple[list, list]:
    """Who does and who undergoes what a noun names ("Russia's attack on Ukraine", "the
    order by Putin", "placed X under house arrest", "received backing from Turkey")."""
    src = _noun_source(noun)
    sources = (_participants(src) or _conjuncts(src)) if src is not None else []
    targets = _pobjs(noun, preps)
    if not targets and src is not None and src.dep_ == "pobj" and src.head.lower_ == "by":
        targets = _pobjs(src, ("on", "against"))  # "an attack by X on Y", "on" hung on X
    if _suffered(noun, src):  # "Navalny's arrest": Navalny is arrested
        sources, targets = [], sources
    head = noun.head  # "a mediation effort between Turkey and Syria"
    if not targets and noun.dep_ == "compound":
        targets = _pobjs(head, preps)
    if not targets and head.lower_ in PUT_PREPS[1:] and head.head.pos_ == "VERB":
        verb = head.head  # "placed the activist under house arrest": the activist
        targets = [c for c in verb.children if c.dep_ in ("dobj", *PASSIVE_SUBJECTS)]
    # "issued an ultimatum to Turkey", "filed a lawsuit against", "expressed solidarity with"
    if not targets and (_carried(noun, ("dobj", "nsubjpass")) or _named_carrier(noun)):
        given = _pobjs(head, preps)  # "… against hundreds of banks": the banks
        targets = [g for g in given if _actorish(g)] or [
            x for g in given for x in _pobjs(g, ("of",)) if _actorish(x)
        ]
        # "gave Canada a deadline", "offered Kyiv aid": the other object
        targets = targets or [
            c for c in head.children
            if c.dep_ in ("dative", "dobj") and c.i != noun.i and _actorish(c)
        ]  # fmt: skip
    base = noun  # "received logistics and financial support from X"
    while base.dep_ == "conj" and base.head.i != base.i:
        base = base.head
    getter = base.head
    received = base.dep_ == "dobj" and getter.lemma_.lower() in word_set("receiving_verbs.txt")
    givers = [*_pobjs(noun, ("from",)), *_pobjs(getter, ("from",))] if received else []
    if givers:  # "Russia has received backing from Turkey and Iran": Turkey backs Russia
        receiver = _subject_of(getter)
        sources, targets = _conjuncts(givers[0]), [receiver] if receiver is not None else []
    undergoer = _subject_of(head.head) if _undergone(noun) else None
    if undergoer is not None:  # "a UN convoy came under attack from rebels"
        sources = [x for g in _pobjs(noun, ("from", "by")) for x in _conjuncts(g)]
        sources = sources or [x for g in _pobjs(head.head, ("from",)) for x in _conjuncts(g)]
        targets = [undergoer]
    return sources, targets


def _undergone(noun) -> bool:
    """Whether a noun names what its clause's subject suffers: "came under attack/fire"."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "under"
        and noun.head.head.lemma_.lower() in ("come", "be", "remain", "fall")
    )


def _verb_roles(verb, entry: Trigger, preps: tuple[str, ...]) -> tuple[list, list]:
    """A verb's subject and what it acts on: its object, passive subject or prepositions."""
    sources, targets = [], []
    had_done = _had_done(verb)  # "had their homes confiscated by the regime": the regime's
    src = _agent(verb) if had_done else _subject_of(verb)
    passive = had_done or any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children)
    if src is not None and not (passive and src.dep_ in PASSIVE_SUBJECTS):
        sources = _participants(src) or _conjuncts(src)
        # "a statement from the GCC hailed …": the GCC
        sources = [_issuer(s) or s for s in sources]
    elif passive and entry.type in STATE_ACTS:  # "was arrested in Rwanda": its authorities
        sources = [g for g in _pobjs(verb, ("in",)) if g.ent_type_ == "GPE"][:1]
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and "dobj" in entry.target:
        targets.append(verb.head)  # "the prisoners released by Israel"
    for child in verb.children:
        undergoes = child.dep_ in PASSIVE_SUBJECTS or (had_done and child.dep_ == "nsubj")
        passive_target = passive and undergoes
        direct = "dobj" in entry.target and child.dep_ in ("dobj", "dative")
        if passive_target or direct:
            targets.append(_counted(child))
        elif child.dep_ in ("ccomp", "dobj") and free_relative_object(child) is not None:
            targets.append(free_relative_object(child))  # "hosting what it called X"
    if "dobj" in entry.target and not targets:
        targets = _let_do(verb) or _shared_passive_subject(verb)
    if entry.type == "ACCUSE" and not targets:  # "alleged that Prakash recruited …": Prakash
        targets = [s for c in verb.children if c.dep_ == "ccomp"
                   for s in c.children if s.dep_ in SUBJECTS and _actorish(s)][:1]  # fmt: skip
    given = _pobjs(verb, preps)
    if not given and "to" in preps:  # "returned 29 Benin Bronzes to Nigeria", "to" on the thing
        given = [g for c in verb.children if c.dep_ == "dobj" for g in _pobjs(c, ("to",))]
        given = [g for g in given if _receives(g)]
    if not given and not any(_other(t, entry.type) for t in targets):
        given = _stranded_recipient(verb, preps)
    # what is given goes to someone: the recipient, not the thing ("sent doctors to X")
    handed = entry.type in GIVING or entry.mode == "return"
    recipients = [g for g in given if _receives(g)] if handed else []
    if recipients:
        targets = recipients
    elif given and not any(_other(t, entry.type) for t in targets):
        targets = given  # "returned the painting to X", "rolled back tariffs on Y"
    else:
        targets += given
    return sources, targets


def _receives(token) -> bool:
    """Whether a word can be a recipient: an actor, or a place named by its name."""
    return _actorish(token) or _place_phrase(token)


def _place_phrase(noun) -> bool:
    """A kind of place named by its name ("the Italian region of Lombardy")."""
    kind = noun.lemma_.lower() in word_set("territory_nouns.txt")
    return kind and any(g.ent_type_ in PLACE_ENTS for g in _pobjs(noun, ("of",)))


def _had_done(verb) -> bool:
    """A participle saying what was done to its subject by someone ("had their homes
    confiscated by the regime", "saw his passport seized by police")."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("ccomp", "xcomp", "oprd")
        and any(c.dep_ == "agent" for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


INNER_CLAUSES = ("relcl", "acl", "advcl")


def _issuer(word):
    """Who issued the document a word names, if it names one."""
    if word.lemma_.lower() not in documents():
        return None
    return document_issuer(word, lambda _: True)


def _shared_passive_subject(verb) -> list:
    """The passive subject a participle joined to a passive verb shares ("200 migrants were
    intercepted and detained by the coast guard": the migrants were detained)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head.tag_ != "VBN":
        return []
    own = (*SUBJECTS, *PASSIVE_SUBJECTS, "dobj", "auxpass", "aux")
    if any(c.dep_ in own for c in verb.children):
        return []
    return [_counted(c) for c in head.children if c.dep_ in PASSIVE_SUBJECTS][:1]


def _stranded_recipient(verb, preps: tuple[str, ...]) -> list:
    """A recipient the parser hung on a clause inside the object phrase ("returned a painting
    that was stolen in 1989 to X", "transferred a suspect arrested in Nakuru to the
    tribunal"): the last "to" phrase there that names an actor."""
    if "to" not in preps:
        return []
    clauses = [
        x
        for c in verb.children
        if c.dep_ in ("dobj", "advcl")
        for x in c.subtree
        if x.dep_ in INNER_CLAUSES and x.pos_ == "VERB"
        and not any(s.dep_ in SUBJECTS and s.tag_ not in ("WDT", "WP") for s in x.children)
        and not _infinitive(x)  # a purpose
    ]  # fmt: skip
    found = [
        g
        for x in clauses[:1]
        for t in x.subtree
        if t.dep_ == "prep" and t.lower_ == "to"
        for g in t.children
        if g.dep_ == "pobj"
    ]
    return [g for g in found[-1:] if _actorish(g)]


def _infinitive(clause) -> bool:
    """Whether a clause is a to-infinitive ("to help", "to attend")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _aimed_through_purpose(trigger, type_: str) -> list:
    """Who a threat or a protest is aimed at: the object of its to-clause, or what that
    clause or its object is aimed at ("threatened to launch a new offensive against the
    YPG"; "went on strike to press the government")."""
    holders = [trigger, *([_governor(trigger)] if trigger.pos_ == "NOUN" else [])]
    acts = [
        c for h in holders if h is not None
        for c in h.children if c.dep_ in ("xcomp", "advcl") and _infinitive(c)
    ]  # fmt: skip
    things = [o for c in acts for o in c.children if o.dep_ == "dobj"]
    aimed = [g for o in (*acts, *things) for g in _pobjs(o, (*AIMED_PREPS, "to"))]
    # whose the thing is: "to protest government plans to …"
    owners = [c for o in things for c in o.children if c.dep_ in ("poss", "compound")]
    return [t for t in (*things, *aimed, *owners) if _other(t, type_)]


def _let_do(verb) -> list:
    """Whom a verb lets or bids do something, where the parser made them the subject of
    the to-clause ("will not allow Syrian Kurds to attend")."""
    return [
        s
        for c in verb.children
        if c.dep_ == "ccomp" and _infinitive(c)
        for s in c.children
        if s.dep_ in SUBJECTS
    ][:1]


def _settled(trigger_token, entry: Trigger, preps, sources: list, targets: list):
    """The roles after looking further when the target is a thing or missing: whose act a
    thing is, an actor inside the object phrase, a meeting's parties, joint subjects, the
    one a gift helps, the place it is done in."""
    aimed = []
    if entry.type in PHYSICAL:  # "detonated a landmine under a convoy": the convoy
        fired = [t for t in targets if t.dep_ == "dobj" and _munition(t)]
        aimed = (
            [g for o in (trigger_token, *fired) for g in _pobjs(o, AIMED_PREPS)] if fired else []
        )
        targets = ([t for t in targets if t not in fired] + aimed) if fired else targets
    met = _met_on_the_way(trigger_token)
    if entry.type == "CONSULT" and not any(_other(t, entry.type) for t in targets):
        met = met or _met_in(trigger_token)
    if met:  # "travelled to Moscow for talks with Putin": Putin, more than Moscow
        targets = met
    if entry.type in MUTUAL and not met:  # "shared evidence with India against X": India
        partners = [
            g for o in (trigger_token, *_object_tokens(trigger_token))
            for g in _pobjs(o, ("with",)) if _actorish(g) and g not in sources
        ]  # fmt: skip
        targets = partners[:1] or targets
    # "attacked an army camp in western Kabul", "the bombing of a hotel in Mogadishu": the
    # camp and the hotel, not the city
    hit = ("dobj", "pobj") if entry.pos == "NOUN" else ("dobj",)
    struck = entry.type in PHYSICAL and any(t.dep_ in hit and t.pos_ == "NOUN" for t in targets)
    struck = struck or any(t.pos_ == "NOUN" for t in aimed)
    # ground taken is what the act is done to ("captured three cities west of Tripoli in an
    # advance against X": the cities)
    struck = struck or (
        entry.mode == "seize"
        and any(t.dep_ == "dobj" and t.lemma_.lower() in word_set("territory_nouns.txt")
                for t in targets)
    )  # fmt: skip
    asked = entry.type == "REQUEST" and _addressed(trigger_token, targets)
    search = not struck and "none" not in entry.target and not asked
    # aid sent "to the Italian region of Lombardy" goes there
    search = search and not (entry.type in GIVING and any(_place_phrase(t) for t in targets))
    if search and not any(_other(t, entry.type) for t in targets):
        behind = [t for t in _behind_event(targets) if t not in sources]  # not the actor itself
        targets = _recipient(trigger_token) or behind or targets
    if search and not any(_other(t, entry.type) for t in targets):
        taken = {t.i for s in sources for x in _conjuncts(s) for t in x.subtree}
        taken |= _reporters(trigger_token.sent)  # "…, according to U.S. intelligence"
        if entry.pos == "NOUN":  # "reiterated the UN's commitment to …": whose it is
            taken |= {t.i for c in trigger_token.children if c.dep_ == "poss" for t in c.subtree}
        if (own := entity_of(trigger_token.doc, trigger_token.i)) is not None:
            taken |= set(range(own.start, own.end))  # "Congress of National Dialogue": its name
        other = lambda t: _other(t, entry.type)  # noqa: E731
        things = [t for t in targets if t.pos_ == "NOUN" and t.i != trigger_token.i]
        targets = _named_within([*things, trigger_token], taken, other) or targets
    parties = _participants(trigger_token) if entry.pos == "NOUN" and not sources else []
    if parties:  # "the summit between the EU and Turkey"
        sources, targets = parties[:1], parties[1:]
    # "the US and China signed a pact": one side and the other; but "the army and allied
    # fighters hit positions" strike together (the manual codes all attackers as actors)
    joint = len(sources) > 1 and not struck
    mutual = entry.type in MUTUAL or ("joint", entry.type) in recoding()
    sides = _paired_sides(sources[0]) if len(sources) == 1 and mutual else []
    if sides:  # "British and EU negotiators failed to reach a deal": British with EU
        sources, joint = sides, True
    # where it happens, or what a deal is on, is no other side ("Russia and China held
    # talks in Beijing", "reached an agreement on the Irish border")
    aside = (*PLACE_PREPS, "near", *(TOPIC_PREPS if mutual else ()))
    if joint and not any(_other(t, entry.type) and not _phrase_of(t, aside) for t in targets):
        sources, targets = sources[:1], sources[1:]
    targets = [x for t in targets for x in _conjuncts(t)]
    actors = [t for t in targets if _other(t, entry.type)]
    if entry.type == "MOBILIZE":  # the forces moved are the mover's, not whom they face
        moved = {t.i for c in trigger_token.children if c.dep_ == "dobj" for t in c.subtree}
        actors = [t for t in actors if t.i not in moved]
    if not actors and entry.type in ("THREATEN", "PROTEST"):  # "threatened to attack X"
        actors = _aimed_through_purpose(trigger_token, entry.type)
    if not actors and entry.type in GIVING:  # "donated ventilators to assist Ethiopia"
        actors = _helped(trigger_token)
    if not actors and not struck:  # "on alert in Manila", "pulled out of the town"
        actors = _placed_in(trigger_token, (*PLACE_PREPS, *preps))
    if len(actors) == 1 and _anonymous(actors[0]):  # "helped people in Somalia": Somalia
        actors = _where_they_are(actors[0], trigger_token) or actors
    return sources, actors or targets


def _paired_sides(head) -> list:
    """The parties two joined modifiers of one noun name, when they are actors ("US and
    Western allies", "House and Senate negotiators"), else []."""
    for m in head.children:
        if m.dep_ in ("amod", "compound", "nmod") and m.i < head.i:
            sides = _conjuncts(m)
            if len(sides) > 1 and all(_actorish(x) for x in sides):
                return sides
    return []


TOPIC_PREPS = ("on", "over", "about")  # what talks or a deal are about


def _phrase_of(token, preps: tuple[str, ...]) -> bool:
    """Whether a word is in a phrase of one of these prepositions ("in Beijing", "on the
    Irish border")."""
    while token.dep_ in ("amod", "compound", "nmod", "poss") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in preps


def _addressed(trigger, targets: list) -> bool:
    """Whether the target is one asked to act, whatever it is called: "urged western
    countries to repatriate their fighters" asks the countries."""
    asked = any(c.dep_ == "xcomp" for c in trigger.children)
    return asked and any(t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN") for t in targets)


AIMED_PREPS = ("at", "on", "into", "under", "toward", "towards", "against")


def _met_on_the_way(verb) -> list:
    """Whom one goes somewhere to meet: "travelled to Moscow for talks with Putin", "flew to
    Beijing to meet his counterpart"."""
    if verb.lemma_.lower() not in word_set("travel_verbs.txt"):
        return []
    for noun in _pobjs(verb, ("for",)):
        if match(noun) is not None:  # talks, a meeting
            return [g for g in _pobjs(noun, ("with",)) if _actorish(g)][:1]
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and getattr(match(clause), "type", "") == "CONSULT":
            return [c for c in clause.children if c.dep_ == "dobj" and _actorish(c)][:1]
    for clause in verb.subtree:  # "flew to Moscow, where he held talks with Putin"
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            held = [c for c in clause.children if c.dep_ == "dobj"]
            talks = [n for n in (clause, *held) if getattr(match(n), "type", "") == "CONSULT"]
            met = [g for n in talks for g in (*_pobjs(n, ("with",)), *held) if _actorish(g)]
            if met:
                return met[:1]
    return []


def _met_in(verb) -> list:
    """Whom one consults in the calls or talks a verb is done in: "discussed his concerns
    in phone calls with Trump and Putin"."""
    for noun in _pobjs(verb, ("in", "during", "at", "over")):
        if getattr(match(noun), "type", None) == "CONSULT":
            return [g for g in _pobjs(noun, ("with",)) if _actorish(g)][:1]
    return []


def _munition(token) -> bool:
    """What is fired or set off, as the object of an attack: the weapon, not its target."""
    return token.lemma_.lower() in word_set("munitions.txt")  # not "rocket launchers"


MUTUAL = ("CONSULT", "AGREE", "COOPERATE")  # done with another: "with X" names the other
PHYSICAL = ("ASSAULT",)  # what is struck is the recipient, named or not
STATE_ACTS = ("COERCE",)  # arrests, detentions, deportations: done by a state's authorities


def _anonymous(token) -> bool:
    """People the sentence identifies only by where they are ("48 people", "those
    affected"): no name, nationality or owner of their own."""
    named = [c for c in token.children if c.dep_ in ("poss", "compound", "amod")]
    named += _pobjs(token, ("of",))  # "the people of Japan" are Japan's
    return token.lemma_.lower() in word_set("generic_people.txt") and not any(
        c.ent_type_ for c in named
    )


def _where_they_are(people, trigger) -> list:
    """The country or region anonymous people are in: inside their phrase ("people in
    Somalia"), else where the act happens ("killed 48 people in attacks in Afghanistan")."""
    places = [t for t in people.subtree if _in_place(t)]
    placed = [t for t in _placed_in(trigger) if t.ent_type_ in PLACE_ENTS]
    nested = [g for p in trigger.children if p.dep_ == "prep" for g in p.subtree if _in_place(g)]
    return places[:1] or placed or nested[:1]


def _in_place(token) -> bool:
    """A country or region named as where something is: "in Somalia", "at Aleppo"."""
    placed = token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS
    return placed and token.ent_type_ in PLACE_ENTS


def _suffered(noun, owner) -> bool:
    """Whether a noun's possessor or name modifier is who the act is done to."""
    return (
        owner is not None
        and owner.head.i == noun.i
        and owner.dep_ in ("poss", "compound")
        and noun.lemma_.lower() in word_set("patient_nouns.txt")
        and not _pobjs(noun, ("of",))
    )


GIVING = ("AID", "SUPPORT")


def _helped(trigger) -> list:
    """Who a gift is meant for, named in its purpose ("provided $28 million to assist
    Ethiopia", "assistance to help people in Somalia")."""
    carrier = trigger.head if _carried(trigger) else trigger
    purposes = [
        c for h in (trigger, carrier) for c in h.children
        if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in word_set("helping_verbs.txt")
    ]  # fmt: skip
    helped = _named_within(purposes, set())
    if helped:
        return helped
    aims = [
        c for h in (trigger, carrier) for c in h.children
        if c.dep_ in ("advcl", "xcomp") and _infinitive(c)
    ]  # fmt: skip
    # … or the place any purpose names ("provided $400 million to promote democracy in Cuba")
    return [t for t in _named_within(aims, set()) if t.ent_type_ in PLACE_ENTS][:1]


def _sent_to_help(trigger) -> bool:
    """Whether forces are sent to help someone ("deployed 1,000 soldiers to Mozambique to help
    the government"): personnel sent to help is aid."""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in word_set("helping_verbs.txt")
        and _infinitive(c)
        for c in trigger.children
    )


def _sent_to_frontier(trigger) -> bool:
    """Whether arms are moved up to a border ("sent dozens of tanks and armoured vehicles to
    its border with Syria"): a deployment, not a delivery to someone."""
    if not any(
        g.lemma_.lower() in word_set("frontier_nouns.txt") for g in _pobjs(trigger, ("to",))
    ):
        return False
    armed = word_set("arms.txt") | word_set("munitions.txt")
    sent = [_counted(c) for c in trigger.children if c.dep_ == "dobj"]
    return any(x.lemma_.lower() in armed for o in sent for x in _conjuncts(o))


def _counted(token):
    """Who a number stands for: "deported hundreds of migrants" deported migrants."""
    number = token.ent_type_ in ("CARDINAL", "QUANTITY") or token.pos_ == "NUM"
    counted = _pobjs(token, ("of",)) if number else []
    return counted[0] if counted else token


def _participants(noun) -> list:
    """Who takes part in a meeting or exchange a noun names: "the summit between the EU and
    Turkey failed to reach agreement" is the EU's and Turkey's failure."""
    if noun.pos_ != "NOUN" or match(noun) is None:
        return []
    between = _pobjs(noun, ("between",))
    return _conjuncts(between[0]) if between and len(_conjuncts(between[0])) > 1 else []


def _placed_in(trigger, preps: tuple[str, ...] = PLACE_PREPS) -> list:
    """With no one acted on, the place it is done in, or the one its prepositions name,
    is what it is done to ("declared a state of siege in Bolivia", "remained on alert in
    Manila", "pulled out of the town"), as PLOVER coders take it."""
    path, token = [trigger], trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj":  # "peacekeepers served in Mali"
        path.append(trigger.head)
    while token.dep_ in ("pobj", "prep", "dobj", "nsubjpass") and token.head.i != token.i:
        token = token.head
        path.append(token)
    path += [c for c in trigger.children if c.dep_ in ("prt", "prep") and c.lower_ == "out"]
    path += [c for c in trigger.children if c.dep_ == "dobj"]  # "massed troops on the border"
    places = [_bordering(g) for t in path for g in _pobjs(t, (*preps, *AROUND_PREPS))]
    return [
        g for g in places
        if g.ent_type_ in PLACE_ENTS or g.lemma_.lower() in word_set("territory_nouns.txt")
    ][:1]  # fmt: skip


AROUND_PREPS = ("across", "near", "along", "around", "inside", "on")
BORDERS = ("border", "frontier", "boundary")


def _bordering(place):
    """The country a border belongs to ("the border with Ukraine", "the Gaza border")."""
    if place.lemma_.lower() not in BORDERS:
        return place
    named = [*_pobjs(place, ("with",)), *(c for c in place.children if c.dep_ == "compound")]
    return next((g for g in named if g.ent_type_ in PLACE_ENTS), place)


MODIFIERS = ("aux", "auxpass", "neg", "mark", "advmod", "prep", "amod", "prt")
PRECEDENCE = ("negated", "hypothetical", "planned", "reported")


def _cue_phrases(token) -> set[str]:
    """Lemmas and lemma pairs of the words that modify a token ("be to", "according to")."""
    mods = [c for c in token.children if c.dep_ in MODIFIERS and c.i < token.i + 3]
    lemmas = [c.lemma_.lower() for c in mods]
    phrases = (
        set(lemmas)
        | {  # side by side: "is to visit", not "were shipped to Yemen"
            " ".join(lemmas[k : k + 2])
            for k in range(len(lemmas) - 1)
            if mods[k + 1].i == mods[k].i + 1
        }
    )
    phrases |= {  # in sentence order: "no longer"
        " ".join(t.lemma_.lower() for t in sorted((c, g), key=lambda t: t.i))
        for c in mods
        for g in c.children
    }
    return phrases


def modality(trigger_token) -> str:
    """asserted, planned, negated, hypothetical or reported, from the trigger's clause."""
    cues = modality_cues()
    found = {cues[p] for p in _cue_phrases(trigger_token) if p in cues}
    head = trigger_token.head
    # a clause of time or cause has its own mood: "delayed … after they were forced to"
    framed = trigger_token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in trigger_token.children
    )
    if (
        trigger_token.dep_ in ("xcomp", "ccomp", "advcl", "acl")
        and head.i != trigger_token.i
        and not framed
    ):
        head_phrases = {head.lemma_.lower()} | {
            f"{head.lemma_.lower()} {c.lemma_.lower()}" for c in head.children if c.dep_ == "prt"
        }
        # a finite clause has its own tense: "announced they are boycotting" is no plan
        finite = trigger_token.dep_ == "ccomp" and any(
            c.dep_ in SUBJECTS for c in trigger_token.children
        )
        heard = {cues[p] for p in head_phrases if p in cues}
        found |= heard - {"planned"} if finite else heard
        if trigger_token.dep_ == "xcomp":
            found |= {cues[p] for p in _cue_phrases(head) if cues.get(p) == "negated"}
    # a verb joined to one it shares its auxiliary with: "would accept – but prosecute –",
    # "will arrest and try them"
    shared = trigger_token.dep_ == "conj" and head.pos_ == "VERB" and trigger_token.pos_ == "VERB"
    if shared and not any(c.dep_ in (*SUBJECTS, "aux") for c in trigger_token.children):
        found |= {modality(head)} & {"negated", "hypothetical", "planned"}
    nominal = trigger_token.pos_ in ("NOUN", "PROPN")
    carrier = _governor(trigger_token) if nominal else None
    if carrier is not None and carrier.lemma_.lower() in word_set("light_verbs.txt"):
        # "failed to reach agreement", "will not begin talks", "will make a visit to Russia"
        found |= {modality(carrier)} & {"negated", "hypothetical", "planned"}
    return next((name for name in PRECEDENCE if name in found), "asserted")


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def is_background(trigger_token, when: When | None, anchor: date | None, sentence: str) -> bool:
    """History the article recalls: an event dated a year or more before the article,
    or a past-tense event in a sentence that names a year at least two years back."""
    if anchor is None:
        return False
    dated = when is not None and when.date and when.precision != "article"
    if dated and (anchor - date.fromisoformat(when.date)).days > 365:
        return True
    if trigger_token.tag_ not in ("VBD", "VBN") and trigger_token.pos_ != "NOUN":
        return False
    years = [int(y) for y in _YEAR.findall(sentence)]
    return any(y <= anchor.year - 2 for y in years)


def _promised(token) -> bool:
    """Whether a verb is stated with "will" or "would" ("would not attend")."""
    return any(c.lower_ in ("will", "would") for c in token.children)


def _scheduled(when: When | None, anchor: date | None) -> bool:
    """An event dated after the article: it has not happened yet."""
    if when is None or anchor is None or not when.date or when.precision == "article":
        return False
    return date.fromisoformat(when.date) > anchor


def _unresolved_pronoun(token, actor: Actor) -> bool:
    return token.pos_ == "PRON" and not (actor.name or actor.country or actor.sector)


def _joint(token, entry: Trigger) -> bool:
    """Whether two or more parties do the act together ("X and Y staged war games", "U.S. and
    Philippine marines staged exercises", "held exercises with Egyptian forces")."""
    src = _noun_source(token) if entry.pos == "NOUN" else _subject_of(token)
    if src is None:
        return False
    paired = any(  # "U.S. and Philippine marines": two modifiers joined
        m.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in m.children)
        for m in src.children
    )
    # "with X" on the act, or on the verb that stages it ("staged drills with US Marines")
    gov = _governor(token) if entry.pos == "NOUN" else None
    staged = gov is not None and gov.lemma_.lower() in word_set("staging_verbs.txt")
    holders = [token, *([gov] if staged else [])]
    partner = any(_actorish(g) for h in holders for g in _pobjs(h, ("with",)))
    return len(_conjuncts(src)) > 1 or paired or partner


def _crowd(sources: list) -> bool:
    """Whether those acting are a protesting crowd ("rioters", "protesters in Lima"),
    whose violence PLOVER codes as a riot, not an assault."""
    crowd = word_set("protesting_people.txt")
    return bool(sources) and all(
        s.lemma_.lower() in crowd
        or any(c.dep_ in ("amod", "compound") and c.lower_ in crowd for c in s.children)
        for s in sources
    )


def _verbal(trigger, sources: list, targets: list) -> bool:
    """Whether an attack is one of words: a named person's on named people or people by
    office, with no weapon in the sentence."""
    if trigger.lemma_.lower() not in word_set("verbal_attacks.txt") or not sources or not targets:
        return False
    offices = word_set("person_titles.txt")
    people = all(t.ent_type_ == "PERSON" or t.lemma_.lower() in offices for t in targets)
    armed = word_set("munitions.txt") | word_set("arms.txt")
    weapon = any(t.lemma_.lower() in armed for t in trigger.sent)
    return all(s.ent_type_ == "PERSON" for s in sources) and people and not weapon


def _same(a: Actor, b: Actor) -> bool:
    """Two mentions of one actor, as far as their resolved attributes tell."""
    return (a.name, a.country, a.sector) == (b.name, b.country, b.sector) and bool(
        a.name or a.country
    )


def _speaker(trigger):
    """The subject of the reporting verb whose complement clause holds the trigger."""
    clause = trigger
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    reporting = modality_cues().get(head.lemma_.lower()) == "reported" or is_speech_verb(head)
    if clause.dep_ != "ccomp" or not reporting:  # "said", "announced he would lift"
        return None
    return _subject_of(head)


def _place(token, where, actors: list[Actor]) -> Place | None:
    """The event's place, unless it is one of its actors ("sanctions on Iran")."""
    place = where(token) if where else None
    if place is None:
        return None
    names = {(a.text or "").lower() for a in actors} | {(a.name or "").lower() for a in actors}
    return None if place.name.lower() in names else place


def _thing(trigger, words: set[int]):
    """What an act is done to, as a noun: its direct object first, then a prepositional one;
    never a date ("attend … on Saturday") nor a word of the trigger ("took part")."""
    objects = [
        o for o in _object_tokens(trigger)
        if o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        and o.i not in words
    ]  # fmt: skip
    return min(objects, key=lambda o: (o.dep_ not in OBJECTS, o.i), default=None)


def _main(trigger) -> bool:
    """Whether the sentence asserts the event rather than mentions it in passing: not in a
    relative, adverbial or participle clause, and not a subject ("the summit … failed to reach
    agreement": the failure is what is told)."""
    token = trigger
    while token.head.i != token.i:
        if token.dep_ in CLAUSES - {"conj", "ccomp"} or token.dep_ in (*SUBJECTS, "amod"):
            return False
        token = token.head
    return True


def _event_id(article_id: str, start: int, end: int, type_: str) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}:{type_}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ArticleContext:
    """What every event of one article is built with: its id, date and resolvers."""

    article_id: str
    anchor: date | None
    resolve: Callable[[object], Actor]
    when: Callable[[object], When] | None = None
    where: Callable[[object], Place | None] | None = None


def _event(
    ctx: ArticleContext,
    sent,
    s_idx: int,
    trigger: tuple,
    kind: tuple[str, str | None, str | None],
    roles: tuple[list[Actor], list[Actor]],
    mod: str,
    time: When | None,
    guessed: str | None = None,
) -> Event:
    """An event record with its evidence: the sentence and the trigger words' offsets
    (`trigger` is the head word, then the rest of a multiword trigger); the `guessed`
    role ("source" or "target") is the nearest actor, not syntax: it adds no confidence."""
    first = trigger[0]
    words = sorted(trigger, key=lambda t: t.i)
    type_, mode, fallback_cameo = kind
    source, target = roles
    cameo, score = type_table().get((type_, mode), type_table().get((type_, None), (None, None)))
    text = Sentences.of(sent.doc).texts[s_idx]
    thing = _thing(first, {t.i for t in trigger})
    givers = [(a.start, a.end) for a in source if a.start is not None]
    if thing is not None and any(start <= thing.idx < end for start, end in givers):
        thing = None  # "backing from Turkey": the giver is not what is acted on
    return Event(
        article_id=ctx.article_id,
        type=type_,
        mode=mode,
        cameo=cameo or fallback_cameo,
        score=score,
        source=source,
        target=target,
        trigger=" ".join(t.text for t in words),
        modality=mod,
        background=is_background(first, time, ctx.anchor, text),
        sentence=s_idx,
        start=sent.start_char,
        end=sent.start_char + len(text.rstrip()),
        date=time.date if time else (ctx.anchor.isoformat() if ctx.anchor else None),
        date_precision=time.precision if time else "article",
        place=_place(first, ctx.where, source + target),
        confidence=round(
            0.35
            + 0.25 * bool(source and guessed != "source")
            + 0.25 * bool(target and guessed != "target")
            + 0.05 * (first.pos_ == "VERB")
            + 0.1 * _main(first),
            2,
        ),
        trigger_start=words[0].idx,
        trigger_end=words[-1].idx + len(words[-1]),
        id=_event_id(ctx.article_id, first.idx, first.idx + len(first), type_),
        object=" ".join(noun_phrase(thing).text.split()) if thing is not None else None,
        guessed=(guessed,) if guessed and (source if guessed == "source" else target) else (),
    )


def _told_by_purpose(doc, made: dict[int, Event]) -> None:
    """A phone call made to do something is told by what it was for: "Netanyahu called
    Morrison to congratulate him" is support first, the call second; the purpose's pronoun
    ("him") is the one called."""
    for i, call in made.items():
        if call.mode != "phone" or doc[i].pos_ != "VERB":
            continue
        for clause in doc[i].children:
            purpose = made.get(clause.i)
            if purpose is None or clause.dep_ not in ("advcl", "xcomp") or not _infinitive(clause):
                continue
            if call.target and all(_pronoun_actor(doc, a) for a in purpose.target):
                purpose.target = list(call.target)
            purpose.confidence = max(purpose.confidence, call.confidence)
            call.confidence = round(purpose.confidence - 0.05, 2)


def _pronoun_actor(doc, actor: Actor) -> bool:
    """Whether an actor is written as a pronoun ("him", "them")."""
    span = doc.char_span(actor.start, actor.end) if actor.start is not None else None
    return span is not None and all(t.pos_ == "PRON" for t in span)


def extract_events(doc, ctx: ArticleContext) -> list[Event]:
    """Every event stated in the Doc's sentences, each with its evidence offsets."""
    events: list[Event] = []
    resolve, when, anchor = ctx.resolve, ctx.when, ctx.anchor
    table, heads = token_table(doc), _head_lemmas()

    def may_head(i: int) -> bool:  # tested on plain lists: most words are left unmade
        joined = i > 1 and table.lower[i - 1] == "-"  # "cease-fire"
        return table.pos[i] in HEADS and (joined or table.lemma[i].lower() in heads)

    for s_idx, sent in enumerate(Sentences.of(doc).spans):
        made: dict[int, Event] = {}  # trigger head → its event, for calls made to do something
        found = [(doc[i], match(doc[i])) for i in range(sent.start, sent.end) if may_head(i)]
        # "arrest" in "an arrest warrant" is part of one trigger, not an event of its own
        parts = {w.i for t, e in found if e is not None for w in _trigger_words(t, e)[1:]}
        ors = (doc[i] for i in range(sent.start, sent.end) if table.lower[i] == "or")
        ultimatums = [u for t in ors if (u := _ultimatum(t)) is not None]
        parts |= {w.i for ultimatum in ultimatums for w in ultimatum}  # its own acts are not
        for token, entry in found:
            if entry is None or token.i in parts:
                continue
            if _is_content_of_trigger(token) or _voices(token):
                continue
            mod = modality(token)
            type_, mode = entry.type, entry.mode
            if mod == "negated" and token.lemma_.lower() in word_set("participation_verbs.txt"):
                type_, mode = "REJECT", "meet"  # "would not attend": refusing to meet
                mod = "planned" if _promised(token) else "asserted"
            elif (mod, type_) in recoding():
                new_type, new_mode = recoding()[(mod, type_)]
                kept = mode if (new_type, mode) in type_table() else None  # THREATEN arrest
                type_, mode = new_type, kept or new_mode
                if type_ == "REJECT":  # the refusal itself is stated, or promised ("will not")
                    mod = "planned" if _promised(token) else "asserted"
            time = when(token) if when else None
            if mod == "asserted" and _scheduled(time, anchor):
                mod = "planned"  # "is hosting … on Tuesday" in a Monday article
            if ("joint", type_) in recoding() and _joint(token, entry):
                type_, mode = recoding()[("joint", type_)]  # "the US and its allies held war games"
            src_tokens, tgt_tokens, guessed = _guessed(token, entry, *_roles(token, entry))
            if token.dep_ == "amod" and token.tag_ == "VBG":
                # "the visiting Chinese president" visits; whom, the phrase does not say
                src_tokens, tgt_tokens, guessed = [token.head], [], None
            if ("crowd", type_) in recoding() and _crowd(src_tokens):
                type_, mode = recoding()[("crowd", type_)]  # "protesters stormed parliament"
            if ("helping", type_) in recoding() and _sent_to_help(token):
                type_, mode = recoding()[("helping", type_)]  # "deployed troops to help X"
            if ("frontier", type_) in recoding() and _sent_to_frontier(token):
                type_, mode = recoding()[("frontier", type_)]  # "sent tanks to its border"
            if ("verbal", type_) in recoding() and _verbal(token, src_tokens, tgt_tokens):
                type_, mode = recoding()[("verbal", type_)]  # "Keating attacked the spy chiefs"
            reversed_ = token.lemma_.lower() in word_set("reversed_triggers.txt")
            hosted = mode == "visit" and tgt_tokens and _is_participant(tgt_tokens[0])
            received = token.lemma_.lower() in word_set("receiving_verbs.txt")
            if reversed_ and (hosted or (type_ == "AID" and tgt_tokens and received)):
                # "X hosted Y": Y visits X; "X received $60 million from Y": Y gives
                src_tokens, tgt_tokens = tgt_tokens, src_tokens
                guessed = {"source": "target", "target": "source"}.get(guessed, guessed)
            source = [resolve(noun_phrase(t)) for t in src_tokens]
            pronoun = src_tokens[0] if len(source) == 1 and src_tokens[0].pos_ == "PRON" else None
            clause = pronoun.head if pronoun is not None and pronoun.dep_ in SUBJECTS else token
            speaker = _speaker(clause) if pronoun is not None else None
            if speaker is not None:
                # "the opposition said it would not attend": the named mention is the source
                named = resolve(noun_phrase(speaker))
                # "the government said it would lift …": "it" is the body that said so
                body = (
                    pronoun.lower_ == "it" and speaker.ent_type_ != "PERSON" and _actorish(speaker)
                )
                if _unresolved_pronoun(pronoun, source[0]) or _same(named, source[0]) or body:
                    source = [named]
            target = [resolve(noun_phrase(t)) for t in tgt_tokens]
            if guessed and any(_same(a, b) for a in source for b in target):
                source, target = (source, []) if guessed == "target" else ([], target)
            words = _trigger_words(token, entry)
            kind = (type_, mode, entry.cameo)
            roles = (source, target)
            event = _event(ctx, sent, s_idx, tuple(words), kind, roles, mod, time, guessed)
            events.append(event)
            made.setdefault(token.i, event)
        _told_by_purpose(doc, made)
        events += _reported_acts(sent, s_idx, ctx)
        events += [_ultimatum_event(u, sent, s_idx, ctx) for u in ultimatums]
    return events


def _ultimatum(conjunction):
    """An ultimatum an "or" makes: "gave the rebels 24 hours to disarm or face military
    action", "told the forces to surrender or face an assault" — the verb that gives it,
    the act demanded and the threat (knowledge/ultimatum_consequences.txt), or None."""
    demanded = conjunction.head
    face = next((c for c in demanded.children if c.dep_ == "conj" and c.lemma_ == "face"), None)
    if conjunction.dep_ != "cc" or face is None or not _infinitive(demanded):
        return None
    threats = word_set("ultimatum_consequences.txt")
    threat = next((c for c in face.children if c.dep_ == "dobj" and c.lemma_ in threats), None)
    giver = next((a for a in demanded.ancestors if a.pos_ == "VERB"), None)
    if threat is None or giver is None or _subject_of(giver) is None:
        return None
    return giver, demanded, threat


def _ultimatum_event(ultimatum, sent, s_idx: int, ctx: ArticleContext) -> Event:
    """The threat an ultimatum makes to the one given it (CAMEO 139)."""
    giver, _, threat = ultimatum
    told = [c for c in giver.children if c.dep_ in ("dobj", "dative")][:1]
    roles = ([ctx.resolve(noun_phrase(_subject_of(giver)))],
             [ctx.resolve(noun_phrase(t)) for t in told])  # fmt: skip
    time = ctx.when(giver) if ctx.when else None
    kind = ("THREATEN", "violence", "139")
    return _event(ctx, sent, s_idx, (threat.head, threat), kind, roles, "asserted", time)


@cache
def reported_clauses() -> dict[tuple[str, str], tuple[str, str | None, str]]:
    """(word, dependency) in a reported clause → the (type, mode, cameo) of the report."""
    return {(r[0], r[1]): (r[2], r[3] or None, r[4]) for r in table("reported_clauses.tsv")}


THING_WORDS = frozenset(("it", "this", "that", "which"))


def _reported_acts(sent, s_idx: int, ctx: ArticleContext) -> list[Event]:
    """Acts of a speaker towards the subject of what they report: "X said (that) Y must …"
    is X demanding of Y, "X said Y was responsible" X blaming Y."""
    out = []
    cues, verbs = reported_clauses(), speech_verbs()
    lemma = token_table(sent.doc).lemma  # make Tokens only of speech verbs
    for i in range(sent.start, sent.end):
        if lemma[i].lower() not in verbs or not is_speech_verb(verb := sent.doc[i]):
            continue
        speaker = _subject_of(verb)
        for clause in verb.children:
            if clause.dep_ != "ccomp" or speaker is None or not _actorish(speaker):
                continue
            words = [clause, *clause.children]
            cue = next((w for w in words if (w.lemma_.lower(), w.dep_) in cues), None)
            subjects = (*SUBJECTS, *PASSIVE_SUBJECTS)
            subject = next((c for c in clause.children if c.dep_ in subjects), None)
            if cue is None or subject is None or subject.lower_ in THING_WORDS:
                continue  # "saying it was needed": a thing, or the speaker's own duty
            if not _actorish(subject):  # "military intervention in Venezuela must be avoided"
                named = _named_within([subject], set())
                if not named and subject.dep_ not in PASSIVE_SUBJECTS:
                    continue  # "the war must end": a demand of no one in particular
                subject = next(iter(named), subject)
            roles = ([ctx.resolve(noun_phrase(speaker))], [ctx.resolve(noun_phrase(subject))])
            time = ctx.when(verb) if ctx.when else None
            kind = cues[(cue.lemma_.lower(), cue.dep_)]
            out.append(_event(ctx, sent, s_idx, (cue,), kind, roles, "asserted", time))
    return out


@cache
def accusation_cues() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First lemma → (lemmas, ACCUSE mode) of the words that make a statement an accusation."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in table("accusation_cues.tsv"):
        lemmas = tuple(row[0].strip().lower().split())
        out.setdefault(lemmas[0], []).append((lemmas, row[1].strip()))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))
    return out


def _accused(token, span):
    """Whom words in a statement are said of: the nearest subject up the clause, within
    the statement ("Russia is an aggressor country that has committed war crimes")."""
    node = token
    while node.head.i != node.i and span.start <= node.head.i < span.end:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            for child in node.children:
                if child.dep_ in SUBJECTS and child.i != token.i and _actorish(child):
                    return child
    return None


def accusations(doc, quotes: list, ctx: ArticleContext) -> list[Event]:
    """ACCUSE events from what speakers say: a statement calling an actor an aggressor, or
    saying it committed war crimes, accuses that actor; narration never does."""
    cues = accusation_cues()
    sents = Sentences.of(doc)
    events: list[Event] = []
    for quote in quotes:
        if quote.speaker is None or quote.in_comment:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="contract")
        if span is None:
            continue
        lemmas = [t.lemma_.lower() for t in span]
        seen: set[tuple] = set()
        for k, token in enumerate(span):
            for cue, mode in cues.get(lemmas[k], ()):
                if tuple(lemmas[k : k + len(cue)]) != cue:
                    continue
                accused = _accused(token, span)
                if accused is None:
                    break
                target = ctx.resolve(noun_phrase(accused))
                key = (target.name, target.country)
                if not (target.name or target.country) or key in seen:
                    break
                if key == (quote.speaker.name, quote.speaker.country):
                    break
                seen.add(key)
                verb = doc.char_span(quote.verb_start, quote.verb_end) if quote.verb_start else None
                time = ctx.when(verb[0] if verb else token) if ctx.when else None
                words = tuple(span[k : k + len(cue)])
                roles = ([quote.speaker], [target])
                kind = ("ACCUSE", mode, None)
                s_idx = sents.index(token.i)
                sent = sents.spans[s_idx]
                events.append(_event(ctx, sent, s_idx, words, kind, roles, "asserted", time))
                break
    return events
