"""Shared fixtures: the seed graph is built once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seed_result():
    """The in-memory result of building the seed articles in data/."""
    from edugraph.build import run_build

    return run_build(progress=False)


@pytest.fixture(scope="session")
def seed_build(seed_result, tmp_path_factory):
    """A build folder written from the seed articles (read-only for tests)."""
    from edugraph.build import write_build

    out = tmp_path_factory.mktemp("seed") / "build"
    write_build(seed_result, out)
    return out
