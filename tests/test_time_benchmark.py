"""Tests of the TimeBank benchmark: the TimeML reader and the TempEval-3 scorer (no model needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import timebank  # noqa: E402
from timebank import Timex, read_tml, score_document  # noqa: E402

TIMEBANK = ROOT.parent / "shared" / "data" / "timebank"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" \
functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TITLE>Jobs &amp; wages</TITLE>
<TEXT>
Employers added jobs in <TIMEX3 tid="t1" type="DATE" value="1998-01">January</TIMEX3>, the
<EVENT eid="e1" class="REPORTING">report</EVENT> said <TIMEX3 tid="t2" type="DATE" value="1998-02-06" \
functionInDocument="PUBLICATION_TIME">today</TIMEX3>, over <TIMEX3 tid="t3" type="DURATION" \
value="P2W">the last two weeks</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_time_benchmark_reads_text_dct_gold_and_excluded(tmp_path: Path) -> None:
    path = tmp_path / "X1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct == "1998-02-06"
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("January", "DATE", "1998-01"),
        ("the last two weeks", "DURATION", "P2W"),
    ]
    assert [doc.text[x.start : x.end] for x in doc.excluded] == ["today"]
    assert "<" not in doc.text and "report said" in doc.text


def test_time_benchmark_scores_strict_relaxed_and_value() -> None:
    gold = [Timex(0, 7, "DATE", "1998-01"), Timex(20, 38, "DURATION", "P2W"), Timex(50, 56, "DATE", "1997")]
    predicted = [
        Timex(0, 7, "DATE", "1998-01"),  # strict, value right
        Timex(24, 38, "DURATION", "P2W"),  # relaxed only, value right
        Timex(60, 65, "DATE", "1999"),  # spurious
        Timex(40, 45, "DATE", "1998-02-06"),  # overlaps an excluded expression: not counted
    ]
    misses: list = []
    score = score_document(gold, predicted, [Timex(40, 45, "DATE", "x")], misses)
    assert (score.gold, score.predicted, score.strict, score.relaxed, score.value) == (3, 3, 1, 2, 2)
    m = score.metrics()
    assert m["strict_f1"] == pytest.approx(1 / 3)
    assert m["relaxed_f1"] == pytest.approx(2 / 3)
    assert m["value_accuracy"] == 1.0 and m["value_f1"] == pytest.approx(2 / 3)
    assert len(misses) == 3  # the loose extent, the missed gold, the spurious prediction


def test_time_benchmark_pairs_one_to_one_by_largest_overlap() -> None:
    gold = [Timex(0, 10, "DATE", "a"), Timex(11, 20, "DATE", "b")]
    predicted = [Timex(0, 20, "DATE", "b")]
    score = score_document(gold, predicted)
    assert (score.relaxed, score.value) == (1, 0)  # paired with "a" (10 characters shared)


def test_time_benchmark_dateparser_value_granularity() -> None:
    import datetime as dt

    base = dt.datetime(1998, 2, 6)
    assert timebank.dateparser_value("Friday", dt.datetime(1998, 2, 6), base) == ("DATE", "1998-02-06")
    assert timebank.dateparser_value("January 1998", dt.datetime(1998, 1, 6), base) == ("DATE", "1998-01")
    assert timebank.dateparser_value("1997", dt.datetime(1997, 2, 6), base) == ("DATE", "1997")


def test_time_benchmark_missing_data_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert timebank.main(["--data", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--data" in err


@pytest.mark.model
def test_time_benchmark_timebank_floor() -> None:
    """Keep claimgraph's TimeBank figures from falling silently (floors just under 2026 runs)."""
    if not TIMEBANK.is_dir():
        pytest.skip("the TimeBank data (../shared/data/timebank) is not available")
    docs = timebank.read_corpus(TIMEBANK)
    predicted, _, _ = timebank.run_claimgraph(docs)
    total = timebank.Score()
    for d, pred in zip(docs, predicted, strict=True):
        total += score_document(d.gold, pred, d.excluded)
    m = total.metrics()
    # measured 0.876 strict F1, 0.940 relaxed F1, 0.800 value F1 (benchmarks/timebank.py)
    assert m["strict_f1"] >= 0.87 and m["relaxed_f1"] >= 0.93 and m["value_f1"] >= 0.79
