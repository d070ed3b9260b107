"""Accent-insensitive text: one definition shared by analysis, resolution and the store."""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """Return ``text`` decomposed (NFKD) without its combining marks: "Nicolás" -> "Nicolas"."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))
