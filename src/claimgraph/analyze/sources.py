"""Say what a source span is: its kind, its count, and the entity it names or refers to.

Pure functions over a source span and the document's entities (``doc._.cg_entities``), used by
the attribution component. Kinds follow DESIGN: outlet, person, organization, anonymous,
document, unspecified (the publisher is made elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimgraph.analyze import lexicon
from claimgraph.analyze.entities import is_title
from claimgraph.model import Entity

NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "dozen": 12,
    "both": 2,
    "a": 1,
    "an": 1,
    "another": 1,
}
PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "i": "person",
    "we": "organization",
    "they": "unspecified",
    "it": "unspecified",
}
#: words that stand alone for some of a group ("one said", "others disagreed"), with their count
PARTITIVES = {"one": 1, "another": 1, "others": None, "some": None, "many": None, "several": None}
ENTITY_KINDS = {
    "person": "person",
    "outlet": "outlet",
    "organization": "organization",
    "place": "organization",
    "group": "organization",
    "other": "unspecified",
}


#: entity types "he" and "the president" stand for, and those "it" and "the company" stand for
PEOPLE = frozenset({"person"})
BODIES = frozenset({"organization"})
#: nouns that stand for whichever body the text is about ("the company said")
GENERIC_BODIES = frozenset({"company", "firm", "group", "organization", "organisation", "corporation"})


@dataclass
class SourceInfo:
    kind: str
    count: int | None
    entity: Entity | None


class EntityIndex:
    """Look up the entities of one document by token, by role, and by recency."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.entities = entities
        self.by_char: dict[int, Entity] = {}
        self.mentions: list[tuple[int, Entity]] = []
        for e in entities:
            for m in e.mentions:
                self.mentions.append((m.start, e))
                for c in range(m.start, m.end):
                    self.by_char[c] = e
        self.mentions.sort(key=lambda pair: pair[0])

    def at(self, token: Token) -> Entity | None:
        """Return the entity whose mention covers ``token``."""
        return self.by_char.get(token.idx)

    def in_span(self, span: Span) -> list[Entity]:
        """Return the entities mentioned in ``span``, in order, once each."""
        found: list[Entity] = []
        for tok in span:
            e = self.at(tok)
            if e is not None and e not in found:
                found.append(e)
        return found

    def recent(
        self, before: int, types: set[str], window: int = 600, word: str | None = None
    ) -> Entity | None:
        """Return the entity of ``types`` mentioned last before char ``before``, within ``window``;
        with ``word``, the last one whose name holds that word ("the ministry": the Ministry of
        the Interior)."""
        for start, e in reversed(self.mentions):
            if start < before and e.type in types and (word is None or word in e.name.lower().split()):
                return e if before - start <= window else None
        return None

    def last_subject(
        self, before: int, sentences: int = 2, *, same: bool = False, types: frozenset[str] = PEOPLE
    ) -> Entity | None:
        """Return the person (the entity of ``types``) who is the main subject of one of the last
        ``sentences`` sentences.

        The subject of the previous sentence is the likeliest referent of "the president" or "he"
        (centering theory's preferred centre); it beats a role match elsewhere in the text. With
        ``same``, the current sentence's main subject counts too when it comes before ``before``
        ("Trump had a call with Rodríguez, in which he praised her": he is Trump). A subject that
        is itself "he" or "she" ("it" for bodies) passes the search on to the sentence before it.
        """
        start = self.doc.char_span(before, before, alignment_mode="expand")
        tok = self.doc[start.start] if start is not None and len(self.doc) > start.start else None
        if tok is None:
            return None
        sent = tok.sent
        looked, pronouns = 0, 0
        first = same
        while looked < sentences + pronouns and pronouns < 3:
            if not first:
                if sent.start == 0:
                    return None
                sent = self.doc[sent.start - 1].sent
                looked += 1
            first = False
            subjects = [t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.idx < before]
            for t in subjects:
                e = self.at(t)
                if e is not None and e.type in types:
                    return e
            if any(t.lower_ in (("he", "she") if "person" in types else ("it",)) for t in subjects):
                pronouns += 1
        return None

    def by_role(self, noun: str, before: int) -> Entity | None:
        """Return the one person whose known role has head ``noun``, mentioned before ``before``."""
        people = [
            e
            for e in self.entities
            if e.type == "person"
            and e.mentions[0].start < before
            and any(_holds(r.title.lower(), noun) for r in e.roles)
        ]
        return people[0] if len(people) == 1 else None


def _holds(title: str, role: str) -> bool:
    """Whether a person's ``title`` is the role ``role`` names: its head noun ("minister"), or
    the whole of a narrowed office ("prime minister")."""
    return title.split()[-1] == role if " " not in role else title == role or title.endswith(" " + role)


def count_of(head: Token) -> int | None:
    """Return how many people a plural or indefinite source noun stands for, or None."""
    for child in head.children:
        if child.lower_ == "both" and child.dep_ in ("det", "predet", "preconj"):
            return 2  # "both sources"
        if child.dep_ == "nummod":
            text = child.lower_.replace(",", "")
            if text.isdigit():
                return int(text)
            if text in NUMBERS:
                return NUMBERS[text]
    if head.tag_ in ("NN", "NNP"):
        if any(
            c.lower_ in ("a", "an", "one", "another") for c in head.children if c.dep_ in ("det", "nummod")
        ):
            return 1
    return None


@cache
def _family_nouns() -> frozenset[str]:
    """The nouns of kinship ("wife", "son"), from the standing relations' lexicon."""
    return frozenset(row[0] for row in lexicon.rows("relations.tsv") if row[2:3] == ("family",))


def _office(head: Token) -> str | None:
    """Return the office a title with the words that narrow it names ("prime minister", "finance
    minister", "attorney general"), or None for a bare title ("the president", "the former
    minister")."""
    narrowing = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i == head.i - 1]
    if not narrowing:
        return None
    word = narrowing[0]
    office = f"{word.lower_} {head.lower_}"
    if office in lexicon.words("titles.txt") or (word.dep_ == "compound" and word.pos_ == "NOUN"):
        return office
    return None


def _determined(head: Token) -> bool:
    """Whether ``head`` has "the" or "this" before it ("the ministry", not "her party")."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _definite(head: Token) -> bool:
    return any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any", "another")
        for c in head.children
    )


#: titles that name a function many unnamed people hold: "the official" is anonymous unless a
#: named person in the text holds that role
GENERIC_TITLES = frozenset(
    {
        "official",
        "source",
        "aide",
        "diplomat",
        "officer",
        "adviser",
        "advisor",
        "executive",
        "analyst",
        "lawmaker",
        "legislator",
        "insider",
        "staffer",
    }
)


def _quantified(head: Token) -> tuple[Token, int | None] | None:
    """Return (the counted noun, the number) for "two of the people", "one of them"."""
    if not (head.like_num or head.lower_ in NUMBERS or head.lower_ in ("some", "several", "many")):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    text = head.lower_.replace(",", "")
                    number = int(text) if text.isdigit() else NUMBERS.get(text)
                    return pobj, number
    return None


def _conjuncts(span: Span) -> list[Span]:
    """Return the coordinated parts of a source span ("the minister and the rebel leader",
    "Smith and Jones"), each from its head's left edge to the next part; [] when not one."""
    heads = [span.root]
    for h in heads:  # grows: "A, B and C" chains each conjunct to the one before
        heads += [c for c in h.children if c.dep_ == "conj" and span.start <= c.i < span.end]
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for h in heads for c in h.children)
    if len(heads) < 2 or not joined:
        return []  # "Smith or Jones" is one of them, not both
    starts = [span.start] + sorted(h.left_edge.i for h in heads[1:])
    parts = []
    for a, b in zip(starts, [*starts[1:], span.end], strict=True):
        while b > a and span.doc[b - 1].dep_ in ("cc", "punct", "preconj"):
            b -= 1
        if b == a:
            return []
        parts.append(span.doc[a:b])
    return parts


def _coordination(infos: list[SourceInfo]) -> SourceInfo:
    """Return what a coordination of sources is: its parts' kind when they agree (else the first
    part's), the sum of their counts when each is known (one per person), no single entity."""
    agreed = {i.kind for i in infos}
    counts = [i.count if i.count is not None else (1 if i.kind == "person" else None) for i in infos]
    total = sum(c for c in counts if c is not None) if all(c is not None for c in counts) else None
    return SourceInfo(infos[0].kind if len(agreed) > 1 else agreed.pop(), total, None)


def classify(span: Span, index: EntityIndex) -> SourceInfo:
    """Return the kind, count and entity of a source span.

    A coordination ("the minister and the rebel leader", "Reuters and AP") is classified part by
    part: its kind is theirs when they agree (else the first part's), its count their sum when
    each is known (one per person), its entity none (it names several).
    """
    parts = _conjuncts(span)
    if parts:
        return _coordination([classify(p, index) for p in parts])
    head = span.root
    quantified = _quantified(head)
    if quantified is not None:
        counted, number = quantified
        inner = classify(span.doc[counted.i : counted.i + 1], index)
        counted_kind = "anonymous" if inner.kind in ("anonymous", "unspecified", "person") else inner.kind
        return SourceInfo(counted_kind, number, inner.entity if counted_kind != "anonymous" else None)
    # "a report ... by Reuters", "Reuters' report": the author is the source.
    noun = head.lemma_.lower()
    kinds = lexicon.table("source_nouns.tsv")
    entity = index.at(head)
    if entity is not None:
        return SourceInfo(ENTITY_KINDS[entity.type], None, entity)
    lower = head.lower_
    if lower in PARTITIVES and head.pos_ in ("NUM", "PRON", "NOUN", "ADJ", "DET"):
        # "one cautioned that ...", "others said": some of the people just mentioned, unnamed
        return SourceInfo("anonymous", PARTITIVES[lower], None)
    if lower in PRONOUNS:
        pronoun_kind = PRONOUNS[lower]
        if pronoun_kind == "person":
            return SourceInfo(
                "person",
                1,
                index.last_subject(span.start_char, 1, same=True)
                or index.recent(span.start_char, {"person"}),
            )
        if pronoun_kind == "organization":
            return SourceInfo("organization", None, index.recent(span.start_char, {"organization", "outlet"}))
        if lower == "it":
            # "The World Bank cut its forecast. It said ...": the body the text was just about
            talked_of = index.last_subject(span.start_char, 2, same=True, types=BODIES)
            if talked_of is not None:
                return SourceInfo(ENTITY_KINDS[talked_of.type], None, talked_of)
        return SourceInfo("unspecified", None, None)
    named = [e for e in index.in_span(span) if index.at(head) is e]
    if named:
        return SourceInfo(ENTITY_KINDS[named[0].type], None, named[0])
    plural = head.tag_ in ("NNS", "NNPS")
    # "Ferrán's lawyer, Esteban Lacroix": the person in apposition, not the last one talked about
    beside = [index.at(t) for t in head.children if t.dep_ == "appos" and t.i < span.end]
    person = next((e for e in beside if e is not None and e.type == "person"), None)
    if person is not None and not plural:
        return SourceInfo("person", 1, person)
    kind: str | None = kinds[noun][0] if noun in kinds else None
    if kind in ("outlet", "organization"):
        # "the newspaper Público": the name in apposition
        named_body = next((e for e in beside if e is not None and e.type != "person"), None)
        if named_body is not None:
            return SourceInfo(kind, None, named_body)
    if kind == "outlet" or (noun == "agency" and index.recent(span.start_char, {"outlet"}, 3000)):
        # "the newspaper" is the outlet last named; "local media", "a newspaper" are no one outlet
        known = _definite(head) and not plural
        return SourceInfo("outlet", None, index.recent(span.start_char, {"outlet"}, 3000) if known else None)
    if kind == "document":
        return SourceInfo("document", None, None)
    if kind == "organization":  # "the ministry", "her party": not "her", whoever she is
        org = [e for e in index.in_span(span) if ENTITY_KINDS[e.type] == "organization"]
        if not org and _determined(head) and not plural:
            # "the ministry" after "the Ministry of the Interior": the body last named by that
            # word; "the company" after "Naviera Atlántida rejected ...": the body just talked about
            named_so = index.recent(span.start_char, {"organization"}, 3000, word=noun)
            if named_so is None and noun in GENERIC_BODIES:
                named_so = index.last_subject(span.start_char, 2, same=True, types=BODIES)
            org = [named_so] if named_so is not None else []
        return SourceInfo("organization", None, org[0] if org else None)
    if is_title(head) and not plural and _definite(head) and kind is None:
        if noun in GENERIC_TITLES:
            person = index.by_role(noun, span.start_char)
            return SourceInfo("person", 1, person) if person else SourceInfo("anonymous", 1, None)
        office = _office(head)
        if office is not None or any(c.dep_ == "poss" for c in head.children):
            # "the prime minister", "the finance minister": an office, held by whoever the text
            # says holds it; "his spokesman": someone else than the person talked about last
            return SourceInfo("person", 1, index.by_role(office or noun, span.start_char))
        # the person just talked about ("the president" after "Trump praised her"), unless the
        # text gives that person other titles and someone else this one ("A spokesman for
        # Governor Paul Evans said the governor ..." after "union president Maria Lopez said")
        subject = index.last_subject(span.start_char)
        holder = index.by_role(noun, span.start_char)
        if subject is not None and holder is not None and subject is not holder:
            if subject.roles and not any(_holds(r.title.lower(), noun) for r in subject.roles):
                subject = None
        person = subject or holder or index.recent(span.start_char, {"person"})
        return SourceInfo("person", 1, person)
    if kind is None and not plural and noun in _family_nouns():
        return SourceInfo("person", 1, None)  # "the captain's wife": one person, unnamed
    if kind == "anonymous" or is_title(head) or plural:
        return SourceInfo("anonymous", count_of(head), None)
    if head.pos_ == "PROPN":
        # a name the NER missed: "Human Rights Watch" is a body by its words, "Okafor" a person
        body = plural or any(t.lower_ in lexicon.words("org_words.txt") for t in span if t.pos_ == "PROPN")
        return SourceInfo("organization" if body else "person", None, None)
    return SourceInfo("unspecified", None, None)
