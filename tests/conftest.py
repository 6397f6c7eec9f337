"""Shared fixtures: the seed graph is built once per test session; the robustness counts are printed at the end."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/support helpers


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


def pytest_terminal_summary(terminalreporter):
    from support.robust import summary_lines

    for line in summary_lines():
        terminalreporter.write_line(line)
