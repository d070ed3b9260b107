"""The knowledge base: ingest articles into a store, then resolve the corpus across documents.

Ingesting is idempotent and resumable: every document is committed on its own, a document
already stored with the same content is skipped before analysis (its id hashes its canonical URL,
or its text when it has none), and a bad input becomes a failure record with its one-line reason
while the others go on. Resolution (entities across documents, stories, origins, independent
sources, conflicts) is derived from the stored documents and the users' judgements and is
recomputed at the end of every ingest, so an ingest killed halfway is completed by running it
again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DataError, IntegrityError

from claimgraph import contract
from claimgraph.ids import document_id
from claimgraph.ingest.document import Document, Rejection

if TYPE_CHECKING:
    from claimgraph.analyze.run import Analyzer
    from claimgraph.resolve.model import Resolution
    from claimgraph.store import Store

#: outcomes of one input: added, updated, unchanged (already stored), failed
OUTCOMES = ("added", "updated", "unchanged", "failed")


@dataclass
class IngestSummary:
    """What one ingest did, input by input counted."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    documents: int = 0  # documents in the store afterwards
    stories: int = 0
    resolved: bool = False  # the saved stories are of everything stored now

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "failures": [{"item": i, "reason": r} for i, r in self.failures],
            "documents": self.documents,
            "stories": self.stories,
            "resolved": self.resolved,
        }


#: called once per input with (item, outcome, reason or None)
Progress = Callable[[str, str, str | None], None]


def _analyse_batch(analyzer: Analyzer, batch: list[Document]) -> Iterator[tuple[Document, dict | str]]:
    """Yield (document, claimgraph/1 dict or failure reason); one failing document spares the others."""
    try:
        results: list[dict[str, Any] | str] = list(analyzer.run(batch))
    except Exception:  # noqa: BLE001 - retried one by one below to find the culprit
        results = []
        for document in batch:
            try:
                results.append(analyzer.run([document])[0])
            except Exception as exc:  # noqa: BLE001 - a bad document is a failure record, not a crash
                results.append(f"analysis failed: {type(exc).__name__}: {exc}".splitlines()[0])
    for document, result in zip(batch, results, strict=True):
        if isinstance(result, dict):
            found = contract.problems(result)
            if found:
                result = f"analysis gave invalid claimgraph/1 output: {found[0]}"
        yield document, result


def ingest(
    items: Iterable[Document | Rejection],
    store: Store,
    analyzer: Analyzer,
    *,
    progress: Progress | None = None,
    batch_size: int = 8,
    resolve: bool = True,
) -> IngestSummary:
    """Analyse and store ``items``; record each Rejection and failure; resolve the corpus at the end."""
    summary = IngestSummary()

    def done(item: str, outcome: str, reason: str | None = None) -> None:
        summary.count(outcome)
        if outcome == "failed":
            summary.failures.append((item, reason or "unknown error"))
            store.add_failure(item, reason or "unknown error")
        if progress:
            progress(item, outcome, reason)

    def flush(batch: list[Document]) -> None:
        analyzer.nlp  # noqa: B018 - load the model first: a missing model stops the ingest, not one document
        for document, result in _analyse_batch(analyzer, batch):
            if isinstance(result, str):
                done(document.origin, "failed", result)
                continue
            try:
                outcome = store.add_document(result, item=document.origin)
            except (DataError, IntegrityError) as exc:  # this document's transaction is rolled back
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                done(document.origin, "failed", f"could not be stored: {reason}")
                continue
            done(document.origin, outcome)
        batch.clear()

    batch: list[Document] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        if isinstance(item, Rejection):
            done(item.origin, "failed", item.reason)
            continue
        prepared = analyzer.prepare(item)
        if isinstance(prepared, Rejection):
            done(prepared.origin, "failed", prepared.reason)
            continue
        key = (document_id(prepared.url, prepared.text), store.content_hash(prepared.text))
        if key in seen or store.has_document(*key):
            done(prepared.origin, "unchanged")
            continue
        seen.add(key)
        batch.append(prepared)
        if len(batch) >= batch_size:
            flush(batch)
    if batch:
        flush(batch)
    if resolve:
        refresh(store)
    summary.resolved = resolve or is_resolved(store)
    summary.stories = store.count_stories()
    summary.documents = store.count_documents()
    return summary


def resolve_store(store: Store) -> Resolution:
    """Recompute the resolution of everything stored, with the users' judgements, and save it."""
    from claimgraph.resolve import resolve_corpus

    fingerprint = store.corpus_fingerprint()  # before reading: a document stored meanwhile makes it stale
    resolution = resolve_corpus(list(store.documents()), store.judgements())
    store.save_resolution(resolution, fingerprint)
    return resolution


def is_resolved(store: Store) -> bool:
    """Whether the saved resolution was computed from exactly what is stored now."""
    return store.resolved_fingerprint() == store.corpus_fingerprint()


def refresh(store: Store) -> bool:
    """Resolve the corpus again unless the saved resolution is already of it; True when it did.

    An ingest that stored nothing new skips the work; one that follows an interrupted ingest, or
    an ingest run without resolving, does it."""
    if is_resolved(store):
        return False
    resolve_store(store)
    return True
