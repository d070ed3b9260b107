"""Read news articles from files, folders and standard input into Documents or Rejections."""

from __future__ import annotations

from claimgraph.ingest.dates import normalize_published
from claimgraph.ingest.document import Document, Rejection
from claimgraph.ingest.read import read_inputs

__all__ = ["Document", "Rejection", "normalize_published", "read_inputs"]
