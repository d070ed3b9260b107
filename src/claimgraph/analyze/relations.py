"""Find standing relations between actors: who leads, serves in, controls, allies with, opposes,
is in contact with or is family of whom, each carried by the claim that states it.

Reads the parse, ``doc._.cg_entities`` and ``doc._.cg_attribution``; writes
``doc._.cg_relations``: the entities it adds and the relations. Relations come from

- roles: a title with a scope gives ``leads`` (president, leader, commander...:
  ``data/leader_titles.txt``) or ``holds_office`` (interior minister of Venezuela); a title
  pre-modified by a body ("opposition leader") has that body as object;
- names: an organisation named after a person ("Trump Administration") is led by them;
- trigger words (``data/relations.tsv``): verbs ("he oversees domestic espionage operations",
  "the forces he controls", "chosen to ally with") and nouns in their clause ("maintains close
  ties with", "exerts influence over", "has been in contact with", "a key figure within the
  regime", "Maduro's wife").

An object that is not a named entity becomes an entity of its own, added here: type
organization when its head is a body (``data/institutions.txt``: "security services", "the
regime"), else type other ("domestic espionage operations"); only ``controls`` takes objects that
are not bodies. Relations in a denied, conditional, possible or intended clause are not standing
relations and are left out. Each relation names the claim whose content holds its trigger.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze import lexicon
from claimgraph.analyze.events import carrying_claim, modality, subjects, with_lemma
from claimgraph.analyze.sources import EntityIndex
from claimgraph.analyze.spans import doc_text
from claimgraph.ids import make_id
from claimgraph.model import Claim, Entity, Mention, Relation, Source, TextSpan

#: relations whose object may be any noun phrase, not only a named entity or a body
ANY_OBJECT = frozenset({"controls"})
#: words after a person's surname that name the body they lead ("Trump Administration")
LED_BODIES = frozenset({"administration", "government", "cabinet", "presidency"})
#: determiners and the like left out of an added entity's name
_STRIP = frozenset({"det", "poss", "predet", "punct", "case"})


def _patterns() -> dict[tuple[str, str], list[tuple[str, str]]]:
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for lemma, pos, relation, place in lexicon.rows("relations.tsv"):
        out.setdefault((lemma, pos), []).append((relation, place))
    return out


def _noun_subjects(tok: Token) -> list[Token]:
    """Return who stands in the relation a noun names: the name it is apposed to ("Cilia
    Flores, Maduro's wife"), else the subject of the clause it stands in ("he exerts influence
    over", "X has been in contact with", "his position as a key figure within")."""
    if tok.dep_ in ("appos", "compound") and tok.head.pos_ == "PROPN":
        return [tok.head]
    named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named:
        return named
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return subjects(node)
        if node.dep_ not in ("dobj", "pobj", "prep", "attr", "acomp", "appos") or node.head.i == node.i:
            return []
        node = node.head
    return []


class RelationFinder:
    """Find typed standing relations between entities, each with the claim that carries it."""

    def __init__(self, nlp: Language, name: str = "claimgraph_relations") -> None:
        self.name = name
        self.patterns = _patterns()
        self.hashes = frozenset(get_string_id(lemma) for lemma, _ in self.patterns)
        self.modes = {k: v[0] for k, v in lexicon.table("event_modes.tsv").items()}
        self.bodies = lexicon.words("institutions.txt")
        self.leaders = lexicon.words("leader_titles.txt")

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_annotations(self, doc: Doc, found: tuple[list[Entity], list[Relation]]) -> None:
        doc._.cg_relations = found

    def find(self, doc: Doc) -> tuple[list[Entity], list[Relation]]:
        """Return (entities added for objects that are not named, relations) in text order."""
        entities: list[Entity] = doc._.cg_entities or []
        sources, claims = doc._.cg_attribution or ([], [])
        run = _Run(self, doc, entities, claims, sources)
        run.from_roles()
        run.from_names()
        for tok in with_lemma(doc, self.hashes):
            run.from_trigger(tok)
        run.relations.sort(key=lambda r: (r.trigger.start, r.type))
        return list(run.added.values()), run.relations


class _Run:
    """The relations of one document, as they are found."""

    def __init__(
        self,
        finder: RelationFinder,
        doc: Doc,
        entities: list[Entity],
        claims: list[Claim],
        sources: list[Source],
    ) -> None:
        self.finder = finder
        self.doc = doc
        self.claims = claims
        self.sources = sources
        self.index = EntityIndex(doc, entities)
        self.by_key = {lexicon.fold(e.name): e for e in entities}
        self.added: dict[str, Entity] = {}
        self.relations: list[Relation] = []
        self.seen: set[tuple[str, str, str]] = set()

    def add(
        self, type_: str, subject: Entity, obj: Entity, trigger: Span, modifiers: list[str] | None = None
    ) -> None:
        key = (type_, subject.id, obj.id)
        if subject.id == obj.id or key in self.seen:
            return
        self.seen.add(key)
        start = trigger.start_char
        self.relations.append(
            Relation(
                id=make_id("r", type_, subject.id, obj.id, start),
                type=type_,
                subject=subject.id,
                object=obj.id,
                claim=carrying_claim(self.claims, start, self.sources),
                trigger=TextSpan(start, trigger.end_char, trigger.text),
                modifiers=list(modifiers or []),
            )
        )

    def entity(self, tok: Token, relation: str) -> Entity | None:
        """Return the entity a noun phrase headed by ``tok`` names, adding one for a body (or,
        for ``controls``, any noun phrase) that is not a named entity."""
        named = self.index.at(tok)
        if named is not None:
            return named
        if tok.lemma_ in LED_BODIES:  # "the U.S. administration" is the United States
            owner = next(
                (c for c in tok.children if c.dep_ in ("compound", "poss") and self.index.at(c)), None
            )
            if owner is not None and self.index.at(owner).type in ("place", "organization"):  # type: ignore[union-attr]
                return self.index.at(owner)
        if tok.pos_ != "NOUN" or (relation not in ANY_OBJECT and tok.lemma_ not in self.finder.bodies):
            return None
        lefts = [t for t in tok.subtree if t.i < tok.i and t.dep_ not in _STRIP and t.head.i <= tok.i]
        start = min((t.i for t in lefts), default=tok.i)
        while start < tok.i and (self.doc[start].dep_ in _STRIP or self.doc[start].is_punct):
            start += 1
        span = self.doc[start : tok.i + 1]
        key = lexicon.fold(span.text)
        found = self.by_key.get(key)
        if found is None:
            type_ = "organization" if tok.lemma_ in self.finder.bodies else "other"
            found = Entity(id=make_id("e", type_, key), name=span.text, type=type_)
            self.by_key[key] = self.added[key] = found
        if key in self.added and all(m.start != span.start_char for m in found.mentions):
            found.mentions.append(Mention(span.start_char, span.end_char, span.text))
            found.mentions.sort(key=lambda m: m.start)
        return found

    def from_roles(self) -> None:
        """Relations of the titles people hold: "interim president of Venezuela" (leads),
        "Interior Minister" of Venezuela (holds office in), "opposition leader" (leads)."""
        for person in self.index.entities:
            for role in person.roles:
                span = self.doc.char_span(role.start, role.end, alignment_mode="expand")
                if span is None:
                    continue
                words = role.title.split()
                leads = words[-1] in self.finder.leaders or " ".join(words[-2:]) in self.finder.leaders
                relation = "leads" if leads else "holds_office"
                scope = next((e for e in self.index.entities if e.id == role.of), None)
                if scope is None:
                    body = next(
                        (t for t in span if t.dep_ == "compound" and t.lemma_ in self.finder.bodies), None
                    )
                    scope = self.entity(body, relation) if body is not None else None
                if scope is not None:
                    self.add(relation, person, scope, self._stated(span), role.modifiers)

    def _stated(self, span: Span) -> Span:
        """Return ``span``, or the first repetition of its words that a claim carries (a role
        said first in a clause no claim covers, then again in one that does)."""
        if carrying_claim(self.claims, span.start_char, self.sources) is not None:
            return span
        text, needle = doc_text(self.doc).lower(), span.text.lower()
        at = text.find(needle)
        while at >= 0:
            if carrying_claim(self.claims, at, self.sources) is not None:
                again = self.doc.char_span(at, at + len(needle), alignment_mode="expand")
                return again if again is not None else span
            at = text.find(needle, at + 1)
        return span

    def from_names(self) -> None:
        """An organisation named after a person is led by them: "Trump Administration"."""
        surnames: dict[str, Entity] = {}
        for e in self.index.entities:
            if e.type == "person" and len(e.name.split()) >= 2:
                surnames[lexicon.fold(e.name.split()[-1])] = e
        for org in self.index.entities:
            words = org.name.split()
            if org.type == "organization" and len(words) == 2 and words[1].lower() in LED_BODIES:
                leader = surnames.get(lexicon.fold(words[0]))
                if leader is not None and org.mentions:
                    m = org.mentions[0]
                    span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                    if span is not None:
                        self.add("leads", leader, org, span)

    def _named(self, tok: Token) -> Entity | None:
        """Return the entity a subject names, or its apposition does ("Ferrer's wife, Ana Ruiz")."""
        found = self.index.at(tok)
        if found is None:
            found = next((e for c in tok.children if c.dep_ == "appos" and (e := self.index.at(c))), None)
        return found

    def _objects(self, tok: Token, place: str) -> list[Token]:
        if place == "dobj":
            found = [c for c in tok.children if c.dep_ == "dobj"]
            if not found and tok.dep_ == "relcl":
                found = [tok.head]  # "the forces he controls"
        elif place == "poss":
            found = [c for c in tok.children if c.dep_ == "poss"]
        else:
            found = [
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == place
                for g in c.children
                if g.dep_ == "pobj"
            ]
        return found + [c for f in found for c in f.conjuncts if c.i > f.i]

    def from_trigger(self, tok: Token) -> None:
        pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if tok.pos_ == "NOUN" else None
        rules = self.finder.patterns.get((tok.lemma_, pos)) if pos else None
        if not rules:
            return
        mode, negated = modality(tok, self.finder.modes)
        if negated or mode != "actual":
            return
        heads = subjects(tok) if pos == "VERB" else _noun_subjects(tok)
        subject_entities = [e for e in (self._named(h) for h in heads) if e is not None]
        for relation, place in rules:
            for obj in self._objects(tok, place):
                target = self.entity(obj, relation)
                if target is None:
                    continue
                for subject in subject_entities:
                    self.add(relation, subject, target, self.doc[tok.i : tok.i + 1])
