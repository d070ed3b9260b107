"""The store's tables, as SQLAlchemy Core objects (the migrations in ``migrations/`` create them).

Two kinds of table. *Corpus* tables hold what was ingested: one row per document (with its
claimgraph/1 contract as JSON) and its claims, sources, entities, mentions, events, times and
relations, keyed by ``(document_id, id)``; failures and judgements. *Derived* tables hold the last
saved :class:`~claimgraph.resolve.model.Resolution` and are replaced as a whole by
``Store.save_resolution``: global entities, their aliases and members, stories, their documents,
independent sources, conflicts and claim clusters, each document's origin, and the links from
claims to the global entities they are by or about.

Dates are ISO strings; lists and objects are ``sqlalchemy.JSON`` (TEXT on SQLite, json on
PostgreSQL). Full-text search is outside these tables: an FTS5 virtual table on SQLite and a
generated ``tsvector`` column with a GIN index on PostgreSQL, both made by the migration.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

ID = String(64)
QID = String(160)


def _doc_key() -> list[Column]:
    return [Column("document_id", ID, primary_key=True), Column("id", ID, primary_key=True)]


# --- corpus -------------------------------------------------------------------------------------

documents = Table(
    "documents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("outlet", Text),
    Column("published", String(40)),  # as the contract states it
    # published in UTC, "YYYY-MM-DDTHH:MM:SS" (fixed width: any collation sorts it), 9999-… when unknown
    Column("published_key", String(40), nullable=False),
    Column("title", Text),
    Column("language", String(16)),
    Column("author", Text),
    Column("partial", Boolean, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    # full-text search: the folded tokens of the title and of the text, " a  b  c " (see store.text)
    Column("search_title", Text, nullable=False),
    Column("search_text", Text, nullable=False),
    Column("contract", JSON, nullable=False),
)
Index("ix_documents_canonical_url", documents.c.canonical_url)
Index("ix_documents_published_key", documents.c.published_key)

sources = Table(
    "sources",
    metadata,
    *_doc_key(),
    Column("kind", String(16), nullable=False),
    Column("entity_id", ID),
    Column("text", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("count", Integer),
)
Index("ix_sources_kind", sources.c.kind)

claims = Table(
    "claims",
    metadata,
    *_doc_key(),
    Column("position", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("cue", Text),
    Column("source_id", ID, nullable=False),
    Column("source_kind", String(16), nullable=False),
    Column("chain", JSON, nullable=False),  # source ids, publisher first
    Column("status", String(16), nullable=False),
    Column("event_id", ID),
    Column("hedges", JSON, nullable=False),
)
Index("ix_claims_status", claims.c.status)
Index("ix_claims_source_kind", claims.c.source_kind)

entities = Table(
    "entities",
    metadata,
    *_doc_key(),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("folded", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("age", Integer),
    Column("roles", JSON, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("entity_id", ID, primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

claim_mentions = Table(  # the document entities a claim's content mentions (span overlap)
    "claim_mentions",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("claim_id", ID, primary_key=True),
    Column("entity_id", ID, primary_key=True),
)
Index("ix_claim_mentions_entity", claim_mentions.c.document_id, claim_mentions.c.entity_id)

events = Table(
    "events",
    metadata,
    *_doc_key(),
    Column("position", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("actors", JSON, nullable=False),
    Column("recipients", JSON, nullable=False),
    Column("where", JSON, nullable=False),
    Column("time_id", ID),
    Column("claim_id", ID),
    Column("cameo", String(8)),
    Column("negated", Boolean, nullable=False),
    Column("mode", String(16), nullable=False),
    Column("same_as", ID),
)

event_entities = Table(  # who took part in an event, one row per role
    "event_entities",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("entity_id", ID, primary_key=True),
    Column("role", String(16), primary_key=True),  # actor|recipient|where
)
Index("ix_event_entities_entity", event_entities.c.document_id, event_entities.c.entity_id)

times = Table(
    "times",
    metadata,
    *_doc_key(),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String(40)),
    Column("granularity", String(16)),
    Column("type", String(16)),
    Column("timex_type", String(16)),
    Column("mod", String(16)),
)

relations = Table(
    "relations",
    metadata,
    *_doc_key(),
    Column("type", String(24), nullable=False),
    Column("subject", ID, nullable=False),
    Column("object", ID, nullable=False),
    Column("claim_id", ID),
    Column("trigger", Text, nullable=False),
    Column("modifiers", JSON, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("item", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", String(40), nullable=False),
)

state = Table(  # facts about the store itself: "resolved", the fingerprint of what was resolved
    "state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

judgements = Table(
    "judgements",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("a", Text, nullable=False),
    Column("b", Text, nullable=False),
    Column("note", Text),
    Column("at", String(40), nullable=False),
)

# --- derived (replaced by save_resolution) -----------------------------------------------------

global_entities = Table(
    "global_entities",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("folded", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("documents", JSON, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("roles", JSON, nullable=False),
    Column("ages", JSON, nullable=False),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", ID, primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("folded", Text, nullable=False),
)
Index("ix_entity_aliases_folded", entity_aliases.c.folded)

entity_members = Table(
    "entity_members",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("entity_id", ID, primary_key=True),  # the document entity
    Column("global_id", ID, nullable=False),
)
Index("ix_entity_members_global", entity_members.c.global_id)

stories = Table(
    "stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("position", Integer, nullable=False),  # by first_reported (as UTC; unknown last), then id
    Column("title", Text, nullable=False),
    Column("first_reported", String(40)),
    Column("reports", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("evidence", JSON, nullable=False),
)

story_documents = Table(
    "story_documents",
    metadata,
    Column("story_id", ID, primary_key=True),
    Column("document_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
)
Index("ix_story_documents_document", story_documents.c.document_id)

story_origins = Table(  # a story's independent sources
    "story_origins",
    metadata,
    Column("story_id", ID, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("documents", JSON, nullable=False),
    Column("voices", JSON, nullable=False),
    Column("new_voice", Boolean, nullable=False),
)

origins = Table(  # where each document's reporting comes from
    "origins",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("via", ID),
    Column("evidence", JSON, nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("story_id", ID, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("claims", JSON, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("values", JSON, nullable=False),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", ID, primary_key=True),
    Column("story_id", ID, nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("claims", JSON, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("statuses", JSON, nullable=False),
)
Index("ix_clusters_story", clusters.c.story_id)

cluster_claims = Table(
    "cluster_claims",
    metadata,
    Column("cluster_id", ID, primary_key=True),
    Column("document_id", ID, primary_key=True),
    Column("claim_id", ID, primary_key=True),
)
Index("ix_cluster_claims_claim", cluster_claims.c.document_id, cluster_claims.c.claim_id)

claim_entities = Table(  # claims by (innermost source) or about (content mentions) a global entity
    "claim_entities",
    metadata,
    Column("global_id", ID, primary_key=True),
    Column("relation", String(8), primary_key=True),  # by|about
    Column("document_id", ID, primary_key=True),
    Column("claim_id", ID, primary_key=True),
)

CORPUS = (sources, claims, entities, mentions, claim_mentions, events, event_entities, times, relations)
DERIVED = (
    global_entities,
    entity_aliases,
    entity_members,
    stories,
    story_documents,
    story_origins,
    origins,
    conflicts,
    clusters,
    cluster_claims,
    claim_entities,
)
