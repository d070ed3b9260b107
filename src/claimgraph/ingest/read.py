"""Read articles from files, folders and standard input, one Document or Rejection each.

The kind of a file comes from its extension (``.txt``, ``.html``/``.htm``, ``.json``,
``.jsonl``); a file with another extension, and standard input (``-``), are sniffed from
their content (see :func:`claimgraph.ingest.decode.sniff`). Folders are searched
recursively in sorted order, skipping hidden files and folders and files with other
extensions. Every problem with one input is yielded as a Rejection and reading goes on.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from claimgraph.errors import InputError
from claimgraph.ingest.decode import declared_charset, decode, sniff
from claimgraph.ingest.document import Document, Rejection
from claimgraph.ingest.htmltext import read_page
from claimgraph.ingest.records import read_json, read_jsonl

#: file extension -> kind of input
KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
NO_ARTICLES = "no articles (.txt, .html, .json, .jsonl) found"
MISSING = "no such file or directory"
UNLISTABLE = "permission denied: cannot list the folder (check its permissions)"


def read_inputs(
    paths: Iterable[str | os.PathLike[str]], *, stdin: BinaryIO | None = None
) -> Iterator[Document | Rejection]:
    """Yield a Document or a Rejection for every article in ``paths``, in order.

    ``-`` reads ``stdin`` (standard input when None). Nothing is raised or printed for a
    bad input: it becomes a Rejection with a one-line reason and the next input is read.
    """
    for item in paths:
        given = os.fspath(item)
        if given == "-":
            yield from _read_stdin(stdin)
        else:
            yield from _read_path(given)


def parse(data: bytes, origin: str, kind: str | None = None) -> Iterator[Document | Rejection]:
    """Yield the article(s) in ``data``; ``kind`` is text, html, json, jsonl or None to sniff."""
    declared = declared_charset(data) if kind in ("html", None) else None
    try:
        text = decode(data, declared=declared)
    except InputError as exc:
        yield Rejection(origin, str(exc))
        return
    if not text.strip():
        what = "empty input" if origin == "-" else "empty file"
        yield Rejection(origin, f"{what}: there is no text to analyse")
        return
    kind = kind or sniff(text)
    if kind == "json":
        yield from read_json(text, origin)
    elif kind == "jsonl":
        yield from read_jsonl(text, origin)
    elif kind == "html":
        try:
            page = read_page(text)
        except InputError as exc:
            yield Rejection(origin, str(exc))
            return
        yield Document(
            text=page.text,
            origin=origin,
            url=page.url,
            outlet=page.outlet,
            published=page.published,
            title=page.title,
            language=page.language,
            author=page.author,
        )
    else:
        yield Document(text=text, origin=origin)


def _read_stdin(stdin: BinaryIO | None) -> Iterator[Document | Rejection]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except (OSError, ValueError) as exc:  # ValueError: the stream is closed
        yield Rejection("-", f"cannot read standard input: {exc}")
        return
    if isinstance(data, str):  # a text stream was passed; be lenient
        data = data.encode("utf-8")
    yield from parse(data, "-")


def _os_reason(exc: OSError, doing: str) -> str:
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return MISSING
    if isinstance(exc, PermissionError):
        return f"permission denied: cannot {doing} (check its permissions)"
    return f"cannot {doing}: {exc.strerror or exc}"


def _read_path(given: str) -> Iterator[Document | Rejection]:
    try:
        mode = os.stat(given).st_mode
    except OSError as exc:
        yield Rejection(given, _os_reason(exc, "look at it"))
        return
    except ValueError:  # an embedded NUL byte in the name
        yield Rejection(given, "not a valid path")
        return
    if stat.S_ISDIR(mode):
        yield from _read_folder(given)
    elif stat.S_ISREG(mode):
        yield from _read_file(given, KINDS.get(os.path.splitext(given)[1].lower()))
    else:
        yield Rejection(given, "not a regular file or folder: give a file, a folder or -")


def _read_file(path: str, kind: str | None) -> Iterator[Document | Rejection]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield Rejection(path, _os_reason(exc, "read the file"))
        return
    yield from parse(data, path, kind)


def _sort_key(root: str, path: str) -> tuple[str, ...]:
    return tuple(os.path.relpath(path, root).split(os.sep))


def _read_folder(root: str) -> Iterator[Document | Rejection]:
    """Yield the articles of every known file under ``root``, sorted by path."""
    found: list[str] = []
    unreadable: list[str] = []

    def note(exc: OSError) -> None:
        unreadable.append(exc.filename if isinstance(exc.filename, str) else root)

    for folder, subfolders, files in os.walk(root, onerror=note):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in files:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in KINDS:
                found.append(os.path.join(folder, name))
    if not found and not unreadable:
        yield Rejection(root, NO_ARTICLES)
        return
    entries = [(path, False) for path in found] + [(path, True) for path in unreadable]
    for path, is_unreadable in sorted(entries, key=lambda e: _sort_key(root, e[0])):
        if is_unreadable:
            yield Rejection(path, UNLISTABLE)
        else:
            yield from _read_file(path, KINDS[os.path.splitext(path)[1].lower()])
