"""Read articles given as JSON: one object, an array of objects, or JSON Lines.

An article object holds ``text`` (the article's text) or ``html`` (its page, reduced to
its main text like an ``.html`` file; metadata the page gives fill the fields the object
leaves out). Optional fields are ``url``, ``outlet``, ``published``, ``title``,
``language`` and ``author``, each a string or null; other string fields are kept in
``Document.extra``. ``text`` wins when both ``text`` and ``html`` are given.

Origins: a file holding one object is named by its path; an item of an array by
``path:LINE``, the line the item starts on; a line of JSON Lines by ``path:LINE``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from claimgraph.errors import InputError
from claimgraph.ingest.dates import normalize_published
from claimgraph.ingest.decode import looks_like_jsonl, normalize_text, strip_controls
from claimgraph.ingest.document import Document, Rejection
from claimgraph.ingest.htmltext import read_page

#: optional metadata fields, each a string or null
FIELDS = ("url", "outlet", "published", "title", "language", "author")
#: fields that hold the article itself
BODY = ("text", "html")

NO_BODY = (
    "article has neither 'text' nor 'html': add the article's text as \"text\" (or its page as \"html\")"
)
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _kind(value: Any) -> str:
    """Return what a JSON value is, for messages: "a number", "an array"..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"a number ({value!r})" if len(repr(value)) <= 20 else "a number"
    names: dict[type, str] = {dict: "an object", list: "an array", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _type_error(name: str, value: Any) -> str:
    hint = ' such as "2026-01-17"' if name == "published" else ""
    return f"field '{name}' must be a string{hint}, not {_kind(value)}"


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(strip_controls(value).split()) or None


def article(value: Any, origin: str) -> Document | Rejection:
    """Return the Document an article object describes, or a Rejection saying what is wrong."""
    if not isinstance(value, dict):
        return Rejection(origin, f"expected an article (a JSON object), not {_kind(value)}")
    for name in (*BODY, *FIELDS):
        if value.get(name) is not None and not isinstance(value[name], str):
            return Rejection(origin, _type_error(name, value[name]))
    meta: dict[str, str | None] = {name: _one_line(value.get(name)) for name in FIELDS}
    if meta["published"] is not None:
        try:
            meta["published"] = normalize_published(meta["published"])
        except InputError as exc:
            return Rejection(origin, f"field 'published': {exc}")
    text, html = value.get("text"), value.get("html")
    if text is not None and text.strip():
        body = normalize_text(text)
    elif html is not None and html.strip():
        try:
            page = read_page(normalize_text(html))
        except InputError as exc:
            return Rejection(origin, f"field 'html': {exc}")
        body = page.text
        for name in FIELDS:
            if meta[name] is None:
                meta[name] = getattr(page, name)
    elif text is not None or html is not None:
        empty = "text" if text is not None else "html"
        return Rejection(origin, f"field '{empty}' is empty: there is no article text to analyse")
    else:
        keys = ", ".join(repr(k) for k in list(value)[:6]) or "none"
        return Rejection(origin, f"{NO_BODY}; its fields are {keys}")
    extra = {k: v for k, v in value.items() if k not in (*FIELDS, *BODY) and isinstance(v, str)}
    return Document(text=body, origin=origin, extra=extra, **meta)


def _invalid(exc: ValueError | RecursionError, *, with_line: bool = True) -> str:
    if isinstance(exc, json.JSONDecodeError):
        where = f"line {exc.lineno}, column {exc.colno}" if with_line else f"column {exc.colno}"
        return f"invalid JSON at {where}: {exc.msg}"
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply to read"
    return f"invalid JSON: {str(exc).split(':')[0]}"


def _item_lines(text: str) -> list[int]:
    """Return the line each item of the (valid) top-level JSON array in ``text`` starts on."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    line = 1 + text.count("\n", 0, pos)
    lines: list[int] = []
    while True:
        blank = _WHITESPACE.match(text, pos)
        end = blank.end() if blank else pos
        line += text.count("\n", pos, end)
        pos = end
        if text[pos] == "]":
            return lines
        if text[pos] == ",":
            pos += 1
            continue
        lines.append(line)
        _, end = decoder.raw_decode(text, pos)
        line += text.count("\n", pos, end)
        pos = end


def read_json(text: str, origin: str) -> Iterator[Document | Rejection]:
    """Yield the article(s) of a JSON document: one object or an array of objects.

    A ``.json`` file that is really JSON Lines (one object per line) is read as such.
    """
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        several = isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data"
        if several and looks_like_jsonl(text):
            yield from read_jsonl(text, origin)
        else:
            yield Rejection(origin, _invalid(exc))
        return
    if not isinstance(value, list):
        yield article(value, origin)
        return
    if not value:
        yield Rejection(origin, "empty JSON array: it holds no articles")
        return
    for item, line in zip(value, _item_lines(text), strict=True):
        yield article(item, f"{origin}:{line}")


def read_jsonl(text: str, origin: str) -> Iterator[Document | Rejection]:
    """Yield one article (or rejection) per non-blank line of a JSON Lines document."""
    seen = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen = True
        where = f"{origin}:{number}"
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Rejection(where, _invalid(exc, with_line=False))
            continue
        yield article(value, where)
    if not seen:
        yield Rejection(origin, "empty file: no JSON Lines to read")
