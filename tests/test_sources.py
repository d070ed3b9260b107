"""Sources resolved to the people they name, on the real model."""

from __future__ import annotations

import pytest

from claimgraph.ingest import Document

pytestmark = pytest.mark.model


def sources(analyzer, text: str) -> list[tuple[str, str, int | None, str | None]]:
    out = analyzer.run([analyzer.prepare(Document(text=text, origin="test"))])[0]
    names = {e["id"]: e["name"] for e in out["entities"]}
    return [(s["text"], s["kind"], s.get("count"), names.get(s.get("entity"))) for s in out["sources"][1:]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beatriz Olmedo spoke to reporters. Ferrán's lawyer, Esteban Lacroix, denied that his client "
            "had received any payment.",
            ("Ferrán's lawyer, Esteban Lacroix", "person", 1, "Esteban Lacroix"),
        ),
        (
            "Ana Ruiz met the minister. The company's spokesman, John Miller, said the plant would close.",
            ("The company's spokesman, John Miller", "person", 1, "John Miller"),
        ),
    ],
)
def test_a_title_with_a_name_in_apposition_is_that_person(analyzer, text, expected) -> None:
    # not the subject of the sentence before, which a bare "the lawyer" would be
    assert sources(analyzer, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both sources said the price was agreed.", ("Both sources", "anonymous", 2, None)),
        ("Three U.S. officials said the talks were over.", ("Three U.S. officials", "anonymous", 3, None)),
        ("A person briefed on the talks said the deal was close.", ("A person briefed on the talks", "anonymous", 1, None)),
        ("Police said two people were arrested, according to local media.", ("local media", "outlet", None, None)),
    ],
)
def test_unnamed_sources_are_counted(analyzer, text, expected) -> None:
    assert expected in sources(analyzer, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister and the rebel leader said on Tuesday that talks would resume.",
            ("The minister and the rebel leader", "person", 2, None),
        ),
        (
            "Reuters, CNN and the Associated Press reported that the talks had failed.",
            ("Reuters, CNN and the Associated Press", "outlet", None, None),
        ),
    ],
)
def test_a_coordination_is_classified_part_by_part(analyzer, text, expected) -> None:
    # its kind is its parts' kind, its count their number, and it names no one entity
    assert expected in sources(analyzer, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two diplomats briefed on the talks said the ceasefire was holding, though one cautioned "
            "that violations had been reported.",
            ("one", "anonymous", 1, None),
        ),
        ("Many said the vote was rigged. Others disagreed.", ("Many", "anonymous", None, None)),
    ],
)
def test_a_word_standing_for_some_of_a_group_is_anonymous(analyzer, text, expected) -> None:
    assert expected in sources(analyzer, text)


def test_a_name_the_ner_missed_is_a_body_by_its_words(analyzer) -> None:
    # the small model finds no entity in "Human Rights Watch"; "Watch" makes it a body, not a person
    text = "Human Rights Watch said at least 12 people were killed."
    assert ("Human Rights Watch", "organization", None, None) in sources(analyzer, text)


def test_a_narrowed_office_is_whoever_holds_it_not_the_last_speaker(analyzer) -> None:
    text = (
        "“Our shelves will be empty,” said Rui Costa, who heads the importers. "
        "The prime minister told aides the strike was a test."
    )
    assert sources(analyzer, text)[-1] == ("The prime minister", "person", 1, None)
    held = (
        "Prime Minister Ana Lobo met the unions. “Our shelves will be empty,” said Rui Costa. "
        "The prime minister told aides the strike was a test."
    )
    assert sources(analyzer, held)[-1] == ("The prime minister", "person", 1, "Ana Lobo")


def test_an_outlet_noun_with_a_name_in_apposition_is_that_outlet(analyzer) -> None:
    text = (
        "LISBON (AP) — Dockworkers struck on Monday. "
        "The newspaper Público said shipping companies had begun diverting cargo."
    )
    assert sources(analyzer, text)[-1] == ("The newspaper Público", "outlet", None, "Público")


def test_the_body_named_by_its_word_earlier_is_the_ministry(analyzer) -> None:
    text = 'The Ministry of the Interior issued a denial. "It is false," the ministry said.'
    assert sources(analyzer, text)[-1] == ("the ministry", "organization", None, "Ministry of the Interior")


def test_someones_spokesman_is_not_that_someone(analyzer) -> None:
    text = "Juan Okafor has not commented. His spokesman told local radio that Okafor never met anyone."
    assert sources(analyzer, text)[-1] == ("His spokesman", "person", 1, None)


def test_an_author_named_in_apposition_is_the_source_of_what_its_report_says(analyzer) -> None:
    text = (
        "The government held secret talks with the rebels, according to an investigation published on "
        "Sunday by the newspaper El Heraldo."
    )
    (source,) = sources(analyzer, text)
    assert source[1:] == ("outlet", None, "El Heraldo")


def test_a_title_goes_to_its_holder_when_the_last_speaker_holds_another(analyzer) -> None:
    text = (
        "Teachers' union president Maria Lopez said her members were worried. "
        "A spokesman for Governor Paul Evans said the governor supported the board."
    )
    assert sources(analyzer, text)[-1] == ("the governor", "person", 1, "Paul Evans")


def test_a_name_after_a_title_is_a_person_the_ner_missed(analyzer) -> None:
    text = "Mayor Ana Torres on Monday vowed to fight the takeover."
    assert sources(analyzer, text)[0][1:] == ("person", None, "Ana Torres")


def test_a_kinship_noun_is_one_unnamed_person(analyzer) -> None:
    text = "In a post on Facebook, the captain's wife wrote that she had not heard from him."
    assert sources(analyzer, text) == [("the captain's wife", "person", 1, None)]


def test_it_and_the_company_are_the_body_just_talked_about(analyzer) -> None:
    text = (
        "Naviera Atlántida rejected the accusations on Monday. In a statement, the company said its "
        "bid had been the most competitive. It added that it would cooperate with prosecutors."
    )
    assert [s[3] for s in sources(analyzer, text)] == ["Naviera Atlántida"] * 3
