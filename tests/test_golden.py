"""Golden-file tests: `claimgraph analyze` on every bundled example, compared as canonical JSON.

Regenerate with ``pytest tests/test_golden.py --regen-golden`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph import contract
from claimgraph.ingest import Document, read_inputs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "golden"


def canonical(out: dict) -> str:
    """Return output as canonical JSON: sorted keys, the analysis version left out."""
    out = dict(out, analysis={k: v for k, v in out["analysis"].items() if k != "version"})
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def example_documents() -> list[Document]:
    return [d for d in read_inputs([str(EXAMPLES)]) if isinstance(d, Document)]


def golden_name(origin: str) -> str:
    rel = Path(origin.rsplit(":", 1)[0] if origin.rsplit(":", 1)[-1].isdigit() else origin)
    line = origin.rsplit(":", 1)[1] if origin.rsplit(":", 1)[-1].isdigit() else None
    return rel.stem + (f".{line}" if line else "") + ".json"


@pytest.fixture(scope="module")
def outputs(analyzer):
    docs = example_documents()
    assert len(docs) >= 8, "the examples folder should hold 8 to 12 articles"
    return {golden_name(origin): out for origin, out in analyzer.results(docs)}


def test_golden_examples_are_valid_claimgraph(outputs):
    for name, out in outputs.items():
        assert isinstance(out, dict), f"{name}: {out}"
        assert contract.problems(out) == [], name


def test_golden_examples_match_their_golden_files(outputs, regen_golden):
    GOLDEN.mkdir(exist_ok=True)
    if regen_golden:
        for old in GOLDEN.glob("*.json"):
            old.unlink()
        for name, out in outputs.items():
            (GOLDEN / name).write_text(canonical(out), encoding="utf-8")
    missing = sorted(set(outputs) - {p.name for p in GOLDEN.glob("*.json")})
    assert not missing, f"no golden file for {missing}: run pytest --regen-golden and review"
    stale = sorted({p.name for p in GOLDEN.glob("*.json")} - set(outputs))
    assert not stale, f"golden files without an example: {stale}"
    for name, out in outputs.items():
        expected = (GOLDEN / name).read_text("utf-8")
        assert canonical(out) == expected, f"{name} differs from its golden file (--regen-golden to update)"
