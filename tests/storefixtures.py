"""Shared pieces of the store tests: a store on each backend, the golden documents, a hand-built Resolution.

Every store test runs on SQLite (a file under tmp_path) and on PostgreSQL when
CLAIMGRAPH_TEST_POSTGRES_URL is set (``.ci/run`` sets it), each PostgreSQL test in a fresh schema
dropped afterwards.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.ids import digest
from claimgraph.resolve.model import (
    ClaimCluster,
    Conflict,
    GlobalEntity,
    IndependentSource,
    Origin,
    Resolution,
    RoleSpell,
    Story,
    qualified,
)
from claimgraph.store import Store, fold

GOLDEN = Path(__file__).resolve().parent / "golden"
POSTGRES_ENV = "CLAIMGRAPH_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]

OpenStore = Callable[[], Store]


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


def skip_without_postgres() -> None:
    if postgres_url() is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (e.g. postgresql://postgres@127.0.0.1:5432/test)")


def _drop_schema(url: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    from claimgraph.store.store import database_url

    engine = create_engine(database_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        engine.dispose()


@pytest.fixture(name="store_factory")
def store_factory_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    """Return ``open(backend)``: a new store on that backend, closed (and its schema dropped) afterwards.

    Opening the same backend twice in one test gives the same database (to test reopening).
    """
    opened: list[Store] = []
    schemas: dict[str, str] = {}

    def open_store(backend: str) -> Store:
        if backend == "sqlite":
            store = Store.open(str(tmp_path / "claimgraph.db"))
        else:
            skip_without_postgres()
            schema = schemas.setdefault(backend, f"t_{uuid.uuid4().hex[:16]}")
            store = Store.open(postgres_url(), schema=schema)
        opened.append(store)
        return store

    yield open_store
    for store in opened:
        store.close()
    url = postgres_url()
    for schema in schemas.values():
        assert url is not None
        _drop_schema(url, schema)


@pytest.fixture(name="backend", params=BACKENDS)
def backend_fixture(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        skip_without_postgres()
    return str(request.param)


@pytest.fixture(name="store")
def store_fixture(store_factory: Callable[[str], Store], backend: str) -> Store:
    return store_factory(backend)


# --- the golden documents and a resolution of them ---------------------------------------------


def golden_documents() -> dict[str, dict[str, Any]]:
    """Return the golden contracts by file stem ("ceasefire-01-reuters")."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLDEN.glob("*.json"))}


MERGED_NAMES = {"frente campesino": "frente campesino del norte", "castellar": "rodrigo castellar"}


def _published_key(contract: dict[str, Any]) -> tuple[bool, str, str]:
    published = contract["document"].get("published")
    return (published is None, published or "", contract["document"]["id"])


def _mention(contract: dict[str, Any], name: str) -> dict[str, Any] | None:
    for entity in contract["entities"]:
        if entity["name"] == name and entity["mentions"]:
            m = entity["mentions"][0]
            return {"text": m["text"], "start": m["start"], "end": m["end"]}
    return None


def _claim(contract: dict[str, Any], status: str | None = None, contains: str | None = None) -> str:
    for claim in contract["claims"]:
        if (status is None or claim["status"] == status) and (
            contains is None or contains in claim["content"]["text"]
        ):
            return qualified(contract["document"]["id"], claim["id"])
    raise LookupError((contract["document"]["id"], status, contains))


def golden_resolution(documents: dict[str, dict[str, Any]] | None = None) -> Resolution:
    """Return a hand-made Resolution of the golden documents: entities by folded name (a few merged),
    three stories (blockade, ceasefire, port), origins, a denial conflict and a claim cluster."""
    documents = documents or golden_documents()
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for contract in documents.values():
        for entity in contract["entities"]:
            key = fold(entity["name"])
            groups[MERGED_NAMES.get(key, key)].append((contract["document"]["id"], entity))
    published = {c["document"]["id"]: c["document"].get("published") for c in documents.values()}
    gid_of: dict[str, str] = {}
    info: dict[str, tuple[str, str, list[str]]] = {}
    for key, members in sorted(groups.items()):
        types = Counter(entity["type"] for _, entity in members)
        type_ = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        names = sorted({entity["name"] for _, entity in members}, key=lambda n: (-len(n), n))
        gid = "g_" + digest(type_, key, length=12)
        info[gid] = (type_, names[0], names)
        for document_id, entity in members:
            gid_of[qualified(document_id, entity["id"])] = gid
    entities = []
    for gid, (type_, name, names) in sorted(info.items()):
        members = sorted(q for q, g in gid_of.items() if g == gid)
        docs = sorted({q.split("/")[0] for q in members})
        roles: list[RoleSpell] = []
        ages: list[dict[str, Any]] = []
        for contract in documents.values():
            did = contract["document"]["id"]
            date = (published[did] or "")[:10] or None
            by_id = {e["id"]: e for e in contract["entities"]}
            for entity in contract["entities"]:
                if gid_of[qualified(did, entity["id"])] != gid:
                    continue
                for role in entity["roles"]:
                    of = role.get("of")
                    roles.append(
                        RoleSpell(
                            title=role["title"],
                            of=gid_of.get(qualified(did, of)) if of else None,
                            of_name=by_id[of]["name"] if of in by_id else None,
                            modifiers=list(role.get("modifiers", [])),
                            document=did,
                            date=date,
                            text=role["text"],
                        )
                    )
                if entity.get("age") is not None:
                    ages.append({"age": entity["age"], "document": did, "date": date})
        roles.sort(key=lambda r: (r.date or "", r.document, r.text))
        entities.append(
            GlobalEntity(
                id=gid, name=name, type=type_, aliases=names, members=members, documents=docs, roles=roles, ages=ages
            )
        )

    def doc(stem: str) -> dict[str, Any]:
        return documents[stem]

    def did(stem: str) -> str:
        return str(doc(stem)["document"]["id"])

    origins: list[Origin] = []
    reuters = did("ceasefire-01-reuters")
    origins.append(Origin(reuters, "wire", "Reuters", None, [{"text": "(Reuters) -", "start": 0, "end": 0}]))
    for stem in (
        "ceasefire-02-esterra-tribune",
        "ceasefire-03-meridian-dispatch",
        "ceasefire-04-diario-esterrense",
        "ceasefire-05-northern-ledger",
    ):
        mention = _mention(doc(stem), "Reuters")
        origins.append(Origin(did(stem), "credited", "Reuters", reuters, [mention] if mention else []))
    origins.append(
        Origin(did("ceasefire-06-briefline"), "copy", "Reuters", reuters, [{"similarity": 0.91, "document": reuters}])
    )
    origins.append(Origin(did("ceasefire-07-villaserena-observer"), "original", "The Villaserena Observer"))
    for stem in ("blockade-01-esterra-tribune.1", "blockade-01-esterra-tribune.2"):
        origins.append(Origin(did(stem), "original", "The Esterra Tribune"))
    ap = did("port-01-ap")
    origins.append(Origin(ap, "wire", "AP"))
    mention = _mention(doc("port-02-esterra-business-review"), "Associated Press")
    origins.append(Origin(did("port-02-esterra-business-review"), "credited", "AP", ap, [mention] if mention else []))

    def story(prefix: str) -> list[str]:
        stems = [stem for stem in documents if stem.startswith(prefix)]
        return [c["document"]["id"] for c in sorted((documents[s] for s in stems), key=_published_key)]

    def first_reported(ids: list[str]) -> str | None:
        dates = sorted(p[:10] for p in (published[i] for i in ids) if p)
        return dates[0] if dates else None

    ceasefire = story("ceasefire")
    ceasefire_id = "st_" + digest(ceasefire[0], length=12)
    denial = _claim(doc("ceasefire-07-villaserena-observer"), status="denied")
    disputed = _claim(doc("ceasefire-01-reuters"), contains="talks")
    talks = [
        _claim(doc("ceasefire-01-reuters"), contains="talks"),
        _claim(doc("ceasefire-02-esterra-tribune"), contains="Castellar"),
        _claim(doc("ceasefire-03-meridian-dispatch"), contains="back channel"),
    ]
    stories = [
        Story(
            id=ceasefire_id,
            title=str(doc("ceasefire-01-reuters")["document"]["title"]),
            documents=ceasefire,
            first_reported=first_reported(ceasefire),
            reports=len(ceasefire),
            independent_sources=2,
            origins=[
                IndependentSource(
                    "Reuters",
                    "wire",
                    [d for d in ceasefire if d != did("ceasefire-07-villaserena-observer")],
                    voices=["three people familiar with the talks"],
                ),
                IndependentSource(
                    "The Villaserena Observer",
                    "original",
                    [did("ceasefire-07-villaserena-observer")],
                    voices=["government spokeswoman"],
                    new_voice=True,
                ),
            ],
            conflicts=[
                Conflict("denial", [disputed, denial], "the government denies the talks"),
                Conflict("date", [talks[2], talks[0]], "'September' (2025-09) against 'October'", ["2025-09", "2025-10"]),
            ],
            clusters=[
                ClaimCluster(
                    id="k_" + digest(talks[0], length=12),
                    story=ceasefire_id,
                    claims=talks,
                    text="held secret talks",
                    reports=3,
                    independent_sources=1,
                    statuses={"reported": 2, "hedged": 1},
                )
            ],
            evidence=[{"a": ceasefire[0], "b": ceasefire[1], "reason": "shared entities", "score": 0.8}],
        )
    ]
    for prefix in ("blockade", "port"):
        ids = story(prefix)
        first = next(c for c in documents.values() if c["document"]["id"] == ids[0])
        stories.append(
            Story(
                id="st_" + digest(ids[0], length=12),
                title=str(first["document"]["title"]),
                documents=ids,
                first_reported=first_reported(ids),
                reports=len(ids),
                independent_sources=1,
                origins=[IndependentSource(next(o.name for o in origins if o.document == ids[0]), "original", ids)],
            )
        )
    return Resolution(entities=entities, stories=stories, origins=origins, members=dict(gid_of))


def load_golden(store: Store) -> tuple[dict[str, dict[str, Any]], Resolution]:
    """Store every golden document and the hand-built resolution; return both."""
    documents = golden_documents()
    for contract in documents.values():
        assert store.add_document(contract) == "added"
    resolution = golden_resolution(documents)
    store.save_resolution(resolution)
    return documents, resolution


def every_query(store: Store) -> dict[str, Any]:
    """Return the answers of every query over the golden corpus, for comparing backends."""
    stories = store.stories()
    return {
        "count": store.count_documents(),
        "documents": list(store.documents()),
        "stories": stories,
        "story": [store.story(s["id"]) for s in stories],
        "find_entities": {n: store.find_entities(n) for n in ("castellar", "INES", "Reuters", "frente", "zzz")},
        "entity": {n: store.entity(n) for n in ("Rodrigo Castellar", "quiroga", "Inés Marburg", "Esterra")},
        "claims": store.claims(),
        "claims_about": store.claims(about="Castellar"),
        "claims_denied": store.claims(status="denied"),
        "claims_anonymous": store.claims(source_kind="anonymous", limit=5),
        "timeline": {n: store.timeline(n) for n in ("Castellar", "Mateo Quiroga", "Beatriz Olmedo")},
        "search": {
            q: store.search(q)
            for q in ("Reuters talks", "negoció", "ceasefire", "port chief", "BRIBES", "2019", "47", "2.4 million", "según")
        },
        "judgements": [j.__dict__ for j in store.judgements()],
        "failures": [{k: v for k, v in f.items() if k != "at"} for f in store.failures()],
    }
