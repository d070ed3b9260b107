"""What resolving a corpus finds: entities across documents, stories, origins, independent sources.

``resolve_corpus(documents, judgements)`` (in ``claimgraph.resolve``) takes the claimgraph/1
documents of a corpus and the users' judgements and returns a :class:`Resolution`. Resolution is
derived state: the same documents and judgements always give the same resolution, with the same
ids, whatever their order, so the store may recompute it at any time and SQLite and PostgreSQL
give the same answers. Every item points back at the documents (and spans) it rests on.

Ids: global entities ``g_`` + hash of type and folded canonical name; stories ``st_`` + hash of
the id of the story's first document; claim clusters ``k_`` + hash of their first claim's
qualified id. A qualified id is ``document id/item id`` (``d_1a2b…/c_3c4d…``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def qualified(document_id: str, item_id: str) -> str:
    """Return the corpus-wide id of an item of one document: ``document_id/item_id``."""
    return f"{document_id}/{item_id}"


@dataclass
class Judgement:
    """A user's correction of entity resolution, kept across re-ingesting.

    ``kind`` is ``merge`` (``a`` and ``b`` are one entity) or ``split`` (``a`` and ``b`` are not
    the same entity: the names must never be merged). ``a`` and ``b`` are names as written
    ("Nicolás Maduro", "Maduro Moros") or global entity ids; names survive re-resolution, ids of
    merged clusters may not.
    """

    kind: str  # merge|split
    a: str
    b: str
    note: str | None = None


@dataclass
class RoleSpell:
    """A role of a global entity as one document states it, dated by the document."""

    title: str
    of: str | None  # global entity id of the organisation or country, or None
    of_name: str | None  # its name, for display
    modifiers: list[str]
    document: str  # document id
    date: str | None  # the document's publication date (YYYY-MM-DD), or None
    text: str  # the span as written


@dataclass
class GlobalEntity:
    """One real-world referent across the corpus: the document entities merged into it."""

    id: str
    name: str  # canonical name: the most complete form seen ("Nicolás Maduro")
    type: str  # person|organization|outlet|place|group|other (one type for every member)
    aliases: list[str]  # every distinct name form seen, canonical first
    members: list[str]  # qualified ids of the document entities merged here
    documents: list[str]  # ids of the documents that mention it
    roles: list[RoleSpell] = field(default_factory=list)  # by date
    ages: list[dict[str, Any]] = field(default_factory=list)  # {age, document, date}


@dataclass
class Origin:
    """Where one document's reporting comes from.

    ``kind``: ``wire`` (a wire service's own copy: "(Reuters) -" dateline, the publisher is a wire),
    ``credited`` (a re-report that names its origin: "according to Reuters", "told Reuters"),
    ``copy`` (a near-duplicate of an earlier document, with no credit), ``original`` (the outlet's
    own reporting). ``name`` is the origin's name (the wire or outlet: "Reuters"); ``via`` the
    document it copies or re-reports when it is in the corpus; ``evidence`` the spans or the
    similarity that show it: ``{text, start, end}`` or ``{similarity, document}``.
    """

    document: str
    kind: str  # wire|credited|copy|original
    name: str
    via: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class IndependentSource:
    """One independent origin of a story or claim cluster, with the reports that rest on it."""

    name: str  # "Reuters", "The Villaserena Observer"
    kind: str  # the origin's kind: wire|credited|copy|original (of its first document)
    documents: list[str]  # the documents that rest on it
    # innermost sources it brings ("three people familiar with the talks")
    voices: list[str] = field(default_factory=list)
    new_voice: bool = False  # True when it brings a voice no other origin of the story had (a denial)


@dataclass
class Conflict:
    """Two claims of one story that cannot both hold."""

    kind: str  # denial|date|number
    claims: list[str]  # qualified claim ids, the first the claim disputed
    # one line for people ("'as early as September' (2025-09) against 'in October' (2025-10)")
    explanation: str
    values: list[str] = field(default_factory=list)  # the disputed values, when dates or numbers


@dataclass
class ClaimCluster:
    """Claims of one story, in any document, that say the same thing."""

    id: str
    story: str
    claims: list[str]  # qualified claim ids, in publication order
    text: str  # the content of its first claim, for display
    reports: int  # documents that carry it
    independent_sources: int
    statuses: dict[str, int] = field(default_factory=dict)  # status -> number of claims


@dataclass
class Story:
    """Documents reporting the same news."""

    id: str
    title: str  # the first document's title, or its first line
    documents: list[str]  # document ids, by publication date then id
    first_reported: str | None  # the earliest publication date (ISO)
    reports: int  # number of documents
    independent_sources: int
    origins: list[IndependentSource] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    clusters: list[ClaimCluster] = field(default_factory=list)
    # why documents were grouped: {a, b, reason, score}
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Resolution:
    """Everything resolved across a corpus."""

    entities: list[GlobalEntity]
    stories: list[Story]
    origins: list[Origin]  # one per document
    members: dict[str, str] = field(default_factory=dict)  # qualified document-entity id -> global entity id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
