"""Resolve third-person pronouns and definite descriptions to the people they refer to.

Used by the entity component once names are merged and their roles known. Pronouns (he, him,
his, she, her, himself...) go to the most salient person compatible with them, after Lappin and
Leass (1994): every mention adds a weight for recency, subjecthood, objecthood, being a head noun
and not being in an adverbial phrase; weights halve at each sentence boundary. A pronoun cannot
be bound by the subject of its own verb ("he praised her"); a reflexive is. Gender is learnt as
the text goes: a person once resolved from "she" is not "he" later; gendered titles and
honorifics count too. A definite description ("the Venezuelan minister", "the dictator") joins a
person only when that is unambiguous: the one person whose known role it names, if that person is
also the most salient; or the one person who fills the same slot of the same event noun elsewhere
("the capture of the dictator" beside "Maduro's capture").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from claimgraph.analyze import lexicon, roles
from claimgraph.model import Entity, Role

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
REFLEXIVES = frozenset({"himself", "herself"})
GENDERED = {
    "spokeswoman": "f",
    "congresswoman": "f",
    "chairwoman": "f",
    "businesswoman": "f",
    "queen": "f",
    "princess": "f",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "spokesman": "m",
    "congressman": "m",
    "chairman": "m",
    "businessman": "m",
    "king": "m",
    "prince": "m",
    "mr": "m",
}
#: Lappin and Leass's salience weights (1994, table 1), kept as published; re-run the seed and
#: golden tests when changing them
RECENCY, SUBJECT, OBJECT, OBLIQUE, HEAD_NOUN, NON_ADVERBIAL = 100, 80, 50, 40, 80, 50
#: how much more salient than the next person a description's role holder must be: twice, the
#: smallest round factor that left "the president" unresolved between Donald Trump and interim
#: president Delcy Rodríguez in the seed while resolving "the Venezuelan minister"
MARGIN = 2.0
#: determiners that make a noun phrase definite
DEFINITE = frozenset({"the", "this", "that"})


@cache
def _lookup_words() -> tuple[frozenset[int], frozenset[str]]:
    """Return (hashes of pronouns and titles, titles): what the resolver stops at."""
    from spacy.strings import get_string_id

    titles = lexicon.words("titles.txt")
    return frozenset(get_string_id(w) for w in (*PRONOUN_GENDER, *titles)), titles


@cache
def _given_names() -> dict[str, str]:
    """Return {folded given name: "f" or "m"} from ``given_names.tsv``."""
    return {lexicon.fold(k): v[0] for k, v in lexicon.table("given_names.tsv").items()}


def _weight(head: Token) -> float:
    """Return the salience a mention headed by ``head`` adds."""
    dep, governor = head.dep_, head.head
    weight = RECENCY
    if dep in ("nsubj", "nsubjpass"):
        weight += SUBJECT
    elif dep in ("dobj", "attr", "dative"):
        weight += OBJECT
    elif dep == "pobj":
        weight += OBLIQUE
    adverbial = dep == "pobj" and governor.head.pos_ in ("VERB", "AUX")
    contained = dep in ("poss", "compound", "nmod", "appos") or (
        dep == "pobj" and governor.head.pos_ in ("NOUN", "PROPN")
    )
    return weight + (0 if contained else HEAD_NOUN) + (0 if adverbial else NON_ADVERBIAL)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


class _Resolver:
    def __init__(
        self, doc: Doc, entities: list[Entity], spans: dict[str, list[Span]], by_token: dict
    ) -> None:
        self.doc = doc
        self.by_token: dict[int, Entity] = by_token
        self.people = {e.id: e for e in entities if e.type == "person"}
        self.names = {e.id: e.name for e in entities}
        self.heads = {s.root.i: e for e in entities for s in spans[e.id]}
        self.salience: dict[str, float] = {}
        self.gender: dict[str, str] = {}
        self.found: list[tuple[Span, Entity]] = []
        self._event_nouns: dict[str, list[Token]] | None = None
        folded_given = _given_names()
        for e in self.people.values():
            first = lexicon.fold(e.name.split()[0])
            if len(e.name.split()) >= 2 and first in folded_given:
                self.gender[e.id] = folded_given[first]
            for s in spans[e.id]:
                before = s.doc[s.start - 1].lower_.rstrip(".") if s.start > 0 else ""
                if before in GENDERED:
                    self.gender.setdefault(e.id, GENDERED[before])
            for r in e.roles:
                for word in r.title.split():
                    if word in GENDERED:
                        self.gender.setdefault(e.id, GENDERED[word])

    def run(self) -> list[tuple[Span, Entity]]:
        doc = self.doc
        # Visit only what can matter (person mentions, pronouns, title nouns), found by their
        # lower-case hash in one array pass rather than token by token: this runs on every doc.
        words = _lookup_words()
        lower = doc.to_array("LOWER")
        wanted = {i for i, h in enumerate(lower.tolist()) if h in words[0]}
        wanted.update(i for i, e in self.heads.items() if e.id in self.people)
        starts = [s.start for s in doc.sents]
        sentence = 0
        for i in sorted(wanted):
            while sentence < len(starts) and starts[sentence] <= i:
                for key in self.salience:
                    self.salience[key] /= 2
                sentence += 1
            tok = doc[i]
            entity = self.heads.get(i)
            if entity is not None:
                self._mention(tok, entity)
                continue
            if i in self.by_token:
                continue
            low = tok.lower_
            if low in PRONOUN_GENDER and tok.pos_ == "PRON":
                self._pronoun(tok, PRONOUN_GENDER[low])
            elif low in words[1] and tok.pos_ == "NOUN" and tok.tag_ == "NN":
                self._description(tok)
        return self.found

    def _mention(self, head: Token, entity: Entity) -> None:
        self.salience[entity.id] = self.salience.get(entity.id, 0.0) + _weight(head)

    def _add(self, span: Span, head: Token, entity: Entity) -> None:
        self.found.append((span, entity))
        for tok in span:
            self.by_token[tok.i] = entity
        self._mention(head, entity)

    def _ranked(self, gender: str | None = None) -> list[str]:
        return sorted(
            (
                k
                for k, v in self.salience.items()
                if v > 0 and k in self.people and self.gender.get(k, gender) == gender
            ),
            key=lambda k: -self.salience[k],
        )

    def _pronoun(self, tok: Token, gender: str) -> None:
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        subject = _subject(verb) if tok.dep_ not in ("nsubj", "nsubjpass") else None
        if tok.lower_ in REFLEXIVES:
            # "Donald Trump himself", "he blamed himself": bound by the subject or the name.
            bound = self.by_token.get(tok.head.i) if tok.dep_ == "appos" else None
            bound = bound or (self.by_token.get(subject.i) if subject is not None else None)
            ranked = [bound.id] if bound is not None and bound.id in self.people else []
        else:
            exclude = self.by_token.get(subject.i) if subject is not None and tok.dep_ != "poss" else None
            ranked = [k for k in self._ranked(gender) if exclude is None or k != exclude.id]
        if not ranked:
            return
        entity = self.people[ranked[0]]
        self.gender.setdefault(entity.id, gender)
        self._add(self.doc[tok.i : tok.i + 1], tok, entity)
        roles.clause_roles(entity, tok, self.by_token)

    def _description(self, tok: Token) -> None:
        """Resolve "the Venezuelan minister", "the dictator" when unambiguous."""
        if (
            tok.dep_ in ("compound", "appos", "attr")
            or tok.head.lower_ == "as"
            or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
        ):
            return
        if any(c.dep_ in ("appos", "compound") and c.i in self.by_token for c in tok.children):
            return  # "the opposition leader María Corina Machado": a title beside a name
        if tok.i + 1 < len(self.doc) and (tok.i + 1) in self.by_token:
            return  # "the president Delcy Rodríguez"
        entity = self._by_event_slot(tok) or self._by_role(tok)
        if entity is None:
            return
        lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
        start = lefts[0].left_edge.i if lefts else tok.i
        self._add(self.doc[start : tok.i + 1], tok, entity)

    def _by_role(self, tok: Token) -> Entity | None:
        """Return the one person mentioned so far whose role this description names, if they
        are also the most salient person."""
        modifiers = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
        found = [
            e
            for e in self.people.values()
            if e.id in self.salience and any(self._fits(r, tok, modifiers) for r in e.roles)
        ]
        ranked = sorted(self.salience.values(), reverse=True)
        if len(found) != 1 or not ranked or self.salience.get(found[0].id) != ranked[0]:
            return None
        # Clearly the most salient: "the president" between Trump and an interim president
        # stays unresolved when both were just mentioned.
        return found[0] if len(ranked) == 1 or ranked[0] >= MARGIN * ranked[1] else None

    def _fits(self, role: Role, tok: Token, modifiers: list[Token]) -> bool:
        """Return whether a description ("the Venezuelan minister") fits a role ("interior
        minister" of Venezuela): same head, and every modifier in the title or its scope."""
        title_words = role.title.split()
        if title_words[-1] not in (tok.lower_, tok.lemma_.lower()):
            return False
        for m in modifiers:
            if m.text[:1].isupper():  # "Venezuelan": the role's country, compared by stem
                scope = self.names.get(role.of or "")
                if scope is None or lexicon.fold(scope)[:5] != lexicon.fold(m.text)[:5]:
                    return False
            elif m.lower_ not in title_words and m.lower_ not in role.modifiers:
                return False
        return True

    def _by_event_slot(self, tok: Token) -> Entity | None:
        """Return the one person who fills this description's slot of the same event noun
        elsewhere: "the capture of the dictator" and "Maduro's capture"."""
        governor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if tok.dep_ == "poss":
            governor = tok.head
        if governor is None or governor.pos_ != "NOUN":
            return None
        if self._event_nouns is None:
            nouns = {row[0] for row in lexicon.rows("events.tsv") if row[3] in ("NOUN", "BOTH")}
            self._event_nouns = {}
            for t in self.doc:
                if t.pos_ == "NOUN" and t.lemma_ in nouns:
                    self._event_nouns.setdefault(t.lemma_, []).append(t)
        found: set[str] = set()
        for other in self._event_nouns.get(governor.lemma_, []):
            if other.i == governor.i:
                continue
            for c in other.children:
                slot = c if c.dep_ == "poss" else None
                if c.dep_ == "prep" and c.lower_ == "of":
                    slot = next((g for g in c.children if g.dep_ == "pobj"), None)
                entity = self.by_token.get(slot.i) if slot is not None else None
                if entity is not None and entity.id in self.people:
                    found.add(entity.id)
        return self.people[found.pop()] if len(found) == 1 else None


def resolve(
    doc: Doc, entities: list[Entity], spans: dict[str, list[Span]], by_token: dict[int, Entity]
) -> list[tuple[Span, Entity]]:
    """Return (mention span, person) for the pronouns and descriptions of ``doc`` that refer to a
    person in ``entities``; ``by_token`` is updated with them as they are found."""
    if not any(e.type == "person" for e in entities):
        return []
    return _Resolver(doc, entities, spans, by_token).run()
