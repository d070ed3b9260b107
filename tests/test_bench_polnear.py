"""Tests of the PolNeAR benchmark: the brat reader, the scorer and the prediction side (no model)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import brat  # noqa: E402
import polnear  # noqa: E402
import scoring  # noqa: E402
from scoring import Attribution, Counts, score_document, trim  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear"

# ---------------------------------------------------------------- a hand-written brat pair

TEXT = (
    "Storm Over Dam.\n\n"
    "The minister said that the dam would close.\n\n"
    '"We will not close it," Ana Ruiz said, "not this year."\n\n'
    "The dam reportedly closed.\n\n"
    'He added: "Never."\n'
)
# offsets: 17 The minister, 30 said, 35 that ...; 62 "We will ..., 86 Ana Ruiz, 95 said, 101 "not ...;
# 119 The dam, 127 reportedly, 138 closed.; 147 He, 150 added:, 157 "Never."
ANN = "\n".join(
    [
        "T1\tSource 17 29\tThe minister",
        "T2\tCue 30 34\tsaid",
        "T3\tContent 35 60\tthat the dam would close.",
        "T4\tAttribution 30 34\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        'T5\tContent 62 85;101 117\t"We will not close it," "not this year."',
        "T6\tSource 86 94\tAna Ruiz",
        "T7\tCue 95 99\tsaid",
        "T8\tAttribution 95 99\tsaid",
        "E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5",
        "T9\tCue 127 137\treportedly",
        "T10\tContent 119 126;138 145\tThe dam closed.",
        "T11\tAttribution-no-source 127 137\treportedly",
        "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
        "T12\tSource 147 149\tHe",
        "T13\tCue 150 156\tadded:",
        'T14\tContent 157 158\t"',
        'T15\tContent2 158 165\tNever."',
        "T16\tAttribution 150 156\tadded:",
        "E4\tAttribution:T16 Source:T12 Cue:T13 Content:T14 Content2:T15",
        "T17\tAttribution 0 5\tStorm",
        "E5\tAttribution:T17 ",
        "T18\tDiscard 0 15\tStorm Over",
        "Dam.",
        "#1\tAnnotatorNotes T18\ttitle, not an attribution",
        "",
    ]
)


def test_bench_polnear_fixture_offsets_slice_the_text():
    for line in ANN.splitlines():
        if line.startswith("T") and "\t" in line:
            _, spec, shown = line.split("\t")
            frags = [tuple(map(int, p.split())) for p in spec.split(" ", 1)[1].split(";")]
            assert " ".join(TEXT[a:b] for a, b in frags).startswith(shown.split("\n")[0][:10])


def test_bench_polnear_parse_ann_reads_attributions():
    attributions, skipped = brat.parse_ann(ANN)
    assert skipped == 1  # E5 has a trigger and nothing else
    by_id = {a.id: a for a in attributions}
    assert set(by_id) == {"E1", "E2", "E3", "E4"}
    assert by_id["E1"] == Attribution(((17, 29),), ((30, 34),), ((35, 60),), "E1")
    assert by_id["E2"].content == ((62, 85), (101, 117))  # discontinuous
    assert by_id["E3"].source is None  # Attribution-no-source
    assert by_id["E3"].content == ((119, 126), (138, 145))
    assert by_id["E4"].content == ((157, 165),)  # Content + Content2, touching, joined


def test_bench_polnear_parse_ann_rejects_dangling_reference():
    with pytest.raises(ValueError, match="T9"):
        brat.parse_ann("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue:T1 Content:T9\n")


def _write_split(root: Path, name: str, annotators: dict[str, str], text: str = TEXT) -> None:
    (root / "dev" / "text").mkdir(parents=True, exist_ok=True)
    (root / "dev" / "attributions").mkdir(parents=True, exist_ok=True)
    (root / "dev" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    for annotator, ann in annotators.items():
        (root / "dev" / "attributions" / f"{name}_{annotator}.ann").write_text(ann, encoding="utf-8")


def test_bench_polnear_read_split_one_annotator_per_article(tmp_path: Path):
    _write_split(tmp_path, "nyt_2016-09-08_b", {"d473": ANN, "4b22": ANN.split("T5")[0]})
    _write_split(tmp_path, "nyt_2016-09-08_a", {"ef2d": ANN})
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
        "dev\tnyt_2016-09-08_b\tnyt\t2016-09-08\tStorm Over Dam\n",
        encoding="utf-8",
    )
    docs = list(brat.read_split(tmp_path, "dev"))
    assert [d.name for d in docs] == ["nyt_2016-09-08_a", "nyt_2016-09-08_b"]
    assert docs[1].annotator == "4b22"  # first in sorted order, whatever the others say
    assert len(docs[1].attributions) == 1
    assert docs[1].meta["publisher"] == "nyt" and docs[0].meta == {}
    assert [d.name for d in brat.read_split(tmp_path, "dev", limit=1)] == ["nyt_2016-09-08_a"]


def test_bench_polnear_read_split_errors(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="no PolNeAR split 'dev'"):
        list(brat.read_split(tmp_path, "dev"))
    _write_split(tmp_path, "short", {"d473": ANN}, text="Too short.")
    with pytest.raises(ValueError, match="outside the text"):
        list(brat.read_split(tmp_path, "dev"))


# ---------------------------------------------------------------- the scorer


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ((17, 29), ((17, 29),)),  # "The minister"
        ((16, 29), ((17, 29),)),  # leading line break
        ((35, 60), ((35, 59),)),  # "that the dam would close." loses its full stop
        ((150, 156), ((150, 155),)),  # "added:" -> "added"
        ((155, 157), ((155, 156),)),  # a colon cue (": ") keeps its colon
        ((62, 85), ((62, 85),)),  # a closing quotation mark is kept
        ((15, 17), None),  # only whitespace
    ],
)
def test_bench_polnear_trim(span, expected):
    assert trim(TEXT, (span,)) == expected


def test_bench_polnear_counts_prf():
    c = Counts(matched=2, gold=4, predicted=3)
    assert (round(c.precision, 4), c.recall, round(c.f1, 4)) == (0.6667, 0.5, 0.5714)
    assert Counts().f1 == 0.0 and Counts(0, 3, 0).precision == 0.0


def A(source=None, cue=None, content=None) -> Attribution:
    """Return an Attribution from (start, end) pairs, or lists of them for discontinuous roles."""

    def frags(x):
        return None if x is None else tuple(x) if isinstance(x, list) else (x,)

    return Attribution(frags(source), frags(cue), frags(content))


GOLD, _ = brat.parse_ann(ANN)


def test_bench_polnear_exact_discontinuous_content_matches_its_whole_extent():
    # one span from the first to the last character of E2's content, the cue inside
    predicted = [A((86, 94), (95, 99), (62, 117))]
    s = score_document(TEXT, GOLD, predicted)
    assert s["exact", "content"] == Counts(1, 4, 1)
    assert s["exact", "source"] == Counts(1, 3, 1)  # E3 has no source
    assert s["exact", "cue"] == Counts(1, 4, 1)
    assert s["exact", "relation"] == Counts(1, 4, 1)
    # per fragment, E2 is two units and the whole span matches neither; E1, E3 add 1 and 2
    assert s["fragment", "content"] == Counts(0, 6, 1)
    assert s["overlap", "content"] == Counts(1, 4, 1)


def test_bench_polnear_fragment_mode_matches_each_fragment():
    predicted = [A(content=(62, 85)), A(content=(101, 117))]
    s = score_document(TEXT, GOLD, predicted)
    assert s["fragment", "content"] == Counts(2, 6, 2)
    assert s["exact", "content"] == Counts(0, 4, 2)
    assert s["overlap", "content"] == Counts(1, 4, 2)  # one to one: one of the two pairs with E2


def test_bench_polnear_trimming_applies_to_both_sides():
    predicted = [A((17, 30), (30, 35), (35, 59))]  # "The minister ", "said ", no full stop
    s = score_document(TEXT, GOLD, predicted)
    assert s["exact", "relation"] == Counts(1, 4, 1)


def test_bench_polnear_overlap_is_one_to_one_largest_first():
    text = "x" * 40
    gold = [A(content=(0, 10)), A(content=(12, 20))]
    # the first prediction overlaps gold 1 by 5 and gold 2 by 3; the second overlaps gold 2 by 6
    s = score_document(text, gold, [A(content=(5, 15)), A(content=(14, 20))])
    assert s["overlap", "content"] == Counts(2, 2, 2)
    # one prediction over both gold spans matches only one of them
    s = score_document(text, gold, [A(content=(0, 20))])
    assert s["overlap", "content"] == Counts(1, 2, 1)


def test_bench_polnear_overlap_ignores_the_gap_of_a_discontinuous_span():
    # "Ana Ruiz said" sits in the gap of E2's content: it overlaps no content fragment
    s = score_document(TEXT, GOLD, [A(content=(86, 99))])
    assert s["overlap", "content"] == Counts(0, 4, 1)


def test_bench_polnear_spans_are_deduplicated():
    text = "Officials said A. Officials said B."
    gold = [A((0, 9), (10, 14), (15, 16)), A((0, 9), (28, 32), (33, 34))]
    predicted = [A((0, 9), (10, 14), (15, 16)), A((0, 9), (10, 14), (15, 16))]
    s = score_document(text, gold, predicted)
    assert s["exact", "source"] == Counts(1, 1, 1)
    assert s["overlap", "source"] == Counts(1, 1, 1)
    assert s["exact", "cue"] == Counts(1, 2, 1)
    assert s["exact", "relation"] == Counts(1, 2, 1)
    assert s["overlap", "relation"] == Counts(1, 2, 1)


@pytest.mark.parametrize(
    ("predicted", "exact", "overlap"),
    [
        (A(None, (127, 137), (119, 145)), 1, 1),  # no source on either side
        (A((119, 126), (127, 137), (119, 145)), 0, 0),  # a source where gold has none
        (A(None, (127, 137), (119, 126)), 0, 1),  # content only partly found
        (A(None, (17, 29), (120, 146)), 0, 0),  # the cue of another attribution
    ],
)
def test_bench_polnear_relation_matching(predicted, exact, overlap):
    gold = [g for g in GOLD if g.id == "E3"]  # "The dam reportedly closed.", no source
    s = score_document(TEXT, gold, [predicted])
    assert s["exact", "relation"].matched == exact
    assert s["overlap", "relation"].matched == overlap


def test_bench_polnear_score_adds_up_and_serialises():
    total = scoring.Score()
    total += score_document(TEXT, GOLD, [A((17, 29), (30, 34), (35, 60))])
    total += score_document(TEXT, GOLD, [])
    assert total["exact", "relation"] == Counts(1, 8, 1)
    assert total.as_dict()["exact"]["relation"]["recall"] == 0.125
    assert "relation" not in total.as_dict()["fragment"]


# ---------------------------------------------------------------- the prediction side

CLAIMGRAPH = {
    "document": {"text": TEXT},
    "sources": [
        {
            "id": "s0",
            "kind": "publisher",
            "entity": None,
            "text": "The Daily Post",
            "start": None,
            "end": None,
            "count": None,
        },
        {
            "id": "s1",
            "kind": "person",
            "entity": "e1",
            "text": "The minister",
            "start": 17,
            "end": 29,
            "count": 1,
        },
        {
            "id": "s2",
            "kind": "unspecified",
            "entity": None,
            "text": "reportedly",
            "start": None,
            "end": None,
            "count": None,
        },
        {
            "id": "s3",
            "kind": "outlet",
            "entity": None,
            "text": "Reuters",
            "start": 0,
            "end": 5,
            "count": None,
        },
        {
            "id": "s4",
            "kind": "person",
            "entity": "e2",
            "text": "Ana Ruiz",
            "start": 86,
            "end": 94,
            "count": 1,
        },
    ],
    "claims": [
        {
            "id": "c0",
            "content": {"start": 0, "end": 15, "text": "Storm Over Dam."},
            "cue": None,
            "source": "s0",
            "chain": ["s0"],
            "status": "asserted",
            "event": None,
        },
        {
            "id": "c1",
            "content": {"start": 35, "end": 60, "text": "that the dam would close."},
            "cue": {"start": 30, "end": 34, "text": "said"},
            "source": "s1",
            "chain": ["s0", "s1"],
            "status": "reported",
            "event": None,
        },
        {
            "id": "c2",
            "content": {"start": 119, "end": 126, "text": "The dam"},
            "cue": {"start": 127, "end": 137, "text": "reportedly"},
            "source": "s2",
            "chain": ["s0", "s2"],
            "status": "hedged",
            "event": None,
        },
        {
            "id": "c3",
            "content": {"start": 62, "end": 117, "text": "..."},
            "cue": {"start": 95, "end": 99, "text": "said"},
            "source": "s4",
            "chain": ["s0", "s3", "s4"],
            "status": "reported",
            "event": None,
        },
    ],
}


def test_bench_polnear_claim_attributions():
    attributions, notes = polnear.claim_attributions(CLAIMGRAPH)
    assert attributions == [
        Attribution(((17, 29),), ((30, 34),), ((35, 60),), "c1"),
        Attribution(None, ((127, 137),), ((119, 126),), "c2"),  # implicit source: no span
        Attribution(((86, 94),), ((95, 99),), ((62, 117),), "c3"),  # the innermost source of the chain
    ]
    assert "c0" not in notes  # the publisher's own voice is no attribution
    assert notes["c3"] == {
        "status": "reported",
        "kind": "person",
        "count": 1,
        "chain": ["The Daily Post", "Reuters", "Ana Ruiz"],
    }
    s = score_document(TEXT, GOLD, attributions)
    assert s["exact", "relation"] == Counts(2, 4, 3)  # c3 matches E2 with its cue
    assert s["overlap", "relation"] == Counts(3, 4, 3)  # c2's content overlaps E3's


def test_bench_polnear_a_publisher_claim_a_cue_hedges_is_an_attribution_without_source():
    import copy

    result = copy.deepcopy(CLAIMGRAPH)
    c0 = result["claims"][0]
    c0["cue"] = {"start": 6, "end": 10, "text": "Over"}  # as if "Storm seemed ..."
    attributions, notes = polnear.claim_attributions(result)
    assert attributions[0] == Attribution(None, ((6, 10),), ((0, 15),), "c0")
    assert notes["c0"]["kind"] == "publisher"


def test_bench_polnear_quotation_attributions():
    def tok(i, text):
        return SimpleNamespace(idx=i, text=text)

    triple = SimpleNamespace(
        speaker=[tok(86, "Ana"), tok(90, "Ruiz")],
        cue=[tok(95, "said")],
        content=SimpleNamespace(start_char=62, end_char=85),
    )
    assert polnear.quotation_attributions([triple]) == [Attribution(((86, 94),), ((95, 99),), ((62, 85),))]


def test_bench_polnear_error_records():
    gold_doc = brat.GoldDocument("d", TEXT, GOLD)
    predicted, notes = polnear.claim_attributions(CLAIMGRAPH)
    predicted.append(Attribution(((0, 5),), None, ((6, 15),), "c9"))
    records = list(polnear.error_records("claimgraph", gold_doc, predicted, notes))
    by_gold = {r.get("gold_id"): r for r in records if r["error"] != "spurious"}
    assert set(by_gold) == {"E3", "E4"}  # E1 and E2 were matched exactly
    assert by_gold["E4"]["error"] == "missed" and by_gold["E4"]["predicted"] == []
    assert by_gold["E4"]["sentence"] == 'He added: "Never."'
    assert by_gold["E4"]["gold"]["cue"]["text"] == "added"  # as scored, trimmed
    e3 = by_gold["E3"]
    assert (e3["error"], e3["relation"]) == ("partial", "overlap")
    assert e3["roles"] == {"source": "absent", "cue": "exact", "content": "overlap"}
    assert e3["predicted"][0]["status"] == "hedged"
    spurious = [r for r in records if r["error"] == "spurious"]
    assert [r["predicted"]["source"]["text"] for r in spurious] == ["Storm"]
    json.dumps(records)


# ---------------------------------------------------------------- the command


def test_bench_polnear_main_scores_a_stub_analyzer(tmp_path, monkeypatch, capsys):
    import claimgraph

    _write_split(tmp_path, "nyt_2016-09-08_a", {"d473": ANN})
    seen = []

    def fake_analyze(documents, *, clean=True):
        assert clean is False
        for d in documents:
            seen.append(d)
            yield {**CLAIMGRAPH, "document": {"text": d.text}}

    monkeypatch.setitem(vars(claimgraph), "analyze_documents", fake_analyze)
    monkeypatch.setitem(sys.modules, "textacy", None)  # the peer is not installed
    errors = tmp_path / "errors.jsonl"
    code = polnear.main(["--data", str(tmp_path), "--json", "--errors", str(errors)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "skipping the textacy row: textacy is not installed" in err
    report = json.loads(out)
    assert report["documents"] == 1 and report["gold"]["attributions"] == 4
    assert report["gold"]["discontinuous_contents"] == 2 and report["gold"]["without_source"] == 1
    assert report["systems"]["claimgraph"]["scores"]["exact"]["relation"]["matched"] == 2
    assert seen[0].text == TEXT and seen[0].language == "en"
    assert len(errors.read_text().splitlines()) == 2  # E3 partial, E4 missed


def test_bench_polnear_main_scores_nothing_where_the_text_was_altered(tmp_path, monkeypatch, capsys):
    import claimgraph

    _write_split(tmp_path, "nyt_2016-09-08_a", {"d473": ANN})

    def altering(documents, *, clean=True):
        for d in documents:
            yield {**CLAIMGRAPH, "document": {"text": d.text.replace("\n\n", "\n")}}

    monkeypatch.setitem(vars(claimgraph), "analyze_documents", altering)
    assert polnear.main(["--data", str(tmp_path), "--json", "--no-peer"]) == 0
    out, err = capsys.readouterr()
    assert "altered the text of 1 documents" in err
    assert json.loads(out)["systems"]["claimgraph"]["predicted_attributions"] == 0


def test_bench_polnear_main_without_analyze_documents(tmp_path, monkeypatch, capsys):
    import claimgraph

    _write_split(tmp_path, "nyt_2016-09-08_a", {"d473": ANN})
    monkeypatch.delitem(vars(claimgraph), "analyze_documents", raising=False)
    monkeypatch.setitem(sys.modules, "claimgraph.analyze.run", None)
    assert polnear.main(["--data", str(tmp_path), "--no-peer"]) == 1
    assert "skipping the claimgraph row: claimgraph.analyze_documents is not available" in (
        capsys.readouterr().err
    )


def test_bench_polnear_main_reports_a_missing_split(tmp_path, capsys):
    assert polnear.main(["--data", str(tmp_path), "--no-peer"]) == 2
    assert "no PolNeAR split 'dev'" in capsys.readouterr().err


# ---------------------------------------------------------------- the real data, when present


def test_bench_polnear_reads_the_real_dev_split():
    if not (POLNEAR / "data" / "dev").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (the shared data folder beside the repository)")
    docs = list(brat.read_split(POLNEAR, "dev"))
    attributions = [a for d in docs for a in d.attributions]
    assert len(docs) == 84 and len(attributions) == 2192
    assert any(a.source is None for a in attributions)
    assert any(a.content and len(a.content) > 1 for a in attributions)
    assert all(d.meta.get("compartment") == "dev" for d in docs)


def test_bench_polnear_agreement_scores_annotators_against_each_other(tmp_path: Path):
    _write_split(tmp_path, "nyt_2016-09-08_b", {"d473": ANN, "4b22": ANN.split("T5")[0]})
    _write_split(tmp_path, "nyt_2016-09-08_a", {"ef2d": ANN})
    score, articles, pairs = polnear.agreement(tmp_path, "dev")
    assert (articles, pairs) == (1, 2)  # only the article two annotators annotated, both ways
    exact = score["exact", "relation"]
    assert exact.precision == exact.recall  # each ordered pair once: symmetric
    full = len(brat.parse_ann(ANN)[0])
    assert exact.gold == exact.predicted == full + 1 and exact.matched == 2
