"""Keep ``claimgraph.__all__`` honest: every name resolves, and every public name is listed."""

from __future__ import annotations

import claimgraph


def test_exported_members_all_resolve():
    for name in claimgraph.__all__:
        assert getattr(claimgraph, name) is not None, name


def test_exported_members_match_the_public_names():
    public = {n for n in claimgraph._EXPORTS} | {"__version__"}
    assert set(claimgraph.__all__) == public
    assert sorted(claimgraph.__all__) == claimgraph.__all__
