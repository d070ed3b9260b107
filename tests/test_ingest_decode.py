"""Decoding bytes into text: encoding fallbacks, newlines, binary detection, sniffing."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest import Document, read_inputs
from claimgraph.ingest.decode import binary_kind, declared_charset, decode, sniff

PROSE = "Café “Nuñez” reopened – the owner said it cost €2,000."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-32"])
def test_ingest_decode_encodings_are_decoded_not_rejected(encoding):
    assert decode(PROSE.encode(encoding)) == PROSE


def test_ingest_decode_latin1_text_is_decoded():
    text = "Año de la señal: ¿qué pasó? «Nada», dijo él. ±½"
    assert decode(text.encode("latin-1")) == text


def test_ingest_decode_bytes_cp1252_leaves_undefined_fall_back_to_latin1():
    # 0x81 is undefined in cp1252: it is read as U+0081 (a control, dropped), the rest stays cp1252
    words = b"The mayor spoke at length about the budget. " * 4
    assert decode(words + b"\x93quoted\x94 caf\xe9 \x81") == words.decode() + "“quoted” café "


def test_ingest_decode_utf8_wins_over_cp1252():
    assert decode("naïve".encode()) == "naïve"


@pytest.mark.parametrize("raw", [b"one\r\ntwo\rthree\n", b"one\ntwo\nthree\n"])
def test_ingest_decode_newlines_become_lf(raw):
    assert decode(raw) == "one\ntwo\nthree\n"


def test_ingest_decode_text_is_nfc_normalised():
    decomposed = unicodedata.normalize("NFD", "Mérida")
    assert decode(decomposed.encode()) == "Mérida"


def test_ingest_decode_a_few_stray_control_bytes_are_tolerated_and_dropped():
    text = "An article. " * 20
    assert decode((text + "\x1a").encode()) == text
    assert decode((text + "\x00").encode("utf-16")) == text  # a NUL character, not a NUL byte


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-1.4", "PDF document"),
        (b"\x1f\x8b\x08", "gzip archive"),
        (b"PK\x03\x04", "zip archive or office document"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4 or QuickTime media"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8", "RIFF WEBP media"),
    ],
)
def test_ingest_decode_binary_formats_are_named(head, kind):
    assert binary_kind(head + b"rest of the file").startswith(f"binary file ({kind})")
    with pytest.raises(InputError, match="binary file"):
        decode(head + b"rest of the file")


def test_ingest_decode_bad_utf16_after_a_bom_is_refused():
    with pytest.raises(InputError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


def test_ingest_decode_declared_charset_is_used_when_not_utf8():
    page = '<html><head><meta charset="shift_jis"></head><body><p>東京の会議</p></body></html>'
    data = page.encode("shift_jis")
    assert declared_charset(data) == "shift_jis"
    assert "東京の会議" in decode(data, declared=declared_charset(data))


def test_ingest_decode_unknown_declared_charset_is_ignored():
    assert declared_charset(b'<meta charset="no-such-codec">') is None
    assert declared_charset(b"plain text") is None


def test_ingest_decode_cp1252_file_is_read_end_to_end(tmp_path):
    (tmp_path / "old.txt").write_bytes(PROSE.replace(" ", "\r\n", 1).encode("cp1252"))
    [doc] = read_inputs([str(tmp_path / "old.txt")])
    assert isinstance(doc, Document) and doc.text == PROSE.replace(" ", "\n", 1)


def test_ingest_decode_cp1252_html_without_charset_is_read(tmp_path):
    page = (
        "<html><body><article><p>El alcalde dijo que la obra costó más de lo previsto, "
        "según el informe municipal publicado el lunes.</p></article></body></html>"
    )
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    [doc] = read_inputs([str(tmp_path / "page.html")])
    assert isinstance(doc, Document) and "costó más" in doc.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"text": "x"}', "json"),
        ('  [{"text": "x"}]  ', "json"),
        ('{"text": "x"}\n{"text": "y"}', "jsonl"),
        ('{"text": "x"}\n{broken', "jsonl"),
        ('{"text": "x", }', "json"),
        ("<!doctype html><html><body><p>x</p></body></html>", "html"),
        ("<p>A fragment</p>", "html"),
        ("<3 hearts", "text"),
        ("[Updated] The council met.", "text"),
        ("Just words.", "text"),
    ],
)
def test_ingest_decode_sniff(text, kind):
    assert sniff(text) == kind
