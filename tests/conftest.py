"""Shared fixtures: the real pipeline (loaded once), the golden-file switch, the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from the current output (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(scope="session")
def analyzer():
    """Return an Analyzer over the real English model (end-to-end tests only)."""
    from claimgraph.analyze.run import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def seed_article() -> Path:
    """Return the motivating article, or skip when the shared folder is not beside the repo."""
    found = sorted((SHARED / "seed").glob("*.txt")) if (SHARED / "seed").is_dir() else []
    if not found:
        pytest.skip("the seed article (../shared/seed/*.txt beside the repository) is not available")
    return found[0]
