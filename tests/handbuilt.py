"""Build parsed spaCy Docs by hand, so component tests need no statistical model.

The text is given as it is; its tokens are written one per line: ``text lemma POS TAG dep
head_index [IOB-LABEL]`` (``\\n`` for a line break). Head indices are absolute token indices.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimgraph.analyze import extensions  # noqa: F401
from claimgraph.ingest.document import Document

NLP = spacy.blank("en")
_VOCAB = NLP.vocab


def build(
    text: str,
    spec: str,
    *,
    outlet: str | None = "The Daily Post",
    published: str | None = None,
    starts: frozenset[int] = frozenset(),
) -> Doc:
    """Return a Doc from a token-per-line spec, with ``doc._.cg_document`` set.

    Sentences start after "." (unless a closing quotation mark follows it) and line breaks, and
    at the token indices in ``starts``."""
    rows = [line.split() for line in spec.strip().splitlines() if line.strip()]
    words = [r[0].replace("\\n", "\n") for r in rows]
    spaces, cursor = [], 0
    for word in words:
        cursor = text.index(word, cursor) + len(word)
        spaces.append(text[cursor : cursor + 1] == " ")
        cursor += spaces[-1]
    ents = [r[6] if len(r) > 6 else "O" for r in rows]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[int(r[5]) for r in rows],
        ents=ents,
        sent_starts=[
            i == 0 or i in starts or (rows[i - 1][0] in (".", "\\n") and rows[i][0] not in ("”", "’"))
            for i in range(len(rows))
        ],
    )
    assert doc.text == text, (doc.text, text)
    doc._.cg_document = Document(text=doc.text, origin="test", outlet=outlet, published=published)
    return doc


def dump(doc: Doc) -> str:
    """Return the spec of a parsed Doc (used once to write test fixtures; review by hand)."""
    lines = []
    for t in doc:
        if t.is_space and "\n" in t.text:
            text = "\\n"
        else:
            text = t.text
        ent = f" {t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else ""
        lines.append(f"{text} {t.lemma_ or t.text} {t.pos_} {t.tag_} {t.dep_} {t.head.i}{ent}")
    return "\n".join(lines)


def build_many(parts: list[tuple[str, str]], **kwargs: str | None) -> Doc:
    """Return one Doc of several sentences, each given as (text, spec), joined by spaces."""
    text = " ".join(t for t, _ in parts)
    lines: list[str] = []
    for _, spec in parts:
        base = len(lines)
        for row in (r.split() for r in spec.strip().splitlines() if r.strip()):
            row[5] = str(int(row[5]) + base)
            lines.append(" ".join(row))
    return build(text, "\n".join(lines), **kwargs)
