"""Unit tests of the relation component on hand-built parsed Docs."""

from __future__ import annotations

from handbuilt import NLP, build_many
from test_entities import AS_OFFICER, COPULA_UNTAGGED, NAME, THE_MINISTER
from test_events import IF_DEPLOY

from claimgraph.analyze.attribution import Attributor
from claimgraph.analyze.entities import EntityLinker
from claimgraph.analyze.relations import RelationFinder

ALLY = (
    "Valdoria has chosen to ally with Elena Brandt, interim president of Valdoria.",
    """
Valdoria Valdoria PROPN NNP nsubj 2 B-GPE
has have AUX VBZ aux 2
chosen choose VERB VBN ROOT 2
to to PART TO aux 4
ally ally VERB VB xcomp 2
with with ADP IN prep 4
Elena Elena PROPN NNP compound 7 B-PERSON
Brandt Brandt PROPN NNP pobj 5 I-PERSON
, , PUNCT , punct 7
interim interim ADJ JJ amod 10
president president NOUN NN appos 7
of of ADP IN prep 10
Valdoria Valdoria PROPN NNP pobj 11 B-GPE
. . PUNCT . punct 2
""",
)
FIGURE = (
    "Opposition leader Ana Ruiz says Ferrer is a key figure within the regime.",
    """
Opposition opposition NOUN NN compound 1
leader leader NOUN NN compound 3
Ana Ana PROPN NNP compound 3 B-PERSON
Ruiz Ruiz PROPN NNP nsubj 4 I-PERSON
says say VERB VBZ ROOT 4
Ferrer Ferrer PROPN NNP nsubj 6 B-PERSON
is be AUX VBZ ccomp 4
a a DET DT det 9
key key ADJ JJ amod 9
figure figure NOUN NN attr 6
within within ADP IN prep 9
the the DET DT det 12
regime regime NOUN NN pobj 10
. . PUNCT . punct 4
""",
)
FAMILY = (
    "Ferrer's wife, Ana Ruiz, is a critic of Elena Brandt.",
    """
Ferrer Ferrer PROPN NNP poss 2 B-PERSON
's 's PART POS case 0
wife wife NOUN NN nsubj 7
, , PUNCT , punct 2
Ana Ana PROPN NNP compound 5 B-PERSON
Ruiz Ruiz PROPN NNP appos 2 I-PERSON
, , PUNCT , punct 2
is be AUX VBZ ROOT 7
a a DET DT det 9
critic critic NOUN NN attr 7
of of ADP IN prep 9
Elena Elena PROPN NNP compound 12 B-PERSON
Brandt Brandt PROPN NNP pobj 10 I-PERSON
. . PUNCT . punct 7
""",
)
NOT_CONTROL = (
    "Ferrer does not control the army.",
    """
Ferrer Ferrer PROPN NNP nsubj 3 B-PERSON
does do AUX VBZ aux 3
not not PART RB neg 3
control control VERB VB ROOT 3
the the DET DT det 5
army army NOUN NN dobj 3
. . PUNCT . punct 3
""",
)


def relations(*parts):
    doc = build_many(list(parts))
    for component in (EntityLinker(NLP), Attributor(NLP), RelationFinder(NLP)):
        doc = component(doc)
    added, found = doc._.cg_relations
    entities = {e.id: e for e in [*doc._.cg_entities, *added]}
    edges = {(r.type, entities[r.subject].name, entities[r.object].name) for r in found}
    return doc, found, entities, edges


def test_relations_controls_and_ties_of_a_resolved_pronoun_with_entities_for_their_objects():
    doc, found, entities, edges = relations(NAME, AS_OFFICER, IF_DEPLOY)
    assert ("controls", "Tomas Ferrer", "domestic espionage operations") in edges
    assert ("allied_with", "Tomas Ferrer", "armed civil groups") in edges
    assert ("controls", "Tomas Ferrer", "forces") in edges  # "the forces he controls"
    by_name = {e.name: e for e in entities.values()}
    assert by_name["domestic espionage operations"].type == "other"
    assert by_name["armed civil groups"].type == "organization"
    added, _ = doc._.cg_relations
    for e in added:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_relations_from_roles_keep_their_modifiers_and_controlled_infinitives_keep_their_subject():
    _, found, entities, edges = relations(ALLY)
    assert ("allied_with", "Valdoria", "Elena Brandt") in edges
    [leads] = [r for r in found if r.type == "leads"]
    assert (entities[leads.subject].name, entities[leads.object].name) == ("Elena Brandt", "Valdoria")
    assert (leads.modifiers, leads.trigger.text) == (["interim"], "interim president")


def test_relations_contact_membership_and_a_body_before_a_title():
    _, _, _, edges = relations(NAME, COPULA_UNTAGGED, THE_MINISTER)
    assert ("holds_office", "Tomas Ferrer", "Valdoria") in edges
    assert ("in_contact_with", "Tomas Ferrer", "United States") in edges  # "the U.S. administration"
    _, _, _, edges = relations(FIGURE)
    assert edges == {("leads", "Ana Ruiz", "Opposition"), ("member_of", "Ferrer", "regime")}


def test_relations_family_and_opposition():
    _, _, _, edges = relations(FAMILY)
    assert edges == {("family", "Ana Ruiz", "Ferrer"), ("opposes", "Ana Ruiz", "Elena Brandt")}


def test_relations_denied_by_the_text_are_not_standing_relations():
    _, found, _, _ = relations(NOT_CONTROL)
    assert found == []


def test_relations_are_carried_by_the_claim_that_states_their_trigger():
    doc, found, _, _ = relations(NAME, AS_OFFICER, ALLY, FIGURE)
    sources, claims = doc._.cg_attribution
    sources, claims = {s.id: s for s in sources}, {c.id: c for c in claims}
    assert found and all(r.claim in claims for r in found)
    for r in found:
        claim = claims[r.claim]
        source = sources[claim.source]
        # In the claim's content, or in its source ("Opposition leader Ana Ruiz says ...").
        spans = [(claim.content.start, claim.content.end), (source.start or 0, source.end or 0)]
        assert any(start <= r.trigger.start < end for start, end in spans), r
