"""The store: claimgraph/1 documents and their resolution in SQLite or PostgreSQL.

One code path, SQLAlchemy 2 Core; the schema is made and upgraded by the Alembic migrations in
``migrations/``, run on :meth:`Store.open`. Only full-text search differs by backend (FTS5 on
SQLite, a ``tsvector`` with a GIN index on PostgreSQL), and both index the same folded tokens
(:func:`claimgraph.store.text.search_text`), so plain word queries find the same documents.

Every query answers with JSON-able dicts and lists in an order fixed in Python (never by the
database's collation), so SQLite and PostgreSQL give identical answers.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    String,
    Text,
    and_,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.engine import make_url

from claimgraph.ids import canonical_url
from claimgraph.resolve.model import Judgement, Resolution
from claimgraph.resolve.text import published_utc
from claimgraph.store import schema as s
from claimgraph.store.text import content_hash as _content_hash
from claimgraph.store.text import fold, search_text, snippet, tokens

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_FILE = "claimgraph.db"
UNKNOWN_DATE = "9999-12-31T23:59:59"  # the sort key of an unknown publication date: after any other
CHUNK = 500
DATE_VALUE = re.compile(r"^\d{4}(-|$)")
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")

Row = dict[str, Any]


def database_url(target: str | None) -> str:
    """Return the SQLAlchemy URL for ``target``: None (``claimgraph.db`` in the cwd), a path or a URL.

    ``postgresql://`` and ``postgres://`` URLs get the psycopg (version 3) driver.
    """
    if target is None:
        target = DEFAULT_FILE
    if "://" not in target:
        return "sqlite:///" + str(Path(target).expanduser().resolve())
    for prefix in ("postgresql://", "postgres://"):
        if target.startswith(prefix):
            return "postgresql+psycopg://" + target[len(prefix) :]
    return target


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _published_key(published: str | None) -> str:
    """Return a sortable key of a publication date: UTC ISO; UNKNOWN_DATE (after any other) when
    missing or unreadable."""
    moment = published_utc(published)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") if moment else UNKNOWN_DATE


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _split(qid: str) -> tuple[str, str]:
    document, _, item = qid.partition("/")
    return document, item


def _is_date(value: str | None) -> bool:
    return bool(value and DATE_VALUE.match(value))


_SEASONS = {"WI": "01", "SP": "03", "SU": "06", "FA": "09"}


def _date_key(value: str) -> str:
    """Return a sortable form of a TIMEX3 date value: weeks, quarters and seasons become their
    first month or day ("2026-W11" -> "2026-03-09"), so they sort among the other dates."""
    week = re.match(r"^(\d{4})-W(\d{2})", value)
    if week:
        try:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        except ValueError:
            return value
    quarter = re.match(r"^(\d{4})-Q([1-4])", value)
    if quarter:
        return f"{quarter[1]}-{3 * int(quarter[2]) - 2:02d}"
    season = re.match(r"^(\d{4})-(WI|SP|SU|FA)", value)
    if season:
        return f"{season[1]}-{_SEASONS[season[2]]}"
    return value


class Store:
    """Documents, failures, judgements and the latest resolution of a corpus, in one database."""

    def __init__(self, engine: Engine, url: str, schema: str | None = None) -> None:
        self.engine = engine
        self.url = url
        self.dialect: str = engine.dialect.name
        self.schema = schema

    # --- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | None = None, *, schema: str | None = None) -> Store:
        """Open (creating or upgrading) the store at ``target``.

        ``target``: None for ``claimgraph.db`` in the current directory, a file path (SQLite), or a
        ``sqlite:///``, ``postgresql://`` or ``postgresql+psycopg://`` URL. ``schema`` (PostgreSQL
        only) puts every table in that schema, created when missing: tests use one per test.
        """
        url = make_url(database_url(target))
        dialect = url.get_backend_name()
        if dialect not in ("sqlite", "postgresql"):
            raise ValueError(f"unsupported database {dialect!r}: use SQLite or PostgreSQL")
        if dialect == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        connect_args: dict[str, Any] = {}
        if schema is not None:
            if dialect != "postgresql":
                raise ValueError("a schema can only be given for PostgreSQL")
            if not _SCHEMA_NAME.match(schema):
                raise ValueError(f"invalid schema name {schema!r}")
            connect_args["options"] = f"-csearch_path={schema}"
        if dialect == "sqlite" and url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=dialect == "postgresql")
        if dialect == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, url.render_as_string(hide_password=True), schema)
        try:
            if schema is not None:
                with engine.begin() as conn:
                    conn.execute(sql_text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            store.upgrade()
        except BaseException:
            engine.dispose()
            raise
        return store

    def alembic_config(self, connection: Connection | None = None) -> Any:
        """Return the Alembic Config of the store's migrations (bound to ``connection`` if given)."""
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.set_main_option("path_separator", "os")
        config.set_main_option(
            "sqlalchemy.url", self.engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
        if connection is not None:
            config.attributes["connection"] = connection
        return config

    def upgrade(self, revision: str = "head") -> None:
        """Run the migrations up to ``revision``."""
        from alembic import command

        with self.engine.begin() as conn:
            command.upgrade(self.alembic_config(conn), revision)

    def downgrade(self, revision: str) -> None:
        """Run the migrations down to ``revision`` ("base" drops everything)."""
        from alembic import command

        with self.engine.begin() as conn:
            command.downgrade(self.alembic_config(conn), revision)

    def revision(self) -> str | None:
        """Return the schema's current migration revision."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # --- documents -------------------------------------------------------------------------------

    @staticmethod
    def content_hash(text: str) -> str:
        """Return the hash of ``text`` with its whitespace normalised."""
        return _content_hash(text)

    def has_document(self, document_id: str, content_hash: str) -> bool:
        """Return whether the document is stored with that content hash."""
        with self.engine.connect() as conn:
            stored = conn.execute(
                select(s.documents.c.content_hash).where(s.documents.c.id == document_id)
            ).scalar_one_or_none()
        return stored == content_hash

    def add_document(
        self, contract: dict[str, Any], *, item: str | None = None, content_hash: str | None = None
    ) -> str:
        """Store one claimgraph/1 document in one transaction; return "added", "unchanged" or "updated".

        The content hash is ``content_hash`` when given (e.g. of the raw input), else the hash of
        ``document.text``. The same id with the same hash is "unchanged" and nothing is written; a
        new hash replaces the document and its items ("updated"). A failure recorded for ``item``
        is cleared.
        """
        document = contract["document"]
        document_id = document["id"]
        digest = content_hash or _content_hash(document["text"])
        with self.engine.begin() as conn:
            stored = conn.execute(
                select(s.documents.c.content_hash).where(s.documents.c.id == document_id)
            ).scalar_one_or_none()
            if stored == digest:
                outcome = "unchanged"
            else:
                if stored is not None:
                    self._delete_document(conn, document_id)
                self._insert_document(conn, contract, digest)
                outcome = "added" if stored is None else "updated"
            if item is not None:
                conn.execute(s.failures.delete().where(s.failures.c.item == item))
        return outcome

    def _delete_document(self, conn: Connection, document_id: str) -> None:
        for table in s.CORPUS:
            conn.execute(table.delete().where(table.c.document_id == document_id))
        conn.execute(s.documents.delete().where(s.documents.c.id == document_id))

    def _insert_document(self, conn: Connection, contract: dict[str, Any], digest: str) -> None:
        document = contract["document"]
        did = document["id"]
        url = document.get("url")
        conn.execute(
            insert(s.documents),
            {
                "id": did,
                "url": url,
                "canonical_url": canonical_url(url) if url else None,
                "content_hash": digest,
                "outlet": document.get("outlet"),
                "published": document.get("published"),
                "published_key": _published_key(document.get("published")),
                "title": document.get("title"),
                "language": document.get("language"),
                "author": document.get("author"),
                "partial": bool(contract.get("analysis", {}).get("partial", False)),
                "ingested_at": _now(),
                "search_title": search_text(document.get("title")),
                "search_text": search_text(document.get("text", "")),
                "contract": contract,
            },
        )
        rows = _document_rows(contract)
        for table, values in rows.items():
            if values:
                conn.execute(insert(table), values)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Yield the stored contracts, by document id."""
        with self.engine.connect() as conn:
            ids = sorted(conn.execute(select(s.documents.c.id)).scalars())
        for chunk in _chunks(ids, 200):
            with self.engine.connect() as conn:
                found = dict(
                    conn.execute(
                        select(s.documents.c.id, s.documents.c.contract).where(s.documents.c.id.in_(chunk))
                    ).all()
                )
            for document_id in chunk:
                if document_id in found:
                    yield found[document_id]

    def document(self, document_id: str) -> dict[str, Any] | None:
        """Return the stored contract of a document, or None."""
        with self.engine.connect() as conn:
            contract = conn.execute(
                select(s.documents.c.contract).where(s.documents.c.id == document_id)
            ).scalar_one_or_none()
        return contract if contract is None else dict(contract)

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(s.documents)).scalar_one())

    # --- failures and judgements -----------------------------------------------------------------

    def add_failure(self, item: str, reason: str) -> None:
        """Record that ``item`` (a file path or path:line) failed, replacing any earlier reason."""
        with self.engine.begin() as conn:
            conn.execute(s.failures.delete().where(s.failures.c.item == item))
            conn.execute(insert(s.failures), {"item": item, "reason": reason, "at": _now()})

    def failures(self) -> list[dict[str, Any]]:
        """Return the recorded failures ``{item, reason, at}``, by item."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.failures.c.item, s.failures.c.reason, s.failures.c.at)).mappings()
            return sorted((dict(row) for row in rows), key=lambda row: row["item"])

    def clear_failure(self, item: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(s.failures.delete().where(s.failures.c.item == item))

    def add_judgement(self, judgement: Judgement) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(s.judgements),
                {
                    "kind": judgement.kind,
                    "a": judgement.a,
                    "b": judgement.b,
                    "note": judgement.note,
                    "at": _now(),
                },
            )

    def judgements(self) -> list[Judgement]:
        """Return the judgements, in the order they were added."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.judgements.c.kind, s.judgements.c.a, s.judgements.c.b, s.judgements.c.note).order_by(
                    s.judgements.c.seq
                )
            ).all()
        return [Judgement(kind=row.kind, a=row.a, b=row.b, note=row.note) for row in rows]

    # --- resolution ------------------------------------------------------------------------------

    def corpus_fingerprint(self) -> str:
        """Return a digest of what a resolution is computed from: every stored document (id and
        content hash), every judgement, and the version of claimgraph doing the resolving."""
        from claimgraph import __version__

        digest = hashlib.sha256(f"claimgraph {__version__}\n".encode())
        d, j = s.documents.c, s.judgements.c
        with self.engine.connect() as conn:
            for doc_id, content in conn.execute(select(d.id, d.content_hash).order_by(d.id)):
                digest.update(f"d {doc_id} {content}\n".encode())
            for kind, a, b in conn.execute(select(j.kind, j.a, j.b).order_by(j.seq)):
                digest.update(f"j {kind} {a!r} {b!r}\n".encode())
        return digest.hexdigest()

    def resolved_fingerprint(self) -> str | None:
        """Return the fingerprint of the corpus the saved resolution was computed from, if any."""
        with self.engine.connect() as conn:
            return conn.execute(select(s.state.c.value).where(s.state.c.key == "resolved")).scalar()

    def save_resolution(self, resolution: Resolution, fingerprint: str | None = None) -> None:
        """Replace every derived table with ``resolution``, in one transaction (bulk inserts);
        ``fingerprint`` is that of the corpus it was computed from (None: unknown)."""
        rows = _resolution_rows(resolution)
        with self.engine.begin() as conn:
            for table in s.DERIVED:
                conn.execute(table.delete())
            for table, values in rows.items():
                for chunk in _chunks(values, 5000):
                    conn.execute(insert(table), list(chunk))
            _link_claims(conn)
            conn.execute(s.state.delete().where(s.state.c.key == "resolved"))
            if fingerprint is not None:
                conn.execute(insert(s.state), [{"key": "resolved", "value": fingerprint}])

    def count_stories(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(s.stories)).scalar() or 0)

    # --- queries ---------------------------------------------------------------------------------

    def stories(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Return the stories with their documents and independent sources, by first report then id:
        all of them, or ``limit`` from the ``offset``-th on."""
        with self.engine.connect() as conn:
            query = select(s.stories).order_by(s.stories.c.position).offset(offset)
            if limit is not None:
                query = query.limit(limit)
            stories = conn.execute(query).mappings().all()
            ids = [row["id"] for row in stories]
            members: dict[str, list[Row]] = {}
            origins: dict[str, list[Row]] = {}
            for chunk in _chunks(ids):
                members |= _group(
                    conn.execute(select(s.story_documents).where(s.story_documents.c.story_id.in_(chunk)))
                    .mappings(),
                    "story_id",
                )
                origins |= _group(
                    conn.execute(select(s.story_origins).where(s.story_origins.c.story_id.in_(chunk)))
                    .mappings(),
                    "story_id",
                )
            meta = _documents_meta(conn, [row["document_id"] for rows in members.values() for row in rows])
        out = []
        for story in stories:
            documents = sorted(members.get(story["id"], []), key=lambda row: row["position"])
            out.append(
                {
                    "id": story["id"],
                    "title": story["title"],
                    "first_reported": story["first_reported"],
                    "reports": story["reports"],
                    "independent_sources": story["independent_sources"],
                    "documents": [
                        meta[row["document_id"]] for row in documents if row["document_id"] in meta
                    ],
                    "origins": [
                        _origin_out(row) for row in sorted(origins.get(story["id"], []), key=_position)
                    ],
                }
            )
        return out

    def story(self, story_id: str) -> dict[str, Any] | None:
        """Return one story: documents with their origins, independent sources, provenance tree,
        timeline, conflicts and claim clusters."""
        with self.engine.connect() as conn:
            story = conn.execute(select(s.stories).where(s.stories.c.id == story_id)).mappings().one_or_none()
            if story is None:
                return None
            members = conn.execute(
                select(s.story_documents).where(s.story_documents.c.story_id == story_id)
            ).mappings()
            document_ids = [row["document_id"] for row in sorted(members, key=_position)]
            meta = _documents_meta(conn, document_ids)
            document_ids = [d for d in document_ids if d in meta]
            origin_of = {
                row["document_id"]: row
                for chunk in _chunks(document_ids)
                for row in conn.execute(
                    select(s.origins).where(s.origins.c.document_id.in_(chunk))
                ).mappings()
            }
            independent = sorted(
                conn.execute(
                    select(s.story_origins).where(s.story_origins.c.story_id == story_id)
                ).mappings(),
                key=_position,
            )
            conflicts = sorted(
                conn.execute(select(s.conflicts).where(s.conflicts.c.story_id == story_id)).mappings(),
                key=_position,
            )
            clusters = sorted(
                conn.execute(select(s.clusters).where(s.clusters.c.story_id == story_id)).mappings(),
                key=_position,
            )
            items = _Items.load(conn, document_ids)
            conflict_claims = [q for row in conflicts for q in row["claims"]]
            claims_out = items.claims_out(meta, [_split(q) for q in conflict_claims])
        documents = []
        for document_id in document_ids:
            origin = origin_of.get(document_id)
            documents.append(
                {
                    **meta[document_id],
                    "origin": None
                    if origin is None
                    else {
                        "kind": origin["kind"],
                        "name": origin["name"],
                        "via": origin["via"],
                        "evidence": origin["evidence"],
                    },
                }
            )
        by_qid = {f"{c['document']}/{c['id']}": c for c in claims_out}
        return {
            "id": story["id"],
            "title": story["title"],
            "first_reported": story["first_reported"],
            "reports": story["reports"],
            "independent_sources": story["independent_sources"],
            "documents": documents,
            "origins": [_origin_out(row) for row in independent],
            "provenance": _provenance(story, independent, document_ids, meta, origin_of, items),
            "timeline": items.timeline(meta, items.all_events(), items.dated_claims(items.all_claims())),
            "conflicts": [
                {
                    "kind": row["kind"],
                    "explanation": row["explanation"],
                    "values": row["values"],
                    "claims": [by_qid.get(q, {"qualified": q}) for q in row["claims"]],
                }
                for row in conflicts
            ],
            "clusters": [
                {
                    "id": row["id"],
                    "text": row["text"],
                    "claims": row["claims"],
                    "reports": row["reports"],
                    "independent_sources": row["independent_sources"],
                    "statuses": dict(sorted(row["statuses"].items())),
                }
                for row in clusters
            ],
            "evidence": story["evidence"],
        }

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        """Return the global entities whose name or an alias matches ``name`` (accents and case
        ignored): exact matches first, then prefixes, word starts and other substrings."""
        query = fold(name)
        if not query:
            return []
        with self.engine.connect() as conn:
            hits = conn.execute(
                select(s.entity_aliases.c.entity_id, s.entity_aliases.c.folded).where(
                    s.entity_aliases.c.folded.contains(query, autoescape=True)
                )
            ).all()
            rank: dict[str, int] = {}
            by_id = conn.execute(
                select(s.global_entities.c.id).where(s.global_entities.c.id == name.strip())
            ).scalar_one_or_none()
            if by_id is not None:
                rank[by_id] = -1
            for entity_id, folded in hits:
                rank[entity_id] = min(rank.get(entity_id, 9), _match_rank(folded, query))
            rows = _global_rows(conn, list(rank))
        kinds = {-1: "id", 0: "exact", 1: "prefix", 2: "word", 3: "contains"}
        found = [
            {
                "id": row["id"],
                "name": row["name"],
                "type": row["type"],
                "aliases": row["aliases"],
                "documents": row["n_documents"],
                "match": kinds[rank[row["id"]]],
            }
            for row in rows.values()
        ]
        return sorted(
            found, key=lambda e: (kinds_order(e["match"]), -e["documents"], fold(e["name"]), e["id"])
        )

    def entity(self, name_or_id: str) -> dict[str, Any] | None:
        """Return the best-matching global entity with its roles, ages, documents, the claims it
        is the source of, the claims about it and its co-actors in events."""
        found = self.find_entities(name_or_id)
        if not found:
            return None
        gid = found[0]["id"]
        with self.engine.connect() as conn:
            row = _global_rows(conn, [gid])[gid]
            meta = _documents_meta(conn, row["documents"])
            links = conn.execute(
                select(
                    s.claim_entities.c.relation, s.claim_entities.c.document_id, s.claim_entities.c.claim_id
                ).where(s.claim_entities.c.global_id == gid)
            ).all()
            keys = [(d, c) for _, d, c in links]
            items = _Items.load(
                conn, sorted({d for d, _ in keys}), claims=keys, with_events=False, with_times=False
            )
            linked = _documents_meta(conn, items.document_ids)
            by = items.claims_out(linked, [(d, c) for r, d, c in links if r == "by"])
            about = items.claims_out(linked, [(d, c) for r, d, c in links if r == "about"])
            co_actors = _co_actors(conn, gid)
        documents = sorted(meta.values(), key=lambda d: (_published_key(d["published"]), d["id"]))
        return {
            "id": row["id"],
            "name": row["name"],
            "type": row["type"],
            "aliases": row["aliases"],
            "roles": sorted(
                row["roles"], key=lambda r: (r.get("date") is None, r.get("date") or "", r["document"])
            ),
            "ages": sorted(
                row["ages"], key=lambda a: (a.get("date") is None, a.get("date") or "", a["document"])
            ),
            "documents": documents,
            "claims_by": by,
            "claims_about": about,
            "co_actors": co_actors,
        }

    def claims(
        self,
        about: str | None = None,
        status: str | None = None,
        source_kind: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Return claims, by publication then document and position: those about an entity (its best
        match), with a status, whose innermost source is of a kind; at most ``limit``."""
        c, d = s.claims.c, s.documents.c
        query = (
            select(c.document_id, c.id)
            .join(s.documents, d.id == c.document_id)
            .order_by(d.published_key, c.document_id, c.position)
        )
        if limit is not None:
            if limit <= 0:
                return []
            query = query.limit(limit)
        if status is not None:
            query = query.where(c.status == status)
        if source_kind is not None:
            query = query.where(c.source_kind == source_kind)
        if about is not None:
            found = self.find_entities(about)
            if not found:
                return []
            ce = s.claim_entities.c
            query = query.join(
                s.claim_entities, and_(ce.document_id == c.document_id, ce.claim_id == c.id)
            ).where(ce.global_id == found[0]["id"], ce.relation == "about")
        with self.engine.connect() as conn:
            keys = [(row[0], row[1]) for row in conn.execute(query).all()]
            items = _Items.load(
                conn, sorted({d for d, _ in keys}), claims=keys, with_events=False, with_times=False
            )
            return items.claims_out(_documents_meta(conn, items.document_ids), keys)

    def timeline(self, about: str) -> list[dict[str, Any]]:
        """Return the events the entity best matching ``about`` takes part in and the dated claims
        mentioning it, by date (the event's time, else its document's publication date)."""
        found = self.find_entities(about)
        if not found:
            return []
        gid = found[0]["id"]
        ee, em = s.event_entities.c, s.entity_members.c
        with self.engine.connect() as conn:
            events = conn.execute(
                select(ee.document_id, ee.event_id)
                .join(s.entity_members, and_(em.document_id == ee.document_id, em.entity_id == ee.entity_id))
                .where(em.global_id == gid)
                .distinct()
            ).all()
            claims = conn.execute(
                select(s.claim_entities.c.document_id, s.claim_entities.c.claim_id).where(
                    s.claim_entities.c.global_id == gid, s.claim_entities.c.relation == "about"
                )
            ).all()
            event_keys = [(d, e) for d, e in events]
            claim_keys = [(d, c) for d, c in claims]
            documents = sorted({d for d, _ in event_keys} | {d for d, _ in claim_keys})
            items = _Items.load(conn, documents, claims=claim_keys, events=event_keys)
            meta = _documents_meta(conn, items.document_ids)
        about_claims = [items.claims[key] for key in claim_keys if key in items.claims]
        return items.timeline(meta, items.all_events(), items.dated_claims(about_claims))

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Return the documents whose title and text hold every word of ``text`` (accents and case
        ignored), by rank then id. The rank (``score``) counts the words' occurrences, three for
        each in the title and one for each in the text; it is computed in SQL alike on both
        backends, where the index (FTS5 or tsvector) only selects the matching documents."""
        words = list(dict.fromkeys(tokens(text)))
        if not words or limit <= 0:
            return []
        d = s.documents.c
        if self.dialect == "sqlite":
            match = sql_text(
                "documents.id IN (SELECT document_id FROM documents_fts WHERE documents_fts MATCH :match)"
            ).bindparams(match=" ".join(f'"{word}"' for word in words))
        else:
            match = sql_text("documents.search_tsv @@ plainto_tsquery('simple', :match)").bindparams(
                match=" ".join(words)
            )
        score: Any = literal(0, Integer)
        for i, word in enumerate(words):
            padded = bindparam(f"w{i}", f" {word} ", type_=String)
            width = len(word) + 2
            for column, weight in ((d.search_title, 3), (d.search_text, 1)):
                removed = func.length(column, type_=Integer) - func.length(
                    func.replace(column, padded, "", type_=Text), type_=Integer
                )
                score = score + weight * (removed // width)
        query = (
            select(d.id, d.title, d.outlet, d.published, score.label("score"))
            .where(match)
            .order_by(score.desc(), d.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = [dict(row) for row in conn.execute(query).mappings()]
            texts = dict(
                conn.execute(select(d.id, d.contract).where(d.id.in_([row["id"] for row in rows]))).all()
            )
        return [
            {
                "document": row["id"],
                "title": row["title"],
                "outlet": row["outlet"],
                "published": row["published"],
                "score": int(row["score"]),
                "snippet": snippet(texts[row["id"]]["document"].get("text", ""), words),
            }
            for row in rows
        ]


# --- helpers ---------------------------------------------------------------------------------------


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Set up a SQLite connection: WAL journal, and transactions begun by SQLAlchemy (below) rather
    than by the sqlite3 module, so that DDL (the migrations) is transactional too."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def _position(row: Any) -> int:
    return int(row["position"])


def kinds_order(match: str) -> int:
    return {"id": -1, "exact": 0, "prefix": 1, "word": 2, "contains": 3}[match]


def _match_rank(folded: str, query: str) -> int:
    if folded == query:
        return 0
    if folded.startswith(query):
        return 1
    if f" {query}" in f" {folded}":
        return 2
    return 3


def _group(rows: Iterable[Any], key: str) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(dict(row))
    return grouped


def _origin_out(row: Any) -> dict[str, Any]:
    return {
        "name": row["name"],
        "kind": row["kind"],
        "documents": row["documents"],
        "voices": row["voices"],
        "new_voice": bool(row["new_voice"]),
    }


def _documents_meta(conn: Connection, document_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Return ``{id: {id, url, outlet, published, title, language, partial}}`` of the stored documents
    among ``document_ids`` (``partial``: analysed without a full pipeline for its language)."""
    ids = sorted(set(document_ids))
    d = s.documents.c
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(
            select(d.id, d.url, d.outlet, d.published, d.title, d.language, d.partial).where(d.id.in_(chunk))
        ).mappings():
            out[row["id"]] = {**row, "partial": bool(row["partial"])}
    return out


def _dicts(result: Any) -> Iterator[Row]:
    """Yield the rows of ``result`` as dicts (the keys fetched once, not per row)."""
    keys = list(result.keys())
    for row in result:
        yield dict(zip(keys, row, strict=True))


def _load_documents(conn: Connection, table: Any, document_ids: list[str], target: dict[Any, Row]) -> None:
    for chunk in _chunks(document_ids):
        for row in _dicts(conn.execute(select(table).where(table.c.document_id.in_(chunk)))):
            target[(row["document_id"], row["id"])] = row


def _load_keys(conn: Connection, table: Any, keys: list[tuple[str, str]], target: dict[Any, Row]) -> None:
    """Load the rows of ``keys`` (document id, item id): by document (the primary key's prefix,
    indexed on every backend), keeping the rows asked for."""
    wanted = set(keys)
    for chunk in _chunks(sorted({d for d, _ in wanted})):
        for row in _dicts(conn.execute(select(table).where(table.c.document_id.in_(chunk)))):
            key = (row["document_id"], row["id"])
            if key in wanted:
                target[key] = row


def _global_rows(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(set(ids))):
        for row in conn.execute(
            select(s.global_entities).where(s.global_entities.c.id.in_(chunk))
        ).mappings():
            out[row["id"]] = dict(row)
    return out


def _co_actors(conn: Connection, gid: str) -> list[dict[str, Any]]:
    ee1, ee2 = s.event_entities.alias("ee1"), s.event_entities.alias("ee2")
    em1, em2 = s.entity_members.alias("em1"), s.entity_members.alias("em2")
    rows = conn.execute(
        select(ee1.c.document_id, ee1.c.event_id, em2.c.global_id)
        .select_from(
            ee1.join(em1, and_(em1.c.document_id == ee1.c.document_id, em1.c.entity_id == ee1.c.entity_id))
            .join(ee2, and_(ee2.c.document_id == ee1.c.document_id, ee2.c.event_id == ee1.c.event_id))
            .join(em2, and_(em2.c.document_id == ee2.c.document_id, em2.c.entity_id == ee2.c.entity_id))
        )
        .where(em1.c.global_id == gid, em2.c.global_id != gid)
        .distinct()
    ).all()
    counts = Counter(other for _, _, other in rows)
    names = _global_rows(conn, counts)
    out = [
        {"id": other, "name": names[other]["name"], "type": names[other]["type"], "events": n}
        for other, n in counts.items()
        if other in names
    ]
    return sorted(out, key=lambda e: (-e["events"], fold(e["name"]), e["id"]))


class _Items:
    """The claims, sources, events, times and entity mapping of some documents, loaded at once."""

    def __init__(self, document_ids: list[str]) -> None:
        self.document_ids = document_ids
        self.claims: dict[tuple[str, str], Row] = {}
        self.sources: dict[tuple[str, str], Row] = {}
        self.events: dict[tuple[str, str], Row] = {}
        self.times: dict[tuple[str, str], Row] = {}
        self.entities: dict[tuple[str, str], Row] = {}
        self.members: dict[tuple[str, str], str] = {}
        self.globals: dict[str, Row] = {}
        self.times_of: dict[str, list[Row]] = defaultdict(list)

    @classmethod
    def load(
        cls,
        conn: Connection,
        document_ids: list[str],
        *,
        claims: Iterable[tuple[str, str]] | None = None,
        events: Iterable[tuple[str, str]] | None = None,
        with_events: bool = True,
        with_times: bool = True,
    ) -> _Items:
        """Load the items of ``document_ids``: all their claims and events, or only the ``claims``
        and ``events`` keys given (the claims the loaded events carry included); their sources,
        times, entities and the global entities these map to."""
        items = cls(document_ids)
        if events is not None:
            _load_keys(conn, s.events, list(events), items.events)
        elif with_events:
            _load_documents(conn, s.events, document_ids, items.events)
        if claims is not None:
            wanted = dict.fromkeys(claims)
            wanted.update(
                dict.fromkeys((d, e["claim_id"]) for (d, _), e in items.events.items() if e["claim_id"])
            )
            _load_keys(conn, s.claims, list(wanted), items.claims)
        else:
            _load_documents(conn, s.claims, document_ids, items.claims)
        _load_documents(conn, s.sources, document_ids, items.sources)
        if with_times:
            _load_documents(conn, s.times, document_ids, items.times)
        for (document_id, _), time in items.times.items():
            items.times_of[document_id].append(time)
        e, m = s.entities.c, s.entity_members.c
        for chunk in _chunks(document_ids):
            for row in conn.execute(
                select(e.document_id, e.id, e.name, e.type).where(e.document_id.in_(chunk))
            ).mappings():
                items.entities[(row["document_id"], row["id"])] = dict(row)
            for document_id, entity_id, global_id in conn.execute(
                select(m.document_id, m.entity_id, m.global_id).where(m.document_id.in_(chunk))
            ).all():
                items.members[(document_id, entity_id)] = global_id
        g = s.global_entities.c
        for chunk in _chunks(sorted(set(items.members.values()))):
            for row in conn.execute(select(g.id, g.name, g.type).where(g.id.in_(chunk))).mappings():
                items.globals[row["id"]] = dict(row)
        return items

    def entity_ref(self, document_id: str, entity_id: str | None) -> dict[str, Any] | None:
        """Return ``{id, name, type}`` of the global entity of a document entity (the document
        entity itself when unresolved)."""
        if entity_id is None:
            return None
        gid = self.members.get((document_id, entity_id))
        if gid is not None and gid in self.globals:
            g = self.globals[gid]
            return {"id": g["id"], "name": g["name"], "type": g["type"]}
        local = self.entities.get((document_id, entity_id))
        if local is None:
            return {"id": entity_id, "name": entity_id, "type": None}
        return {"id": f"{document_id}/{entity_id}", "name": local["name"], "type": local["type"]}

    def all_claims(self) -> list[Row]:
        return list(self.claims.values())

    def all_events(self) -> list[Row]:
        return list(self.events.values())

    def source_text(self, document_id: str, source_id: str) -> str:
        source = self.sources.get((document_id, source_id))
        return source_id if source is None else str(source["text"])

    def source_out(self, document_id: str, source_id: str) -> dict[str, Any]:
        source = self.sources.get((document_id, source_id))
        if source is None:
            return {"id": source_id, "text": source_id, "kind": None, "count": None, "entity": None}
        return {
            "id": source_id,
            "text": source["text"],
            "kind": source["kind"],
            "count": source["count"],
            "entity": self.entity_ref(document_id, source["entity_id"]),
        }

    def claim_out(self, claim: Row, meta: dict[str, dict[str, Any]]) -> dict[str, Any]:
        document_id = claim["document_id"]
        document = meta.get(document_id, {})
        return {
            "document": document_id,
            "id": claim["id"],
            "content": claim["content"],
            "status": claim["status"],
            "source": self.source_out(document_id, claim["source_id"]),
            "chain": [self.source_text(document_id, sid) for sid in claim["chain"]],
            "cue": claim["cue"],
            "published": document.get("published"),
            "outlet": document.get("outlet"),
        }

    def claims_out(
        self, meta: dict[str, dict[str, Any]], keys: Iterable[tuple[str, str]]
    ) -> list[dict[str, Any]]:
        """Return the claims ``(document id, claim id)`` formatted, by publication, document, position."""
        claims = [self.claims[key] for key in dict.fromkeys(keys) if key in self.claims]
        claims.sort(key=lambda c: self._claim_key(c, meta))
        return [self.claim_out(c, meta) for c in claims]

    @staticmethod
    def _claim_key(claim: Row, meta: dict[str, dict[str, Any]]) -> tuple[str, str, int]:
        published = meta.get(claim["document_id"], {}).get("published")
        return (_published_key(published), claim["document_id"], claim["position"])

    def times_in(self, document_id: str, start: int, end: int) -> list[Row]:
        found = [
            t
            for t in self.times_of.get(document_id, [])
            if t["start"] >= start and t["end"] <= end and _is_date(t["value"])
        ]
        return sorted(found, key=lambda t: (t["start"], t["id"]))

    def dated_claims(self, claims: list[Row]) -> list[tuple[Row, Row]]:
        """Return ``(claim, time)`` for the claims whose content holds a dated time expression (the first)."""
        out = []
        for claim in claims:
            found = self.times_in(claim["document_id"], claim["content_start"], claim["content_end"])
            if found:
                out.append((claim, found[0]))
        return out

    def timeline(
        self, meta: dict[str, dict[str, Any]], events: list[Row], dated: list[tuple[Row, Row]]
    ) -> list[dict[str, Any]]:
        """Return events and dated claims by date (time value, else publication date), then
        publication, document and position. Claims carrying a listed event are not repeated."""
        entries: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        carried = set()
        for e in events:
            document_id = e["document_id"]
            published = meta.get(document_id, {}).get("published")
            time = self.times.get((document_id, e["time_id"])) if e["time_id"] else None
            value = time["value"] if time is not None and _is_date(time["value"]) else None
            day = value or (published[:10] if published else None)
            claim = self.claims.get((document_id, e["claim_id"])) if e["claim_id"] else None
            if claim is not None:
                carried.add((document_id, claim["id"]))
            entry = {
                "kind": "event",
                "date": day,
                "when": None if time is None else {"text": time["text"], "value": time["value"]},
                "document": document_id,
                "published": published,
                "outlet": meta.get(document_id, {}).get("outlet"),
                "id": e["id"],
                "type": e["type"],
                "trigger": e["trigger"],
                "actors": [self.entity_ref(document_id, a) for a in e["actors"]],
                "recipients": [self.entity_ref(document_id, r) for r in e["recipients"]],
                "where": [self.entity_ref(document_id, w) for w in e["where"]],
                "negated": bool(e["negated"]),
                "mode": e["mode"],
                "claim": None if claim is None else claim["id"],
                "status": None if claim is None else claim["status"],
                "content": None if claim is None else claim["content"],
            }
            key = (
                day is None,
                _date_key(day or ""),
                _published_key(published),
                document_id,
                e["trigger_start"],
                0,
                e["id"],  # a total order: rows come back from each backend in its own order
            )
            entries.append((key, entry))
        for claim, time in dated:
            document_id = claim["document_id"]
            if (document_id, claim["id"]) in carried:
                continue
            published = meta.get(document_id, {}).get("published")
            out = self.claim_out(claim, meta)
            entry = {
                "kind": "claim",
                "date": time["value"],
                "when": {"text": time["text"], "value": time["value"]},
                **{
                    k: out[k]
                    for k in ("document", "published", "outlet", "id", "content", "status", "source", "chain")
                },
            }
            key = (
                False,
                _date_key(time["value"]),
                _published_key(published),
                document_id,
                claim["content_start"],
                1,
                claim["id"],
            )
            entries.append((key, entry))
        entries.sort(key=lambda pair: pair[0])
        return [entry for _, entry in entries]


def _provenance(
    story: Any,
    independent: list[Any],
    document_ids: list[str],
    meta: dict[str, dict[str, Any]],
    origin_of: dict[str, Any],
    items: _Items,
) -> dict[str, Any]:
    """Return the tree story -> independent source -> document -> chains of sources -> claims."""
    claims_of: dict[str, list[Row]] = defaultdict(list)
    for claim in items.claims.values():
        claims_of[claim["document_id"]].append(claim)

    def document_node(document_id: str) -> dict[str, Any]:
        chains: dict[tuple[str, ...], dict[str, Any]] = {}
        for claim in sorted(claims_of.get(document_id, []), key=lambda c: c["position"]):
            sources = [items.source_out(document_id, sid) for sid in claim["chain"]]
            key = tuple(src["text"] for src in sources)
            node = chains.get(key)
            if node is None:
                node = chains[key] = {
                    "path": " -> ".join(key),
                    "chain": [
                        {"text": src["text"], "kind": src["kind"], "count": src["count"]} for src in sources
                    ],
                    "statuses": Counter(),
                    "claims": [],
                }
            node["statuses"][claim["status"]] += 1
            node["claims"].append({"id": claim["id"], "content": claim["content"], "status": claim["status"]})
        for node in chains.values():
            node["statuses"] = dict(sorted(node["statuses"].items()))
        origin = origin_of.get(document_id)
        return {
            **{k: meta[document_id][k] for k in ("id", "outlet", "published", "title")},
            "origin": None if origin is None else origin["kind"],
            "chains": list(chains.values()),
        }

    placed: set[str] = set()
    nodes = []
    for source in independent:
        documents = [d for d in source["documents"] if d in meta]
        placed.update(documents)
        nodes.append(
            {
                "name": source["name"],
                "kind": source["kind"],
                "voices": source["voices"],
                "new_voice": bool(source["new_voice"]),
                "documents": [document_node(d) for d in documents],
            }
        )
    rest = [d for d in document_ids if d not in placed]
    if rest:
        nodes.append(
            {
                "name": None,
                "kind": None,
                "voices": [],
                "new_voice": False,
                "documents": [document_node(d) for d in rest],
            }
        )
    return {"story": story["id"], "title": story["title"], "sources": nodes}


def _document_rows(contract: dict[str, Any]) -> dict[Any, list[dict[str, Any]]]:
    """Return the rows of the corpus tables for one document."""
    did = contract["document"]["id"]
    source_kind = {src["id"]: src["kind"] for src in contract.get("sources", [])}
    rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in s.CORPUS}
    for src in contract.get("sources", []):
        rows[s.sources].append(
            {
                "document_id": did,
                "id": src["id"],
                "kind": src["kind"],
                "entity_id": src.get("entity"),
                "text": src.get("text") or "",
                "start": src.get("start"),
                "end": src.get("end"),
                "count": src.get("count"),
            }
        )
    spans: list[tuple[int, int, str]] = []
    seen_mentions: set[tuple[str, int]] = set()
    for position, entity in enumerate(contract.get("entities", [])):
        rows[s.entities].append(
            {
                "document_id": did,
                "id": entity["id"],
                "position": position,
                "name": entity["name"],
                "folded": fold(entity["name"]),
                "type": entity["type"],
                "age": entity.get("age"),
                "roles": entity.get("roles", []),
            }
        )
        for mention in entity.get("mentions", []):
            if (entity["id"], mention["start"]) in seen_mentions:
                continue
            seen_mentions.add((entity["id"], mention["start"]))
            spans.append((mention["start"], mention["end"], entity["id"]))
            rows[s.mentions].append(
                {
                    "document_id": did,
                    "entity_id": entity["id"],
                    "start": mention["start"],
                    "end": mention["end"],
                    "text": mention.get("text", ""),
                }
            )
    for position, claim in enumerate(contract.get("claims", [])):
        content = claim["content"]
        cue = claim.get("cue")
        rows[s.claims].append(
            {
                "document_id": did,
                "id": claim["id"],
                "position": position,
                "content": content["text"],
                "content_start": content["start"],
                "content_end": content["end"],
                "cue": cue["text"] if cue else None,
                "source_id": claim["source"],
                "source_kind": source_kind.get(claim["source"], "unspecified"),
                "chain": claim.get("chain", []),
                "status": claim["status"],
                "event_id": claim.get("event"),
                "hedges": claim.get("hedges", []),
            }
        )
        mentioned = sorted(
            {entity for start, end, entity in spans if start < content["end"] and end > content["start"]}
        )
        rows[s.claim_mentions].extend(
            {"document_id": did, "claim_id": claim["id"], "entity_id": entity} for entity in mentioned
        )
    for position, ev in enumerate(contract.get("events", [])):
        trigger = ev["trigger"]
        rows[s.events].append(
            {
                "document_id": did,
                "id": ev["id"],
                "position": position,
                "type": ev["type"],
                "trigger": trigger["text"],
                "trigger_start": trigger["start"],
                "trigger_end": trigger["end"],
                "actors": ev.get("actors", []),
                "recipients": ev.get("recipients", []),
                "where": ev.get("where", []),
                "time_id": ev.get("when"),
                "claim_id": ev.get("claim"),
                "cameo": ev.get("cameo"),
                "negated": bool(ev.get("negated", False)),
                "mode": ev.get("mode") or "actual",
                "same_as": ev.get("same_as"),
            }
        )
        participants = {
            (entity, role)
            for role, key in (("actor", "actors"), ("recipient", "recipients"), ("where", "where"))
            for entity in ev.get(key, [])
        }
        rows[s.event_entities].extend(
            {"document_id": did, "event_id": ev["id"], "entity_id": entity, "role": role}
            for entity, role in sorted(participants)
        )
    for t in contract.get("times", []):
        rows[s.times].append(
            {
                "document_id": did,
                "id": t["id"],
                "text": t["text"],
                "start": t["start"],
                "end": t["end"],
                "value": t.get("value"),
                "granularity": t.get("granularity"),
                "type": t.get("type"),
                "timex_type": t.get("timex_type"),
                "mod": t.get("mod"),
            }
        )
    for r in contract.get("relations", []):
        rows[s.relations].append(
            {
                "document_id": did,
                "id": r["id"],
                "type": r["type"],
                "subject": r["subject"],
                "object": r["object"],
                "claim_id": r.get("claim"),
                "trigger": r["trigger"]["text"],
                "modifiers": r.get("modifiers", []),
            }
        )
    return rows


def _resolution_rows(resolution: Resolution) -> dict[Any, list[dict[str, Any]]]:
    """Return the rows of the derived tables for ``resolution`` (claim links are made in SQL)."""
    from dataclasses import asdict

    rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in s.DERIVED}
    members: dict[tuple[str, str], str] = {}
    seen_aliases: set[tuple[str, str]] = set()
    for entity in resolution.entities:
        rows[s.global_entities].append(
            {
                "id": entity.id,
                "name": entity.name,
                "folded": fold(entity.name),
                "type": entity.type,
                "aliases": list(entity.aliases),
                "documents": list(entity.documents),
                "n_documents": len(set(entity.documents)),
                "roles": [asdict(role) for role in entity.roles],
                "ages": list(entity.ages),
            }
        )
        for alias in [entity.name, *entity.aliases]:
            if (entity.id, alias) not in seen_aliases:
                seen_aliases.add((entity.id, alias))
                rows[s.entity_aliases].append({"entity_id": entity.id, "alias": alias, "folded": fold(alias)})
        for qid in entity.members:
            members[_split(qid)] = entity.id
    for qid, gid in resolution.members.items():
        members[_split(qid)] = gid
    rows[s.entity_members] = [
        {"document_id": d, "entity_id": e, "global_id": g} for (d, e), g in sorted(members.items())
    ]
    ordered = sorted(resolution.stories, key=lambda st: (_published_key(st.first_reported), st.id))
    cluster_claims: set[tuple[str, str, str]] = set()
    for position, story in enumerate(ordered):
        rows[s.stories].append(
            {
                "id": story.id,
                "position": position,
                "title": story.title,
                "first_reported": story.first_reported,
                "reports": story.reports,
                "independent_sources": story.independent_sources,
                "evidence": list(story.evidence),
            }
        )
        for i, document_id in enumerate(dict.fromkeys(story.documents)):
            rows[s.story_documents].append({"story_id": story.id, "document_id": document_id, "position": i})
        for i, source in enumerate(story.origins):
            rows[s.story_origins].append(
                {
                    "story_id": story.id,
                    "position": i,
                    "name": source.name,
                    "kind": source.kind,
                    "documents": list(source.documents),
                    "voices": list(source.voices),
                    "new_voice": bool(source.new_voice),
                }
            )
        for i, conflict in enumerate(story.conflicts):
            rows[s.conflicts].append(
                {
                    "story_id": story.id,
                    "position": i,
                    "kind": conflict.kind,
                    "claims": list(conflict.claims),
                    "explanation": conflict.explanation,
                    "values": list(conflict.values),
                }
            )
        for i, cluster in enumerate(story.clusters):
            rows[s.clusters].append(
                {
                    "id": cluster.id,
                    "story_id": story.id,
                    "position": i,
                    "text": cluster.text,
                    "claims": list(cluster.claims),
                    "reports": cluster.reports,
                    "independent_sources": cluster.independent_sources,
                    "statuses": dict(cluster.statuses),
                }
            )
            for qid in cluster.claims:
                cluster_claims.add((cluster.id, *_split(qid)))
    rows[s.cluster_claims] = [
        {"cluster_id": k, "document_id": d, "claim_id": c} for k, d, c in sorted(cluster_claims)
    ]
    origins = {origin.document: origin for origin in resolution.origins}
    rows[s.origins] = [
        {
            "document_id": o.document,
            "kind": o.kind,
            "name": o.name,
            "via": o.via,
            "evidence": list(o.evidence),
        }
        for _, o in sorted(origins.items())
    ]
    return rows


def _link_claims(conn: Connection) -> None:
    """Fill claim_entities from the members just saved: claims by (innermost source's entity) and
    about (content mentions) each global entity."""
    cm, em, c, src = s.claim_mentions.c, s.entity_members.c, s.claims.c, s.sources.c
    columns = ["global_id", "relation", "document_id", "claim_id"]
    about = (
        select(em.global_id, literal("about", String), cm.document_id, cm.claim_id)
        .select_from(
            s.claim_mentions.join(
                s.entity_members, and_(em.document_id == cm.document_id, em.entity_id == cm.entity_id)
            )
        )
        .distinct()
    )
    by = (
        select(em.global_id, literal("by", String), c.document_id, c.id)
        .select_from(
            s.claims.join(s.sources, and_(src.document_id == c.document_id, src.id == c.source_id)).join(
                s.entity_members, and_(em.document_id == src.document_id, em.entity_id == src.entity_id)
            )
        )
        .distinct()
    )
    conn.execute(insert(s.claim_entities).from_select(columns, about))
    conn.execute(insert(s.claim_entities).from_select(columns, by))

