"""Small dependency-tree helpers shared by the event, place and quote extractors."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from ..knowledge import lines, table, word_set
from ..model import Sentence

# Parts of a noun phrase that belong to the clause, not to the actor's name
MISREAD_NAME = ("advmod", "npadvmod", "attr", "oprd")  # a subject after its verb, misparsed
CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj", "prep", "ccomp", "xcomp", "parataxis")
CLAUSES = ("relcl", "acl", "advcl")  # clauses inside a kept prepositional phrase
KEEP_PREPS = ("of", "for")  # "a spokesman for the opposition", "the leader of Hamas"


@cache
def speech_verbs() -> dict[str, bool]:
    """Lemma of a verb of saying → whether its direct object is the addressee."""
    return {row[0].strip(): row[1].strip() == "yes" for row in table("speech_verbs.tsv")}


@cache
def _phrasal_speech_verbs() -> frozenset[str]:
    """The verbs that say something only with a particle ("shoot" of "shoot back")."""
    return frozenset(verb.split()[0] for verb in speech_verbs() if " " in verb)


@cache
def that_clause_verbs() -> frozenset[str]:
    """Verbs that only report speech with a that-clause ("the court held that …")."""
    return frozenset(row[0].strip() for row in table("speech_verbs.tsv") if row[2:3] == ["that"])


REFLEXIVES = frozenset(("itself", "himself", "herself", "themselves", "oneself", "ourselves"))


def speech_lemma(token) -> str | None:
    """The speech_verbs.tsv entry a verb is: its lemma, or with its particle for a phrasal
    verb that only says something with it and no object ("shot back, “…”", not "fired
    back at the gunmen")."""
    lemma = token.lemma_.lower()
    verbs = speech_verbs()
    if lemma in verbs:
        return lemma
    if lemma not in _phrasal_speech_verbs():
        return None
    children = list(token.children)
    if any(c.dep_ in ("dobj", "prep", "agent") for c in children):
        return None
    for child in children:
        if child.dep_ in ("prt", "advmod") and f"{lemma} {child.lower_}" in verbs:
            return f"{lemma} {child.lower_}"
    return None


def is_speech_verb(token) -> bool:
    """A verb that reports what someone said or wrote (knowledge/speech_verbs.tsv); not one
    done to oneself ("timid about asserting itself"), unless it says what one is
    ("described herself as “ignorant and arrogant”")."""
    if token.pos_ not in ("VERB", "AUX"):  # first: most words are not, and cost nothing more
        return False
    lemma = speech_lemma(token)
    if lemma is None:
        return False
    children = list(token.children)
    if lemma in that_clause_verbs() and not any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in children
    ):
        return False
    reflexive = any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in children)
    return not reflexive or any(c.dep_ == "prep" and c.lower_ == "as" for c in children)


DATELINE_MARKS = frozenset(("-", "--", "\u2013", "\u2014", ":", "):"))
DATELINE_REACH = 14  # tokens: "MARIB, Yemen, Sept. 28 (Reuters) -"


def dateline(sent) -> range:
    """Token indices of the dateline a sentence opens with ("RABAT (Reuters) -", "KABUL
    (Pajhwok):", "THE HAGUE -"): a place in capitals, maybe a date and an agency, then a
    dash or colon. Where a story was filed is neither who acts nor who is acted on."""
    first = sent[0]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return range(0)
    for tok in sent[1:DATELINE_REACH]:
        if tok.text in DATELINE_MARKS:
            return range(sent.start, tok.i + 1)
        if tok.pos_ in ("VERB", "AUX") and not tok.is_upper:
            break  # a headline or a sentence in capitals, not a dateline
    return range(0)


def free_relative_object(verb):
    """The noun a free relative names: "hosting what it has called a congress" → congress.

    The clause stands for that noun, so its roles and places belong to the outer verb."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp")), None)


TENSED = frozenset({"VBD", "VBZ", "VBP"})  # a verb with a tense of its own, no auxiliary
FINITE = TENSED | {"MD"}


def _right_after_quote(verb) -> bool:
    """Whether a known speech verb comes right after a closing quotation mark (and comma)."""
    if speech_lemma(verb) is None:
        return False
    before = [verb.doc[i] for i in range(max(verb.i - 2, 0), verb.i)]
    while before and before[-1].text == ",":
        before.pop()
    return bool(before) and before[-1].is_quote


def _quoted_before(word, verb) -> bool:
    """Whether a word the parser made a verb's subject is inside the quotation that closes
    before the verb ("… #Cologne,” tweeted a German user")."""
    return word.i < verb.i and any(t.is_quote for t in word.doc[word.i + 1 : verb.i])


def inverted_subject(verb):
    """The subject of a speech verb that follows its content: "…, claimed the opposition".

    The parser often takes the post-verbal subject for an object; it is the subject when the
    verb has none, comes after a comma and names no addressee, unless it comes right after
    a quotation ("“How big is that wall?” asked the boy")."""
    addressee = speech_verbs().get(verb.lemma_.lower(), True)
    after_quote = _right_after_quote(verb)
    if (addressee and not after_quote) or any(
        c.dep_ in ("nsubj", "nsubjpass") and not _quoted_before(c, verb) for c in verb.children
    ):
        return None
    # "…, protesting the state's system": no tense, no speaker after it; but "“…,” read
    # one", a past tense tagged as a bare verb
    if verb.tag_ not in TENSED and not (after_quote and verb.tag_ in ("VB", "VBN")):
        return None
    before = verb.doc[verb.i - 1] if verb.i > 0 and not verb.is_sent_start else None
    if before is None or before.text not in (",", "\u201d", '"', "'", "\u2019"):
        return None
    content = verb.doc[verb.sent.start : verb.i - 1]
    if (
        before.text == ","
        and not any(t.tag_ in FINITE and not _relative(t) for t in content)
        and not any(t.is_quote for t in content)
    ):
        # no content before it: "Speaking to X, Y, a father, said his son …", "Barrett,
        # who was formerly head of …, said Britain was not alone"
        return None
    found = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if found is None:  # "…,” said Canadian Hanna Bohman, one of … to have joined": the
        # parser made the name the subject of a clause it hung on the verb
        found = next((s for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                      for s in c.children if s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1
                      and s.pos_ in ("PROPN", "NOUN")), None)  # fmt: skip
    if found is None:  # "would, said Carlile, also contribute": a name the parser hung
        found = next(  # on the verb as a modifier
            (c for c in verb.children if c.i == verb.i + 1 and c.dep_ in MISREAD_NAME
             and (c.pos_ == "PROPN" or (c.pos_ == "ADV" and c.is_title))  # "said Skelly"
             and c.ent_type_ not in ("DATE", "TIME")),
            None,
        )  # fmt: skip
    return found


def _relative(token) -> bool:
    """Whether a word belongs to a relative clause ("Barrett, who was formerly head of …")."""
    return token.dep_ == "relcl" or any(a.dep_ == "relcl" for a in token.ancestors)


def antecedent(token):
    """What a relative pronoun stands for: the noun its clause hangs on ("the village, which
    was attacked"), or for "who" the person that noun's phrase belongs to ("Lister, of the
    Institute, who said") or whose act it names ("a rebuke by the president, who warned");
    any other word stands for itself."""
    relative = token.tag_ in ("WDT", "WP") or (token.lower_ == "that" and token.dep_ != "det")
    clause = token.head
    if not relative or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return token
    head = clause.head
    if token.lower_ != "who" or head.ent_type_ == "PERSON":
        return head
    agent = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    if head.pos_ == "NOUN" and agent and agent[0].dep_ == "pobj":
        return agent[0]  # "a rebuke by Turkey's president, who warned": the president
    word = head
    # up through the phrase's prepositions, appositions and gerunds ("director of countering
    # terrorism at the Institute")
    while word.dep_ in ("pobj", "prep", "pcomp", "appos", "conj") and word.head.i != word.i:
        word = word.head
        if word.ent_type_ == "PERSON":
            return word
    return head


def noun_phrase(token):
    """The noun phrase headed by `token`, without relative clauses and trailing clauses."""
    left, right = token.i, token.i
    for child in token.children:
        if child.dep_ in CUT and not (child.dep_ == "prep" and child.lemma_ in KEEP_PREPS):
            continue
        sub = list(child.subtree)
        end = sub[-1].i
        if child.dep_ in ("prep", "appos"):  # "of the Institute, who said …": not the clause
            clauses = [t.left_edge.i for t in sub if t.dep_ in CLAUSES and t.i > child.i]
            end = min([end + 1, *clauses]) - 1
        left, right = min(left, sub[0].i), max(right, end)
    doc = token.doc
    for i in range(token.i - 1, left - 1, -1):  # a phrase never runs across a paragraph
        if "\n" in doc[i].text_with_ws:
            left = i + 1
            break
    for i in range(token.i, right):
        if "\n" in doc[i].text_with_ws:
            right = i
            break
    sents = Sentences.of(doc)
    if left < token.i and sents.in_dateline(left) and not sents.in_dateline(token.i):
        while left < token.i and sents.in_dateline(left):  # "NAIROBI (Reuters) - Al-Shabaab"
            left += 1
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


CACHE = "storyline_"  # the prefix of every key storyline keeps in a Doc's user_data


def release_caches(doc) -> None:
    """Drop every storyline cache kept in a Doc's user_data.

    Each refers back to its Doc through spaCy objects the garbage collector does not
    follow, so a Doc that keeps one is never freed: a run would hold every Doc it parsed.
    """
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE)]:
        del doc.user_data[key]


class Sentences:
    """The sentences of a Doc, indexed: Token.sent and Span.sent walk the tree each call,
    Doc.sents and Doc.text rebuild themselves on every access."""

    KEY = CACHE + "sentences"

    def __init__(self, doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]
        self.char_starts = [s.start_char for s in self.spans]
        # each sentence's text, cut from the Doc's: Span.text joins its tokens anew per call
        self.texts = [self.text[s.start_char : s.end_char] for s in self.spans]

    @classmethod
    def of(cls, doc) -> Sentences:
        """The Doc's one index, made on first use and kept in its user_data until
        `release_caches`."""
        found = doc.user_data.get(cls.KEY)
        if found is None:
            found = doc.user_data[cls.KEY] = cls(doc)
        return found

    def records(self, article_id: str) -> list[Sentence]:
        """The sentences as records with offsets into the body."""
        out = []
        for k, sent in enumerate(self.spans):
            text = self.texts[k].rstrip()  # spaCy keeps the blank line after a paragraph's end
            out.append(Sentence(article_id, k, sent.start_char, sent.start_char + len(text), text))
        return out

    def index(self, token_i: int) -> int:
        """The number of the sentence holding token `token_i`."""
        return max(bisect_right(self.starts, token_i) - 1, 0)

    def sent(self, token):
        """The sentence Span holding a token."""
        return self.spans[self.index(token.i)]

    def in_dateline(self, i: int) -> bool:
        """Whether token i is part of a sentence's opening dateline (see `dateline`)."""
        if not hasattr(self, "_datelines"):
            self._datelines = {k for sent in self.spans for k in dateline(sent)}
        return i in self._datelines

    def at_char(self, char: int) -> int | None:
        """The number of the sentence holding a character offset of the text."""
        if not self.spans or not 0 <= char < len(self.text):
            return None
        return max(bisect_right(self.char_starts, char) - 1, 0)


@cache
def documents() -> frozenset[str]:
    """Nouns for documents that speak for whoever issued them (knowledge/document_nouns.txt)."""
    return frozenset(w.strip() for w in lines("document_nouns.txt"))


def issued_by(noun):
    """Who put out what a noun names, from the participle after it: "the latest figures
    released by the UN's refugee agency" → the agency."""
    return next(
        (
            g
            for acl in noun.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN"
            for agent in acl.children
            if agent.dep_ == "agent"
            for g in agent.children
            if g.dep_ == "pobj"
        ),
        None,
    )


def document_issuer(noun, outside):
    """Who issued a document: its owner ("Olsen's statement"), who it is from ("a statement
    from Unicef"), who published it, or the subject that put it out ("Olsen put out a
    statement"), not one who received it ("the paper obtained a letter")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    by = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if by:  # "a statement from the UN children's fund said"
        return by[0]
    if (issued := issued_by(noun)) is not None:  # "a report published by Amnesty"
        return issued
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in documents()]  # fmt: skip
    if of:  # "a transcript of his remarks"
        return document_issuer(of[0], outside)
    head = noun.head
    if noun.dep_ != "dobj" or head.lemma_.lower() in word_set("receiving_verbs.txt"):
        return None
    subjects = (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and outside(c))
    issuer = next(subjects, None)
    if issuer is not None and issuer.tag_ in ("WP", "WDT"):  # "The group, who carried signs"
        return antecedent(issuer)
    return issuer
