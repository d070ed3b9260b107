"""The store's Alembic migrations: one head, shipped in the package, down and up again."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from storefixtures import backend_fixture, golden_documents, store_factory_fixture, store_fixture  # noqa: F401  (fixtures)

from claimgraph.store import Store
from claimgraph.store import schema as s
from claimgraph.store.store import MIGRATIONS


def test_migrations_ship_in_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert (MIGRATIONS / "script.py.mako").is_file()
    assert list((MIGRATIONS / "versions").glob("0001_*.py"))
    assert list((MIGRATIONS / "versions").glob("0002_*.py"))


def test_one_head(store: Store) -> None:
    script = ScriptDirectory.from_config(store.alembic_config())
    heads = script.get_heads()
    assert heads == ["0002"]
    assert store.revision() == heads[0]
    bases = script.get_bases()
    assert len(bases) == 1


def test_downgrade_and_upgrade(store: Store) -> None:
    tables = {table.name for table in s.metadata.sorted_tables}
    assert tables <= set(inspect(store.engine).get_table_names())
    store.downgrade("base")
    assert store.revision() is None
    left = set(inspect(store.engine).get_table_names())
    assert not tables & left
    assert left <= {"alembic_version"}
    store.upgrade("head")
    assert store.revision() == "0002"
    assert store.resolved_fingerprint() is None
    assert tables <= set(inspect(store.engine).get_table_names())
    # full-text search works again after the round trip
    contract = golden_documents()["port-01-ap"]
    assert store.add_document(contract) == "added"
    assert [r["document"] for r in store.search("bribes")] == [contract["document"]["id"]]
    assert store.add_document({**contract, "document": {**contract["document"], "title": "x", "text": "x"}}) == "updated"
    assert store.search("bribes") == []


def test_upgrade_is_idempotent(store_factory, backend: str) -> None:
    first = store_factory(backend)
    first.upgrade("head")
    first.upgrade("head")
    assert first.revision() == "0002"
    with pytest.raises(Exception):  # noqa: B017  (alembic raises its own error type)
        first.downgrade("nonexistent")


def test_a_store_made_by_the_first_migration_is_upgraded_on_open(store: Store) -> None:
    store.downgrade("0001")
    assert store.revision() == "0001"
    assert "state" not in inspect(store.engine).get_table_names()
    store.upgrade("head")
    assert store.revision() == "0002"
    assert store.resolved_fingerprint() is None
