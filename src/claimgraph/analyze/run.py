"""Analyse documents in batches: clean, run the pipeline with ``nlp.pipe``, emit claimgraph/1."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language

from claimgraph.analyze.language import guess_language
from claimgraph.analyze.pipeline import load_pipeline
from claimgraph.contract.serialize import to_contract
from claimgraph.errors import InputError
from claimgraph.ingest.document import Document, Rejection

#: languages with a full pipeline; others get entities and times only, marked partial
FULL_LANGUAGES = frozenset({"en"})
#: components that need the language's own grammar (skipped for partial analyses)
GRAMMAR_COMPONENTS = ("claimgraph_attribution", "claimgraph_events", "claimgraph_relations")


class Analyzer:
    """Hold one loaded pipeline and analyse documents with it, batch after batch."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        clean: bool = True,
        batch_size: int = 32,
        model_name: str | None = None,
    ) -> None:
        self._nlp = nlp
        self._model_name = model_name  # the spaCy model to load on first use (None: the default)
        self.clean = clean
        self.batch_size = batch_size
        self._removed: dict[str, list[dict[str, str]]] = {}

    @property
    def nlp(self) -> Language:
        """The pipeline, loaded on first use (preparing documents does not need it)."""
        if self._nlp is None:
            self._nlp = load_pipeline(self._model_name) if self._model_name else load_pipeline()
        return self._nlp

    @property
    def model(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"

    def prepare(self, document: Document) -> Document | Rejection:
        """Return the document with its boilerplate removed and its language set, ready to run."""
        removed: list[dict[str, str]] = []
        text = document.text
        if self.clean:
            from claimgraph.analyze.boilerplate import boilerplate_lines, clean_text

            removed = [{"text": text[s:e], "reason": r} for s, e, r in boilerplate_lines(text)]
            text = clean_text(text)
        if not text.strip():
            return Rejection(document.origin, "no article text left after removing boilerplate")
        self._removed[document.origin] = removed
        language = document.language or guess_language(text) or "en"
        return replace(document, text=text, language=language.split("-")[0].lower())

    def run(self, batch: list[Document]) -> list[dict[str, Any]]:
        """Analyse one batch of prepared documents, full-pipeline languages and others apart, order kept."""
        results: dict[int, dict[str, Any]] = {}
        full = [(i, d) for i, d in enumerate(batch) if d.language in FULL_LANGUAGES]
        part = [(i, d) for i, d in enumerate(batch) if d.language not in FULL_LANGUAGES]
        for group, disable in ((full, ()), (part, GRAMMAR_COMPONENTS)):
            if not group:
                continue
            docs = []
            for _, document in group:
                doc = self.nlp.make_doc(document.text)
                doc._.cg_document = document
                docs.append(doc)
            names = [n for n in self.nlp.pipe_names if n not in disable]
            with self.nlp.select_pipes(disable=list(disable)):
                for (i, _), doc in zip(group, self.nlp.pipe(docs, batch_size=self.batch_size), strict=True):
                    removed = self._removed.pop(doc._.cg_document.origin, [])
                    results[i] = to_contract(
                        doc, components=names, model=self.model, partial=bool(disable), removed=removed
                    )
        return [results[i] for i in range(len(batch))]

    def results(
        self, items: Iterable[Document | Rejection]
    ) -> Iterator[tuple[str, dict[str, Any] | Rejection]]:
        """Yield (input origin, claimgraph/1 dict or Rejection) per item, in input order."""
        pending: list[Document | Rejection] = []

        def flush() -> Iterator[tuple[str, dict[str, Any] | Rejection]]:
            done = iter(self.run([p for p in pending if isinstance(p, Document)]))
            for p in pending:
                yield p.origin, next(done) if isinstance(p, Document) else p
            pending.clear()

        for item in items:
            pending.append(self.prepare(item) if isinstance(item, Document) else item)
            if sum(isinstance(p, Document) for p in pending) >= self.batch_size:
                yield from flush()
        yield from flush()

    def analyze(self, items: Iterable[Document | Rejection]) -> Iterator[dict[str, Any] | Rejection]:
        """Yield a claimgraph/1 dict per document and pass rejections through, in input order."""
        for _, result in self.results(items):
            yield result


def analyze_documents(
    documents: Iterable[Document], *, nlp: Language | None = None, clean: bool = True, batch_size: int = 32
) -> Iterator[dict[str, Any]]:
    """Yield one claimgraph/1 dict per document; raise InputError for a document with no text."""
    for result in Analyzer(nlp, clean=clean, batch_size=batch_size).analyze(documents):
        if isinstance(result, Rejection):
            raise InputError(str(result))
        yield result
