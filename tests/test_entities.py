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
    assert [m.text for m in ferrer.mentions] == ["Tomas Ferrer", "Ferrer", "Ferrer", "Ferrer", "he"]
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


JUNK_AND_PARTICLES = (
    "The Frente Campesino del Norte has not commented en febrero.",
    """
The the DET DT det 4
Frente Frente PROPN NNP compound 4
Campesino Campesino PROPN NNP compound 4
del del PROPN NNP compound 4 B-PERSON
Norte Norte PROPN NNP nsubj 7 I-PERSON
has have AUX VBZ aux 7
not not PART RB neg 7
commented comment VERB VBN ROOT 7
en en ADP IN prep 7 B-PERSON
febrero febrero NOUN NN pobj 8 I-PERSON
. . PUNCT . punct 7
""",
)
NAME = (
    "Tomas Ferrer met reporters in Valdoria.",
    """
Tomas Tomas PROPN NNP compound 1 B-PERSON
Ferrer Ferrer PROPN NNP nsubj 2 I-PERSON
met meet VERB VBD ROOT 2
reporters reporter NOUN NNS dobj 2
in in ADP IN prep 2
Valdoria Valdoria PROPN NNP pobj 4 B-GPE
. . PUNCT . punct 2
""",
)
COPULA_UNTAGGED = (
    "Ferrer, 58, is the interior minister of Valdoria.",
    """
Ferrer Ferrer PROPN NNP nsubj 4
, , PUNCT , punct 0
58 58 NUM CD appos 0 B-DATE
, , PUNCT , punct 0
is be AUX VBZ ROOT 4
the the DET DT det 7
interior interior ADJ JJ amod 7
minister minister NOUN NN attr 4
of of ADP IN prep 7
Valdoria Valdoria PROPN NNP pobj 8 B-GPE
. . PUNCT . punct 4
""",
)
AS_OFFICER = (
    "As a former military officer, he oversees domestic espionage operations and maintains close ties with armed civil groups.",
    """
As as ADP IN prep 7
a a DET DT det 4
former former ADJ JJ amod 4
military military ADJ JJ amod 4
officer officer NOUN NN pobj 0
, , PUNCT , punct 7
he he PRON PRP nsubj 7
oversees oversee VERB VBZ ROOT 7
domestic domestic ADJ JJ amod 9
espionage espionage NOUN NN compound 10
operations operation NOUN NNS dobj 7
and and CCONJ CC cc 7
maintains maintain VERB VBZ conj 7
close close ADJ JJ amod 14
ties tie NOUN NNS dobj 12
with with ADP IN prep 14
armed armed ADJ JJ amod 18
civil civil ADJ JJ amod 18
groups group NOUN NNS pobj 15
. . PUNCT . punct 7
""",
)
CALL = (
    "Elena Brandt called Tomas Ferrer.",
    """
Elena Elena PROPN NNP compound 1 B-PERSON
Brandt Brandt PROPN NNP nsubj 2 I-PERSON
called call VERB VBD ROOT 2
Tomas Tomas PROPN NNP compound 4 B-PERSON
Ferrer Ferrer PROPN NNP dobj 2 I-PERSON
. . PUNCT . punct 2
""",
)
PRAISE = (
    "He praised her for her patience.",
    """
He he PRON PRP nsubj 1
praised praise VERB VBD ROOT 1
her she PRON PRP dobj 1
for for ADP IN prep 1
her her PRON PRP$ poss 5
patience patience NOUN NN pobj 3
. . PUNCT . punct 1
""",
)
SPOKE = (
    "Pablo Ruiz spoke with interim president Elena Brandt this week.",
    """
Pablo Pablo PROPN NNP compound 1 B-PERSON
Ruiz Ruiz PROPN NNP nsubj 2 I-PERSON
spoke speak VERB VBD ROOT 2
with with ADP IN prep 2
interim interim ADJ JJ amod 5
president president NOUN NN compound 7
Elena Elena PROPN NNP compound 7 B-PERSON
Brandt Brandt PROPN NNP pobj 3 I-PERSON
this this DET DT det 9 B-DATE
week week NOUN NN npadvmod 2 I-DATE
. . PUNCT . punct 2
""",
)
THE_PRESIDENT = (
    "The president argued that talks should go on.",
    """
The the DET DT det 1
president president NOUN NN nsubj 2
argued argue VERB VBD ROOT 2
that that SCONJ IN mark 6
talks talk NOUN NNS nsubj 6
should should AUX MD aux 6
go go VERB VB ccomp 2
on on ADP RP prt 6
. . PUNCT . punct 2
""",
)
THE_MINISTER = (
    "The Valdorian minister has been in contact with the U.S. administration.",
    """
The the DET DT det 2
Valdorian valdorian ADJ JJ amod 2 B-NORP
minister minister NOUN NN nsubj 4
has have AUX VBZ aux 4
been be AUX VBN ROOT 4
in in ADP IN prep 4
contact contact NOUN NN pobj 5
with with ADP IN prep 6
the the DET DT det 10
U.S. U.S. PROPN NNP compound 10 B-GPE
administration administration NOUN NN pobj 7
. . PUNCT . punct 4
""",
)
CAPTURE = (
    "Tomas Ferrer's capture shocked Valdoria.",
    """
Tomas Tomas PROPN NNP compound 1 B-PERSON
Ferrer Ferrer PROPN NNP poss 3 I-PERSON
's 's PART POS case 1 I-PERSON
capture capture NOUN NN nsubj 4
shocked shock VERB VBD ROOT 4
Valdoria Valdoria PROPN NNP dobj 4 B-GPE
. . PUNCT . punct 4
""",
)
THE_DICTATOR = (
    "Protests followed the capture of the dictator.",
    """
Protests protest NOUN NNS nsubj 1
followed follow VERB VBD ROOT 1
the the DET DT det 3
capture capture NOUN NN dobj 1
of of ADP IN prep 3
the the DET DT det 6
dictator dictator NOUN NN pobj 4
. . PUNCT . punct 1
""",
)
ADMINISTRATION = (
    "The Ferrer Administration denied that the Ferrer administration's envoy met Brandt.",
    """
The the DET DT det 2 B-ORG
Ferrer Ferrer PROPN NNP compound 2 I-ORG
Administration Administration PROPN NNP nsubj 3 I-ORG
denied deny VERB VBD ROOT 3
that that SCONJ IN mark 10
the the DET DT det 6
Ferrer Ferrer PROPN NNP compound 6 B-PERSON
administration administration NOUN NN poss 8
's 's PART POS case 6
envoy envoy NOUN NN nsubj 10
met meet VERB VBD ccomp 3
Brandt Brandt PROPN NNP dobj 10 B-PERSON
. . PUNCT . punct 3
""",
)
DOUBLE_SURNAME = (
    "Gustavo Ferrán Olea resigned and Ferrán left.",
    """
Gustavo Gustavo PROPN NNP compound 2 B-PERSON
Ferrán Ferrán PROPN NNP compound 2 I-PERSON
Olea Olea PROPN NNP nsubj 3 I-PERSON
resigned resign VERB VBD ROOT 3
and and CCONJ CC cc 3
Ferrán Ferrán PROPN NNP nsubj 6 B-ORG
left leave VERB VBD conj 3
. . PUNCT . punct 6
""",
)
PLACE = (
    "Prosecutors in Esterra charged Esterra officials.",
    """
Prosecutors prosecutor NOUN NNS nsubj 3
in in ADP IN prep 0
Esterra Esterra PROPN NNP pobj 1 B-PERSON
charged charge VERB VBD ROOT 3
Esterra Esterra PROPN NNP compound 5 B-PERSON
officials official NOUN NNS dobj 3
. . PUNCT . punct 3
""",
)
COMPANY = (
    "Naviera Atlántida S.A. won the contract and Naviera Atlántida denied it.",
    """
Naviera Naviera PROPN NNP compound 2 B-ORG
Atlántida Atlántida PROPN NNP compound 2 I-ORG
S.A. S.A. PROPN NNP nsubj 3 I-ORG
won win VERB VBD ROOT 3
the the DET DT det 5
contract contract NOUN NN dobj 3
and and CCONJ CC cc 3
Naviera Naviera PROPN NNP compound 8 B-PERSON
Atlántida Atlántida PROPN NNP nsubj 9 I-PERSON
denied deny VERB VBD conj 3
it it PRON PRP dobj 9
. . PUNCT . punct 9
""",
)


def mentions(entity):
    return [m.text for m in entity.mentions]


def test_entities_names_are_shaped_and_particles_join_what_the_ner_cut():
    found, _ = entities(JUNK_AND_PARTICLES)
    assert list(found) == ["Frente Campesino del Norte"]
    assert found["Frente Campesino del Norte"].type == "organization"  # "Frente" names a body


def test_entities_bare_surname_the_ner_missed_is_found_with_its_age_and_copular_role():
    found, _ = entities(NAME, COPULA_UNTAGGED)
    ferrer = found["Tomas Ferrer"]
    assert mentions(ferrer) == ["Tomas Ferrer", "Ferrer"]
    assert ferrer.age == 58
    [role] = ferrer.roles
    assert (role.title, role.of) == ("interior minister", found["Valdoria"].id)


def test_entities_as_phrase_gives_the_resolved_subject_a_role_with_its_modifier():
    found, _ = entities(NAME, AS_OFFICER)
    ferrer = found["Tomas Ferrer"]
    assert mentions(ferrer) == ["Tomas Ferrer", "he"]
    [role] = ferrer.roles
    assert (role.title, role.modifiers, role.text) == (
        "former military officer",
        ["former"],
        "former military officer",
    )


def test_entities_pronouns_follow_gender_and_are_not_bound_by_their_own_subject():
    found, _ = entities(CALL, PRAISE)
    assert mentions(found["Tomas Ferrer"]) == ["Tomas Ferrer", "He"]
    assert mentions(found["Elena Brandt"]) == ["Elena Brandt", "her", "her"]


def test_entities_pronoun_without_gender_goes_to_the_most_salient_subject():
    found, _ = entities(SPOKE, (PRAISE[0].replace("He", "She"), PRAISE[1].replace("He he", "She she")))
    # Pablo Ruiz is a known male name; "She" goes to Elena Brandt, "her" then to nobody else.
    assert mentions(found["Elena Brandt"])[:2] == ["Elena Brandt", "She"]


def test_entities_description_joins_the_one_role_holder_only_when_clearly_most_salient():
    found, _ = entities(SPOKE, THE_PRESIDENT)
    # Ruiz, the subject, is as salient as Brandt: "the president" stays unresolved.
    assert mentions(found["Elena Brandt"]) == ["Elena Brandt"]
    found, _ = entities(NAME, COPULA_UNTAGGED, THE_MINISTER)
    assert mentions(found["Tomas Ferrer"]) == ["Tomas Ferrer", "Ferrer", "Valdorian minister"]


def test_entities_description_joins_the_person_in_the_same_slot_of_the_same_event():
    found, _ = entities(CAPTURE, THE_DICTATOR)
    assert mentions(found["Tomas Ferrer"]) == ["Tomas Ferrer", "dictator"]


def test_entities_name_variants_fold_case_aliases_and_double_surnames():
    found, _ = entities(ADMINISTRATION)
    assert mentions(found["Ferrer Administration"]) == ["Ferrer Administration", "Ferrer administration"]
    assert found["Ferrer Administration"].type == "organization"
    found, _ = entities(DOUBLE_SURNAME)
    assert mentions(found["Gustavo Ferrán Olea"]) == ["Gustavo Ferrán Olea", "Ferrán"]
    found, _ = entities(THE_MINISTER)
    assert found["United States"].mentions[0].text == "U.S."


def test_entities_types_follow_document_evidence():
    found, _ = entities(PLACE)
    assert found["Esterra"].type == "place"  # "in Esterra": people are not "in" a name
    found, _ = entities(COMPANY)
    assert list(found) == ["Naviera Atlántida S.A."]
    assert found["Naviera Atlántida S.A."].type == "organization"


DATELINE = (
    "PUERTO ALBA, Esterra (AP) — Prosecutors charged the firm.",
    """
PUERTO PUERTO PROPN NNP compound 1
ALBA ALBA PROPN NNP nsubj 9
, , PUNCT , punct 1
Esterra Esterra PROPN NNP conj 1 B-PERSON
( ( PUNCT -LRB- punct 3
AP AP PROPN NNP appos 3 B-ORG
) ) PUNCT -RRB- punct 3
— — PUNCT : punct 1
Prosecutors prosecutor NOUN NNS nsubj 9
charged charge VERB VBD ROOT 9
the the DET DT det 11
firm firm NOUN NN dobj 9
. . PUNCT . punct 9
""",
)


def test_entities_a_name_in_a_dateline_is_a_place_and_the_wire_an_outlet():
    found, _ = entities(DATELINE)
    assert (found["Esterra"].type, found["Associated Press"].type) == ("place", "outlet")


def test_entities_an_acronym_spelt_like_a_name_particle_is_a_name():
    """"un" is a Spanish particle, "UN" the United Nations."""
    from handbuilt import build

    doc = build(
        "The UN said so.",
        """
The the DET DT det 1
UN UN PROPN NNP nsubj 2 B-ORG
said say VERB VBD ROOT 2
so so ADV RB advmod 2
. . PUNCT . punct 2
""",
    )
    doc = EntityLinker(NLP)(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("United Nations", "organization")]


LAWYER_NAMED = (
    "His lawyer, Ana Beltrán, said the freeze was unfair. The newspaper Público agreed.",
    """
His his PRON PRP$ poss 1
lawyer lawyer NOUN NN nsubj 6
, , PUNCT , punct 1
Ana Ana PROPN NNP compound 4
Beltrán Beltrán PROPN NNP appos 1 B-ORG
, , PUNCT , punct 1
said say VERB VBD ROOT 6
the the DET DT det 8
freeze freeze NOUN NN nsubj 9
was be AUX VBD ccomp 6
unfair unfair ADJ JJ acomp 9
. . PUNCT . punct 6
The the DET DT det 13
newspaper newspaper NOUN NN nsubj 15
Público Público PROPN NNP appos 13 B-ORG
agreed agree VERB VBD ROOT 15
. . PUNCT . punct 15
""",
)


def test_entities_a_name_in_apposition_to_a_title_is_a_person_and_to_an_outlet_noun_an_outlet():
    found, _ = entities(LAWYER_NAMED)
    assert found["Ana Beltrán"].type == "person"  # the NER's ORG notwithstanding
    assert found["Público"].type == "outlet"
