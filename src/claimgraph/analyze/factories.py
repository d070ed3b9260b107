"""Register every claimgraph spaCy component factory, in one place.

Each factory is also declared as a ``spacy_factories`` entry point in pyproject.toml, so that
``nlp.add_pipe("claimgraph_attribution")`` works in any spaCy pipeline once claimgraph is
installed. Component modules are imported when a factory is first used.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyze import extensions  # noqa: F401  (registers the Doc extensions)


@Language.component("claimgraph_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so that headlines and captions stand alone, and
    keep the dateline that opens a paragraph in one sentence with the words after it
    ("WASHINGTON (AP) — Prosecutors charged ...": the parse cut it into three sentences and made
    "AP" the subject of "charged"; as a sentence of its own it costs the entity recogniser the
    name right after it)."""
    from claimgraph.analyze.spans import OPENING_DATELINE

    opening = [0] if len(doc) else []
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
            opening.append(tok.i + 1)
    text = doc.text
    for first in opening:
        found = OPENING_DATELINE.match(text, doc[first].idx)
        if found is None:
            continue
        after = next((t for t in doc[first:] if t.idx >= found.end()), None)
        if after is None or "\n" in text[doc[first].idx : after.idx]:
            continue
        for t in doc[first + 1 : after.i + 1]:
            t.is_sent_start = False
    return doc


@Language.factory("claimgraph_entities", requires=["doc.ents"], assigns=["doc._.cg_entities"])
def make_entities(nlp: Language, name: str) -> Any:
    """Make the component that merges entity mentions, repairs types and finds roles."""
    from claimgraph.analyze.entities import EntityLinker

    return EntityLinker(nlp, name)


@Language.factory("claimgraph_time", assigns=["doc._.cg_times"])
def make_time(nlp: Language, name: str) -> Any:
    """Make the component that finds temporal expressions and normalises them to TIMEX3."""
    from claimgraph.analyze.time import TimeTagger

    return TimeTagger(nlp, name)


@Language.factory(
    "claimgraph_attribution",
    requires=["token.dep", "doc._.cg_entities"],
    assigns=["doc._.cg_attribution"],
)
def make_attribution(nlp: Language, name: str) -> Any:
    """Make the component that finds claims, their cues, sources, chains and status."""
    from claimgraph.analyze.attribution import Attributor

    return Attributor(nlp, name)


@Language.factory(
    "claimgraph_events",
    requires=["token.dep", "doc._.cg_entities", "doc._.cg_attribution", "doc._.cg_times"],
    assigns=["doc._.cg_events"],
)
def make_events(nlp: Language, name: str) -> Any:
    """Make the component that finds PLOVER-typed events with actors, recipients, place and time."""
    from claimgraph.analyze.events import EventFinder

    return EventFinder(nlp, name)


@Language.factory(
    "claimgraph_relations",
    requires=["token.dep", "doc._.cg_entities", "doc._.cg_attribution"],
    assigns=["doc._.cg_relations"],
)
def make_relations(nlp: Language, name: str) -> Any:
    """Make the component that finds standing relations between actors (leads, controls, allied with...)."""
    from claimgraph.analyze.relations import RelationFinder

    return RelationFinder(nlp, name)
