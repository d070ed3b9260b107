"""Merge entity mentions into one entity per referent, repair their types and find their roles.

Reads ``doc.ents`` (the statistical NER) and the parse; writes ``doc._.cg_entities``. Mentions
come from NER and from the outlet gazetteer, cut to the shape of a name: no leading determiner
or lower-case particle, no line break, every word capitalised but particles ("Frente Campesino
del Norte"); a span the NER began at a particle ("del Norte") is joined to the capitalised words
before it. Name variants are folded (accents, case, dots, ``aliases.tsv``: "U.S." and "the United
States"). A one-word mention that is the surname of exactly one full person name joins that
person, whatever label the NER gave it, and later bare surnames the NER missed are found by
spelling ("Cabello, 62,"). Types are decided for the whole document: words such as Ministry or
Frente make an organisation; a title or an age makes a person; a person label beside "in X" or
"X province" makes a place; else the labels' majority. Roles and ages come from
:mod:`claimgraph.analyze.roles`; pronouns and definite descriptions ("the Venezuelan minister")
are resolved by :mod:`claimgraph.analyze.anaphora` and become mentions too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimgraph.accents import strip_accents
from claimgraph.analyze import anaphora, lexicon, roles
from claimgraph.analyze.roles import TITLE_MODIFIERS, is_title
from claimgraph.analyze.spans import in_title_case
from claimgraph.ids import make_id
from claimgraph.model import Entity, Mention

__all__ = ["EntityLinker", "is_title", "TITLE_MODIFIERS", "LABEL_TYPES"]

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_STRIP_LEFT = frozenset({"the", "a", "an"})
#: NER labels the small model confuses for people's names ("Cabello" tagged ORG or GPE)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: dashes that, spaced, separate a dateline from the text ("VILLASERENA - Esterra's minister")
DASHES = frozenset({"-", "–", "—"})
#: particles that stand inside names the NER tags whole, but do not join two tagged names
JOIN_NOT = frozenset({"of", "the", "and", "for", "on", "in", "upon", "y", "e"})
#: prepositions before a name that people do not follow ("in Alto Cauce")
PLACE_PREPS = frozenset({"in", "near"})
#: company suffixes, folded: part of the name, not of the key ("Naviera Atlántida S.A.")
COMPANY_SUFFIXES = frozenset(
    {"sa", "inc", "ltd", "llc", "plc", "corp", "gmbh", "ag", "nv", "bv", "spa", "srl"}
)
_LABEL_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")


@dataclass
class _Cluster:
    key: str
    mentions: list[Span] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    outlet: str | None = None
    type: str = ""

    def add(self, span: Span, label: str) -> None:
        self.mentions.append(span)
        self.labels[label] += 1


#: fold() of the same few names again and again: cached, as this runs on every document
_fold = lru_cache(maxsize=16384)(lexicon.fold)


def _capitalised(text: str) -> bool:
    return any(c.isupper() or c.isdigit() for c in text)


def _particle(token: Token) -> bool:
    return token.is_lower and token.lower_ in lexicon.words("name_particles.txt")


def _in_title(ent: Span) -> bool:
    """Return whether a named-entity span is part of one person's title: "Interior" in "Interior
    Minister Tomas Ferrer", "Venezuelan" in "the Venezuelan minister" (not in "U.S. officials")."""
    head = ent.root.head
    if ent.root.dep_ not in ("compound", "amod") or not is_title(head):
        return False
    return ent.label_ == "ORG" or (ent.label_ == "NORP" and head.tag_ in ("NN", "NNP"))


def _joins(token: Token) -> bool:
    """Return whether a particle joins two names into one ("Frente Campesino del Norte"); English
    ones do not ("Sofía Lindqvist in Villaserena" is two)."""
    return _particle(token) and token.lower_ not in JOIN_NOT


def _name_token(token: Token) -> bool:
    """Return whether ``token`` may extend a name leftwards ("Beatriz" before "Olmedo")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not is_title(token)


def _titled_names(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """Return the names the NER missed right after a capitalised title ("Mayor Ana Torres"):
    one to three capitalised proper nouns, as PERSON mentions."""
    out: list[tuple[Span, str]] = []
    for tok in doc[:-1]:
        if not (tok.is_title and is_title(tok)) or tok.i + 1 in taken or in_title_case(tok.sent):
            continue  # (a headline in title case capitalises verbs too: "Mayor Vows To Fight")
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and end not in taken and _name_token(doc[end]):
            end += 1
        if end > tok.i + 1:
            out.append((doc[tok.i + 1 : end], "PERSON"))
            taken.update(range(tok.i + 1, end))
    return out


def name_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Return the name-shaped pieces of the token range ``start:end`` (possibly none)."""
    pieces: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        t = doc[i]
        spaced_dash = t.text in DASHES and t.whitespace_ and i > start and doc[i - 1].whitespace_
        if spaced_dash or (t.is_space and "\n" in t.text):
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    out = []
    for s, e in pieces:
        while s < e and (
            doc[s].is_space or doc[s].is_punct or doc[s].lower_ in _STRIP_LEFT or _particle(doc[s])
        ):
            s += 1
        while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct or doc[e - 1].tag_ == "POS"):
            e -= 1
        while e > s and _particle(doc[e - 1]):
            e -= 1
        words = [doc[i] for i in range(s, e) if not doc[i].is_punct]
        if not words or any(doc[i].is_space for i in range(s, e)):
            continue
        if all(_particle(w) or _capitalised(w.text) for w in words) and not all(
            w.lower_ in lexicon.words("name_particles.txt") and not w.is_upper for w in words
        ):  # particles alone are no name ("De La"), an acronym that spells one is ("UN")
            out.append((s, e))
    return out


class EntityLinker:
    """Find one entity per referent, with type, mentions and roles."""

    def __init__(self, nlp: Language, name: str = "claimgraph_entities") -> None:
        self.name = name
        self.outlets = lexicon.groups("outlets.txt")
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("OUTLET", [nlp.make_doc(form) for form in self.outlets])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_annotations(self, doc: Doc, found: list[Entity]) -> None:
        doc._.cg_entities = found

    # -- finding ---------------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> list[tuple[Span, str]]:
        """Return (mention span, NER label or OUTLET) pairs, without overlaps."""
        out: list[tuple[Span, str]] = []
        taken: set[int] = set()
        publisher = doc._.cg_document.outlet if doc._.cg_document is not None else None
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            if not span.text[:1].isupper() or set(range(start, end)) & taken:
                continue
            out.append((span, "OUTLET"))
            taken.update(range(start, end))
        for ent in doc.ents:
            if ent.label_ not in LABEL_TYPES:
                continue
            if _in_title(ent):
                continue
            for start, end in name_pieces(doc, ent.start, ent.end):
                if set(range(start, end)) & taken:
                    continue
                span = doc[start:end]
                label = "OUTLET" if publisher and _fold(span.text) == _fold(publisher) else ent.label_
                out.append((span, label))
                taken.update(range(start, end))
        out += _titled_names(doc, taken)
        return self._grow(doc, sorted(out, key=lambda pair: pair[0].start), taken)

    def _grow(self, doc: Doc, found: list[tuple[Span, str]], taken: set[int]) -> list[tuple[Span, str]]:
        """Join names the NER cut apart: "Frente Campesino" + "del" + "Norte", "Beatriz" +
        "Olmedo", "Trump" + "administration" when "Trump Administration" is a name elsewhere."""
        keys = {_fold(s.text) for s, label in found if label != "OUTLET"}
        out: list[tuple[Span, str]] = []
        for span, label in found:
            start, end = span.start, span.end
            if label != "OUTLET":
                if out and out[-1][0].end == start - 1 and _joins(doc[start - 1]) and out[-1][1] != "OUTLET":
                    previous, label = out.pop()  # "Frente Campesino" del "Norte": one name
                    start = previous.start
                elif start >= 2 and _joins(doc[start - 1]) and _name_token(doc[start - 2]):
                    start -= 1
                while start > 0 and (start - 1) not in taken and _name_token(doc[start - 1]):
                    start -= 1
                if end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN":
                    if _fold(doc[start:end].text + " " + doc[end].text) in keys:
                        end += 1
                taken.update(range(start, end))
            out.append((doc[start:end], label))
        return out

    def _key(self, span: Span, label: str) -> str:
        if label == "OUTLET":
            return "outlet:" + _fold(self.outlets.get(span.text, span.text))
        return _fold(canonical_name(span))

    def _clusters(self, doc: Doc) -> list[_Cluster]:
        clusters: dict[str, _Cluster] = {}
        for span, label in self._candidates(doc):
            key = self._key(span, label)
            cluster = clusters.setdefault(key, _Cluster(key))
            cluster.add(span, label)
            if label == "OUTLET":
                cluster.outlet = self.outlets.get(span.text, span.text)
        dateline = datelines(doc)
        for cluster in clusters.values():
            cluster.type = _decide_type(cluster, dateline)
        # Fold short person names into the one full person name they end (or are part of).
        full = [c for c in clusters.values() if c.type == "person" and len(c.key.split()) >= 2]
        for key, cluster in list(clusters.items()):
            if cluster.outlet or cluster.type == "organization" and _org_words(cluster.key):
                continue
            if len(key.split()) >= 2 and cluster.type == "person":
                continue
            hosts = [f for f in full if f is not cluster and _surname_of(key.split(), f.key.split())]
            if len(hosts) == 1 and cluster.labels.keys() <= NAME_LABELS:
                for span in cluster.mentions:
                    hosts[0].add(span, "PERSON")
                del clusters[key]
        return list(clusters.values())

    def find(self, doc: Doc) -> list[Entity]:
        """Return the document's entities, in order of first mention."""
        entities: list[Entity] = []
        spans: dict[str, list[Span]] = {}
        for cluster in self._clusters(doc):
            mentions = sorted(cluster.mentions, key=lambda s: s.start_char)
            if cluster.outlet:
                name = cluster.outlet
            else:
                longest = max(mentions, key=lambda s: (len(s), -s.start))
                name = canonical_name(longest, keep_suffix=True)
            entity = Entity(id=make_id("e", cluster.type, _fold(name)), name=name, type=cluster.type)
            entities.append(entity)
            spans[entity.id] = mentions
        by_token = {tok.i: e for e in entities for s in spans[e.id] for tok in s}
        _find_surnames(doc, entities, spans, by_token)
        for entity in entities:
            if entity.type == "person":
                for span in spans[entity.id]:
                    roles.premodifier_roles(entity, span, by_token)
                    roles.apposition_roles(entity, span, by_token)
                    roles.clause_roles(entity, span.root, by_token)
        for span, entity in anaphora.resolve(doc, entities, spans, by_token):
            spans[entity.id].append(span)
        for entity in entities:
            seen: set[int] = set()
            for s in sorted(spans[entity.id], key=lambda s: s.start_char):
                if s.start_char not in seen:
                    seen.add(s.start_char)
                    entity.mentions.append(Mention(s.start_char, s.end_char, s.text))
        entities.sort(key=lambda e: e.mentions[0].start)
        return entities


def canonical_name(span: Span, *, keep_suffix: bool = False) -> str:
    """Return the name a mention stands for: its alias's canonical name ("U.S." is "United
    States"), without a company suffix unless ``keep_suffix`` ("Naviera Atlántida S.A.")."""
    text = span.text
    if not keep_suffix and len(span) > 1 and _fold(span[-1].text) in COMPANY_SUFFIXES:
        text = span[:-1].text.rstrip(" ,")
    folded = _fold(text)
    # Short abbreviations match only as capitals: the Spanish article "Un" is not the UN.
    if len(folded) <= 3 and not text.isupper():
        return text
    return lexicon.aliases().get(folded, text)


def _org_words(key: str) -> bool:
    return bool(set(key.split()) & lexicon.words("org_words.txt"))


def _surname_of(words: list[str], full: list[str]) -> bool:
    """Return whether ``words`` are the surname(s) in ``full``: a run of its words after the first
    ("Maduro" in "Nicolás Maduro", "Ferrán" in "Gustavo Ferrán Olea")."""
    n = len(words)
    return n < len(full) and any(full[i : i + n] == words for i in range(1, len(full) - n + 1))


def _decide_type(cluster: _Cluster, dateline: set[int]) -> str:
    """Return the type of a cluster from the evidence of all its mentions."""
    if cluster.outlet or any(_outlet_evidence(span) for span in cluster.mentions):
        return "outlet"
    if _org_words(cluster.key) or any(_org_evidence(span) for span in cluster.mentions):
        return "organization"
    if any(_person_evidence(span) for span in cluster.mentions):
        return "person"
    label = max(cluster.labels, key=lambda lb: (cluster.labels[lb], -_LABEL_ORDER.index(lb)))
    if label in ("PERSON", "ORG") and any(_place_evidence(span, dateline) for span in cluster.mentions):
        return "place"
    return LABEL_TYPES[label]


def _org_evidence(span: Span) -> bool:
    """Return whether a mention shows it names an organisation: a company suffix, or a body in
    apposition ("Naviera Atlántida, the shipping company")."""
    if len(span) > 1 and _fold(span[-1].text) in COMPANY_SUFFIXES:
        return True
    return any(
        c.dep_ == "appos" and c.lemma_ in lexicon.words("institutions.txt") for c in span.root.children
    )


def _outlet_noun(token: Token) -> bool:
    """Return whether a noun names a kind of news outlet ("newspaper", "daily": source_nouns.tsv)."""
    return lexicon.table("source_nouns.tsv").get(token.lemma_.lower(), ("",))[0] == "outlet"


def _outlet_evidence(span: Span) -> bool:
    """Return whether a mention shows it names a news outlet: an outlet noun right before it
    whose apposition it is ("the newspaper Público"), or one in apposition to it ("Público, the
    Lisbon daily")."""
    doc = span.doc
    root = span.root
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and _outlet_noun(before) and root.dep_ in ("appos", "compound"):
        return root.head.i == before.i or before.head.i == root.i
    return any(c.dep_ == "appos" and _outlet_noun(c) for c in root.children)


def _person_evidence(span: Span) -> bool:
    """Return whether a name mention shows it names a person: a title before it, a title or an
    age in apposition ("Diosdado Cabello, the Interior Minister", "Cabello, 62,"), or the name in
    apposition to a title ("His lawyer, Ana Beltrán,")."""
    doc = span.doc
    if span.start > 0 and is_title(doc[span.start - 1]) and doc[span.start - 1].pos_ in ("NOUN", "PROPN"):
        return True
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start and is_title(root.head) and root.head.pos_ == "NOUN":
        return True
    after = doc[span.end : span.end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        return True
    return any(c.dep_ == "appos" and is_title(c) for c in span.root.children)


def _place_evidence(span: Span, dateline: set[int]) -> bool:
    """Return whether a name mention reads as a place: "in Alto Cauce", "Alto Cauce province",
    "governor of Alto Cauce", in a dateline ("PUERTO ALBA, Esterra (AP) -")."""
    doc = span.doc
    if span.start in dateline:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and after.lemma_ in lexicon.words("place_nouns.txt"):
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in PLACE_PREPS:
        return True
    if span.start > 1 and doc[span.start - 1].lower_ == "of" and is_title(doc[span.start - 2]):
        return True
    line_start = span.start == 0 or "\n" in doc[span.start - 1].text
    return line_start and span.text.isupper() and after is not None and after.text in (*DASHES, ",")


def datelines(doc: Doc) -> set[int]:
    """Return the token indices of datelines ("VILLASERENA, March 14 (Reuters) -"): a paragraph
    opening in capitals, up to the first spaced dash. Their place and date are the report's,
    not the events'."""
    out: set[int] = set()
    for sent in doc.sents:
        first = sent[0]
        if not (first.is_alpha and first.is_upper and len(first) > 2):
            continue
        for tok in sent[:16]:
            if tok.text in DASHES and tok.whitespace_ and doc[tok.i - 1].whitespace_:
                out.update(range(sent.start, tok.i + 1))
                break
    return out


def _find_surnames(doc: Doc, entities: list[Entity], spans: dict[str, list[Span]], by_token: dict) -> None:
    """Add the bare surnames of people that the NER missed ("Cabello, 62, is ...")."""
    surnames: dict[str, Entity | None] = {}
    for e in entities:
        words = e.name.split()
        if e.type == "person" and len(words) >= 2:
            for form in {words[-1], strip_accents(words[-1])}:  # as written, and without accents
                surnames[form] = None if form in surnames and surnames[form] is not e else e
    if not surnames:
        return
    hashes = {doc.vocab.strings.add(form) for form in surnames}
    for i, orth in enumerate(doc.to_array("ORTH").tolist()):
        if orth not in hashes or i in by_token:
            continue
        tok = doc[i]
        entity = surnames.get(tok.text)
        if entity is not None and tok.pos_ == "PROPN":
            spans[entity.id].append(doc[i : i + 1])
            by_token[i] = entity
