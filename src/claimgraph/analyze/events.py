"""Find events: who did what to whom, where and when, typed with PLOVER.

Reads the parse, ``doc._.cg_entities``, ``doc._.cg_times`` and ``doc._.cg_attribution``;
writes ``doc._.cg_events``. A trigger is a verb or noun from ``data/events.tsv``; actors are
the entities in its subject (or, for a noun, its possessor or "by" phrase), recipients those in
its object, in "with/against/on/to" phrases, or in the possessor of a noun whose agent is
elsewhere ("Maduro's capture"); places are place entities in its "in/at" phrases; its time is the
temporal expression attached to it in the parse, else the only one in its sentence. Each event
is linked to the claim whose content holds its trigger (or whose cue is its trigger: a denial),
so it inherits that claim's provenance.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.analyze import lexicon
from claimgraph.analyze.sources import EntityIndex
from claimgraph.ids import make_id
from claimgraph.model import Claim, Event, TextSpan, Time

RECIPIENT_PREPS = frozenset({"with", "against", "on", "to", "of", "from", "for"})
PLACE_PREPS = frozenset({"in", "at", "inside", "near"})
#: events whose possessor undergoes them ("Maduro's capture") rather than does them
UNDERGONE = frozenset({"COERCE", "ASSAULT", "SANCTION", "INVESTIGATE"})


def _triggers() -> dict[tuple[str, str], tuple[str, str]]:
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for lemma, plover, cameo, pos in lexicon.rows("events.tsv"):
        for p in ("VERB", "NOUN") if pos == "BOTH" else (pos,):
            out[(lemma, p)] = (plover, cameo)
    return out


class EventFinder:
    """Find PLOVER-typed events with actors, recipients, place and time."""

    def __init__(self, nlp: Language, name: str = "claimgraph_events") -> None:
        self.name = name
        self.triggers = _triggers()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_annotations(self, doc: Doc, found: list[Event]) -> None:
        doc._.cg_events = found

    def _entities(self, tokens: list[Token], index: EntityIndex) -> list[str]:
        out: list[str] = []
        for tok in tokens:
            for t in tok.subtree:
                e = index.at(t)
                if e is not None and e.id not in out:
                    out.append(e.id)
        return out

    def _places(self, trigger: Token, index: EntityIndex) -> list[str]:
        out: list[str] = []
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for t in prep.subtree:
                    e = index.at(t)
                    if e is not None and e.type == "place" and e.id not in out:
                        out.append(e.id)
        return out

    def _time(self, trigger: Token, times: list[Time]) -> str | None:
        sent = trigger.sent
        inside = [t for t in times if sent.start_char <= t.start < sent.end_char]
        attached = [
            t
            for t in inside
            if any(tok.idx >= t.start and tok.idx < t.end for tok in trigger.subtree)
            and not any(t.start <= c.idx < t.end for c in trigger.children if c.dep_ in ("nsubj", "dobj"))
        ]
        pick = attached or (inside if len(inside) == 1 else [])
        pick = [t for t in pick if t.timex_type != "DURATION"]
        return min(pick, key=lambda t: abs(t.start - trigger.idx)).id if pick else None

    def find(self, doc: Doc) -> list[Event]:
        """Return the events of ``doc`` in text order."""
        index = EntityIndex(doc, doc._.cg_entities or [])
        times: list[Time] = doc._.cg_times or []
        claims: list[Claim] = (doc._.cg_attribution or ([], []))[1]
        events: list[Event] = []
        for tok in doc:
            pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if tok.pos_ == "NOUN" else None
            key = (tok.lemma_.lower(), pos) if pos else None
            if key not in self.triggers:
                continue
            plover, cameo = self.triggers[key]
            if pos == "VERB":
                actors = self._entities([c for c in tok.children if c.dep_ in ("nsubj", "agent")], index)
                objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
            else:
                poss = [c for c in tok.children if c.dep_ == "poss"]
                by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
                if plover in UNDERGONE:
                    actors, objs = self._entities(by, index), poss
                else:
                    actors, objs = self._entities(poss + by, index), []
                if not actors and tok.head.pos_ == "VERB" and tok.dep_ == "dobj":
                    # "X held talks with Y": the light verb's subject does the event.
                    actors = self._entities([c for c in tok.head.children if c.dep_ == "nsubj"], index)
            light = [tok.head] if pos == "NOUN" and tok.dep_ == "dobj" else []
            objs += [
                c
                for t in [tok, *light]
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS
            ]
            recipients = [e for e in self._entities(objs, index) if e not in actors]
            if not actors and not recipients:
                continue
            start, end = tok.idx, tok.idx + len(tok.text)
            claim = next((c.id for c in claims if c.content.start <= start < c.content.end), None) or next(
                (c.id for c in claims if c.cue is not None and c.cue.start <= start < c.cue.end), None
            )  # "The ministry denied that ...": the denial is carried by the claim it cues
            event = Event(
                id=make_id("v", start, end),
                type=plover,
                trigger=TextSpan(start, end, tok.text),
                actors=actors,
                recipients=recipients,
                where=self._places(tok, index),
                when=self._time(tok, times),
                claim=claim,
                cameo=cameo,
            )
            events.append(event)
        return events
