"""The store's queries over the golden documents and a hand-built resolution, on every backend."""

from __future__ import annotations

from typing import Any

import pytest
from storefixtures import backend_fixture, load_golden, store_factory_fixture, store_fixture  # noqa: F401  (fixtures)

from claimgraph.store import Store, fold


@pytest.fixture
def golden(store: Store) -> tuple[Store, dict[str, dict[str, Any]], Any]:
    documents, resolution = load_golden(store)
    return store, documents, resolution


def _ids(documents: dict[str, dict[str, Any]], prefix: str) -> set[str]:
    return {c["document"]["id"] for stem, c in documents.items() if stem.startswith(prefix)}


def _published_key(published: str | None) -> str:
    from claimgraph.store.store import _published_key as key

    return key(published)


def test_stories(golden) -> None:
    store, documents, resolution = golden
    stories = store.stories()
    assert [s["title"] for s in stories] == [
        documents["blockade-01-esterra-tribune.1"]["document"]["title"],
        documents["port-01-ap"]["document"]["title"],
        documents["ceasefire-01-reuters"]["document"]["title"],
    ]
    assert [s["first_reported"] for s in stories] == ["2024-03-09", "2026-03-10", "2026-03-14"]
    ceasefire = stories[2]
    assert {d["id"] for d in ceasefire["documents"]} == _ids(documents, "ceasefire")
    assert ceasefire["reports"] == 7 and ceasefire["independent_sources"] == 2
    assert [o["name"] for o in ceasefire["origins"]] == ["Reuters", "The Villaserena Observer"]
    reuters = documents["ceasefire-01-reuters"]["document"]
    assert ceasefire["documents"][0] == {
        **{key: reuters[key] for key in ("id", "url", "outlet", "published", "title", "language")},
        "partial": False,
    }
    spanish = documents["ceasefire-04-diario-esterrense"]["document"]["id"]
    assert [d["partial"] for d in ceasefire["documents"] if d["id"] == spanish] == [True]
    assert set(ceasefire["documents"][0]) >= {"id", "url", "outlet", "published"}


def test_stories_page_by_page(golden) -> None:
    store, _documents, _resolution = golden
    everything = store.stories()
    pages = [store.stories(limit=2, offset=0), store.stories(limit=2, offset=2), store.stories(limit=2, offset=4)]
    assert [len(p) for p in pages] == [2, 1, 0]
    assert pages[0] + pages[1] == everything
    assert store.stories(offset=1) == everything[1:]


def test_story(golden) -> None:
    store, documents, resolution = golden
    assert store.story("st_missing") is None
    ceasefire_id = store.stories()[2]["id"]
    story = store.story(ceasefire_id)
    assert story is not None
    by_id = {d["id"]: d for d in story["documents"]}
    reuters = documents["ceasefire-01-reuters"]["document"]["id"]
    assert by_id[reuters]["origin"]["kind"] == "wire"
    briefline = by_id[documents["ceasefire-06-briefline"]["document"]["id"]]
    assert briefline["origin"] == {
        "kind": "copy",
        "name": "Reuters",
        "via": reuters,
        "evidence": [{"similarity": 0.91, "document": reuters}],
    }
    tribune = by_id[documents["ceasefire-02-esterra-tribune"]["document"]["id"]]["origin"]
    assert tribune["kind"] == "credited" and tribune["evidence"][0]["text"] == "Reuters"

    # provenance: story -> independent source -> documents -> chains -> claims
    tree = story["provenance"]
    assert tree["story"] == ceasefire_id
    assert [n["name"] for n in tree["sources"]] == ["Reuters", "The Villaserena Observer"]
    placed = [d["id"] for n in tree["sources"] for d in n["documents"]]
    assert sorted(placed) == sorted(_ids(documents, "ceasefire"))
    reuters_node = next(d for d in tree["sources"][0]["documents"] if d["id"] == reuters)
    paths = [c["path"] for c in reuters_node["chains"]]
    assert "Reuters -> three people familiar with the talks" in paths
    for chain in reuters_node["chains"]:
        assert chain["chain"][0] == {"text": "Reuters", "kind": "publisher", "count": None}
        assert chain["path"] == " -> ".join(link["text"] for link in chain["chain"])
        assert sum(chain["statuses"].values()) == len(chain["claims"])
    claims_in_tree = sum(len(c["claims"]) for n in tree["sources"] for d in n["documents"] for c in d["chains"])
    assert claims_in_tree == sum(len(documents[s]["claims"]) for s in documents if s.startswith("ceasefire"))

    # conflicts carry their claims, the disputed one first
    denial = story["conflicts"][0]
    assert denial["kind"] == "denial"
    assert denial["claims"][0]["document"] == reuters
    assert denial["claims"][1]["status"] == "denied"
    assert story["conflicts"][1]["values"] == ["2025-09", "2025-10"]
    assert story["clusters"][0]["claims"] == resolution.stories[0].clusters[0].claims
    assert story["clusters"][0]["statuses"] == {"hedged": 1, "reported": 2}

    # the timeline: dated items in date order, undated last
    timeline = story["timeline"]
    assert {t["kind"] for t in timeline} == {"event", "claim"}
    dated = [t for t in timeline if t["date"] is not None]
    assert dated and all(t["date"] is None for t in timeline[len(dated) :])
    keys = [t["date"].replace("-W11", "-03-09") for t in dated]
    assert keys == sorted(keys)
    assert any(t["kind"] == "claim" and t["date"] == "2025-09" for t in timeline)


def test_find_entities(golden) -> None:
    store, _, _ = golden
    exact = store.find_entities("ines marburg")
    assert [(e["name"], e["match"]) for e in exact] == [("Inés Marburg", "exact")]
    assert store.find_entities("INÉS MARBURG") == exact
    assert [e["name"] for e in store.find_entities("INES")] == ["Inés Marburg"]
    frente = store.find_entities("frente")
    assert frente[0]["name"] == "Frente Campesino del Norte" and frente[0]["match"] == "prefix"
    castellar = store.find_entities("castellar")
    assert castellar[0]["name"] == "Rodrigo Castellar" and castellar[0]["match"] == "exact"  # an alias
    assert store.find_entities(castellar[0]["id"])[0]["match"] == "id"
    assert store.find_entities("zzz") == [] and store.find_entities("  ") == []
    assert store.find_entities("%") == []  # LIKE wildcards are escaped
    villa = store.find_entities("villaserena")
    assert [e["match"] for e in villa] == sorted((e["match"] for e in villa), key=["exact", "prefix", "word", "contains"].index)


def test_entity(golden) -> None:
    store, documents, _ = golden
    assert store.entity("nobody at all") is None
    entity = store.entity("Rodrigo Castellar")
    assert entity is not None
    assert store.entity(entity["id"]) == entity
    assert store.entity("castellar") == entity
    assert entity["type"] == "person" and entity["aliases"][0] == "Rodrigo Castellar"
    assert "Castellar" in entity["aliases"]
    dates = [r["date"] or "~" for r in entity["roles"]]
    assert dates == sorted(dates) and {r["title"] for r in entity["roles"]} >= {"interior minister"}
    assert [a["age"] for a in entity["ages"]][:2] == [56, 58]
    assert len(entity["documents"]) == 9
    assert entity["claims_by"] and all(c["source"]["entity"]["id"] == entity["id"] for c in entity["claims_by"])
    assert entity["claims_about"]
    for claim in entity["claims_about"]:  # the content overlaps a mention of him
        contract = next(c for c in documents.values() if c["document"]["id"] == claim["document"])
        content = next(c["content"] for c in contract["claims"] if c["id"] == claim["id"])
        mentions = [
            m
            for e in contract["entities"]
            if fold(e["name"]) in ("rodrigo castellar", "castellar")
            for m in e["mentions"]
        ]
        assert any(m["start"] < content["end"] and m["end"] > content["start"] for m in mentions)
    co = entity["co_actors"]
    assert co[0]["name"] == "Mateo Quiroga" and co[0]["events"] >= 1
    assert entity["id"] not in {c["id"] for c in co}


def test_claims(golden) -> None:
    store, documents, _ = golden
    every = store.claims()
    assert len(every) == sum(len(c["claims"]) for c in documents.values())
    keys = [(_published_key(c["published"]), c["document"]) for c in every]
    assert keys == sorted(keys)
    for claim in every:
        assert set(claim) == {"document", "id", "content", "status", "source", "chain", "cue", "published", "outlet"}
        assert set(claim["source"]) >= {"text", "kind", "count", "entity"}
        assert claim["chain"][-1] == claim["source"]["text"]
        if claim["outlet"]:
            assert claim["chain"][0] == claim["outlet"]
    denied = store.claims(status="denied")
    assert denied and all(c["status"] == "denied" for c in denied)
    anonymous = store.claims(source_kind="anonymous")
    assert anonymous and all(c["source"]["kind"] == "anonymous" for c in anonymous)
    assert store.claims(source_kind="anonymous", limit=2) == anonymous[:2]
    assert store.claims(limit=0) == []
    about = store.claims(about="Mateo Quiroga")
    assert about and about == [c for c in every if (c["document"], c["id"]) in {(a["document"], a["id"]) for a in about}]
    both = store.claims(about="Mateo Quiroga", status="reported")
    assert both == [c for c in about if c["status"] == "reported"]
    assert store.claims(about="nobody at all") == []


def test_timeline(golden) -> None:
    store, _, _ = golden
    assert store.timeline("nobody at all") == []
    timeline = store.timeline("Mateo Quiroga")
    assert timeline
    dated = [t["date"] for t in timeline if t["date"] is not None]
    assert [d.replace("-W11", "-03-09") for d in dated] == sorted(d.replace("-W11", "-03-09") for d in dated)
    events = [t for t in timeline if t["kind"] == "event"]
    gid = store.find_entities("Mateo Quiroga")[0]["id"]
    for e in events:
        assert set(e) >= {"type", "trigger", "when", "actors", "recipients", "document", "status"}
        assert gid in {a["id"] for a in e["actors"] + e["recipients"] + e["where"]}
    claims = [t for t in timeline if t["kind"] == "claim"]
    assert claims and all(t["when"]["value"] == t["date"] for t in claims)
    assert any(t["content"] == "Quiroga, 47, has led the rebel group since 2019" for t in claims)


def test_search(golden) -> None:
    store, documents, _ = golden
    spanish = documents["ceasefire-04-diario-esterrense"]["document"]["id"]
    assert [r["document"] for r in store.search("negoció")] == [spanish]
    assert store.search("NEGOCIO") == store.search("negoció")
    results = store.search("Reuters talks")
    assert results and set(results[0]) == {"document", "title", "outlet", "published", "score", "snippet"}
    order = [(-r["score"], r["document"]) for r in results]
    assert order == sorted(order)
    for r in results:
        contract = next(c for c in documents.values() if c["document"]["id"] == r["document"])
        body = fold((contract["document"]["title"] or "") + " " + contract["document"]["text"])
        assert "reuters" in body and "talks" in body
    assert len(store.search("Reuters", limit=2)) == 2
    assert store.search("") == [] and store.search("!!!") == []
    assert store.search("zzzunknownword") == []
    bribes = store.search("bribes")
    assert bribes[0]["document"] == documents["port-01-ap"]["document"]["id"]
    assert "bribes" in bribes[0]["snippet"].lower()
