"""Property tests: read_inputs never raises and never prints, whatever bytes a file holds."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.ingest import Document, Rejection, read_inputs

SUFFIXES = [".txt", ".html", ".htm", ".json", ".jsonl", ".dat", ""]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["text", "html", "published", "url", "outlet", "title", "language", "author", "x"]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)
tags = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<html>",
        "<body>",
        "<article>",
        "<script>",
        "<!--",
        "-->",
        "<br>",
        "<h1>",
        "<meta charset='latin-1'>",
        "&amp;",
        "&#0;",
        "<",
    ]
)
html_like = st.lists(st.one_of(tags, st.text(max_size=20)), max_size=30).map("".join)
contents = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(json_values.map(json.dumps), max_size=4).map(lambda ls: "\n".join(ls).encode()),
    html_like.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def check(items: list) -> None:
    for item in items:
        assert isinstance(item, Document | Rejection)
        if isinstance(item, Rejection):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.strip()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=contents, suffix=st.sampled_from(SUFFIXES))
def test_ingest_properties_read_inputs_never_raises_on_any_file(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        check(list(read_inputs([str(path), folder])))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=contents)
def test_ingest_properties_read_inputs_never_raises_on_any_stdin(data):
    check(list(read_inputs(["-"], stdin=io.BytesIO(data))))


def test_ingest_properties_nothing_is_printed(capfd):
    samples = [
        b"\x00\xff" * 50,
        b"<html><body><p>",
        b'{"html": "<p>"}',
        b"[" * 3000,
        "é".encode("cp1252"),
    ]
    for data in samples:
        check(list(read_inputs(["-"], stdin=io.BytesIO(data))))
    assert capfd.readouterr() == ("", "")
