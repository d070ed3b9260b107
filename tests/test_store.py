"""The store: opening and migrating, documents, failures, judgements, saving a resolution.

Every test runs on SQLite and, when CLAIMGRAPH_TEST_POSTGRES_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from sqlalchemy import inspect
from storefixtures import (  # noqa: F401  (fixtures)
    backend_fixture,
    golden_documents,
    golden_resolution,
    load_golden,
    postgres_url,
    store_factory_fixture,
    store_fixture,
)

from claimgraph.resolve.model import GlobalEntity, Judgement, Resolution, Story
from claimgraph.store import Store, database_url
from claimgraph.store import schema as s


def test_open_creates_every_table(store: Store) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert {table.name for table in s.metadata.sorted_tables} <= names
    assert "alembic_version" in names
    assert store.revision() == "0002"
    assert store.count_documents() == 0
    if store.dialect == "sqlite":
        assert "documents_fts" in names
    else:
        columns = {c["name"] for c in inspect(store.engine).get_columns("documents")}
        assert "search_tsv" in columns
        indexes = {i["name"] for i in inspect(store.engine).get_indexes("documents")}
        assert "ix_documents_search_tsv" in indexes


def test_reopening_keeps_the_data(store_factory, backend: str) -> None:
    first = store_factory(backend)
    contract = golden_documents()["ceasefire-03-meridian-dispatch"]
    assert first.add_document(contract) == "added"
    first.close()
    with store_factory(backend) as again:
        assert again.revision() == "0002"
        assert again.document(contract["document"]["id"]) == contract


def test_targets_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.open() as default:
        assert default.dialect == "sqlite"
        assert default.url.endswith("/claimgraph.db")
    assert (tmp_path / "claimgraph.db").exists()
    with Store.open(str(tmp_path / "sub" / "other.db")) as by_path:
        assert by_path.url == f"sqlite:///{tmp_path / 'sub' / 'other.db'}"
    with Store.open(f"sqlite:///{tmp_path / 'third.db'}") as by_url:
        assert by_url.dialect == "sqlite"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(ValueError):
        Store.open("mysql://u@h/db")
    with pytest.raises(ValueError):
        Store.open(str(tmp_path / "x.db"), schema="t_x")


def test_postgres_url_hides_the_password() -> None:
    url = postgres_url()
    if url is None:
        pytest.skip("PostgreSQL tests need CLAIMGRAPH_TEST_POSTGRES_URL")
    from storefixtures import _drop_schema

    with_password = url.replace("://postgres@", "://postgres:secret@")
    if with_password == url:
        pytest.skip("the test URL has no plain user to add a password to")
    try:
        with Store.open(with_password, schema="t_password_test") as pg:
            assert pg.dialect == "postgresql"
            assert "secret" not in pg.url and pg.url.startswith("postgresql+psycopg://postgres:***@")
    finally:
        _drop_schema(url, "t_password_test")


def test_content_hash_normalises_whitespace() -> None:
    assert Store.content_hash("a  b\n c ") == Store.content_hash("a b c")
    assert Store.content_hash("a b c") != Store.content_hash("a b d")


def test_add_document_added_unchanged_updated(store: Store) -> None:
    contract = golden_documents()["ceasefire-01-reuters"]
    document_id = contract["document"]["id"]
    digest = Store.content_hash(contract["document"]["text"])
    assert not store.has_document(document_id, digest)
    assert store.add_document(contract) == "added"
    assert store.has_document(document_id, digest)
    assert store.add_document(contract) == "unchanged"
    assert store.count_documents() == 1

    changed = copy.deepcopy(contract)
    changed["document"]["text"] += " An update."
    changed["claims"] = changed["claims"][:3]
    assert store.add_document(changed) == "updated"
    assert store.count_documents() == 1
    assert store.document(document_id) == changed
    assert not store.has_document(document_id, digest)
    assert store.has_document(document_id, Store.content_hash(changed["document"]["text"]))
    assert [c["id"] for c in store.claims()] == [c["id"] for c in changed["claims"]]
    assert store.add_document(changed) == "unchanged"
    assert store.document("d_missing") is None


def test_add_document_with_a_given_content_hash(store: Store) -> None:
    contract = golden_documents()["port-01-ap"]
    assert store.add_document(contract, content_hash="raw-1") == "added"
    assert store.has_document(contract["document"]["id"], "raw-1")
    assert store.add_document(contract, content_hash="raw-1") == "unchanged"
    assert store.add_document(contract, content_hash="raw-2") == "updated"


def test_documents_by_id(store: Store) -> None:
    documents = golden_documents()
    for contract in documents.values():
        store.add_document(contract)
    stored = list(store.documents())
    assert [c["document"]["id"] for c in stored] == sorted(c["document"]["id"] for c in documents.values())
    assert stored == sorted(documents.values(), key=lambda c: c["document"]["id"])


def test_failures_recorded_updated_and_cleared(store: Store) -> None:
    store.add_failure("b.html", "could not decode")
    store.add_failure("a.jsonl:3", "no text")
    store.add_failure("b.html", "empty after boilerplate removal")
    failures = store.failures()
    assert [(f["item"], f["reason"]) for f in failures] == [
        ("a.jsonl:3", "no text"),
        ("b.html", "empty after boilerplate removal"),
    ]
    assert all(isinstance(f["at"], str) and f["at"][:2] == "20" for f in failures)
    contract = golden_documents()["port-02-esterra-business-review"]
    assert store.add_document(contract, item="b.html") == "added"
    assert [f["item"] for f in store.failures()] == ["a.jsonl:3"]
    assert store.add_document(contract, item="a.jsonl:3") == "unchanged"
    assert store.failures() == []


def test_judgements_in_insertion_order(store_factory, backend: str) -> None:
    store = store_factory(backend)
    judgements = [
        Judgement("merge", "Nicolás Maduro", "Maduro Moros"),
        Judgement("split", "g_1", "g_2", note="different people"),
        Judgement("merge", "Castellar", "Rodrigo Castellar"),
    ]
    for judgement in judgements:
        store.add_judgement(judgement)
    assert store.judgements() == judgements
    store.close()
    assert store_factory(backend).judgements() == judgements


def test_save_resolution_replaces_the_derived_tables(store: Store) -> None:
    documents, resolution = load_golden(store)
    assert [s["reports"] for s in store.stories()] == [2, 2, 7]
    assert store.find_entities("Mateo Quiroga")
    first = documents["port-01-ap"]["document"]["id"]
    smaller = Resolution(
        entities=[
            GlobalEntity(
                id="g_only",
                name="Only One",
                type="person",
                aliases=["Only One", "One"],
                members=[],
                documents=[first],
            )
        ],
        stories=[Story(id="st_only", title="Only", documents=[first], first_reported="2026-03-10", reports=1, independent_sources=1)],
        origins=[],
    )
    store.save_resolution(smaller)
    assert [s["id"] for s in store.stories()] == ["st_only"]
    assert store.find_entities("Mateo Quiroga") == []
    assert [e["id"] for e in store.find_entities("one")] == ["g_only"]
    assert store.claims(about="Only One") == []
    with store.engine.connect() as conn:
        from sqlalchemy import func, select

        for table in (s.entity_members, s.claim_entities, s.conflicts, s.clusters, s.origins, s.story_origins):
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
    store.save_resolution(resolution)
    assert [s["reports"] for s in store.stories()] == [2, 2, 7]
    assert store.count_documents() == len(documents)  # documents are not derived


def test_the_fingerprint_follows_documents_and_judgements(store: Store) -> None:
    empty = store.corpus_fingerprint()
    assert store.resolved_fingerprint() is None
    contract = golden_documents()["port-01-ap"]
    store.add_document(contract)
    one = store.corpus_fingerprint()
    assert one != empty and store.corpus_fingerprint() == one
    store.add_document(contract)  # unchanged
    assert store.corpus_fingerprint() == one
    store.add_judgement(Judgement("merge", "Ferrán", "Gustavo Ferrán Olea"))
    judged = store.corpus_fingerprint()
    assert judged != one
    store.save_resolution(Resolution(entities=[], stories=[], origins=[]), judged)
    assert store.resolved_fingerprint() == judged
    store.add_document({**contract, "document": {**contract["document"], "text": "changed", "title": "x"}})
    assert store.corpus_fingerprint() not in (judged, one)
    store.save_resolution(Resolution(entities=[], stories=[], origins=[]))
    assert store.resolved_fingerprint() is None


def test_save_resolution_is_fast(store: Store) -> None:
    """A resolution of 10,000 documents is saved in bulk, in well under a minute."""
    import time

    resolution = synthetic_resolution(10_000)
    started = time.perf_counter()
    store.save_resolution(resolution)
    elapsed = time.perf_counter() - started
    assert len(store.stories()) == 2_000
    assert elapsed < 60, elapsed


def synthetic_resolution(n_documents: int) -> Resolution:
    from claimgraph.resolve.model import IndependentSource, Origin

    documents = [f"d_{i:016x}" for i in range(n_documents)]
    entities = []
    members: dict[str, str] = {}
    for i in range(n_documents * 2):
        gid = f"g_{i:012x}"
        docs = [documents[(i + k * 7) % n_documents] for k in range(3)]
        qids = [f"{d}/e_{i:012x}" for d in docs]
        members.update(dict.fromkeys(qids, gid))
        entities.append(GlobalEntity(gid, f"Person {i}", "person", [f"Person {i}", f"P{i}"], qids, sorted(set(docs))))
    stories = []
    for i in range(0, n_documents, 5):
        ids = documents[i : i + 5]
        stories.append(
            Story(
                id=f"st_{i:012x}",
                title=f"Story {i}",
                documents=ids,
                first_reported=f"2026-01-{1 + i % 28:02d}",
                reports=len(ids),
                independent_sources=1,
                origins=[IndependentSource("Wire", "wire", ids, ["officials"])],
            )
        )
    origins = [Origin(d, "original", "Outlet") for d in documents]
    return Resolution(entities=entities, stories=stories, origins=origins, members=members)


def test_add_document_is_one_transaction(store: Store) -> None:
    """A document whose items cannot be stored leaves nothing behind."""
    contract = copy.deepcopy(golden_documents()["ceasefire-03-meridian-dispatch"])
    contract["claims"].append(copy.deepcopy(contract["claims"][0]))  # a duplicate id: the insert fails
    with pytest.raises(Exception):  # noqa: B017  (the driver's IntegrityError)
        store.add_document(contract)
    assert store.count_documents() == 0
    assert store.claims() == []
    assert store.search("Castellar") == []
