"""Text helpers of the store: folding for name look-up, tokens for full-text search, snippets."""

from __future__ import annotations

import hashlib
import re

from claimgraph.accents import strip_accents

WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Return ``text`` without accents, case-folded, whitespace collapsed.

    "Nicolás  MADURO" -> "nicolas maduro".
    """
    return " ".join(strip_accents(text).casefold().split())


def tokens(text: str) -> list[str]:
    """Return the folded words of ``text``: what full-text search indexes and matches, on both backends."""
    return WORD.findall(fold(text))


def search_text(text: str | None) -> str:
    """Return what the full-text index holds of a title or text: its tokens as " a  b  c ".

    Every token has a space on each side, so the number of occurrences of a word ``w`` is
    ``(length(s) - length(replace(s, ' w ', ''))) / length(' w ')`` in SQL, on any backend.
    """
    found = tokens(text or "")
    return "".join(f" {token} " for token in found)


def content_hash(text: str) -> str:
    """Return the hash of ``text`` with its whitespace normalised (sha256, hex)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


def _fold_char(c: str) -> str:
    folded = fold(c) if not c.isspace() else " "
    return folded if len(folded) == 1 else c.lower()


def snippet(text: str, words: list[str], width: int = 160) -> str:
    """Return about ``width`` characters of ``text`` around the first of ``words`` (folded tokens)."""
    folded = "".join(_fold_char(c) for c in text)  # one character per character of text
    first = None
    for match in WORD.finditer(folded):
        if match.group() in words:
            first = match.start()
            break
    if first is None:
        first = 0
    start = max(0, first - width // 3)
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first - space < width // 2 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")
