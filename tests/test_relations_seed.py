"""End-to-end checks of issue 4's "done when" on the motivating article: who (merged entities,
roles), what and when (events), and the standing relations between them. Skipped when
../shared is not beside the repository."""

from __future__ import annotations

import pytest

from claimgraph import contract
from claimgraph.ingest import Document, read_inputs

PEOPLE = (
    "Diosdado Cabello",
    "Nicolás Maduro",
    "Donald Trump",
    "Delcy Rodríguez",
    "María Corina Machado",
    "Saddam Hussein",
)


@pytest.fixture(scope="module")
def seed(analyzer, seed_article):
    [doc] = [d for d in read_inputs([str(seed_article)]) if isinstance(d, Document)]
    doc = doc.with_overrides(published="2026-01-17", outlet="CiberCuba")
    [out] = list(analyzer.analyze([doc]))
    return out


@pytest.fixture(scope="module")
def named(seed):
    return {e["name"]: e for e in seed["entities"]}


def test_seed_output_with_relations_is_valid(seed):
    assert contract.problems(seed) == []


def test_seed_one_person_each_with_every_surname_mention(seed, named):
    people = [e for e in seed["entities"] if e["type"] == "person"]
    assert sorted(e["name"] for e in people) == sorted(PEOPLE)
    text = seed["document"]["text"]
    for name in PEOPLE:
        surname = name.split()[-1]
        spans = {(m["start"], m["end"]) for m in named[name]["mentions"]}
        at = text.find(surname)
        while at >= 0:
            inside_org = (
                text[at : at + len(surname) + 15].lower().startswith(f"{surname.lower()} administration")
            )
            if not inside_org and text[at - 5 : at] != "post-":
                assert any(s <= at < e for s, e in spans), (name, at)
            at = text.find(surname, at + 1)


def test_seed_descriptions_and_pronouns_are_merged(named):
    cabello = [m["text"] for m in named["Diosdado Cabello"]["mentions"]]
    assert "Venezuelan minister" in cabello and cabello.count("he") >= 5
    assert "dictator" in [m["text"] for m in named["Nicolás Maduro"]["mentions"]]
    assert named["Reuters"]["type"] == "outlet"
    assert "Trump" not in named and "Trump Administration" in named


def test_seed_roles_with_scope_modifiers_and_age(named):
    venezuela = named["Venezuela"]["id"]

    def roles(name):
        return {(r["title"], r["of"], tuple(r["modifiers"])) for r in named[name]["roles"]}

    assert ("interior minister", venezuela, ()) in roles("Diosdado Cabello")
    assert ("former military officer", None, ("former",)) in roles("Diosdado Cabello")
    assert ("interim president", venezuela, ("interim",)) in roles("Delcy Rodríguez")
    assert ("opposition leader", None, ()) in roles("María Corina Machado")
    assert named["Diosdado Cabello"]["age"] == 62


def events_named(seed, named, trigger):
    ids = {e["id"]: e["name"] for e in seed["entities"]}
    times = {t["id"]: t["value"] for t in seed["times"]}
    for ev in seed["events"]:
        if ev["trigger"]["text"] == trigger:
            yield (
                ev,
                [ids[a] for a in ev["actors"]],
                [ids[r] for r in ev["recipients"]],
                times.get(ev["when"]),
            )


def test_seed_maduro_capture_is_coerce_on_january_3rd(seed, named):
    captures = list(events_named(seed, named, "capture"))
    assert len(captures) == 4
    for ev, actors, recipients, when in captures:
        assert ev["type"] == "COERCE" and ev["cameo"] == "17"
        assert recipients == ["Nicolás Maduro"] and actors == ["United States"]
        assert when == "2026-01-03"


def test_seed_trump_rodriguez_call_is_consult_this_week(seed, named):
    [(ev, actors, recipients, when)] = list(events_named(seed, named, "conversation"))
    assert (ev["type"], actors, recipients, when) == (
        "CONSULT",
        ["Donald Trump"],
        ["Delcy Rodríguez"],
        "2026-W03",
    )


def test_seed_demand_is_addressed_to_cabello_and_the_arrest_that_did_not_happen_is_negated(seed, named):
    [(ev, actors, recipients, _)] = list(events_named(seed, named, "demanded"))
    assert (ev["type"], actors, recipients) == ("REQUEST", ["United States"], ["Diosdado Cabello"])
    [(ev, _, recipients, _)] = list(events_named(seed, named, "arrested"))
    assert (ev["type"], recipients, ev["negated"]) == ("COERCE", ["Diosdado Cabello"], True)


def test_seed_cabello_is_linked_to_the_services_he_oversees(seed, named):
    ids = {e["id"]: e["name"] for e in seed["entities"]}
    claims = {c["id"] for c in seed["claims"]}
    edges = {(r["type"], ids[r["subject"]], ids[r["object"]]) for r in seed["relations"]}
    for relation in (
        ("controls", "Diosdado Cabello", "military and civil counterintelligence agencies"),
        ("controls", "Diosdado Cabello", "domestic espionage operations"),
        ("controls", "Diosdado Cabello", "forces"),
        ("allied_with", "Diosdado Cabello", "pro-government armed civil groups"),
        ("holds_office", "Diosdado Cabello", "Venezuela"),
        ("in_contact_with", "Diosdado Cabello", "United States"),
        ("member_of", "Diosdado Cabello", "regime"),
        ("leads", "Delcy Rodríguez", "Venezuela"),
        ("leads", "María Corina Machado", "opposition"),
        ("allied_with", "Trump Administration", "Delcy Rodríguez"),
    ):
        assert relation in edges
    assert all(r["claim"] in claims for r in seed["relations"])
