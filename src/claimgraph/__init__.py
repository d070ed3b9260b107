"""claimgraph: who says so? News articles turned into a provenance graph of claims.

The public API; everything else is internal. Heavy parts (spaCy) load on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS = {
    "Analyzer": "claimgraph.analyze.run",
    "analyze_documents": "claimgraph.analyze.run",
    "load_pipeline": "claimgraph.analyze.pipeline",
    "Document": "claimgraph.ingest.document",
    "Rejection": "claimgraph.ingest.document",
    "read_inputs": "claimgraph.ingest",
    "normalize_published": "claimgraph.ingest",
    "SCHEMA_VERSION": "claimgraph.contract",
    "validate": "claimgraph.contract",
    "problems": "claimgraph.contract",
    "ClaimgraphError": "claimgraph.errors",
    "InputError": "claimgraph.errors",
    "ModelMissingError": "claimgraph.errors",
    "ContractError": "claimgraph.errors",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
