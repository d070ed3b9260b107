"""Initial schema: documents and their items, failures, judgements, resolution tables, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "claim_entities claim_mentions claims cluster_claims clusters conflicts documents entities "
    "entity_aliases entity_members event_entities events failures global_entities judgements mentions "
    "origins relations sources stories story_documents story_origins times"
).split()

# SQLite: an FTS5 index over documents.search_title and search_text (folded tokens), kept in step
# by triggers and joined to documents by id (not by rowid: a table's implicit rowid may change on
# VACUUM).
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE documents_fts USING "
    "fts5(document_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(document_id, title, body) "
    "VALUES (new.id, new.search_title, new.search_text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF search_title, search_text ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; "
    "INSERT INTO documents_fts(document_id, title, body) "
    "VALUES (new.id, new.search_title, new.search_text); END",
]

# PostgreSQL: a generated tsvector column ('simple' configuration: no stemming, any language) with
# a GIN index.
POSTGRES_FTS = [
    "ALTER TABLE documents ADD COLUMN search_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_title || ' ' || search_text)) STORED",
    "CREATE INDEX ix_documents_search_tsv ON documents USING gin (search_tsv)",
]


def upgrade() -> None:
    op.create_table(
        "claim_entities",
        sa.Column("global_id", sa.String(length=64), primary_key=True),
        sa.Column("relation", sa.String(length=8), primary_key=True),
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("claim_id", sa.String(length=64), primary_key=True),
    )
    op.create_table(
        "claim_mentions",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("claim_id", sa.String(length=64), primary_key=True),
        sa.Column("entity_id", sa.String(length=64), primary_key=True),
    )
    op.create_index("ix_claim_mentions_entity", "claim_mentions", ["document_id", "entity_id"])
    op.create_table(
        "claims",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("source_kind", sa.String(length=16), nullable=False),
        sa.Column("chain", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.String(length=64)),
        sa.Column("hedges", sa.JSON(), nullable=False),
    )
    op.create_index("ix_claims_source_kind", "claims", ["source_kind"])
    op.create_index("ix_claims_status", "claims", ["status"])
    op.create_table(
        "cluster_claims",
        sa.Column("cluster_id", sa.String(length=64), primary_key=True),
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("claim_id", sa.String(length=64), primary_key=True),
    )
    op.create_index("ix_cluster_claims_claim", "cluster_claims", ["document_id", "claim_id"])
    op.create_table(
        "clusters",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("story_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("claims", sa.JSON(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("statuses", sa.JSON(), nullable=False),
    )
    op.create_index("ix_clusters_story", "clusters", ["story_id"])
    op.create_table(
        "conflicts",
        sa.Column("story_id", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("claims", sa.JSON(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("canonical_url", sa.Text()),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("outlet", sa.Text()),
        sa.Column("published", sa.String(length=40)),
        sa.Column("published_key", sa.String(length=40), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("language", sa.String(length=16)),
        sa.Column("author", sa.Text()),
        sa.Column("partial", sa.Boolean(), nullable=False),
        sa.Column("ingested_at", sa.String(length=40), nullable=False),
        sa.Column("search_title", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("contract", sa.JSON(), nullable=False),
    )
    op.create_index("ix_documents_canonical_url", "documents", ["canonical_url"])
    op.create_index("ix_documents_published_key", "documents", ["published_key"])
    op.create_table(
        "entities",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("age", sa.Integer()),
        sa.Column("roles", sa.JSON(), nullable=False),
    )
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.String(length=64), primary_key=True),
        sa.Column("alias", sa.Text(), primary_key=True),
        sa.Column("folded", sa.Text(), nullable=False),
    )
    op.create_index("ix_entity_aliases_folded", "entity_aliases", ["folded"])
    op.create_table(
        "entity_members",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("entity_id", sa.String(length=64), primary_key=True),
        sa.Column("global_id", sa.String(length=64), nullable=False),
    )
    op.create_index("ix_entity_members_global", "entity_members", ["global_id"])
    op.create_table(
        "event_entities",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("event_id", sa.String(length=64), primary_key=True),
        sa.Column("entity_id", sa.String(length=64), primary_key=True),
        sa.Column("role", sa.String(length=16), primary_key=True),
    )
    op.create_index("ix_event_entities_entity", "event_entities", ["document_id", "entity_id"])
    op.create_table(
        "events",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("where", sa.JSON(), nullable=False),
        sa.Column("time_id", sa.String(length=64)),
        sa.Column("claim_id", sa.String(length=64)),
        sa.Column("cameo", sa.String(length=8)),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("same_as", sa.String(length=64)),
    )
    op.create_table(
        "failures",
        sa.Column("item", sa.Text(), primary_key=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
    )
    op.create_table(
        "global_entities",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("n_documents", sa.Integer(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("ages", sa.JSON(), nullable=False),
    )
    op.create_table(
        "judgements",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("a", sa.Text(), nullable=False),
        sa.Column("b", sa.Text(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("at", sa.String(length=40), nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("entity_id", sa.String(length=64), primary_key=True),
        sa.Column("start", sa.Integer(), primary_key=True),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_table(
        "origins",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("via", sa.String(length=64)),
        sa.Column("evidence", sa.JSON(), nullable=False),
    )
    op.create_table(
        "relations",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("object", sa.String(length=64), nullable=False),
        sa.Column("claim_id", sa.String(length=64)),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("modifiers", sa.JSON(), nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.String(length=64)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer()),
        sa.Column("end", sa.Integer()),
        sa.Column("count", sa.Integer()),
    )
    op.create_index("ix_sources_kind", "sources", ["kind"])
    op.create_table(
        "stories",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("first_reported", sa.String(length=40)),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
    )
    op.create_table(
        "story_documents",
        sa.Column("story_id", sa.String(length=64), primary_key=True),
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_story_documents_document", "story_documents", ["document_id"])
    op.create_table(
        "story_origins",
        sa.Column("story_id", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("voices", sa.JSON(), nullable=False),
        sa.Column("new_voice", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "times",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=40)),
        sa.Column("granularity", sa.String(length=16)),
        sa.Column("type", sa.String(length=16)),
        sa.Column("timex_type", sa.String(length=16)),
        sa.Column("mod", sa.String(length=16)),
    )
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in TABLES:
        op.drop_table(table)
