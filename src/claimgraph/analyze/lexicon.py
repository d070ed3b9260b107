"""Load the lexicons and gazetteers shipped as data files in ``analyze/data``."""

from __future__ import annotations

from functools import cache
from importlib import resources

from claimgraph.accents import strip_accents


def _lines(name: str) -> list[str]:
    text = resources.files("claimgraph.analyze").joinpath("data", name).read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    """Return the entries of a one-entry-per-line file, stripped."""
    return frozenset(ln.strip() for ln in _lines(name))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return a tab-separated file as a tuple of rows (tuples of stripped cells)."""
    return tuple(tuple(c.strip() for c in ln.split("\t")) for ln in _lines(name))


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """Return a tab-separated file as ``{first column: (other columns...)}``."""
    return {key: tuple(rest) for key, *rest in rows(name)}


@cache
def groups(name: str) -> dict[str, str]:
    """Return a ``canonical|alias|alias`` file as ``{each form: canonical}``."""
    out: dict[str, str] = {}
    for ln in _lines(name):
        forms = [f.strip() for f in ln.split("|") if f.strip()]
        for form in forms:
            out.setdefault(form, forms[0])
    return out


def fold(text: str) -> str:
    """Return a comparison key: accents, case, dots and extra spaces removed."""
    bare = strip_accents(text).replace(".", "").replace("’", "'").casefold()
    return " ".join(bare.split())


@cache
def aliases() -> dict[str, str]:
    """Return ``{folded variant: canonical name}`` from ``aliases.tsv``."""
    return {fold(k): v[0] for k, v in table("aliases.tsv").items()}
