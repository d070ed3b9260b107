"""Unit tests of the entity component on hand-built parsed Docs (no statistical model)."""

from __future__ import annotations

from handbuilt import NLP, build_many

from claimgraph.analyze.entities import EntityLinker

MINISTER = (
    "Valdoria's Interior Minister Tomas Ferrer met Ferrer's critics.",
    """
Valdoria Valdoria PROPN NNP poss 3 B-GPE
's 's PART POS case 0
Interior Interior PROPN NNP compound 3 B-ORG
Minister Minister PROPN NNP compound 5
Tomas Tomas PROPN NNP compound 5 B-PERSON
Ferrer Ferrer PROPN NNP nsubj 6 I-PERSON
met meet VERB VBD ROOT 6
Ferrer Ferrer PROPN NNP poss 9 B-GPE
's 's PART POS case 7
critics critic NOUN NNS dobj 6
. . PUNCT . punct 6
""",
)
APPOSITION = (
    "Ferrer, 58, is close to Elena Brandt, interim president of Valdoria.",
    """
Ferrer Ferrer PROPN NNP nsubj 4 B-GPE
, , PUNCT , punct 0
58 58 NUM CD appos 0 B-DATE
, , PUNCT , punct 0
is be AUX VBZ ROOT 4
close close ADJ JJ acomp 4
to to ADP IN prep 5
Elena Elena PROPN NNP compound 8 B-PERSON
Brandt Brandt PROPN NNP pobj 6 I-PERSON
, , PUNCT , punct 8
interim interim ADJ JJ amod 11
president president NOUN NN appos 8
of of ADP IN prep 11
Valdoria Valdoria PROPN NNP pobj 12 B-GPE
. . PUNCT . punct 4
""",
)
OUTLET = (
    "Ferrer told Reuters he would stay.",
    """
Ferrer Ferrer PROPN NNP nsubj 1 B-ORG
told tell VERB VBD ROOT 1
Reuters Reuters PROPN NNP dobj 1 B-ORG
he he PRON PRP nsubj 5
would would AUX MD aux 5
stay stay VERB VB ccomp 1
. . PUNCT . punct 1
""",
)


def entities(*parts):
    doc = EntityLinker(NLP)(build_many(list(parts)))
    return {e.name: e for e in doc._.cg_entities}, doc


def test_entities_surnames_merge_into_one_person_whatever_their_ner_label():
    found, doc = entities(MINISTER, APPOSITION, OUTLET)
    ferrer = found["Tomas Ferrer"]
    assert ferrer.type == "person"
    assert [m.text for m in ferrer.mentions] == ["Tomas Ferrer", "Ferrer", "Ferrer", "Ferrer"]
    assert "Ferrer" not in found
    for m in ferrer.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_entities_title_before_name_is_a_role_of_the_possessor_country():
    found, _ = entities(MINISTER)
    [role] = found["Tomas Ferrer"].roles
    assert role.title == "interior minister"
    assert role.of == found["Valdoria"].id
    assert role.text == "Interior Minister"
    assert "Interior" not in found  # a title word, not an organisation


def test_entities_apposition_gives_role_with_modifier_and_age():
    found, _ = entities(MINISTER, APPOSITION)
    [role] = found["Elena Brandt"].roles
    assert (role.title, role.modifiers, role.of) == ("interim president", ["interim"], found["Valdoria"].id)
    assert found["Tomas Ferrer"].age == 58


def test_entities_news_outlets_from_the_gazetteer_are_typed_outlet():
    found, _ = entities(OUTLET)
    assert found["Reuters"].type == "outlet"


def test_entities_ids_are_deterministic():
    a, _ = entities(MINISTER, APPOSITION)
    b, _ = entities(MINISTER, APPOSITION)
    assert {n: e.id for n, e in a.items()} == {n: e.id for n, e in b.items()}
