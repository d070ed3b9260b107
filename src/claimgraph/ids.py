"""Make deterministic ids: the same input always gets the same id."""

from __future__ import annotations

import hashlib


def digest(*parts: object, length: int = 16) -> str:
    """Return a hex digest of ``parts`` (joined unambiguously), ``length`` characters long."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:length]


def make_id(prefix: str, *parts: object) -> str:
    """Return an id like ``c_1a2b3c4d5e6f`` for an item identified by ``parts`` within its document."""
    return f"{prefix}_{digest(*parts, length=12)}"


def canonical_url(url: str) -> str:
    """Return ``url`` without scheme, "www.", fragment, tracking parameters and trailing slash."""
    from urllib.parse import parse_qsl, urlencode, urlsplit

    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")))
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")


def document_id(url: str | None, text: str) -> str:
    """Return a document's id: a hash of its canonical URL, or of its text when it has none."""
    basis = ("url", canonical_url(url)) if url else ("text", " ".join(text.split()))
    return "d_" + digest(*basis, length=16)
