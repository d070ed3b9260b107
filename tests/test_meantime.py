"""Tests of the MEANTIME event benchmark: the reader, pairing and the factuality scores (no model)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from meantime import Attribute, Mention, factuality, pair, read_events  # noqa: E402

XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en" url="">
<token t_id="1" sentence="0" number="0">Police</token>
<token t_id="2" sentence="0" number="1">did</token>
<token t_id="3" sentence="0" number="2">not</token>
<token t_id="4" sentence="0" number="3">arrest</token>
<token t_id="5" sentence="0" number="4">him</token>
<token t_id="6" sentence="0" number="5">.</token>
<token t_id="7" sentence="1" number="6">Talks</token>
<token t_id="8" sentence="1" number="7">may</token>
<token t_id="9" sentence="1" number="8">resume</token>
<token t_id="10" sentence="2" number="9">Nothing</token>
<token t_id="11" sentence="2" number="10">annotated</token>
<Markables>
<EVENT_MENTION certainty="CERTAIN" m_id="1" polarity="NEG"><token_anchor t_id="4"/></EVENT_MENTION>
<EVENT_MENTION certainty="POSSIBLE" m_id="2" polarity="POS"><token_anchor t_id="9"/></EVENT_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="3" type="DATE" value="2008-03-06"></TIMEX3>
</Markables>
</Document>
"""


def test_meantime_reads_text_dct_mentions_and_the_annotated_region(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text(XML, encoding="utf-8")
    doc = read_events(path)
    assert doc is not None
    assert doc.text == "Police did not arrest him.\nTalks may resume\nNothing annotated"
    assert doc.dct == "2008-03-06"
    assert [(doc.text[m.start : m.end], m.certainty, m.polarity) for m in doc.gold] == [
        ("arrest", "CERTAIN", "NEG"),
        ("resume", "POSSIBLE", "POS"),
    ]
    assert doc.text[: doc.cut].endswith("resume")


def test_meantime_factuality_from_status_negation_and_mode() -> None:
    assert factuality("asserted", False, "actual") == ("CERTAIN", "POS")
    assert factuality("hedged", False, "actual") == ("PROBABLE", "POS")
    assert factuality("uncertain", False, "actual") == ("POSSIBLE", "POS")
    assert factuality("denied", False, "actual") == ("CERTAIN", "NEG")
    assert factuality(None, True, "possible") == ("POSSIBLE", "NEG")


def test_meantime_pairs_overlaps_one_to_one() -> None:
    gold = [Mention(0, 6, "CERTAIN", "POS"), Mention(10, 16, "CERTAIN", "POS")]
    assert pair(gold, [(2, 4), (3, 5), (10, 12), (20, 22)]) == [(0, 0), (1, 2)]


def test_meantime_majority_baseline_and_macro_f1() -> None:
    scores = Attribute()
    for gold, predicted in [
        ("CERTAIN", "CERTAIN"),
        ("CERTAIN", "POSSIBLE"),
        ("POSSIBLE", "POSSIBLE"),
        ("", "x"),
    ]:
        scores.add(gold, predicted)
    assert scores.metrics()["items"] == 3  # an empty gold value is left out
    assert round(scores.metrics()["accuracy"], 3) == 0.667
    majority = scores.majority().metrics()
    assert round(majority["accuracy"], 3) == 0.667 and round(majority["macro_f1"], 3) == 0.4
