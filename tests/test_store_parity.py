"""SQLite and PostgreSQL give the same answers to every query over the same corpus."""

from __future__ import annotations

import json

from storefixtures import every_query, load_golden, skip_without_postgres, store_factory_fixture  # noqa: F401  (fixtures)

from claimgraph.resolve.model import Judgement


def test_sqlite_and_postgresql_answer_alike(store_factory) -> None:
    skip_without_postgres()
    answers = {}
    for backend in ("sqlite", "postgresql"):
        store = store_factory(backend)
        load_golden(store)
        store.add_failure("broken.html", "could not decode")
        store.add_failure("feed.jsonl:7", "no text")
        store.add_judgement(Judgement("merge", "Castellar", "Rodrigo Castellar"))
        store.add_judgement(Judgement("split", "Esterra", "Frente Campesino", note="not the same"))
        answers[backend] = every_query(store)
    assert answers["sqlite"].keys() == answers["postgresql"].keys()
    for key in answers["sqlite"]:
        sqlite = json.dumps(answers["sqlite"][key], sort_keys=False, ensure_ascii=False)
        postgresql = json.dumps(answers["postgresql"][key], sort_keys=False, ensure_ascii=False)
        assert sqlite == postgresql, key
    assert answers["sqlite"]["stories"] and answers["sqlite"]["search"]["Reuters talks"]


def test_the_resolvers_output_is_stored_and_served_alike(store_factory) -> None:
    """The real ``resolve_corpus`` over the golden documents, saved and queried on each backend."""
    try:
        from claimgraph.resolve import resolve_corpus
    except ImportError:  # pragma: no cover - resolve is written in parallel
        import pytest

        pytest.skip("claimgraph.resolve.resolve_corpus is not available")
    from storefixtures import BACKENDS, golden_documents, postgres_url

    answers = {}
    for backend in BACKENDS if postgres_url() else ["sqlite"]:
        store = store_factory(backend)
        for contract in golden_documents().values():
            store.add_document(contract)
        resolution = resolve_corpus(list(store.documents()), store.judgements())
        store.save_resolution(resolution)
        stories = store.stories()
        assert [s["id"] for s in stories] and sorted(s["id"] for s in stories) == sorted(s.id for s in resolution.stories)
        stored = {d["id"] for s in stories for d in s["documents"]}
        assert stored == {d for s in resolution.stories for d in s.documents}
        answers[backend] = json.dumps(every_query(store), ensure_ascii=False)
    if len(answers) == 2:
        assert answers["sqlite"] == answers["postgresql"]
