"""The cross-document ground truth of examples/README.md, on the analysed examples (tests/golden)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.resolve import resolve_corpus
from claimgraph.resolve.entities import holders

GOLDEN = Path(__file__).resolve().parent / "golden"


def load(*prefixes: str) -> dict[str, dict]:
    docs = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(GOLDEN.glob("*.json"))}
    if prefixes:
        docs = {k: v for k, v in docs.items() if k.startswith(prefixes)}
    return docs


@pytest.fixture(scope="module")
def corpus():
    docs = load()
    return docs, resolve_corpus(list(docs.values()))


def names_of(docs, ids):
    back = {d["document"]["id"]: k for k, d in docs.items()}
    return sorted(back[i] for i in ids)


def story_of(docs, resolution, prefix):
    ids = {d["document"]["id"] for k, d in docs.items() if k.startswith(prefix)}
    return next(s for s in resolution.stories if ids & set(s.documents))


def test_three_stories(corpus):
    docs, r = corpus
    groups = sorted(tuple(names_of(docs, s.documents)) for s in r.stories)
    assert groups == [
        ("blockade-01-esterra-tribune.1", "blockade-01-esterra-tribune.2"),
        tuple(f for f in sorted(docs) if f.startswith("ceasefire")),
        ("port-01-ap", "port-02-esterra-business-review"),
    ]


@pytest.mark.parametrize(("prefix", "reports", "independent"), [("ceasefire", 7, 2), ("blockade", 2, 1), ("port", 2, 1)])
def test_reports_and_independent_sources(corpus, prefix, reports, independent):
    docs, r = corpus
    story = story_of(docs, r, prefix)
    assert (story.reports, story.independent_sources) == (reports, independent)


def test_before_the_denial_the_story_has_one_independent_source():
    docs = load("ceasefire-0")
    docs.pop("ceasefire-07-villaserena-observer")
    r = resolve_corpus(list(docs.values()))
    assert [(s.reports, s.independent_sources) for s in r.stories] == [(6, 1)]


def test_origins(corpus):
    docs, r = corpus
    by_doc = {o.document: o for o in r.origins}
    kinds = {k: (by_doc[d["document"]["id"]].kind, by_doc[d["document"]["id"]].name) for k, d in docs.items()}
    assert kinds["ceasefire-01-reuters"] == ("wire", "Reuters")
    for k in ("ceasefire-02-esterra-tribune", "ceasefire-03-meridian-dispatch", "ceasefire-04-diario-esterrense",
              "ceasefire-05-northern-ledger"):
        assert kinds[k] == ("credited", "Reuters"), k
    assert kinds["ceasefire-06-briefline"] == ("copy", "Reuters")
    assert by_doc[docs["ceasefire-06-briefline"]["document"]["id"]].via == docs["ceasefire-01-reuters"]["document"]["id"]
    assert kinds["ceasefire-07-villaserena-observer"] == ("original", "The Villaserena Observer")
    assert kinds["port-01-ap"] == ("wire", "Associated Press")
    assert kinds["port-02-esterra-business-review"] == ("credited", "Associated Press")
    assert kinds["blockade-01-esterra-tribune.1"][0] == "original"


def test_the_denial_is_a_new_voice(corpus):
    docs, r = corpus
    story = story_of(docs, r, "ceasefire")
    observer = next(o for o in story.origins if o.name == "The Villaserena Observer")
    assert observer.new_voice and observer.kind == "original"
    reuters = next(o for o in story.origins if o.name == "Reuters")
    assert len(reuters.documents) == 6


def test_conflicts_in_the_main_story(corpus):
    docs, r = corpus
    story = story_of(docs, r, "ceasefire")
    q = {d["document"]["id"]: k for k, d in docs.items()}
    date = [c for c in story.conflicts if c.kind == "date"]
    assert len(date) == 1 and date[0].values == ["2025-09", "2025-10"]
    assert q[date[0].claims[0].split("/")[0]] == "ceasefire-03-meridian-dispatch"
    number = [c for c in story.conflicts if c.kind == "number"]
    assert len(number) == 1 and number[0].values == ["20", "12"]
    assert q[number[0].claims[0].split("/")[0]] == "ceasefire-03-meridian-dispatch"
    assert {q[c.split("/")[0]] for c in number[0].claims[1:]} >= {"ceasefire-01-reuters", "ceasefire-02-esterra-tribune"}
    denials = [c for c in story.conflicts if c.kind == "denial"]
    assert len(denials) >= 3
    for c in denials:
        assert q[c.claims[1].split("/")[0]] == "ceasefire-07-villaserena-observer"
    disputed = {q[c.claims[0].split("/")[0]] for c in denials}
    assert "ceasefire-01-reuters" in disputed
    # no conflicts in the other stories
    for prefix in ("blockade", "port"):
        assert story_of(docs, r, prefix).conflicts == []


def test_roles_over_time(corpus):
    _, r = corpus
    castellar = next(g for g in r.entities if g.name == "Rodrigo Castellar")
    assert castellar.type == "person"
    by_year = {(role.title, (role.date or "")[:4]) for role in castellar.roles}
    assert ("interior minister", "2026") in by_year and ("governor", "2024") in by_year
    assert ("interior minister", "2024") not in by_year
    assert {a["age"] for a in castellar.ages} == {56, 58}
    minister_2024 = holders(r.entities, "interior minister", "2024")
    assert [g.name for g in minister_2024] == ["Pablo Echeverri"]
    assert "Rodrigo Castellar" in [g.name for g in holders(r.entities, "interior minister", "2026")]
    fcn = next(g for g in r.entities if g.name == "Frente Campesino del Norte")
    assert "Frente Campesino" in fcn.aliases


def test_members_cover_every_document_entity(corpus):
    docs, r = corpus
    ids = {g.id for g in r.entities}
    for d in docs.values():
        for e in d["entities"]:
            assert r.members[f"{d['document']['id']}/{e['id']}"] in ids
