"""Persistence of claimgraph/1 documents and their resolution, in SQLite or PostgreSQL.

``Store.open()`` opens ``claimgraph.db`` in the current directory; ``Store.open(path)`` another
SQLite file; ``Store.open("postgresql://user@host/db")`` a PostgreSQL database. Migrations run on
open.
"""

from __future__ import annotations

from claimgraph.store.store import Store, database_url
from claimgraph.store.text import content_hash, fold

__all__ = ["Store", "content_hash", "database_url", "fold"]
