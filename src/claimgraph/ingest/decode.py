"""Turn an input's bytes into text, refusing binary files, and sniff what kind of text it is.

Decoding tries UTF-8 first (a byte-order mark is honoured and dropped, including the
UTF-16 and UTF-32 ones that Windows editors write), then cp1252, with latin-1 for the
five bytes cp1252 leaves undefined. Every byte sequence decodes under that last step,
so binary input is recognised separately: by its magic number (PNG, gzip, PDF...), by
NUL bytes, or by a share of control characters that no real text has.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata

from claimgraph.errors import InputError

#: (leading bytes, what they are, what to do instead)
MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image", ""),
    (b"\xff\xd8\xff", "JPEG image", ""),
    (b"GIF87a", "GIF image", ""),
    (b"GIF89a", "GIF image", ""),
    (b"II*\x00", "TIFF image", ""),
    (b"MM\x00*", "TIFF image", ""),
    (b"%PDF-", "PDF document", "extract its text first (e.g. with pdftotext)"),
    (b"\x1f\x8b", "gzip archive", "decompress it first"),
    (b"PK\x03\x04", "zip archive or office document", "unpack it or save the article as text"),
    (b"BZh", "bzip2 archive", "decompress it first"),
    (b"\xfd7zXZ\x00", "xz archive", "decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive", "unpack it first"),
    (b"\x28\xb5\x2f\xfd", "zstd archive", "decompress it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy office document", "save the article as text"),
    (b"SQLite format 3\x00", "SQLite database", ""),
    (b"\x7fELF", "executable", ""),
    (b"OggS", "Ogg media file", ""),
    (b"ID3", "MP3 audio", ""),
    (b"wOFF", "web font", ""),
    (b"wOF2", "web font", ""),
)

#: byte-order marks, longest first (the UTF-32 LE mark starts like the UTF-16 LE one)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Control characters (C0 and C1) other than tab, newlines, vertical tab and form feed.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Share of disallowed control characters above which decoded text is taken for binary.
#: Real articles have none; random bytes have about 13% (32 C0 + 32 C1 of 256 byte values).
#: 1% tolerates a few stray bytes (a DOS end-of-file mark, a pasted form feed) in real text.
#: Re-run tests/test_ingest_decode.py when changing it.
BINARY_SHARE = 0.01

HINT = "give the article as .txt, .html, .json or .jsonl text"
_SURROGATE = re.compile("[\udc80-\udcff]")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(
    rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|title|meta|span|br|"
    r"table|ul|ol|li|a|img|figure|script|style|header|footer|nav)\b",
    re.IGNORECASE,
)


def binary_kind(data: bytes) -> str | None:
    """Return a reason naming the binary format of ``data``, or None if it may be text."""
    for magic, kind, todo in MAGIC:
        if data.startswith(magic):
            return f"binary file ({kind}), not an article: {todo or HINT}"
    if data[4:8] == b"ftyp":
        return f"binary file (MP4 or QuickTime media), not an article: {HINT}"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"binary file (RIFF {data[8:12].decode().strip()} media), not an article: {HINT}"
    return None


def declared_charset(data: bytes) -> str | None:
    """Return the encoding an HTML or XML head declares, if Python knows it."""
    head = data[:4096]
    found = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if not found:
        return None
    name = found.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _control_share(text: str) -> float:
    return len(_CONTROLS.findall(text)) / len(text) if text else 0.0


def _decode_legacy(data: bytes, declared: str | None) -> str:
    """Decode bytes that are not UTF-8: the declared charset, else cp1252 with latin-1 gaps."""
    if declared and declared not in ("utf-8", "cp1252", "latin-1", "iso8859-1"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: surrogateescape keeps them
    # as lone surrogates, which are then read as latin-1 (the same code point as the byte).
    text = data.decode("cp1252", errors="surrogateescape")
    return _SURROGATE.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Return ``data`` as text with ``\\n`` newlines, NFC-normalised; raise InputError if binary.

    ``declared`` is a charset the input names for itself (an HTML ``<meta charset>``); it is
    tried only when the bytes are not valid UTF-8.
    """
    reason = binary_kind(data)
    if reason:
        raise InputError(reason)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"undecodable text: it starts with a {codec.upper()} byte-order mark but is "
                    f"not {codec.upper()}; re-save it as UTF-8"
                ) from None
            break
    else:
        if b"\x00" in data:
            raise InputError(f"binary file (it contains NUL bytes), not an article: {HINT}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_share(text) > BINARY_SHARE:
        raise InputError(f"binary file (undecodable control bytes), not an article: {HINT}")
    return unicodedata.normalize("NFC", strip_controls(text))


def strip_controls(text: str) -> str:
    """Return ``text`` without control characters other than tab and line breaks (a stray NUL
    or escape code in a feed is noise to the analysis, and PostgreSQL text cannot hold NUL)."""
    return _CONTROLS.sub("", text)


def normalize_text(text: str) -> str:
    """Return ``text`` with ``\\n`` newlines, no control characters and NFC normalisation (for
    text given in JSON)."""
    return unicodedata.normalize("NFC", strip_controls(text.replace("\r\n", "\n").replace("\r", "\n")))


def looks_like_html(text: str) -> bool:
    """Return True if ``text`` starts with ``<`` and holds at least one HTML tag."""
    stripped = text.lstrip()
    return stripped.startswith("<") and _HTML_TAG.search(stripped[:20000]) is not None


def looks_like_jsonl(text: str) -> bool:
    """Return True if ``text`` has several lines and its first line is a JSON object alone."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except (ValueError, RecursionError):
        return False


def sniff(text: str) -> str:
    """Return the kind of an input with no telling extension: json, jsonl, html or text.

    A JSON object or array is JSON; several lines, the first an object alone, are JSON Lines;
    text that starts with ``<`` and holds HTML tags is HTML; anything else is plain text.
    Text that starts like JSON and ends like JSON but does not parse is still JSON, so that
    the rejection can say where it breaks.
    """
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            json.loads(stripped)
        except (ValueError, RecursionError):
            if looks_like_jsonl(stripped):
                return "jsonl"
            if stripped[-1:] in ("}", "]"):
                return "json"
        else:
            return "json"
    if looks_like_html(stripped):
        return "html"
    return "text"
