"""Declare what ingestion hands to analysis: a :class:`Document` or a :class:`Rejection`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article as read from an input, before analysis.

    ``text`` is the article's main text as read (HTML already reduced to its
    main text); boilerplate lines are removed later, by analysis, and the
    cleaned text is what the claimgraph/1 output returns and indexes.
    ``published`` is ISO 8601 (a date or a date-time) or None.
    ``origin`` names the input for messages: a path, ``-`` for stdin, or
    ``path:LINE`` for one line of a JSON Lines file.
    """

    text: str
    origin: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    author: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def with_overrides(self, **overrides: str | None) -> Document:
        """Return a copy with every non-None override applied (CLI ``--outlet`` etc.)."""
        given: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given) if given else self


@dataclass(frozen=True)
class Rejection:
    """One input that yields no document, with a one-line reason."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
