"""Unit tests of the event component on hand-built parsed Docs."""

from __future__ import annotations

from handbuilt import NLP, build_many

from claimgraph.analyze.attribution import Attributor
from claimgraph.analyze.entities import EntityLinker
from claimgraph.analyze.events import EventFinder

ARREST = (
    "Police arrested Tomas Ferrer in Lisbon.",
    """
Police Police NOUN NNS nsubj 1
arrested arrest VERB VBD ROOT 1
Tomas Tomas PROPN NNP compound 3 B-PERSON
Ferrer Ferrer PROPN NNP dobj 1 I-PERSON
in in ADP IN prep 1
Lisbon Lisbon PROPN NNP pobj 4 B-GPE
. . PUNCT . punct 1
""",
)
TALKS = (
    "Elena Brandt held talks with Tomas Ferrer.",
    """
Elena Elena PROPN NNP compound 1 B-PERSON
Brandt Brandt PROPN NNP nsubj 2 I-PERSON
held hold VERB VBD ROOT 2
talks talk NOUN NNS dobj 2
with with ADP IN prep 3
Tomas Tomas PROPN NNP compound 6 B-PERSON
Ferrer Ferrer PROPN NNP pobj 4 I-PERSON
. . PUNCT . punct 2
""",
)


def events(*parts):
    doc = build_many(list(parts))
    for component in (EntityLinker(NLP), Attributor(NLP), EventFinder(NLP)):
        doc = component(doc)
    names = {e.id: e.name for e in doc._.cg_entities}
    return doc, names


def test_events_arrest_is_coerce_with_recipient_and_place():
    doc, names = events(ARREST)
    [ev] = doc._.cg_events
    assert (ev.type, ev.cameo, ev.trigger.text) == ("COERCE", "17", "arrested")
    assert [names[r] for r in ev.recipients] == ["Tomas Ferrer"]
    assert [names[w] for w in ev.where] == ["Lisbon"]


def test_events_light_verb_talks_are_consult_between_subject_and_with():
    doc, names = events(TALKS)
    [ev] = doc._.cg_events
    assert ev.type == "CONSULT"
    assert [names[a] for a in ev.actors] == ["Elena Brandt"]
    assert [names[r] for r in ev.recipients] == ["Tomas Ferrer"]


def test_events_are_linked_to_the_claim_that_carries_them():
    doc, _ = events(ARREST, TALKS)
    claims = doc._.cg_attribution[1]
    for ev in doc._.cg_events:
        [claim] = [c for c in claims if c.id == ev.claim]
        assert claim.content.start <= ev.trigger.start < claim.content.end
