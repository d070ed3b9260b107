"""Ship and check the claimgraph/1 contract: the JSON Schema plus the checks a schema cannot state."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from claimgraph.errors import ContractError

SCHEMA_VERSION = "claimgraph/1"

__all__ = ["SCHEMA_VERSION", "schema", "problems", "validate"]


@cache
def schema() -> dict[str, Any]:
    """Return the claimgraph/1 JSON Schema shipped in the package."""
    text = resources.files(__name__).joinpath("claimgraph-1.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def _spans(node: Any, path: str) -> Any:
    """Yield (path, span) for every object carrying integer start/end and a text."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and "text" in node:
            yield path, node
        for key, value in node.items():
            yield from _spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spans(value, f"{path}[{i}]")


def problems(output: dict[str, Any]) -> list[str]:
    """Return every way ``output`` breaks claimgraph/1 (empty when it is valid)."""
    found = [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in _validator().iter_errors(output)
    ]
    if found:
        return found
    text = output["document"]["text"]
    sections = ("entities", "sources", "claims", "events", "times", "relations")
    for section in sections:
        for path, span in _spans(output.get(section, []), section):
            if not 0 <= span["start"] <= span["end"] <= len(text):
                found.append(f"{path}: offsets {span['start']}..{span['end']} out of the text")
            elif text[span["start"] : span["end"]] != span["text"]:
                found.append(f"{path}: text {span['text']!r} is not text[{span['start']}:{span['end']}]")
    ids: dict[str, set[str]] = {
        section: {item["id"] for item in output.get(section, [])} for section in sections
    }
    for section, items in ids.items():
        if len(items) != len(output.get(section, [])):
            found.append(f"{section}: ids are not unique")

    def ref(path: str, value: str | None, section: str) -> None:
        if value is not None and value not in ids[section]:
            found.append(f"{path}: {value!r} names no item of {section}")

    for i, e in enumerate(output["entities"]):
        for j, role in enumerate(e["roles"]):
            ref(f"entities[{i}].roles[{j}].of", role["of"], "entities")
    for i, s in enumerate(output["sources"]):
        ref(f"sources[{i}].entity", s["entity"], "entities")
    publishers = [s["id"] for s in output["sources"] if s["kind"] == "publisher"]
    if output["claims"] and len(publishers) != 1:
        found.append(f"sources: {len(publishers)} publisher sources, expected exactly 1")
    for i, c in enumerate(output["claims"]):
        ref(f"claims[{i}].source", c["source"], "sources")
        ref(f"claims[{i}].event", c["event"], "events")
        for j, s in enumerate(c["chain"]):
            ref(f"claims[{i}].chain[{j}]", s, "sources")
        if c["chain"] and (c["chain"][0] not in publishers or c["chain"][-1] != c["source"]):
            found.append(f"claims[{i}].chain: must run from the publisher to the claim's source")
    for i, ev in enumerate(output["events"]):
        for key in ("actors", "recipients", "where"):
            for j, e in enumerate(ev[key]):
                ref(f"events[{i}].{key}[{j}]", e, "entities")
        ref(f"events[{i}].when", ev["when"], "times")
        ref(f"events[{i}].claim", ev["claim"], "claims")
        ref(f"events[{i}].same_as", ev.get("same_as"), "events")
    for i, r in enumerate(output.get("relations", [])):
        ref(f"relations[{i}].subject", r["subject"], "entities")
        ref(f"relations[{i}].object", r["object"], "entities")
        ref(f"relations[{i}].claim", r["claim"], "claims")
    return found


def validate(output: dict[str, Any]) -> dict[str, Any]:
    """Return ``output`` unchanged if it satisfies claimgraph/1, else raise ContractError."""
    found = problems(output)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise ContractError(f"not a valid claimgraph/1 document: {found[0]}{more}")
    return output
