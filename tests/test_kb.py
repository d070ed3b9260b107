"""The knowledge base end to end: ingest the examples, resume, stories, and the same answers on both stores.

These tests analyse the bundled examples with the real model (once per backend) and check the
ground truth stated in examples/README.md. PostgreSQL runs only when CLAIMGRAPH_TEST_POSTGRES_URL
names a server (``.ci/run`` sets it); each backend gets a fresh store (a new SQLite file, a new
PostgreSQL schema).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from claimgraph.ingest import Document, read_inputs

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
POSTGRES = os.environ.get("CLAIMGRAPH_TEST_POSTGRES_URL")
NO_POSTGRES = "PostgreSQL tests need CLAIMGRAPH_TEST_POSTGRES_URL (a server URL); .ci/run sets it"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not POSTGRES, reason=NO_POSTGRES))]


def example_documents() -> list[Document]:
    return [d for d in read_inputs([str(EXAMPLES)]) if isinstance(d, Document)]


class Target:
    """A fresh store location on one backend: a SQLite file or a PostgreSQL schema."""

    def __init__(self, backend: str, tmp: Path) -> None:
        self.backend = backend
        self.schema = f"t_{uuid.uuid4().hex[:12]}" if backend == "postgresql" else None
        self.db = str(tmp / "kb.db") if backend == "sqlite" else POSTGRES

    def open(self):
        from claimgraph.store import Store

        return Store.open(self.db, schema=self.schema) if self.schema else Store.open(self.db)

    def drop(self) -> None:
        if not self.schema:
            return
        import sqlalchemy as sa

        engine = sa.create_engine(str(POSTGRES).replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def ingested(request, tmp_path_factory, analyzer):
    """Ingest the examples twice into a fresh store; yield (target, first summary, second summary)."""
    from claimgraph.kb import ingest

    target = Target(request.param, tmp_path_factory.mktemp(request.param))
    with target.open() as store:
        first = ingest(example_documents(), store, analyzer)
        second = ingest(example_documents(), store, analyzer)
    yield target
    target.drop()
    assert first.added == 11 and first.failed == 0, first.to_dict()
    assert second.unchanged == 11 and second.added == 0, second.to_dict()


def by_outlet_file(stories: list[dict]) -> dict[frozenset, dict]:
    """Key each story by the set of its documents' URL tails, to compare with the README's groups."""
    out = {}
    for story in stories:
        tails = frozenset(
            (d.get("url") or "no-url").rstrip("/").rsplit("/", 1)[-1] for d in story["documents"]
        )
        out[tails] = story
    return out


def test_ingesting_twice_keeps_one_copy_of_each(ingested):
    with ingested.open() as store:
        assert store.count_documents() == 11
        ids = [d["document"]["id"] for d in store.documents()]
        assert len(ids) == len(set(ids)) == 11


def test_examples_form_three_stories_with_their_independent_sources(ingested):
    with ingested.open() as store:
        stories = store.stories()
    assert sorted(s["reports"] for s in stories) == [2, 2, 7]
    counts = {s["reports"]: s["independent_sources"] for s in stories}
    big = next(s for s in stories if s["reports"] == 7)
    assert big["independent_sources"] == 2
    assert [s["independent_sources"] for s in stories if s["reports"] == 2] == [1, 1], counts
    assert big["first_reported"].startswith("2026-03-14")
    names = {o["name"] for o in big["origins"]}
    assert "Reuters" in names and "The Villaserena Observer" in names
    reuters = next(o for o in big["origins"] if o["name"] == "Reuters")
    assert len(reuters["documents"]) == 6
    years = [{d["published"][:4] for d in s["documents"] if d["published"]} for s in stories]
    assert {"2024"} in years  # the blockade story, on the same people, stays apart


def test_the_wire_story_without_its_denial_has_one_independent_source(tmp_path, analyzer):
    from claimgraph.kb import ingest

    documents = [d for d in example_documents() if "ceasefire" in d.origin and "-07-" not in d.origin]
    assert len(documents) == 6
    target = Target("sqlite", tmp_path)
    with target.open() as store:
        ingest(documents, store, analyzer)
        (story,) = store.stories()
    assert (story["reports"], story["independent_sources"]) == (6, 1)


def test_an_interrupted_ingest_resumes_without_loss_or_duplicates(tmp_path, analyzer):
    from claimgraph.kb import ingest

    class Stop(Exception):
        pass

    seen: list[str] = []

    def stop_after_four(item: str, outcome: str, reason: str | None) -> None:
        seen.append(outcome)
        if len(seen) == 4:
            raise Stop

    target = Target("sqlite", tmp_path)
    with target.open() as store:
        with pytest.raises(Stop):
            ingest(example_documents(), store, analyzer, progress=stop_after_four)
        kept = store.count_documents()
        assert 1 <= kept < 11
        summary = ingest(example_documents(), store, analyzer)
        assert summary.unchanged == kept and summary.added == 11 - kept
        assert store.count_documents() == 11
        assert sorted(s["reports"] for s in store.stories()) == [2, 2, 7]


def cli(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        **kwargs,
    )


def test_a_killed_ingest_command_loses_nothing_when_run_again(tmp_path):
    db = tmp_path / "kb.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "ingest", str(EXAMPLES), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import sqlite3

    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 1:
            break
    killed = proc.poll() is None  # the first batch is stored, the second still being analysed
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert killed, "the ingest ended before it could be killed"
    res = cli("ingest", str(EXAMPLES), "--db", str(db), "--quiet", "--json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["documents"] == 11
    assert summary["unchanged"] >= 1 and summary["added"] + summary["unchanged"] == 11
    stories = json.loads(cli("stories", "--json", "--db", str(db), cwd=tmp_path).stdout)
    assert sorted((s["reports"], s["independent_sources"]) for s in stories) == [(2, 1), (2, 1), (7, 2)]


def test_failures_are_recorded_one_line_each_and_the_rest_is_stored(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Officials held talks on Monday, according to two people familiar with the matter.\n", "utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    res = cli("ingest", str(tmp_path), "--db", str(tmp_path / "kb.db"), "--quiet", cwd=tmp_path)
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("claimgraph: error:")]
    assert len(errors) == 2, res.stderr
    listed = cli("failures", "--json", "--db", str(tmp_path / "kb.db"), cwd=tmp_path)
    failures = json.loads(listed.stdout)
    assert {Path(f["item"]).name for f in failures} == {"empty.txt", "bad.json"}
    assert all(f["reason"] for f in failures)
    stories = json.loads(cli("stories", "--json", "--db", str(tmp_path / "kb.db"), cwd=tmp_path).stdout)
    assert sum(s["reports"] for s in stories) == 1


def test_default_store_is_a_file_in_the_working_directory(tmp_path):
    (tmp_path / "a.txt").write_text("The minister said the talks had ended.\n", "utf-8")
    res = cli("ingest", "a.txt", "--quiet", cwd=tmp_path, env={**os.environ, "CLAIMGRAPH_DB": ""})
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "claimgraph.db").is_file()


QUERIES = [
    ("stories",),
    ("stories", "--limit", "2", "--offset", "1"),
    ("entity", "Castellar"),
    ("entity", "Rodrigo Castellar"),
    ("claims", "--about", "Castellar"),
    ("claims", "--status", "denied"),
    ("claims", "--source-kind", "anonymous"),
    ("timeline", "--about", "Castellar"),
    ("search", "arrest warrants"),
    ("search", "Quiroga"),
    ("failures",),
]


def answers(target: Target, tmp_path: Path) -> dict[str, object]:
    env = {**os.environ, "CLAIMGRAPH_DB": target.db or ""}
    if target.schema:
        env["CLAIMGRAPH_DB_SCHEMA"] = target.schema
    out: dict[str, object] = {}
    for query in QUERIES:
        res = cli(*query, "--json", cwd=tmp_path, env=env)
        assert res.returncode == 0, (query, res.stderr)
        out[" ".join(query)] = json.loads(res.stdout)
    for story in out["stories"]:  # type: ignore[union-attr]
        res = cli("story", story["id"], "--json", cwd=tmp_path, env=env)
        assert res.returncode == 0, res.stderr
        out[f"story {story['id']}"] = json.loads(res.stdout)
    return out


def without_times(value):
    """Drop the moments things were stored at (they differ between two ingests)."""
    if isinstance(value, dict):
        return {k: without_times(v) for k, v in value.items() if k not in ("at", "ingested_at")}
    if isinstance(value, list):
        return [without_times(v) for v in value]
    return value


@pytest.mark.skipif(not POSTGRES, reason=NO_POSTGRES)
def test_sqlite_and_postgresql_give_the_same_answers_to_every_query(tmp_path, tmp_path_factory, analyzer):
    from claimgraph.kb import ingest

    results = {}
    for backend in ("sqlite", "postgresql"):
        target = Target(backend, tmp_path_factory.mktemp(backend))
        try:
            with target.open() as store:
                ingest(example_documents(), store, analyzer)
            results[backend] = answers(target, tmp_path)
        finally:
            target.drop()
    sqlite, postgresql = (without_times(results[b]) for b in ("sqlite", "postgresql"))
    assert sqlite.keys() == postgresql.keys()
    for key in sqlite:
        assert sqlite[key] == postgresql[key], key
    assert results["sqlite"]["search Quiroga"], "the full-text search found nothing"


def test_a_split_by_a_user_survives_ingesting_again(tmp_path, analyzer):
    from claimgraph.kb import ingest

    db = str(tmp_path / "kb.db")
    target = Target("sqlite", tmp_path)
    with target.open() as store:
        ingest(example_documents(), store, analyzer)

    def aliases(name: str) -> list[str]:
        res = cli("entity", name, "--json", "--db", db, cwd=tmp_path)
        assert res.returncode == 0, res.stderr
        return json.loads(res.stdout)["aliases"]

    assert "Castellar" in aliases("Rodrigo Castellar")
    res = cli("split", "Castellar", "Rodrigo Castellar", "--db", db, cwd=tmp_path)
    assert res.returncode == 0 and "kept apart" in res.stdout, res.stderr
    assert "Castellar" not in aliases("Rodrigo Castellar")
    res = cli("ingest", str(EXAMPLES), "--db", db, "--quiet", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "Castellar" not in aliases("Rodrigo Castellar")
    res = cli("merge", "Nobody We Know", "Rodrigo Castellar", "--db", db, cwd=tmp_path)
    assert res.returncode == 0
    assert res.stderr.strip() == "note: no entity is named 'Nobody We Know' yet; the judgement is kept for when one is"


def test_stories_are_regrouped_only_when_the_corpus_changed(tmp_path, analyzer, monkeypatch):
    import claimgraph.resolve as resolve
    from claimgraph.kb import ingest

    calls: list[int] = []
    real = resolve.resolve_corpus

    def counted(documents, judgements=()):
        calls.append(len(documents))
        return real(documents, judgements)

    monkeypatch.setattr(resolve, "resolve_corpus", counted)
    port = [d for d in example_documents() if "port-" in d.origin]
    target = Target("sqlite", tmp_path)
    with target.open() as store:
        loaded = ingest(port, store, analyzer, resolve=False)  # loading in parts
        assert (loaded.added, loaded.resolved, loaded.stories, calls) == (2, False, 0, [])
        again = ingest(port, store, analyzer)  # nothing new, but never resolved: resolves
        assert (again.unchanged, again.resolved, again.stories, calls) == (2, True, 1, [2])
        third = ingest(port, store, analyzer)  # nothing new and resolved: skips the work
        assert (third.unchanged, third.resolved, third.stories, calls) == (2, True, 1, [2])
    res = cli("resolve", "--db", str(tmp_path / "kb.db"), "--json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    counts = json.loads(res.stdout)
    assert (counts["documents"], counts["stories"]) == (2, 1) and counts["entities"] >= 5


def test_ingest_without_resolving_says_so_and_resolve_regroups(tmp_path):
    db = str(tmp_path / "kb.db")
    port = [str(p) for p in sorted(EXAMPLES.glob("port-*"))]
    res = cli("ingest", *port, "--db", db, "--no-resolve", "--quiet", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == (
        "2 added, 0 updated, 0 already stored, 0 failed; 2 documents; "
        "stories not regrouped yet: run `claimgraph resolve`"
    )
    assert json.loads(cli("stories", "--json", "--db", db, cwd=tmp_path).stdout) == []
    res = cli("resolve", "--db", db, cwd=tmp_path)
    assert res.returncode == 0 and res.stdout.startswith("2 documents: "), res.stderr
    stories = json.loads(cli("stories", "--json", "--db", db, cwd=tmp_path).stdout)
    assert [(s["reports"], s["independent_sources"]) for s in stories] == [(2, 1)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_control_characters_in_a_feed_are_stored_on_every_backend(tmp_path, analyzer, backend):
    from claimgraph.kb import ingest

    feed = tmp_path / "feed.jsonl"
    records = [
        {"text": "The minister said the dam\u0000 closed on Monday.\u001b " * 3, "title": "Dam\u0000 shut"},
        {"text": "The mayor said the bridge reopened on Tuesday. " * 3, "url": "https://example.org/bridge"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    target = Target(backend, tmp_path)
    try:
        with target.open() as store:
            summary = ingest(list(read_inputs([str(feed)])), store, analyzer)
            assert (summary.added, summary.failed) == (2, 0), summary.to_dict()
            titles = sorted(d["document"].get("title") or "" for d in store.documents())
            assert titles == ["", "Dam shut"]
    finally:
        target.drop()


def test_a_document_the_store_refuses_is_a_failure_and_the_others_are_stored(tmp_path, analyzer, monkeypatch):
    from sqlalchemy.exc import DataError

    from claimgraph.kb import ingest

    port = [d for d in example_documents() if "port-" in d.origin]
    target = Target("sqlite", tmp_path)
    with target.open() as store:
        real = store.add_document

        def refuse_the_first(contract, **kwargs):
            if "port-01" in kwargs.get("item", ""):
                raise DataError("INSERT ...", {}, Exception("text fields cannot contain NUL (0x00) bytes"))
            return real(contract, **kwargs)

        monkeypatch.setattr(store, "add_document", refuse_the_first)
        summary = ingest(port, store, analyzer)
        assert (summary.added, summary.failed) == (1, 1)
        (item, reason), = summary.failures
        assert "port-01" in item and reason == "could not be stored: text fields cannot contain NUL (0x00) bytes"
        assert [f["item"] for f in store.failures()] == [item]
        assert store.count_documents() == 1


def test_a_missing_model_stops_the_ingest_with_one_line_and_records_no_failure(tmp_path):
    db = str(tmp_path / "kb.db")
    env = {**os.environ, "CLAIMGRAPH_MODEL": "no_such_model_installed"}
    res = cli("ingest", str(EXAMPLES / "port-01-ap.json"), "--db", db, "--quiet", cwd=tmp_path, env=env)
    assert res.returncode == 3
    errors = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "no_such_model_installed" in errors[0], res.stderr
    assert json.loads(cli("failures", "--json", "--db", db, cwd=tmp_path).stdout) == []
