"""The claimgraph/1 contract: the schema and the checks it cannot state."""

from __future__ import annotations

import copy
import json

import pytest

from claimgraph import contract
from claimgraph.errors import ContractError

TEXT = "Reuters said the dam closed on Monday."


def minimal() -> dict:
    return {
        "schema": "claimgraph/1",
        "document": {
            "id": "d_1",
            "url": None,
            "outlet": "The Post",
            "published": "2026-01-17",
            "title": None,
            "language": "en",
            "text": TEXT,
        },
        "entities": [
            {
                "id": "e_1",
                "name": "Reuters",
                "type": "outlet",
                "mentions": [{"start": 0, "end": 7, "text": "Reuters"}],
                "roles": [],
            }
        ],
        "sources": [
            {
                "id": "s_p",
                "kind": "publisher",
                "entity": None,
                "text": "The Post",
                "start": None,
                "end": None,
                "count": None,
            },
            {
                "id": "s_r",
                "kind": "outlet",
                "entity": "e_1",
                "text": "Reuters",
                "start": 0,
                "end": 7,
                "count": None,
            },
        ],
        "claims": [
            {
                "id": "c_1",
                "content": {"start": 13, "end": 37, "text": "the dam closed on Monday"},
                "cue": {"start": 8, "end": 12, "text": "said"},
                "source": "s_r",
                "chain": ["s_p", "s_r"],
                "status": "reported",
                "event": None,
            }
        ],
        "events": [],
        "times": [
            {
                "id": "t_1",
                "start": 31,
                "end": 37,
                "text": "Monday",
                "value": "2026-01-12",
                "granularity": "day",
                "type": "exact",
            }
        ],
    }


def test_contract_minimal_document_is_valid():
    assert contract.problems(minimal()) == []
    assert contract.validate(minimal())["schema"] == "claimgraph/1"


def test_contract_schema_is_valid_json_schema():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(contract.schema())


@pytest.mark.parametrize(
    "break_it,expected",
    [
        (lambda d: d["claims"][0]["content"].update(start=12), "is not text[12:37]"),
        (lambda d: d["claims"][0]["content"].update(end=999), "out of the text"),
        (lambda d: d["claims"][0].update(status="likely"), "is not one of"),
        (lambda d: d["claims"][0].update(chain=["s_r"]), "must run from the publisher"),
        (lambda d: d["claims"][0].update(source="s_x"), "names no item of sources"),
        (lambda d: d["sources"][1].update(entity="e_x"), "names no item of entities"),
        (lambda d: d["sources"].pop(0), "publisher sources, expected exactly 1"),
        (lambda d: d["document"].update(published="17/01/2026"), "does not match"),
        (lambda d: d.update(schema="claimgraph/2"), "was expected"),
        (lambda d: d["times"].append(dict(d["times"][0])), "ids are not unique"),
    ],
)
def test_contract_problems_name_each_breach(break_it, expected):
    doc = copy.deepcopy(minimal())
    break_it(doc)
    found = contract.problems(doc)
    assert any(expected in p for p in found), found
    with pytest.raises(ContractError):
        contract.validate(doc)


def test_contract_schema_file_is_the_one_documented():
    from pathlib import Path

    docs = Path(__file__).parent.parent / "docs" / "contract.md"
    text = docs.read_text("utf-8")
    for section in ("document", "entities", "sources", "claims", "events", "times"):
        assert f"`{section}`" in text, section
    for field in (
        json.dumps(contract.schema()["$defs"]["source"]["properties"]["kind"]["enum"]).strip("[]").split(", ")
    ):
        assert field.strip('"') in text
