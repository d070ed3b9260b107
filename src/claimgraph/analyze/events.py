"""Find events: who did what to whom, where and when, typed with PLOVER.

Reads the parse, ``doc._.cg_entities``, ``doc._.cg_times`` and ``doc._.cg_attribution``;
writes ``doc._.cg_events``. A trigger is a verb or noun from ``data/events.tsv``. Actors are the
entities its subject names (a subject shared by conjoined verbs, or the controller's of an
infinitive: "chose to ally"), or for a noun its possessor, its "by" phrase, a country or body
before it ("the U.S. raid") or the subject of its light verb ("X held talks"); recipients are
those in its object, in "with/against/on/to/of/from/for" phrases (not after "rather than"), the
subject of what a demand demands ("demanded that Cabello refrain"), or the possessor of a noun
whose agent is elsewhere ("Maduro's capture"). An argument is the entity a noun phrase names,
not those in its appositions ("Rodríguez, interim president of Venezuela" is Rodríguez); a
common noun stands for the names before or after it ("U.S. officials", "officials from the Trump
Administration"). Places are place entities in "in/at" phrases; the time is the temporal
expression whose nearest governing predicate is the trigger or its light verb ("the operation on
January 3rd" included). Each event carries ``negated`` ("he was not arrested", "refrain from
using") and a ``mode``: actual, conditional ("if he had decided to deploy"), possible ("could
attack") or intended ("aims to secure", "demanded that he resign"). Mentions of one happening
are linked (:mod:`claimgraph.analyze.episodes`) and share its date. Each event is linked to the
claim whose content holds its trigger (or whose cue is its trigger: a denial), so it inherits
that claim's provenance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimgraph.analyze import episodes, lexicon
from claimgraph.analyze.entities import datelines
from claimgraph.analyze.sources import EntityIndex
from claimgraph.ids import make_id
from claimgraph.model import Claim, Event, Source, TextSpan, Time

RECIPIENT_PREPS = frozenset({"with", "against", "on", "to", "of", "from", "for"})
PLACE_PREPS = frozenset({"in", "at", "inside", "near"})
#: events whose possessor undergoes them ("Maduro's capture") rather than does them
UNDERGONE = frozenset({"COERCE", "ASSAULT", "SANCTION", "INVESTIGATE"})
#: verbs whose object noun names the event they stand for ("held talks", "had a conversation")
LIGHT_VERBS = frozenset({"have", "hold", "conduct", "make", "carry", "launch", "stage", "be", "keep"})
#: verbs of being in a state named by a noun ("has been in contact with", "remain in talks")
STATIVE = frozenset({"be", "remain", "stay", "keep", "engage"})
#: modal auxiliaries that make an event a possibility ("could attack")
POSSIBLE = frozenset({"could", "might", "may"})
#: prepositions that introduce what a noun or verb of intent wants ("demand for talks", "refrain
#: from using")
INTENT_PREPS = frozenset({"for", "from", "of", "to", "on"})
#: dependencies through which a clause's modality reaches the events inside it
CLAUSAL = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "pcomp", "prep", "relcl"})
#: nouns that stand for the people of a country or body named beside them ("U.S. officials")
_ARG_PREPS = frozenset({"from", "of"})


def _triggers() -> dict[tuple[str, str], tuple[str, str]]:
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for lemma, plover, cameo, pos in lexicon.rows("events.tsv"):
        for p in ("VERB", "NOUN") if pos == "BOTH" else (pos,):
            out[(lemma, p)] = (plover, cameo)
    return out


def with_lemma(doc: Doc, hashes: frozenset[int]) -> Iterator[Token]:
    """Yield the tokens of ``doc`` whose lemma's hash is in ``hashes``, in order: one array pass
    instead of a Python loop over every token, since this runs on every document."""
    for i, lemma in enumerate(doc.to_array("LEMMA").tolist()):
        if lemma in hashes:
            yield doc[i]


def carrying_claim(claims: list[Claim], start: int, sources: list[Source] | None = None) -> str | None:
    """Return the id of the claim whose content holds char ``start``, else whose cue does ("The
    ministry denied that ...": the denial is carried by the claim it cues), else whose source
    does ("opposition leader Inés Marburg said ...": the title is stated with the claim)."""
    found = next((c.id for c in claims if c.content.start <= start < c.content.end), None) or next(
        (c.id for c in claims if c.cue is not None and c.cue.start <= start < c.cue.end), None
    )
    if found is None and sources:
        spans = {s.id: (s.start, s.end) for s in sources if s.start is not None and s.end is not None}
        found = next((c.id for c in claims if c.source in spans and _inside(start, spans[c.source])), None)
    return found


def _inside(char: int, span: tuple[int | None, int | None]) -> bool:
    begin, end = span
    return begin is not None and end is not None and begin <= char < end


def subjects(verb: Token) -> list[Token]:
    """Return the subject of ``verb``, looking through conjoined verbs, infinitives and
    gerunds to the one that has it ("he exerts ..., oversees ...", "chose to ally", "refrain
    from using"), and through a relative pronoun to the noun it stands for."""
    v, deps = verb, frozenset({"nsubj"})
    for _ in range(5):
        found = [c for c in v.children if c.dep_ in deps]
        if found:
            if found[0].tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return [v.head]  # "the operation that resulted in ..."
            return found
        if v.dep_ == "conj" and v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children):
            break  # "four sources consulted": a participle, not a second verb of the subject
        if v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
            # "he was not arrested ... and has maintained": a shared subject, passive or not
            active = not any(c.dep_ == "auxpass" for c in v.children)
            deps = frozenset({"nsubj", "nsubjpass"} if v.dep_ == "conj" and active else {"nsubj"})
            v = v.head
        elif v.dep_ == "acl" and v.head.pos_ == "NOUN":  # "his willingness to negotiate"
            return [c for c in v.head.children if c.dep_ == "poss"]
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head
        else:
            break
    return []


def clause_predicate(tok: Token) -> Token:
    """Return the verb whose clause a noun trigger stands in: the light verb of "held talks",
    the copula of "has been in contact with"; else the noun itself."""
    if tok.pos_ != "NOUN":
        return tok
    if tok.dep_ in ("dobj", "attr") and tok.head.lemma_ in LIGHT_VERBS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into") and tok.head.head.lemma_ in STATIVE:
        return tok.head.head
    return tok


def is_negated(tok: Token) -> bool:
    """Return whether the text denies the trigger itself: "not arrested", "no talks", "has not
    been in contact"."""
    governor = clause_predicate(tok)
    if any(c.dep_ == "neg" for c in governor.children) or any(c.dep_ == "neg" for c in tok.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def modality(tok: Token, modes: dict[str, str]) -> tuple[str, bool]:
    """Return (mode, negated) of the event ``tok`` names, from the clauses above it."""
    mode, negated = "actual", is_negated(tok)
    node = clause_predicate(tok)
    for _ in range(8):
        if mode == "actual":
            for c in node.children:
                if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                    mode = "conditional"
                elif c.dep_ == "aux" and c.lower_ in POSSIBLE:
                    mode = "possible"
        head, dep = node.head, node.dep_
        if head.i == node.i or dep not in CLAUSAL and not (dep == "pobj" and head.dep_ == "prep"):
            break
        effect = modes.get(head.lemma_) if dep not in ("conj", "pobj") else None
        if dep == "prep" and node.lower_ not in INTENT_PREPS:
            break  # "during those discussions, officials demanded ...": not what was demanded
        if effect == "intended" and mode == "actual":
            mode = "intended"
        elif effect == "negated":
            negated = not negated
        node = head
    return mode, negated


@dataclass
class Found:
    """One trigger with its arguments, before mentions of one happening are linked."""

    token: Token
    plover: str | None  # None: an episode noun ("the operation") until linked to a typed event
    cameo: str | None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    when: Time | None = None
    negated: bool = False
    mode: str = "actual"
    same_as: Found | None = None


class EventFinder:
    """Find PLOVER-typed events with actors, recipients, place and time."""

    def __init__(self, nlp: Language, name: str = "claimgraph_events") -> None:
        self.name = name
        self.triggers = _triggers()
        self.episodes = lexicon.words("episodes.txt")
        self.hashes = frozenset(
            get_string_id(w) for w in {*(lemma for lemma, _ in self.triggers), *self.episodes}
        )
        self.modes = {k: v[0] for k, v in lexicon.table("event_modes.tsv").items()}
        self._dateline: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_annotations(self, doc: Doc, found: list[Event]) -> None:
        doc._.cg_events = found

    # -- arguments -------------------------------------------------------------------------

    def _named(self, tok: Token, index: EntityIndex) -> list[str]:
        """Return the entities a noun phrase headed by ``tok`` (or a preposition) names."""
        if tok.dep_ in ("prep", "agent"):
            return [e for g in tok.children if g.dep_ == "pobj" for e in self._named(g, index)]
        out: list[str] = []
        entity = index.at(tok)
        if entity is not None:
            out.append(entity.id)
        elif tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.children:
                if c.dep_ in ("compound", "nmod", "amod", "poss") or (
                    c.dep_ == "prep" and c.lower_ in _ARG_PREPS and tok.tag_ == "NNS"
                ):
                    out += [e for e in self._named(c, index) if e not in out]
        for c in tok.children:
            if c.dep_ == "conj":
                out += [e for e in self._named(c, index) if e not in out]
        return out

    def _all(self, tokens: list[Token], index: EntityIndex) -> list[str]:
        out: list[str] = []
        for tok in tokens:
            if tok.i in self._dateline:
                continue
            out += [e for e in self._named(tok, index) if e not in out]
        return out

    def _preps(self, tok: Token, names: frozenset[str]) -> list[Token]:
        doc = tok.doc
        return [
            c
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in names and not (c.i > 0 and doc[c.i - 1].lower_ == "than")
        ]

    def _arguments(self, tok: Token, plover: str | None, index: EntityIndex) -> tuple[list[str], list[str]]:
        if tok.pos_ == "VERB":
            actors = self._all(subjects(tok), index)
            actors += [e for e in self._all(self._preps(tok, frozenset({"by"})), index) if e not in actors]
            actors += [e for c in tok.children if c.dep_ == "agent" for e in self._named(c, index)]
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
            if plover == "REQUEST" and not objs:  # "demanded that Cabello refrain": who is asked
                objs = [s for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
            objs += self._preps(tok, RECIPIENT_PREPS)
        else:
            poss = [c for c in tok.children if c.dep_ == "poss"]
            by = self._preps(tok, frozenset({"by"}))
            compound = [c for c in tok.children if c.dep_ in ("compound", "amod") and index.at(c) is not None]
            acl = [c for c in tok.children if c.dep_ == "acl"]
            by += [g for a in acl for g in a.children if g.dep_ == "agent"]
            undergone = plover in UNDERGONE
            people = [c for c in compound if index.at(c).type == "person"]  # type: ignore[union-attr]
            bodies = [c for c in compound if c not in people]
            actors = self._all(by + bodies + ([] if undergone else poss + people), index)
            objs = (poss + people) if undergone else []
            governor = clause_predicate(tok)
            if not actors and governor is not tok:  # "X held talks", "X has been in contact"
                actors = self._all(subjects(governor), index)
            objs += self._preps(tok, RECIPIENT_PREPS)
            objs += [
                g for a in acl for g in self._preps(a, RECIPIENT_PREPS)
            ]  # "sanctions imposed ... against him"
            if governor is not tok and governor.lemma_ != "be":
                objs += self._preps(governor, RECIPIENT_PREPS)
        recipients = [e for e in self._all(objs, index) if e not in actors]
        return actors, recipients

    def _places(self, trigger: Token, index: EntityIndex) -> list[str]:
        places = {e.id for e in index.entities if e.type == "place"}
        return [e for e in self._all(self._preps(trigger, PLACE_PREPS), index) if e in places]

    # -- time ------------------------------------------------------------------------------

    def _predicates(self, doc: Doc, times: list[Time]) -> dict[int, list[Time]]:
        """Return {token index: times it governs}: each time goes to its nearest governing
        verb or event noun, or to the event noun right before its preposition ("the operation
        on January 3rd", which the parser hangs elsewhere)."""
        out: dict[int, list[Time]] = {}
        for t in times:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or len(span) == 0 or span.start in self._dateline:
                continue
            before = span.start - 2
            if before >= 0 and doc[before + 1].pos_ == "ADP" and self._event_noun(doc[before]):
                out.setdefault(before, []).append(t)
                continue
            node = span.root
            for _ in range(12):
                if node.head.i == node.i:
                    break
                node = node.head
                if span.start <= node.i < span.end:
                    continue
                if node.pos_ in ("VERB", "AUX") or self._event_noun(node):
                    out.setdefault(node.i, []).append(t)
                    break
        return out

    def _event_noun(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and ((tok.lemma_, "NOUN") in self.triggers or tok.lemma_ in self.episodes)

    def _time(self, tok: Token, governed: dict[int, list[Time]]) -> Time | None:
        anchors = {tok.i, clause_predicate(tok).i}
        found = [
            t
            for i in anchors
            for t in governed.get(i, [])
            if t.timex_type != "DURATION" and not t.start <= tok.idx < t.end
        ]
        return min(found, key=lambda t: abs(t.start - tok.idx)) if found else None

    # -- finding ---------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Event]:
        """Return the events of ``doc`` in text order."""
        index = EntityIndex(doc, doc._.cg_entities or [])
        times: list[Time] = doc._.cg_times or []
        claims: list[Claim] = (doc._.cg_attribution or ([], []))[1]
        self._dateline = datelines(doc)
        governed = self._predicates(doc, times) if times else {}
        found: list[Found] = []
        for tok in with_lemma(doc, self.hashes):
            lemma = tok.lemma_
            pos = tok.pos_
            if pos not in ("VERB", "NOUN"):
                continue
            plover, cameo = self.triggers.get((lemma, pos), (None, None))
            if plover is None and not (pos == "NOUN" and lemma in self.episodes):
                continue
            actors, recipients = self._arguments(tok, plover, index)
            mode, negated = modality(tok, self.modes)
            found.append(
                Found(
                    tok,
                    plover,
                    cameo,
                    actors,
                    recipients,
                    self._places(tok, index),
                    self._time(tok, governed),
                    negated,
                    mode,
                )
            )
        episodes.link(found)
        events: list[Event] = []
        ids: dict[int, str] = {}
        for f in found:
            if f.plover is None or not (f.actors or f.recipients):
                continue
            start, end = f.token.idx, f.token.idx + len(f.token.text)
            ids[f.token.i] = make_id("v", start, end)
            same_as = ids.get(f.same_as.token.i) if f.same_as is not None else None
            events.append(
                Event(
                    id=ids[f.token.i],
                    type=f.plover,
                    trigger=TextSpan(start, end, f.token.text),
                    actors=f.actors,
                    recipients=f.recipients,
                    where=f.where,
                    when=f.when.id if f.when is not None else None,
                    claim=carrying_claim(claims, start),
                    cameo=f.cameo,
                    negated=f.negated,
                    mode=f.mode,
                    same_as=same_as,
                )
            )
        return events
