"""Merge entity mentions into one entity per referent, repair their types and find their roles.

Reads ``doc.ents`` (the statistical NER) and writes ``doc._.cg_entities``. Mentions come from
NER and from the outlet gazetteer; a one-word mention that is the surname of exactly one full
person name in the document joins that person, whatever label the NER gave it ("Cabello" tagged
ORG beside "Diosdado Cabello" tagged PERSON). Roles come from titles before a name ("Interior
Minister Diosdado Cabello") and from appositions ("Delcy Rodríguez, interim president of
Venezuela"); an apposed number is an age ("Cabello, 62,").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze import lexicon
from claimgraph.ids import make_id
from claimgraph.model import Entity, Mention, Role

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
#: modifiers of a title that say when or how it is held; kept in ``Role.modifiers``
TITLE_MODIFIERS = frozenset(
    {"former", "interim", "acting", "deputy", "outgoing", "incoming", "late", "then", "ex"}
)
_STRIP_LEFT = frozenset({"the", "a", "an"})
#: NER labels the small model confuses for people's names ("Cabello" tagged ORG or GPE)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_AGE_AFTER = re.compile(r"^\s*,\s*\d{1,3}\s*,")


@dataclass
class _Cluster:
    key: str
    mentions: list[Span] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    outlet: str | None = None

    def add(self, span: Span, label: str) -> None:
        self.mentions.append(span)
        self.labels[label] += 1


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive from a mention."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in _STRIP_LEFT:
        start += 1
    while end > start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def is_title(token: Token) -> bool:
    """Return whether a token is the head noun of a title ("minister", "spokeswoman")."""
    return token.lower_ in lexicon.words("titles.txt") or token.lemma_.lower() in lexicon.words("titles.txt")


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
            if ent.label_ != "PERSON" and ent.root.dep_ in ("compound", "amod") and is_title(ent.root.head):
                continue  # "Interior" in "Interior Minister Tomas Ferrer" is part of a title
            span = _trim(ent)
            if set(range(span.start, span.end)) & taken:
                continue
            label = (
                "OUTLET" if publisher and lexicon.fold(span.text) == lexicon.fold(publisher) else ent.label_
            )
            out.append((span, label))
            taken.update(range(span.start, span.end))
        return sorted(out, key=lambda pair: pair[0].start)

    def _key(self, span: Span, label: str) -> str:
        if label == "OUTLET":
            return "outlet:" + lexicon.fold(self.outlets.get(span.text, span.text))
        return lexicon.fold(lexicon.aliases().get(lexicon.fold(span.text), span.text))

    def _clusters(self, doc: Doc) -> list[_Cluster]:
        clusters: dict[str, _Cluster] = {}
        for span, label in self._candidates(doc):
            key = self._key(span, label)
            cluster = clusters.setdefault(key, _Cluster(key))
            cluster.add(span, label)
            if label == "OUTLET":
                cluster.outlet = self.outlets.get(span.text, span.text)
        # Repair types by document-level evidence: a name with a title or an age is a person
        # wherever it stands, whatever label the NER gave each mention.
        for cluster in clusters.values():
            if not cluster.outlet and not cluster.labels["PERSON"] and cluster.labels.keys() <= NAME_LABELS:
                if any(_person_evidence(span) for span in cluster.mentions):
                    cluster.labels["PERSON"] += len(cluster.mentions)
        # Fold short person names into the one full person name they end (or are part of).
        full = [c for c in clusters.values() if c.labels["PERSON"] and len(c.key.split()) >= 2]
        for key, cluster in list(clusters.items()):
            if cluster.outlet or len(key.split()) >= 2 and cluster.labels["PERSON"]:
                continue
            words = key.split()
            hosts = [
                f
                for f in full
                if f is not cluster
                and len(words) < len(f.key.split())
                and f.key.split()[-len(words) :] == words
            ]
            if len(hosts) == 1 and cluster.labels.keys() <= NAME_LABELS:
                for span in cluster.mentions:
                    hosts[0].add(span, "PERSON")
                del clusters[key]
        return list(clusters.values())

    def find(self, doc: Doc) -> list[Entity]:
        """Return the document's entities, in order of first mention."""
        placed: list[tuple[int, Entity, list[Span]]] = []
        for cluster in self._clusters(doc):
            mentions = sorted(cluster.mentions, key=lambda s: s.start_char)
            if cluster.outlet:
                type_, name = "outlet", cluster.outlet
            else:
                label = "PERSON" if cluster.labels["PERSON"] else cluster.labels.most_common(1)[0][0]
                type_ = LABEL_TYPES[label]
                longest = max(mentions, key=lambda s: (len(s), -s.start))
                name = lexicon.aliases().get(lexicon.fold(longest.text), longest.text)
            entity = Entity(
                id=make_id("e", type_, lexicon.fold(name)),
                name=name,
                type=type_,
                mentions=[Mention(s.start_char, s.end_char, s.text) for s in mentions],
            )
            entity.mentions = _dedupe_mentions(entity.mentions)
            placed.append((mentions[0].start_char, entity, mentions))
        placed.sort(key=lambda triple: triple[0])
        result = [e for _, e, _ in placed]
        by_token = {tok.i: e for _, e, spans in placed for s in spans for tok in s}
        for _, entity, spans in placed:
            if entity.type == "person":
                for span in spans:
                    _add_roles(entity, span, by_token)
        return result


def _person_evidence(span: Span) -> bool:
    """Return whether a name mention shows it names a person: a title before it, a title or an
    age in apposition ("Diosdado Cabello, the Interior Minister", "Cabello, 62,")."""
    doc = span.doc
    if span.start > 0 and is_title(doc[span.start - 1]) and doc[span.start - 1].pos_ in ("NOUN", "PROPN"):
        return True
    if _AGE_AFTER.match(doc.text[span.end_char : span.end_char + 12]):
        return True
    return any(c.dep_ == "appos" and is_title(c) for c in span.root.children)


def _dedupe_mentions(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _role(entity: Entity, tokens: list[Token], of: Entity | None) -> None:
    """Add a role spanning ``tokens`` (contiguous) to ``entity`` unless it is there already."""
    if not tokens:
        return
    doc = tokens[0].doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    words = [t.lower_ for t in span]
    modifiers = [w for w in words if w in TITLE_MODIFIERS]
    title = " ".join(w for w in words if w not in ("the", "a", "an"))
    for r in entity.roles:
        if r.title == title:
            # The same title said twice: keep the first span, and the scope if either gives one.
            r.of = r.of or (of.id if of else None)
            return
    entity.roles.append(
        Role(
            title=title,
            of=of.id if of else None,
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            modifiers=modifiers,
        )
    )


def _add_roles(entity: Entity, mention: Span, by_token: dict[int, Entity]) -> None:
    """Find titles before ``mention`` and in its appositions; add them to ``entity``."""
    doc = mention.doc
    # Pre-modifying title: "Venezuela's Interior Minister Diosdado Cabello".
    i = mention.start - 1
    left: list[Token] = []
    while i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and doc[i].i not in by_token:
        left.insert(0, doc[i])
        i -= 1
    while left and not is_title(left[-1]):
        left.pop()
    if left and is_title(left[-1]):
        of = None
        if i >= 1 and doc[i].tag_ == "POS" and doc[i - 1].i in by_token:
            of = by_token[doc[i - 1].i]
        _role(entity, left, of)
    # Apposition: "Delcy Rodríguez, interim president of Venezuela", "Cabello, 62,".
    head = mention.root
    for child in head.children:
        if child.dep_ != "appos":
            continue
        if child.like_num and child.i > head.i:
            try:
                age = int(child.text)
            except ValueError:
                continue
            if 0 < age < 120:
                entity.age = age
            continue
        if not is_title(child) or child.i in by_token:
            continue
        lefts = [t for t in child.lefts if t.dep_ in ("amod", "compound", "nmod") and t.i not in by_token]
        start = lefts[0].i if lefts else child.i
        of = None
        for sub in child.subtree:
            if sub.i > child.i and sub.i in by_token and sub.head.lower_ in ("of", "for", "in"):
                of = by_token[sub.i]
                break
        _role(entity, list(doc[start : child.i + 1]), of)
