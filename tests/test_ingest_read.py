"""read_inputs: every input kind, folders, standard input, and bad inputs as rejections."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

import claimgraph.ingest
import claimgraph.ingest.read as read_module
from claimgraph.ingest import Document, Rejection, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = "The council approved the budget on Tuesday, the mayor said.\n\nWork starts in May.\n"
PAGE = (
    "<!DOCTYPE html><html lang='es'><head><title>Presupuesto aprobado</title>"
    "<meta property='og:site_name' content='El Diario del Puerto'></head><body><article>"
    "<h1>Presupuesto aprobado</h1><p>El consejo aprobó el presupuesto el martes, dijo la alcaldesa.</p>"
    "<p>Las obras empezarán en mayo, según el calendario municipal.</p></article></body></html>"
)


def read(*paths: str | Path, stdin: bytes | None = None) -> list[Document | Rejection]:
    return list(read_inputs([str(p) for p in paths], stdin=io.BytesIO(stdin) if stdin is not None else None))


def one(*paths: str | Path, stdin: bytes | None = None) -> Document | Rejection:
    [item] = read(*paths, stdin=stdin)
    return item


def reason(*paths: str | Path, stdin: bytes | None = None) -> str:
    item = one(*paths, stdin=stdin)
    assert isinstance(item, Rejection), item
    assert "\n" not in item.reason
    return item.reason


def test_ingest_read_exports_its_public_names():
    assert claimgraph.ingest.__all__ == [
        "Document",
        "Rejection",
        "normalize_published",
        "read_inputs",
    ]
    for name in claimgraph.ingest.__all__:
        assert getattr(claimgraph.ingest, name) is getattr(claimgraph, name)


def test_ingest_read_txt_keeps_the_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    doc = one(tmp_path / "a.txt")
    assert doc == Document(text=ARTICLE, origin=str(tmp_path / "a.txt"))


def test_ingest_read_html_gives_main_text_and_metadata():
    doc = one(FIXTURES / "article.html")
    assert isinstance(doc, Document)
    assert doc.title == "Harbour dredging halted after court ruling"
    assert doc.outlet == "The Coastal Courier"
    assert doc.author == "Nadia Okafor"
    assert doc.published == "2026-01-17"
    assert doc.url == "https://coastal-courier.example/2026/01/17/harbour-dredging-halted"
    assert doc.language == "en-GB"
    assert "oyster beds that support about 200 families" in doc.text
    assert "Home" not in doc.text and "Oyster season opens late" not in doc.text
    # one paragraph per block, one blank line apart, like a .txt article
    assert "\n\nThe port authority said" in doc.text and "\n\n\n" not in doc.text


@pytest.mark.parametrize("suffix", [".htm", ".HTML"])
def test_ingest_read_html_suffixes(tmp_path, suffix):
    (tmp_path / f"page{suffix}").write_text(PAGE, encoding="utf-8")
    doc = one(tmp_path / f"page{suffix}")
    assert isinstance(doc, Document) and doc.outlet == "El Diario del Puerto" and doc.language == "es"


def test_ingest_read_json_object(tmp_path):
    article = {
        "text": ARTICLE,
        "url": "https://x.example/a",
        "outlet": "X",
        "published": "2026-01-17",
        "title": "Budget",
        "language": "en",
        "author": "Ana",
        "section": "Local",
        "wordcount": 12,
    }
    (tmp_path / "a.json").write_text(json.dumps(article), encoding="utf-8")
    doc = one(tmp_path / "a.json")
    assert doc == Document(
        text=ARTICLE,
        origin=str(tmp_path / "a.json"),
        url="https://x.example/a",
        outlet="X",
        published="2026-01-17",
        title="Budget",
        language="en",
        author="Ana",
        extra={"section": "Local"},
    )


def test_ingest_read_json_array_items_are_named_by_their_line(tmp_path):
    text = '[\n  {"text": "First article."},\n  {"text": "Second article."}\n]\n'
    (tmp_path / "batch.json").write_text(text, encoding="utf-8")
    docs = read(tmp_path / "batch.json")
    assert [d.origin for d in docs] == [
        f"{tmp_path / 'batch.json'}:2",
        f"{tmp_path / 'batch.json'}:3",
    ]
    assert [d.text for d in docs] == ["First article.", "Second article."]


def test_ingest_read_jsonl_lines_are_named_path_line(tmp_path):
    lines = [
        json.dumps({"text": "First."}),
        "",
        json.dumps({"html": PAGE, "outlet": "Given outlet"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = read(tmp_path / "feed.jsonl")
    assert (first.origin, first.text) == (f"{tmp_path / 'feed.jsonl'}:1", "First.")
    assert second.origin == f"{tmp_path / 'feed.jsonl'}:3"
    # the html goes through trafilatura; fields the object gives win over the page's metadata
    assert second.outlet == "Given outlet" and second.title == "Presupuesto aprobado"
    assert second.text.startswith("Presupuesto aprobado\n\nEl consejo aprobó")


def test_ingest_read_json_drops_control_characters_from_text_and_fields(tmp_path):
    record = {"text": "The dam\u0000 closed\u001b on Monday.\tIt reopened.", "title": "Dam\u0000 shut", "outlet": "\u0007Wire"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"text": "Two."}) + "\n", encoding="utf-8")
    first, _ = read(tmp_path / "feed.jsonl")
    assert (first.text, first.title, first.outlet) == ("The dam closed on Monday.\tIt reopened.", "Dam shut", "Wire")


def test_ingest_read_json_file_holding_json_lines_is_read_as_json_lines(tmp_path):
    (tmp_path / "feed.json").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    assert [d.origin.rsplit(":", 1)[1] for d in read(tmp_path / "feed.json")] == ["1", "2"]


def test_ingest_read_folder_recurses_in_sorted_order_and_skips_others(tmp_path):
    for rel in [
        "b.txt",
        "a.json",
        "sub/c.html",
        "sub/deeper/d.jsonl",
        "z.TXT",
        "notes.md",
        ".hidden.txt",
        ".git/e.txt",
        "sub/.cache/f.txt",
        "image.png",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".json"):
            path.write_text('{"text": "A json article."}', encoding="utf-8")
        elif rel.endswith(".jsonl"):
            path.write_text('{"text": "A line."}\n', encoding="utf-8")
        elif rel.endswith(".html"):
            path.write_text(PAGE, encoding="utf-8")
        else:
            path.write_text(f"Article in {rel}.", encoding="utf-8")
    origins = [item.origin for item in read(tmp_path)]
    assert origins == [
        os.path.join(tmp_path, "a.json"),
        os.path.join(tmp_path, "b.txt"),
        os.path.join(tmp_path, "sub", "c.html"),
        os.path.join(tmp_path, "sub", "deeper", "d.jsonl") + ":1",
        os.path.join(tmp_path, "z.TXT"),
    ]
    assert origins == [item.origin for item in read(tmp_path)]  # deterministic


def test_ingest_read_keeps_the_order_of_the_paths_given(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    items = read(tmp_path / "b.txt", tmp_path / "missing.txt", tmp_path / "a.txt")
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[0].origin.endswith("b.txt") and items[2].origin.endswith("a.txt")


def test_ingest_read_accepts_path_objects(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    [doc] = read_inputs([tmp_path / "a.txt"])
    assert isinstance(doc, Document)


@pytest.mark.parametrize(
    ("data", "kind", "expected"),
    [
        (b"Plain text from a pipe.\n", "text", "Plain text from a pipe.\n"),
        (b'{"text": "From JSON.", "outlet": "Pipe"}', "json", "From JSON."),
        (b'[{"text": "From an array."}]', "json", "From an array."),
        (b'{"text": "Line one."}\n{"text": "Line two."}\n', "jsonl", "Line one."),
        (
            PAGE.encode(),
            "html",
            "Presupuesto aprobado\n\nEl consejo aprobó el presupuesto el martes, dijo la alcaldesa.",
        ),
        (b"<3 is not a tag, so this is text", "text", "<3 is not a tag, so this is text"),
    ],
)
def test_ingest_read_stdin_is_sniffed(data, kind, expected):
    first = read("-", stdin=data)[0]
    assert isinstance(first, Document)
    assert first.text.startswith(expected)
    assert first.origin == ("-:1" if kind in ("jsonl",) or data.startswith(b"[") else "-")


def test_ingest_read_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "article.md").write_text('{"text": "Sniffed as JSON."}', encoding="utf-8")
    (tmp_path / "page").write_text(PAGE, encoding="utf-8")
    assert one(tmp_path / "article.md").text == "Sniffed as JSON."
    assert one(tmp_path / "page").title == "Presupuesto aprobado"


def test_ingest_read_overrides_apply_to_documents_only(tmp_path):
    (tmp_path / "a.json").write_text(
        '{"text": "T.", "outlet": "Old", "published": "2020-01-01"}', encoding="utf-8"
    )
    doc = one(tmp_path / "a.json").with_overrides(outlet="New", published="2026-01-17", url=None)
    assert (doc.outlet, doc.published, doc.url, doc.text) == ("New", "2026-01-17", None, "T.")


# -- bad inputs: each yields one Rejection with a one-line reason, and reading goes on --------


def test_ingest_read_missing_path():
    assert reason("/no/such/article.txt") == "no such file or directory"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n", "\ufeff".encode()])
def test_ingest_read_empty_file(tmp_path, content):
    (tmp_path / "empty.txt").write_bytes(content)
    assert reason(tmp_path / "empty.txt").startswith("empty file")


def test_ingest_read_empty_stdin():
    assert reason("-", stdin=b"  \n").startswith("empty input")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (gzip.compress(b"an article"), "binary file (gzip archive)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary file (PDF document)"),
        (b"text with a NUL \x00 byte", "binary file (it contains NUL bytes)"),
        (bytes(range(1, 32)) * 20, "binary file (undecodable control bytes)"),
    ],
)
def test_ingest_read_binary_file(tmp_path, content, says):
    (tmp_path / "article.txt").write_bytes(content)
    assert reason(tmp_path / "article.txt").startswith(says)


def test_ingest_read_html_without_main_text(tmp_path):
    (tmp_path / "nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<script>var story = 'not text';</script></body></html>",
        encoding="utf-8",
    )
    assert reason(tmp_path / "nav.html").startswith("no main text found in the HTML")


def test_ingest_read_malformed_but_readable_html_yields_its_text(tmp_path):
    (tmp_path / "broken.html").write_text(
        "<html><body><div><p>The bridge will reopen on Monday, engineers said after a week of repairs."
        "<p>Traffic will be limited to one lane <b>until the spring</div></body>",
        encoding="utf-8",
    )
    doc = one(tmp_path / "broken.html")
    assert isinstance(doc, Document)
    assert doc.text.startswith("The bridge will reopen on Monday")
    assert "until the spring" in doc.text


def test_ingest_read_invalid_json_says_line_and_column(tmp_path):
    (tmp_path / "bad.json").write_text('{\n  "text": "x",\n  "title": oops\n}', encoding="utf-8")
    assert reason(tmp_path / "bad.json") == "invalid JSON at line 3, column 12: Expecting value"


def test_ingest_read_invalid_jsonl_line_is_rejected_and_the_rest_read(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        '{"text": "Good."}\n{"text": "Bad",\n{"text": "Also good."}\n', encoding="utf-8"
    )
    good, bad, also = read(tmp_path / "feed.jsonl")
    assert isinstance(bad, Rejection) and bad.origin.endswith("feed.jsonl:2")
    assert bad.reason.startswith("invalid JSON at column 16:")
    assert (good.text, also.text) == ("Good.", "Also good.")


def test_ingest_read_json_article_without_text_or_html(tmp_path):
    (tmp_path / "a.json").write_text(
        '{"title": "No body", "body": "Text in the wrong field."}', encoding="utf-8"
    )
    assert reason(tmp_path / "a.json").startswith("article has neither 'text' nor 'html'")
    assert "'body'" in reason(tmp_path / "a.json")


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        (
            "published",
            20260117,
            "field 'published' must be a string such as \"2026-01-17\", not a number (20260117)",
        ),
        ("text", ["a", "b"], "field 'text' must be a string, not an array"),
        ("outlet", {"name": "X"}, "field 'outlet' must be a string, not an object"),
        ("title", True, "field 'title' must be a string, not true/false"),
    ],
)
def test_ingest_read_json_field_of_the_wrong_type(tmp_path, field, value, says):
    article = {"text": "Some text.", field: value}
    (tmp_path / "a.json").write_text(json.dumps(article), encoding="utf-8")
    assert reason(tmp_path / "a.json") == says


def test_ingest_read_json_unparseable_published_is_rejected_not_dropped(tmp_path):
    (tmp_path / "a.json").write_text('{"text": "T.", "published": "last Tuesday"}', encoding="utf-8")
    assert reason(tmp_path / "a.json").startswith("field 'published': cannot read 'last Tuesday' as a date")


def test_ingest_read_json_published_is_normalised(tmp_path):
    (tmp_path / "a.json").write_text(
        '{"text": "T.", "published": "Sat, 17 Jan 2026 10:30:00 +0000"}', encoding="utf-8"
    )
    assert one(tmp_path / "a.json").published == "2026-01-17T10:30:00+00:00"


def test_ingest_read_folder_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("Not an article type.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    assert reason(tmp_path) == "no articles (.txt, .html, .json, .jsonl) found"


def test_ingest_read_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text("Text.", encoding="utf-8")

    def denied(path, mode="r", *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(read_module, "open", denied, raising=False)
    assert (
        reason(tmp_path / "secret.txt") == "permission denied: cannot read the file (check its permissions)"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_ingest_read_unreadable_file_for_real(tmp_path):
    (tmp_path / "secret.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    assert reason(tmp_path / "secret.txt").startswith("permission denied")


def test_ingest_read_unreadable_subfolder_is_rejected_in_its_place(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Z.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].origin.endswith("locked") and items[1].reason.startswith("permission denied")


def test_ingest_read_goes_on_after_every_kind_of_bad_input(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Good article.", encoding="utf-8")
    items = read(
        tmp_path / "empty.txt",
        tmp_path / "bin.txt",
        "/nope",
        tmp_path / "bad.json",
        tmp_path / "good.txt",
    )
    assert [isinstance(i, Document) for i in items] == [False, False, False, False, True]


def test_ingest_read_prints_nothing(tmp_path, capfd):
    (tmp_path / "nav.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{\n[", encoding="utf-8")
    read(tmp_path, "/nope", FIXTURES / "article.html")
    assert capfd.readouterr() == ("", "")
