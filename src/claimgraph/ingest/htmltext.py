"""Reduce an HTML page to its main text and metadata with trafilatura.

trafilatura drops navigation, share buttons, related-link boxes and most captions; what
it keeps comes back one block (paragraph, heading, list item) per line, and each block
becomes a paragraph of the document's text, separated by one blank line like a ``.txt``
article. Metadata come from trafilatura too: the title, the author, the site name (the
outlet), the canonical or ``og:url`` link (the URL) and the date, which trafilatura
already normalises to ``YYYY-MM-DD``. The language is the page's ``<html lang>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from claimgraph.errors import InputError
from claimgraph.ingest.dates import normalize_published

#: Fewest words a page's main text must have. Link-only pages (a menu, "Home News")
#: come out of trafilatura with two or three words; a one-sentence brief has more.
MIN_WORDS = 5

NO_TEXT = (
    "no main text found in the HTML (trafilatura found no article body): check that it is an "
    "article page, or give the article's text as .txt"
)
_LANG = re.compile(
    r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    """The main text and metadata trafilatura found in one HTML page."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


def _clean(value: object) -> str | None:
    """Return a metadata value as one tidy line, or None when it is empty or not text."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _published(value: object) -> str | None:
    """Return trafilatura's date if it is a full ISO date (it always should be), else None."""
    raw = _clean(value)
    if raw is None:
        return None
    try:
        return normalize_published(raw)
    except InputError:
        return None


def page_language(html: str) -> str | None:
    """Return the language the page declares on its ``<html>`` element, e.g. ``en-US``."""
    found = _LANG.search(html[:20000])
    return found.group(1).replace("_", "-") if found else None


def read_page(html: str) -> Page:
    """Return the page's main text and metadata; raise InputError when it has no main text."""
    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False
        )
    except Exception as exc:  # noqa: BLE001  # lxml and trafilatura raise assorted errors
        raise InputError(f"unreadable HTML ({type(exc).__name__}): give the article's text as .txt") from None
    if found is None or isinstance(found, dict):
        raise InputError(NO_TEXT)
    blocks = [line.strip() for line in (found.text or "").split("\n")]
    text = "\n\n".join(block for block in blocks if block)
    if len(text.split()) < MIN_WORDS:
        raise InputError(NO_TEXT)
    return Page(
        text=text,
        title=_clean(found.title),
        published=_published(found.date),
        author=_clean(found.author),
        outlet=_clean(found.sitename),
        url=_clean(found.url),
        language=page_language(html),
    )
