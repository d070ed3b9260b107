"""Hold what the analysis components find, in the shape of the claimgraph/1 contract.

Each class here is one item kind of the contract (see ``contract/claimgraph-1.schema.json``
and ``docs/contract.md``); ``to_dict()`` gives exactly the contract's fields. Offsets are
character offsets into the document's returned (cleaned) text; ``end`` is exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class TextSpan:
    """A stretch of the document text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Mention(TextSpan):
    """One mention of an entity."""


@dataclass
class Role:
    """A title an entity holds (``of``: the entity id of the organisation or country, or None)."""

    title: str
    of: str | None
    start: int
    end: int
    text: str
    modifiers: list[str] = field(default_factory=list)


@dataclass
class Entity:
    id: str
    name: str
    type: str  # person|organization|outlet|place|group|other
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    age: int | None = None


@dataclass
class Source:
    id: str
    kind: str  # publisher|outlet|person|organization|anonymous|document|unspecified
    entity: str | None
    text: str
    start: int | None
    end: int | None
    count: int | None = None


@dataclass
class Claim:
    id: str
    content: TextSpan
    cue: TextSpan | None
    source: str
    chain: list[str]
    status: str  # asserted|reported|hedged|uncertain|denied
    event: str | None = None
    hedges: list[TextSpan] = field(default_factory=list)


@dataclass
class Event:
    id: str
    type: str
    trigger: TextSpan
    actors: list[str]
    recipients: list[str]
    where: list[str]
    when: str | None
    claim: str | None
    cameo: str | None = None  # CAMEO root code, for GDELT users
    negated: bool = False  # the text says it did not happen ("he was not arrested")
    mode: str = "actual"  # actual|conditional|possible|intended
    same_as: str | None = None  # the first event of this document that names the same happening


@dataclass
class Relation:
    """A standing relation between two entities, stated by the text and carried by a claim."""

    id: str
    type: str  # leads|holds_office|member_of|controls|allied_with|opposes|in_contact_with|family
    subject: str
    object: str
    claim: str | None
    trigger: TextSpan  # the words that state it ("oversees", "interim president", "ties")
    modifiers: list[str] = field(default_factory=list)  # of the role it comes from: former, interim...


@dataclass
class Time:
    id: str
    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None  # day|week|month|quarter|season|year|decade|century|time|duration|None
    type: str  # exact|approximate|range|unresolved
    timex_type: str = "DATE"  # TIMEX3 type: DATE|TIME|DURATION|SET
    anchor: str | None = None  # what a relative value was resolved against
    reason: str | None = None  # how the value was resolved, for people
    mod: str | None = None  # TIMEX3 mod: START|END|MID|APPROX|LESS_THAN|MORE_THAN|EQUAL_OR_LESS|...


def to_dict(item: Any) -> dict[str, Any]:
    """Return a contract item as plain JSON-ready data."""
    return asdict(item)
